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
    pattern = sent.pack.compile(sent.pack.get("change_words") or [])
    if pattern is None:
        return False
    head = sent.text[max(0, a.start - 30):a.start].rstrip()
    return any(m.end() == len(head) for m in pattern.finditer(head))


@lru_cache(maxsize=None)
def _tenths(pack):
    words = pack.get("tenth_words") or []
    return re.compile(rf"(?:{'|'.join(words)})") if words else None


def _scaled(a, k: float):
    b = copy.copy(a)
    b.amount, b.min, b.max = (None if v is None else v * k for v in (a.amount, a.min, a.max))
    return b


def extract(sent, reader) -> list[Draft]:
    out = []
    change = sent.pack.compile(sent.pack.get("change_words") or [])
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
        if _is_change(sent, a):
            continue  # "sales grew 42%", "增长65%", "выросли на 65%", "بارتفاع 25%": a rate of change
        # What is measured: the words of the sentence with its numbers taken out, as a stable key.
        measured = re.sub(r"[\d٠-٩.,٫٬%％]+", "#", sent.text)
        key = fold(re.sub(r"\W+", " ", measured))[:80]
        # Named by the clause it stands in, which says what the percentage is of.
        cs, ce = clause_bounds(sent.text, a.start)
        subject = Subject(id=f"measure:{key}", name=sent.text[cs:ce].strip(), kind="thing")
        t = nearest(sent.times, a.start, max_gap=40)
        value = Quantity(amount=a.amount, min=a.min, max=a.max, min_exclusive=a.min_exclusive, unit="%", approx=a.approx,
                         text=sent.text[a.start:end])
        out.append(Draft("share", subject, value, (a.start, end), time=t.time if t else None, confidence=0.5))
    return out
