"""Arabic pack rules: names of people. Arabic has no capitals, so a name is found by the text's
own evidence of a person around it:

- right after a title (الرئيسة التنفيذية دانا ويتفيلد), a verb that introduces a person (the
  pack's `person_verbs`: غادر، انضم، قالت، يقول ...), a move word (the `departure` and `hire`
  triggers: رحيل، انضمام، تعيين), an honorific (the pack's `honorifics`: الدكتور، الشيخ، رجل
  الأعمال) or a nationality (the pack's `demonyms`: الروسي، والمصرية), with the pack's
  `title_gap_words` allowed between (an organisation, a nationality);
- right before the Arabic comma or a colon that introduces a title, or before an age ("(45 عاماً)",
  "، ٥٢ عاماً،").

A name is two or three parts. A part is a word, or a compound written as two words (عبد الله،
أبو بكر، أبي نادر); parts after the first may carry the article (مازن الخطيب: family names often
do) and be joined by a nasab particle (سلطان بن خالد، آل ثاني). The first part never carries the
article, and no part is one of the pack's `not_name_words`. A third part is taken only where the
name ends at punctuation, a parenthesis or the end of the sentence, or its parts are linked by a
particle."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from claims.normalize.glosses import with_glossed_people
from claims.normalize.names import NameMention, latin_people

_LETTER = r"[\u0621-\u064A\u0671-\u06D3]"
_WORD = r"[\u0621-\u064A\u0671-\u06D3][\u0621-\u065F\u0640\u0670-\u06D3]+"
_WORD_RE = re.compile(_WORD)
_BEFORE_TITLE = re.compile(r"\s*[:،,]\s*")
# An age right after a name: "(45 عاماً)", "، ٥٢ عاماً،".
_AGE_AFTER = re.compile(r"\s*(?:\(\s*\d{1,3}\s*(?:عام|سن)|[،,]\s*\d{1,3}\s*(?:عام|سن)\w*\s*[،,])")
# The diacritics (tashkeel) and the tatweel: a word is compared without them.
_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
# Words that make the next word part of one name part (عبد الله، أبو بكر، أبي نادر، أم كلثوم).
_COMPOUND_HEADS = frozenset({"عبد", "أبو", "أبي", "أبا", "ابو", "ابي", "أم"})
# Particles of a nasab or a family, between two parts (سلطان بن خالد، حمد آل ثاني).
_PARTICLES = frozenset({"بن", "بنت", "ابن", "ابنة", "آل"})
# Punctuation after which a three-part name ends.
_NAME_END = re.compile(r"\s*(?:[،,.:؛()\[\]«»\"“”!؟?\-–—]|$)|\s+وال")
# Pronoun endings that make a word no name ("استقالته", "منصبها"): checked on a third part only.
_PRONOUN_END = re.compile(r"(?:ته|تها|تهم|هما|هم|ها)$")
_PREFIXES = ("ال", "وال", "بال", "لل", "فال", "كال")
_SUCCESSOR = re.compile(r"(?<!\w)و?خلف(?:اً|ًا|ا)\s+(?:لـ\s?|ل(?=[^ل]))(?:ل?ال(?:دكتور|مهندس|شيخ|سيد)(?:ة)?\s+)?")


def _bare(word: str) -> str:
    return _MARKS.sub("", word)


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """The lexicon's `not_name_words` and every word of its month names (مطلع كانون is no name)."""
    from claims.lang import get_pack

    pack = get_pack("ar")
    months = {w for key in pack.lex.months for alt in key.split("|") for w in alt.split()}
    # Number words and scales (ألفا، مليون) stand where a name may.
    numbers = pack.lex.numbers
    counted = {w for table in (numbers.words, numbers.scales) for key in table
               for alt in str(key).split("|") if re.fullmatch(r"[\u0621-\u064A ]+", alt) for w in alt.split()}
    return frozenset(_bare(w) for w in pack.lex.not_name_words) | months | counted


