"""What the renderers share: which evidence to point at, and how to name a file."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

from checker.findings import Evidence, Finding, Report


def display_path(path: str) -> str:
    """A document's path as a CI system shows it: relative to the current directory when inside it,
    with forward slashes."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return p.as_posix()
    return Path(os.path.normpath(p)).as_posix()


def paths(report: Report) -> dict[str, str]:
    return {d.id: display_path(d.path) for d in report.documents}


def focus(f: Finding, targets: Optional[Iterable[str]]) -> tuple[list[Evidence], list[Evidence]]:
    """The finding's evidence in the target documents (the draft being checked; every document in
    an audit), and the rest. A finding with no target evidence points at its first piece."""
    if targets is None:
        return list(f.evidence), []
    wanted = set(targets)
    mine = [e for e in f.evidence if e.doc in wanted]
    rest = [e for e in f.evidence if e.doc not in wanted]
    if not mine and f.evidence:
        return f.evidence[:1], f.evidence[1:]
    return mine, rest


def counted(report: Report) -> list[Finding]:
    """Findings that count (not suppressed, not agreements)."""
    return [f for f in report.findings if not f.suppressed and f.kind != "agreement"]


def plural(n: int, word: str) -> str:
    """`1 finding`, `2 findings`."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def input_lines(report: Report) -> list[tuple[str, str]]:
    """What every format says about the input besides findings, as (level, line): files that could
    not be read (the run went on without them), documents without a publication date and what
    that costs, articles their folder's manifest does not list."""
    out = []
    for e in report.errors:
        out.append(("error", f"unreadable: {display_path(e.path)}: {e.code} {e.message} (skipped; "
                             "its claims were not checked)"))
    undated = report.undated
    for u in undated[:LISTED]:
        out.append(("warning", f"undated: {display_path(u.path)}: {u.message}"))
    if len(undated) > LISTED:
        rest = undated[LISTED:]
        out.append(("warning", f"undated: {len(rest)} more documents without a publication date; "
                               f"{sum(u.unresolved for u in rest)} claims with a relative date among them are "
                               "compared with nothing (every one is in the JSON report's `undated`)"))
    for p in report.unlisted[:LISTED]:
        out.append(("warning", f"unlisted: {display_path(p)}: not in its folder's manifest.yaml; read without "
                               "its metadata"))
    if len(report.unlisted) > LISTED:
        out.append(("warning", f"unlisted: {len(report.unlisted) - LISTED} more articles not in their folder's "
                               "manifest.yaml (every one is in the JSON report's `unlisted`)"))
    return out


# Undated or unlisted documents named one by one in a human-readable report; more are counted.
LISTED = 20
