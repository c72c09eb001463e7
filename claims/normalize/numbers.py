"""Amounts in any supported language: digits in every script and grouping, Chinese numerals,
number and scale words, vague amounts as ranges, approximation and bounds, currencies.

The engine is language-independent; the words come from the language pack (`numbers`,
`modifiers`, `currencies` in lexicon.yaml).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex as re

from claims.lang import LangPack, _alternation, table_lookup

_DIGIT_TABLE = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
_D = r"[0-9٠-٩۰-۹０-９]"
# Digit groups: 1,000 / 1 000 / 1.000.000 / ١٬٠٠٠ ; decimals with . , or ٫. A number is a whole
# run of digits: a run of more than 30 (a serial number, a hash, 500 digits of garbage) is no
# amount at all, rather than a 30-digit slice of it read as one.
DIGITS = (rf"(?<!{_D})(?:{_D}{{1,3}}(?:[,\u00a0\u202f ٬.]{_D}{{3}})+(?:[.,٫]{_D}+)?"
          rf"|{_D}{{1,30}}(?:[.,٫]{_D}+)?)(?!{_D})")
CJK_NUMERAL = r"[零〇一二三四五六七八九十百千两兩]+(?:[万萬亿億]+[零〇一二三四五六七八九十百千两兩]*)*"
CJK_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_CJK_SCALE_RUN = re.compile(r"[十百千万萬亿億兆]+")
_DECIMALS = re.compile(r"[.,٫](\d+)$")
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
# The longest Chinese numeral below MAX_AMOUNT is some 30 characters (九千九百九十九万...); a
# longer run is not a number (and cn2an is quadratic in its length).
MAX_CJK_NUMERAL = 40
MAX_AMOUNT = 1e18
_GROUPED = re.compile(r"\d{1,3}(?P<sep>[,.])\d{3}(?:(?P=sep)\d{3})*(?:(?!(?P=sep))(?P<dec>[.,])\d+)?")


@dataclass
class Amount:
    start: int
    end: int
    text: str
    amount: Optional[float] = None
    min: Optional[float] = None
    max: Optional[float] = None
    min_exclusive: bool = False
    approx: bool = False
    currency: Optional[str] = None
    # Where the bare number sits, before scale words and currency.
    core: tuple[int, int] = (0, 0)
    is_year_like: bool = False
    precision: Optional[float] = None  # half a unit of the last written digit, scale included


# How far after a number its scale word, currency or modifier may reach ("5  Hong Kong dollars").
AFTER = 80


def match_after(pattern: re.Pattern, text: str, pos: int):
    """`pattern.match(text, pos)`, looking no further than AFTER characters ahead. Given the whole
    rest of the text, the regex module first searches all of it for a word the pattern needs
    ("ago", "or so"), at every number: quadratic on a text of many numbers."""
    end = pos + AFTER
    if end >= len(text):
        return pattern.match(text, pos)
    m = pattern.match(text, pos, end)
    if m is not None and m.end() == end:
        return pattern.match(text, pos)  # the window ends inside the match: judge it on the text
    return m


def parse_digits(raw: str, decimal_comma: bool) -> Optional[float]:
    s = raw.translate(_DIGIT_TABLE).replace("\u00a0", " ").replace("\u202f", " ")
    s = s.replace("٬", ",").replace("٫", ".")
    s = s.replace(" ", "")
    # Groups share one separator; a decimal mark is the other one (1,000.001 and 1.000,5).
    groups = _GROUPED.fullmatch(s)
    if groups:
        sep, dec = groups.group("sep"), groups.group("dec")
        if dec and dec != sep:
            s = s.replace(sep, "").replace(dec, ".")
        elif s.count(sep) == 1 and sep == ("," if decimal_comma else ".") and not dec:
            s = s.replace(sep, ".")  # "1,500" in Russian is one and a half
        else:
            s = s.replace(sep, "")
    else:
        s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        return None
    return value if value < MAX_AMOUNT else None


def parse_cjk(raw: str) -> Optional[float]:
    import cn2an

    if len(raw) > MAX_CJK_NUMERAL:
        return None
    s = raw.replace("兩", "两")
    try:
        value = float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, IndexError, TypeError, OverflowError):
        return None
    return value if value < MAX_AMOUNT else None


def _round_unit(value: float) -> float:
    """The largest power of 1000 (from 1000) that divides a value; 0 when none does."""
    unit = 0.0
    step = 1000.0
    while step <= value and value % step == 0:
        unit = step
        step *= 1000
    return unit


class NumberReader:
    """Finds amounts in a text for one language pack. Built once per pack (see `reader`)."""

    def __init__(self, pack: LangPack):
        self.pack = pack
        nums = pack.get("numbers", {})
        mods = pack.get("modifiers", {})
        cur = pack.get("currencies", {})
        self.decimal_comma = bool(pack.get("decimal_comma"))
        joiners = pack.get("number_joiners") or []
        self.joiner_re = re.compile(rf"\s*(?:{_alternation(joiners)})\s*") if joiners else None
        self.words = {k: float(v) for k, v in (nums.get("words") or {}).items()}
        self.scales = {k: float(v) for k, v in (nums.get("scales") or {}).items()}
        self.vague = {k: tuple(map(float, v)) for k, v in (nums.get("vague") or {}).items()}
        self.vague_alone = {k: tuple(map(float, v)) for k, v in (nums.get("vague_alone") or {}).items()}
        b = r"(?<!\w)" if pack.word_boundary else ""
        e = r"(?!\w)" if pack.word_boundary else ""
        word_alt = _alternation(self.words) or "(?!)"
        number = rf"(?P<digits>{DIGITS})|{b}(?P<word>{word_alt}){e}"
        if pack.code == "zh":
            number += rf"|(?P<cjk>{CJK_NUMERAL})"
        self.number_re = re.compile(number, re.I)
        self.scale_re = re.compile(rf"\s*(?:(?P<scale>{_alternation(self.scales)}){e})", re.I) if self.scales else None
        self.vague_re = re.compile(
            rf"{b}(?P<vague>{_alternation(self.vague)})\s*(?:{b}(?P<scale>{_alternation(self.scales)}){e})?", re.I
        ) if self.vague else None
        self.vague_alone_re = pack.compile(self.vague_alone.keys(), capture="va")
        self.approx_before = self._tail(mods.get("approx"))
        self.more_before = self._tail(mods.get("more_than"))
        self.less_before = self._tail(mods.get("less_than"))
        self.approx_after = self._head(mods.get("approx_after"))
        self.more_after = self._head(mods.get("more_than_after"))
        self.cur_before = {k: v for k, v in (cur.get("before") or {}).items()}
        self.cur_after = {k: v for k, v in (cur.get("after") or {}).items()}
        self.cur_before_re = re.compile(rf"(?:{_alternation(self.cur_before)})\s*$", re.I) if self.cur_before else None
        self.cur_after_re = re.compile(rf"\s*(?:{b}(?:{_alternation(self.cur_after)}){e})", re.I) if self.cur_after else None

    def _tail(self, words) -> Optional[re.Pattern]:
        if not words:
            return None
        b = r"(?<!\w)" if self.pack.word_boundary else ""
        return re.compile(rf"{b}(?:{_alternation(words)})\s*$", re.I)

    def _head(self, words) -> Optional[re.Pattern]:
        if not words:
            return None
        return re.compile(rf"\s*(?:{_alternation(words)})", re.I)

    def find(self, text: str) -> list[Amount]:
        found: list[Amount] = []
        # Characters already read as part of an amount (one byte per character: linear, however
        # many amounts a text holds).
        taken = bytearray(len(text) + 1)
        if self.vague_re:
            for m in self.vague_re.finditer(text):
                lo, hi = table_lookup(self.vague, m.group("vague"))
                mult = table_lookup(self.scales, m.group("scale")) if m.group("scale") else 1.0
                # "数亿" is a vague amount only with its scale; "数" alone is not a number.
                if not m.group("scale") and self.pack.code == "zh":
                    continue
                a = Amount(m.start(), m.end(), m.group(0), min=lo * mult, max=hi * mult, approx=True, core=m.span())
                self._finish(text, a)
                found.append(a)
                taken[a.start:a.end] = b"\x01" * (a.end - a.start)
        if self.vague_alone_re:
            for m in self.vague_alone_re.finditer(text):
                if taken[m.start()]:
                    continue
                lo, hi = table_lookup(self.vague_alone, m.group("va"))
                a = Amount(m.start(), m.end(), m.group(0), amount=(lo + hi) / 2, min=lo, max=hi, approx=True, core=m.span())
                self._finish(text, a)
                found.append(a)
                taken[a.start:a.end] = b"\x01" * (a.end - a.start)
        for m in self.number_re.finditer(text):
            if taken[m.start()]:
                continue
            if m.group("digits"):
                value = parse_digits(m.group("digits"), self.decimal_comma)
            elif m.groupdict().get("cjk"):
                raw = m.group("cjk")
                if len(raw) == 1 and raw in "十百千":
                    continue
                value = parse_cjk(raw)
            else:
                value = table_lookup(self.words, m.group("word"))
            if value is None:
                continue
            a = Amount(m.start(), m.end(), m.group(0), amount=value, core=m.span())
            raw = m.group(0)
            if m.group("digits"):
                decimals = _DECIMALS.search(raw.translate(_DIGIT_TABLE))
                step = 10.0 ** -len(decimals.group(1)) if decimals and value != int(value) else 1.0
                a.precision = 0.5 * step
            a.is_year_like = bool(m.group("digits")) and _YEAR_LIKE.fullmatch(raw.translate(_DIGIT_TABLE)) is not None
            self._scale(text, a)
            if a.amount >= MAX_AMOUNT:
                continue  # "5 billion billion billion": no amount is that large
            self._finish(text, a)
            found.append(a)
        found.sort(key=lambda a: a.start)
        return self._joined(text, found) if self.joiner_re else found

    def _joined(self, text: str, found: list[Amount]) -> list[Amount]:
        """A round amount, a joining word and a smaller one are one number: ٣١٢ ألفاً و٤٠٠ is
        312,400, ٣ ملايين و٥٠٠ ألف 3.5 million (the pack's `number_joiners`)."""
        out: list[Amount] = []
        for a in found:
            prev = out[-1] if out else None
            if prev is not None and prev.amount and a.amount and not prev.currency and not a.is_year_like \
                    and a.amount < _round_unit(prev.amount) and self.joiner_re.fullmatch(text, prev.end, a.start):
                prev.amount += a.amount
                prev.end, prev.text = a.end, text[prev.start:a.end]
                prev.currency = a.currency
                prev.precision = a.precision
                prev.approx = prev.approx or a.approx
                continue
            out.append(a)
        return out

    def _scale(self, text: str, a: Amount) -> None:
        # Chinese scale characters stick to digits: 5000亿, 1.5万亿, 4,500萬.
        pos = a.end
        if self.pack.code == "zh":
            m = _CJK_SCALE_RUN.match(text, pos)
            if m and a.amount is not None and not a.text[-1:] in "十百千万萬亿億":
                mult = 1.0
                for ch in m.group(0):
                    mult *= CJK_SCALE[ch]
                a.amount *= mult
                if a.precision is not None:
                    a.precision *= mult
                pos = m.end()
        elif self.scale_re:
            while True:
                m = match_after(self.scale_re, text, pos)
                if not m:
                    break
                mult = table_lookup(self.scales, m.group("scale"))
                a.amount *= mult
                if a.precision is not None:
                    a.precision *= mult
                pos = m.end()
        if pos != a.end:
            a.end = pos
            a.text = text[a.start:a.end]
            a.is_year_like = False

    def _finish(self, text: str, a: Amount) -> None:
        """Currency and modifiers around an amount."""
        before = text[max(0, a.start - 24):a.start]
        if self.cur_before_re:
            m = self.cur_before_re.search(before)
            if m:
                a.currency = table_lookup(self.cur_before, m.group(0).strip())
                a.start -= len(m.group(0))
                before = text[max(0, a.start - 24):a.start]
        if self.cur_after_re:
            m = match_after(self.cur_after_re, text, a.end)
            if m:
                a.currency = a.currency or table_lookup(self.cur_after, m.group(0).strip())
                a.end = m.end()
        for pattern, kind in ((self.more_before, "more"), (self.less_before, "less"), (self.approx_before, "approx")):
            m = pattern.search(before) if pattern else None
            if m:
                a.start -= len(m.group(0))
                self._bound(a, kind)
                break
        for pattern, kind in ((self.more_after, "more"), (self.approx_after, "approx")):
            m = match_after(pattern, text, a.core[1]) if pattern else None
            if m and m.end() <= a.end + len(m.group(0)):
                if m.start() >= a.end:
                    a.end = m.end()
                self._bound(a, kind)
                break
        a.text = text[a.start:a.end]
        if a.currency:
            a.is_year_like = False

    @staticmethod
    def _bound(a: Amount, kind: str) -> None:
        if a.amount is None:
            return
        if kind == "approx":
            a.approx = True
        elif kind == "more":
            a.min, a.min_exclusive, a.amount = a.amount, True, None
        elif kind == "less":
            a.max, a.amount = a.amount, None


@lru_cache(maxsize=None)
def reader(pack: LangPack) -> NumberReader:
    return NumberReader(pack)


def find_amounts(text: str, pack: LangPack) -> list[Amount]:
    return reader(pack).find(text)
