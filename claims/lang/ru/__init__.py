"""Russian pack rules: names of people and organisations, and their nominative forms.

A person is two capitalised words (three for a name of syllables: Ли Су Хён) whose first word
pymorphy3's dictionary knows as a given name, or, for names it does not know (transliterated
Korean, Japanese, Nigerian, Indian names), two capitalised words the text itself marks as a
person: a title or a word for a profession right before them, an age right before or after them
(«28-летняя», «, 46 лет,», «, которому 63 года»), a verb whose subject is a person beside them
(the pack's `person_verbs` and its move words: «сказал», «покинула»), or another person they are
joined to by «и». A name is put back in the nominative from the case that governs it: the given
name's own case, or the case of the title before it (технического директора Окечукву Адебайо).
An organisation is a short name in «» (the Russian way of writing one), put in the nominative
the same way («Полярного Ветра» is Полярный Ветер).
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from claims.normalize.glosses import with_glossed_people
from claims.normalize.names import NameMention, latin_people

_CAP = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
# A lowercase particle glued to a surname by a hyphen (аль-Фарси, ибн-, де-, ван-).
_PART = r"(?:(?:аль|эль|ад|ас|ан|ар|аш|ат|аз|ибн|бен|бин|де|ди|да|ван|фон|ле|ла)-)?"
_PAIR = re.compile(rf"(?<![\p{{L}}-])(?P<first>{_CAP})\s+(?P<last>{_PART}{_CAP})(?:\s+(?P<third>{_CAP}))?(?![\p{{L}}])")
# Case endings of surnames, oblique -> nominative, longest first; tried only when the given name
# shows the case (Якобом is instrumental, so Пачоцким is Пачоцкий).
_SURNAME_ENDINGS = {
    "ablt": [("ским", "ский"), ("цким", "цкий"), ("ым", "ый"), ("им", "ий"), ("ом", ""), ("ем", ""), ("овой", "ова"),
             ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"), ("ой", "ая")],
    "gent": [("ского", "ский"), ("цкого", "цкий"), ("ого", "ый"), ("его", "ий"), ("овой", "ова"), ("евой", "ева"),
             ("иной", "ина"), ("ыной", "ына"), ("ой", "ая"), ("а", ""), ("я", "й")],
    "accs": [("ского", "ский"), ("цкого", "цкий"), ("ого", "ый"), ("его", "ий"), ("ую", "ая"), ("ову", "ова"),
             ("еву", "ева"), ("ёву", "ёва"), ("ину", "ина"), ("ыну", "ына"), ("а", ""), ("я", "й")],
    "datv": [("скому", "ский"), ("цкому", "цкий"), ("ому", "ый"), ("ему", "ий"), ("овой", "ова"), ("евой", "ева"),
             ("иной", "ина"), ("ыной", "ына"), ("ой", "ая"), ("у", ""), ("ю", "й"), ("е", "а")],
    "loct": [("ском", "ский"), ("цком", "цкий"), ("ом", "ый"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
             ("ыной", "ына"), ("ой", "ая"), ("е", "")],
}
# Endings of a foreign name pymorphy3 does not know, oblique -> nominative: the consonant stems
# (Рагхава, Рагхаву, Рагхавом) and the stems in -а/-я (Кояме, Коямой). A name ending in
# another vowel (Окечукву, Адебайо, Мацумото) does not decline and is left as written.
_C = "бвгджзклмнпрстфхцчшщ"
_FOREIGN_ENDINGS = {
    "gent": [(rf"(?<=[{_C}])а", ""), (r"(?<=[аеиоуэ])я", "й"), (rf"(?<=[{_C}])я", "ь"), (rf"(?<=[{_C}])ы", "а")],
    "accs": [(rf"(?<=[{_C}])а", ""), (r"(?<=[аеиоуэ])я", "й"), (rf"(?<=[{_C}])я", "ь")],
    "datv": [(rf"(?<=[{_C}])у", ""), (r"(?<=[аеиоуэ])ю", "й"), (rf"(?<=[{_C}])ю", "ь"), (rf"(?<=[{_C}])е", "а")],
    "ablt": [(rf"(?<=[{_C}])ом", ""), (r"(?<=[аеиоуэ])ем", "й"), (rf"(?<=[{_C}])ем", "ь"), (rf"(?<=[{_C}])ой", "а")],
}
_NOT_NAMES = {"Financial", "Times"}
# Words right before a capitalised word that make it a place or an organisation, not a person.
_PLACE_BEFORE = re.compile(r"(?:^|[\s(«])(?:в|во|на|из|под|над|через|по)\s+$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:,\s*(?:котор(?:ому|ой|ый|ая)\b|\d{1,3}\s+(?:год|года|лет)\b|[а-яё]+(?:вший|вшая|ший|шая)\b)"
                        r"|\(\s*\d{1,3}\s+(?:год|года|лет)\s*\))")
_AGE_BEFORE = re.compile(r"(?:\d{1,3}-|[а-яё])летн(?:ий|яя|его|ей|ему|им|юю)\s+$", re.I)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=8192)
def _parses(word: str):
    return tuple(_morph().parse(word))


_CASE_ORDER = ("nomn", "accs", "gent", "ablt", "datv", "loct")


def given_name(word: str):
    """(nominative, case) when pymorphy3's dictionary knows the word as a given name, else None
    (its guesses for unknown words tag half of them Name: words of brands, African names)."""
    names = [p for p in _parses(word) if "Name" in p.tag and p.is_known]
    if not names:
        return None
    # A real nominative reading wins (Алия, Амара: a woman's name, or a rarer man's in the
    # genitive); a rare one does not (Дмитрия, Анны, Никиты are genitives).
    nominative = [p for p in names if p.tag.case == "nomn"]
    # Readings as likely as each other (Алину: Алина in the accusative or Алин in the dative):
    # the case a name takes more often in the news wins, the object of a verb before the dative.
    top = max(p.score for p in names)
    tied = sorted((p for p in names if p.score >= top - 1e-6), key=lambda p: _CASE_ORDER.index(p.tag.case)
                  if p.tag.case in _CASE_ORDER else len(_CASE_ORDER))
    best = nominative[0] if nominative and sum(p.score for p in nominative) >= 0.25 else tied[0]
    return (word if best.tag.case == "nomn" else best.normal_form.capitalize()), best.tag.case


def nominative_surname(word: str, case: str | None) -> str:
    for end, repl in _SURNAME_ENDINGS.get(case or "", []):
        if word.lower().endswith(end) and len(word) - len(end) >= 3:
            return word[: len(word) - len(end)] + repl
    return word


def nominative_foreign(word: str, case: str | None) -> str:
    """A name pymorphy3 does not know, put back in the nominative from the case that governs it."""
    for end, repl in _FOREIGN_ENDINGS.get(case or "", []):
        m = re.search(end + "$", word)
        if m and m.start() >= 2:
            return word[: m.start()] + repl
    return word


def governed_case(phrase: str) -> str | None:
    """The case of a title or noun phrase, read on its first word (an adjective agrees with the
    head; a head noun comes before its own complements: "директор по маркетингу" is nominative):
    финансового директора -> gent, главному инженеру -> datv, генеральным директором -> ablt; None for
    the nominative."""
    words = re.findall(r"[а-яёА-ЯЁ-]+", phrase)
    if not words:
        return None
    parses = [p for p in _parses(words[0].lower()) if p.tag.case and p.tag.number != "plur"]
    if not parses or any(p.tag.case == "nomn" for p in parses):
        return None
    return parses[0].tag.case


def _name_of(words: list[str], case: str | None) -> str:
    """The nominative of a name. A known, declinable given name shows the case itself (Якобом);
    otherwise the case of the title before the name does (главному инженеру Рагхаву Чаттерджи)."""
    known = given_name(words[0])
    if known is not None:
        nominative, own = known
        if own == "nomn" and len(words) > 1:
            # A name read as a woman's nominative (Евгения) whose surname is known only as a man's, in
            # an oblique case (ru-d-hire-02's class): the man's name in that case.
            surn = [p for p in _parses(words[-1].lower()) if "Surn" in p.tag and p.is_known]
            if surn and all(p.tag.case != "nomn" and p.tag.gender == "masc" for p in surn):
                cases = {p.tag.case for p in surn}
                men = sorted((p for p in _parses(words[0].lower()) if "Name" in p.tag and p.is_known
                              and p.tag.gender == "masc" and p.tag.case in cases),
                             key=lambda p: _CASE_ORDER.index(p.tag.case) if p.tag.case in _CASE_ORDER else 9)
                if men:
                    nominative = men[0].normal_form.capitalize()
                    return " ".join([nominative, *words[1:-1], surn[0].normal_form.capitalize()])
        declines = not any("Fixd" in p.tag for p in _parses(words[0].lower()) if "Name" in p.tag and p.is_known)
        surname_case = (own if own != "nomn" else None) if declines else case
        return " ".join([nominative, *(nominative_surname(w, surname_case) for w in words[1:])])
    return " ".join(nominative_foreign(w, case) for w in words)


def _animate_before(text: str, start: int) -> str | None:
    """The case of an animate common noun right before a name ("японского химика Хироси Коямы";
    "выходца из нефтяной отрасли" is not right before): a word for a person in apposition."""
    m = re.search(r"([а-яё]+)\s+$", text[max(0, start - 30):start])
    if not m:
        return None
    parses = [p for p in _parses(m.group(1)) if p.is_known]
    people = [p for p in parses if p.tag.POS == "NOUN" and "anim" in p.tag and "Name" not in p.tag
              and "Surn" not in p.tag and p.tag.number != "plur"]
    if not people:
        return None
    return people[0].tag.case or "nomn"


@lru_cache(maxsize=4)
def _gap(pack):
    """What may stand between a title and its holder: a gap word, Latin names (of the company)."""
    return re.compile(rf"\s*(?:(?:{'|'.join(pack.lex.title_gap_words or ['(?!)'])})\s+)?(?:[A-Z][\w\-]+\s+)*(?:\([^()\n]{{1,40}}\)\s+)?")


@lru_cache(maxsize=4)
def _person_verbs(pack):
    words = list(pack.lex.person_verbs)
    for key in ("departure", "hire"):
        words += pack.lex.triggers.get(key) or []
    return pack.compile(words)


def _inside_quotes(text: str, pos: int) -> bool:
    return text.rfind("«", 0, pos) > text.rfind("»", 0, pos)


def _words(m) -> list[str]:
    """The pair, and the third word of a name of syllables (Ли Су Хён, Сон Ха Ын)."""
    words = [m.group("first"), m.group("last")]
    if m.group("third") and len(m.group("last")) <= 4 and len(m.group("first")) <= 5:
        words.append(m.group("third"))
    return words


def _end(m, words) -> int:
    return m.end("third") if len(words) == 3 else m.end("last")


def _ordinary_word(word: str) -> bool:
    """A word pymorphy3's dictionary knows, and not as a name nor as a noun (Сорокалетний,
    Северная, Сегодня, Об). A noun may be a foreign name written like a Russian word (Ли, Сон,
    Сегун): it takes the text's evidence like any unknown word."""
    parses = _parses(word.lower())
    if all("impr" in p.tag for p in parses if p.is_known):
        return False  # an imperative is no word to open a news sentence (Chinese names read as one, ru-h-departure-01)
    return any(p.is_known for p in parses) and not any(
        g in p.tag for p in parses for g in ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "NOUN"))


