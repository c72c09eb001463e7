"""The claim store (checker/store): the same suite on SQLite (a file in tmp_path) and PostgreSQL
(a throwaway server from Debian's package, started here; skipped with the reason when it cannot
be installed or started)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from checker.store import Store, StoreError, audit_store, check_store, index, load
from checker.store import db
from claims.entities import load_index
from claims.pipeline import extract_claims
from claims.read import load_documents

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "openai"


def make_corpus(folder: Path, n: int) -> Path:
    """`n` articles cloned from the seed corpus under distinct names (so distinct ids)."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = yaml.safe_load((SEED / "manifest.yaml").read_text(encoding="utf-8"))["documents"]
    names = sorted(meta)
    out = {}
    for i in range(n):
        src = names[i % len(names)]
        name = f"{i:03d}_{src}"
        shutil.copyfile(SEED / src, folder / name)
        out[name] = meta[src]
    (folder / "manifest.yaml").write_text(yaml.safe_dump({"documents": out}, allow_unicode=True), encoding="utf-8")
    return folder


def expected_claims(paths) -> dict[str, list]:
    index_ = load_index(())
    return {d.id: extract_claims(d, index_) for d in load_documents([Path(p) for p in paths]).documents}


def stored_by_doc(url) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in Store(url).claims():
        out.setdefault(c.doc, []).append(c)
    return out


@pytest.fixture(scope="session")
def postgres():
    from checker.store.testing import PostgresUnavailable, shared

    try:
        return shared()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL store tests skipped: {exc}")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "store" / "claims.db")
        db.dispose_all()
        return
    server = request.getfixturevalue("postgres")
    name = server.create_database()
    yield server.url(name)
    db.dispose_all()
    server.drop_database(name)


@pytest.fixture(scope="module")
def seed_claims():
    return expected_claims([SEED])


def test_index_then_load_gives_the_documents_and_claims_of_a_fresh_read(store_url, seed_claims):
    from checker.run import read_claims

    r = index([SEED], store_url)
    assert (r.documents, r.added, r.replaced, r.unchanged) == (5, 5, 0, 0)
    docs, claims, _ = read_claims([SEED])
    got_docs, got_claims = load(store_url)
    assert got_claims == claims
    assert [d.id for d in got_docs] == [d.id for d in docs]
    for a, b in zip(got_docs, docs):
        # Everything evidence needs: text (for line/column), publication date, language.
        assert (a.text, a.published, a.lang, a.skipped, a.model_dump()) == (b.text, b.published, b.lang, b.skipped, b.model_dump())
    assert stored_by_doc(store_url) == seed_claims


def test_audit_from_the_store_equals_the_audit_from_files(store_url, seed_report):
    index([SEED], store_url)
    report = audit_store(store_url)
    assert [f.model_dump() for f in report.findings] == [f.model_dump() for f in seed_report.findings]
    assert report.findings and all(e.line for f in report.findings for e in f.evidence)


def test_reindexing_skips_unchanged_documents(store_url):
    index([SEED], store_url)
    with Store(store_url).engine.connect() as conn:
        before = list(conn.execute(sa.select(db.documents.c.id, db.documents.c.indexed_at).order_by(db.documents.c.id)))
    r = index([SEED], store_url)
    assert (r.added, r.replaced, r.unchanged, r.claims) == (0, 0, 5, 0)
    with Store(store_url).engine.connect() as conn:
        after = list(conn.execute(sa.select(db.documents.c.id, db.documents.c.indexed_at).order_by(db.documents.c.id)))
    assert after == before


