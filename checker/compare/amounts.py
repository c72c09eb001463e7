"""Rules on amounts: money (valuation, funding, revenue) and counts (user_count, count, age)."""
from __future__ import annotations

import math
from typing import Optional

from checker.compare.base import Rule, Verdict, explicit_time, render, same_period, severity_for
from claims.model import Claim, Money, Quantity


def precision(x: float) -> float:
    """Half a unit of the last significant digit written: 500bn is 500±0.5bn, 8亿 is 8±0.5亿."""
    if x == 0:
        return 0.5
    digits = f"{x:.6g}".split("e")[0].rstrip("0").rstrip(".")
    sig = len(digits.replace(".", "").replace("-", "").lstrip("0")) or 1
    return 0.5 * 10 ** (math.floor(math.log10(abs(x))) - sig + 1)


def interval(v) -> tuple[float, float]:
    """The interval an amount may mean, given its precision, approximation and bounds."""
    if v.amount is not None:
        written = v.precision if v.precision is not None else precision(v.amount)
        spread = max(written, abs(v.amount) * (0.1 if v.approx else 0.0))
        return v.amount - spread, v.amount + spread
    lo = v.min if v.min is not None else -math.inf
    hi = v.max if v.max is not None else math.inf
    return lo, hi


def amounts_disjoint(a, b) -> bool:
    la, ha = interval(a)
    lb, hb = interval(b)
    return ha < lb or hb < la


class AmountConflict(Rule):
    """CC201 amount-conflict: one measure of one subject at one time, two amounts that cannot
    both be right.

    Amounts agree within the precision they were written with ($500bn, полтриллиона долларов,
    五千亿美元 and ٥٠٠ مليار دولار are one value; "about 800 million" and 8亿 agree); vague amounts
    are ranges ("hundreds of millions" holds 800 million, not 50 million). Different currencies
    are not compared. Figures that change over time are compared only between articles published
    within 90 days of each other, or with the same explicit period (revenue for 2024); funding only
    for the same investor, or with no investor for the same month; a target or forecast only with one for the same year; ages once taken
    to one date (41 in 2024 and 43 in 2026 agree). Two figures in one
    article are shown as info only: they are mostly two different things read as one.

    Bad:  "valued at $500bn" / "估值3000亿美元" (same week)
    Good: "$500 млрд" / "5000亿美元"; "800 million users" / "сотни миллионов пользователей"
    """

    code, name = "CC201", "amount-conflict"
    predicates = ("valuation", "funding", "revenue", "user_count", "count", "age")

    def block_key(self, claim: Claim) -> tuple:
        v = claim.value
        unit = v.currency if isinstance(v, Money) else getattr(v, "unit", None)
        key: tuple = (unit,)
        if claim.predicate == "funding":
            key += (claim.object.id if claim.object else None,)
        if claim.predicate == "revenue":
            key += (claim.time.start.year if claim.time and claim.time.start else None,)
        return key

    def compare(self, a: Claim, b: Claim, docs) -> Optional[Verdict]:
        if not isinstance(a.value, (Money, Quantity)) or not isinstance(b.value, (Money, Quantity)):
            return None
        if a.doc == b.doc and a.span == b.span:
            return None  # one sentence giving two figures tells a change ("up from $157bn"), not a conflict
        if "former" in (a.tense, b.tense):
            return None  # "up from €620m": an earlier figure, told as such
        if "future" in (a.tense, b.tense):
            # A target or forecast is compared only with another one for the same year.
            if a.tense != b.tense or not (a.time and b.time and a.time.start and b.time.start
                                          and a.time.start.year == b.time.start.year):
                return None
        if a.predicate == "funding" and not _same_round(a, b):
            return None
        if a.predicate == "revenue" and (a.time is None or b.time is None or a.time.start is None
                                         or (a.time.start, a.time.end) != (b.time.start, b.time.end)):
            return None  # a quarter's revenue and its year's are two figures
        if a.predicate in ("user_count", "count") and (explicit_time(a) or explicit_time(b)):
            # "312,400 vehicles in 2025" and "98,600 in the fourth quarter" count different periods.
            if not (explicit_time(a) and explicit_time(b) and (a.time.start, a.time.end) == (b.time.start, b.time.end)):
                return None
        elif a.predicate not in ("revenue", "age") and not same_period(a, b, docs, 90):
            return None
        if a.predicate == "age":
            return _age_conflict(a, b, docs)
        if not amounts_disjoint(a.value, b.value):
            return None
        why = f"{render(a.value)} and {render(b.value)} differ beyond the precision they were written with"
        if a.doc == b.doc:
            # A writer rarely gives one figure two values in one article; two figures there are
            # mostly two things (a rival's, a target, another round) read as one: shown, not raised.
            return Verdict(why + "; both are in one article, so they may be two different figures",
                           round(min(a.confidence, b.confidence) * 0.5, 2), "info")
        vague = a.value.amount is None or b.value.amount is None or a.value.approx or b.value.approx
        if a.predicate == "count" and vague:
            # "about ten" against "more than ten" sources: a judgement call, shown but not raised.
            return Verdict(why, round(min(a.confidence, b.confidence) * 0.5, 2), "info")
        return Verdict(why, round(min(a.confidence, b.confidence) * (0.7 if vague else 1.0), 2),
                       "warning" if vague else severity_for(a, b))


def _age_conflict(a: Claim, b: Claim, docs) -> Optional[Verdict]:
    """Ages grow with the calendar: 41 in a February 2024 article and 43 in a January 2026 one
    agree. The later age, taken back to the earlier article's date, must be within a year (a
    birthday may fall in between)."""
    da, db = docs.get(a.doc), docs.get(b.doc)
    if not (da and db and da.published and db.published and a.value.amount is not None and b.value.amount is not None):
        return None
    years = (db.published - da.published).days / 365.25
    if abs(b.value.amount - years - a.value.amount) <= 1.0:
        return None
    return Verdict(f"{render(a.value)} on {da.published} and {render(b.value)} on {db.published} cannot both be "
                   "right for one person", round(min(a.confidence, b.confidence), 2), severity_for(a, b))


def _same_round(a: Claim, b: Claim) -> bool:
    """Two funding claims tell one round when they name one investor, or, naming none, when they
    date the money to the same month (a listing's proceeds, "raised in December 2024")."""
    if a.object is not None or b.object is not None:
        return a.object is not None and b.object is not None and a.object.id == b.object.id
    ta, tb = a.time, b.time
    if not (ta and tb and ta.start and tb.start) or "year" in (ta.granularity, tb.granularity):
        return False
    return (ta.start.year, ta.start.month) == (tb.start.year, tb.start.month)
