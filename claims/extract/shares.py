"""share: a percentage and what it measures; "from 23% to 4.4%" gives two claims with their times."""
from __future__ import annotations

import copy
from functools import lru_cache

import regex as re

from claims.extract import Draft, nearest
from claims.extract.money import clause_bounds
from claims.model import Quantity, Subject
from claims.normalize.names import fold

_PERCENT = re.compile(r"\s*(?:%|％|percent|per cent|процент\w*|في المئة|في المائة|٪)")


def _is_change(sent, a) -> bool:
    """Whether the pack's `change_words` stand right before the percentage: it measures a change
    ("rose 18%", "up by 5%"), not a share ("rose to 9%" is a level and stays)."""
    pattern = sent.pack.compile(sent.pack.lex.change_words)
    if pattern is None:
        return False
    head = sent.text[max(0, a.start - 30):a.start].rstrip()
    return any(m.end() == len(head) for m in pattern.finditer(head))


def _governed_change(sent, a) -> bool:
    """Whether a word of change (`change_heads`) earlier in the percentage's clause, at most ten
    words before it, governs it: a verb before its subject ("ارتفعت مبيعات الشركة بنسبة 18%", "وارتفع
    سهم البنك 4.6%"), a noun before its object ("نمو أرباحه الفصلية بنسبة 12%"). A `level_words` word
    right before the number makes it the level reached ("ارتفعت حصتها إلى 9%"), not a change."""
    heads = sent.pack.compile(sent.pack.lex.change_heads)
    if heads is None:
        return False
    levels = sent.pack.compile(sent.pack.lex.level_words)
    head = sent.text[max(0, a.start - 30):a.start].rstrip()
    if levels is not None and any(m.end() == len(head) for m in levels.finditer(head)):
        return False
    cs, _ = clause_bounds(sent.text, a.start)
    return any(len(sent.text[m.end():a.start].split()) <= 10 for m in heads.finditer(sent.text, cs, a.start))


@lru_cache(maxsize=None)
def _tenths(pack):
    words = pack.lex.tenth_words
    return re.compile(rf"(?:{'|'.join(words)})") if words else None


def _scaled(a, k: float):
    b = copy.copy(a)
    b.amount, b.min, b.max = (None if v is None else v * k for v in (a.amount, a.min, a.max))
    return b


def extract(sent, reader) -> list[Draft]:
    out = []
    poll = sent.pack.compile(sent.pack.lex.poll_words)
    if poll is not None and poll.search(sent.text):
        return out  # "a survey found 68% of them prefer...": the answers of a poll, no share of a market
    change = sent.pack.compile(sent.pack.lex.change_words)
    for a in sent.amounts:
        if a.amount is None and a.min is None and a.max is None:
            continue
        m = _PERCENT.match(sent.text, a.end)
        # A count of tenths (三成, 逾四成: the pack's `tenth_words`) is a percentage ten times over.
        tenths = _tenths(sent.pack)
        tenth = tenths.match(sent.text, a.end) if tenths is not None and not m else None
        if tenth is not None:
            m = tenth
            a = _scaled(a, 10)
        elif not m and not re.search(r"(?:百分之)$", sent.text[:a.start]):
            continue
        # "выросла на 27%": a change by so much, not a share (the pack's `change_words` right
        # before the number, its modifiers included).
        head = sent.text[max(0, a.start - 24):max(a.start, a.core[0] or a.start)].rstrip()
        if change is not None and any(c.end() == len(head) for c in change.finditer(head)):
            continue
        end = m.end() if m else a.end
        if _is_change(sent, a) or _governed_change(sent, a):
            continue  # "sales grew 42%", "增长65%", "выросли на 65%", "بارتفاع 25%": a rate of change
        # What is measured: the words of the sentence with its numbers taken out, as a stable key.
        measured = re.sub(r"[\d٠-٩.,٫٬%％]+", "#", sent.text)
        key = fold(re.sub(r"\W+", " ", measured))[:80]
        # Named by the clause it stands in, which says what the percentage is of.
        cs, ce = clause_bounds(sent.text, a.start)
        # A clause that is the figure alone ("rose 3 points, to 14%", "выросла на 3 п.п., до 14%") goes
        # on with the clause before it, which names what it is of.
        rest = sent.text[cs:a.start] + sent.text[end:ce]
        if cs > 0 and len(re.findall(r"\w{3,}", rest)) == 0:
            cs = clause_bounds(sent.text, max(0, cs - 2))[0]
        subject = Subject(id=f"measure:{key}", name=sent.text[cs:ce].strip(), kind="thing")
        t = nearest(sent.times, a.start, max_gap=40)
        value = Quantity(amount=a.amount, min=a.min, max=a.max, min_exclusive=a.min_exclusive, unit="%", approx=a.approx,
                         text=sent.text[a.start:end])
        out.append(Draft("share", subject, value, (a.start, end), time=t.time if t else None, confidence=0.5))
    return out
