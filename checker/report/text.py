"""`--format text`: findings a journalist reads in the terminal, colour only on a terminal."""
from __future__ import annotations

from checker.findings import Report

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _DIM, _BOLD = "\033[0m", "\033[2m", "\033[1m"


def render(report: Report, *, colour: bool = False, **_) -> str:
    def c(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if colour else s

    lines = []
    langs = sorted({d.lang for d in report.documents})
    lines.append(f"{len(report.documents)} documents ({', '.join(langs)}), {len(report.claims)} claims, "
                 f"{len(report.findings)} findings")
    for s in report.skipped:
        lines.append(c(_DIM, f"skipped: {s}"))
    for f in report.findings:
        lines.append("")
        head = f"{f.severity.upper()} {f.id} {f.rule} {f.rule_name} [{f.kind}, {f.predicate}] confidence {f.confidence:.2f}"
        lines.append(c(_COLOURS.get(f.severity, ""), head))
        lines.append(c(_BOLD, f"  {f.message}"))
        for e in f.evidence:
            where = f"{e.doc}" + (f":{e.line}:{e.column}" if e.line else "")
            lines.append(f"  - {where} ({e.lang}, published {e.published or 'unknown'}): {e.value}")
            lines.append(c(_DIM, f"    “{e.text}”"))
        if f.suppressed:
            lines.append(c(_DIM, f"  suppressed: {f.suppressed}"))
    return "\n".join(lines) + "\n"
