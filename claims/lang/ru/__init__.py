"""Russian pack rules: names of people and their nominative forms."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from claims.normalize.glosses import with_glossed_people
from claims.normalize.names import NameMention, latin_people

_PAIR = re.compile(r"(?<![\p{L}-])(?P<first>[А-ЯЁ][а-яё]+)\s+(?P<last>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\p{L}])")
# Case endings of surnames, oblique -> nominative, longest first; tried only when the given name
# shows the case (Якобом is instrumental, so Пачоцким is Пачоцкий).
_SURNAME_ENDINGS = {
    "ablt": [("ским", "ский"), ("цким", "цкий"), ("ым", "ый"), ("им", "ий"), ("ом", ""), ("ем", ""), ("ой", "ая")],
    "gent": [("ского", "ский"), ("цкого", "цкий"), ("ого", "ый"), ("его", "ий"), ("ой", "ая"), ("а", ""), ("я", "й")],
    "accs": [("ского", "ский"), ("цкого", "цкий"), ("ого", "ый"), ("его", "ий"), ("ую", "ая"), ("а", ""), ("я", "й")],
    "datv": [("скому", "ский"), ("цкому", "цкий"), ("ому", "ый"), ("ему", "ий"), ("ой", "ая"), ("у", ""), ("ю", "й")],
    "loct": [("ском", "ский"), ("цком", "цкий"), ("ом", "ый"), ("ой", "ая"), ("е", "")],
}
_NOT_NAMES = {"Financial", "Times"}


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def given_name(word: str):
    """(nominative, case) when pymorphy3 knows the word as a given name, else None."""
    names = [p for p in _morph().parse(word) if "Name" in p.tag]
    if not names:
        return None
    best = next((p for p in names if p.tag.case == "nomn"), names[0])
    return (word if best.tag.case == "nomn" else best.normal_form.capitalize()), best.tag.case


def nominative_surname(word: str, case: str | None) -> str:
    for end, repl in _SURNAME_ENDINGS.get(case or "", []):
        if word.lower().endswith(end) and len(word) - len(end) >= 3:
            return word[: len(word) - len(end)] + repl
    return word


@lru_cache(maxsize=4)
def _gap(pack):
    """What may stand between a title and its holder: a gap word, Latin names (of the company)."""
    return re.compile(rf"\s*(?:(?:{'|'.join(pack.get('title_gap_words') or ['(?!)'])})\s+)?(?:[A-Z][\w\-]+\s+)*")


def find_people(text: str, pack) -> list[NameMention]:
    out: list[NameMention] = []
    # Right after a title, two capitalised words are a name even when pymorphy3 does not know the
    # given name (финансового директора Чжоу Минь, главный научный сотрудник Аника Брандт).
    for _, title in pack.lexicon_patterns["titles"]:
        for t in title.finditer(text):
            gap = _gap(pack).match(text[t.end():t.end() + 60])
            m = _PAIR.match(text, t.end() + gap.end())
            if m and not given_name(m.group("first")):
                out.append(NameMention(m.start(), m.end(), m.group(0), f"{m.group('first')} {m.group('last')}"))
    for m in _PAIR.finditer(text):
        first, last = m.group("first"), m.group("last")
        known = given_name(first)
        if not known or any(n.start == m.start() for n in out):
            continue
        nominative, case = known
        name = f"{nominative} {nominative_surname(last, case if case != 'nomn' else None)}"
        out.append(NameMention(m.start(), m.end(), m.group(0), name))
    out = with_glossed_people(text, pack, out)
    titles = [p for _, p in pack.lexicon_patterns["titles"]]
    out += [n for n in latin_people(text, titles, reject=_NOT_NAMES) if not any(o.start <= n.start < o.end for o in out)]
    return sorted(out, key=lambda n: n.start)


def short_forms(name: str) -> list[str]:
    """A surname alone, in any case: Творек, Творека, Твореком."""
    parts = name.split()
    return [parts[-1]] if len(parts) >= 2 and len(parts[-1]) >= 3 else []


def same_word(a: str, b: str) -> bool:
    """Творека and Творек are one surname: equal once a case ending is taken off."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and len(long_) - len(short) <= 2 and len(short) >= 4
