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
    tag = normalize_tag(lang)
    if tag not in SUPPORTED:
        raise InputError("E301", "--lang", f"{lang!r} is not supported (supported: {', '.join(SUPPORTED)})")
    doc = Document(id="phrase", path="<phrase>", lang=tag, published=published, text=text)
    reader = DocReader(doc, load_index())
    rows = []
    for sent in reader.sentences():
        o = sent.start

        def row(dim, s, e, value, data=None):
            r = {"dim": dim, "span": [o + s, o + e], "text": text[o + s:o + e], "value": value}
            if data is not None:  # the report contract's value shape (money, quantity, time, duration)
                r["data"] = data.model_dump(mode="json", exclude={"text", "precision"})
            rows.append(r)

        for a in sent.amounts:
            v = _money(a) if a.currency else _quantity(a)
            row("money" if a.currency else "number", a.start, a.end, render(v), v)
        for t in sent.times:
            row("time", t.start, t.end, render(t.time), t.time)
        for d in sent.durations:
            row("duration", d.start, d.end, d.duration.iso + (f" (ago: {render(d.ago)})" if d.ago else ""), d.duration)
        for t in sent.titles:
            row("title", t.start, t.end, t.key)
        for group, dim in ((sent.people, "person"), (sent.orgs, "org"), (sent.products, "product")):
            for m in group:
                row(dim, m.start, m.end, f"{m.subject.name} [{m.subject.id}]")
        for e in sent.events:
            row("event", e.start, e.end, e.key)
        for t in sent.triggers:
            row("trigger", t.start, t.end, t.key)
    rows.sort(key=lambda r: (r["span"][0], r["dim"]))
    return rows


def _money(a):
    from claims.model import Money

    return Money(amount=a.amount, currency=a.currency, min=a.min, max=a.max, min_exclusive=a.min_exclusive, approx=a.approx)


def _quantity(a):
    from claims.model import Quantity

    return Quantity(amount=a.amount, min=a.min, max=a.max, min_exclusive=a.min_exclusive, approx=a.approx)