def _place_or_org(word: str) -> bool:
    """A word pymorphy3 knows only as a place or an organisation (Ванкувер, Москва, Газпром); a
    word of one syllable may be a surname too (Ван, Ли: Chinese and Korean names)."""
    known = [p for p in _parses(word.lower()) if p.is_known and p.tag.POS == "NOUN"]
    return len(word) > 4 and bool(known) and all("Geox" in p.tag or "Orgn" in p.tag for p in known)


def _cued(text: str, start: int, end: int, pack, accepted: list[NameMention]) -> bool:
    """Whether the text marks the capitalised words at start..end as a person."""
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
        return True
    verbs = _person_verbs(pack)
    if verbs is not None:
        m = verbs.match(after.lstrip(" ,"))
        if m and after[:len(after) - len(after.lstrip(" ,"))].count(",") == 0:
            return True
        # "сообщил генеральный директор компании X" is title-cued; "создали в 2019 году в Ибадане X":
        # a person verb earlier in the clause with no other capitalised word between.
        head = text[max(0, start - 60):start]
        clause = re.split(r"[,;:—–()«»]", head)[-1]
        found = list(verbs.finditer(clause))
        if found and not re.search(r"(?<![\p{L}-])[А-ЯЁA-Z]", _caps_between(clause[found[-1].end():])):
            return True
    # "Чиома Эке и Обинна Нвачукву": joined by "и" to a person.
    for n in accepted:
        if re.fullmatch(r"\s+и\s+", text[n.end:start]) or re.fullmatch(r"\s+и\s+", text[end:n.start]):
            return True
    return False


