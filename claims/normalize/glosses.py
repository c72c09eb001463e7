"""Names written in two scripts side by side: 塔弗雷洛(Tavrelo), تاڤريلو (Tavrelo),
Tavrelo («Таврело»), Таврело (Tavrelo).

A newspaper glosses a foreign organisation once, then writes only its native form. The gloss tells
the checker both that the native form is a name and which Latin name it stands for, so the rest
of the article (and every other article) can be linked to it without an entity file.

`find_glosses(text, pack)` returns each pair with the native form trimmed to the name itself: the
words of a native run that sound like the Latin name (提尔马投资局 is kept with its translated tail
投资局 "Investment Authority", 运营商 "operator" before it is left out). A gloss whose Latin side is a
given name and a surname is a person's (رضا مصبوحي (Reda Mesbouhi)); its native words must then
all sound like the Latin ones.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from claims.normalize.names import fold, is_given_name, looks_like_org, name_parts, skeleton, sounds_alike

_LATIN_NAME = r"[A-Z][\w&.'’\-]*(?:\s+(?:[A-Z][\w&.'’\-]*|of|and|de|&))*"
# The Latin name in parentheses; the native run before it is read backwards from there (a scan
# anchored on the parenthesis, not a lazy run tried at every character).
_LATIN_IN_PARENS = re.compile(rf"[(（]\s*(?P<latin>{_LATIN_NAME})\s*[)）]")
_NATIVE_RUN_BEFORE = re.compile(r"[\p{Han}\p{Arabic}\p{Cyrillic}·・\s\-«»“”\"]{1,40}$")
# Latin name, then the native form in parentheses (quoted or not): the parenthesis is found first
# and the name read backwards from it, word by word (`_latin_then_native`). A pattern with the name
# in front, `_LATIN_NAME\s*[(（]`, took every run of capitalised words to its end and gave it back
# word by word from each of its words: quadratic when no parenthesis follows.
_NATIVE_IN_PARENS = re.compile(
    r"[(（]\s*[«“\"„]?(?P<native>[\p{Han}\p{Arabic}\p{Cyrillic}]"
    r"[\p{Han}\p{Arabic}\p{Cyrillic}·・\s\-]{0,40}?)[»”\"]?\s*[)）]")
_LATIN_WORD = re.compile(r"[\w&.'’\-]+")  # a word of _LATIN_NAME, as far as it goes
_LATIN_CAPITAL = re.compile(r"(?<![A-Za-z0-9])[A-Z]")  # where _LATIN_NAME may start
_SPACES = re.compile(r"\s*")
_LATIN_LINKS = {"of", "and", "de", "&"}  # the lower-case words inside _LATIN_NAME


@dataclass
class Gloss:
    start: int        # of the native form
    end: int
    native: str       # as written, trimmed to the name
    latin: str
    lead: str         # the transliterated head of the native form (提尔马 of 提尔马投资局), or native
    kind: str = "org"  # or "person": the Latin side is a given name and a surname

    @property
    def subject_id(self) -> str:
        return "org:" + fold(self.latin).replace(" ", "-")


def _person_like(latin: str) -> bool:
    words = latin.split()
    return len(words) >= 2 and is_given_name(words[0]) and not looks_like_org(latin)


def _trim_han(run: str, latin: str, translit: str) -> tuple[int, int] | None:
    """Where the name starts in a Han run before its gloss, and where its transliterated head ends:
    the start whose run of transliteration characters sounds most like the gloss's first word."""
    from rapidfuzz.distance import Levenshtein

    target = skeleton(name_parts(latin)[0])
    if not target:
        return None
    best = None
    for s in range(len(run) - 1, max(-1, len(run) - 16), -1):
        if run[s] not in translit:
            continue
        e = s
        while e < len(run) and run[e] in translit:
            e += 1
        lead = run[s:e]
        if len(lead) < 2:
            continue
        d = Levenshtein.distance(skeleton(lead), target)
        if d <= max(1, len(target) // 3) and (best is None or d < best[0] or (d == best[0] and e - s > best[2] - best[1])):
            best = (d, s, e)
    return (best[1], best[2]) if best else None


def _brand_before_suffix(run: str, pack) -> tuple[int, int] | None:
    """A Chinese brand that does not sound like its Latin name (沃瀾汽車 for Voltrenza Motors): the
    two characters before one of the pack's `org_suffixes` (汽車, 科技, 银行), and the suffix; not
    two characters that are a word (`not_brand_heads`: 通用人工智能(AGI) names no brand 人工)."""
    common = set(pack.lex.not_brand_heads)
    for suffix in sorted(pack.lex.org_suffixes, key=len, reverse=True):
        if run.endswith(suffix) and len(run) >= len(suffix) + 2:
            start = len(run) - len(suffix) - 2
            if run[start:start + 2] in common:
                return None
            return start, start + 2
    return None


def _trim_words(words: list[str], latin: str) -> int | None:
    """How many trailing native words (Arabic, Cyrillic) are the name: as many as sound like the
    Latin words, counted from the end; the first of them must sound like the Latin's first word."""
    lat = name_parts(latin)
    for k in range(min(len(words), len(lat) + 1), 0, -1):
        piece = words[len(words) - k:]
        if sounds_alike(_bare(piece[0]), lat[0]):
            return k
    return None


def _bare(word: str) -> str:
    """An Arabic word without the article or a one-letter proclitic glued to it (بشركة, وال)."""
    for p in ("وال", "بال", "لل", "ال"):
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word


@lru_cache(maxsize=4096)
def find_glosses(text: str, pack) -> list[Gloss]:
    """Every gloss of a sentence (cached: the reader asks for a sentence's glosses more than once)."""
    return scan_glosses(text, pack)


def scan_glosses(text: str, pack) -> list[Gloss]:
    """Every gloss of `text`, uncached (a whole article)."""
    out: list[Gloss] = []
    translit = pack.lex.translit_chars or ""
    for m in _LATIN_IN_PARENS.finditer(text):
        run = _NATIVE_RUN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if run is None or not re.search(r"[\p{Han}\p{Arabic}\p{Cyrillic}]", run.group(0)):
            continue
        latin = m.group("latin").strip()
        kind = "person" if _person_like(latin) else "org"
        native, base = run.group(0).rstrip(), run.start()
        han = re.search(r"[\p{Han}·・]+$", native)
        if han:
            if kind == "person":
                continue  # the Chinese pack reads glossed names of people itself
            native, base = han.group(0), base + han.start()
            span = _trim_han(native, latin, translit) or _brand_before_suffix(native, pack)
            if span is None:
                continue
            s, e = span
            out.append(Gloss(base + s, base + len(native), native[s:], latin, native[s:e]))
            continue
        words = list(re.finditer(r"[\p{Arabic}\p{Cyrillic}\-]+", native))
        if not words:
            continue
        k = _trim_words([w.group(0) for w in words], latin)
        if k is None:
            continue
        if kind == "person":
            lat = name_parts(latin)
            if k != len(lat) or not all(sounds_alike(_bare(w.group(0)), x) for w, x in zip(words[-k:], lat)):
                continue
        first = words[len(words) - k]
        s, e = base + first.start(), base + words[-1].end()
        name = text[s:e]
        out.append(Gloss(s, e, name, latin, name, kind))
    for latin, m in _latin_then_native(text):
        latin = latin.strip()
        if _person_like(latin):
            continue
        native = m.group("native").strip()
        if not native:
            continue
        s = m.start("native") + m.group("native").index(native)
        lead = native
        if re.fullmatch(r"[\p{Han}·・]+", native):
            span = _trim_han(native, latin, translit)
            if span is not None and span[0] == 0:
                lead = native[:span[1]]
        out.append(Gloss(s, s + len(native), native, latin, lead))
    return sorted(out, key=lambda g: g.start)


def _latin_then_native(text: str):
    """(Latin name, native match) for each `_LATIN_NAME\\s*` followed by _NATIVE_IN_PARENS, as a
    left-to-right search for the two would find them: the parenthesis first, then the words before
    it read backwards while each can continue a name (a capitalised word or one of _LATIN_LINKS,
    after spaces); the name starts at the first capital of the earliest of those words that has
    one. Linear: the words read back from a parenthesis stop at the first character before them
    that is neither a word nor a space (at the latest the previous parenthesis), so no word is
    read twice."""
    words = ends = None
    for m in _NATIVE_IN_PARENS.finditer(text):
        if words is None:
            words = [(w.start(), w.end()) for w in _LATIN_WORD.finditer(text)]
            ends = [e for _, e in words]
        k = bisect_right(ends, m.start()) - 1
        if k < 0 or not _SPACES.fullmatch(text, words[k][1], m.start()):
            continue
        start, j = None, k
        while True:
            a, b = words[j]
            capital = _LATIN_CAPITAL.search(text, a, b)
            if capital:
                start = capital.start()
            if j == 0 or not ("A" <= text[a] <= "Z" or text[a:b] in _LATIN_LINKS):
                break  # a word that cannot follow another in a name: the name starts in it or after it
            if not _SPACES.fullmatch(text, words[j - 1][1], a):
                break
            j -= 1
        if start is not None:
            yield text[start:words[k][1]], m


def with_glossed_people(text: str, pack, found: list) -> list:
    """`found` (a pack's NameMentions) with each glossed person as one mention of the native name
    and its Latin gloss: "رضا مصبوحي (Reda Mesbouhi)", "Надира Бузельмата (Nadir Bouzelmat)".
    A nominative the pack worked out for the same words is kept as the name."""
    from claims.normalize.names import NameMention

    out = list(found)
    for g in find_glosses(text, pack):
        if g.kind != "person":
            continue
        end = text.index(")", g.end) + 1 if ")" in text[g.end:g.end + 80] else g.end
        same = [o for o in out if g.start <= o.start < end or o.start <= g.start < o.end]
        name = same[0].name if same else g.native
        out = [o for o in out if o not in same]
        out.append(NameMention(g.start, end, text[g.start:end], name, latin=g.latin, aliases=[g.latin]))
    return out
