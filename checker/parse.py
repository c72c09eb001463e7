"""`claimcheck parse`: every value read in one phrase, the way Duckling answers a parse request."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from checker.compare.base import render
from claims.entities import load_index
from claims.errors import InputError
from claims.model import Document
from claims.pipeline import DocReader
from claims.read.language import SUPPORTED, normalize_tag


def parse_phrase(text: str, lang: str, published: Optional[dt.date]) -> list[dict]:
    """Every value read in `text`: {dim, span, text, value, display[, data]}, `value` in the report
    contract's shapes (money, quantity, time, duration, title; subjects, events and trigger words
    as small objects of their own), `display` the short form the text output prints, and for
    amounts, times and durations `data`, the same shape without the words read and their precision."""
    tag = normalize_tag(lang)
    if tag not in SUPPORTED:
        raise InputError("E301", "--lang", f"{lang!r} is not supported (supported: {', '.join(SUPPORTED)})")
    doc = Document(id="phrase", path="<phrase>", lang=tag, published=published, text=text)
    reader = DocReader(doc, load_index())
    rows = []
    for sent in reader.sentences():
        o = sent.start

        def row(dim, s, e, value, display, data=None):
            r = {"dim": dim, "span": [o + s, o + e], "text": text[o + s:o + e], "value": value, "display": display}
            if data is not None:  # the contract's value shape without the words read and their precision
                r["data"] = data.model_dump(mode="json", exclude={"text", "precision"})
            rows.append(r)

        def shape(model) -> dict:
            return model.model_dump(mode="json")

        for a in sent.amounts:
            v = _money(a) if a.currency else _quantity(a)
            row("money" if a.currency else "number", a.start, a.end, shape(v), render(v), v)
        for t in sent.times:
            row("time", t.start, t.end, shape(t.time), render(t.time), t.time)
        for d in sent.durations:
            value = shape(d.duration)
            if d.ago:
                value["ago"] = shape(d.ago)
            row("duration", d.start, d.end, value, d.duration.iso + (f" (ago: {render(d.ago)})" if d.ago else ""),
                d.duration)
            counted = d.ago if d.ago is not None else d.ahead
            if counted is not None and not any(t.start == d.start and t.end == d.end for t in sent.times):
                row("time", d.start, d.end, shape(counted), render(counted), counted)  # "three months ago" is a time too
        for t in sent.titles:
            row("title", t.start, t.end, {"type": "title", "id": t.key, "text": t.text}, t.key)
        for group, dim in ((sent.people, "person"), (sent.orgs, "org"), (sent.products, "product")):
            for m in group:
                row(dim, m.start, m.end, {"type": "subject", "id": m.subject.id, "name": m.subject.name,
                                          "kind": m.subject.kind}, f"{m.subject.name} [{m.subject.id}]")
        for e in sent.events:
            row("event", e.start, e.end, {"type": "event", "id": e.key}, e.key)
        for t in sent.triggers:
            row("trigger", t.start, t.end, {"type": "trigger", "predicate": t.key}, t.key)
    # A year's digits are part of its time ("In 2016"), not a number of their own.
    times = [r["span"] for r in rows if r["dim"] == "time"]
    rows = [r for r in rows if not (r["dim"] == "number" and any(s <= r["span"][0] and r["span"][1] <= e
                                                                 for s, e in times))]
    rows.sort(key=lambda r: (r["span"][0], r["dim"]))
    return rows


def _money(a):
    from claims.model import Money

    return Money(amount=a.amount, currency=a.currency, min=a.min, max=a.max, min_exclusive=a.min_exclusive, approx=a.approx)


def _quantity(a):
    from claims.model import Quantity

    return Quantity(amount=a.amount, min=a.min, max=a.max, min_exclusive=a.min_exclusive, approx=a.approx)