def _caps_between(s: str) -> str:
    """Capitalised words between a verb and a name other than places after a preposition."""
    s = re.sub(r"(?:^|\s)(?:в|во|на|из)\s+[А-ЯЁ]\w*", " ", s)
    return s


def find_people(text: str, pack) -> list[NameMention]:
    out: list[NameMention] = []
    # Right after a title, capitalised words are a name even when pymorphy3 does not know the
    # given name (финансового директора Чжоу Минь, главный научный сотрудник Аника Брандт); the
    # title's case is the name's (главному инженеру Рагхаву Чаттерджи).
    for _, title in pack.lexicon_patterns["titles"]:
        for t in title.finditer(text):
            gap = _gap(pack).match(text[t.end():t.end() + 80])
            m = _PAIR.match(text, t.end() + gap.end())
            if m and not _inside_quotes(text, m.start()):
                words = _words(m)
                end = _end(m, words)
                if any(n.start <= m.start() < n.end for n in out):
                    continue
                out.append(NameMention(m.start(), end, text[m.start():end], _name_of(words, governed_case(t.group(0)))))
    candidates = sorted(_PAIR.finditer(text, overlapped=True), key=lambda m: m.start())
    pending = []
    for m in candidates:
        if any(n.start <= m.start() < n.end or m.start() <= n.start < m.end() for n in out):
            continue
        if _inside_quotes(text, m.start()) or _PLACE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        words = _words(m)
        animate = _animate_before(text, m.start())
        if animate is not None:
            end = _end(m, words)
            out.append(NameMention(m.start(), end, text[m.start():end], _name_of(words, None if animate == "nomn" else animate)))
            continue
        if any(_ordinary_word(w) for w in words[:1]) or _place_or_org(words[0]):
            continue
        if given_name(words[0]):
            out.append(NameMention(m.start(), _end(m, words), text[m.start():_end(m, words)], _name_of(words, None)))
        else:
            pending.append((m, words))
    # Names pymorphy3 does not know, where the text marks them as people; "X и Y" twice over.
    for _ in range(2):
        for m, words in list(pending):
            end = _end(m, words)
            if any(n.start <= m.start() < n.end or m.start() <= n.start < n.end <= end for n in out):
                pending.remove((m, words))
                continue
            if any(_ordinary_word(w) for w in words):
                continue
            if _cued(text, m.start(), end, pack, out):
                out.append(NameMention(m.start(), end, text[m.start():end], _name_of(words, None)))
                pending.remove((m, words))
    out = with_glossed_people(text, pack, out)
    titles = [p for _, p in pack.lexicon_patterns["titles"]]
    # A Latin run right before a Cyrillic name is the organisation of the title before them
    # ("Операционный директор Brevix Labs Алексей Рябов").
    # Russian writes people in Cyrillic: a Latin run is a person only after a title ("CEO Sam
    # Altman"); a known given name alone does not make one ("Kenta Labs наняла инженера").
    latin = [n for n in latin_people(text, titles, reject=_NOT_NAMES) if not any(o.start <= n.start < o.end for o in out)
             and not any(re.fullmatch(r"\s+", text[n.end:o.start]) for o in out)
             and any(t.end() == len(text[:n.start].rstrip(" ,:")) for p in titles
                     for t in p.finditer(text, max(0, n.start - 40), n.start))]
    out += latin
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


