"""The plain functions the CLI commands are thin wrappers of."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from checker.findings import Report
from checker.matcher import match
from claims.aliases import learn_names
from claims.entities import load_index
from claims.errors import InputError
from claims.link import link_subjects
from claims.model import Claim, Document
from claims.pipeline import extract_claims
from claims.read import load_documents

HTML_SUFFIXES = (".html", ".htm")


def read_claims(paths: list[Path], *, entity_files: tuple[str, ...] = (), strict_language: bool = False,
                progress: Optional[Callable[[Document], None]] = None,
                languages: Optional[Iterable[str]] = None) -> tuple[list[Document], list[Claim], list[str]]:
    """Read and extract. `progress(doc)` is called after each document; if `progress` also has a
    `start(total)` method, that is called first with the number of documents. With `languages`,
    documents in other languages are skipped with a note."""
    loaded = load_documents(paths, strict_language=strict_language)
    if languages:
        wanted = set(languages)
        kept = []
        for d in loaded.documents:
            if d.lang in wanted:
                kept.append(d)
            else:
                loaded.skipped.append(f"{d.path}: language {d.lang} is not among the configured languages "
                                      f"({', '.join(sorted(wanted))}); skipped")
        loaded.documents = kept
    if not loaded.documents:
        why = f" ({loaded.skipped[0]})" if loaded.skipped else ""
        raise InputError("E302", paths[0], f"no document in a supported language to read{why}")
    learn_names(loaded.documents)
    index = load_index(tuple(entity_files))
    if progress is not None and hasattr(progress, "start"):
        progress.start(len(loaded.documents))
    claims: list[Claim] = []
    for doc in loaded.documents:
        claims += extract_claims(doc, index)
        if progress:
            progress(doc)
    return loaded.documents, link_subjects(claims), loaded.skipped


def audit(paths: list[Path], *, entity_files: tuple[str, ...] = (), disabled: set[str] = frozenset(),
          progress=None, languages: Optional[Iterable[str]] = None, baseline=None,
          ignore_comments: bool = True, store: Optional[str] = None) -> Report:
    """Every finding among the documents (and, with `store`, every stored one). Ignore comments
    in the documents and the `baseline` (checker.suppress.read_baseline, or a set of fingerprints)
    mark findings suppressed; they stay in the report with the reason."""
    if store:
        from checker.store import audit_store

        report = audit_store(store, paths, entity_files=entity_files, disabled=disabled)
    else:
        report = _audit(paths, entity_files=entity_files, disabled=disabled, progress=progress, languages=languages)
    _finish(report, {d.id for d in report.documents}, baseline, ignore_comments)
    return report


def check(draft: Union[Path, list[Path]], archive: list[Path], *, entity_files: tuple[str, ...] = (),
          disabled: set[str] = frozenset(), progress=None, languages: Optional[Iterable[str]] = None,
          baseline=None, ignore_comments: bool = True, store: Optional[str] = None) -> Report:
    """The draft (or several drafts) against the archive (files, and with `store` the claim store's
    candidates): only findings that involve a draft. Ignore comments are read in the drafts only."""
    drafts = [draft] if isinstance(draft, (str, Path)) else [Path(p) for p in draft]
    if store:
        from checker.store import check_store

        if len(drafts) != 1:
            raise InputError("E607", drafts[1], "with --store, check one draft at a time")
        report = check_store(drafts[0], store, archive, entity_files=entity_files, disabled=disabled)
        _finish(report, {d.id for d in load_documents(drafts, strict_language=True).documents}, baseline,
                ignore_comments)
        return report
    draft_docs = load_documents(drafts, strict_language=True).documents
    if languages:
        for d in draft_docs:
            if d.lang not in set(languages):
                raise InputError("E303", d.path, f"the draft is in {d.lang}, not among the configured languages "
                                                 f"({', '.join(sorted(languages))})")
    report = _audit([*drafts, *archive], entity_files=entity_files, disabled=disabled, progress=progress,
                    languages=languages)
    draft_ids = {d.id for d in draft_docs}
    report.findings = [f for f in report.findings if draft_ids & set(f.docs)]
    for i, f in enumerate(report.findings, 1):
        f.id = f"F{i}"
    _finish(report, draft_ids, baseline, ignore_comments)
    return report


def draft_ids(report: Report, drafts: list[Path]) -> set[str]:
    """The ids of the documents read from `drafts` (for renderers that point at the draft only)."""
    wanted = {str(Path(p).resolve()) for p in drafts}
    return {d.id for d in report.documents if str(Path(d.path).resolve()) in wanted}


def _audit(paths, *, entity_files, disabled, progress, languages) -> Report:
    docs, claims, skipped = read_claims(paths, entity_files=entity_files, progress=progress, languages=languages)
    findings = match(docs, claims, disabled)
    return Report(documents=docs, claims=claims, findings=findings, skipped=skipped,
                  notes=[f"{d.id}: {n}" for d in docs for n in d.notes])


def _finish(report: Report, comment_docs: set[str], baseline, ignore_comments: bool) -> None:
    """HTML evidence pointed at the HTML source; ignore comments; the baseline."""
    from checker.suppress import apply_baseline, apply_ignore_comments, relocate_html_evidence

    involved = {e.doc for f in report.findings for e in f.evidence}
    texts: dict[str, str] = {}
    for d in report.documents:
        if d.id not in involved and not (ignore_comments and d.id in comment_docs):
            continue
        text = d.text
        if Path(d.path).suffix.lower() in HTML_SUFFIXES:
            from claims.read.decode import read_text

            try:
                text = read_text(Path(d.path))
            except InputError:
                text = ""
            if d.id in involved and not relocate_html_evidence(report, d, text):
                report.notes.append(f"{d.id}: some evidence could not be found in the HTML source; it has no line")
        if d.id in comment_docs:
            texts[d.id] = text
    if ignore_comments:
        report.notes += apply_ignore_comments(report, texts)
    if baseline:
        apply_baseline(report, baseline)