@lru_cache(maxsize=4096)
def _claim_word(word: str) -> bool:
    """A word the lexicon reads as a move or an event whole ("الاستقالة", "سيستقيل"; ar-d-trap-02):
    no part of a name after the first."""
    from claims.lang import get_pack

    pack = get_pack("ar")
    return any(p.fullmatch(word) for section in ("triggers", "events")
               for key, p in pack.lexicon_patterns[section] if key in ("departure", "hire") or section == "events")


def _stop(word: str) -> bool:
    w = _bare(word)
    return w in _not_name_words() or (w[:1] in "وفلبك" and w[1:] in _not_name_words())


def _is_name(words: list[str]) -> bool:
    """Two or three words, neither a function word nor with the article (the old rule, kept for
    the names before a colon at the head of a list item)."""
    return len(words) in (2, 3) and not any(_stop(w) or _bare(w).startswith(_PREFIXES) for w in words)


def read_name(text: str, pos: int, *, strict_first: bool | str = False, title_at=None) -> tuple[int, int] | None:
    """(start, end) of the name that starts at `pos` (white space skipped), or None. See the module
    doc for what a name is. `strict_first`: the first word must not start with a preposition
    written onto it (ل، ب) and followed by a word with the article ("لصناعة البطاريات"), or, with
    "all", where the cue is weak (a nationality), by a verb ("«X» السعودية بسعر يبدأ")."""
    words = list(_WORD_RE.finditer(text, pos, min(len(text), pos + 80)))
    if not words or text[pos:words[0].start()].strip():
        return None
    # Only words separated by white space belong to one name.
    run = [words[0]]
    for w in words[1:]:
        if text[run[-1].end():w.start()].strip():
            break
        run.append(w)
    i = 0
    parts: list[tuple[int, int]] = []
    linked = False
    while i < len(run) and len(parts) < 3:
        w = _bare(run[i].group(0))
        first = not parts
        if first and (w.startswith(_PREFIXES) or w.endswith(("اً", "ًا"))):
            return None  # the article, or the accusative (خلفاً، مجدداً): no given name
        if first and strict_first and w[:1] in "لب" and i + 1 < len(run) and (
                _bare(run[i + 1].group(0)).startswith("ال")
                or (strict_first == "all" and _bare(run[i + 1].group(0))[:1] in "يت")):
            return None  # "لصناعة البطاريات", "بسعر يبدأ": a preposition written onto a noun, not a name
        if w in _PARTICLES and parts and i + 1 < len(run):
            nxt = _bare(run[i + 1].group(0))
            if _stop(nxt) and nxt not in _COMPOUND_HEADS:
                break
            linked = True
            # "بن عبد الله": the particle takes a compound name whole.
            last = i + 2 if nxt in _COMPOUND_HEADS and i + 2 < len(run) else i + 1
            parts.append((run[i].start(), run[last].end()))
            i = last + 1
            continue
        if w in _COMPOUND_HEADS and i + 1 < len(run) and not _stop(run[i + 1].group(0)):
            parts.append((run[i].start(), run[i + 1].end()))
            i += 2
            linked = True
            continue
        if _stop(w) or w in _PARTICLES or len(w) < 2:
            break
        if not first and (w.startswith("لل") or (w.startswith("بال") and _bare(run[0].group(0))[:1] in "يت")):
            break  # "للشركة", "تعصف بالصفوف": a preposition and the article after a verb, no name
        if not first and _claim_word(w):
            break  # "X Y الاستقالة": the move the sentence tells, not a third part
        if not first and w.startswith("وال"):
            break  # "X Y والمصرية": the next person of a list, not a part of this name
        parts.append((run[i].start(), run[i].end()))
        i += 1
    if len(parts) < 2:
        return None
    if len(parts) == 2 and all(_bare(text[a:b]).endswith("ة") for a, b in parts):
        return None  # a noun and its adjective ("خبرة طويلة"), seldom a given name and a surname
    pair = len(parts) == 3 and _bare(text[parts[1][0]:parts[1][1]]).startswith("و")  # "أيمن وعلاء X"
    if len(parts) == 3 and not linked and _PRONOUN_END.search(_bare(text[parts[2][0]:parts[2][1]])):
        parts = parts[:2]
    if len(parts) == 3 and not linked and not pair and not _NAME_END.match(text, parts[2][1]):
        # Three words right before a title: an organisation's one word, then the name ("عيّنت أكمي
        # هالة منصور رئيسةً تنفيذيةً"); else the first two words are the name.
        if title_at is not None and title_at(len(text) - len(text[parts[2][1]:].lstrip())):
            parts = parts[1:]
        else:
            parts = parts[:2]
    elif len(parts) == 2 and _bare(text[parts[1][0]:parts[1][1]]).startswith("و"):
        return None  # "X وY" with no family name after: two given names, not one name
    return parts[0][0], parts[-1][1]


