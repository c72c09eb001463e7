"""count and age: a number beside a counted noun ("11 founders", 十余名员工), or a person's age."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from claims.extract import CLAUSE_BREAK, Draft, nearest, next_word_at
from claims.extract.money import clause_bounds, org_before, period_of
from claims.model import Quantity, Subject
from claims.normalize.numbers import find_amounts


def _age(sent, reader) -> list[Draft]:
    out = []
    for rule in sent.pack.rule_patterns("age_patterns"):
        for m in rule.finditer(sent.text):
            try:
                years = _whole_number(m.group("n"), sent.pack)
            except (IndexError, ValueError, TypeError):
                continue
            if years is None:
                # Number words ("ثمانية وثلاثين"): the amount the number engine read there.
                ns, ne = m.span("n")
                read = [a for a in sent.amounts if ns <= a.start and a.end <= ne and a.amount and not a.currency]
                if not read or not float(read[0].amount).is_integer():
                    continue
                years = int(read[0].amount)
            if not 0 < years < 120:
                continue
            # "48岁的邹凯与43岁的赵一鸣": the person right after an age phrase is its holder.
            after = [p for p in sent.people if 0 <= p.start - m.end() <= 1]
            person = (after[0] if after else None) or nearest(sent.people, m.start(), max_gap=30) \
                or _holder_of_title_after(sent, m.end()) or sent.person_pronoun
            if person is None:
                continue
            value = Quantity(amount=float(years), unit="years", precision=0.5, text=m.group(0))
            # "Ngozi and Chidi Okeke, both 29": every person of the group.
            shared = sent.pack.compile(sent.pack.lex.age_shared_words)
            group = [person]
            if shared is not None and shared.search(sent.text, max(0, m.start() - 8), m.start() + 8):
                from claims.extract.people import coordinated
                group = coordinated(sent, person, sent.people) if person in sent.people else [person]
            for who in group:
                # An age beside a name is a fact of now, whatever a later verb plans (ar-d-dep-02).
                out.append(Draft("age", who.subject, value, m.span(), confidence=0.7,
                                 tense=None if any(s <= m.start() for s, _ in sent.future_marks) else "past"))
    return out


@lru_cache(maxsize=None)
def _number_word_patterns(pack) -> tuple:
    words = pack.lex.numbers.words
    return tuple((re.compile(f"(?p)(?:{pattern})", re.I), value) for pattern, value in words.items())  # longest


def _number_words(text: str, pack):
    """A number written as the pack's number words run together ("тридцати" + "пяти" = 35), or None."""
    pos, total = 0, 0
    while pos < len(text):
        best = None
        for pattern, value in _number_word_patterns(pack):
            m = pattern.match(text, pos)
            if m and m.end() > pos and (best is None or m.end() > best[0]):
                best = (m.end(), value)
        if best is None:
            return None
        pos, total = best[0], total + best[1]
    return int(total) if total else None


def _holder_of_title_after(sent, pos: int):
    """"The 72-year-old founder and chairman of Acme, Kenji Watanabe": the age of a title's holder."""
    from claims.extract.people import holder, title_chains

    for chain in title_chains(sent):
        if 0 <= chain[0].start - pos <= 3:
            return holder(sent, chain, {})
    return None


def _whole_number(text: str, pack) -> int | None:
    """An age as written: digits, or number words the pack reads (六十五, сорок)."""
    if text is None:
        return None
    if text.strip().isdigit():
        return int(text)
    amounts = find_amounts(text, pack)
    if len(amounts) == 1 and amounts[0].amount is not None and float(amounts[0].amount).is_integer():
        return int(amounts[0].amount)
    return _number_words(text, pack)  # run together: "тридцатипятилетний"


def _attributed(text: str, start: int, end: int, after, before) -> bool:
    """A speech word right after the counted words ("two employees said"), or, where the pack
    says so, one that only the counted speakers can govern right before them (рассказали два
    сотрудника: plural; "Acme said 30 people were injured" is a count)."""
    if after is not None and after.match(text, next_word_at(text, end)):
        return True
    head = text[max(0, start - 24):start].rstrip()
    return before is not None and any(m.end() == len(head) for m in before.finditer(head))


