"""Names of people and organisations, and how one name is recognised in another script.

Finding names is per script, with the language pack's data:
- Chinese: a run of transliteration characters around "·", or any Han run before a Latin gloss in
  parentheses (马克·陈(Mark Chen), 約翰舒爾曼(John Schulman)), trimmed to the characters whose
  pinyin sounds like the gloss;
- Cyrillic: two capitalised words, brought to the nominative by the Russian pack's rules;
- Latin: two or three capitalised words;
- Arabic: the words beside a title, a colon or a list dash (Arabic has no capitals to go by);
- everywhere: the names of the entity data file (claims/data/entities.yaml and user files).

Linking across scripts compares a consonant skeleton: each name is romanised (a transliteration
table for Cyrillic and Arabic, pypinyin for Han) and reduced to classes of consonants that
transliteration keeps apart (t/d, r/l, f/v/w, ...), so Tworek, Творек, 特沃雷克 and توورك all read
TFRK. Two people are one only when both their given names and surnames agree.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex as re

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                 "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
_ARA = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى",
                ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh", "f",
                 "q", "k", "l", "m", "n", "h", "w", "y", "", "a", "a", "i", "w", "y", "a", "a"]))
# Letters Arabic script borrows for foreign sounds (ڤ v, پ p, چ ch, گ g) and Persian forms.
_ARA.update({"ڤ": "v", "پ": "p", "چ": "ch", "گ": "g", "ک": "k", "ی": "y"})
# Consonant classes that survive transliteration between Latin, Cyrillic, Arabic and pinyin.
_CLASSES = [("shch", "S"), ("sch", "S"), ("tch", "C"), ("dzh", "C"), ("zh", "C"), ("ch", "C"), ("sh", "S"),
            ("ng", "N"), ("ph", "F"), ("th", "T"), ("kh", "K"), ("gh", "K"), ("ck", "K"), ("ts", "C"), ("tz", "C"), ("x", "KS"),
            ("q", "K"), ("c", "K"), ("k", "K"), ("g", "K"), ("j", "C"), ("t", "T"), ("d", "T"), ("b", "P"),
            ("p", "P"), ("f", "F"), ("v", "F"), ("w", "F"), ("s", "S"), ("z", "S"), ("r", "R"), ("l", "R"),
            ("m", "M"), ("n", "N")]


# Pure and called per pair of names by linking and the store: cached.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase ASCII letters of a Latin name: Jakub Pachocki -> jakub pachocki."""
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"\s+", " ", "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
                  .replace("-", " ").replace(".", " ")).strip()


# Pure and called per pair of names by linking and the store: cached.
@lru_cache(maxsize=1 << 16)
def romanize(text: str) -> str:
    out = []
    text = text.lower()
    for i, ch in enumerate(text):
        if ch in _CYR:
            out.append(_CYR[ch])
        elif ch in "وي" and i > 0 and text[i - 1] in _ARA and text[i - 1] not in "اوىي":
            out.append("u" if ch == "و" else "i")  # inside a word, و and ي write the vowels u/o and i/e
        elif ch in _ARA:
            out.append(_ARA[ch])
        elif "\u4e00" <= ch <= "\u9fff":
            out.append(_pinyin(ch))
        elif ch in "·・‧•-":
            out.append(" ")
        else:
            out.append(ch)
    return fold("".join(out))


# Pinyin initials spelled the way Latin-script names spell those sounds (q is "ch", x is "sh").
_PINYIN_INITIALS = [("zh", "j"), ("ch", "ch"), ("sh", "sh"), ("q", "ch"), ("x", "sh"), ("c", "ts"), ("z", "dz")]


@lru_cache(maxsize=4096)
def _pinyin(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin

    syllable = lazy_pinyin(_t2s().convert(ch), style=Style.NORMAL)[0]
    for initial, spelled in _PINYIN_INITIALS:
        if syllable.startswith(initial):
            return spelled + syllable[len(initial):]
    return syllable


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


# Pure and called per pair of names by linking and the store: cached.
@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """Consonant classes of one romanised word, doubled letters and vowels dropped."""
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]  # the Arabic article of a family name (الحداد): no consonant of the name
    w = re.sub(r"[^a-z]", "", romanize(word))
    out = []
    i = 0
    while i < len(w):
        for src, cls in _CLASSES:
            if w.startswith(src, i):
                out.append(cls)
                i += len(src)
                break
        else:
            i += 1  # vowels, h, y
    collapsed = [c for j, c in enumerate(out) if j == 0 or c != out[j - 1]]
    return "".join(collapsed)


