"""`--format html`: one self-contained page (no network) with the findings side by side.

Article text goes through Jinja's autoescape: a hostile article cannot inject markup.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from checker.findings import Report

RTL = {"ar", "fa", "he", "ur"}


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    return env


def _split(text: str, span, sentence_span):
    """The sentence in three pieces, the value in the middle, so the template can highlight it."""
    if not span or not sentence_span:
        return text, "", ""
    s, e = span[0] - sentence_span[0], span[1] - sentence_span[0]
    if not (0 <= s <= e <= len(text)):
        return text, "", ""
    return text[:s], text[s:e], text[e:]


def render(report: Report, **_) -> str:
    docs = {d.id: d for d in report.documents}
    cards = []
    for f in report.findings:
        sides = []
        for e in f.evidence:
            before, value, after = _split(e.text, e.value_span, e.span)
            d = docs.get(e.doc)
            sides.append({"e": e, "before": before, "value": value, "after": after,
                          "rtl": (e.lang or "").split("-")[0] in RTL, "title": d.title if d else None})
        cards.append({"f": f, "sides": sides})
    by_subject = defaultdict(list)
    for c in report.claims:
        by_subject[(c.subject.name, c.subject.id)].append(c)
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in ("error", "warning", "info")}
    return _env().get_template("report.html.j2").render(
        report=report, cards=cards, counts=counts, by_subject=sorted(by_subject.items()),
        langs=sorted({d.lang for d in report.documents}), predicates=sorted({f.predicate for f in report.findings}),
        rtl=RTL, render_value=_value_text,
    )


def _value_text(claim) -> str:
    from checker.compare.base import render as render_value

    v = claim.value if claim.value is not None else claim.time
    return render_value(v) if v is not None else ""