# --- organisations ------------------------------------------------------------------------------
_QUOTED = re.compile(r"«(?P<name>[^«»\n]{1,50})»")
_NAME_WORD = re.compile(r"[\w][\w.&'’+-]*|№\s?\d+")
_QUOTE_AFTER = re.compile(r"\s*[,.!?]?\s*[—–-]\s")


def _looks_like_name(words: list[str]) -> bool:
    """A short name («Полярный Ветер», «Тёплый Колос», «Станция 7»), not a quotation: at most four
    words, the first capitalised or a number, none a verb, a pronoun or a word of speech."""
    if not 1 <= len(words) <= 4 or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    for w in words:
        if not re.search(r"[а-яё]", w.lower()):
            continue
        parses = _parses(w.lower())
        if parses and parses[0].is_known and parses[0].tag.POS in ("VERB", "INFN", "NPRO", "PRCL", "ADVB", "PRED"):
            return False
    return True


def _not_person(parses) -> list:
    """An organisation's word read as a thing where it can be: «Альфу» is Альфа (accusative), not the
    dative of a man's name Альф."""
    parses = list(parses)
    things = [p for p in parses if not any(g in p.tag for g in ("Name", "Surn", "Patr"))]
    return things or parses


def _plural_nominative(words: list[str], case: str) -> str:
    out = []
    for w in words:
        parses = [p for p in _parses(w.lower()) if p.tag.POS in ("NOUN", "ADJF") and p.tag.case == case
                  and p.tag.number == "plur"] if re.fullmatch(r"[А-ЯЁа-яё]+", w) else []
        form = parses[0].inflect({"nomn", "plur"}) if parses else None
        out.append(w if form is None else (form.word.capitalize() if w[0].isupper() else form.word))
    return " ".join(out)


