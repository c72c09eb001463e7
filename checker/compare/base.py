"""What every comparator shares: rendering values, intervals with their precision, the rule shape."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar, Optional

from claims.model import PUBLICATION_DATE, Claim, Document, Duration, Money, Quantity, Time, Title


@dataclass
class Verdict:
    """What a comparator says of two claims (or of one claim, for an anomaly)."""

    why: str
    confidence: float
    severity: str = "error"


class Rule:
    """A comparison rule. Subclasses set `code`, `name`, `predicates` and a docstring with a bad
    and a good example: that docstring is what `claimcheck rules` prints."""

    code: ClassVar[str]
    name: ClassVar[str]
    predicates: ClassVar[tuple[str, ...]]
    kind: ClassVar[str] = "contradiction"

    def block_key(self, claim: Claim) -> tuple:
        """Claims are compared only inside one block: same subject, predicate and this key."""
        return ()

    def compare(self, a: Claim, b: Claim, docs: dict[str, Document]) -> Optional[Verdict]:
        """A verdict on two claims of one block, or None. It must not read their id, text, lang or
        value_span, and their span only to tell two claims of one sentence: the matcher compares
        claims alike in all the rest once for all (checker/matcher.py `_alike`)."""
        return None

    def check(self, claim: Claim, doc: Document) -> Optional[Verdict]:
        return None

    def for_block(self, block: list[Claim]) -> "Rule":
        """The rule to compare the claims of one block with: itself, or a copy that knows what the
        whole block says (RoleConflict: titles one sentence gives one person together)."""
        return self


def render(value) -> str:
    if isinstance(value, Time):
        if value.start is None:
            return f"month {value.month} (year unknown)" if value.month else "unresolved"
        if value.granularity == "year" and value.start.month == 1 and value.end.month == 12:
            return f"{value.start:%Y}"
        if value.granularity == "month":
            return f"{value.start:%Y-%m}"
        if value.granularity == "year":
            return f"{value.start:%Y-%m}..{value.end:%Y-%m}"
        if value.start == value.end:
            return value.start.isoformat()
        return f"{value.start.isoformat()}..{value.end.isoformat()}"
    if isinstance(value, (Money, Quantity)):
        unit = value.currency if isinstance(value, Money) else (value.unit or "")
        if value.amount is not None:
            return f"{'~' if value.approx else ''}{_num(value.amount)} {unit}".strip()
        lo = f"{'>' if value.min_exclusive else '≥'}{_num(value.min)}" if value.min is not None else ""
        hi = f"≤{_num(value.max)}" if value.max is not None else ""
        return f"{lo}{' ' if lo and hi else ''}{hi} {unit}".strip()
    if isinstance(value, Duration):
        return f"{'~' if value.approx else ''}{value.iso}"
    if isinstance(value, Title):
        return value.id
    return str(value)


def _num(x: float) -> str:
    for div, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(x) >= div:
            return f"{x / div:g}{suffix}"
    return f"{x:g}"


def widened(t: Time) -> Optional[tuple[dt.date, dt.date]]:
    """The interval a time could mean: an approximate one ("nine years ago", "in recent months")
    gains a margin of its own granularity on each side."""
    if t.start is None or t.end is None:
        return None
    if not t.approx:
        return t.start, t.end
    margin = {"year": 366, "month": 31, "day": 7}.get(t.granularity, 31)
    return t.start - dt.timedelta(days=margin), t.end + dt.timedelta(days=margin)


def times_disjoint(a: Time, b: Time) -> bool:
    wa, wb = widened(a), widened(b)
    if not wa or not wb:
        return False
    return wa[1] < wb[0] or wb[1] < wa[0]


def gap_days(a: Time, b: Time) -> int:
    """Days between two disjoint intervals (0 when they touch or overlap)."""
    if a.start is None or b.start is None:
        return 0
    return max(0, (b.start - a.end).days, (a.start - b.end).days)


def explicit_time(claim: Claim) -> bool:
    """Whether the claim's time is stated in its sentence (not its article's publication date)."""
    t = claim.time
    return t is not None and t.start is not None and t.text != PUBLICATION_DATE


def as_of(claim: Claim, docs: dict[str, Document]) -> Optional[dt.date]:
    """When a claim is said to hold: its explicit time, else its article's publication date."""
    if claim.time is not None and claim.time.start is not None:
        return claim.time.end
    doc = docs.get(claim.doc)
    return doc.published if doc else None


def same_period(a: Claim, b: Claim, docs: dict[str, Document], days: int) -> bool:
    da, db = as_of(a, docs), as_of(b, docs)
    return da is not None and db is not None and abs((da - db).days) <= days


def severity_for(*claims: Claim) -> str:
    return "error" if min(c.confidence for c in claims) >= 0.7 else "warning"