def sounds_alike(a: str, b: str) -> bool:
    """Do two single name words sound alike across scripts? (Tworek / 特沃雷克 / توورك)"""
    from rapidfuzz.distance import Levenshtein

    for sa in skeleton_variants(a):
        for sb in skeleton_variants(b):
            if not sa or not sb:
                continue
            if sa == sb:
                return True
            # One class may be lost or changed in transliteration, never more; short ones must be equal.
            if max(len(sa), len(sb)) >= 3 and Levenshtein.distance(sa, sb) <= 1:
                # ...a first consonant may be lost (Altman, 奥特曼), not changed (Tworek, Dworek).
                if sa[0] == sb[0] or sa[1:] == sb or sb[1:] == sa:
                    return True
    return False


def skeleton_variants(word: str) -> set[str]:
    """The skeletons a name word may have in another script. A leading J is /dʒ/ in Jerry (Джерри)
    but /j/ in Jakub (Якоб, 雅庫布); a leading H, silent in the skeleton, is written Х in Cyrillic
    (Haddad, Хаддад; Han, Хань); a pinyin Q is the Ц, 齐, تش of other scripts (Qiming, Цимин)."""
    sk = skeleton(word)
    out = {sk}
    if sk.startswith("C") and len(sk) > 1:
        out.add(sk[1:])
    low = romanize(word)
    if low.startswith("h"):
        out.add("K" + sk)
    if low.startswith("q") and sk.startswith("K"):
        out.add("C" + sk[1:])
    return out


def name_parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s·・‧•\-]+", name) if p]


def same_person(a: str, b: str) -> bool:
    """Two full names of one person: as many parts, each pair sounding alike."""
    pa, pb = name_parts(a), name_parts(b)
    if fold(a) == fold(b):
        return True
    if a.isascii() and b.isascii():
        return False  # two Latin spellings that differ are two people (Mark Chen, Mark Chan)
    if len(pa) < 2 or len(pb) < 2:
        return False
    # A Chinese name without a dot is one part: split it by sound against the other name.
    return sounds_alike(pa[-1], pb[-1]) and sounds_alike(pa[0], pb[0])


def same_org(a: str, b: str) -> bool:
    """هيليون روبوتيكس and Helion Robotics: one Latin and one other script, every word alike."""
    if fold(a) == fold(b):
        return True
    if a.isascii() == b.isascii():
        return False
    pa, pb = name_parts(a), name_parts(b)
    if len(pa) != len(pb):
        return False
    if len(pa) == 1:
        # One word is little to go on: three sounds must all be there, none lost or changed (Tokri
        # is not دكان); from four on, one may change in transliteration (Lumaveth, 卢玛维思).
        shortest = min(len(skeleton(pa[0])), len(skeleton(pb[0])))
        if shortest < 3:
            return False
        if shortest == 3:
            return bool(skeleton_variants(pa[0]) & skeleton_variants(pb[0]))
    return all(sounds_alike(x, y) for x, y in zip(pa, pb))


def han_matches_latin(han: str, latin: str) -> bool:
    """马克·陈 vs Mark Chen; 约翰舒尔曼 (no dot) vs John Schulman."""
    parts = name_parts(han)
    lat = name_parts(latin)
    if len(parts) >= 2:
        return same_person(han, latin)
    return bool(lat) and skeleton(han) == "".join(skeleton(p) for p in lat)