@lru_cache(maxsize=4)
def _gap(pack) -> re.Pattern:
    """The pack's gap words between a cue and the name, any number of them (an organisation then a
    nationality: "الرئيس التنفيذي لـ«X» الإيطالي ماتيو روسي")."""
    words = "|".join(pack.lex.title_gap_words)
    # A comma may close the gap: "قالت المديرة المالية للشركة، هبة النجار، إن ...".
    return re.compile(rf"(?:\s*(?:{words})(?![\u0621-\u064A])){{0,3}}(?:\s*[،,])?\s+" if words else r"(?:\s*[،,])?\s+")


@lru_cache(maxsize=4)
def _leads(pack) -> list[re.Pattern]:
    """What a name stands right after: titles, verbs of persons, move words, honorifics."""
    leads = [p for _, p in pack.lexicon_patterns["titles"]]
    leads += [p for key, p in pack.lexicon_patterns["triggers"] if key in ("departure", "hire")]
    p = pack.compile(pack.lex.honorifics)
    if p is not None:
        leads.append(p)
    verbs = pack.lex.person_verbs
    if verbs:
        # A verb takes "and" or "so" (وقالت، فأوضح), never the article (العمل is no verb).
        alt = "|".join(sorted(verbs, key=len, reverse=True))
        leads.append(re.compile(rf"(?<!\w)(?:و|ف)?(?:{alt})(?!\w)"))
    return leads


@lru_cache(maxsize=4)
def _post_form(pack):
    """The pack's `post_forms`: a title's form that says it is a post taken (رئيساً تنفيذياً)."""
    forms = pack.get("post_forms") or []
    return re.compile(rf"^(?:{'|'.join(forms)})") if forms else None