def org_nominative(name: str) -> str:
    """«Полярного Ветра» -> Полярный Ветер, «Кедровым Берегом» -> Кедровый Берег, «Латексом» -> Латекс:
    where a word of the name has no nominative reading, the name is in the case of that word, and
    every word with a reading in that case is put in the nominative (a word in -и/-ы that is a
    plural nominative or a singular genitive is read as the singular: «Вишни» is Вишня)."""
    words = name.split()
    case = None
    plural = None
    for w in words:
        if not re.fullmatch(r"[А-ЯЁа-яё]+", w):
            continue
        parses = _not_person(p for p in _parses(w.lower()) if p.tag.POS in ("NOUN", "ADJF") and p.tag.case)
        if any(p.tag.POS == "ADJF" and p.tag.case == "nomn" for p in parses):
            return name  # an adjective agrees with its noun: «Лесные угодья» is a plural nominative
        sing = [p for p in parses if p.tag.number != "plur"]
        if sing and not any(p.tag.case == "nomn" for p in sing):
            case = sing[0].tag.case
            break
        plur = [p for p in parses if p.tag.number == "plur" and p.is_known]
        if plural is None and plur and not sing and not any(p.tag.case == "nomn" for p in plur):
            plural = plur[0].tag.case  # «Речных Сетей»: a plural name in the genitive
    if case is None and plural is not None:
        return _plural_nominative(words, plural)
    if case is None or case == "nomn":
        return name
    out = []
    readings = [_not_person(p for p in _parses(w.lower()) if p.tag.POS in ("NOUN", "ADJF") and p.tag.case == case
                            and p.tag.number != "plur") if re.fullmatch(r"[А-ЯЁа-яё]+", w) else [] for w in words]
    for i, w in enumerate(words):
        parses = readings[i]
        # An adjective takes the gender of the noun it stands before: «Северного ветра» is Северный
        # ветер, not Северное (the genitive is alike for the masculine and the neuter).
        noun = next((r for r in readings[i + 1:] if r and r[0].tag.POS == "NOUN"), None)
        if parses and parses[0].tag.POS == "ADJF" and noun and noun[0].tag.gender:
            parses = [p for p in parses if p.tag.gender == noun[0].tag.gender] or parses
        form = parses[0].inflect({"nomn"}) if parses else None
        if form is None:
            out.append(w)
            continue
        new = form.word
        out.append(new.capitalize() if w[0].isupper() else new)
    return " ".join(out)


@lru_cache(maxsize=None)
def _kinds(pack):
    words = pack.get("org_kinds") or []
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?:\s+[а-яё-]+){{0,3}}\s+$", re.I) if words else None