def trim_to_gloss(han_run: str, latin: str, translit: str, stop: str = "") -> int:
    """Where the name starts in a Han run that ends right before a Latin gloss: the suffix whose
    skeleton matches the gloss best. Characters outside the transliteration table cost half a
    consonant, so 约翰舒尔曼 is found whole and 总裁 is left out; a `stop` character (的, 和, …)
    ends the search."""
    from rapidfuzz.distance import Levenshtein

    target = "".join(skeleton(p) for p in name_parts(latin))
    best, best_start = None, None
    for start in range(len(han_run) - 1, max(-1, len(han_run) - 13), -1):
        piece = han_run[start:]
        if piece[0] in stop:
            break
        if piece[0] in "·・":
            continue
        foreign = sum(1 for ch in piece if ch not in translit and ch not in "·・")
        d = Levenshtein.distance("".join(skeleton(p) for p in name_parts(piece)), target) + 0.5 * foreign
        if best is None or d < best or (d == best and (piece[0] in translit or "·" in piece)):
            best, best_start = d, start
    if best_start is None or best is None or best > max(1, len(target) // 2):
        return -1
    return best_start


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    """Words that make a run of capitalised words an organisation (claims/data/org_words.yaml)."""
    from pathlib import Path

    import yaml

    path = Path(__file__).resolve().parents[1] / "data" / "org_words.yaml"
    return frozenset(yaml.safe_load(path.read_text(encoding="utf-8"))["org_words"])


def looks_like_org(name: str) -> bool:
    """A run of capitals that is an organisation, or a place (neither is a person)."""
    return bool(set(name.split()) & org_words()) or is_place(name)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Capitalised place names and the words for their people (claims/data/places.yaml), and the
    places of claims/data/geonames_places.txt."""
    from pathlib import Path

    import yaml

    data_dir = Path(__file__).resolve().parents[1] / "data"
    data = yaml.safe_load((data_dir / "places.yaml").read_text(encoding="utf-8"))
    # GeoNames' countries, US states and big cities (claims/data/geonames_places.py made the file).
    geonames = [line for line in (data_dir / "geonames_places.txt").read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
    return frozenset(data["places"]) | frozenset(data.get("demonyms") or []) | frozenset(geonames)


_COMPASS = re.compile(r"(?:Central|Eastern|Western|Northern|Southern|North|South|East|West|North-?east|North-?west|"
                      r"South-?east|South-?west|Greater|Upper|Lower|Inner|Outer|Mainland|Continental|Sub-Saharan|Coastal)\s+")


def is_place(name: str) -> bool:
    """A place named in the data, or one with a compass word before it ("Central Europe",
    "Southeast Asia", "Greater China", "Northern Nigeria")."""
    if name in places() or name.title() in places():
        return True
    m = _COMPASS.match(name)
    return bool(m) and is_place(name[m.end():])


@lru_cache(maxsize=1)
def pinyin_surnames() -> frozenset[str]:
    """Chinese surnames in pinyin (Zhou, Lin, Wang), from the Chinese pack's `surnames`: a Latin
    name that starts with one is written family name first."""
    from pypinyin import lazy_pinyin

    from claims.lang import get_pack

    return frozenset("".join(lazy_pinyin(_t2s().convert(s))).capitalize() for s in get_pack("zh").get("surnames") or [])


def family_name(latin: str) -> str:
    """Zhou Min -> Zhou; Jerry Tworek -> Tworek."""
    parts = latin.split()
    if len(parts) == 2 and parts[0] in pinyin_surnames() and len(parts[1]) <= 8:
        return parts[0]
    return parts[-1] if parts else latin


# A capitalised word of a name in any Latin alphabet (Aydın, Wójcik, Bjørn, O'Neill, Mei-ling), not
# a place made an adjective ("Lagos-based": the word ends before the hyphen, and the run is dropped).
_ADJECTIVE_SUFFIXES = r"(?:based|listed|born|headquartered|owned|backed|registered|made|run|led|founded|focused|centred|centered)"
_UP, _LOW = r"(?:[\p{Lu}&&\p{Latin}]\p{M}*)", r"(?:[\p{Ll}&&\p{Latin}]\p{M}*)"
_NAME_WORD = rf"{_UP}{_LOW}+(?:['’]{_UP}{_LOW}+|-(?!{_ADJECTIVE_SUFFIXES}(?!\p{{L}})){_UP}?{_LOW}+)*"
# Lower-case particles inside a name: Pieter van der Merwe, Ana de la Cruz, Khalid bin Salman.
_PARTICLE = r"(?:van|von|der|den|de|da|das|do|dos|del|della|di|du|la|le|bin|binti|ibn|al|el|ter|ten|af|zu|y)"
# Two to four such words, a middle initial allowed: Jerry Tworek, Mary J. Blige, Pieter van der Merwe.
_LATIN_RUN = re.compile(rf"(?V1)(?<![\p{{Latin}}\p{{M}}]){_NAME_WORD}(?:\s+{_UP}\.)?"
                        rf"(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD}){{1,3}}(?![\p{{Latin}}\p{{M}}])")
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?\s+$")
# An honorific and a surname alone (Mr Garba, Dr Okafor) name a person too.
_HONORIFIC_NAME = re.compile(rf"(?V1)(?<![\p{{Latin}}\p{{M}}])(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+(?P<name>{_NAME_WORD})(?![\p{{Latin}}\p{{M}}])")


# "X, 31, and Y": an age in commas after a name (organisations are not given one).
_AGE_AFTER = re.compile(r"\s*[,،]\s*(?:both |all |each |aged )?\d{1,2}\s*[,،]")
# "Ngozi and Chidi Okeke": a given name alone, joined to a full name, shares its family name.
_SHARED_SURNAME = re.compile(rf"(?V1)(?<![\p{{Latin}}\p{{M}}])(?P<given>{_NAME_WORD})\s+(?:and|&)\s+$")


def _ends_with(patterns, before: str, strip: str = " ,:：，") -> bool:
    """Whether one of the compiled `patterns` matches right at the end of `before`."""
    end = len(before.rstrip(strip))
    return any(t.end() == end for p in patterns if p is not None for t in p.finditer(before))


def _led_title_after(after: str, leads, fillers, titles) -> bool:
    """Whether a title lead word and a title follow the name ("X as chief executive")."""
    if leads is None:
        return False
    pos = len(after) - len(after.lstrip())
    m = leads.match(after, pos)
    if m is None:
        return False
    pos = m.end()
    while True:
        rest = after[pos:]
        pos += len(rest) - len(rest.lstrip())
        f = fillers.match(after, pos) if fillers is not None else None
        if f is None or f.end() == pos:
            break
        pos = f.end()
    return _starts_with(titles, after[pos:])


def _starts_with(patterns, after: str) -> bool:
    """Whether one of the compiled `patterns` matches at the first word of `after`."""
    pos = len(after) - len(after.lstrip())
    return any(p.match(after, pos) for p in patterns if p is not None)


@lru_cache(maxsize=1)
def _given_name_detector():
    """gender-guesser ships a dictionary of some 40,000 given names of many countries (nam_dict)."""
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


@lru_cache(maxsize=8192)
def is_given_name(word: str) -> bool:
    """A given name somewhere in the world (Layla, Jakub, Priya, Xiaoming), or a Chinese surname
    in pinyin (Zhou Min is written family name first)."""
    return _given_name_detector().get_gender(word) != "unknown" or word.capitalize() in pinyin_surnames()


def latin_people(text: str, titles=(), *, skip_first=frozenset(), reject=frozenset(), pack=None) -> list["NameMention"]:
    """People named in Latin script in any language's text. Capitals alone do not make a person
    ("Dune Pay", "Wadi Ventures", "Google Gemini" are not): the run must carry evidence of its own.
    - its first word is a known given name, or an honorific stands before it;
    - a title stands right before it (`titles`: compiled patterns of the pack), or right after
      its comma, with an age or the pack's `apposition_words` between ("X, 39, chief executive");
    - a word of the pack's `person_cues_before` stands right before it ("said X", "hired X"), or
      one of `person_cues_after` right after it ("X stepped down"), or one of `person_relatives`
      after its comma ("X, who ...");
    - it is coordinated with a person found so ("X and Y", "X, Y and Z").
    `skip_first` are capitalised words that start a run without being part of a name (The, In)."""
    cues_before = [pack.compile(pack.lex.person_cues_before)] if pack is not None else []
    cues_after = [pack.compile(pack.lex.person_cues_after)] if pack is not None else []
    relatives = [pack.compile(pack.lex.person_relatives)] if pack is not None else []
    # "Beta's X as chief executive": a lead word of a title right after a name told as an
    # organisation's (an organisation itself is run "as" nothing: "ran Acme as chief executive").
    leads = pack.compile(pack.lex.title_leads) if pack is not None else None
    fillers = pack.compile(pack.lex.title_lead_fillers) if pack is not None else None
    descriptors = [pack.compile(pack.lex.org_descriptors)] if pack is not None else []
    appos = "|".join(pack.lex.apposition_words) if pack is not None else ""
    appos_re = re.compile(rf"\s*,\s*(?:\d{{1,3}}\s*,\s*)?(?:(?:{appos})\s+)*" if appos else r"\s*,\s*(?:\d{1,3}\s*,\s*)?", re.I)
    found, maybe = [], []
    for m in _LATIN_RUN.finditer(text):
        spans = list(re.finditer(r"\S+", text, pos=m.start(), endpos=m.end()))
        titled_run = False
        while spans and (spans[0].group(0) in skip_first or any(p.fullmatch(spans[0].group(0)) for p in titles if p)):
            titled_run = titled_run or spans[0].group(0) not in skip_first  # "Founder Lin Xiaofeng"
            spans = spans[1:]
        words = [w.group(0) for w in spans]
        if text[m.end():m.end() + 1] in ("-", "‑") and text[m.end() + 1:m.end() + 2].isalpha():
            continue  # "Abu Dhabi-based", "Dubai-listed": an adjective made of a place
        name = " ".join(words)  # one space between the words, however many the text has
        if len(words) < 2 or looks_like_org(name) or set(words) & reject:
            continue
        start = spans[0].start()
        mention = NameMention(start, m.end(), text[start:m.end()], name, latin=name)
        before = text[max(0, start - 40):start]
        after = text[m.end():m.end() + 60]
        if _ends_with(descriptors, before):
            continue  # "payments firm Sika Rails", "drone maker X": an organisation named after its kind
        gap = appos_re.match(after)
        evidence = (titled_run or is_given_name(words[0]) or _HONORIFIC.search(before) or _ends_with(titles, before)
                    or _ends_with(cues_before, before)
                    or _starts_with(cues_after, after)
                    or _AGE_AFTER.match(after)
                    or (gap and (_starts_with(titles, after[gap.end():]) or _starts_with(relatives, after[gap.end():])))
                    or re.search(r"['’]s?\s*$", before) and _led_title_after(after, leads, fillers, titles))
        (found if evidence else maybe).append(mention)
    # "X and Y", "X, Y and Z": a run coordinated with a person is a person.
    changed = True
    while changed and maybe:
        changed = False
        for cand in list(maybe):
            for person in found:
                lo, hi = sorted((cand, person), key=lambda n: n.start)
                if re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+&)\s*", text[lo.end:hi.start]):
                    found.append(cand)
                    maybe.remove(cand)
                    changed = True
                    break
    for person in list(found):
        m = _SHARED_SURNAME.search(text, max(0, person.start - 40), person.start)
        words = person.name.split()
        if m and len(words) == 2 and m.group("given") not in skip_first and not looks_like_org(m.group("given")) \
                and not any(n.start <= m.start() < n.end for n in found):
            name = f"{m.group('given')} {words[-1]}"
            found.append(NameMention(m.start(), m.end("given"), m.group("given"), name, latin=name))
    for m in _HONORIFIC_NAME.finditer(text):
        s, e = m.span("name")
        if not any(n.start <= s < n.end for n in found) and not looks_like_org(m.group("name")):
            found.append(NameMention(s, e, m.group("name"), m.group("name"), latin=m.group("name")))
    return sorted(found, key=lambda n: n.start)


@dataclass
class NameMention:
    start: int
    end: int
    text: str           # as written
    name: str           # as the subject is named (nominative, gloss removed)
    kind: str = "person"
    latin: Optional[str] = None   # a Latin form, from a gloss or the text itself
    entity: Optional[str] = None  # an id from the entity data file
    aliases: list[str] = field(default_factory=list)
