"""Durations ("7 лет", 七年, سبع سنوات, "nearly seven years") and "N years ago" as a time.

A number followed by a unit of the pack's `durations` table is a duration; followed as well by
the pack's `ago` word (or preceded by it, as Arabic منذ), it is a time counted back from the
publication date, marked approximate: a year for years ago, a day for months, weeks or days ago.

The parts compose: a unit after a word for one (`duration_one`: "a year", "another month", طوال
الشهر), after a half (`duration_half`: "half a year", полгода, 半年, نصف عام), in the dual
(`dual_durations`: سنتين), with a half after it (`duration_plus_half`: "a month and a half", 三年半)
or between number and unit (`duration_half_between`: 一個半月); units that are multiples (`decade`,
`fortnight`); and two durations in a row are one ("2 years and 3 months" is P27M, 兩年零三個月).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex as re

from claims.lang import LangPack, _alternation, table_lookup
from claims.model import Duration, Time
from claims.normalize.numbers import Amount, find_amounts, match_after

_ISO = {"year": "Y", "month": "M", "week": "W", "day": "D"}
# Units that are a number of another: a decade is ten years, a fortnight two weeks.
_MULTIPLE = {"decade": ("year", 10), "fortnight": ("week", 2)}
_YEARS = {"year": 1, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365}
# Two durations in a row add up in the smaller unit: years and months, weeks and days.
_SMALLER = {("year", "month"): ("month", 12), ("week", "day"): ("day", 7), ("month", "day"): ("day", 30)}


@dataclass
class DurationMention:
    start: int
    end: int
    text: str
    duration: Duration
    ago: Optional[Time] = None
    # "two years hence", "upcoming 2 months": the time counted ahead from publication, in the
    # unit's own granularity (a day for days and weeks). Read by `claimcheck parse`, never a
    # claim's time: a span ahead is a plan, not a date.
    ahead: Optional[Time] = None


class DurationReader:
    def __init__(self, pack: LangPack):
        self.units = pack.lex.durations
        b = r"(?!\w)" if pack.word_boundary else ""
        self.unit_re = re.compile(rf"\s*(?P<unit>{_alternation(self.units)}){b}", re.I) if self.units else None
        # A unit in the dual is two of it, with no number written (سنتين، عامين، شهرين).
        self.duals = pack.lex.dual_durations
        self.dual_re = pack.compile(self.duals.keys(), capture="dual") if self.duals else None
        procl = f"(?:{pack.lex.proclitics})?" if pack.lex.proclitics else ""
        unit_word = rf"{procl}(?P<unit>{_alternation(self.units)}){b}" if self.units else None
        self.one_re = self._lead(pack, pack.lex.duration_one, unit_word)
        self.half_re = self._lead(pack, pack.lex.duration_half, unit_word)
        plus = pack.lex.duration_plus_half
        self.plus_half_re = re.compile(rf"\s*(?:{_alternation(plus)})", re.I) if plus else None
        between = pack.lex.duration_half_between
        self.half_between_re = re.compile(rf"\s*(?:{_alternation(between)})", re.I) if between else None
        joiners = pack.lex.duration_joiners
        self.joiner_re = re.compile(rf"\s*(?:(?:{_alternation(joiners)})\s*)?") if joiners else None
        self.alone = pack.lex.duration_words
        self.alone_re = re.compile(rf"(?<!\w)(?:{_alternation(self.alone)}){b}", re.I) if self.alone else None
        ago = pack.lex.ago
        self.ago_after = re.compile(rf"\s*(?:{ago})", re.I) if ago else None
        self.ago_before = re.compile(rf"(?:{ago})\s*$", re.I) if ago else None
        ahead, ahead_before = pack.get("ahead"), pack.get("ahead_before")
        self.ahead_after = re.compile(rf"\s*(?:{_alternation(ahead)})(?!\w)", re.I) if ahead else None
        self.ahead_before = re.compile(rf"(?<!\w)(?:{_alternation(ahead_before)})\s+$", re.I) if ahead_before else None
        self.ahead_between = re.compile(rf"\s+(?:{_alternation(ahead_before)})(?=\s)", re.I) if ahead_before else None

    @staticmethod
    def _lead(pack: LangPack, words, unit_word):
        if not words or unit_word is None:
            return None
        b = r"(?<!\w)" if pack.word_boundary else ""
        return re.compile(rf"{b}(?:{_alternation(words)})[\s-]*{unit_word}", re.I)

    def words_alone(self, text: str, published: Optional[dt.date]) -> list[DurationMention]:
        """The pack's `duration_words`: one word that is a duration with no number before it (the
        Arabic dual عامين "two years", عقداً "a decade")."""
        if self.alone_re is None:
            return []
        out = []
        for m in self.alone_re.finditer(text):
            iso = table_lookup(self.alone, m.group(0))
            if not iso:
                continue
            n, unit = float(iso[1:-1]), {"Y": "year", "M": "month", "W": "week", "D": "day"}[iso[-1]]
            years = {"year": n, "month": n / 12, "week": n / 52, "day": n / 365}[unit]
            ago = None
            if self.ago_before is not None and self.ago_before.search(text[max(0, m.start() - 12):m.start()]):
                if unit != "year" and published:  # قبل يومين: a day counted back, as after a number
                    ago = self._mention(text, m.start(), m.end(), n, unit, False, published).ago
                else:
                    ago = Time(granularity="year", relative=True, approx=True, text=m.group(0))
                if unit == "year" and published and published.year - int(n) >= dt.MINYEAR:
                    y = published.year - int(n)
                    ago = Time(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), granularity="year", relative=True,
                               approx=True, text=m.group(0))
            out.append(DurationMention(m.start(), m.end(), m.group(0), Duration(iso=iso, years=years, text=m.group(0)), ago))
        return out

    def unit_of(self, word: str) -> Optional[str]:
        return table_lookup(self.units, word)

    def find(self, text: str, pack: LangPack, published: Optional[dt.date],
             amounts: Optional[list[Amount]] = None) -> list[DurationMention]:
        if not self.unit_re:
            return []
        # (start, end of the unit, n, unit word's value, approx)
        cands: list[tuple[int, int, float, str, bool]] = []
        ahead_at: set[int] = set()  # where a duration is counted ahead by a word before its unit
        if self.dual_re:
            for m in self.dual_re.finditer(text):
                cands.append((m.start(), m.end(), 2.0, table_lookup(self.duals, m.group("dual")), False))
        for regex, n in ((self.one_re, 1.0), (self.half_re, 0.5)):
            if regex is None:
                continue
            for m in regex.finditer(text):
                cands.append((m.start(), m.end(), n, self.unit_of(m.group("unit").strip()), False))
        for a in amounts if amounts is not None else find_amounts(text, pack):
            n = a.amount if a.amount is not None else (a.max if a.approx else None)  # "nearly seven years"
            if n is None or a.currency or a.is_year_like or n <= 0 or n >= 200:
                continue
            pos = a.end
            half = match_after(self.half_between_re, text, pos) if self.half_between_re else None
            if half:
                n, pos = n + 0.5, half.end()
            between = match_after(self.ahead_between, text, pos) if self.ahead_between else None
            m = match_after(self.unit_re, text, between.end() if between else pos)
            if not m:
                continue
            if between:  # "2 upcoming days": counted ahead
                ahead_at.add(a.start)
            cands.append((a.start, m.end(), n, self.unit_of(m.group("unit")), a.approx))
        cands.sort(key=lambda c: (c[0], -c[1]))
        out: list[DurationMention] = []
        for start, end, n, unit, approx in cands:
            if unit in _MULTIPLE:
                unit, factor = _MULTIPLE[unit]
                n *= factor
            if unit not in _ISO or any(d.start <= start < d.end or start <= d.start < end for d in out):
                continue
            plus = match_after(self.plus_half_re, text, end) if self.plus_half_re else None
            if plus:
                n, end = n + 0.5, plus.end()
            out.append(self._mention(text, start, end, n, unit, approx, published, ahead_at))
        # The pack's `duration_words` (عقداً "a decade", ربع قرن): where no other reading took the words.
        out += [d for d in self.words_alone(text, published)
                if not any(o.start <= d.start < o.end or d.start <= o.start < d.end for o in out)]
        out.sort(key=lambda d: d.start)
        return self._joined(text, out)

    def _mention(self, text, start, end, n, unit, approx, published, ahead_at=()) -> DurationMention:
        number = int(n) if float(n).is_integer() else n
        duration = Duration(iso=f"P{number}{_ISO[unit]}", years=n * _YEARS[unit], approx=approx, text=text[start:end])
        ago = None
        after = match_after(self.ago_after, text, end) if self.ago_after else None
        before = self.ago_before.search(text[max(0, start - 12):start]) if self.ago_before else None
        if (after or before) and unit != "year" and published:
            # "three months ago", "два дня назад": a day counted back, approximate
            if after:
                end = after.end()
            days = {"month": 30.44, "week": 7, "day": 1}[unit] * n
            try:
                d = published - dt.timedelta(days=round(days))
                if unit == "month" and float(n).is_integer():
                    y, mo = divmod(published.year * 12 + published.month - 1 - int(n), 12)
                    d = dt.date(y, mo + 1, min(published.day, calendar.monthrange(y, mo + 1)[1]))
            except (OverflowError, ValueError):
                return DurationMention(start, end, text[start:end], duration, None)
            ago = Time(start=d, end=d, granularity="day", relative=True, approx=True)
            ago.text = text[start:end]
        elif (after or before) and unit == "year":
            if after:
                end = after.end()
            if published and published.year - int(n) >= dt.MINYEAR:
                y = published.year - int(n)
                ago = Time(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), granularity="year", relative=True, approx=True)
            else:
                ago = Time(granularity="year", relative=True, approx=True)
            ago.text = text[start:end]
        if ago is None and published and float(n).is_integer() and (self.ahead_after or self.ahead_before):
            after = match_after(self.ahead_after, text, end) if self.ahead_after else None
            before = self.ahead_before.search(text[max(0, start - 16):start]) if self.ahead_before else None
            if after or before or start in ahead_at:
                ahead = _ahead(published, int(n), unit)
                if ahead is not None:
                    if after:
                        end = after.end()
                    if before:
                        start -= len(before.group(0))
                    ahead.text = text[start:end]
                    return DurationMention(start, end, text[start:end], duration, None, ahead)
        return DurationMention(start, end, text[start:end], duration, ago)

    def _joined(self, text: str, found: list[DurationMention]) -> list[DurationMention]:
        """"2 years and 3 months", "2 years, 3 months", 兩年零三個月: one duration (P27M)."""
        if self.joiner_re is None:
            return found
        out: list[DurationMention] = []
        for d in found:
            prev = out[-1] if out else None
            if prev is not None and prev.ago is None and prev.ahead is None and d.ago is not None and d.ago.start \
                    and d.ago.granularity == "day" and (self.joiner_re.fullmatch(text, prev.end, d.start) or not text[prev.end:d.start].strip()):
                # "1 month and 21 days ago", "2 years 1 month 21 days ago": the whole span counted back
                day = _back(d.ago.start, _count(prev.duration.iso), _unit(prev.duration.iso))
                if day is not None:
                    d.duration = _summed(prev.duration, d.duration, text[prev.start:d.end]) or d.duration
                    d.ago = Time(start=day, end=day, granularity="day", relative=True, approx=True, text=text[prev.start:d.end])
                    d.start, d.text = prev.start, text[prev.start:d.end]
                    out[-1] = d
                    continue
            if prev is not None and prev.ago is None and d.ago is None and self.joiner_re.fullmatch(text, prev.end, d.start):
                summed = _summed(prev.duration, d.duration, text[prev.start:d.end])
                if summed is not None:
                    prev.duration = summed
                    prev.end, prev.text = d.end, text[prev.start:d.end]
                    continue
            out.append(d)
        return out


def _back(day: dt.date, n: float, unit: str) -> Optional[dt.date]:
    if not float(n).is_integer():
        return None
    n = int(n)
    try:
        if unit in ("day", "week"):
            return day - dt.timedelta(days=n * (7 if unit == "week" else 1))
        months = n * (12 if unit == "year" else 1)
        y, mo = divmod(day.year * 12 + day.month - 1 - months, 12)
        return dt.date(y, mo + 1, min(day.day, calendar.monthrange(y, mo + 1)[1]))
    except (OverflowError, ValueError):
        return None


def _ahead(published: dt.date, n: int, unit: str) -> Optional[Time]:
    try:
        if unit in ("day", "week"):
            d = published + dt.timedelta(days=n * (7 if unit == "week" else 1))
            return Time(start=d, end=d, granularity="day", relative=True)
        if unit == "month":
            y, mo = divmod(published.year * 12 + published.month - 1 + n, 12)
            last = calendar.monthrange(y, mo + 1)[1]
            return Time(start=dt.date(y, mo + 1, 1), end=dt.date(y, mo + 1, last), granularity="month", relative=True)
        if unit == "year":
            y = published.year + n
            return Time(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), granularity="year", relative=True)
    except (OverflowError, ValueError):
        return None
    return None


def _unit(iso: str) -> str:
    return {v: k for k, v in _ISO.items()}[iso[-1]]


def _count(iso: str) -> float:
    return float(iso[1:-1])


@lru_cache(maxsize=None)
def reader(pack: LangPack) -> DurationReader:
    return DurationReader(pack)


def find_durations(text: str, pack: LangPack, published: Optional[dt.date],
                   amounts: Optional[list[Amount]] = None) -> list[DurationMention]:
    return reader(pack).find(text, pack, published, amounts)


def _summed(a: Duration, b: Duration, text: str) -> Optional[Duration]:
    """Two durations told one after the other ("2 years and 3 months") as one in the smaller unit;
    None where their units do not follow one another."""
    pair = (_unit(a.iso), _unit(b.iso))
    if pair not in _SMALLER:
        return None
    unit, factor = _SMALLER[pair]
    n = _count(a.iso) * factor + _count(b.iso)
    number = int(n) if float(n).is_integer() else n
    return Duration(iso=f"P{number}{_ISO[unit]}", years=a.years + b.years, approx=a.approx or b.approx, text=text)
