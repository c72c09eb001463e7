"""A draft check against a big SQLite claim store.

The store holds three things:
- the seed corpus (fixtures/openai) and a synthetic archive (bench.synth.synth_archive), indexed
  the ordinary way (`checker.store.index`: read, extract, write);
- `bench.synth.synth_claims(n)` written straight into the store, because extracting a million
  claims from text would take longer than the whole benchmark may (about 50,000 articles at the
  measured extraction speed): the first 100,000 claims through the Store API (`Store.write`,
  one document and its claims per transaction, as the indexer writes them), the rest in batches
  of 1,000 documents per transaction with the same rows (`write_batched`), since one
  transaction per document would take several minutes on its own; both speeds are reported.

Then `checker.store.check_store` (read the draft, extract, fetch candidates by index, link,
match) is timed for drafts that touch stored stories, and so is the candidate query plus match
for drafts made of stored synthetic documents (no text to extract: the query and the matcher
alone).
"""
from __future__ import annotations

import random
import statistics
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "openai"
SEED_DRAFT = ROOT / "tests" / "data" / "drafts" / "code-red-draft.md"


def build(url: str, n_claims: int, archive_paths: list[Path], entity_files: tuple[str, ...], *, seed: int = 0,
          through_api: int = 100_000) -> dict:
    """Index the seed corpus and the archive, then write `synth_claims(n_claims)`: the first
    `through_api` claims' documents through `Store.write` (one transaction per document, as
    `claimcheck index` writes), the rest with `write_batched` (the same rows, many documents per
    transaction), so the run stays within its time and both write speeds are measured."""
    from bench.synth import synth_claims
    from checker.store import Store, index

    t0 = time.perf_counter()
    index([SEED], url)
    index(archive_paths, url, entity_files=entity_files)
    indexed = time.perf_counter() - t0
    t1 = time.perf_counter()
    data = synth_claims(n_claims, seed=seed)
    made = time.perf_counter() - t1
    by_doc: dict[str, list] = {}
    for c in data.claims:
        by_doc.setdefault(c.doc, []).append(c)
    store = Store(url)
    api_docs, rest, count = [], [], 0
    for d in data.documents:
        (api_docs if count < through_api else rest).append(d)
        count += len(by_doc.get(d.id, []))
    t2 = time.perf_counter()
    for d in api_docs:
        store.write(d, f"synthetic-{d.id}", by_doc.get(d.id, []))
    api_s = time.perf_counter() - t2
    t3 = time.perf_counter()
    write_batched(store, [(d, f"synthetic-{d.id}", by_doc.get(d.id, [])) for d in rest])
    batched_s = time.perf_counter() - t3
    counts = store.counts()
    api_claims = sum(len(by_doc.get(d.id, [])) for d in api_docs)
    return {"index_s": indexed, "synth_s": made, "api_s": api_s, "api_docs": len(api_docs), "api_claims": api_claims,
            "batched_s": batched_s, "batched_docs": len(rest), "batched_claims": len(data.claims) - api_claims,
            "written_claims": len(data.claims), "counts": counts,
            "synthetic_doc_ids": [d.id for d in data.documents if by_doc.get(d.id)]}


def write_batched(store, items, batch: int = 1000) -> None:
    """New documents with their claims, the rows `Store.write` makes (person keys by
    `checker.store.store.key_rows`), `batch` documents per transaction. For a fresh store only
    (no check for an older version of a document)."""
    import datetime as dt
    import json

    import sqlalchemy as sa

    from checker.store import db
    from checker.store.store import key_rows

    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    for i in range(0, len(items), batch):
        rows_d, rows_c, rows_k = [], [], []
        for doc, doc_hash, claims in items[i:i + batch]:
            rows_d.append({"id": doc.id, "path": doc.path, "lang": doc.lang, "published": doc.published,
                           "hash": doc_hash, "meta": doc.model_dump_json(), "text": doc.text,
                           "skipped": json.dumps(doc.skipped), "n_claims": len(claims), "indexed_at": now})
            rows_c += [{"id": cl.id, "doc": doc.id, "seq": j, "subject_id": cl.subject.id, "predicate": cl.predicate,
                        "object_id": cl.object.id if cl.object is not None else None, "data": cl.model_dump_json()}
                       for j, cl in enumerate(claims)]
            rows_k += key_rows(doc.id, claims)
        with db.write_begin(store.engine.connect()) as conn, conn.begin():
            conn.execute(sa.insert(db.documents), rows_d)
            if rows_c:
                conn.execute(sa.insert(db.claims), rows_c)
            if rows_k:
                conn.execute(sa.insert(db.person_keys), rows_k)


