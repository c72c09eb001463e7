"""Durations ("7 лет", 七年, سبع سنوات, "nearly seven years") and "N years ago" as a time.

A number followed by a unit of the pack's `durations` table is a duration; followed as well by
the pack's `ago` word (or preceded by it, as Arabic منذ), it is a time counted back from the
publication date, at year granularity and marked approximate.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex as re

from claims.lang import LangPack, _alternation, table_lookup
from claims.model import Duration, Time
from claims.normalize.numbers import Amount, find_amounts, match_after

_ISO = {"year": "Y", "month": "M", "week": "W", "day": "D"}


@dataclass
class DurationMention:
    start: int
    end: int
    text: str
    duration: Duration
    ago: Optional[Time] = None


class DurationReader:
    def __init__(self, pack: LangPack):
        self.units = pack.get("durations") or {}
        b = r"(?!\w)" if pack.word_boundary else ""
        self.unit_re = re.compile(rf"\s*(?P<unit>{_alternation(self.units)}){b}", re.I) if self.units else None
        self.alone = pack.get("duration_words") or {}
        self.alone_re = re.compile(rf"(?<!\w)(?:{_alternation(self.alone)}){b}", re.I) if self.alone else None
        ago = pack.get("ago")
        self.ago_after = re.compile(rf"\s*(?:{ago})", re.I) if ago else None
        self.ago_before = re.compile(rf"(?:{ago})\s*$", re.I) if ago else None

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
            if unit == "year" and self.ago_before is not None and self.ago_before.search(text[max(0, m.start() - 12):m.start()]):
                ago = Time(granularity="year", relative=True, approx=True, text=m.group(0))
                if published and published.year - int(n) >= dt.MINYEAR:
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
        out = self.words_alone(text, published)
        for a in amounts if amounts is not None else find_amounts(text, pack):
            if a.amount is None or a.currency or a.is_year_like or a.amount <= 0 or a.amount >= 200:
                continue
            m = match_after(self.unit_re, text, a.end)
            if not m:
                continue
            unit = self.unit_of(m.group("unit"))
            n = a.amount
            number = int(n) if float(n).is_integer() else n
            iso = f"P{number}{_ISO[unit]}"
            years = {"year": n, "month": n / 12, "week": n / 52, "day": n / 365}[unit]
            duration = Duration(iso=iso, years=years, approx=a.approx, text=text[a.start:m.end()])
            end = m.end()
            ago = None
            after = match_after(self.ago_after, text, end) if self.ago_after else None
            before = self.ago_before.search(text[max(0, a.start - 12):a.start]) if self.ago_before else None
            if (after or before) and unit == "year":
                if after:
                    end = after.end()
                if published and published.year - int(n) >= dt.MINYEAR:
                    y = published.year - int(n)
                    ago = Time(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), granularity="year", relative=True, approx=True)
                else:
                    ago = Time(granularity="year", relative=True, approx=True)
                ago.text = text[a.start:end]
            out.append(DurationMention(a.start, end, text[a.start:end], duration, ago))
        return out


@lru_cache(maxsize=None)
def reader(pack: LangPack) -> DurationReader:
    return DurationReader(pack)


def find_durations(text: str, pack: LangPack, published: Optional[dt.date],
                   amounts: Optional[list[Amount]] = None) -> list[DurationMention]:
    return reader(pack).find(text, pack, published, amounts)