def _after_kind(text: str, start: int, words: list[str], pack) -> bool:
    """A name in «» right after a word for a company (the pack's `org_kinds`, with up to three
    words between: "сети пекарен у метро «Заодно»") is one whatever its words are, if it is short
    and starts with a capital."""
    kinds = _kinds(pack)
    if kinds is None or len(words) > 3 or not words[0][:1].isupper():
        return False
    m = kinds.search(text, max(0, start - 80), start)
    if m is None:
        return False
    # Only words of a description between ("сети пекарен у метро"), no verb ("фонды ценят «Сигму»").
    return not any(p.tag.POS in ("VERB", "INFN", "GRND") for w in _WORD.findall(m.group(0))
                   for p in _parses(w.lower())[:1])


def find_orgs(text: str, pack) -> list[tuple[str, str]]:
    """(name as written, its nominative) of each organisation written in «»: a short name after a
    word for a company, or anywhere when it reads as a name and not as a quotation."""
    out = []
    for m in _QUOTED.finditer(text):
        name = m.group("name").strip()
        words = name.split()
        if not all(_NAME_WORD.fullmatch(w) or w in ("и", "&") for w in words):
            continue
        if _QUOTE_AFTER.match(text, m.end()) and len(words) > 1:
            continue
        if _after_kind(text, m.start(), words, pack):
            # After a word for a company the name is not declined: "сети «Заодно»" is Заодно,
            # "компании «Кама Пласт»" is Кама Пласт.
            out.append((name, name))
        elif _looks_like_name(words):
            out.append((name, org_nominative(name)))
    return out


def plural_title(text: str) -> bool:
    """Whether a title, or the lead word before it, is in the plural ("Сооснователи", "сохранят
    места в совете директоров"): its first noun or verb has only plural readings."""
    for w in _WORD.findall(text):
        parses = [p for p in _parses(w.lower()) if p.tag.POS in ("NOUN", "VERB")]
        if parses:
            return all(p.tag.number == "plur" for p in parses)
    return False


# --- counted things -----------------------------------------------------------------------------
_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)?", re.I)
_POS_VERB = ("VERB", "INFN", "PRTS", "PRTF", "GRND")


