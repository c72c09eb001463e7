"""How fast a draft check is against a big store (not a test: numbers depend on the machine).

    python -m checker.store.bench [--claims 1000000] [--store /tmp/claimcheck-bench.db]

`synth_store(url, n_claims)` fills a store with synthetic documents cloned from the seed articles
(real claim shapes, texts and spans) whose subjects are drawn from a pool of made-up people and
organisations (one per ~40 claims), plus the seed articles themselves. `time_candidates` times
the blocking query for drafts made of stored documents' claims; `time_check` times a whole
`check_store` of a real draft (reading and extraction included).
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path
from typing import Optional

import sqlalchemy as sa

from checker.store import db
from checker.store.store import Store, _people, person_keys

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "openai"
_SYL = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "an", "dru", "fen", "gar", "hol", "is", "jun", "ber", "cas",
        "del", "pon", "quin", "rus", "sel", "tam", "ul", "vor", "wen", "yar", "zel", "bri", "cor", "dan"]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(n)).capitalize()


def _pool(rng: random.Random, size: int) -> list[dict]:
    out, seen = [], set()
    while len(out) < size:
        if rng.random() < 0.6:
            name = f"{_word(rng, 2)} {_word(rng, rng.choice((2, 3)))}"
            sid = "person:" + name.lower().replace(" ", "-")
            kind = "person"
        else:
            name = _word(rng, 3) + rng.choice(["", " Labs", " AI", " Capital"])
            sid = "org:" + name.lower().replace(" ", "-")
            kind = "org"
        if sid not in seen:
            seen.add(sid)
            out.append({"id": sid, "name": name, "kind": kind, "aliases": [name]})
    return out


def synth_store(url: str, n_claims: int, *, seed: int = 0, batch_docs: int = 2000,
                templates: Path = SEED) -> dict:
    """Fill `url` with about `n_claims` claims; returns counts and seconds taken."""
    from checker.store.indexer import index

    t0 = time.perf_counter()
    index([templates], url)                       # the seed articles themselves
    store = Store(url)
    tdocs = store.documents()
    tclaims = store.claims()
    by_doc: dict[str, list[dict]] = {}
    for c in tclaims:
        by_doc.setdefault(c.doc, []).append(c.model_dump(mode="json"))
    tdocs = [d for d in tdocs if by_doc.get(d.id)]
    rng = random.Random(seed)
    pool = _pool(rng, max(50, n_claims // 40))
    persons = [s for s in pool if s["kind"] == "person"]
    orgs = [s for s in pool if s["kind"] == "org"]
    keys_of = {s["id"]: sorted(person_keys(s["name"])) for s in persons}
    written = 0
    k = 0
    rows_d, rows_c, rows_k = [], [], []
    now = time.strftime("%Y-%m-%d %H:%M:%S")

    def flush():
        with db.write_begin(store.engine.connect()) as conn, conn.begin():
            conn.execute(sa.insert(db.documents), rows_d)
            conn.execute(sa.insert(db.claims), rows_c)
            if rows_k:
                conn.execute(sa.insert(db.person_keys), rows_k)
        rows_d.clear(); rows_c.clear(); rows_k.clear()

    import datetime as dt

    while written < n_claims:
        t = tdocs[k % len(tdocs)]
        doc_id = f"syn{k:07d}"
        remap: dict[str, dict] = {}
        people_here: dict[str, dict] = {}
        claims_here = by_doc[t.id]
        for i, c in enumerate(claims_here):
            c = json.loads(json.dumps(c))
            for role in ("subject", "object", "destination"):
                s = c.get(role)
                if s is None:
                    continue
                if s["id"] not in remap:
                    remap[s["id"]] = rng.choice(persons if s["kind"] == "person" else orgs)
                new = dict(remap[s["id"]])
                if s["kind"] != "person":
                    new["kind"] = s["kind"]
                else:
                    people_here[new["id"]] = new
                c[role] = new
            c["id"], c["doc"] = f"{doc_id}#c{i + 1}", doc_id
            rows_c.append({"id": c["id"], "doc": doc_id, "seq": i, "subject_id": c["subject"]["id"],
                           "predicate": c["predicate"], "object_id": (c.get("object") or {}).get("id"),
                           "data": json.dumps(c, ensure_ascii=False)})
        meta = json.loads(t.model_dump_json())
        meta["id"] = doc_id
        rows_d.append({"id": doc_id, "path": f"synthetic/{doc_id}.txt", "lang": t.lang, "published": t.published,
                       "hash": f"synthetic-{k}", "meta": json.dumps(meta, ensure_ascii=False), "text": t.text,
                       "skipped": json.dumps(t.skipped), "n_claims": len(claims_here),
                       "indexed_at": dt.datetime.fromisoformat(now)})
        for pid, s in people_here.items():
            rows_k.extend({"doc": doc_id, "key": key, "subject_id": pid, "form": s["name"]} for key in keys_of[pid])
        written += len(claims_here)
        k += 1
        if len(rows_d) >= batch_docs:
            flush()
    if rows_d:
        flush()
    with store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("ANALYZE")
        else:
            conn.exec_driver_sql("ANALYZE claims")
            conn.exec_driver_sql("ANALYZE person_keys")
    counts = store.counts()
    counts["seconds"] = round(time.perf_counter() - t0, 1)
    return counts


def time_candidates(url: str, drafts: int = 30, *, seed: int = 1) -> dict:
    """Median and worst seconds of `Store.candidates` for drafts made of a random stored
    document's claims (the document itself left out), and of matching them."""
    from checker.matcher import match
    from claims.link import link_subjects
    from claims.model import Claim

    store = Store(url)
    rng = random.Random(seed)
    with store.engine.connect() as conn:
        n_docs = conn.execute(sa.select(sa.func.count()).select_from(db.documents)).scalar_one()
        ids = [conn.execute(sa.select(db.documents.c.id).order_by(db.documents.c.id).offset(rng.randrange(n_docs)).limit(1)).scalar_one()
               for _ in range(drafts)]
    q_times, m_times, sizes = [], [], []
    for doc_id in ids:
        draft_docs = store.documents([doc_id])
        draft = store.claims([doc_id])
        t0 = time.perf_counter()
        docs, found = store.candidates(draft, exclude_docs=[doc_id])
        t1 = time.perf_counter()
        match(draft_docs + docs, link_subjects(draft + found))
        t2 = time.perf_counter()
        q_times.append(t1 - t0)
        m_times.append(t2 - t1)
        sizes.append(len(found))
    return {"drafts": drafts, "query_median_s": round(statistics.median(q_times), 4), "query_max_s": round(max(q_times), 4),
            "match_median_s": round(statistics.median(m_times), 4), "candidates_median": statistics.median(sizes),
            "candidates_max": max(sizes)}


