"""`--format github`: GitHub Actions workflow commands, one annotation per finding and place.

    ::error file=drafts/x.md,line=11,col=1,title=CC101 event-date-conflict::message

Each annotation points at the evidence in the checked draft (in an audit: at every document's
evidence) and names the other side in the message. Suppressed findings are not annotated; the last
line sums up.
"""
from __future__ import annotations

from checker.findings import Report
from checker.report.common import counted, display_path, focus, paths, plural

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, *, targets=None, **_) -> str:
    where = paths(report)
    lines = []
    for f in report.findings:
        if f.suppressed or f.kind == "agreement":
            continue
        mine, _ = focus(f, targets)
        for e in mine:
            others = [o for o in f.evidence if o is not e]
            body = [f.message]
            for o in others:
                at = f"{where.get(o.doc, o.doc)}" + (f":{o.line}" if o.line else "")
                body.append(f"- {at} ({o.lang}, published {o.published or 'unknown'}): {o.value}: “{o.text}”")
            body.append(f"confidence {f.confidence:.2f}; fingerprint {f.fingerprint}")
            props = [f"file={_prop(where.get(e.doc, e.doc))}"]
            if e.line:
                props.append(f"line={e.line}")
                if e.column:
                    props.append(f"col={e.column}")
            props.append(f"title={_prop(f'{f.rule} {f.rule_name}: {f.subject.name}'.strip())}")
            lines.append(f"::{_LEVEL.get(f.severity, 'warning')} {','.join(props)}::{_data(chr(10).join(body))}")
    for e in report.errors:
        lines.append(f"::error file={_prop(display_path(e.path))},title={_prop(e.code + ' unreadable')}::"
                     f"{_data(f'{e.code} {e.message}: skipped, its claims were not checked')}")
    for u in report.undated:
        level = "notice" if u.assumed else "warning"
        lines.append(f"::{level} file={_prop(display_path(u.path))},title=undated::{_data(u.message)}")
    for p in report.unlisted:
        lines.append(f"::warning file={_prop(display_path(p))},title=not in manifest::"
                     f"{_data('not listed in its folder manifest.yaml: read without its metadata')}")
    shown = counted(report)
    suppressed = sum(1 for f in report.findings if f.suppressed)
    lines.append(f"claimcheck: {plural(len(shown), 'finding')}"
                 f"{f', {suppressed} suppressed' if suppressed else ''} in {plural(len(report.documents), 'document')}"
                 + (f"; {plural(len(report.errors), 'file')} could not be read" if report.errors else ""))
    return "\n".join(lines) + "\n"