def _noun(word: str, cases=("gent", "nomn", "accs")):
    """The noun reading of a counted word (пекарен, терминалов, вагонов, спутников), if any: a
    dictionary noun in the genitive (or the plural nominative), not a name; `cases` where the
    words before the number govern another ("в 9 странах", "управляет 14 гостиницами")."""
    for p in _parses(word.lower()):
        if p.is_known and p.tag.POS == "NOUN" and p.tag.case in cases and \
                not any(g in p.tag for g in ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr")):
            return p
    return None


def _lexicon_unit(word: str, pack) -> str | None:
    """The pack's own class of a counted word (сотрудников -> employees)."""
    for what, words in pack.lex.count_nouns.items():
        pattern = pack.compile([w for w in words if not w.startswith("(?<")])
        if pattern is not None and pattern.fullmatch(word):
            return what
    return None


def _verb_before(text: str, start: int, pack):
    """The verb that governs a number, looking back over at most three words in its clause (a
    dative or an adverb may stand between: "передала клиентам 75"), and the word right
    before the number ("на", "до")."""
    head = text[max(0, start - 60):start]
    head = re.split(r"[,;:—–()«»]", head)[-1]
    words = _WORD.findall(head)
    right_before = words[-1].lower() if words else ""
    for w in reversed(words[-4:]):
        parses = _parses(w.lower())
        verbs = [p for p in parses if p.tag.POS in _POS_VERB]
        if verbs and parses[0].tag.POS in _POS_VERB:
            return verbs[0].normal_form, right_before
        if parses and parses[0].tag.POS == "PREP" and w.lower() not in ("до", "на", "около", "свыше", "более"):
            break  # "привело к уходу нескольких": the verb governs the preposition, not the number
    return None, right_before


def counted(text: str, start: int, end: int, pack):
    """What a number counts when the pack's `count_nouns` do not say: (unit, end of the counted
    words) or None. The unit is the lemma of the noun after the number (64 пекарни ->
    пекарня), or of the noun after a head word of the pack's `count_heads` before it ("число
    пекарен достигло 310"); a noun of the pack's `count_nouns` gives its class instead.
    Measures (лет, процентов, рублей: the pack's `not_counted`) count nothing. A number a verb
    of change governs with "на" is a change, not a count (no claim); one a verb outside the pack's
    `count_stock_verbs` governs is a flow, and its verb is part of the unit (пекарня_открыть:
    bakeries opened), so a flow and a stock are never compared."""
    if not re.search(r"\d", text[start:end]) and (pack.compile(list(pack.lex.numbers.vague))
                                                   or re.compile("(?!)")).search(text, start, end):
        return None  # "нескольких сотрудников", "десятки магазинов": no number of them is stated
    measures = pack.compile(pack.lex.not_counted)
    verb, right_before = _verb_before(text, start, pack)
    stock = pack.compile(pack.lex.count_stock_verbs)
    # "в 9 странах": where it is present (prepositional after в); "управляет 14 загородными
    # гостиницами": a stock verb that governs the instrumental.
    cases = ("gent", "nomn", "accs") + (("loct",) if right_before in ("в", "во") else ()) + \
        (("ablt",) if verb and stock and stock.fullmatch(verb) and right_before not in ("с", "со", "за", "над", "под", "перед", "между") else ())
    after = re.match(r"[\s\u00a0]*(?:(?P<adj>[а-яё-]+(?:ых|их|ыми|ими|ое|ый|ий|ая|ую|ой))\s+)?(?P<noun>[а-яё-]+)", text[end:end + 60], re.I)
    unit, stop = None, None
    if after:
        word = after.group("noun")
        noun = _noun(word, cases)
        adj_ok = not after.group("adj") or any(p.tag.POS == "ADJF" for p in _parses(after.group("adj").lower()))
        if noun is not None and adj_ok and not (measures and measures.fullmatch(word)) and \
                not (measures and measures.fullmatch(noun.normal_form)):
            unit, stop = _lexicon_unit(word, pack) or noun.normal_form, end + after.end()
    if unit is None:
        heads = pack.compile(pack.lex.count_heads)
        clause = re.split(r"[,;:—–()]", text[max(0, start - 80):start])[-1]
        m = heads.search(clause) if heads is not None else None
        if m is None and verb and stock and stock.fullmatch(verb) and re.search(r"(?:^|\s)их(?:\s|$)", clause, re.I):
            # "закрыла 40 филиалов, и теперь у неё их осталось 210": "их" with a verb of how many
            # there are stands for the noun counted before it in the sentence.
            earlier = list(re.finditer(r"\d\s+(?:[а-яё-]+(?:ых|их)\s+)?([а-яё-]+)", text[:max(0, start - len(clause))], re.I))
            noun = _noun(earlier[-1].group(1)) if earlier else None
            if noun is None or noun.tag.number != "plur" and noun.tag.case != "gent":
                return None
            unit = _lexicon_unit(earlier[-1].group(1), pack) or noun.normal_form
            return unit, end
        if m is None:
            return None
        rest = re.match(r"\s+([а-яё-]+)", clause[m.end():], re.I)
        noun = _noun(rest.group(1)) if rest else None
        # "открыла 40 пекарен, и их общее число составило 310": the head's noun is the one
        # counted before it in the sentence.
        if noun is None and re.search(r"(?:^|\s)их\s+(?:[а-яё]+(?:ее|ое)\s+)?$", clause[:m.start()], re.I):
            earlier = list(re.finditer(r"\d\s+(?:[а-яё-]+(?:ых|их)\s+)?([а-яё-]+)", text[:max(0, start - len(clause))], re.I))
            if earlier:
                rest = earlier[-1]
                noun = _noun(rest.group(1))
        if noun is None or noun.tag.number != "plur" and noun.normal_form not in ("персонал", "штат"):
            return None
        unit, stop = _lexicon_unit(rest.group(1), pack) or noun.normal_form, end
    if right_before == "на":
        return None
    if verb and right_before != "до" and not (stock and stock.fullmatch(verb)):
        unit = f"{unit}_{verb}"
    return unit, stop
