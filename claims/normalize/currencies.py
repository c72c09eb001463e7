"""Currencies from CLDR (through babel), for every pack: ISO codes, symbols and the names of the
currencies in use, in the pack's language, singular and plural.

The pack's own `currencies` tables are read first and win; these tables add what no lexicon
lists by hand: "NOK 450m", "42 BGN", "MYR42", "UAH3.04", 5 شيكل, 100 ₭, "Polish zlotys".
A currency's head word alone ("zlotys", гривен, شيكل) names it when no other currency in use
shares that word in the language (`currencies.head_word`: the last word of the name, or the first
in Arabic, where the adjective follows); `currencies.not_names` lists words that are currencies
and also something else.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex as re

# Codes that are also common capitalised words or company names next to figures.
NOT_CODES = {"ALL", "AMD", "TOP", "CUP", "PEN", "SOS", "GEL", "BAM", "BOB", "STD", "MOP", "CVE", "XXX", "XTS",
             "XAU", "XAG", "XPT", "XPD", "XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD", "XPF", "MRO", "SLL", "VEF"}


def locales(lang: str) -> tuple[str, ...]:
    """The CLDR locales of a pack's currency names (its pack.yaml `cldr_locales`)."""
    from claims.lang import available, pack_info

    return tuple(pack_info(lang).cldr_locales) if lang in available() else ()


@lru_cache(maxsize=None)
def in_use() -> frozenset[str]:
    from babel import Locale
    from babel.numbers import get_territory_currencies

    codes: set[str] = set()
    today = dt.date(2026, 1, 1)
    for territory in Locale("en").territories:
        try:
            codes.update(get_territory_currencies(territory, today))
        except Exception:  # a region babel has no currency data for
            continue
    return frozenset(c for c in codes if re.fullmatch(r"[A-Z]{3}", c) and c not in NOT_CODES)


def codes_pattern() -> str:
    """ISO codes of the currencies in use, as written in capitals, whole words only."""
    return rf"(?<![A-Za-z])(?:{'|'.join(sorted(in_use(), reverse=True))})(?![A-Za-z])"


@lru_cache(maxsize=None)
def symbols(lang: str) -> dict[str, str]:
    """Symbols that are not letters of the Latin alphabet and stand for one currency only."""
    from babel import Locale

    seen: dict[str, set[str]] = {}
    for loc in ("en",) + locales(lang):
        for code, sym in Locale.parse(loc)._data["currency_symbols"].items():
            sym = sym.replace("\u200f", "").strip()
            if code not in in_use() or sym == code or re.fullmatch(r"[A-Za-z$\s]+|.*\$.*|¤", sym):
                continue
            seen.setdefault(sym, set()).add(code)
    return {s: next(iter(c)) for s, c in seen.items() if len(c) == 1}


@lru_cache(maxsize=None)
def names(lang: str, head_word: str | None, not_names: tuple[str, ...]) -> dict[str, str]:
    """Lower-cased names (every plural form) to codes, and the head words no two currencies share."""
    from babel import Locale

    full: dict[str, set[str]] = {}
    for loc in locales(lang):
        data = Locale.parse(loc)._data
        for code, name in data["currency_names"].items():
            if code in in_use():
                full.setdefault(name.lower(), set()).add(code)
        for code, forms in data["currency_names_plural"].items():
            if code in in_use():
                for name in forms.values():
                    full.setdefault(name.lower(), set()).add(code)
    out = {n: next(iter(c)) for n, c in full.items() if len(c) == 1 and len(n) > 2}
    if head_word in ("first", "last"):
        heads: dict[str, set[str]] = {}
        for n, codes in full.items():
            words = n.split()
            if len(words) < 2:
                continue
            heads.setdefault(words[0] if head_word == "first" else words[-1], set()).update(codes)
        for h, codes in heads.items():
            if len(codes) == 1 and len(h) > 2 and h not in out and h not in not_names:
                out[h] = next(iter(codes))
    return out
