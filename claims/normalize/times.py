"""Dates and periods, absolute and relative, resolved against the publication date.

Rules per language are regular expressions with named groups in the pack's `times:` list; this
module gives every group one meaning for all languages:
  year, month, day        digits
  month_name              a key of `months`
  rel_year, rel_month, rel_week   keys of relative_years / relative_months / relative_weeks (a
                          day with rel_month is that day of the month: "the 20th of next month")
  weekday                 a day of the week (the pack's `weekdays`, 0 = Monday), nearest publication
  part                    a key of `parts`: early, mid, late (approximate halves), end (with a
                          month, its last day; with a year, as late), or a span of months of
                          the year written "1-3" (a quarter, the first nine months: exact).
                          A span with no year is the latest one begun by publication (the
                          earliest not yet over in a future sentence); end or a span beside
                          a month name or a relative month applies to that month
  span                    a key of `period_spans` (a number of months) with a month name: the
                          months to that month's end ("the year to end-February", "the six months
                          to June"); with no year, the latest ended by publication
  rel_quarter             a key of `relative_quarters` (上季, last quarter): that calendar quarter
  era                     a key of `eras` (民國): the year group counts from that era (year + its value)
  end_of                  with the groups of a period: its last day ("as of the end of March", 截至3月底)
  fiscal                  words of a fiscal year ending in the month named ("the fiscal year ended
                          June 2025"): the twelve months that end with that month
  recent                  "in recent months": the twelve months before publication, approximate
  rel_day                 a key of `relative_days` (yesterday, послезавтра, 前天, أمس): a day
  day_word                a day written as an ordinal word, a key of `ordinals` ("twenty-fourth",
                          двадцать четвёртого, الحادي والعشرين)
A year of two digits is in 1951-2050; year, month and day may be Chinese numerals (三月三号).
A month without a year in a past-tense sentence is the latest such month on or before publication
(in a future-tense one, the earliest on or after); in a sentence whose tense nothing marks (no
word of the pack's `future`, none of its `past` markers: a headline, a bare phrase), the one
nearest to publication for a day (a month alone still looks back). `next`/`last` before a month name (`month_directions`) choose as a tense
does ("next March", "last March"). Without a publication date, relative times keep
what is known and stay unresolved. Granularity is kept: no day is ever invented.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex as re

from claims.lang import LangPack, _alternation, table_lookup
from claims.model import Time


@dataclass
class TimeMention:
    start: int
    end: int
    text: str
    time: Time
    effective: bool = False  # the date something takes effect from (the pack's `effective_words`)


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class TimeReader:
    def __init__(self, pack: LangPack):
        self.pack = pack
        self.tables = {
            "month_name": pack.lex.months,
            "rel_year": pack.lex.relative_years,
            "rel_month": pack.lex.relative_months,
            "rel_week": pack.lex.relative_weeks,
            "part": pack.lex.parts,
            "rel_day": pack.lex.relative_days,
            "dir": pack.lex.month_directions,
            "day_word": pack.lex.ordinals,
            "weekday": pack.lex.weekdays,
            "span": pack.lex.period_spans,
            "era": pack.lex.eras,
            "rel_quarter": pack.lex.relative_quarters,
        }
        fill = {
            "months": _alternation(self.tables["month_name"]) or "(?!)",
            "relative_years": _alternation(self.tables["rel_year"]) or "(?!)",
            "relative_months": _alternation(self.tables["rel_month"]) or "(?!)",
            "relative_weeks": _alternation(self.tables["rel_week"]) or "(?!)",
            "parts": _alternation(self.tables["part"]) or "(?!)",
            "recent": _alternation(pack.lex.recent) or "(?!)",
            "relative_days": _alternation(self.tables["rel_day"]) or "(?!)",
            "month_directions": _alternation(self.tables["dir"]) or "(?!)",
            "ordinals": _alternation(self.tables["day_word"]) or "(?!)",
            "weekdays": _alternation(self.tables["weekday"]) or "(?!)",
            "period_spans": _alternation(self.tables["span"]) or "(?!)",
            # The parts that are quarters ("1-3"...): a quarter may stand alone (一季度营收).
            "quarters": _alternation({k: v for k, v in self.tables["part"].items() if str(v) in _QUARTERS}) or "(?!)",
            "eras": _alternation(self.tables["era"]) or "(?!)",
            "relative_quarters": _alternation(self.tables["rel_quarter"]) or "(?!)",
        }
        b, e = (r"(?<!\w)", r"(?!\w)") if pack.word_boundary else ("", "")
        self.weekday_in_week = re.compile(fill["weekdays"], re.I) if self.tables["weekday"] else None
        self.past_re = pack.compile(pack.lex.past)
        self.same_re = pack.compile(pack.lex.same_period_words)
        nearest = pack.compile(pack.lex.effective_words)
        # "effective May 1", اعتباراً من: the date a change takes effect, whatever the tense of the
        # sentence that tells it: the occurrence nearest to publication.
        self.effective_before = re.compile(rf"(?:{nearest.pattern})\s*$", re.I) if nearest is not None else None
        self.effective_after = re.compile(rf"\s?(?:{nearest.pattern})", re.I) if nearest is not None else None
        self.rules = []
        for rule in pack.lex.times:
            body = re.sub(r"\{([a-z_]+)\}", lambda m: f"(?:{fill[m.group(1)]})", rule)
            self.rules.append(re.compile(rf"{b}(?:{body}){e}", re.I))

    def _key(self, table: str, text: str):
        return table_lookup(self.tables[table], text.strip())

    def find(self, text: str, published: Optional[dt.date], future=False) -> list[TimeMention]:
        """`future` is a bool for the whole text, or a function of a position (tense by clause)."""
        future_at = future if callable(future) else (lambda _pos: bool(future))
        # No future word and no past marker in the sentence: its tense is unmarked.
        past_marked = bool(self.past_re.search(text)) if self.past_re is not None else True
        candidates = []
        for order, rule in enumerate(self.rules):
            for m in rule.finditer(text):
                if m.end() > m.start():
                    candidates.append((m.start(), -(m.end() - m.start()), order, m))
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))
        out: list[TimeMention] = []
        last_end = -1
        for start, _, _, m in candidates:
            if start < last_end or _cut_from_digits(text, m):
                continue
            try:
                tense = future_at(m.start()) or (None if not past_marked else False)
                # "effective May 1" (Chinese: 9月1日生效) is read nearest publication (`effective_words`).
                effective = self.effective_before is not None and (
                    self.effective_before.search(text, max(0, m.start() - 40), m.start()) is not None
                    or bool(m.groupdict().get("day")) and self.effective_after.match(text, m.end()) is not None)
                if effective:
                    tense = None
                time = self.resolve({k: v for k, v in m.groupdict().items() if v}, published, tense)
            except (ValueError, OverflowError):
                continue  # counted past the ends of the calendar (year 1, year 9999): no such date
            if time is None:
                continue
            time.text = m.group(0)
            out.append(TimeMention(m.start(), m.end(), m.group(0), time, effective))
            last_end = m.end()
        if self.same_re is not None:
            # "the same period" (同期): the period the sentence named last before it.
            for m in self.same_re.finditer(text):
                before = [t for t in out if t.end <= m.start() and t.time.start is not None]
                if before and not any(t.start <= m.start() < t.end for t in out):
                    t = before[-1].time.model_copy(update={"text": m.group(0)})
                    out.append(TimeMention(m.start(), m.end(), m.group(0), t))
            out.sort(key=lambda t: t.start)
        return out

    def _period(self, g: dict, published: Optional[dt.date], future: Optional[bool]) -> Optional[Time]:
        """A span of months to a month's end ("the year to end-February", "the six months to
        June"). With no year given, the latest such span ended by publication (one told ahead:
        the next to begin)."""
        months = self._key("span", g["span"])
        end_month = self._key("month_name", g["month_name"]) if "month_name" in g else None
        if months is None or end_month is None:
            return None
        months = int(months)
        year = _int(g["year"]) if "year" in g else None
        if year is not None and len(g["year"].strip()) == 2:
            year += 1900 if year > 50 else 2000
        if year is None and "rel_year" in g and published:
            year = published.year + int(self._key("rel_year", g["rel_year"]) or 0)
        relative = year is None
        if year is None:
            if not published:
                return None
            year = published.year
            end = month_span(year, end_month)[1]
            if future:
                sy, sm = add_months(year, end_month, 1 - months)
                if dt.date(sy, sm, 1) <= published:
                    year += 1
            elif end > published:
                year -= 1
        sy, sm = add_months(year, end_month, 1 - months)
        return Time(start=dt.date(sy, sm, 1), end=month_span(year, end_month)[1],
                    granularity="month", relative=relative)

    def resolve(self, g: dict, published: Optional[dt.date], future: Optional[bool]) -> Optional[Time]:
        """`future`: True or False by the tense, None where no tense is marked (the nearest). An
        `end_of` group ("as of the end of March", 截至3月底) makes the period its last day."""
        if "end_of" not in g:
            return self._resolve(g, published, future)
        t = self._resolve({k: v for k, v in g.items() if k != "end_of"}, published, future)
        if t is None or t.end is None:
            return t
        end = t.end
        if published and not future and end > published and not ({"year", "rel_year"} & set(g)):
            # "as of the end of the second quarter" told in the past: the latest such end by publication
            end = end.replace(year=end.year - 1) if not (end.month == 2 and end.day == 29) else dt.date(end.year - 1, 2, 28)
        return Time(start=end, end=end, granularity="day", relative=t.relative)

    def _resolve(self, g: dict, published: Optional[dt.date], future: Optional[bool]) -> Optional[Time]:
        if "dir" in g:
            direction = self._key("dir", g["dir"])
            future = None if direction == 0 else bool(direction and direction > 0)
        month = _int(g["month"]) if "month" in g else None
        if "month_name" in g:
            month = self._key("month_name", g["month_name"])
        day = _int(g["day"]) if "day" in g else None
        if "day_word" in g:
            day = self._key("day_word", g["day_word"])
            if day is None:
                return None
            day = int(day)
        part = self._key("part", g["part"]) if "part" in g else None
        relative = False
        year: Optional[int] = _int(g["year"]) if "year" in g else None
        if "era" in g:
            # A year of an era (民國五十二年): the era's first year less one, plus the year.
            offset = self._key("era", g["era"])
            if offset is None or year is None:
                return None
            year += int(offset)
            g = {k: v for k, v in g.items() if k != "year"}
        if year is not None and "year" in g and len(g["year"].strip()) == 2:
            year += 1900 if year > 50 else 2000
        if month is not None and not 1 <= month <= 12:
            return None
        if "fiscal" in g and month is not None and year is not None:
            # "the fiscal year ended 31 March 2025": April 2024 to March 2025, whatever the day.
            y, m = add_months(year, month, -11)
            return Time(start=dt.date(y, m, 1), end=month_span(year, month)[1], granularity="month", relative=False)
        if "span" in g:
            return self._period(g, published, future)
        if "weekday" in g and "rel_week" not in g:
            # "on Tuesday" in a story told in the past is the last Tuesday up to publication; in one
            # told ahead, the next one; with no tense marked, the nearer of the two.
            wd = self._key("weekday", g["weekday"])
            if not published or wd is None:
                return Time(granularity="day", relative=True)
            back = (published.weekday() - int(wd)) % 7
            ahead = (int(wd) - published.weekday()) % 7
            days = ahead if future or (future is None and 0 < ahead < back) else -back
            d = published + dt.timedelta(days=days)
            return Time(start=d, end=d, granularity="day", relative=True)
        if "rel_day" in g:
            offset = self._key("rel_day", g["rel_day"])
            if not published or offset is None:
                return Time(granularity="day", relative=True)
            d = published + dt.timedelta(days=int(offset))
            return Time(start=d, end=d, granularity="day", relative=True)
        if "recent" in g:
            if not published:
                return Time(granularity="month", relative=True, approx=True)
            y, m = add_months(published.year, published.month, -12)
            return Time(start=dt.date(y, m, 1), end=published, granularity="month", relative=True, approx=True)
        if "rel_week" in g:
            offset = self._key("rel_week", g["rel_week"]) or 0
            if not published:
                return Time(granularity="day", relative=True)
            monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=int(offset))
            # A weekday written into the week word ("本週五", "下周一") is that day of the week.
            m = self.weekday_in_week.search(g["rel_week"]) if self.weekday_in_week else None
            wd = self._key("weekday", g["weekday"] if "weekday" in g else m.group(0)) if ("weekday" in g or m) else None
            if wd is not None:
                d = monday + dt.timedelta(days=int(wd))
                return Time(start=d, end=d, granularity="day", relative=True)
            return Time(start=monday, end=monday + dt.timedelta(days=6), granularity="day", relative=True, approx=True)
        if "rel_quarter" in g:
            offset = int(self._key("rel_quarter", g["rel_quarter"]) or 0)
            if not published:
                return Time(granularity="month", relative=True)
            y, m = add_months(published.year, 3 * ((published.month - 1) // 3) + 1, 3 * offset)
            return Time(start=dt.date(y, m, 1), end=month_span(*add_months(y, m, 2))[1], granularity="year", relative=True)
        if "rel_month" in g:
            offset = int(self._key("rel_month", g["rel_month"]) or 0)
            if not published:
                return Time(granularity="month", relative=True)
            y, m = add_months(published.year, published.month, offset)
            if day:  # "the 20th of next month", 下个月20号: a day of that month
                d = dt.date(y, m, day)
                return Time(start=d, end=d, granularity="day", relative=True)
            s, e = month_span(y, m)
            if part == "end":  # "by the end of this month": its last day
                return Time(start=e, end=e, granularity="day", relative=True)
            day = _int(g["day"]) if "day" in g else None
            if day and day <= e.day:  # "下月1日": that day of that month
                d = dt.date(y, m, day)
                return Time(start=d, end=d, granularity="day", relative=True)
            return Time(start=s, end=e, granularity="month", relative=True)
        span = _month_span(part)
        if span and month is None and year is None and "rel_year" not in g:
            # A quarter with no year ("in the second quarter"): the latest begun by publication in a
            # story told in the past or untold, the earliest not yet over in one told ahead.
            if not published:
                return Time(granularity="month", relative=True)
            year = published.year
            if future and span[1] < published.month:
                year += 1
            elif not future and span[0] > published.month:
                year -= 1
            relative = True
        elif "part" in g and not span and month is None and year is None and "rel_year" not in g:
            return None  # "at the end of" with no period named: no time
        if "rel_year" in g:
            relative = True
            offset = self._key("rel_year", g["rel_year"])
            year = published.year + int(offset or 0) if published else None
        if year is None and month is not None and published and not relative:
            relative = True
            year = published.year
            if future is None and not day:
                future = False  # a month alone in an unmarked sentence: news tells the past
            if future is None:
                # the nearest occurrence to publication, in the year before, this year or the next
                def gap(y):
                    try:
                        d = dt.date(y, month, min(day or 15, calendar.monthrange(y, month)[1]))
                    except ValueError:
                        return 10 ** 6
                    return abs((d - published).days)
                year = min((year - 1, year, year + 1), key=gap)
            elif future and month < published.month:
                year += 1
            elif not future and month > published.month:
                year -= 1
        if year is None:
            return Time(granularity="month" if month else "year", month=month, relative=True)
        if not 1000 <= year <= 2999:
            return None
        if month and day:
            try:
                d = dt.date(year, month, day)
            except ValueError:
                return None
            return Time(start=d, end=d, granularity="day", relative=relative)
        if month:
            s, e = month_span(year, month)
            if part == "end":  # "by the end of June": its last day
                return Time(start=e, end=e, granularity="day", relative=relative)
            return Time(start=s, end=e, granularity="month", relative=relative)
        if span:
            start, end = month_span(year, span[0])[0], month_span(year, span[1])[1]
            return Time(start=start, end=end, granularity="month", relative=relative)
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if part in ("late", "end"):
            start = dt.date(year, 7, 1)
        elif part == "early":
            end = dt.date(year, 6, 30)
        elif part == "mid":
            start, end = dt.date(year, 4, 1), dt.date(year, 9, 30)
        return Time(start=start, end=end, granularity="year", relative=relative, approx=part is not None)


# The parts that are quarters: a quarter may be written alone.
_QUARTERS = ("1-3", "4-6", "7-9", "10-12")


def _month_span(part) -> Optional[tuple[int, int]]:
    """A part written as months of the year, "1-3" (a quarter), to (1, 3); other parts to None."""
    m = re.fullmatch(r"\s*(\d{1,2})\s*-\s*(\d{1,2})\s*", str(part)) if part is not None else None
    if not m:
        return None
    first, last = int(m.group(1)), int(m.group(2))
    return (first, last) if 1 <= first <= last <= 12 else None


_CJK_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2, "兩": 2}


def _int(raw: str) -> Optional[int]:
    """Digits in any script, or a Chinese numeral: 三, 十二, 二十三 (a day), 二零一五 (a year)."""
    from claims.normalize.numbers import _DIGIT_TABLE

    s = raw.strip().translate(_DIGIT_TABLE).replace("廿", "二十").replace("卅", "三十")
    if s.isdigit():
        return int(s)
    if s and all(c in _CJK_DIGIT for c in s):
        return int("".join(str(_CJK_DIGIT[c]) for c in s))
    if s and all(c in _CJK_DIGIT or c == "十" for c in s) and len(s) <= 3 and s.count("十") == 1:
        tens, _, units = s.partition("十")
        return (_CJK_DIGIT[tens] if tens else 1) * 10 + (_CJK_DIGIT[units] if units else 0)
    if s and all(c in _CJK_DIGIT or c in "十百" for c in s):
        import cn2an  # 一百一十五 (a year of an era)
        return int(cn2an.cn2an(s, "normal"))
    raise ValueError(raw)


def _cut_from_digits(text: str, m) -> bool:
    """A year, month or day taken out of a longer run of digits (2345年 in 12345年, 2025 in
    1111120251): a slice of a number, not a date."""
    for group in ("year", "month", "day"):
        if group not in m.re.groupindex:
            continue
        s, e = m.span(group)
        if s < 0:
            continue
        if (s > 0 and text[s - 1].isdigit()) or (e < len(text) and text[e].isdigit()):
            return True
        if s == m.start() and s > 1 and text[s - 1] in ".," and text[s - 2].isdigit():
            return True  # the decimals of 6,107.31 are no day
    return False


@lru_cache(maxsize=None)
def reader(pack: LangPack) -> TimeReader:
    return TimeReader(pack)


def find_times(text: str, pack: LangPack, published: Optional[dt.date], future=False) -> list[TimeMention]:
    return reader(pack).find(text, published, future)
