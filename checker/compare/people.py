"""Rules on people: tenures, titles at one time, and moves (departures and hires)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from checker.compare.base import Rule, Verdict, explicit_time, render, same_period, severity_for, times_disjoint
from claims.model import Claim, Duration, Title

TITLES = Path(__file__).resolve().parents[2] / "claims" / "data" / "titles.yaml"


@lru_cache(maxsize=1)
def title_data() -> dict:
    return yaml.safe_load(TITLES.read_text(encoding="utf-8")) or {}


def titles_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    data = title_data()
    for group in data.get("compatible", []):
        if a in group and b in group:
            return True
    # One person may hold several titles at once (co-founder and chief scientist).
    cumulative = set(data.get("cumulative", []))
    return a in cumulative or b in cumulative


class TenureConflict(Rule):
    """CC301 tenure-conflict: how long a person stayed, two lengths that cannot both be right.

    Rounding is allowed: "7 years" and "nearly seven" agree; 7 and 9 do not.

    Bad:  "после 7 лет работы" / "任职长达九年"
    Good: "после 7 лет работы" / "任职长达七年"
    """

    code, name, predicates = "CC301", "tenure-conflict", ("tenure",)

    def block_key(self, claim: Claim) -> tuple:
        return (claim.object.id if claim.object else None,)

    def compare(self, a: Claim, b: Claim, docs) -> Optional[Verdict]:
        if not isinstance(a.value, Duration) or not isinstance(b.value, Duration):
            return None
        if a.value.years is None or b.value.years is None or not same_period(a, b, docs, 366):
            return None
        slack = 1.0 if (a.value.approx or b.value.approx) else 0.5
        if abs(a.value.years - b.value.years) <= slack:
            return None
        return Verdict(f"{render(a.value)} and {render(b.value)} differ by more than rounding",
                       min(a.confidence, b.confidence), severity_for(a, b))


class RoleConflict(Rule):
    """CC401 role-conflict: one person given two titles that cannot both hold at the same time.

    A title is a fact at a time: a title in a 2024 article and another in a 2026 article are both
    true. Only claims about the same period (publication dates within 30 days, not about the
    future) are compared; a post held before ("CTO X left in October") only with another post
    held before at a stated time ("CFO X left in October"). Titles that go together (co-founder and CEO) and
    translations that are ambiguous (главный научный сотрудник) never conflict.

    Bad:  "chief scientist Mark Chen" / "chief financial officer Mark Chen" (same week)
    Good: "SVP of research Mark Chen" (2024) / "chief research officer Mark Chen" (2026)
    """

    code, name, predicates = "CC401", "role-conflict", ("role",)
    together: frozenset = frozenset()

    def for_block(self, block: list[Claim]) -> "RoleConflict":
        """Titles one sentence gives its holder together ("president and chief operating officer")
        are held together wherever else they are named."""
        by_sentence: dict[tuple, set[str]] = {}
        for c in block:
            if isinstance(c.value, Title) and c.tense != "former":
                by_sentence.setdefault((c.doc, c.span), set()).add(c.value.id)
        pairs = frozenset(frozenset((x, y)) for ids in by_sentence.values() for x in ids for y in ids if x != y)
        if not pairs:
            return self
        rule = RoleConflict()
        rule.together = pairs
        return rule

    def compare(self, a: Claim, b: Claim, docs) -> Optional[Verdict]:
        if not isinstance(a.value, Title) or not isinstance(b.value, Title):
            return None
        if frozenset((a.value.id, b.value.id)) in self.together:
            return None
        if "future" in (a.tense, b.tense) or not same_period(a, b, docs, 30):
            return None
        if "former" in (a.tense, b.tense) and not (a.tense == b.tense and explicit_time(a) and explicit_time(b)):
            return None  # a post held before is compared only with another held at a stated time
        if titles_compatible(a.value.id, b.value.id):
            return None
        # Two C-level posts (chief scientist / chief financial officer) are an editor's worry; a
        # researcher called an economist elsewhere is only worth a look.
        senior = set(title_data().get("single_holder", []))
        severity = "warning" if {a.value.id, b.value.id} <= senior else "info"
        return Verdict(f"titles {a.value.id} and {b.value.id} at the same time",
                       round(min(a.confidence, b.confidence) * 0.8, 2), severity)


def _may_be_one_person(a, b) -> bool:
    """Two subjects the linker kept apart but whose surnames are close in sound: claimcheck does
    not accuse them of holding one post, since they may be one person written two ways."""
    from rapidfuzz.distance import Levenshtein

    from claims.normalize.names import name_parts, skeleton

    for fa in [a.name, *a.aliases]:
        for fb in [b.name, *b.aliases]:
            pa, pb = name_parts(fa), name_parts(fb)
            if not (pa and pb):
                continue
            sa, sb = skeleton(pa[-1]), skeleton(pb[-1])
            # Short surnames (Doe, Roe, Li, Wu) must sound the same; longer ones may differ by one.
            if sa == sb or (min(len(sa), len(sb)) >= 3 and Levenshtein.distance(sa, sb) <= 1):
                return True
    return False


class SingleHolderConflict(Rule):
    """CC402 single-holder-conflict: a post only one person holds at a time (CEO, chief scientist)
    given to two people of one organisation at the same time.

    Bad:  "OpenAI's chief scientist Jakub Pachocki" / "OpenAI's chief scientist Mark Chen" (same week)
    Good: "chief research officer Bob McGrew" (2024) / "chief research officer Mark Chen" (2026)
    """

    code, name, predicates = "CC402", "single-holder-conflict", ("role:holder",)

    def compare(self, a: Claim, b: Claim, docs) -> Optional[Verdict]:
        if a.subject.id == b.subject.id or {a.tense, b.tense} & {"future", "former"}:
            return None
        if _may_be_one_person(a.subject, b.subject):
            return None
        if not same_period(a, b, docs, 30):
            return None
        return Verdict(f"{a.subject.name} and {b.subject.name} are both named {a.value.id} of "
                       f"{a.object.name if a.object else 'the same organisation'} at the same time",
                       round(min(a.confidence, b.confidence) * 0.8, 2), "warning")


# Below this, a hire's organisation was not named in its sentence (claims/extract/people.py).
UNNAMED_HIRE_CONFIDENCE = 0.6


class MoveConflict(Rule):
    """CC501 move-conflict: one departure or hire of one person from or to one organisation,
    with dates or destinations that cannot both be right.

    Bad:  "left OpenAI in January 2026" / "离开OpenAI于2025年3月"
    Good: "left in recent months" (Feb 2026) / "上个月离开" (Feb 2026)
    """

    code, name, predicates = "CC501", "move-conflict", ("departure", "hire")

    def block_key(self, claim: Claim) -> tuple:
        return (claim.object.id if claim.object else None,)

    def compare(self, a: Claim, b: Claim, docs) -> Optional[Verdict]:
        if a.time and b.time and times_disjoint(a.time, b.time):
            approx = a.time.approx or b.time.approx
            why = f"dated {render(a.time)} and {render(b.time)}, which do not overlap"
            if a.predicate == "hire" and min(a.confidence, b.confidence) < UNNAMED_HIRE_CONFIDENCE:
                # A hire whose organisation the sentence did not name may be a hire elsewhere.
                return Verdict(why + "; one sentence names no organisation joined", 0.4, "info")
            return Verdict(why, round(min(a.confidence, b.confidence) * (0.8 if approx else 1.0), 2),
                           "warning" if approx else severity_for(a, b))
        if a.destination and b.destination and a.destination.id != b.destination.id:
            return Verdict(f"went to {a.destination.name} and to {b.destination.name}",
                           round(min(a.confidence, b.confidence) * 0.8, 2), "warning")
        return None