def _closed_counts(sent) -> list[tuple[str, object, int, int, str]]:
    """(class, amount, start, end, words) of the pack's closed `count_nouns` right after an amount."""
    out = []
    for what, words in sent.pack.lex.count_nouns.items():
        pattern = sent.pack.compile(words)
        if pattern is None:
            continue
        for m in pattern.finditer(sent.text):
            near = [a for a in sent.amounts if _countable(sent, a) and 0 <= m.start() - a.end <= 6
                    and not CLAUSE_BREAK.search(sent.text, a.end, m.start())]
            if near:
                out.append((what, near[-1], near[-1].start, m.end(), m.group(0)))
    return out


def _countable(sent, a) -> bool:
    """A plain number of things: no currency, no year, no percentage, no duration, at least two."""
    if a.currency or (a.amount or a.min or a.max or 0) < 2:
        return False
    # A number that could be a year (1905) is one where the pack cannot tell the noun after it, or
    # where a time is read there; where it reads the noun (ru `counted`), "1905 аптек" counts.
    if a.is_year_like and (getattr(sent.pack.rules, "counted", None) is None
                           or any(t.start <= a.start < t.end for t in sent.times)):
        return False
    if sent.text[a.end:a.end + 2].lstrip()[:1] in ("%", "％") or any(d.start <= a.start < d.end for d in sent.durations):
        return False
    ordinal = sent.pack.compile(sent.pack.lex.ordinal_words)
    if ordinal is not None and any(m.end() == len(sent.text[:a.start].rstrip()) for m in ordinal.finditer(sent.text, max(0, a.start - 6), a.start)):
        return False  # 第三座工厂: an ordinal
    return True


@lru_cache(maxsize=None)
def _open_patterns(pack):
    after = [re.compile(p) for p in pack.lex.count_open_after]
    before = [re.compile(p + r"$") for p in pack.lex.count_open_before]
    not_nouns = pack.compile(pack.lex.not_count_nouns)
    measures = pack.compile(pack.lex.count_measures)
    classes = [(what, re.compile(rf"(?:{'|'.join(words)})$")) for what, words in pack.lex.count_nouns.items()]
    return after, before, not_nouns, measures, classes


def _class_of(noun: str, classes) -> str:
    """An open noun ending in a word of a closed class is of that class (自营门店, 門市: stores), so
    that the words and scripts of one measure compare; else the noun itself."""
    for what, pattern in classes:
        if pattern.search(noun):
            return what
    return noun.lower()


