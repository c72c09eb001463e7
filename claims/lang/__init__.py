"""Language packs: one folder per language (`claims/lang/<xx>/`), found by import, mostly data.

A pack is `pack.yaml` (its tags, script and how its language is detected), `lexicon.yaml` (words
and small regular-expression rules, documented in `claims/lang/README.md`) and `__init__.py` for
what data cannot say (Russian surname declension, say). Both YAML files are validated against
`claims/lang/contract.py` when the pack is loaded. Nothing outside this folder names a language's
words, and the languages claimcheck reads are the packs found here (`supported_tags()`).
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import regex as re

from claims.lang.contract import Lexicon, PackInfo, PackRules, read_yaml, validated

HERE = Path(__file__).parent
_KEYS = frozenset(Lexicon.model_fields)


def _alternation(items) -> str:
    """Longest first, so that `миллиардов` wins over `миллиард`."""
    return "|".join(sorted((str(i) for i in items), key=len, reverse=True))


# Compiled once per lexicon table: compiling each pattern per lookup thrashed the regex cache
# once the lexicons grew (half of extraction time).
_COMPILED_TABLES: dict[int, tuple[dict, list]] = {}


def table_lookup(table: dict, text: str):
    """The value of the longest pattern of a lexicon table (`{pattern: value}`) that the whole of
    `text` matches, case-insensitively; None when none does."""
    entry = _COMPILED_TABLES.get(id(table))
    if entry is None or entry[0] is not table:
        compiled = [(re.compile(p, re.I), v) for p, v in sorted(table.items(), key=lambda kv: len(str(kv[0])), reverse=True)]
        entry = _COMPILED_TABLES[id(table)] = (table, compiled)  # the table is kept, so its id is never reused
    for pattern, value in entry[1]:
        if pattern.fullmatch(text):
            return value
    return None


@dataclass(eq=False)
class LangPack:
    code: str
    data: dict[str, Any]
    rules: PackRules = None  # the functions of its __init__.py (claims/lang/contract.py, PackRules)
    extra: dict[str, Any] = field(default_factory=dict)
    _compiled: dict = field(default_factory=dict, repr=False)
    lex: Lexicon = None  # the lexicon, typed (claims/lang/contract.py); `data` is the same as read
    info: PackInfo = None

    def get(self, key: str, default=None):
        """The raw value of a lexicon key; a key the contract does not know is an error, not None."""
        if key not in _KEYS:
            raise KeyError(f"{key!r} is no lexicon key (claims/lang/contract.py lists them)")
        return self.data.get(key, default)

    @property
    def furniture(self) -> list[str]:
        return list(self.data.get("furniture", []))

    @cached_property
    def word_boundary(self) -> bool:
        """Chinese has no spaces between words: its patterns match anywhere."""
        return bool(self.data.get("word_boundary", True))

    def compile(self, alternatives, *, capture: str | None = None) -> re.Pattern | None:
        """One pattern for a list of words (longest first), with the pack's word edges; cached."""
        key = (tuple(alternatives), capture)
        if key not in self._compiled:
            self._compiled[key] = self._compile(key[0], capture)
        return self._compiled[key]

    def _compile(self, alternatives, capture: str | None) -> re.Pattern | None:
        alts = [a for a in alternatives if a]
        if not alts:
            return None
        body = _alternation(alts)
        if capture:
            body = f"(?P<{capture}>{body})"
        if self.word_boundary:
            # Arabic writes "and", "to", "the" as prefixes of the word: وغادر, بالشركة.
            prefix = f"(?:{self.data['proclitics']})?" if self.data.get("proclitics") else ""
            # A word ends where no letter follows, nor a hyphen and a letter ("launch-vehicle" is
            # no launch); a word that ends in a hyphen ("ex-", "экс-") ends there.
            body = rf"(?<!\w){prefix}(?:{body})(?:(?<=-)|(?!\w|-\w))"
        return re.compile(body, re.I)

    def rule_patterns(self, key: str) -> list[re.Pattern]:
        """A list of the pack's raw patterns used one by one (`age_patterns`, `org_patterns`),
        compiled once, case-insensitive."""
        cache_key = ("rules", key)
        if cache_key not in self._compiled:
            self._compiled[cache_key] = [re.compile(p, re.I) for p in self.data.get(key) or []]
        return self._compiled[cache_key]

    @cached_property
    def lexicon_patterns(self) -> dict[str, list[tuple[str, re.Pattern]]]:
        """For each mapping section (titles, triggers, events): (id, compiled pattern) pairs."""
        out: dict[str, list[tuple[str, re.Pattern]]] = {}
        for section in ("titles", "triggers", "events", "pronouns"):
            out[section] = [(key, self.compile(words)) for key, words in (self.data.get(section) or {}).items()
                            if words]
        return out


def available() -> list[str]:
    """The language packs found under claims/lang/."""
    return sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.ispkg)


@lru_cache(maxsize=None)
def pack_info(code: str) -> PackInfo:
    """A pack's `pack.yaml`, validated."""
    path = HERE / code / "pack.yaml"
    return validated(PackInfo, read_yaml(path), path)


@lru_cache(maxsize=None)
def supported_tags() -> tuple[str, ...]:
    """Every language tag a pack serves, pack by pack in the order of their codes."""
    return tuple(t for code in available() for t in pack_info(code).tags)


@lru_cache(maxsize=None)
def tag_aliases() -> dict[str, str]:
    """Other tags (lower case) to the tag claimcheck names them by: `zh-tw` to zh-Hant, `en-gb` to en."""
    out = {}
    for code in available():
        out.update({k.lower(): v for k, v in pack_info(code).aliases.items()})
        out.update({t.lower(): t for t in pack_info(code).tags})
    return out


def _lexicon(code: str) -> dict:
    path = HERE / code / "lexicon.yaml"
    data = read_yaml(path)
    validated(Lexicon, data, path)
    return data


def _merged(base: dict, overlay: dict) -> dict:
    out = dict(base)
    for key, value in overlay.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


@lru_cache(maxsize=None)
def get_pack(tag: str) -> LangPack:
    """The pack of a language tag; a tag's script or region (`zh-Hant`) applies the lexicon's
    `variants:` entry of that name over the shared data."""
    code, _, variant = tag.partition("-")
    code = code.lower()
    if code not in available():
        raise KeyError(f"no language pack for {tag!r}")
    module = importlib.import_module(f"claims.lang.{code}")
    data = _lexicon(code)
    overlay = (data.pop("variants", None) or {}).get(variant)
    if overlay:
        data = _merged(data, overlay)
    lex = validated(Lexicon, data, HERE / code / "lexicon.yaml", f" (variant {variant})" if overlay else "")
    return LangPack(code=code, data=data, rules=PackRules(module, HERE / code / "__init__.py"), lex=lex,
                    info=pack_info(code))
