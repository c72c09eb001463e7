"""`--format text`: findings a journalist reads in the terminal, colour only on a terminal."""
from __future__ import annotations

from checker.findings import Report
from checker.report.common import input_lines, paths, plural

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _DIM, _BOLD = "\033[0m", "\033[2m", "\033[1m"


# Evidence printed per value of a finding; other sources that say the same are counted and named.
PER_VALUE = 3


def _shown_evidence(f, targets):
    """The evidence printed in full (the draft's first, then up to PER_VALUE per value, in the
    finding's order), and the rest by value."""
    wanted = set(targets or ())
    ordered = sorted(f.evidence, key=lambda e: e.doc not in wanted)
    count: dict[str, int] = {}
    shown, more = [], {}
    for e in ordered:
        if count.get(e.value, 0) < PER_VALUE or e.doc in wanted:
            count[e.value] = count.get(e.value, 0) + 1
            shown.append(e)
        else:
            more.setdefault(e.value, []).append(e)
    shown.sort(key=f.evidence.index)
    return shown, more


def render(report: Report, *, colour: bool = False, targets=None, **_) -> str:
    def c(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if colour else s

    lines = []
    where_of = paths(report)
    langs = sorted({d.lang for d in report.documents})
    suppressed = sum(1 for f in report.findings if f.suppressed)
    lines.append(f"{plural(len(report.documents), 'document')} ({', '.join(langs)}), {plural(len(report.claims), 'claim')}, "
                 f"{plural(len(report.findings), 'finding')}" + (f" ({suppressed} suppressed)" if suppressed else ""))
    for level, line in input_lines(report):
        lines.append(c(_COLOURS["error"] if level == "error" else _COLOURS["warning"], line))
    for s in report.skipped:
        lines.append(c(_DIM, f"skipped: {s}"))
    for n in report.notes:
        if "claimcheck" in n:  # notes about ignore comments concern the editor; others stay in JSON
            lines.append(c(_DIM, f"note: {n}"))
    # Suppressed findings last, dimmed: they are there to be reviewed, not to be acted on.
    for f in sorted(report.findings, key=lambda f: bool(f.suppressed)):
        lines.append("")
        head = f"{f.severity.upper()} {f.id} {f.rule} {f.rule_name} [{f.kind}, {f.predicate}] confidence {f.confidence:.2f}"
        if f.suppressed:
            head = f"SUPPRESSED {head}"
        lines.append(c(_DIM if f.suppressed else _COLOURS.get(f.severity, ""), head))
        lines.append(c(_BOLD, f"  {f.message}"))
        shown, more = _shown_evidence(f, targets)
        for e in shown:
            # path:line:column, which terminals and editors open at the place
            where = where_of.get(e.doc, e.doc) + (f":{e.line}:{e.column}" if e.line else "")
            lines.append(f"  - {where} ({e.lang}, published {e.published or 'unknown'}): {e.value}")
            lines.append(c(_DIM, f"    “{e.text}”"))
        for value, rest in more.items():
            names = ", ".join(where_of.get(e.doc, e.doc) for e in rest[:5])
            lines.append(c(_DIM, f"  - and {len(rest)} more saying {value}: {names}"
                                 + (f" and {len(rest) - 5} more" if len(rest) > 5 else "")))
        if f.suppressed:
            lines.append(c(_DIM, f"  suppressed: {f.suppressed}"))
    return "\n".join(lines) + "\n"
