"""Audits and draft checks over a claim store (`claimcheck audit/check --store URL`)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

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
    """(what was read, its claims, not linked) for `paths`, read as drafts with `strict`
    (checker.corpus, as every command reads)."""
    from checker.corpus import read_corpus

    paths = list(paths)
    r = read_corpus([] if strict else paths, drafts=paths if strict else (), entity_files=tuple(entity_files),
                    link=False)
    return r, r.claims


def audit_store(store_url: str | os.PathLike, paths: Sequence[Path] = (), *, entity_files: tuple[str, ...] = (),
                disabled: set[str] = frozenset(), languages=None, progress=None) -> Report:
    """Every stored document, plus any read from `paths` (a path's document replaces the stored
    one of the same id), matched together (`checker.run.audit` with `store`, without its ignore
    comments and baseline)."""
    from checker.run import _report, read

    return _report(read(list(paths), store=str(store_url), entity_files=entity_files, languages=languages,
                        progress=progress), disabled)


def check_store(draft: Path, store_url: str | os.PathLike, against: Sequence[Path] = (), *,
                entity_files: tuple[str, ...] = (), disabled: set[str] = frozenset(), languages=None) -> Report:
    """The draft against the stored archive (and any `against` paths): the candidate claims are
    fetched by index (same subject and predicate), never the whole store; only findings that
    involve the draft are reported. A stored version of the draft itself is left out."""
    from checker.run import check_report, read

    return check_report(read(list(against), drafts=[draft], store=str(store_url), entity_files=entity_files,
                             languages=languages), disabled)