def check_phases(url: str, draft: Path, entity_files: tuple[str, ...], runs: int, budget: float,
                 expect: Optional[tuple] = None, emit=None) -> dict:
    """`check_store` of one draft: first its phases one by one (read and extract the draft;
    `Store.linked_people` for its people; the rest of `Store.candidates`; link and match), then
    whole runs, the first one cold, until `runs` more or half the `budget` is spent. `emit(dict)`
    is called after each step, so a caller that stops us still knows how far we got."""
    from bench.synth import finding_key
    from checker.matcher import match
    from checker.store import Store, check_store
    from checker.store.query import _read
    from checker.store.store import _people
    from claims.link import link_subjects

    emit = emit or (lambda d: None)
    out: dict = {"draft": draft.name}
    store = Store(url)
    t0 = time.perf_counter()
    loaded, draft_claims = _read([draft], entity_files, True)
    out["read_extract_s"] = time.perf_counter() - t0
    out["draft_claims"] = len(draft_claims)
    out["draft_people"] = len(_people(draft_claims))
    emit(out)
    t1 = time.perf_counter()
    linked = store.linked_people(_people(draft_claims))
    out["linked_people_s"] = time.perf_counter() - t1
    out["linked_ids"] = sum(len(v) for v in linked.values())
    emit(out)
    ids = {d.id for d in loaded.documents}
    t2 = time.perf_counter()
    docs, found = store.candidates(draft_claims, exclude_docs=ids)
    out["candidates_s"] = time.perf_counter() - t2   # linked_people again, plus the claim queries
    out["candidates"] = len(found)
    emit(out)
    t3 = time.perf_counter()
    match(loaded.documents + docs, link_subjects(draft_claims + found), focus=ids)
    out["link_match_s"] = time.perf_counter() - t3
    emit(out)
    started, warm, report = time.perf_counter(), [], None
    while len(warm) < runs + 1:
        t = time.perf_counter()
        report = check_store(draft, url, entity_files=entity_files)
        warm.append(time.perf_counter() - t)
        out["runs_s"] = warm
        emit(out)
        if time.perf_counter() - started > budget / 2:
            break
    keys = {finding_key(f) for f in report.findings}
    out.update({"findings": len(report.findings), "claims_compared": len(report.claims),
                "found_expected": (expect in keys) if expect else None})
    emit(out)
    return out


def time_check(url: str, draft: Path, entity_files: tuple[str, ...], runs: int, budget: float,
               expect: Optional[tuple] = None) -> dict:
    """`check_phases` in a fresh process, stopped after `budget` seconds; the median of the runs
    after the first (cold) one. On a timeout the phases measured so far are kept."""
    args = ["check", url, str(draft), "--runs", str(runs), "--budget", str(budget)]
    args += [a for e in entity_files for a in ("--entities", e)]
    if expect:
        args += ["--expect", ",".join(expect)]
    out = {"draft": draft.name, **_subprocess(args, budget)}
    runs_s = out.get("runs_s") or []
    out["cold_s"] = runs_s[0] if runs_s else None
    warm = runs_s[1:]
    out["median_s"] = statistics.median(warm) if warm else None
    out["min_s"] = min(warm) if warm else None
    out["max_s"] = max(warm) if warm else None
    return out


