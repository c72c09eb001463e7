"""The claim store: documents (with their text) and their claims, as JSON plus indexed columns.

- `Store.write(doc, hash, claims)` replaces one document and its claims in one transaction, so an
  interrupted index never leaves half a document; a document whose hash is already stored is left
  alone (another run got there first).
- `Store.load()` returns every document and claim, for an audit.
- `Store.candidates(claims)` is the blocking query of a draft check: the stored claims about the
  same subjects (the same id, or a person whose name is the same person across scripts) with the
  same predicates, plus role claims about the same organisation; index lookups only, never a scan.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

import sqlalchemy as sa

from checker.store import db
from claims.model import Claim, Document, Subject
from claims.link import person_keys  # noqa: F401  (the store's blocking keys are linking's)
from claims.normalize.names import same_person

# Parameters per IN (...) list: SQLite's limit is 32766 on recent builds, 999 on old ones.
CHUNK = 500


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
        key_rows = [{"doc": doc.id, "key": key, "subject_id": sid, "form": form}
                    for sid, forms in sorted(_people(claims).items()) for form in sorted(forms)
                    for key in sorted(person_keys(form))]
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
            if key_rows:
                conn.execute(sa.insert(k), key_rows)
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

    def linked_people(self, people: dict[str, set[str]], rounds: int = 3) -> dict[str, set[str]]:
        """For each person (id -> written forms), the stored person ids that are the same person,
        followed through up to `rounds` hops (A is B, B is C): lookups by name key only."""
        k = db.person_keys
        out: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for pid, forms in people.items():
                ids = {pid}
                frontier = set(forms)
                seen_forms = set(forms)
                for _ in range(rounds):
                    keys = sorted({key for f in frontier for key in person_keys(f)})
                    found: set[str] = set()
                    for chunk in _chunks(keys):
                        for sid, form in conn.execute(sa.select(k.c.subject_id, k.c.form).where(k.c.key.in_(chunk)).distinct()):
                            if sid not in ids and any(same_person(f, form) for f in seen_forms):
                                found.add(sid)
                    if not found:
                        break
                    ids |= found
                    frontier = set()
                    for chunk in _chunks(sorted(found)):
                        frontier |= set(conn.execute(sa.select(k.c.form).where(k.c.subject_id.in_(chunk)).distinct()).scalars())
                    frontier -= seen_forms
                    seen_forms |= frontier
                    if not frontier:
                        break
                out[pid] = ids
        return out

    def candidates(self, draft_claims: list[Claim], exclude_docs: Iterable[str] = ()) -> tuple[list[Document], list[Claim]]:
        """The stored claims a draft's claims can be compared with, and their documents.

        Blocking: (subject id, predicate) pairs of the draft, where a person's id stands for every
        stored id of the same person; plus role claims about the same organisation (one holder
        of a title). Each is an index lookup (ix_claims_subject_predicate, ix_claims_object_predicate)."""
        c = db.claims
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
                    q = sa.select(c.c.id, c.c.doc, c.c.seq, c.c.data).where(c.c.subject_id.in_(chunk), c.c.predicate.in_(sorted(preds)))
                    for r in conn.execute(q):
                        rows[r.id] = (r.doc, r.seq, r.data)
            for chunk in _chunks(orgs):
                q = sa.select(c.c.id, c.c.doc, c.c.seq, c.c.data).where(c.c.object_id.in_(chunk), c.c.predicate == "role")
                for r in conn.execute(q):
                    rows[r.id] = (r.doc, r.seq, r.data)
        kept = sorted((v for v in rows.values() if v[0] not in exclude), key=lambda v: (v[0], v[1]))
        found = [Claim.model_validate_json(v[2]) for v in kept]
        return self.documents({cl.doc for cl in found}), found
