"""Claim extractors, one module per claim family, each written once for all languages.

An extractor is `fn(sentence, reader) -> list[Draft]`; `EXTRACTORS` is the one table that lists
them (a test checks every predicate of claims/predicates.py is served by one).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex as re

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
    anchor: Optional[int] = None   # where the claim's words are, when it has no value span

    def to_claim(self, sent, claim_id: str) -> Claim:
        at = self.value_span[0] if self.value_span else self.anchor
        told_ahead = sent.future_at(at) if at is not None else sent.future
        tense = self.tense or ("future" if told_ahead or sent.modal_at(at) else "past")
        if tense == "future" and self.predicate in _SCHEDULABLE and sent.scheduled_at(at) and (
                _on_the_calendar(self.time if self.predicate != "event_date" else self.value)
                or self.predicate != "event_date" and any(_on_the_calendar(t.time) for t in sent.times)):
            tense = "scheduled"
        vs = (sent.start + self.value_span[0], sent.start + self.value_span[1]) if self.value_span else None
        return Claim(id=claim_id, doc=sent.doc.id, predicate=self.predicate, subject=self.subject, value=self.value,
                     object=self.object, destination=self.destination, time=self.time, text=sent.text,
                     span=(sent.start, sent.start + len(sent.text)), value_span=vs, lang=sent.doc.lang,
                     tense=tense, confidence=round(self.confidence, 2))


# A move or an event put on the calendar for a day or a month ("will leave on 30 September",
# "shares will begin trading on 24 June") is stated as a schedule; a plan or a forecast is not. The
# other half of a dated move is scheduled with it ("will leave on 30 September to join X").
_SCHEDULABLE = {"departure", "hire", "event_date"}


def _on_the_calendar(time) -> bool:
    """A day or a month; a quarter or a year is a plan's horizon, not a date on the calendar."""
    return isinstance(time, Time) and time.start is not None and time.end is not None \
        and time.granularity in ("day", "month") and (time.end - time.start).days <= 31


def nearest(items, anchor: int, *, max_gap: int = 10_000):
    """The item whose span is closest to position `anchor` (items have .start and .end)."""
    best, best_d = None, None
    for it in items:
        d = 0 if it.start <= anchor <= it.end else min(abs(it.start - anchor), abs(it.end - anchor))
        if d <= max_gap and (best_d is None or d < best_d):
            best, best_d = it, d
    return best


# Predicates whose words take a time of their own; others (tenure, user_count) do not compete for one.
_TIMED = {"departure", "hire", "founding", "revenue", "valuation", "funding"}
# Words of one act that share its time: "left Helion in March to join Acme", "今年6月,他离职创办了Zefir".
_ONE_ACT = {"departure", "hire", "founding"}


# Where a clause ends: a comma, semicolon or colon of any script, but not the separator inside
# "4,500" or "1,5".
# A space between two Han characters parts a Chinese headline's clauses (王某离职 将加盟某资本).
CLAUSE_BREAK = re.compile(r"[，;；:：،؛]|,(?!\d)|(?<!\d),|(?<=\p{Han})\s+(?![\sA-Za-z0-9])")


def next_word_at(text: str, pos: int, reach: int = 8) -> int:
    """Where the next word starts after `pos`: past up to `reach` characters of white space."""
    window = text[pos:pos + reach]
    return pos + len(window) - len(window.lstrip())


def _one_act(a, b) -> bool:
    """Move words of one act share its time: "left Helion in March to join Acme", "离职创办"."""
    return getattr(a, "key", None) in _ONE_ACT and b.key in _ONE_ACT


def own_times(sent, anchor, times, *, max_gap: int = 80):
    """The times of a sentence that belong to `anchor` (an event word or trigger): those nearer to
    it than to any other event or trigger word. "основана в 2015 году ... и вышла на биржу в ноябре
    2023 года": 2015 is the founding's, November 2023 the listing's."""
    timed = [t for t in sent.triggers if t.key in _TIMED]
    anchors = list(sent.events) + [t for t in timed if not _one_act(anchor, t)]
    # A time right after a word is that word's, whatever shares an act with it: "с момента её
    # основания в 2011 году ... условия своего ухода": 2011 is the founding's, not the departure's.
    taken = {id(t) for t in times for w in [*sent.events, *timed]
             if w is not anchor and 0 <= t.start - w.end <= 4}
    times = [t for t in times if id(t) not in taken]

    def distance(item, a):
        return 0 if a.start <= item.start <= a.end else min(abs(item.start - a.end), abs(a.start - item.end))

    def same_clause(item, a) -> bool:
        return not CLAUSE_BREAK.search(sent.text, min(item.end, a.end), max(item.start, a.start))

    mine = []
    for t in times:
        d = distance(t, anchor)
        # A rival word across a clause mark does not take a time from the anchor's own clause: "the
        # listing of X took place on 3 March: the company raised ...".
        own = same_clause(t, anchor)
        rivals = [a for a in anchors if (a.start, a.end) != (anchor.start, anchor.end) and (not own or same_clause(t, a))]
        if d <= max_gap and all(distance(t, a) >= d for a in rivals):
            mine.append(t)
    # A time in the anchor's own clause beats a nearer one across a comma: "تأسست عام ٢٠١١، إذ أقال
    # ... في ١٤ تشرين الأول": the ousting is October's, 2011 is the founding's.
    own = [t for t in mine if not CLAUSE_BREAK.search(sent.text, min(t.end, anchor.end), max(t.start, anchor.start))]
    return own or mine


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