def _open_counts(sent, taken) -> list[tuple[str, object, int, int, str]]:
    """Any countable noun beside an amount (the pack's `count_open_after` / `count_open_before`,
    patterns with a group `noun`): "operates 26 narrow-body jets", "拥有186家门市", "headcount is
    between 700 and 750". What the pack's `not_count_nouns` names (units, people without a verb
    that says what they are, periods) is no count."""
    after, before, not_nouns, measures, classes = _open_patterns(sent.pack)
    # A pack may read the noun itself (ru `counted`: by its lemma, so that магазинов and магазина
    # are one unit, with the verb of a flow in the unit); it answers (unit, end) or None.
    counted = sent.pack.rules.counted
    out = []
    for a in sent.amounts:
        if not _countable(sent, a) or any(s <= a.start < e for s, e in taken):
            continue
        if counted is not None:
            if any(t.start <= a.start < t.end for t in sent.times) or (a.amount is None and a.min is None):
                continue  # the day of a date ("8 декабря"); "up to 200" states no count
            got = counted(sent.text, a.start, a.end, sent.pack)
            if got is not None:
                out.append((got[0], a, a.start, max(got[1], a.end), sent.text[a.start:max(got[1], a.end)]))
            continue
        hit = None
        for p in after:
            m = p.match(sent.text, a.end)
            if m:
                hit = (m.group("noun"), a.start, m.end())
                break
        # Where the pack names measure words (Chinese 家, 颗, 名), a noun named before the number counts
        # only with one right after it (门店数量已近300家, not 平均机龄12.5年).
        if hit is None and (measures is None or measures.match(sent.text, a.end)):
            head = sent.text[max(0, a.start - 40):a.start]
            for p in before:
                m = p.search(head)
                if m:
                    hit = (m.group("noun"), max(0, a.start - 40) + m.start("noun"), a.end)
                    break
        if hit is None:
            continue
        # A noun run on into a speech word (两位知情人士透露): the noun ends there, and the
        # speech word after it makes it sources (`attribution_words`), no headcount.
        speech = sent.pack.compile(sent.pack.get("attribution_words") or [])
        cut = speech.search(hit[0]) if speech is not None and hit[2] > a.end else None
        if cut is not None and cut.start() > 0:
            hit = (hit[0][:cut.start()], hit[1], hit[2] - (len(hit[0]) - cut.start()))
        if not_nouns is not None and not_nouns.fullmatch(hit[0]):
            continue
        out.append((_class_of(hit[0], classes), a, hit[1], hit[2], sent.text[hit[1]:hit[2]]))
    return out


def _changed(sent, a) -> bool:
    """A number right after one of the pack's `count_change_words` ("新开30家门店", "裁员600人",
    "招聘200名工程师") is a change or a target, not how many there are."""
    pattern = sent.pack.compile(sent.pack.lex.count_change_words)
    if pattern is None:
        return False
    head = sent.text[max(0, a.start - 24):a.start]
    return any(m.end() >= len(head) - 3 and not CLAUSE_BREAK.search(head, m.end()) for m in pattern.finditer(head))


def _count(sent, reader) -> list[Draft]:
    out = []
    if reader.main_org is None and not sent.orgs:
        return out
    speech_after = sent.pack.compile(sent.pack.lex.attribution_words)
    speech_before = sent.pack.compile(sent.pack.lex.attribution_before)
    partial = sent.pack.compile(sent.pack.lex.partial_periods)
    user_words = sent.pack.compile(sent.pack.lex.triggers.get("user_count") or [])
    closed = _closed_counts(sent)
    found = closed + _open_counts(sent, [(a.start, a.end) for _, a, _, _, _ in closed])
    for what, a, start, end, words in found:
        if user_words is not None and (user_words.search(words) or user_words.fullmatch(what)):
            continue  # users, customers, subscribers: a user count
        if _attributed(sent.text, a.start, end, speech_after, speech_before):
            continue  # "two employees said": sources, not a headcount
        if sent.future_at(a.start):
            continue  # "plans to open 50 stores", "may cut 200 jobs": no count yet
        if _changed(sent, a):
            continue  # "新开30家门店", "裁员600人": a change, not how many there are
        period = period_of(sent, a)
        if period is None and partial is not None and partial.search(sent.text, *clause_bounds(sent.text, a.start)):
            continue  # "其中四季度交付9.86万辆": a quarter we cannot place is no year's count
        # Whose count: the organisation its clause is about ("Lingyue, which delivered 268,000
        # vehicles"), else the article's own.
        owner = org_before(sent, a.start, reader) or reader.main_org
        if owner is None:
            continue
        subject = Subject(id=f"count:{what}@{owner.id.split(':', 1)[-1]}", name=f"{what} of {owner.name}",
                          kind="thing", aliases=list(dict.fromkeys([words, *owner.aliases])))
        value = Quantity(amount=a.amount, min=a.min, max=a.max, min_exclusive=a.min_exclusive, unit=what,
                         approx=a.approx, precision=a.precision, text=sent.text[start:end])
        out.append(Draft("count", subject, value, (start, end), time=period, confidence=0.6))
    return out


def extract(sent, reader) -> list[Draft]:
    return _age(sent, reader) + _count(sent, reader)
