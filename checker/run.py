"""The plain functions the CLI commands are thin wrappers of."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from checker.corpus import DRAFT_DATE_NOTE, UNDATED_NOTE, Corpus, date_drafts, read_corpus, today  # noqa: F401
from checker.findings import InputProblem, Report, Undated
from claims.errors import InputError
from claims.model import Claim, Document

HTML_SUFFIXES = (".html", ".htm")
Read = Corpus  # what reading gives (checker.corpus)


def read(paths: list[Path], *, drafts: list[Path] = (), entity_files: tuple[str, ...] = (),
         strict_language: bool = False, progress: Optional[Callable[[Document], None]] = None,
         languages: Optional[Iterable[str]] = None, cache: bool = True, store: Optional[str] = None) -> Read:
    """The documents and linked claims of `paths`, `drafts` and the claim `store`
    (checker.corpus.read_corpus, which every command reads through)."""
    return read_corpus(paths, drafts=drafts, store=store, entity_files=entity_files,
                       strict_language=strict_language, progress=progress, languages=languages, cache=cache)


def read_claims(paths: list[Path], *, entity_files: tuple[str, ...] = (), strict_language: bool = False,
                progress: Optional[Callable[[Document], None]] = None,
                languages: Optional[Iterable[str]] = None) -> tuple[list[Document], list[Claim], list[str]]:
    """(documents, linked claims, skipped lines), files that could not be read among the skipped."""
    r = read(paths, entity_files=entity_files, strict_language=strict_language, progress=progress,
             languages=languages)
    return r.documents, r.claims, r.skipped + [f"{e.path}: {e.code} {e.message}" for e in r.errors]


def audit(paths: list[Path], *, entity_files: tuple[str, ...] = (), disabled: set[str] = frozenset(),
          progress=None, languages: Optional[Iterable[str]] = None, baseline=None,
          ignore_comments: bool = True, store: Optional[str] = None, cache: bool = True) -> Report:
    """Every finding among the documents (and, with `store`, every stored one). Ignore comments
    in the documents and the `baseline` (checker.suppress.read_baseline, or a set of fingerprints)
    mark findings suppressed; they stay in the report with the reason."""
    r = read(paths, entity_files=entity_files, progress=progress, languages=languages, cache=cache, store=store)
    report = _report(r, disabled)
    _finish(report, {d.id for d in report.documents}, baseline, ignore_comments)
    return report


def check(draft: Union[Path, list[Path]], archive: list[Path], *, entity_files: tuple[str, ...] = (),
          disabled: set[str] = frozenset(), progress=None, languages: Optional[Iterable[str]] = None,
          baseline=None, ignore_comments: bool = True, store: Optional[str] = None, cache: bool = True) -> Report:
    """The draft (or several drafts) against the archive (files, and with `store` the claim store's
    candidates): only findings that involve a draft. Ignore comments are read in the drafts only."""
    drafts = [draft] if isinstance(draft, (str, Path)) else [Path(p) for p in draft]
    if store and len(drafts) != 1:
        raise InputError("E607", drafts[1], "with --store, check one draft at a time")
    r = read(archive, drafts=drafts, entity_files=entity_files, progress=progress, languages=languages, cache=cache,
             store=store)
    report = check_report(r, disabled)
    _finish(report, r.drafts, baseline, ignore_comments)
    return report


def check_report(r: Read, disabled: set[str] = frozenset()) -> Report:
    """The findings of what was read that involve a draft, numbered again."""
    scope_draft_events(r)
    report = _report(r, disabled, focus=r.drafts)
    report.findings = [f for f in report.findings if r.drafts & set(f.docs)]
    for i, f in enumerate(report.findings, 1):
        f.id = f"F{i}"
    report.drafts = sorted(r.drafts)
    return report


# The scope of an event whose article names no organisation (claims.extract.events).
UNSCOPED = "unscoped"


def scope_draft_events(r: Read) -> None:
    """A draft that names no organisation ("In December, chief executive Sam Altman declared a
    code red") leaves its events unscoped. When the archive knows that event under one scope only,
    the draft speaks of that one: its claim takes the archive's subject, with a note, so that it is
    compared at all."""
    scopes: dict[str, set[str]] = {}
    for c in r.claims:
        if c.doc in r.drafts or c.subject.kind != "event" or "@" not in c.subject.id:
            continue
        head, _, scope = c.subject.id.rpartition("@")
        if scope != UNSCOPED:
            scopes.setdefault(head, set()).add(c.subject.id)
    docs = {d.id: d for d in r.documents}
    for i, c in enumerate(r.claims):
        if c.doc not in r.drafts or c.subject.kind != "event" or not c.subject.id.endswith("@" + UNSCOPED):
            continue
        known = scopes.get(c.subject.id.rpartition("@")[0], set())
        if len(known) != 1:
            continue
        target = next(iter(known))
        r.claims[i] = c.model_copy(update={"subject": c.subject.model_copy(update={"id": target})})
        note = (f"{c.subject.name} names no organisation here; the archive knows it only as {target}, "
                "so it is compared with that")
        if note not in docs[c.doc].notes:
            docs[c.doc].notes.append(note)


def draft_ids(report: Report, drafts: list[Path]) -> set[str]:
    """The ids of the documents read from `drafts` (for renderers that point at the draft only)."""
    if report.drafts:
        return set(report.drafts)
    wanted = {str(Path(p).resolve()) for p in drafts}
    return {d.id for d in report.documents if str(Path(d.path).resolve()) in wanted}


def _report(r: Read, disabled, focus: Optional[set[str]] = None) -> Report:
    """The report of what was read; with `focus`, only the findings that involve those documents
    are looked for (checker.matcher.match)."""
    from checker.matcher import match

    findings = match(r.documents, r.claims, disabled, focus=focus)
    report = Report(documents=r.documents, claims=r.claims, findings=findings, skipped=r.skipped,
                    notes=[f"{d.id}: {n}" for d in r.documents for n in d.notes],
                    errors=[InputProblem(code=e.code, path=e.path, message=e.message) for e in r.errors])
    return report


def undated(report: Report) -> list[Undated]:
    """The documents without a publication date of their own, and what each costs: its claims
    whose relative dates stay unresolved (compared with nothing)."""
    unresolved: dict[str, int] = {}
    for c in report.claims:
        times = [t for t in (c.value, c.time) if t is not None and getattr(t, "type", "") == "time"]
        if any(t.start is None for t in times):
            unresolved[c.doc] = unresolved.get(c.doc, 0) + 1
    out = []
    for d in report.documents:
        assumed = getattr(d, "published_assumed", False)
        if d.published is not None and not assumed:
            continue
        n = unresolved.get(d.id, 0)
        if assumed:
            message = (f"no publication date: checked as of today, {d.published.isoformat()}; its relative dates "
                       f"(\u201cin December\u201d, \u201clast year\u201d) are read from today")
        elif n:
            message = (f"no publication date: {n} claim{'s' if n != 1 else ''} with a relative date "
                       f"(\u201cin December\u201d, \u201clast year\u201d) cannot be placed in a year and "
                       f"{'are' if n != 1 else 'is'} compared with nothing")
        else:
            message = "no publication date: a relative date it holds could not be placed in a year " \
                      "(none was found in this one)"
        out.append(Undated(doc=d.id, path=d.path, assumed=d.published.isoformat() if assumed else None,
                           unresolved=n, message=message))
    return out


def _finish(report: Report, comment_docs: set[str], baseline, ignore_comments: bool) -> None:
    """HTML evidence pointed at the HTML source; ignore comments; the baseline; undated and
    unlisted documents."""
    from checker.suppress import apply_baseline, apply_ignore_comments, relocate_html_evidence
    from claims.read import UNLISTED_NOTE

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
    report.undated = undated(report)
    report.unlisted = [d.path for d in report.documents if any(n.startswith(UNLISTED_NOTE) for n in d.notes)]
