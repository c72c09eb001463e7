"""Extraction in a process pool (claims/parallel.py) and indexing on a Dask distributed cluster
(checker/store/distributed.py): the same claims as one process."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.store import Store, index
from checker.store import db
from claims.entities import load_index
from claims.parallel import extract_all, extract_each
from claims.pipeline import extract_claims
from claims.read import load_documents
from tests.test_store import expected_claims, make_corpus, stored_by_doc

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "openai"


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    corpus = make_corpus(tmp_path_factory.mktemp("corpus"), 8)
    return load_documents([corpus]).documents


def test_a_process_pool_extracts_the_same_claims_as_one_process(documents):
    index_ = load_index(())
    one = [c for d in documents for c in extract_claims(d, index_)]
    assert one
    assert extract_all(documents, workers=2) == one
    # In input order, one (document, claims) pair each.
    pairs = list(extract_each(documents[:3], workers=2, chunksize=2))
    assert [d.id for d, _ in pairs] == [d.id for d in documents[:3]]
    assert [c for _, cs in pairs for c in cs] == [c for d in documents[:3] for c in extract_claims(d, index_)]


def test_one_worker_or_one_document_stays_in_process(documents):
    index_ = load_index(())
    assert extract_all(documents[:1], workers=4) == extract_claims(documents[0], index_)
    assert extract_all([], workers=4) == []


def test_index_with_workers_stores_what_one_process_stores(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 6)
    url = str(tmp_path / "claims.db")
    r = index([corpus], url, workers=2)
    assert (r.added, r.unchanged) == (6, 0)
    assert stored_by_doc(url) == expected_claims([corpus])
    db.dispose_all()


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed", reason="Dask is not installed: pip install 'claimcheck[distributed]'")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cl:
        yield cl


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "claims.db")
        db.dispose_all()
        return
    from checker.store.testing import PostgresUnavailable, shared

    try:
        server = shared()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL store tests skipped: {exc}")
    name = server.create_database()
    yield server.url(name)
    db.dispose_all()
    server.drop_database(name)


def test_index_on_a_dask_cluster_writes_the_store(cluster, any_store, tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 8)
    r = index([corpus], any_store, scheduler=cluster.scheduler_address)
    assert (r.documents, r.added, r.replaced, r.unchanged) == (8, 8, 0, 0)
    want = expected_claims([corpus])
    assert stored_by_doc(any_store) == want
    assert r.claims == sum(len(v) for v in want.values())
    # Again: nothing to do, nothing sent to the cluster.
    r = index([corpus], any_store, scheduler=cluster.scheduler_address)
    assert (r.added, r.replaced, r.unchanged) == (0, 0, 8)
    assert Store(any_store).counts()["documents"] == 8


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    from checker.store import StoreError
    from checker.store import distributed as store_distributed

    monkeypatch.setattr(store_distributed, "CONNECT_TIMEOUT", "1s")
    corpus = make_corpus(tmp_path / "corpus", 1)
    with pytest.raises(StoreError, match="E505"):
        index([corpus], str(tmp_path / "claims.db"), scheduler="tcp://127.0.0.1:9")


def test_the_corpus_reader_extracts_the_same_claims_in_a_pool():
    """checker.corpus.read_corpus with workers=2 gives the claims of workers=1, in the same order."""
    from checker.corpus import read_corpus
    from tests.conftest import FIXTURES

    one = read_corpus([FIXTURES / "openai"], cache=False, link=False)
    two = read_corpus([FIXTURES / "openai"], cache=False, link=False, workers=2)
    assert [c.model_dump() for c in two.claims] == [c.model_dump() for c in one.claims] and one.claims


def test_both_start_methods_extract_the_same_claims(documents):
    # Fork (workers inherit the loaded packs; the default on Linux) and spawn (fresh interpreters).
    from claims.parallel import default_start_method

    index_ = load_index(())
    one = [c for d in documents[:4] for c in extract_claims(d, index_)]
    assert default_start_method() in ("fork", "spawn")
    for method in ("fork", "spawn"):
        assert extract_all(documents[:4], workers=2, start_method=method) == one, method
