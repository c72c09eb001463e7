"""The plain functions the CLI commands are thin wrappers of."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from checker.findings import Report
from checker.matcher import match
from claims.entities import load_index
from claims.link import link_subjects
from claims.model import Claim, Document
from claims.pipeline import extract_claims
from claims.read import load_documents


def read_claims(paths: list[Path], *, entity_files: tuple[str, ...] = (), strict_language: bool = False,
                progress: Optional[Callable[[Document], None]] = None) -> tuple[list[Document], list[Claim], list[str]]:
    loaded = load_documents(paths, strict_language=strict_language)
    if not loaded.documents:
        from claims.errors import InputError

        why = f" ({loaded.skipped[0]})" if loaded.skipped else ""
        raise InputError("E302", paths[0], f"no document in a supported language to read{why}")
    index = load_index(tuple(entity_files))
    claims: list[Claim] = []
    for doc in loaded.documents:
        claims += extract_claims(doc, index)
        if progress:
            progress(doc)
    return loaded.documents, link_subjects(claims), loaded.skipped


def audit(paths: list[Path], *, entity_files: tuple[str, ...] = (), disabled: set[str] = frozenset(),
          progress=None) -> Report:
    docs, claims, skipped = read_claims(paths, entity_files=entity_files, progress=progress)
    findings = match(docs, claims, disabled)
    return Report(documents=docs, claims=claims, findings=findings, skipped=skipped,
                  notes=[f"{d.id}: {n}" for d in docs for n in d.notes])


def check(draft: Path, archive: list[Path], *, entity_files: tuple[str, ...] = (), disabled: set[str] = frozenset(),
          progress=None) -> Report:
    """The draft against the archive: only findings that involve the draft."""
    draft_docs, _, _ = read_claims([draft], entity_files=entity_files, strict_language=True)
    report = audit([draft, *archive], entity_files=entity_files, disabled=disabled, progress=progress)
    draft_ids = {d.id for d in draft_docs}
    report.findings = [f for f in report.findings if draft_ids & set(f.docs)]
    for i, f in enumerate(report.findings, 1):
        f.id = f"F{i}"
    return report
