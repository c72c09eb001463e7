"""Rules on dates of events: two dates for one event, and a past event dated after its article."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from checker.compare.base import Rule, Verdict, gap_days, render, same_period, severity_for, times_disjoint
from claims.extract.events import event_kinds
from claims.model import Claim, Document, Time


@lru_cache(maxsize=1)
def recurring_events() -> dict[str, str]:
    """Event kind -> "always" (never compared) or "news-cycle" (compared within one news cycle)."""
    return {k: ("news-cycle" if v.get("recurring") == "news-cycle" else "always")
            for k, v in event_kinds().items() if v.get("recurring")}


# A recurring kind's two dates are one event misdated only within one news cycle, months apart.
RECURRING_NEWS_DAYS = 45
RECURRING_GAP_DAYS = 183


def _event_kind(claim: Claim) -> str:
    return claim.subject.id.split(":", 1)[-1].split("@", 1)[0]


class EventDateConflict(Rule):
    """CC101 event-date-conflict: one event, two dates that cannot both be right.

    Dates are compared at the coarser precision: "December 2025" agrees with "2025" and
    contradicts "December 2026". Approximate dates ("nine years ago") get a margin.
    Events that recur (a launch, a lawsuit) are never compared: two dates are two events; those
    seldom twice in a few months (a recall, an accident) are compared only between articles of
    one news cycle (published within 45 days) whose dates are months, not years, apart, as a
    warning; events that happen to two different people (two oustings), and
    a plan against a done event, are never compared.

    Bad:  "In December Altman declared a code red" (Feb 2026) / "In December 2026 ... code red"
    Good: "in 2023年11月 ... ousted" / "去年11月 ... ousted" in a 2024 article
    """

    code, name, predicates = "CC101", "event-date-conflict", ("event_date", "founding")

    def compare(self, a: Claim, b: Claim, docs) -> Optional[Verdict]:
        if not isinstance(a.value, Time) or not isinstance(b.value, Time):
            return None
        if a.object and b.object and a.object.id != b.object.id:
            return None  # the ousting of one person and of another are two events
        if "future" in (a.tense, b.tense) and a.tense != b.tense:
            return None  # a plan ("no IPO this year") is not the date of a done event
        if not times_disjoint(a.value, b.value):
            return None
        recurring = recurring_events().get(_event_kind(a)) if a.predicate == "event_date" else None
        if recurring == "always":
            return None
        if recurring and not (same_period(a, b, docs, RECURRING_NEWS_DAYS) and
                              gap_days(a.value, b.value) <= RECURRING_GAP_DAYS):
            return None
        why = f"the dates {render(a.value)} and {render(b.value)} do not overlap"
        conf = min(a.confidence, b.confidence) * (0.8 if a.value.approx or b.value.approx else 1.0)
        if recurring:
            return Verdict(why + "; this kind of event recurs, so they may be two of them", round(conf * 0.8, 2),
                           "warning")
        if gap_days(a.value, b.value) <= 31:
            # Adjacent months are often two steps of one story (announced in June, founded in May).
            return Verdict(why + "; they are adjacent, so this may be two steps of one event", round(conf * 0.7, 2), "warning")
        return Verdict(why, round(conf, 2), severity_for(a, b) if not (a.value.approx or b.value.approx) else "warning")


class EventAfterPublication(Rule):
    """CC102 event-after-publication: an article narrates an event as done but dates it after
    its own publication date.

    Bad:  an article of 4 February 2026 says "in December 2026 Altman sent a code red" (past tense)
    Good: "OpenAI aims to reach $100bn revenue in 2029" (a plan: future tense is not checked), "X will
          leave on 30 September" (scheduled: not checked either)
    """

    code, name, predicates, kind = "CC102", "event-after-publication", ("event_date", "departure", "hire", "founding"), "anomaly"

    def check(self, claim: Claim, doc: Document) -> Optional[Verdict]:
        t = claim.value if isinstance(claim.value, Time) else claim.time
        if t is None or t.start is None or doc.published is None or claim.tense in ("future", "scheduled") or t.relative:
            return None
        if t.start <= doc.published:
            return None
        return Verdict(f"dated {render(t)}, after the article's own publication on {doc.published.isoformat()}, "
                       "yet told as past", round(claim.confidence * 0.9, 2), "warning")
