"""Claim extractors, one module per claim family, each written once for all languages.

An extractor is `fn(sentence, reader) -> list[Draft]`; `EXTRACTORS` is the one table that lists
them (a test checks every predicate of claims/predicates.py is served by one).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from claims.model import Claim, Subject, Time


@dataclass
class Draft:
    predicate: str
    subject: Subject
    value: object = None
    value_span: Optional[tuple[int, int]] = None   # relative to the sentence
    object: Optional[Subject] = None
    destination: Optional[Subject] = None
    time: Optional[Time] = None
    confidence: float = 0.8
    tense: Optional[str] = None

    def to_claim(self, sent, claim_id: str) -> Claim:
        tense = self.tense or ("future" if sent.future else "past")
        vs = (sent.start + self.value_span[0], sent.start + self.value_span[1]) if self.value_span else None
        return Claim(id=claim_id, doc=sent.doc.id, predicate=self.predicate, subject=self.subject, value=self.value,
                     object=self.object, destination=self.destination, time=self.time, text=sent.text,
                     span=(sent.start, sent.start + len(sent.text)), value_span=vs, lang=sent.doc.lang,
                     tense=tense, confidence=round(self.confidence, 2))


def nearest(items, anchor: int, *, max_gap: int = 10_000):
    """The item whose span is closest to position `anchor` (items have .start and .end)."""
    best, best_d = None, None
    for it in items:
        d = 0 if it.start <= anchor <= it.end else min(abs(it.start - anchor), abs(it.end - anchor))
        if d <= max_gap and (best_d is None or d < best_d):
            best, best_d = it, d
    return best


from claims.extract import counts, events, money, people, shares, users  # noqa: E402

EXTRACTORS = {
    "money": money.extract,          # valuation, funding, revenue
    "user_count": users.extract,
    "events": events.extract,        # event_date, founding
    "people": people.extract,        # role, departure, hire, tenure
    "share": shares.extract,
    "counts": counts.extract,        # count, age
}
# Which predicates each extractor can produce (checked against claims/predicates.py by a test).
PRODUCES = {
    "money": ("valuation", "funding", "revenue"), "user_count": ("user_count",),
    "events": ("event_date", "founding"), "people": ("role", "departure", "hire", "tenure"),
    "share": ("share",), "counts": ("count", "age"),
}
