"""Chinese pack rules: names of people, which Chinese writes without capitals or spaces."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from claims.normalize.names import NameMention, latin_people, trim_to_gloss

_GLOSS = re.compile(r"(?P<han>[\p{Han}·・]{2,24})\s*[(（]\s*(?P<latin>[A-Z][A-Za-z.'\- ]{1,60}?)\s*[)）]")


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
    # The characters inside a name already found, one byte each: a later name starting there is
    # part of it (a look-up per name, not a scan of every name found so far).
    taken = bytearray(len(text) + 1)

    def take(names: list[NameMention]) -> None:
        for n in names:
            taken[n.start:n.end] = b"\x01" * (n.end - n.start)

    take(out)
    for m in _patterns(pack)["dotted"].finditer(text):
        if taken[m.start()]:
            continue
        out.append(NameMention(m.start(), m.end(), m.group(0), m.group(0)))
        take(out[-1:])
    natives = [n for n in native_names(text, pack) if not taken[n.start]]
    out += natives
    take(natives)
    titles = [p for _, p in pack.lexicon_patterns["titles"]]
    out += [n for n in latin_people(text, titles) if not taken[n.start]]
    return sorted(out, key=lambda n: n.start)


@lru_cache(maxsize=8)
def _patterns(pack) -> dict:
    """The pack's name patterns, compiled once: a dotted transliteration, a native name, and a
    native name before a speech verb."""
    translit = pack.get("translit_chars", "")
    sur = "|".join(sorted(pack.get("surnames") or ["(?!)"], key=len, reverse=True))
    name = rf"(?P<name>(?:{sur})[^\W\d{pack.get('name_end_chars', '')}]{{1,2}})"
    verbs = "|".join(sorted(pack.get("speech_verbs") or [], key=len, reverse=True))
    return {
        "dotted": re.compile(rf"[{translit}]{{1,5}}[·・][{translit}]{{1,6}}"),
        "name": re.compile(name),
        "before_verb": re.compile(rf"(?<![\p{{Han}}]){name}(?={verbs})|(?<=[，,。、：:；“\s]){name}(?={verbs})")
        if verbs else None,
    }


def native_names(text: str, pack) -> list[NameMention]:
    """Chinese names (周敏, 林晓峰): a known surname and one or two more characters, right after a
    title or right before a speech verb, ending where a verb or particle starts."""
    surnames = pack.get("surnames") or []
    if not surnames:
        return []
    patterns = _patterns(pack)
    out: list[NameMention] = []
    # Words a surname character starts that are no name: 周一 (Monday), 高管 (executives)...
    not_names = tuple(pack.get("not_name_words") or ())
    leads = [p for _, p in pack.lexicon_patterns["titles"]]
    for lead in leads:
        for t in lead.finditer(text):
            m = patterns["name"].match(text, t.end(), t.end() + 4)
            if m and m.group("name").startswith(not_names):
                continue
            if m and re.match(r"\p{Han}", m.group("name")[-1]):
                s = t.end()
                out.append(_native(m.group("name"), s, surnames))
    if patterns["before_verb"] is not None:
        for m in patterns["before_verb"].finditer(text):
            if not m.group("name").startswith(not_names):
                out.append(_native(m.group("name"), m.start("name"), surnames))
    seen, unique = set(), []
    for n in sorted(out, key=lambda n: n.start):
        if n.start not in seen:
            seen.add(n.start)
            unique.append(n)
    return unique


def _native(name: str, start: int, surnames: list[str]) -> NameMention:
    """A native name with its pinyin (周敏 -> Zhou Min), the form English and Russian news use."""
    from pypinyin import lazy_pinyin

    from claims.normalize.names import _t2s

    surname = next(s for s in sorted(surnames, key=len, reverse=True) if name.startswith(s))
    simplified = _t2s().convert(name)
    family = "".join(lazy_pinyin(simplified[:len(surname)])).capitalize()
    given = "".join(lazy_pinyin(simplified[len(surname):])).capitalize()
    return NameMention(start, start + len(name), name, name, latin=f"{family} {given}", aliases=[f"{family} {given}"])


def short_forms(name: str) -> list[str]:
    """Later mentions of 杰瑞·特沃雷克 say 特沃雷克: each part of two or more characters; a native
    name (周敏) is its own short form."""
    parts = [p for p in re.split(r"[·・]", name) if len(p) >= 2]
    return parts if len(parts) > 1 or len(name) <= 4 else parts


def find_orgs(text: str, pack) -> list[tuple[str, str]]:
    """Chinese companies the text names without a gloss: two characters and one of the pack's
    `org_suffixes` (翎岳汽車, 青云能源), right after a word that introduces a company (对手, 旗下,
    与: the pack's `org_leads`) or a punctuation mark, the two characters not a common word
    (`not_brand_heads`: 中国, 全球, 电动). Returns (name, brand) pairs: 翎岳汽車 is later 翎岳."""
    suffixes = pack.get("org_suffixes") or []
    leads = pack.get("org_leads") or []
    if not suffixes or not leads:
        return []
    pattern = _org_pattern(tuple(suffixes), tuple(leads))
    stop = set(pack.get("not_brand_heads") or [])
    out = []
    for m in pattern.finditer(text):
        head = m.group("head")
        if head not in stop and not any(ch in (pack.get("name_stop_chars") or "") for ch in head):
            out.append((head + m.group("suffix"), head))
    return out


@lru_cache(maxsize=8)
def _org_pattern(suffixes: tuple[str, ...], leads: tuple[str, ...]) -> "re.Pattern":
    suffix = "|".join(sorted(suffixes, key=len, reverse=True))
    lead = "|".join(sorted(leads, key=len, reverse=True))
    return re.compile(rf"(?:(?<=^)|(?<=[，,。、：:；“「（(\s])|(?<={lead}))(?P<head>\p{{Han}}{{2}})(?P<suffix>{suffix})")
