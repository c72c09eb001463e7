"""The claim store: documents (with their text) and their claims, as JSON plus indexed columns.

- `Store.write(doc, hash, claims)` replaces one document and its claims in one transaction, so an
  interrupted index never leaves half a document; a document whose hash is already stored is left
  alone (another run got there first).
- `Store.load()` returns every document and claim, for an audit.
- `Store.candidates(claims)` is the blocking query of a draft check: the stored claims about the
  same subjects (the same id, or a person whose name is the same person across scripts) with the
  same predicates, plus role claims about the same organisation; index lookups only, never a scan.

Person name keys: each stored form's `stored_person_keys` (linking's `person_keys`, the sound keys
namespaced by script class); a form looks up its `person_lookup_keys`. Changing either means a
migration that recomputes the rows (`rekey_person_keys`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional

import sqlalchemy as sa

from checker.store import db
from claims.model import Claim, Document, Subject
from claims.link import person_keys  # the store's blocking keys are linking's, namespaced
from claims.normalize.names import same_person

# Parameters per IN (...) list: SQLite's limit is 32766 on recent builds, 999 on old ones.
CHUNK = 500


@lru_cache(maxsize=1 << 16)
def stored_person_keys(form: str) -> frozenset[str]:
    """The person_keys rows of a stored written form: `person_keys(form)`, its sound keys
    (`s:`) namespaced by script class, `sa:` for an ASCII form and `sn:` for any other.
    `same_person` never joins two differing ASCII forms, so an ASCII form need not find the
    sound keys of other ASCII forms (the great majority of a store: 'RK' is a great many
    surnames), only their `f:` keys."""
    ns = "sa:" if form.isascii() else "sn:"
    return frozenset(key if key.startswith("f:") else ns + key[2:] for key in person_keys(form))


@lru_cache(maxsize=1 << 16)
def person_lookup_keys(form: str) -> frozenset[str]:
    """The stored keys a written form looks up: its `f:` key, its sound keys among non-ASCII
    forms (`sn:`), and, for a non-ASCII form, among ASCII forms too (`sa:`). Complete: when
    `same_person(a, b)`, `person_lookup_keys(a) & stored_person_keys(b)` is not empty (equal
    folds share `f:`; otherwise a and b share an `s:` key and are not both ASCII), which
    `test_person_keys_cover_same_person` holds against the names in the tests."""
    out: set[str] = set()
    for key in person_keys(form):
        if key.startswith("f:"):
            out.add(key)
        else:
            out.add("sn:" + key[2:])
            if not form.isascii():
                out.add("sa:" + key[2:])
    return frozenset(out)


_same_person = lru_cache(maxsize=1 << 18)(same_person)


def extractor_fingerprint() -> str:
    """A hash of the extraction code and data (claims/**/*.py, *.yaml): a change re-extracts.
    Computed afresh on each call (a few milliseconds), so a long-lived process sees edits."""
    import claims

    root = Path(claims.__file__).parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".yaml") and p.is_file() and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint(entity_files: Iterable[str | os.PathLike] = ()) -> str:
    """What, besides the document, decides its claims: the extraction code and the entity data."""
    h = hashlib.sha256(extractor_fingerprint().encode())
    for f in entity_files:
        h.update(b"\0" + Path(f).read_bytes())
    return h.hexdigest()


def content_hash(doc: Document, extraction: Optional[str] = None) -> str:
    """The hash that decides whether a stored document is current: its text and metadata (not the
    path it was read from), the names it knows from the documents indexed with it, and
    `extraction`, the `fingerprint()` of code and entity data."""
    meta = doc.model_dump(mode="json", exclude={"path"})
    payload = json.dumps({"meta": meta, "text": doc.text, "skipped": doc.skipped, "known_names": doc.known_names,
                          "extraction": extraction if extraction is not None else fingerprint()},
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _forms(s: Subject) -> set[str]:
    return {s.name, *s.aliases} - {""}


def _people(claims: Iterable[Claim]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in claims:
        for s in (c.subject, c.object, c.destination):
            if s is not None and s.kind == "person":
                out.setdefault(s.id, set()).update(_forms(s))
    return out


def _chunks(items: list, n: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def key_rows(doc_id: str, claims: Iterable[Claim]) -> list[dict]:
    """The person_keys rows of one document's claims: every written form of every person."""
    return [{"doc": doc_id, "key": key, "subject_id": sid, "form": form}
            for sid, forms in sorted(_people(claims).items()) for form in sorted(forms)
            for key in sorted(stored_person_keys(form))]


def rekey_person_keys(conn: sa.Connection, keys_of=None, batch: int = 20_000) -> int:
    """Recompute every person_keys row from its (document, subject, form) with `keys_of`
    (`stored_person_keys`): what a migration that changes the keys runs. Returns the rows written."""
    keys_of = keys_of or stored_person_keys
    k = db.person_keys
    forms = conn.execute(sa.select(k.c.doc, k.c.subject_id, k.c.form).distinct()).all()
    conn.execute(sa.delete(k))
    rows: list[dict] = []
    written = 0
    for doc, sid, form in sorted(forms):
        rows += [{"doc": doc, "key": key, "subject_id": sid, "form": form} for key in sorted(keys_of(form))]
        if len(rows) >= batch:
            conn.execute(sa.insert(k), rows)
            written += len(rows)
            rows = []
    if rows:
        conn.execute(sa.insert(k), rows)
        written += len(rows)
    return written