def test_a_changed_document_is_replaced_and_no_stale_claim_stays(store_url, tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 5)
    index([corpus], store_url)
    target = sorted(corpus.glob("*.txt"))[2]
    doc_id = target.stem
    before = stored_by_doc(store_url)[doc_id]
    text = target.read_text(encoding="utf-8")
    # Keep the first half of the article: fewer claims, and the old ones must be gone.
    target.write_text(text[: len(text) // 2].rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    r = index([corpus], store_url)
    assert (r.added, r.replaced, r.unchanged) == (0, 1, 4)
    want = expected_claims([corpus])
    got = stored_by_doc(store_url)
    assert got == want
    assert len(got[doc_id]) < len(before)
    counts = Store(store_url).counts()
    assert counts["documents"] == 5 and counts["claims"] == sum(len(v) for v in want.values())
    (stored,) = Store(store_url).documents([doc_id])
    assert stored.text == target.read_text(encoding="utf-8")


@pytest.mark.parametrize("draft", ["001_9cce78ee4fb8eaa2.txt", "000_d2a00caa719a37ee.txt"])
def test_check_against_the_store_equals_check_against_files(store_url, draft):
    from checker.run import check

    index([SEED], store_url)   # the draft is stored too: check_store leaves its stored version out
    files = sorted(SEED.glob("*.txt"))
    want = check(SEED / draft, [f for f in files if f.name != draft])
    got = check_store(SEED / draft, store_url)
    assert got.findings
    assert [f.model_dump() for f in got.findings] == [f.model_dump() for f in want.findings]
    # Only the draft and its candidates were compared, not the whole store.
    assert len(got.claims) < len(want.claims)


def test_candidates_share_a_subject_and_predicate_with_the_draft(store_url, seed_claims):
    from claims.link import link_subjects

    index([SEED], store_url)
    draft_id = "001_9cce78ee4fb8eaa2"
    draft = seed_claims[draft_id]
    docs, found = Store(store_url).candidates(draft, exclude_docs=[draft_id])
    assert found and draft_id not in {c.doc for c in found}
    assert {d.id for d in docs} == {c.doc for c in found}
    linked = {c.id: c for c in link_subjects(draft + found)}
    pairs = {(linked[c.id].subject.id, c.predicate) for c in draft}
    roles = {c.object.id for c in draft if c.predicate == "role" and c.object}
    for c in found:
        lc = linked[c.id]
        assert (lc.subject.id, c.predicate) in pairs or (c.predicate == "role" and c.object and c.object.id in roles)
    # Nothing comparable is missed: every other stored claim sharing a linked pair is a candidate.
    everything = link_subjects([c for v in seed_claims.values() for c in v])
    all_pairs = {(c.subject.id, c.predicate) for c in everything if c.doc == draft_id}
    must = {c.id for c in everything if c.doc != draft_id and (c.subject.id, c.predicate) in all_pairs}
    assert must <= {c.id for c in found}


def test_the_candidate_queries_search_by_index_never_scan(tmp_path):
    plan = Store(str(tmp_path / "claims.db")).query_plan()
    assert len(plan) == 4 and all(p.startswith("SEARCH") and ("USING INDEX" in p or "USING COVERING INDEX" in p)
                                  for p in plan), plan


def test_the_schema_is_made_by_the_packaged_migrations(store_url):
    store = Store(store_url)
    with store.engine.connect() as conn:
        assert db.current_revision(conn) == db.head_revision()
        tables = set(sa.inspect(conn).get_table_names())
        indexes = {i["name"] for i in sa.inspect(conn).get_indexes("claims")}
    assert {"documents", "claims", "person_keys", db.VERSION_TABLE} <= tables
    assert {"ix_claims_subject_predicate", "ix_claims_object_predicate", "ix_claims_doc_seq"} <= indexes
    assert (db.MIGRATIONS / "versions").is_dir() and db.MIGRATIONS.is_relative_to(Path(db.__file__).parent)
    db.dispose_all()
    Store(store_url)   # opening again finds the schema at head and leaves it alone


def test_a_bad_store_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="E501"):
        Store("mysql://somewhere/db")
    garbage = tmp_path / "not-a-db.db"
    garbage.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(StoreError, match="E502.*not a database"):
        Store(garbage)


def test_sqlite_store_is_in_wal_mode(tmp_path):
    store = Store(tmp_path / "claims.db")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000


# --- interrupted and concurrent runs ------------------------------------------------------------

_RUNNER = textwrap.dedent("""
    import json, sys, time
    from checker.store import index
    url, corpus, pause = sys.argv[1], sys.argv[2], float(sys.argv[3])
    def progress(doc, written):
        print("wrote", doc.id, written.status, flush=True)
        time.sleep(pause)
    r = index([corpus], url, progress=progress)
    print("RESULT", json.dumps({"added": r.added, "replaced": r.replaced, "unchanged": r.unchanged}), flush=True)
""")


def _runner(url: str, corpus: Path, pause: float) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", _RUNNER, url, str(corpus), str(pause)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _assert_whole(url: str, want: dict[str, list]) -> None:
    store = Store(url)
    with store.engine.connect() as conn:
        d, c = db.documents, db.claims
        n_claims = {r[0]: r[1] for r in conn.execute(sa.select(d.c.id, d.c.n_claims))}
        rows = {r[0]: r[1] for r in conn.execute(sa.select(c.c.doc, sa.func.count()).group_by(c.c.doc))}
        total, distinct = conn.execute(sa.select(sa.func.count(), sa.func.count(sa.distinct(c.c.id))).select_from(c)).one()
    assert total == distinct
    for doc_id, n in n_claims.items():
        assert rows.get(doc_id, 0) == n == len(want[doc_id]), doc_id
    got = stored_by_doc(url)
    assert all(got.get(k, []) == want[k] for k in n_claims)


def test_a_killed_index_leaves_whole_documents_and_the_next_run_completes(store_url, tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 12)
    want = expected_claims([corpus])
    Store(store_url)   # schema first, so the poll below can count
    proc = _runner(store_url, corpus, pause=0.3)
    deadline = time.monotonic() + 120
    stored = 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            stored = Store(store_url).counts()["documents"]
            if stored >= 2:
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.communicate()
        proc.send_signal(signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    done = Store(store_url).counts()["documents"]
    assert 2 <= done < 12
    _assert_whole(store_url, want)
    r = index([corpus], store_url)
    assert r.unchanged == done and r.added == 12 - done and r.replaced == 0
    _assert_whole(store_url, want)
    assert Store(store_url).counts()["documents"] == 12


def test_two_index_runs_at_once_on_one_sqlite_file(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 10)
    want = expected_claims([corpus])
    url = str(tmp_path / "claims.db")
    procs = [_runner(url, corpus, pause=0.0) for _ in range(2)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        results.append(json.loads(out.split("RESULT", 1)[1]))
    # Every document written exactly once between them; the other run found it unchanged.
    assert sum(r["added"] for r in results) == 10
    assert all(r["replaced"] == 0 and r["added"] + r["unchanged"] == 10 for r in results)
    store = Store(url)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    _assert_whole(url, want)
    assert store.counts()["documents"] == 10


def test_person_keys_cover_same_person():
    """Name blocking never misses a pair that linking would join: linking's keys are shared by
    both forms, and each form's lookup keys find the other's stored keys (an ASCII form looks up
    no ASCII form's sound keys)."""
    import itertools

    from bench.synth import person_names
    from checker.store.store import person_keys, person_lookup_keys, stored_person_keys
    from claims.normalize.names import same_person

    forms = set()
    for v in expected_claims(sorted(p for p in (ROOT / "fixtures").iterdir() if (p / "gold.yaml").exists())).values():
        for c in v:
            for s in (c.subject, c.object, c.destination):
                if s is not None and s.kind == "person":
                    forms |= {s.name, *s.aliases}
    forms |= {"Sam Altman", "Сэм Альтман", "سام ألتمان", "萨姆·奥特曼", "Jakub Pachocki", "Якуб Пахоцки", "雅庫布·帕喬茨基",
              "Jerry Tworek", "Джерри Творек", "杰瑞·特沃雷克", "Mark Chen", "马克·陈", "Ilya Sutskever", "Илья Суцкевер",
              "José García", "Jose Garcia", "Хосе Гарсия", "Hana Haddad", "Хана Хаддад", "Qiming Zhao", "Цимин Чжао"}
    # Invented people in four scripts (the benchmark's), short and long surnames alike.
    forms |= {f for i in range(0, 24_000, 997) for f in person_names(i)}
    pairs = [(a, b) for a, b in itertools.combinations(sorted(forms), 2) if same_person(a, b)]
    assert len(pairs) >= 50 and sum(1 for a, b in pairs if a.isascii() != b.isascii()) >= 20
    missed = [(a, b) for a, b in pairs if not person_keys(a) & person_keys(b)]
    assert not missed
    missed = [(a, b) for a, b in pairs + [(b, a) for a, b in pairs]
              if not person_lookup_keys(a) & stored_person_keys(b)]
    assert not missed
    # An ASCII form looks up the sound keys of non-ASCII forms only.
    assert not any(k.startswith("sa:") for f in forms if f.isascii() for k in person_lookup_keys(f))


def _people_store(url: str) -> dict[str, set[str]]:
    """A store of invented people whose names sound alike across scripts (bench.synth's names:
    surnames of one skeleton, two given names), one subject per script and some with a second
    form (a gloss), ten subjects per document. Returns each subject's forms."""
    from bench.synth import person_names
    from claims.model import Claim, Document, Subject

    subjects: dict[str, set[str]] = {}
    for i in [12 * s + g for s in range(30) for g in (0, 1)]:
        names = person_names(i)
        for k, name in enumerate(names):
            forms = {name, names[0]} if k and i % 5 == k else {name}
            subjects[f"person:t{i}-{k}"] = forms
    store = Store(url)
    ids = sorted(subjects)
    for n in range(0, len(ids), 10):
        doc = Document(id=f"people-{n:03d}", path=f"people/{n:03d}.txt", lang="en", text="x")
        claims = [Claim(id=f"{doc.id}#c{j}", doc=doc.id, predicate="role", text="x", span=(0, 1),
                        subject=Subject(id=sid, name=sorted(subjects[sid])[0], kind="person", aliases=sorted(subjects[sid])))
                  for j, sid in enumerate(ids[n:n + 10])]
        store.write(doc, f"h-{doc.id}", claims)
    return subjects


def test_linked_people_follows_same_person_through_the_hops(store_url):
    """`Store.linked_people` finds, round by round, every stored id one of whose forms is the
    same person as a form seen so far: checked against comparing every stored form (no keys)."""
    import itertools

    from claims.normalize.names import same_person

    stored = _people_store(store_url)
    forms = sorted({f for fs in stored.values() for f in fs})
    alike = {(a, b) for a, b in itertools.combinations(forms, 2) if same_person(a, b)}
    alike |= {(b, a) for a, b in alike} | {(f, f) for f in forms}

    def brute(forms_of_draft: set[str], rounds: int) -> set[str]:
        ids, seen = set(), set(forms_of_draft)
        for _ in range(rounds):
            found = {sid for sid, fs in stored.items() if sid not in ids and any((f, g) in alike for f in seen for g in fs)}
            if not found:
                break
            ids |= found
            new = set().union(*(stored[s] for s in found)) - seen
            seen |= new
            if not new:
                break
        return ids

    people = {f"draft:{sid}": set(fs) for sid, fs in stored.items()}
    store = Store(store_url)
    for rounds in (1, 3):
        got = store.linked_people(people, rounds=rounds)
        want = {pid: brute(fs, rounds) | {pid} for pid, fs in people.items()}
        assert got == want
    assert max(len(v) for v in got.values()) >= 8                     # cross-script links, several hops deep
    assert got != store.linked_people(people, rounds=1)


def test_the_key_migration_recomputes_the_name_keys_of_a_store(store_url):
    """Revision 0002 rewrites the person_keys rows of a store written with 0001's keys (and its
    downgrade writes them back): the rows are those a fresh write makes."""
    from alembic import command

    _people_store(store_url)
    store = Store(store_url)
    k = db.person_keys

    def rows():
        with store.engine.connect() as conn:
            return sorted(conn.execute(sa.select(k.c.doc, k.c.key, k.c.subject_id, k.c.form)))

    fresh = rows()
    assert {r.key.split(":", 1)[0] for r in fresh} == {"f", "sa", "sn"}
    with db.write_begin(store.engine.connect()) as conn, conn.begin():
        command.downgrade(db._alembic_config(conn), "0001")
    old = rows()
    assert {r.key.split(":", 1)[0] for r in old} == {"f", "s"}
    assert {(r.doc, r.subject_id, r.form) for r in old} == {(r.doc, r.subject_id, r.form) for r in fresh}
    db.dispose_all()
    store = Store(store_url)            # opening migrates to head again
    with store.engine.connect() as conn:
        assert db.current_revision(conn) == db.head_revision()
    assert rows() == fresh
    if store.engine.dialect.name == "sqlite":
        assert all("COVERING INDEX" in p for p in store.query_plan()[:2])


def test_audit_of_a_store_honours_language_and_reads_as_audit_of_files(tmp_path, cli):
    """`audit --store URL --language ru` reads the Russian documents only, as `audit PATH
    --language ru` does (one path from sources to claims: checker.corpus)."""
    url = str(tmp_path / "store" / "claims.db")
    index([SEED], url)
    try:
        from_store = cli("audit", "--store", url, "--language", "ru", "--format", "json", "--fail-on", "never").json()
        from_files = cli("audit", SEED, "--language", "ru", "--format", "json", "--fail-on", "never").json()
    finally:
        db.dispose_all()
    assert [d["lang"] for d in from_store["documents"]] == ["ru"]
    assert [d["id"] for d in from_store["documents"]] == [d["id"] for d in from_files["documents"]]
    assert from_store["claims"] == from_files["claims"]
    assert any("stored documents in languages not among the configured ones (ru)" in s for s in from_store["skipped"])


def test_check_of_a_store_reads_the_draft_once_and_with_the_archive_files(tmp_path, monkeypatch):
    """The draft and the `--against` files are read together (their glosses learnt together), once."""
    import claims.read as reading
    from checker.run import check

    url = str(tmp_path / "store" / "claims.db")
    files = sorted(SEED.glob("*.txt"))
    index(files[:2], url)
    calls = []
    real = reading.load_documents
    monkeypatch.setattr(reading, "load_documents", lambda *a, **k: calls.append((a, k)) or real(*a, **k))
    try:
        report = check(files[2], files[3:], store=url)
    finally:
        db.dispose_all()
    assert len(calls) == 1 and calls[0][1]["drafts"] == [files[2]]
    assert {d.id for d in report.documents} == {f.stem for f in files}
