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
        # A unit in the dual is two of it, with no number written (سنتين، عامين، شهرين).
        self.duals = pack.get("dual_durations") or {}
        self.dual_re = pack.compile(self.duals.keys(), capture="dual") if self.duals else None
        ago = pack.get("ago")
        self.ago_after = re.compile(rf"\s*(?:{ago})", re.I) if ago else None
        self.ago_before = re.compile(rf"(?:{ago})\s*$", re.I) if ago else None

    def unit_of(self, word: str) -> Optional[str]:
        return table_lookup(self.units, word)

    def find(self, text: str, pack: LangPack, published: Optional[dt.date],
             amounts: Optional[list[Amount]] = None) -> list[DurationMention]:
        if not self.unit_re:
            return []
        out = self._duals(text, published)
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
            if any(d.start <= m.start("unit") < d.end for d in out):
                continue
            out.append(DurationMention(a.start, end, text[a.start:end], duration, ago))
        out.sort(key=lambda d: d.start)
        return out

    def _duals(self, text: str, published: Optional[dt.date]) -> list[DurationMention]:
        out = []
        if not self.dual_re:
            return out
        for m in self.dual_re.finditer(text):
            unit = table_lookup(self.duals, m.group("dual"))
            if unit not in _ISO:
                continue
            years = {"year": 2, "month": 2 / 12, "week": 2 / 52, "day": 2 / 365}[unit]
            start, end = m.start(), m.end()
            ago = None
            before = self.ago_before.search(text[max(0, start - 12):start]) if self.ago_before else None
            if before and unit == "year":
                ago = Time(granularity="year", relative=True, approx=True)
                if published and published.year - 2 >= dt.MINYEAR:
                    y = published.year - 2
                    ago = Time(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), granularity="year", relative=True, approx=True)
                ago.text = text[start:end]
            out.append(DurationMention(start, end, text[start:end], Duration(iso=f"P2{_ISO[unit]}", years=years, text=text[start:end]), ago))
        return out


@lru_cache(maxsize=None)
def reader(pack: LangPack) -> DurationReader:
    return DurationReader(pack)


def find_durations(text: str, pack: LangPack, published: Optional[dt.date],
                   amounts: Optional[list[Amount]] = None) -> list[DurationMention]:
    return reader(pack).find(text, pack, published, amounts)