def stored_drafts(url: str, drafts: int, *, seed: int = 1, emit=None) -> dict:
    """Drafts made of a stored synthetic document's claims (left out of the candidates):
    `Store.candidates` + `link_subjects` + `match`, as `check_store` runs them after extraction.
    `emit(dict)` after each draft."""
    import sqlalchemy as sa

    from checker.matcher import match
    from checker.store import Store, db
    from claims.link import link_subjects

    emit = emit or (lambda d: None)
    store = Store(url)
    with store.engine.connect() as conn:
        ids = list(conn.execute(sa.select(db.documents.c.id).where(db.documents.c.path.like("synthetic/%"),
                                                                    db.documents.c.n_claims > 0)).scalars())
    rng = random.Random(seed)
    picked = rng.sample(sorted(ids), min(drafts, len(ids)))
    out = {"drafts": 0, "query_s": [], "total_s": [], "candidates": [], "findings": 0}
    for doc_id in picked:
        draft_docs = store.documents([doc_id])
        draft = store.claims([doc_id])
        t0 = time.perf_counter()
        docs, found = store.candidates(draft, exclude_docs=[doc_id])
        t1 = time.perf_counter()
        linked = link_subjects(draft + found)
        findings = match(draft_docs + docs, linked, focus={doc_id})
        t2 = time.perf_counter()
        out["drafts"] += 1
        out["query_s"].append(t1 - t0)
        out["total_s"].append(t2 - t0)
        out["candidates"].append(len(found))
        out["findings"] += len(findings)
        emit(out)
    return out


def time_stored_drafts(url: str, drafts: int, budget: float) -> dict:
    """`stored_drafts` in a fresh process, stopped after `budget` seconds."""
    out = _subprocess(["stored", url, "--drafts", str(drafts)], budget)
    q, t, c = out.get("query_s") or [], out.get("total_s") or [], out.get("candidates") or []
    out.update({"drafts": len(t), "asked": drafts,
                "query_median_s": statistics.median(q) if q else None, "query_max_s": max(q) if q else None,
                "median_s": statistics.median(t) if t else None, "max_s": max(t) if t else None,
                "candidates_median": statistics.median(c) if c else None, "candidates_max": max(c) if c else None,
                "findings": out.get("findings", 0)})
    return out


def _subprocess(args: list[str], budget: float) -> dict:
    """`python -m bench.store_check ARGS` with a time limit: the last JSON line it printed, with
    `timed_out` and `error` set."""
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in [str(ROOT), os.environ.get("PYTHONPATH", "")] if p))
    timed_out, err = False, None
    try:
        p = subprocess.run([sys.executable, "-m", "bench.store_check", *args], cwd=ROOT, capture_output=True,
                           text=True, timeout=budget, env=env)
        stdout = p.stdout
        if p.returncode:
            err = (p.stderr.strip().splitlines() or [f"exit {p.returncode}"])[-1]
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        timed_out = True
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    out = json.loads(lines[-1]) if lines else {}
    out["timed_out"], out["budget_s"], out["error"] = timed_out, budget, err
    return out


def plan(url: str) -> list[str]:
    """SQLite's plan of each query of a draft check (`Store.query_plan`)."""
    from checker.store import Store

    return Store(url).query_plan()


def main(argv: Optional[list[str]] = None) -> None:
    import argparse
    import json

    ap = argparse.ArgumentParser(description="draft-check timings for bench.run, one JSON line per step")
    sub = ap.add_subparsers(dest="what", required=True)
    c = sub.add_parser("check", help="check_store of one draft, by phase and whole")
    c.add_argument("url")
    c.add_argument("draft", type=Path)
    c.add_argument("--entities", action="append", default=[])
    c.add_argument("--runs", type=int, default=5)
    c.add_argument("--budget", type=float, default=60)
    c.add_argument("--expect")
    st = sub.add_parser("stored", help="stored synthetic documents as drafts")
    st.add_argument("url")
    st.add_argument("--drafts", type=int, default=10)
    a = ap.parse_args(argv)
    emit = lambda d: print(json.dumps(d), flush=True)  # noqa: E731
    if a.what == "check":
        expect = tuple(a.expect.split(",", 2)) if a.expect else None
        check_phases(a.url, a.draft, tuple(a.entities), a.runs, a.budget, expect, emit=emit)
    else:
        stored_drafts(a.url, a.drafts, emit=emit)


if __name__ == "__main__":
    main()