def find_people(text: str, pack) -> list[NameMention]:
    out: list[NameMention] = []

    titled = [m.span() for _, p in pack.lexicon_patterns["titles"] for m in p.finditer(text)]

    def title_at(pos: int) -> bool:
        return any(ts == pos for ts, _ in titled)

    def add(span) -> None:
        s, e = span
        if any(n.start <= s < n.end or s <= n.start < e for n in out):
            return
        if any(ts <= s < te for ts, te in titled):
            return  # "مؤسسها ورئيسها التنفيذي": a title, not a name
        words = list(_WORD_RE.finditer(text, s, e))
        # "أيمن وعلاء X": two given names joined by و share the family name: two people.
        if len(words) == 3 and _bare(words[1].group(0)).startswith("و") and len(words[1].group(0)) > 3 \
                and not _bare(words[1].group(0)).startswith("وال"):
            family = words[2].group(0)
            a, b = words[0], words[1]
            out.append(NameMention(a.start(), a.end(), a.group(0), f"{a.group(0)} {family}"))
            out.append(NameMention(b.start() + 1, e, text[b.start() + 1:e], f"{b.group(0)[1:]} {family}"))
            return
        out.append(NameMention(s, e, text[s:e], text[s:e]))

    gap = _gap(pack)
    for lead in _leads(pack):
        for t in lead.finditer(text):
            g = gap.match(text, t.end())
            if not g:
                continue
            # Past an organisation, "لصناعة البطاريات" is no name.
            gap_text = text[t.end():g.end()]
            span = read_name(text, g.end(), strict_first=bool(re.search(r"[«»\"“”]|(?<!\w)ل", gap_text)), title_at=title_at)
            # After a comma the name is an apposition, closed by a comma too ("المديرة المالية
            # للشركة، هبة النجار، إن"); "X، المديرة المالية، بلغت إيرادات" names nobody.
            if span and re.search(r"[،,]", gap_text) and not re.match(r"\s*[،,]", text[span[1]:]):
                continue
            if span:
                add(span)
    # "خلفاً لفهد X" (succeeding): the name is written onto the preposition ل.
    for t in _SUCCESSOR.finditer(text):
        span = read_name(text, t.end())
        if span:
            add(span)
    # A nationality then a name: "والروسي ديمتري فولكوف", "كلٌّ من السويدي إريك يوهانسون". A
    # nationality is also an organisation's ("«X» الأردنية لتقنيات ..."): the name must not start
    # with a preposition written onto it.
    demonyms = pack.compile(pack.lex.demonyms)
    if demonyms is not None:
        for t in demonyms.finditer(text):
            before = text[max(0, t.start() - 24):t.start()].rstrip()
            last = before.split()[-1] if before.split() else ""
            if before.endswith(("»", "\"", "”")) or _bare(last).startswith(("ال", "وال", "بال", "لل")):
                continue  # the adjective of an organisation or a noun ("«X» الصينية", "السيارات الصينية")
            span = read_name(text, t.end(), strict_first="all")
            if span:
                add(span)
    titles = [p for _, p in pack.lexicon_patterns["titles"]]
    # A name before a comma or a colon and a title, or before an age. Of the names that end at one
    # place, the one that starts last: "يقول عبد الله الشهري، الشريك المؤسس" is no name of three
    # parts that starts with the verb.
    ends: dict[int, tuple[int, int]] = {}
    for m in _WORD_RE.finditer(text):
        span = read_name(text, m.start())
        if not span:
            continue
        sep = _BEFORE_TITLE.match(text, span[1])
        if (sep and any(p.match(text, sep.end()) for p in titles)) or _AGE_AFTER.match(text, span[1]):
            ends[span[1]] = span
    for span in ends.values():
        add(span)
    # A name right before a title in the accusative, a post taken ("عيّنت شركة X أحمد Y عضواً
    # منتدباً، ومحمود Z مديراً مالياً"): the object of an appointment, one per item of a list, whose
    # "and" is written onto the name after a comma.
    post = _post_form(pack)
    if post is not None:
        starts = {ts: te for ts, te in titled}
        for m in _WORD_RE.finditer(text):
            pos = m.start()
            if m.group(0).startswith("و") and len(_bare(m.group(0))) >= 4 \
                    and text[max(0, pos - 3):pos].strip().endswith(("،", ",")):
                pos += 1
            span = read_name(text, pos, title_at=title_at)
            if not span:
                continue
            at = len(text) - len(text[span[1]:].lstrip())
            if at > span[1] and at in starts and post.match(text[at:starts[at]]):
                add(span)
    # A person named in full, then by the given name alone after a verb of persons or a title ("أسس
    # الشقيقان أ وب X ... ويشغل أ منصب ..."; ar-d-role-03): the same person, named in full.
    given = {_bare(n.name.split()[0]): n.name for n in out if len(n.name.split()) >= 2}
    one_word = re.compile(r"\s+(" + _WORD + r")(?!\w)")
    for lead in _leads(pack) if given else ():
        for t in lead.finditer(text):
            m = one_word.match(text, t.end())
            full = given.get(_bare(m.group(1))) if m else None
            if full is None or not any(n.name == full and n.end <= m.start(1) for n in out):
                continue  # no one of that given name named in full before it
            span = read_name(text, m.start(1))
            if span and _bare(text[span[0]:span[1]]) != _bare(full):
                continue  # "كريم سالم": another person of that given name
            before = len(out)
            add((m.start(1), m.end(1)))
            if len(out) > before:
                out[-1].name = full
    out = with_glossed_people(text, pack, out)
    out += [n for n in latin_people(text, titles) if not any(o.start <= n.start < o.end for o in out)]
    return sorted(out, key=lambda n: n.start)


def short_forms(name: str) -> list[str]:
    parts = name.split()
    return [parts[-1]] if len(parts) >= 2 and len(parts[-1]) >= 3 else []
