"""count and age: a number beside a counted noun ("11 founders", 十余名员工), or a person's age."""
from __future__ import annotations

import regex as re

from claims.extract import Draft, nearest, next_word_at
from claims.extract.money import clause_bounds, org_before, period_of
from claims.model import Quantity, Subject


def _age(sent, reader) -> list[Draft]:
    out = []
    for rule in sent.pack.rule_patterns("age_patterns"):
        for m in rule.finditer(sent.text):
            try:
                years = int(m.group("n"))
            except (IndexError, ValueError, TypeError):
                continue
            if not 0 < years < 120:
                continue
            person = nearest(sent.people, m.start(), max_gap=30) or sent.person_pronoun
            if person is None:
                continue
            value = Quantity(amount=float(years), unit="years", precision=0.5, text=m.group(0))
            out.append(Draft("age", person.subject, value, m.span(), confidence=0.7))
    return out


def _attributed(text: str, start: int, end: int, after, before) -> bool:
    """A speech word right after the counted words ("two employees said"), or, where the pack
    says so, one that only the counted speakers can govern right before them (рассказали два
    сотрудника: plural; "Acme said 30 people were injured" is a count)."""
    if after is not None and after.match(text, next_word_at(text, end)):
        return True
    head = text[max(0, start - 24):start].rstrip()
    return before is not None and any(m.end() == len(head) for m in before.finditer(head))


def _count(sent, reader) -> list[Draft]:
    out = []
    nouns = sent.pack.get("count_nouns") or {}
    if not nouns or reader.main_org is None:
        return out
    speech_after = sent.pack.compile(sent.pack.get("attribution_words") or [])
    speech_before = sent.pack.compile(sent.pack.get("attribution_before") or [])
    partial = sent.pack.compile(sent.pack.get("partial_periods") or [])
    found = []
    for what, words in nouns.items():
        pattern = sent.pack.compile(words)
        if pattern is None:
            continue
        for m in pattern.finditer(sent.text):
            near = [a for a in sent.amounts if not a.currency and not a.is_year_like and 0 <= m.start() - a.end <= 6
                    and (a.amount or a.min or 0) >= 2]
            if near:
                found.append((near[-1], what, m.end(), m.group(0)))
    # What the pack's rules say a number counts where its word lists do not (ru: any noun, by lemma).
    counted = getattr(sent.pack.rules, "counted", None)
    if counted is not None:
        for a in sent.amounts:
            if a.currency or a.is_year_like or (a.amount or a.min or 0) < 2 or any(f[0] is a for f in found):
                continue
            if re.match(r"\s*(?:%|％)", sent.text[a.end:]) or any(t.start <= a.start < t.end for t in sent.times):
                continue  # a percentage, or the day of a date ("8 декабря")
            got = counted(sent.text, a.start, a.end, sent.pack)
            if got is not None:
                found.append((a, got[0], max(got[1], a.end), sent.text[a.end:got[1]].strip() or got[0]))
    for a, what, end, words in found:
        if _attributed(sent.text, a.start, end, speech_after, speech_before):
            continue  # "two employees said": sources, not a headcount
        if sent.future_at(a.start):
            continue  # "may cut up to 200 jobs", "is looking for 300 engineers": no count yet
        period = period_of(sent, a)
        if period is None and partial is not None and partial.search(sent.text, *clause_bounds(sent.text, a.start)):
            continue  # "其中四季度交付9.86万辆": a quarter we cannot place is no year's count
        # Whose count: the organisation its clause is about ("Lingyue, which delivered 268,000
        # vehicles"), else the article's own.
        owner = org_before(sent, a.start, reader) or reader.main_org
        subject = Subject(id=f"count:{what}@{owner.id.split(':', 1)[-1]}", name=f"{what} of {owner.name}",
                          kind="thing", aliases=[words])
        value = Quantity(amount=a.amount, min=a.min, max=a.max, min_exclusive=a.min_exclusive, unit=what,
                         approx=a.approx, precision=a.precision, text=sent.text[a.start:end])
        out.append(Draft("count", subject, value, (a.start, end), time=period, confidence=0.6))
    return out


def extract(sent, reader) -> list[Draft]:
    return _age(sent, reader) + _count(sent, reader)
