"""Audits and draft checks over a claim store (`claimcheck audit/check --store URL`)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Sequence

from checker.findings import Report
from checker.store.db import translate_errors
from checker.store.store import Store
from claims.model import Claim, Document


def load(store_url: str | os.PathLike, *, link: bool = True) -> tuple[list[Document], list[Claim]]:
    """Every stored document (text, language, publication date: what evidence needs) and claim,
    the claims linked across documents as `checker.run.read_claims` links them."""
    with translate_errors(str(store_url)):
        docs, found = Store(store_url).load()
    if link:
        from claims.link import link_subjects

        found = link_subjects(found)
    return docs, found


def candidates(store_url: str | os.PathLike, draft_claims: list[Claim],
               exclude_docs: Sequence[str] = ()) -> tuple[list[Document], list[Claim]]:
    """The stored documents and claims a draft's claims can conflict with (see `Store.candidates`)."""
    with translate_errors(str(store_url)):
        return Store(store_url).candidates(draft_claims, exclude_docs)


def _read(paths: Sequence[Path], entity_files, strict: bool):
    from claims.aliases import learn_names
    from claims.entities import load_index
    from claims.pipeline import extract_claims
    from claims.read import load_documents

    loaded = load_documents(list(paths), strict_language=strict)
    if strict:  # the draft
        from checker.run import date_drafts

        date_drafts(loaded.documents)
    learn_names(loaded.documents)
    index = load_index(tuple(entity_files))
    return loaded, [c for d in loaded.documents for c in extract_claims(d, index)]


def audit_store(store_url: str | os.PathLike, paths: Sequence[Path] = (), *, entity_files: tuple[str, ...] = (),
                disabled: set[str] = frozenset()) -> Report:
    """Every stored document, plus any read from `paths` (a path's document replaces the stored
    one of the same id), matched together."""
    from checker.matcher import match
    from claims.link import link_subjects

    docs, found = load(store_url, link=False)
    skipped: list[str] = []
    errors = []
    if paths:
        loaded, extra = _read(paths, entity_files, strict=False)
        fresh = {d.id for d in loaded.documents}
        docs = [d for d in docs if d.id not in fresh] + loaded.documents
        found = [c for c in found if c.doc not in fresh] + extra
        skipped, errors = loaded.skipped, loaded.errors
    found = link_subjects(found)
    return Report(documents=docs, claims=found, findings=match(docs, found, disabled), skipped=skipped,
                  notes=[f"{d.id}: {n}" for d in docs for n in d.notes], errors=_problems(errors))


def _problems(errors):
    from checker.findings import InputProblem

    return [InputProblem(code=e.code, path=e.path, message=e.message) for e in errors]


def check_store(draft: Path, store_url: str | os.PathLike, against: Sequence[Path] = (), *,
                entity_files: tuple[str, ...] = (), disabled: set[str] = frozenset()) -> Report:
    """The draft against the stored archive (and any `against` paths): the candidate claims are
    fetched by index (same subject and predicate), never the whole store; only findings that
    involve the draft are reported. A stored version of the draft itself is left out."""
    from checker.matcher import match
    from claims.link import link_subjects

    loaded, draft_claims = _read([draft], entity_files, strict=True)
    draft_docs = loaded.documents
    draft_ids = {d.id for d in draft_docs}
    docs, found = candidates(store_url, draft_claims, exclude_docs=draft_ids)
    skipped: list[str] = []
    errors = []
    if against:
        more, extra = _read(against, entity_files, strict=False)
        errors = more.errors
        fresh = {d.id for d in more.documents} | draft_ids
        docs = [d for d in docs if d.id not in fresh] + [d for d in more.documents if d.id not in draft_ids]
        found = [c for c in found if c.doc not in fresh] + [c for c in extra if c.doc not in draft_ids]
        skipped = more.skipped
    docs = draft_docs + docs
    linked = link_subjects(draft_claims + found)
    findings = [f for f in match(docs, linked, disabled) if draft_ids & set(f.docs)]
    for i, f in enumerate(findings, 1):
        f.id = f"F{i}"
    return Report(documents=docs, claims=linked, findings=findings, skipped=skipped,
                  notes=[f"{d.id}: {n}" for d in docs for n in d.notes], errors=_problems(errors),
                  drafts=sorted(draft_ids))