@dataclass
class Written:
    status: str          # "added", "replaced" or "unchanged"
    claims: int


class Store:
    def __init__(self, url: str | os.PathLike):
        self.url = db.normalize_url(url)
        self.engine = db.engine_for(self.url)

    def __repr__(self) -> str:
        return f"Store({db.display_url(self.url)!r})"

    # --- writing --------------------------------------------------------------------------
    def hashes(self, ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        t = db.documents
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(ids))):
                out.update((r.id, r.hash) for r in conn.execute(sa.select(t.c.id, t.c.hash).where(t.c.id.in_(chunk))))
        return out

    def write(self, doc: Document, doc_hash: str, claims: list[Claim]) -> Written:
        """Store one document and its claims in one transaction, replacing an older version."""
        d, c, k = db.documents, db.claims, db.person_keys
        row = {"id": doc.id, "path": doc.path, "lang": doc.lang, "published": doc.published, "hash": doc_hash,
               "meta": doc.model_dump_json(), "text": doc.text, "skipped": json.dumps(doc.skipped),
               "n_claims": len(claims), "indexed_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)}
        claim_rows = [{"id": cl.id, "doc": doc.id, "seq": i, "subject_id": cl.subject.id, "predicate": cl.predicate,
                       "object_id": cl.object.id if cl.object is not None else None, "data": cl.model_dump_json()}
                      for i, cl in enumerate(claims)]
        keys = key_rows(doc.id, claims)
        with db.write_begin(self.engine.connect()) as conn, conn.begin():
            old = conn.execute(sa.select(d.c.hash).where(d.c.id == doc.id)).scalar()
            if old == doc_hash:
                return Written("unchanged", 0)
            if old is not None:
                conn.execute(sa.delete(k).where(k.c.doc == doc.id))
                conn.execute(sa.delete(c).where(c.c.doc == doc.id))
                conn.execute(sa.update(d).where(d.c.id == doc.id).values(row))
            else:
                conn.execute(sa.insert(d), [row])
            if claim_rows:
                conn.execute(sa.insert(c), claim_rows)
            if keys:
                conn.execute(sa.insert(k), keys)
        return Written("replaced" if old is not None else "added", len(claims))

    def delete(self, doc_id: str) -> bool:
        d, c, k = db.documents, db.claims, db.person_keys
        with db.write_begin(self.engine.connect()) as conn, conn.begin():
            conn.execute(sa.delete(k).where(k.c.doc == doc_id))
            conn.execute(sa.delete(c).where(c.c.doc == doc_id))
            return conn.execute(sa.delete(d).where(d.c.id == doc_id)).rowcount > 0

    # --- reading --------------------------------------------------------------------------
    @staticmethod
    def _document(row) -> Document:
        doc = Document.model_validate_json(row.meta)
        doc.text = row.text
        doc.skipped = [tuple(s) for s in json.loads(row.skipped)]
        return doc

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for t in (db.documents, db.claims, db.person_keys)}

    def documents(self, ids: Optional[Iterable[str]] = None) -> list[Document]:
        d = db.documents
        cols = (d.c.id, d.c.meta, d.c.text, d.c.skipped)
        with self.engine.connect() as conn:
            if ids is None:
                rows = list(conn.execute(sa.select(*cols).order_by(d.c.id)))
            else:
                rows = []
                for chunk in _chunks(sorted(set(ids))):
                    rows += conn.execute(sa.select(*cols).where(d.c.id.in_(chunk)))
                rows.sort(key=lambda r: r.id)
        return [self._document(r) for r in rows]

    def claims(self, doc_ids: Optional[Iterable[str]] = None) -> list[Claim]:
        c = db.claims
        q = sa.select(c.c.data).order_by(c.c.doc, c.c.seq)
        with self.engine.connect() as conn:
            if doc_ids is None:
                return [Claim.model_validate_json(r) for r in conn.execute(q).scalars()]
            rows = []
            for chunk in _chunks(sorted(set(doc_ids))):
                rows += conn.execute(sa.select(c.c.doc, c.c.seq, c.c.data).where(c.c.doc.in_(chunk)))
        rows.sort(key=lambda r: (r.doc, r.seq))
        return [Claim.model_validate_json(r.data) for r in rows]

    def load(self) -> tuple[list[Document], list[Claim]]:
        """Every stored document (with text, language and publication date) and its claims,
        as extracted (not yet linked across documents: see `checker.store.load`)."""
        return self.documents(), self.claims()

    # --- a draft check's queries ------------------------------------------------------------
    @staticmethod
    def _key_query(keys: list[str]):
        k = db.person_keys   # ix_person_keys_key_subject_form covers it
        return sa.select(k.c.key, k.c.subject_id, k.c.form).where(k.c.key.in_(keys)).distinct()

    @staticmethod
    def _forms_query(ids: list[str]):
        k = db.person_keys   # ix_person_keys_subject_form covers it
        return sa.select(k.c.subject_id, k.c.form).where(k.c.subject_id.in_(ids)).distinct()

    @staticmethod
    def _subject_query(ids: list[str], predicates: list[str]):
        c = db.claims
        return sa.select(c.c.id, c.c.doc, c.c.seq, c.c.data).where(c.c.subject_id.in_(ids), c.c.predicate.in_(predicates))

    @staticmethod
    def _role_query(orgs: list[str]):
        c = db.claims
        return sa.select(c.c.id, c.c.doc, c.c.seq, c.c.data).where(c.c.object_id.in_(orgs), c.c.predicate == "role")

    def query_plan(self) -> list[str]:
        """SQLite's plan of each query of a draft check (name keys, a person's forms, claims by
        subject and predicate, role claims by organisation): each must SEARCH by index, never
        SCAN. Empty on other databases."""
        if self.engine.dialect.name != "sqlite":
            return []
        statements = [self._key_query(["a", "b"]), self._forms_query(["a", "b"]),
                      self._subject_query(["a", "b"], ["role", "funding"]), self._role_query(["a"])]
        out: list[str] = []
        with self.engine.connect() as conn:
            for st in statements:
                sql = str(st.compile(dialect=self.engine.dialect, compile_kwargs={"literal_binds": True}))
                out += [r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")]
        return out

    def linked_people(self, people: dict[str, set[str]], rounds: int = 3) -> dict[str, set[str]]:
        """For each person (id -> written forms), the stored person ids that are the same person,
        followed through up to `rounds` hops (A is B, B is C): lookups by name key only.

        Each round asks once for every person's new forms: the rows under their lookup keys,
        each compared (`same_person`, cached) with the new forms that looked up its key only. A
        form seen in an earlier round need not be compared again: had it been the same person
        as the row's form, it would have found the row by its own keys then."""
        ids = {pid: {pid} for pid in people}
        seen = {pid: set(forms) for pid, forms in people.items()}
        frontier = {pid: set(forms) for pid, forms in people.items() if forms}
        with self.engine.connect() as conn:
            for _ in range(rounds):
                if not frontier:
                    break
                wanted: dict[str, list[tuple[str, str]]] = {}   # key -> (person, form) that look it up
                for pid, forms in frontier.items():
                    for f in sorted(forms):
                        for key in person_lookup_keys(f):
                            wanted.setdefault(key, []).append((pid, f))
                found: dict[str, set[str]] = {pid: set() for pid in frontier}
                for chunk in _chunks(sorted(wanted)):
                    for key, sid, form in conn.execute(self._key_query(chunk)):
                        for pid, f in wanted[key]:
                            if sid not in ids[pid] and sid not in found[pid] and _same_person(f, form):
                                found[pid].add(sid)
                forms_of: dict[str, set[str]] = {}
                for chunk in _chunks(sorted(set().union(*found.values()))):
                    for sid, form in conn.execute(self._forms_query(chunk)):
                        forms_of.setdefault(sid, set()).add(form)
                frontier = {}
                for pid, sids in found.items():
                    ids[pid] |= sids
                    new = set().union(*(forms_of.get(sid, set()) for sid in sids)) - seen[pid]
                    seen[pid] |= new
                    if new:
                        frontier[pid] = new
        return ids

    def candidates(self, draft_claims: list[Claim], exclude_docs: Iterable[str] = ()) -> tuple[list[Document], list[Claim]]:
        """The stored claims a draft's claims can be compared with, and their documents.

        Blocking: (subject id, predicate) pairs of the draft, where a person's id stands for every
        stored id of the same person; plus role claims about the same organisation (one holder
        of a title). Each is an index lookup (ix_claims_subject_predicate, ix_claims_object_predicate)."""
        exclude = set(exclude_docs)
        linked = self.linked_people(_people(draft_claims))
        wanted: dict[str, set[str]] = {}
        for cl in draft_claims:
            wanted.setdefault(cl.subject.id, set()).add(cl.predicate)
        orgs = sorted({cl.object.id for cl in draft_claims if cl.predicate == "role" and cl.object is not None})
        rows: dict[str, tuple] = {}
        with self.engine.connect() as conn:
            for sid, preds in sorted(wanted.items()):
                ids = sorted(linked.get(sid, {sid}))
                for chunk in _chunks(ids):
                    for r in conn.execute(self._subject_query(chunk, sorted(preds))):
                        rows[r.id] = (r.doc, r.seq, r.data)
            for chunk in _chunks(orgs):
                for r in conn.execute(self._role_query(chunk)):
                    rows[r.id] = (r.doc, r.seq, r.data)
        kept = sorted((v for v in rows.values() if v[0] not in exclude), key=lambda v: (v[0], v[1]))
        found = [Claim.model_validate_json(v[2]) for v in kept]
        return self.documents({cl.doc for cl in found}), found
