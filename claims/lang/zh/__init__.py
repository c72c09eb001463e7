"""Chinese pack rules: names of people, which Chinese writes without capitals or spaces."""
from __future__ import annotations

import regex as re

from claims.normalize.names import NameMention, looks_like_org, trim_to_gloss

_GLOSS = re.compile(r"(?P<han>[\p{Han}·・]{2,24})\s*[(（]\s*(?P<latin>[A-Z][A-Za-z.'\- ]{1,60}?)\s*[)）]")
_LATIN = re.compile(r"(?<![A-Za-z])(?P<latin>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})(?![A-Za-z])")


def find_people(text: str, pack) -> list[NameMention]:
    translit = pack.get("translit_chars", "")
    out: list[NameMention] = []
    for m in _GLOSS.finditer(text):
        latin = m.group("latin").strip()
        if len(latin.split()) < 2:
            continue
        start = trim_to_gloss(m.group("han"), latin, translit, pack.get("name_stop_chars", ""))
        if start < 0:
            continue
        han = m.group("han")[start:].strip("·・")
        out.append(NameMention(m.start("han") + start, m.end(), m.group(0)[start:], han, latin=latin,
                               aliases=[latin]))
    dotted = re.compile(rf"[{translit}]{{1,5}}[·・][{translit}]{{1,6}}")
    for m in dotted.finditer(text):
        if any(n.start <= m.start() < n.end for n in out):
            continue
        out.append(NameMention(m.start(), m.end(), m.group(0), m.group(0)))
    for m in _LATIN.finditer(text):
        if looks_like_org(m.group(0)):
            continue
        if any(n.start <= m.start() < n.end for n in out):
            continue
        out.append(NameMention(m.start(), m.end(), m.group(0), m.group(0), latin=m.group(0)))
    return sorted(out, key=lambda n: n.start)


def short_forms(name: str) -> list[str]:
    """Later mentions of 杰瑞·特沃雷克 say 特沃雷克: each part of two or more characters."""
    return [p for p in re.split(r"[·・]", name) if len(p) >= 2]
