"""Arabic pack rules: names of people. Arabic has no capitals, so a name is found by where it
stands: before a colon or the Arabic comma that introduces a title, at the head of a list item,
right after a title, or right after a verb that introduces a person (the pack's `person_verbs`:
غادر، انضم، قالت ...). A name is two words, neither with the article ال nor a function word."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from claims.normalize.glosses import with_glossed_people
from claims.normalize.names import NameMention, latin_people

_WORD = r"[\u0621-\u065F\u0671-\u06D3]{2,}"
_BEFORE_TITLE = re.compile(rf"(?:^|(?<=[\s\-–—:]))(?P<name>{_WORD}\s+{_WORD})\s*[:،,]\s*")


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """The lexicon's `not_name_words` and every word of its month names (مطلع كانون is no name)."""
    from claims.lang import get_pack

    pack = get_pack("ar")
    months = {w for key in (pack.get("months") or {}) for alt in key.split("|") for w in alt.split()}
    return frozenset(pack.get("not_name_words") or []) | months


def _is_name(words: list[str]) -> bool:
    stop = _not_name_words()
    return len(words) in (2, 3) and not any(w in stop or w.startswith(("ال", "وال", "بال", "لل")) for w in words)


@lru_cache(maxsize=4)
def _after_lead(pack):
    """A name right after a title or verb, with the pack's gap words allowed between ("الرئيس
    التنفيذي للشركة نذير بوزلماط"): two words, or three before a comma (هان تشي مينغ،)."""
    gap = "|".join(pack.get("title_gap_words") or [])
    gap = rf"(?:\s+(?:{gap}))?" if gap else ""
    three = re.compile(rf"{gap}\s+(?P<name>{_WORD}\s+{_WORD}(?:\s+{_WORD}(?=\s*[،,.:؛(]))?)(?![\u0621-\u064A])")
    two = re.compile(rf"{gap}\s+(?P<name>{_WORD}\s+{_WORD})(?![\u0621-\u064A])")
    return three, two


def find_people(text: str, pack) -> list[NameMention]:
    out: list[NameMention] = []
    titles = [p for _, p in pack.lexicon_patterns["titles"]]
    # After a title or a verb that introduces a person: "الرئيسة التنفيذية دانا ويتفيلد".
    leads = [p for p in titles] + [q for q in [pack.compile(pack.get("person_verbs") or [])] if q is not None]
    three, two = _after_lead(pack)
    for lead in leads:
        for t in lead.finditer(text):
            window = text[t.end():t.end() + 60]
            m = three.match(window)
            if m and not _is_name(m.group("name").split()):
                m = two.match(window)
            if not m or not _is_name(m.group("name").split()):
                continue
            s = t.end() + m.start("name")
            if any(n.start <= s < n.end for n in out):
                continue
            out.append(NameMention(s, s + len(m.group("name")), m.group("name"), m.group("name")))
    for m in _BEFORE_TITLE.finditer(text):
        if not _is_name(m.group("name").split()) or any(n.start <= m.start("name") < n.end for n in out):
            continue
        rest = text[m.end():m.end() + 40]
        if not any(p.match(rest) for p in titles):
            continue
        out.append(NameMention(m.start("name"), m.end("name"), m.group("name"), m.group("name")))
    out = with_glossed_people(text, pack, out)
    titles = [p for _, p in pack.lexicon_patterns["titles"]]
    out += [n for n in latin_people(text, titles) if not any(o.start <= n.start < o.end for o in out)]
    return sorted(out, key=lambda n: n.start)


def short_forms(name: str) -> list[str]:
    parts = name.split()
    return [parts[-1]] if len(parts) >= 2 and len(parts[-1]) >= 3 else []
