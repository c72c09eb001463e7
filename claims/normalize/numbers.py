"""Amounts in any supported language: digits in every script and grouping, Chinese numerals,
number and scale words, vague amounts as ranges, approximation and bounds, currencies.

The engine is language-independent; the words come from the language pack (`numbers`,
`modifiers`, `currencies` in lexicon.yaml).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex as re

from claims.lang import LangPack, _alternation, table_lookup
from claims.normalize import currencies

_DIGIT_TABLE = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９．", "0123456789" * 3 + ".")
_D = r"[0-9٠-٩۰-۹０-９]"
# Digit groups: 1,000 / 1 000 / 1.000.000 / ١٬٠٠٠ ; decimals with . , or ٫. A number is a whole
# run of digits: a run of more than 30 (a serial number, a hash, 500 digits of garbage) is no
# amount at all, rather than a 30-digit slice of it read as one.
# A decimal point may lead (".77"), where no word, digit or point stands before it; the
# full-width point (２．２) is a point.
DIGITS = (rf"(?<!{_D})(?:{_D}{{1,3}}(?:[,\u00a0\u202f ٬.،]{_D}{{3}})+(?:[.,٫．]{_D}+)?"
          rf"|{_D}{{1,30}}(?:[.,٫．]{_D}+)?|(?<![\w.,．٫])[.．٫]{_D}{{1,30}})(?!{_D})")
# A minus sign glued to the digits, where no word character, digit or dash stands before it
# ("-3,200,000"; not the dash of 10-20, COVID-19 or 2020-01).
def _plain_next(text: str, pos: int) -> bool:
    """Nothing but a digit (or a separator and a digit, or the end) comes next: no currency or
    bound can start there."""
    rest = text[pos:pos + 4].lstrip()
    if not rest or rest[0].isdigit():
        return True
    return rest[0] in ",.٬،;" and (len(rest) == 1 or rest[1].isdigit())


# Powers of ten and powers written after digits: 1e10, 12.32e+14, 1.3x10^6, 2.5^-1 (the sign
# of the exponent by its count of minus signs, "--23" is 23); the exponent is glued to the digits.
_EXP = re.compile(rf"(?:[eE](?P<e>[+\-−－]?)|\s?[x×]\s?10\^(?P<x>[+\-−－]*)|\^(?P<p>[+\-−－]*))(?P<exp>{_D}{{1,3}})(?![\w.,])")
_MIXED = re.compile(rf" {{1,2}}(?P<num>{_D}{{1,2}})[/／](?P<den>{_D}{{1,2}})(?![\d/／.,٫]|[-/]\d)")
# Fractions of one character (½, ¾), alone or after a whole number (2½).
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_AFTER_DIGITS = set(VULGAR) | set("eE^x× ")  # what may follow digits where _power reads on
# A run of four or more numbers joined by points or commas that is no grouped number: an IP
# address, a list ("22,24,26,31"): each part is a number of its own.
_RUN = re.compile(r"(?<![\w.,])[0-9٠-٩][0-9٠-٩.,]{6,80}(?<=[0-9٠-٩])(?![\w]|[.,][0-9٠-٩])")
_RUN_PART = re.compile(r"[0-9٠-٩]+")
_PLAIN = re.compile(r"[\d\s.,٬،٠-٩۰-۹０-９]*")
_CODE_DOLLAR = re.compile(r"(?<![A-Za-z])([A-Za-z]{3})\$$")
_MILLION_CODE_AFTER = re.compile(r"\s?M(?P<code>[A-Z]{3})(?![A-Za-z])")
_MILLION_CODE_BEFORE = re.compile(r"(?<![A-Za-z])M(?P<code>[A-Z]{3})\s?$")
_CLOSES = re.compile(r"\s*(?:[.!?;,:)]|$)")
_LEADING_MINUS = re.compile(r"\s*[-−] ")
_MINUS = re.compile(r"(?<![\w\-–—−.,/\p{Sc}%])[-−]$")  # not the dash of "10$-20$"
# Everyday and financial numerals (壹贰叁, 貳參陸 in the traditional script).
_CJK_DIGITS = "零〇一二三四五六七八九十百千两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿卅卌"
CJK_NUMERAL = (rf"[{_CJK_DIGITS}]+(?:[万萬亿億]+[{_CJK_DIGITS}]*)*"
               r"(?:[点點][零〇一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖]+)?")
_CLOSES_MINOR = set(" \t\n，。,.;；!！?？、)）到至-–~～—")
_CJK_DIGIT_VALUE = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"两": "2", "兩": "2"}
_SPACED_CJK = re.compile(rf" {{1,2}}(?P<part>[{_CJK_DIGITS}万萬亿億点點]{{1,12}})")
_CJK_FINANCIAL = str.maketrans("貳參陸兩", "贰叁陆两")
_CJK_TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}  # 廿 20, 卅 30, 卌 40
CJK_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_CJK_SCALE_RUN = re.compile(r"[十百千万萬亿億兆]+")
_CJK_CHAIN = re.compile(r"零?(?P<n>\d{1,4}(?:\.\d+)?)(?P<scale>[十百千万萬亿億])")
_CJK_TAIL = re.compile(r"零?(?P<n>\d{1,4})(?![\d.,．十百千万萬亿億兆])")
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
    cur_before: Optional[str] = None  # the currency written before the number, and after it
    cur_after: Optional[str] = None
    cur_word: Optional[str] = None  # the pack's currency word after the number, as written
    scaled: bool = False  # a scale word follows the digits ("20 million")


_CLAUSE_BREAK = re.compile(r"[،,.;؛:!?؟\n]")

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
    s = s.replace("٬", ",").replace("،", ",").replace("٫", ".")
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
    s = raw.translate(_CJK_FINANCIAL).replace("點", "点")
    for ch, tens in _CJK_TENS.items():
        s = s.replace(ch, tens)
    if s[:1] in "十百千佰仟拾" and len(s) > 1 and s[:1] != "十":
        s = "一" + s  # 千一, 百三: a thousand one hundred, a hundred and thirty
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
        self.decimal_comma = pack.lex.decimal_comma
        joiners = pack.lex.number_joiners
        self.joiner_re = re.compile(rf"\s*(?:{_alternation(joiners)})\s*") if joiners else None
        self.words = {k: float(v) for k, v in (nums.get("words") or {}).items()}
        self.scales = {k: float(v) for k, v in (nums.get("scales") or {}).items()}
        self.glued = {k: float(v) for k, v in (nums.get("glued_scales") or {}).items()}
        self.glued_re = re.compile(rf" ?(?P<g>{_alternation(self.glued)})(?!\w)") if self.glued else None
        self.measures = {k: float(v) for k, v in (nums.get("measure_scales") or {}).items()}
        self.measure_re = re.compile(rf"(?P<g>{_alternation(self.measures)})") if self.measures else None
        self.vague = {k: tuple(map(float, v)) for k, v in (nums.get("vague") or {}).items()}
        self.vague_alone = {k: tuple(map(float, v)) for k, v in (nums.get("vague_alone") or {}).items()}
        b = r"(?<!\w)" if pack.word_boundary else ""
        e = r"(?!\w)" if pack.word_boundary else ""
        word_alt = _alternation(self.words) or "(?!)"
        # Arabic writes "and", "with", "to" onto a number word as onto any word (بألفين, لعشرين).
        procl = f"(?:{pack.lex.proclitics})??" if pack.lex.proclitics else ""
        # A fraction standing alone ("a fifth of", "a hundredth"): the pack's `fraction_alone`
        # patterns, with {den} for its denominators.
        frac_alone = [p.replace("{den}", f"(?P<aden>{_alternation(nums.get('fractions') or {}) or '(?!)'})")
                      for p in (nums.get("fraction_alone") or [])]
        alone = "".join(f"|{b}(?:{p}){e}" for p in frac_alone[:1])
        number = rf"(?P<digits>{DIGITS})|(?P<vulgar>[{VULGAR}]){alone}|{b}{procl}(?P<word>{word_alt}){e}"
        if pack.code == "zh":
            # A numeral of Chinese characters is read whole (两千四百五), before the pack's words
            # take its first character; a 两, 十 or 半 alone is left to the words.
            # 千/百 lead only before a digit (千一 1100; not 千万 "by all means", left to the words).
            number = (rf"(?P<cjk>(?![两兩十半](?![{_CJK_DIGITS}万萬亿億]))(?![百千佰仟](?![一二三四五六七八九两兩壹贰貳叁參肆伍陆陸柒捌玖]))"
                      rf"(?=[{_CJK_DIGITS}]){CJK_NUMERAL})|" + number)
        self.number_re = re.compile(number, re.I)
        self.scale_re = re.compile(rf"\s*(?:(?P<scale>{_alternation(self.scales)}){e})", re.I) if self.scales else None
        self.vague_re = re.compile(
            rf"{b}(?P<vague>{_alternation(self.vague)})\s*(?:{b}(?P<scale>{_alternation(self.scales)}){e})?", re.I
        ) if self.vague else None
        self.vague_alone_re = pack.compile(self.vague_alone.keys(), capture="va")
        self.approx_before = self._tail(mods.get("approx"))
        self.more_before = self._tail(mods.get("more_than"))
        self.less_before = self._tail(mods.get("less_than"))
        self.nearly_before = self._tail(mods.get("nearly"))
        self.approx_after = self._head(mods.get("approx_after"))
        # Verbs of exceeding or nearing written before their subject, the amount after it (Arabic
        # "تجاوز عدد مستخدمي التطبيق 3 ملايين": the count passed 3 million).
        self.bound_verbs = [(kind, pack.compile(mods.get(key) or []))
                            for key, kind in (("more_than_verbs", "more"), ("nearly_verbs", "nearly"))]
        self.bound_verbs = [(kind, rx) for kind, rx in self.bound_verbs if rx is not None]
        self.more_after = self._head(mods.get("more_than_after"))
        self.less_after = self._head(mods.get("less_than_after"))
        self.scaled_only = dict(cur.get("before_scaled_only") or {})
        self.local_currencies = {
            common: [(code, pack.compile([words])) for words, code in (table or {}).items()]
            for common, table in (cur.get("local") or {}).items()}
        # Coins: "20 dollars 43 cents", "$20 and 43c", 1 доллар и 42 цента; alone, "10 cents".
        self.cents = dict(cur.get("cents") or {})
        cent_alt = _alternation(self.cents) or "(?!)"
        joins = _alternation(nums.get("compound_joiners") or []) or "(?!)"
        self.cents_after_re = re.compile(
            rf"\s*(?:(?:{joins})\s*)?(?P<n>\d{{1,2}}|{b}(?:{_alternation(self.words) or '(?!)'}))\s*(?P<cent>{cent_alt}){e}", re.I)
        self.coins_after_re = re.compile(
            rf"\s*(?:(?:{joins})\s*)?(?P<n>\d{{2}}|{b}(?:{_alternation(self.words) or '(?!)'}){e})(?:\s*(?:{cent_alt}){e})?"
            r"(?=\s*(?:[.!?;]|$))", re.I)
        # Coins of a tenth and a hundredth after an amount with its currency word (五块六毛八, 三块零四,
        # 一块二: `currencies.minor_units`).
        self.minor = {k: float(v) for k, v in (cur.get("minor_units") or {}).items()}
        self.minor_re = re.compile(
            rf"(?P<zero>零)?(?P<d1>[0-9一二三四五六七八九两兩])(?P<u1>{_alternation(self.minor)})?"
            rf"(?:(?P<d2>[0-9一二三四五六七八九])(?P<u2>{_alternation(self.minor)})?)?(?![0-9零〇一二三四五六七八九十百千万萬亿億两兩])"
        ) if self.minor else None
        self.cent_alone_re = re.compile(rf"\s*(?P<cent>{cent_alt}){e}", re.I)
        self.cur_before = {**self.scaled_only, **{k: v for k, v in (cur.get("before") or {}).items()}}
        self.cur_after = {k: v for k, v in (cur.get("after") or {}).items()}
        self.cur_before_re = re.compile(rf"(?:{_alternation(self.cur_before)})\s*$", re.I) if self.cur_before else None
        # After the number, spaced or glued ("20 euros", "115USD", "20€"): the pack's words, then
        # its symbols and codes of the `before` table, then CLDR's codes, symbols and names.
        self.cur_after_re = re.compile(rf"\s*(?:(?:{_alternation(self.cur_after)}){e})", re.I) if self.cur_after else None
        self.cur_after_sym_re = re.compile(rf"\s*(?:(?:{_alternation(self.cur_before)}){e})", re.I) if self.cur_before else None
        self.cldr_symbols = currencies.symbols(pack.code)
        self.cldr_names = currencies.names(pack.code, cur.get("head_word"), tuple(cur.get("not_names") or ()))
        sym_alt = "|".join(re.escape(x) for x in sorted(self.cldr_symbols, key=len, reverse=True))
        codes = currencies.codes_pattern()
        self.cldr_before_re = re.compile(rf"(?:(?P<code>{codes})|(?P<sym>{sym_alt}))\s?$")
        name_alt = "|".join(re.escape(x) for x in sorted(self.cldr_names, key=len, reverse=True))
        self.cldr_after_re = re.compile(rf"\s?(?:(?P<code>{codes})|(?P<sym>{sym_alt})|(?i:(?P<name>{name_alt}){e}))")
        # Number words that compose ("twenty-five", пятьсот двадцать пять, ستة وعشرين): what may
        # stand between two of them, and the words and scales that may follow.
        joins = nums.get("compound_joiners") or []
        self.joiners = set(joins)
        self.procl_re = re.compile(f"(?:{pack.get('proclitics')})") if pack.get("proclitics") else None
        ratio = nums.get("ratio") or []
        self.ratio_re = re.compile(rf"\s+(?:{_alternation(ratio)})\s+", re.I) if ratio else None
        self.compound_gap_re = re.compile(rf"\s*(?:{_alternation(joins)})\s*", re.I) if joins else None
        join_alt = _alternation(joins) if joins else "(?!)"
        self.compound_re = re.compile(
            rf"(?P<sep>\s?-\s?|\s+(?:(?:{join_alt})\s*)?|(?:{join_alt})\s*)(?:{b}(?P<procl>{pack.lex.proclitics or '(?!)'})??(?P<word>{word_alt}){e}|(?P<scale>{_alternation(self.scales) or '(?!)'}){e})",
            re.I)
        self.negative_re = self._tail(nums.get("negative"))
        # Fractions: a number and a denominator ("three quarters", "two thirds", две трети), a
        # number and a fraction ("five and a half", один с половиной, واحد ونصف); a decimal
        # point said as a word ("two point five", один точка один).
        self.fractions = {k: float(v) for k, v in (nums.get("fractions") or {}).items()}
        frac_alt = _alternation(self.fractions) or "(?!)"
        self.fraction_re = re.compile(rf"[\s-]+(?P<den>{frac_alt}){e}", re.I)
        plus = nums.get("fraction_joiners") or []
        self.plus_fraction_re = re.compile(
            rf"\s*(?:{_alternation(plus)})\s*(?:(?:{_alternation(nums.get('fraction_one') or ['(?!)'])})\s+|(?P<num>{word_alt})[\s-]+)?"
            rf"(?P<den>{frac_alt}){e}(?:\s+(?P<scale>{_alternation(self.scales) or '(?!)'}){e})?",
            re.I) if plus else None
        points = nums.get("point") or []
        self.point_re = re.compile(rf"\s*(?:{_alternation(points)})\s*", re.I) if points else None
        self.digit_word_re = re.compile(rf"\s*{b}(?P<word>{word_alt}){e}|\s*(?P<digits>\d+)", re.I)
        self.fraction_patterns = [re.compile(p) for p in (nums.get("fraction_patterns") or [])]
        rng = pack.lex.ranges
        self.range_open_re = self._tail(rng.open)
        self.range_dash_re = re.compile(r"\s*[-–—~～]\s*")
        self.range_to_re = re.compile(rf"\s*(?:{b}(?:{_alternation(rng.to)}))\s*", re.I) if rng.to else None
        self.range_and_re = re.compile(rf"\s*(?:{b}(?:{_alternation(rng.and_)}))\s*", re.I) if rng.and_ else None
        # A closing word after the second amount (在12亿元至13亿元之间): opened and closed, a range
        # even where both amounts carry the currency.
        # (A unit word the second amount did not take, 元 where it names no currency, may stand before it.)
        self.range_close_re = re.compile(rf"\s*\w?(?:{_alternation(rng.close)})", re.I) if rng.close else None

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
        self._fraction_patterns(text, found, taken)
        self._lists(text, found, taken)
        last_end = 0
        for m in self.number_re.finditer(text):
            if taken[m.start()] or m.start() < last_end:
                continue  # inside the amount before it ("43" of "20 dollars 43 cents")
            end = m.end()
            if m.group("digits"):
                value = parse_digits(m.group("digits"), self.decimal_comma)
                value, end = self._power(text, value, end)
            elif m.group("vulgar"):
                value = unicodedata.numeric(m.group("vulgar"))
            elif m.groupdict().get("aden"):
                den = table_lookup(self.fractions, m.group("aden"))
                value = 1 / den if den else None
            elif m.groupdict().get("cjk"):
                raw = m.group("cjk")
                if len(raw) == 1 and raw in "十百千":
                    continue
                value = parse_cjk(raw)
                value, end = self._spaced_cjk(text, raw, value, end)
            else:
                value = table_lookup(self.words, m.group("word"))
            if value is None:
                continue
            split: list = [None, 0.0, 0.0]
            if m.group("word"):
                value, end = self._compound(text, value, end, split)
            if m.group("word") or m.group("digits"):
                value, end = self._point_and_fraction(text, value, end, bool(m.group("word")), split)
                taken[m.start():end] = b"\x01" * (end - m.start())
            a = Amount(m.start(), end, text[m.start():end], amount=value, core=(m.start(), end))
            raw = m.group(0)
            if m.group("digits") and end == m.end():
                decimals = _DECIMALS.search(raw.translate(_DIGIT_TABLE))
                step = 10.0 ** -len(decimals.group(1)) if decimals and value != int(value) else 1.0
                a.precision = 0.5 * step
            a.is_year_like = bool(m.group("digits")) and _YEAR_LIKE.fullmatch(raw.translate(_DIGIT_TABLE)) is not None
            unscaled = a.amount
            self._scale(text, a)
            if a.end > end and unscaled and a.amount and self.pack.code != "zh":
                a.amount, a.end = self._plus_fraction(text, a.amount, a.end, a.amount / unscaled)
                a.text = text[a.start:a.end]
            if (a.amount if a.amount is not None else a.min or 0) >= MAX_AMOUNT:
                continue  # "5 billion billion billion": no amount is that large
            self._negative(text, a, bool(m.group("digits")))
            self._finish(text, a)
            found.append(a)
            if a.end > m.end():
                last_end = a.end
        found.sort(key=lambda a: a.start)
        found = self._shared_currency_marks(text, found)
        found = self._joined(text, found)
        found = self._ratios(text, found) if self.ratio_re is not None else found
        found = self._ranges(text, found)
        if self.bound_verbs:
            self._verb_bounds(text, found)
        if self.local_currencies:
            self._local_currency(text, found)
        return found

    def _local_currency(self, text: str, found: list[Amount]) -> None:
        """A currency word several countries use, written alone (درهم, ريال), is that of the country
        the sentence names (`currencies.local`: "the Moroccan startup raised 40 million dirhams" is
        in MAD), where it names one country only; a qualified word (درهم إماراتي) keeps its own."""
        for a in found:
            if not a.currency or not a.cur_word or len(a.cur_word.split()) != 1:
                continue
            local = self.local_currencies.get(a.currency)
            if not local:
                continue
            named = {code for code, rx in local if rx.search(text)}
            if len(named) == 1:
                a.currency = named.pop()

    def _verb_bounds(self, text: str, found: list[Amount]) -> None:
        """A verb of exceeding or nearing (`modifiers.more_than_verbs`, `nearly_verbs`) bounds the
        first amount after it in its clause, its subject between them (at most ten words, no
        comma or stop): "تخطى تقييم الشركة 12 مليار" is more than 12 billion. Years are no object."""
        for kind, rx in self.bound_verbs:
            for m in rx.finditer(text):
                for a in found:
                    if a.start < m.end() or a.is_year_like:
                        continue
                    gap = text[m.end():a.start]
                    if (a.amount is not None and a.min is None and a.max is None and not a.approx
                            and not _CLAUSE_BREAK.search(gap) and len(gap.split()) <= 10):
                        self._bound(a, kind)
                    break

    @staticmethod
    def _spaced_cjk(text: str, raw: str, value: Optional[float], end: int) -> tuple[Optional[float], int]:
        """A Chinese numeral written with spaces between its parts (一百 五 十 二, 三千 八百 九十六 万):
        the parts read as one where together they are one numeral."""
        if value is None:
            return value, end
        for _ in range(12):
            m = _SPACED_CJK.match(text, end)
            if m is None:
                break
            joined = parse_cjk(raw + m.group("part"))
            if joined is None or joined < value:
                break
            raw, value, end = raw + m.group("part"), joined, m.end()
        return value, end

    @staticmethod
    def _power(text: str, value: Optional[float], end: int) -> tuple[Optional[float], int]:
        """Digits raised to a power glued after them (1.3e6, 6.23x10^-4, 2.5^-1), or followed by
        a fraction of one character (2½)."""
        if value is None or end >= len(text) or text[end] not in _AFTER_DIGITS:
            return value, end
        if text[end] in VULGAR:
            return value + unicodedata.numeric(text[end]), end + 1
        mixed = _MIXED.match(text, end)
        if mixed and value == int(value):  # "2 1/4": a whole number and a proper fraction
            num, den = (int(mixed.group(g).translate(_DIGIT_TABLE)) for g in ("num", "den"))
            if 0 < num < den:
                return value + (num / den if value >= 0 else -num / den), mixed.end()
        m = _EXP.match(text, end)
        if m is None:
            return value, end
        exp = float(m.group("exp").translate(_DIGIT_TABLE))
        signs = m.group("e") or m.group("x") or m.group("p") or ""
        if sum(signs.count(c) for c in "-−－") % 2:
            exp = -exp
        try:
            value = value ** exp if m.group("p") is not None else value * 10.0 ** exp
        except (OverflowError, ZeroDivisionError):
            return None, end
        return (value if abs(value) < MAX_AMOUNT else None), m.end()

    def _compound(self, text: str, value: float, end: int, split: Optional[list] = None) -> tuple[float, int]:
        """Number words read as one number, Duckling's way: each word adds to the group it
        ends, a hundred multiplies the group, a scale closes it. A word joins only where it
        fills a smaller place ("twenty-five", "one hundred and five", тысяча двести); in the
        packs with `compound_joiners`, a unit also joins the tens after it (ستة وعشرين).
        `split`, when given, receives the value before the last word joined by "and" (or None)
        and the scale the number ends on (or 0): "one hundred and three quarters" is 100 and
        3/4, "two million and a half" 2.5 million."""
        total, group, last = 0.0, value, value
        head, head_scale, ended_scale = None, 0.0, 0.0
        for _ in range(12):
            m = match_after(self.compound_re, text, end)
            if not m:
                break
            if m.group("scale"):
                mult = table_lookup(self.scales, m.group("scale"))
                if mult is None or self.pack.code == "zh":
                    break
                if mult < 1000:
                    if group >= mult or group == 0:
                        break
                    group *= mult
                else:
                    if total and total <= group * mult:
                        break
                    total += group * mult
                    group = 0.0
                last = mult
                ended_scale = mult if mult >= 1000 else 0.0
            else:
                v = table_lookup(self.words, m.group("word"))
                if v is None or v != int(v) or v >= 1000:
                    break
                place = last if last >= 1000 or last in (100,) else (
                    100 if last % 100 == 0 and last >= 100 else (10 if last % 10 == 0 and last >= 20 else 1))
                sep = m.group("sep")
                before = total + group
                if v == 100 and 0 < group % 100 < 10 and last == group % 100:
                    group = group - last + last * 100  # a unit and a hundred written apart: ثلاث مئة
                elif v < place and group % place == 0 and not (v >= 100 and group % 1000):
                    group += v
                elif last < 10 and v in (20, 30, 40, 50, 60, 70, 80, 90) and (m.group("procl") or sep.strip()) and sep.strip() != "-" \
                        and group % 100 < 10:
                    group += v  # a unit before its tens: ستة وعشرين
                else:
                    break
                if (sep.strip() and sep.strip() != "-") or m.group("procl") in self.joiners:
                    head, head_scale = before, ended_scale
                last, ended_scale = v, 0.0
            end = m.end()
        if split is not None:
            split[:] = [head, ended_scale, head_scale]
        return total + group, end

    def _point_and_fraction(self, text: str, value: float, end: int, word: bool,
                            split: Optional[list] = None) -> tuple[float, int]:
        """A decimal point said as a word ("two point five"), a denominator after the number
        ("three quarters": over the words after the last "and", `split`, as "one hundred and
        three quarters" is 100.75) and a fraction added after "and" ("five and a half", "two
        million and three quarters": of the scale the number ends on, or that follows it)."""
        head, ended_scale, head_scale = split if split else (None, 0.0, 0.0)
        nxt = text[end:end + 5].lstrip(" -")[:1]  # "five - eighths"
        if nxt == "" or not nxt.isalpha():
            return value, end
        if self.point_re is not None:
            m = match_after(self.point_re, text, end)
            if m:
                digits, pos = "", m.end()
                for _ in range(12):
                    d = match_after(self.digit_word_re, text, pos)
                    if not d:
                        break
                    if d.group("digits"):
                        digits += d.group("digits")
                        pos = d.end()
                        break
                    v = table_lookup(self.words, d.group("word"))
                    if v is None or v != int(v):
                        break
                    if v >= 10 and not digits:
                        v, pos = self._compound(text, v, d.end())
                        digits += str(int(v))
                        break
                    if v >= 10:
                        break
                    digits += str(int(v))
                    pos = d.end()
                if digits:
                    return value + float("0." + digits), pos
        m = match_after(self.fraction_re, text, end)
        if m:
            den = table_lookup(self.fractions, m.group("den"))
            if den:
                if head is not None:  # "five billion and three quarters": of the billion
                    return head + (value - head) / den * (head_scale or 1.0), m.end()
                return value / den, m.end()
        return self._plus_fraction(text, value, end, ended_scale)

    def _plus_fraction(self, text: str, value: float, end: int, scale: float) -> tuple[float, int]:
        if self.plus_fraction_re is None:
            return value, end
        m = match_after(self.plus_fraction_re, text, end)
        if not m:
            return value, end
        den = table_lookup(self.fractions, m.group("den"))
        num = table_lookup(self.words, m.group("num")) if m.group("num") else 1.0
        if not den or num is None or not 0 < num < den:
            return value, end
        frac = num / den
        after = table_lookup(self.scales, m.group("scale")) if m.group("scale") else None
        if after and scale:  # "one billion and a half million"
            return value + frac * after, m.end()
        if after:  # "five and a half million"
            return (value + frac) * after, m.end()
        return value + frac * (scale or 1.0), m.end()

    def _fraction_patterns(self, text: str, found: list[Amount], taken: bytearray) -> None:
        """Fractions a pack writes with a pattern (五分之一: groups `den` and `num`)."""
        for pattern in self.fraction_patterns:
            for m in pattern.finditer(text):
                if taken[m.start()]:
                    continue
                den, num = (self._numeral(m.group(g)) for g in ("den", "num"))
                if not den or num is None:
                    continue
                whole = m.groupdict().get("whole")
                whole = self._numeral(whole) if whole else 0.0  # 三百五十又三分之一
                if whole is None:
                    continue
                a = Amount(m.start(), m.end(), m.group(0), amount=whole + num / den, core=m.span())
                found.append(a)
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())

    def _lists(self, text: str, found: list[Amount], taken: bytearray) -> None:
        for m in _RUN.finditer(text):
            run = m.group(0)
            parts = list(_RUN_PART.finditer(run))
            if len(parts) < 4 or re.fullmatch(DIGITS, run) or "" in re.split(r"[.,]", run):
                continue
            for p in parts:
                s, e = m.start() + p.start(), m.start() + p.end()
                found.append(Amount(s, e, p.group(0), amount=float(p.group(0).translate(_DIGIT_TABLE)), core=(s, e),
                                    precision=0.5))
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())

    def _numeral(self, raw: str) -> Optional[float]:
        raw = raw.strip()
        if re.fullmatch(DIGITS, raw):
            return parse_digits(raw, self.decimal_comma)
        return parse_cjk(raw) if self.pack.code == "zh" else table_lookup(self.words, raw)

    def _negative(self, text: str, a: Amount, digits: bool) -> None:
        """A minus sign glued to the digits, or a word for minus (`numbers.negative`)."""
        if a.amount is None:
            return
        before = text[max(0, a.start - 16):a.start]
        m = self.negative_re.search(before) if self.negative_re else None
        if m is None and digits and a.start > 0 and _MINUS.search(text, max(0, a.start - 2), a.start):
            a.start -= 1
        elif m is None and digits and a.start <= 4 and _LEADING_MINUS.fullmatch(text, 0, a.start):
            a.start = text.index("-") if "-" in text[:a.start] else text.index("−")  # "- 1,200,000" opening a phrase
        elif m is not None:
            a.start -= len(m.group(0))
        else:
            return
        a.amount = -a.amount
        a.text = text[a.start:a.end]
        a.is_year_like = False

    @staticmethod
    def _shared_currency_marks(text: str, found: list[Amount]) -> list[Amount]:
        """A currency written between two amounts belongs to the first ("10 rmb 20 usd"): the
        second loses it, and falls back on its own currency after it."""
        for prev, a in zip(found, found[1:]):
            if prev.currency and a.currency and prev.end > a.start and a.cur_before:
                a.start = max(a.start, prev.end)
                while a.start < a.core[0] and text[a.start].isspace():
                    a.start += 1
                a.currency = a.cur_after
                a.text = text[a.start:a.end]
        return found

    def _ranges(self, text: str, found: list[Amount]) -> list[Amount]:
        """Two amounts joined as a range are one value from min to max: "10-20 dollars", "between
        120 million and 150 million zlotys", "от 10 до 20 долларов", 5.6到5.78元, بين ١٠ و٢٠.
        A dash joins any two; "to" only where the first amount names no currency (a change "from $10m
        to $20m" stays two amounts); "and" only after an opening word (`ranges.open`)."""
        out: list[Amount] = []
        i = 0
        while i < len(found):
            a = found[i]
            b = found[i + 1] if i + 1 < len(found) else None
            merged = self._range(text, a, b) if b is not None else None
            if merged is not None:
                out.append(merged)
                i += 2
                continue
            out.append(a)
            i += 1
        return out

    def _range(self, text: str, a: Amount, b: Amount) -> Optional[Amount]:
        if a.amount is None or b.amount is None or a.is_year_like or b.is_year_like or a.end > b.start:
            return None
        if a.currency and b.currency and a.currency != b.currency:
            return None
        gap = (a.end, b.start)
        if self.procl_re is not None and not text[a.end:b.start].strip():
            procl = self.procl_re.match(text, b.start)  # وعشرين، لعشرين: the joining word written onto the number
            if procl and procl.end() < b.core[1]:
                gap = (a.end, procl.end())
        opened = self.range_open_re.search(text, max(0, a.start - 24), a.start) if self.range_open_re else None
        bare = not a.currency and a.core[1] == a.end
        if self.range_dash_re.fullmatch(text, *gap) and (a.end - a.core[1] == 0 or a.currency):
            pass
        elif self.range_to_re is not None and self.range_to_re.fullmatch(text, *gap) and (
                bare or not a.currency and (opened or b.currency)  # "410 million to 430 million zlotys"
                or opened and self.range_close_re is not None and self.range_close_re.match(text, b.end)):
            pass
        elif self.range_to_re is not None and opened and self.range_close_re is not None and \
                self.range_close_re.match(text, b.end) and self.range_to_re.fullmatch(text, a.end + 1, b.start) \
                and re.match(r"\w", text[a.end:a.end + 1]):
            pass  # 在新台幣30億元至35億元之間: a unit word left after the first amount
        elif self.range_and_re is not None and self.range_and_re.fullmatch(text, *gap) and opened:
            pass
        else:
            return None
        lo, hi = a.amount, b.amount
        # A first number without a scale shares the second's: "$10-20 million", "between 2 and 3 billion".
        if not self._scale_of(text, a):
            scale = self._scale_of(text, b)
            if scale and lo * scale <= hi:
                lo *= scale
        if not lo < hi:
            return None
        start = opened.start() if opened else a.start
        r = Amount(start, b.end, text[start:b.end], min=lo, max=hi, approx=a.approx or b.approx,
                   currency=a.currency or b.currency, core=(a.core[0], b.core[1]))
        r.cur_word = b.cur_word or a.cur_word
        return r

    def _scale_of(self, text: str, b: Amount) -> float:
        probe = Amount(b.core[0], b.core[1], text[b.core[0]:b.core[1]], amount=1.0)
        self._scale(text, probe)
        return probe.amount if probe.end > b.core[1] else 0.0

    def _joined(self, text: str, found: list[Amount]) -> list[Amount]:
        """A round amount, a joining word and a smaller one are one number: ٣١٢ ألفاً و٤٠٠ is
        312,400, ٣ ملايين و٥٠٠ ألف 3.5 million (the pack's `number_joiners`)."""
        out: list[Amount] = []
        for a in found:
            prev = out[-1] if out else None
            if prev is not None and prev.amount and a.amount and not prev.currency and not a.is_year_like \
                    and (self.joiner_re is not None and a.amount < _round_unit(prev.amount)
                         and self.joiner_re.fullmatch(text, prev.end, a.start)
                         or self._scaled_parts(text, prev, a)):
                prev.amount += a.amount
                prev.end, prev.text = a.end, text[prev.start:a.end]
                prev.currency = a.currency
                prev.precision = a.precision
                prev.approx = prev.approx or a.approx
                continue
            out.append(a)
        return out

    def _minor(self, text: str, pos: int) -> Optional[tuple[float, int]]:
        m = self.minor_re.match(text, pos)
        if m is None:
            return None
        digit = lambda g: float(_CJK_DIGIT_VALUE.get(m.group(g), m.group(g)))  # noqa: E731
        u1 = table_lookup(self.minor, m.group("u1")) if m.group("u1") else None
        if u1 is None:  # 一块二 is 1.2; 三块零四 3.04; a bare digit only closes the amount
            if m.group("d2") or (m.end() < len(text) and text[m.end()] not in _CLOSES_MINOR):
                return None  # 100元2个: a count of its own
            return digit("d1") * (0.01 if m.group("zero") else 0.1), m.end()
        value = digit("d1") * u1
        if m.group("d2"):
            u2 = table_lookup(self.minor, m.group("u2")) if m.group("u2") else u1 / 10
            if u2 is None or u2 >= u1:
                return None
            value += digit("d2") * u2
        return value, m.end()

    def _ratios(self, text: str, found: list[Amount]) -> list[Amount]:
        """"one over three", "2000 over 3", واحد على ٢٠: one bare number over another closing the
        phrase (the pack's `numbers.ratio`) is their quotient; "over 20" is no bound there."""
        out: list[Amount] = []
        for a in found:
            prev = out[-1] if out else None
            if prev is not None and prev.amount is not None and not prev.currency and not a.currency \
                    and prev.end == prev.core[1] and prev.min is None and a.end == a.core[1]:
                den = a.amount if a.amount is not None else (a.min if a.min_exclusive else None)
                gap = self.ratio_re.match(text, prev.end, a.core[0])
                if den and gap and gap.end() == a.core[0] and _CLOSES.match(text, a.end):
                    prev.amount, prev.end = prev.amount / den, a.end
                    prev.text, prev.core, prev.precision, prev.is_year_like = text[prev.start:a.end], (prev.core[0], a.end), None, False
                    continue
            out.append(a)
        return out

    def _scaled_parts(self, text: str, prev: Amount, a: Amount) -> bool:
        """Digits with a scale word and a smaller number after them are one number: "4 thousand
        3 hundred and 21", ٣ مئة و ٢١ (after a space, the smaller one has its own scale; after
        a compound joiner, any smaller number)."""
        if prev.end <= prev.core[1] or a.amount <= 0 or a.amount != int(a.amount) or prev.amount != int(prev.amount):
            return False
        place = 10.0
        while prev.amount % (place * 10) == 0:
            place *= 10
        if a.amount >= place or place < 100:
            return False
        gap = text[prev.end:a.start]
        if not gap.strip():
            return bool(gap) and a.end > a.core[1] and not a.currency
        return self.compound_gap_re is not None and self.compound_gap_re.fullmatch(gap) is not None

    def _scale(self, text: str, a: Amount) -> None:
        # Chinese scale characters stick to digits: 5000亿, 1.5万亿, 4,500萬.
        pos = a.end
        if self.pack.code == "zh":
            m = _CJK_SCALE_RUN.match(text, pos)
            if m is None and text[pos:pos + 1] == " " and a.core[1] == pos and a.text[-1:].isdigit():
                m = _CJK_SCALE_RUN.match(text, len(text[:pos]) + len(text[pos:pos + 3]) - len(text[pos:pos + 3].lstrip(" ")))  # "1000  万"
            if m is None and text[pos:pos + 1] in ("余", "餘", "多") and pos + 1 < len(text):
                m = _CJK_SCALE_RUN.match(text, pos + 1)  # 500余万: more than five million
                if m and a.amount is not None:
                    a.min, a.min_exclusive = a.amount, True
            if m and a.amount is not None and (a.min is not None or not a.text[-1:] in "十百千万萬亿億"):
                mult = 1.0
                for ch in m.group(0):
                    mult *= CJK_SCALE[ch]
                a.amount *= mult
                if a.min is not None:
                    a.min, a.amount = a.amount, None
                if a.precision is not None:
                    a.precision *= mult
                pos = m.end()
                # Digits and a smaller scale after it add up: 1亿2000万, 5亿1万4千6百, 3万5千.
                for _ in range(4):
                    if a.amount is None:
                        break
                    nxt = match_after(_CJK_CHAIN, text, pos)
                    if not nxt:
                        break
                    step = 1.0
                    for ch in nxt.group("scale"):
                        step *= CJK_SCALE[ch]
                    if step >= mult:
                        break
                    part = parse_digits(nxt.group("n"), False)
                    if part is None:
                        break
                    a.amount += part * step
                    a.precision = None
                    mult, pos = step, nxt.end()
                # Digits after the last scale add up where smaller than it: 3万4000, 1千零1.
                tail = _CJK_TAIL.match(text, pos) if a.amount is not None else None
                if tail and float(tail.group("n")) < mult and (mult > 10 or tail.group(0)[0] == "零"):
                    a.amount += float(tail.group("n"))
                    a.precision = None
                    pos = tail.end()
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
        if pos == a.end and (self.glued_re or self.measure_re) and a.amount is not None and a.core[1] == a.end:
            m = self.glued_re.match(text, pos) if self.glued_re else None
            digits = text[a.core[0]:a.core[1]].translate(_DIGIT_TABLE)[-1:].isdigit()
            if m is None and self.measure_re is not None:
                m, digits = self.measure_re.match(text, pos), True  # 五打 60, 一雙 2 (`measure_scales`)
            if m:  # 100K, 1.2M, 3М: a Latin scale letter on digits (the pack's `glued_scales`)
                mult = table_lookup(self.glued, m.group("g")) or table_lookup(self.measures, m.group("g"))
                if mult and digits:
                    a.amount *= mult
                    if a.precision is not None:
                        a.precision *= mult
                    pos = m.end()
        if pos != a.end:
            a.scaled = True
            a.end = pos
            a.text = text[a.start:a.end]
            a.is_year_like = False

    def _finish(self, text: str, a: Amount) -> None:
        """Currency and modifiers around an amount. Where only digits, spaces and separators
        stand before it, or a digit (or nothing) comes next, there is nothing to look for on that
        side: a run of bare numbers costs one check each."""
        before = text[max(0, a.start - 24):a.start]
        plain_before = _PLAIN.fullmatch(before) is not None
        plain_after = _plain_next(text, a.end)
        m = self.cur_before_re.search(before) if self.cur_before_re and not plain_before else None
        if m:
            a.cur_before = table_lookup(self.cur_before, m.group(0).strip())
            code = _CODE_DOLLAR.search(before, 0, m.start() + 1) if m.group(0).startswith("$") else None
            if code and code.group(1).upper() in currencies.in_use():
                a.cur_before = code.group(1).upper()  # "mxn$ 15", "aud$ 15": the code names the dollar
                a.start -= len(code.group(1))
        elif not plain_before:
            m = self.cldr_before_re.search(before)
            if m:
                a.cur_before = m.group("code") or self.cldr_symbols.get(m.group("sym"))
        if m and a.cur_before and a.end == a.core[1] and table_lookup(self.scaled_only, m.group(0).strip()):
            a.cur_before = None  # "N95": a letter that names a currency only before a scaled amount
        if m and a.cur_before:
            a.currency = a.cur_before
            a.start -= len(m.group(0))
            if a.amount is not None and _MILLION_CODE_BEFORE.match(text, max(0, a.start - 1), a.start + len(m.group(0))) \
                    and re.fullmatch(r"[A-Z]{3}\s?", m.group(0)) and text[a.start - 1:a.start] == "M":
                a.start -= 1  # "MAUD 60": a million of the code
                a.amount *= 1e6
                a.scaled = True
            before = text[max(0, a.start - 24):a.start]
        m = match_after(self.cur_after_re, text, a.end) if self.cur_after_re and not plain_after else None
        if m:
            a.cur_after = table_lookup(self.cur_after, m.group(0).strip())
            a.cur_word = m.group(0).strip()
        elif not plain_after:
            m = match_after(self.cur_after_sym_re, text, a.end) if self.cur_after_sym_re else None
            if m:
                a.cur_after = table_lookup(self.cur_before, m.group(0).strip())
            else:
                m = match_after(self.cldr_after_re, text, a.end)
                if m:
                    a.cur_after = m.group("code") or self.cldr_symbols.get(m.group("sym") or "") or \
                        self.cldr_names.get((m.group("name") or "").lower())
        if m and a.cur_after:
            a.currency = a.currency or a.cur_after
            a.end = m.end()
            if not a.scaled and a.amount is not None and self.scale_re is not None:
                sc = match_after(self.scale_re, text, a.end)  # "75 USD million": the scale after the code
                mult = table_lookup(self.scales, sc.group("scale")) if sc else None
                if mult and mult >= 1000:
                    a.amount *= mult
                    a.end, a.scaled = sc.end(), True
        if not a.currency and a.amount is not None and not a.scaled:
            m = match_after(_MILLION_CODE_AFTER, text, a.end)
            mb = _MILLION_CODE_BEFORE.search(before) if not plain_before else None
            if m or mb:  # "30 MUSD", "MEUR 120": M before a code is a million of it
                code = (m or mb).group("code")
                if code in currencies.in_use():
                    a.currency, a.amount, a.scaled = code, a.amount * 1e6, True
                    if m:
                        a.end = m.end()
                    else:
                        a.start -= len(mb.group(0))
                        before = text[max(0, a.start - 24):a.start]
        if self.minor_re is not None and a.currency and a.amount is not None and a.amount == int(a.amount) \
                and not a.scaled and a.cur_after and a.end > a.core[1]:
            minor = self._minor(text, a.end)
            if minor:
                a.amount += minor[0]
                a.end = minor[1]
        if a.currency and a.amount is not None and self.cents:
            m = match_after(self.cents_after_re, text, a.end)
            if m is None and a.amount == int(a.amount) and not a.scaled:
                # "$20 43", "17 USD 25.", "twenty dollars and 43": a number of coins closing the
                # phrase after a whole amount of money, with no unit or word of its own after it
                m = match_after(self.coins_after_re, text, a.end)
            if m:
                n = table_lookup(self.words, m.group("n")) if not m.group("n").isdigit() else float(m.group("n"))
                if n is not None and 0 < n < 100:
                    a.amount += n / 100
                    a.end = m.end()
        elif not a.currency and a.amount is not None and self.cents and a.end == a.core[1] and not plain_after:
            m = match_after(self.cent_alone_re, text, a.end)
            if m and table_lookup(self.cents, m.group("cent")):
                a.currency = table_lookup(self.cents, m.group("cent"))
                a.amount /= 100
                a.end = m.end()
        best = None
        # A bound's own lookbehinds may read the whole clause before it (ru "довела совокупную сумму ... до
        # 4,5 млрд": to, not up to); the bound itself ends right before the amount.
        wide = text[max(0, a.start - 120):a.start]
        for pattern, kind in ((self.more_before, "more"), (self.less_before, "less"), (self.nearly_before, "nearly"),
                              (self.approx_before, "approx")):
            m = pattern.search(wide, max(0, len(wide) - len(before))) if pattern and not plain_before else None
            if m and (best is None or len(m.group(0)) > len(best[0].group(0))):
                best = (m, kind)  # the longest bound wins: "no more than" over "more than"
        if best:
            a.start -= len(best[0].group(0))
            self._bound(a, best[1])
        core_plain = _plain_next(text, a.core[1])
        for pattern, kind in ((self.more_after, "more"), (self.less_after, "less"), (self.approx_after, "approx")):
            m = match_after(pattern, text, a.core[1]) if pattern and not core_plain else None
            if m is None and pattern and a.end > a.core[1]:
                m = match_after(pattern, text, a.end)  # after the currency: 30万元以上
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
        elif kind == "nearly":  # "nearly 900", 近300家: close to it and below it
            a.max, a.amount, a.approx = a.amount, None, True


@lru_cache(maxsize=None)
def reader(pack: LangPack) -> NumberReader:
    return NumberReader(pack)


def find_amounts(text: str, pack: LangPack) -> list[Amount]:
    return reader(pack).find(text)