def time_check(url: str, draft: Optional[Path] = None, repeat: int = 5) -> dict:
    """Seconds of a whole `check_store` of a real draft (the first run warms up the extractors)."""
    from checker.store.query import check_store

    draft = draft or SEED / "001_9cce78ee4fb8eaa2.txt"
    check_store(draft, url)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        report = check_store(draft, url)
        times.append(time.perf_counter() - t0)
    return {"draft": draft.name, "check_median_s": round(statistics.median(times), 4),
            "findings": len(report.findings), "claims_compared": len(report.claims)}


def query_plan(url: str) -> list[str]:
    """SQLite's plan of the candidate query: it must SEARCH by index, never SCAN claims."""
    store = Store(url)
    with store.engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            return []
        sql = ("EXPLAIN QUERY PLAN SELECT id, doc, seq, data FROM claims "
               "WHERE subject_id IN ('a', 'b') AND predicate IN ('role', 'funding')")
        plan = [r[-1] for r in conn.exec_driver_sql(sql)]
        sql = "EXPLAIN QUERY PLAN SELECT subject_id, form FROM person_keys WHERE key IN ('a', 'b')"
        plan += [r[-1] for r in conn.exec_driver_sql(sql)]
        sql = "EXPLAIN QUERY PLAN SELECT id, doc, seq, data FROM claims WHERE object_id IN ('a') AND predicate = 'role'"
        plan += [r[-1] for r in conn.exec_driver_sql(sql)]
    return plan


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--store", default="/tmp/claimcheck-bench.db")
    ap.add_argument("--drafts", type=int, default=30)
    args = ap.parse_args(argv)
    url = db.normalize_url(args.store)
    if Store(url).counts()["claims"] < args.claims:
        print("built", synth_store(url, args.claims), flush=True)
    print("plan", query_plan(url))
    print("candidates", time_candidates(url, args.drafts))
    print("check", time_check(url))


if __name__ == "__main__":
    main()
