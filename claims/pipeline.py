"""Document -> sentences -> mentions -> claims.

Every sentence is read once for every kind of mention (amounts, times, durations, titles, trigger
words, events, names); the extractors in `claims/extract/` then turn mentions into claims, each
written once for all languages.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex as re

from claims.entities import EntityIndex, load_index
from claims.extract import CLAUSE_BREAK
from claims.lang import LangPack, get_pack
from claims.model import Claim, Document, Subject
from claims.normalize.durations import DurationMention, find_durations
from claims.normalize.glosses import find_glosses
from claims.normalize.names import NameMention, family_name, fold, is_place, romanize
from claims.normalize.numbers import Amount, find_amounts
from claims.normalize.times import TimeMention, find_times

# spaCy's sentencizer ends sentences here; Chinese and Arabic punctuation included.
SENTENCE_ENDS = [".", "!", "?", "。", "！", "？", "；", "!", "؟", "۔", "…", "\n"]
_LATIN_ORG = re.compile(r"(?V1)(?<![\p{Latin}\p{M}0-9])((?:[\p{Lu}&&\p{Latin}][\p{Latin}0-9]*[\p{Lu}&&\p{Latin}][\p{Latin}0-9]*|[\p{Lu}&&\p{Latin}][\p{Ll}&&\p{Latin}]{2,})(?:\s+[\p{Lu}&&\p{Latin}][\p{Latin}]+)*)(?![\p{Latin}\p{M}0-9])")


_AFTER_COMMA = re.compile(r"\s*,\s+")
_NEXT_WORD = re.compile(r"\s+[\w-]")


@dataclass
class Mention:
    start: int
    end: int
    key: str           # a title id, a predicate, an event id
    text: str


@dataclass
class SubjectMention:
    start: int
    end: int
    subject: Subject
    text: str


@dataclass
class Sentence:
    doc: Document
    pack: LangPack
    index: int
    start: int
    text: str
    future: bool = False
    future_marks: list[tuple[int, int]] = field(default_factory=list)
    # Words of a rumour, a denial or an intention (the pack's `modal`): what they govern is not stated.
    modal_marks: list[tuple[int, int]] = field(default_factory=list)
    # Future marks that only put a thing on the calendar (the pack's `scheduled`: "will", 将于, سـ),
    # unlike a plan, a forecast or a maybe.
    scheduled_marks: list[tuple[int, int]] = field(default_factory=list)
    hypothetical: bool = False
    hypothetical_at: int = 0  # where the first word of a supposition stands
    amounts: list[Amount] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    # Times a move takes effect from (the pack's `effective_words`: "effective May 1").
    effective_times: list[TimeMention] = field(default_factory=list)
    durations: list[DurationMention] = field(default_factory=list)
    titles: list[Mention] = field(default_factory=list)
    triggers: list[Mention] = field(default_factory=list)
    events: list[Mention] = field(default_factory=list)
    people: list[SubjectMention] = field(default_factory=list)
    orgs: list[SubjectMention] = field(default_factory=list)
    products: list[SubjectMention] = field(default_factory=list)
    org_pronouns: list[Mention] = field(default_factory=list)
    # Events the sentence before (same paragraph) names with no date of its own.
    undated_events_before: list[Mention] = field(default_factory=list)
    # Pronouns for the one person the sentence before names ("She now chairs X, which she founded").
    person_pronouns: list[SubjectMention] = field(default_factory=list)

    @property
    def person_pronoun(self) -> Optional[SubjectMention]:
        """The first: the sentence's subject."""
        return self.person_pronouns[0] if self.person_pronouns else None

    def future_at(self, pos: int) -> bool:
        """Whether the words at `pos` speak of the future: a future word ("expects", 预计, "к 2028
        году", بحلول) earlier in the sentence governs what follows it; one later in the sentence
        only its own clause ("$5bn by 2028"). "Revenue rose 31%, and the firm expects 40% next
        year": the 31% stays past."""
        return _governed(self.text, self.future_marks, pos)

    def modal_at(self, pos: Optional[int]) -> bool:
        """Whether the words at `pos` are only intended, negotiated or denied (the pack's `modal`
        words: تتفاوض، نفت، لتوظيف), governed as `future_at` says: told like a plan, not stated."""
        if not self.modal_marks:
            return False
        return _governed(self.text, self.modal_marks, 0 if pos is None else pos)

    def scheduled_at(self, pos: Optional[int]) -> bool:
        """Whether what is told at `pos` is only scheduled: every future mark that governs it puts
        a thing on the calendar ("will leave on 30 September", "将于10月1日卸任"), none plans,
        forecasts or doubts it, and no rumour or denial governs it."""
        pos = 0 if pos is None else pos
        governing = [m for m in self.future_marks if _governed(self.text, [m], pos)]
        return bool(governing) and all(m in self.scheduled_marks for m in governing) \
            and not self.modal_at(pos) and not self.hypothetical

    def triggers_for(self, predicate: str) -> list[Mention]:
        return [t for t in self.triggers if t.key == predicate]

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _governed(text: str, marks: list[tuple[int, int]], pos: int) -> bool:
    """A mark earlier in the sentence governs what follows it; a later one only its own clause."""
    for s, e in marks:
        if s <= pos:
            return True
        if not CLAUSE_BREAK.search(text, pos, s):
            return True
    return False


@lru_cache(maxsize=None)
def _nlp(pack_code: str):
    import spacy

    pack = get_pack(pack_code)
    nlp = spacy.blank(pack.info.spacy)
    ends = pack.lex.sentence_ends or SENTENCE_ENDS
    nlp.add_pipe("sentencizer", config={"punct_chars": ends})
    return nlp


_LONG_LINE = 20_000  # characters: a longer line is cut by _cut_long_line, not by spaCy
_PIECE = 2_000       # characters of a piece of a long line, before the character that ends it
_PIECE_END = re.compile(r"[.!?。！？؟]")
_PIECE_BREAK = re.compile(r"[\s，、،]|,(?!\d)")  # not the comma of 1,000


def _cut_long_line(line: str) -> list[tuple[int, str]]:
    """(offset, text) of the pieces of a line too long for spaCy, the whole line in order. A piece
    ends after the last sentence punctuation within _PIECE + 1 characters; without one, after the
    last space or comma (not one between digits); without either, at _PIECE characters (a run of 2,000 characters with no
    space, comma or full stop is no sentence). The rest of the line, once no longer than _PIECE, is
    the last piece. Linear: the ends and breaks are found once, each piece's by bisection."""
    from bisect import bisect_right

    ends = [m.end() for m in _PIECE_END.finditer(line)]
    breaks = [m.end() for m in _PIECE_BREAK.finditer(line)]

    def last(cuts: list[int], lo: int, hi: int) -> Optional[int]:
        """The last of `cuts` in [lo, hi]."""
        i = bisect_right(cuts, hi) - 1
        return cuts[i] if i >= 0 and cuts[i] >= lo else None

    out, pos = [], 0
    while pos < len(line):
        if len(line) - pos <= _PIECE:
            cut = len(line)
        else:
            cut = last(ends, pos + 2, pos + _PIECE + 1) or last(breaks, pos + 1, pos + _PIECE + 1) or pos + _PIECE
        out.append((pos, line[pos:cut]))
        pos = cut
    return out


def _rejoined(line: str, pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Pieces of a line cut where no sentence ends put back together: after an abbreviation's
    full stop the next word goes on in lower case ("выросла на 3 п.п., до 14%", "in the U.S. and
    Canada"), or the piece before ends with a comma, semicolon or colon."""
    out: list[tuple[int, str]] = []
    for off, text in pieces:
        head = text.lstrip()
        if out and head and (head[0].islower() or out[-1][1].rstrip().endswith((",", ";", ":", "，", "；", "：", "،", "؛"))):
            start = out[-1][0]
            out[-1] = (start, line[start:off + len(text)])
            continue
        out.append((off, text))
    return out


def split_sentences(doc: Document, pack: LangPack) -> list[tuple[int, str]]:
    """(offset, text) of each sentence outside the skipped ranges, offsets into doc.text."""
    out = []
    text = doc.text
    pos = 0
    blocks = []
    for s, e in sorted(doc.skipped):
        blocks.append((pos, s))
        pos = max(pos, e)
    blocks.append((pos, len(text)))
    nlp = _nlp(pack.code)
    for bs, be in blocks:
        chunk = text[bs:be]
        if not chunk.strip():
            continue
        # Lines are hard boundaries; spaCy splits within them (blank zh tokenizes by character).
        for line in re.finditer(r"[^\n]+", chunk):
            base = bs + line.start()
            if len(line.group(0)) > _LONG_LINE:
                pieces = _cut_long_line(line.group(0))
            else:
                pieces = _rejoined(line.group(0), [(sent.start_char, sent.text) for sent in nlp(line.group(0)).sents])
            for off, sent in pieces:
                if sent.strip():
                    lead = len(sent) - len(sent.lstrip())
                    out.append((base + off + lead, sent.strip()))
    return out


class DocReader:
    """Reads one document: keeps the people it has named so that later short mentions, pronouns
    and bare titles attach to them."""

    def __init__(self, doc: Document, entities: EntityIndex):
        self.doc = doc
        self.pack = get_pack(doc.lang)
        self.entities = entities
        self.people: list[Subject] = []
        self.short: list[tuple[str, Subject]] = []
        self.main_org: Optional[Subject] = None
        self.org_alias: dict[str, Subject] = {}
        self.main_product: Optional[Subject] = None
        self.native_orgs: dict[str, Subject] = {}
        self._people_cache: dict[str, list[NameMention]] = {}
        self._native_re: Optional[re.Pattern] = None

    # --- subjects -------------------------------------------------------------------------
    def person_subject(self, m: NameMention) -> Subject:
        for s in self.people:
            if fold(s.name) == fold(m.name) or (m.latin and m.latin in s.aliases):
                return s
        key = fold(m.latin) if m.latin else romanize(m.name)
        aliases = sorted({m.name, m.text.split("(")[0].split("（")[0].strip(), *([m.latin] if m.latin else []), *m.aliases} - {""})
        s = Subject(id=f"person:{key.replace(' ', '-')}", name=m.name, kind="person", aliases=aliases)
        self.people.append(s)
        for short in self.pack.rules.short_forms(m.name):
            self.short.append((short, s))
        if m.latin and self.pack.code == "en":
            self.short.append((family_name(m.latin), s))
        return s

    def entity_subject(self, entity) -> Subject:
        return Subject(id=entity.id, name=entity.name, kind=entity.kind if entity.kind in ("org", "product", "person") else "thing",
                       aliases=list(entity.names))

    def _people_in(self, text: str) -> list[NameMention]:
        """The pack's names of people in a sentence, found once (the main-subject pass asks too)."""
        found = self._people_cache.get(text)
        if found is None:
            found = self._people_cache[text] = self.pack.rules.find_people(text, self.pack)
        return found

    def _learn_glosses(self, sentences: list[tuple[int, str]]) -> None:
        """塔弗雷洛(Tavrelo), Tavrelo («Таврело»): the native form of a glossed organisation is an
        alias of its Latin name for the whole article (claims.normalize.glosses), as are the
        glosses of the articles read with it (`Document.known_names`) and the names the pack's
        `org_patterns` find."""
        glossed = [(g.latin, form) for _, text in sentences for g in find_glosses(text, self.pack) if g.kind == "org"
                   for form in dict.fromkeys((g.native, g.lead))]
        for latin, form in glossed + [(latin, form) for form, latin in self.doc.known_names]:
            subject = self.org_alias.get(latin)
            if subject is None:
                subject = Subject(id="org:" + fold(latin).replace(" ", "-"), name=latin, kind="org", aliases=[latin])
                self.org_alias[latin] = subject
            if len(form) >= 2:
                if form not in subject.aliases:
                    subject.aliases.append(form)
                self.native_orgs.setdefault(form, subject)
        # An organisation the pack's patterns find once ("شركة «مارسنتا»", "компания «Таврело»") is
        # the same organisation where the article names it bare later; so is one the pack's rules
        # find (find_orgs: "對手翎岳汽車" names 翎岳汽車, later written 翎岳).
        find_orgs = self.pack.rules.find_orgs
        for _, text in sentences:
            named = [(m.group("name").strip(), None) for p in self._org_patterns() for m in p.finditer(text)]
            named += [(full, head) for full, head in (find_orgs(text, self.pack) if find_orgs else [])]
            for name, head in named:
                if len(name) < 2 or name in self.native_orgs or self._lexicon_words(name):
                    continue
                shown = head or name
                subject = Subject(id=f"org:{romanize(shown).replace(' ', '-')}", name=shown, kind="org",
                                  aliases=sorted({name, shown}))
                self.native_orgs[name] = subject
                if head and len(head) >= 2:
                    self.native_orgs.setdefault(head, subject)
        if self.native_orgs:
            forms = sorted(self.native_orgs, key=len, reverse=True)
            # Cyrillic names decline (Корвейн, Корвейна): a form matches with a short case ending.
            ending = r"\w{0,2}" if self.pack.code == "ru" else ""
            body = "|".join(f"{re.escape(f)}{ending}" for f in forms)
            # Where words take proclitics (Arabic و، ب، ل), a name is a whole word after one of them,
            # never after the article: «مدار» is not in المدار (orbit).
            clitics = [c for c in (self.pack.lex.proclitics or "").split("|") if c and "ال" not in c]
            if clitics:
                body = rf"(?<!\w)(?:{'|'.join(clitics)})?(?:{body})(?!\w)"
            self._native_re = re.compile(body)

    def _lexicon_words(self, name: str) -> bool:
        """Whether a would-be name holds words of the lexicon (an event, a title, a claim word):
        «الإنذار الأحمر» in quotes is the code red, not a company."""
        return any(p.search(name) for section in ("events", "titles", "triggers")
                   for _, p in self.pack.lexicon_patterns[section])

    def _native_org_mentions(self, text: str, taken: list[tuple[int, int]]) -> list[SubjectMention]:
        if self._native_re is None:
            return []
        out = []
        for m in self._native_re.finditer(text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
                continue
            form = next((f for f in sorted(self.native_orgs, key=len, reverse=True)
                         if m.group(0).startswith(f) or m.group(0).endswith(f)), None)
            if form is not None:
                out.append(SubjectMention(m.start(), m.end(), self.native_orgs[form], m.group(0)))
        return out

    def _find_main(self, sentences: list[tuple[int, str]]) -> None:
        orgs: Counter = Counter()
        products: Counter = Counter()
        subjects: dict[str, Subject] = {}
        found: list[list[SubjectMention]] = []
        self._learn_glosses(sentences)
        for _, text in sentences:
            taken = []
            for s, e, ent in self.entities.find(text):
                (products if ent.kind == "product" else orgs)[ent.id] += 1
                subjects[ent.id] = self.entity_subject(ent)
                taken.append((s, e))
            taken += [(p.start, p.end) for p in self._people_in(text)]
            natives = self._native_org_mentions(text, taken)
            taken += [(n.start, n.end) for n in natives]
            found.append(natives + self._latin_orgs(text, taken))
        # "Helion Robotics" named once, then "Helion": the short name is an alias of the long one.
        for sms in found:
            for sm in sms:
                words = sm.subject.name.split()
                if len(words) > 1 and len(words[0]) >= 4 and words[0] not in self.org_alias:
                    self.org_alias[words[0]] = sm.subject
                    # So that 翎岳 links to "Lingyue" of "Lingyue Auto": a Latin first word is the
                    # brand. In other scripts it is as often a common word («واحة الصحة», «واحة
                    # الدواء»: oasis): kept for this article's mentions, not given to other articles.
                    if words[0] not in sm.subject.aliases and words[0].isascii():
                        sm.subject.aliases.append(words[0])
        for sms in found:
            for sm in sms:
                subject = self.org_alias.get(sm.subject.name, sm.subject)
                orgs[subject.id] += 1
                subjects.setdefault(subject.id, subject)
        if orgs:
            self.main_org = subjects[orgs.most_common(1)[0][0]]
        if products:
            self.main_product = subjects[products.most_common(1)[0][0]]

    def _latin_orgs(self, text: str, taken: list[tuple[int, int]]) -> list[SubjectMention]:
        """Capitalised Latin names that are not people: in a Russian, Chinese or Arabic article these
        are mostly organisations and products; in English, capitals that do not start a sentence
        and are not common capitalised words (the pack's `not_org_words`)."""
        common = set(self.pack.lex.not_org_words)
        kinds = set(self.pack.lex.latin_kind_words)
        out = []
        for m in _LATIN_ORG.finditer(text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
                continue
            start, words = m.start(), m.group(1).split()
            while words and words[0] in common:
                start = text.index(words[1], start) if len(words) > 1 else m.end()
                words = words[1:]
            while words and words[-1] in common:
                words = words[:-1]
            if not words:
                continue
            word = " ".join(words)
            if word in kinds:
                continue  # 學習App, 該App: a kind of thing written in Latin letters, no name
            if is_place(word) or (word.isupper() and " " in word):
                continue  # a place, or a dateline in capitals ("HONG KONG (Reuters) -")
            if text[start + len(word):start + len(word) + 1] == "-":
                continue  # "Berlin-based", "US-listed": an adjective, not an actor
            if len(word) < 3 or word.isupper() and len(word) <= 4 and " " not in word:
                continue
            if common and start == 0 and len(words) == 1 and word[1:].islower() and word not in self.org_alias \
                    and not self._described(text, start + len(word)):
                continue  # a capital that merely starts the sentence (unless the article named it before, or
                # a description follows it: "Rihla, the Riyadh-based ride-hailing app, ...")
            subject = self.org_alias.get(word) or Subject(id=f"org:{fold(word).replace(' ', '-')}", name=word,
                                                          kind="org", aliases=[word])
            out.append(SubjectMention(start, start + len(word), subject, word))
        for pattern in self._org_patterns():
            for m in pattern.finditer(text):
                s, e = m.span("name")
                if any(ts <= s < te or s <= ts < e for ts, te in taken):
                    continue
                name = m.group("name").strip()
                subject = Subject(id=f"org:{romanize(name).replace(' ', '-')}", name=name, kind="org", aliases=[name])
                out.append(SubjectMention(s, e, subject, name))
        return out

    def _described(self, text: str, pos: int) -> bool:
        """A description after a name's comma, opened by one of the pack's `description_articles`:
        "X, the Riyadh-based app,", "X, a Lagos lender,"."""
        articles = self.pack.compile(self.pack.lex.description_articles)
        comma = _AFTER_COMMA.match(text, pos)
        if articles is None or comma is None:
            return False
        article = articles.match(text, comma.end())
        return bool(article and _NEXT_WORD.match(text, article.end()))

    def _org_patterns(self) -> list:
        return self.pack.rule_patterns("org_patterns")

    # --- sentences ------------------------------------------------------------------------
    def sentences(self) -> list[Sentence]:
        raw = split_sentences(self.doc, self.pack)
        self._find_main(raw)
        out: list[Sentence] = []
        for i, (offset, text) in enumerate(raw):
            out.append(self.read_sentence(i, offset, text, out[-1] if out else None))
        return out

    def read_sentence(self, index: int, offset: int, text: str, previous: Optional[Sentence]) -> Sentence:
        pack, doc = self.pack, self.doc
        sent = Sentence(doc=doc, pack=pack, index=index, start=offset, text=text)
        future = pack.compile(pack.lex.future)
        hypo = pack.compile(pack.lex.hypothetical)
        sent.future_marks = [m.span() for m in future.finditer(text)] if future else []
        sent.future = bool(sent.future_marks)
        modal = pack.compile(pack.lex.modal)
        sent.modal_marks = [m.span() for m in modal.finditer(text)] if modal else []
        first = hypo.search(text) if hypo else None
        sent.hypothetical = first is not None
        sent.hypothetical_at = first.start() if first is not None else len(text)
        scheduled = pack.compile(pack.lex.scheduled)
        sent.scheduled_marks = [(s, e) for s, e in sent.future_marks if scheduled and scheduled.fullmatch(text, s, e)]
        sent.amounts = find_amounts(text, pack)
        # A move told in the present as fixed ahead (ru "в ноябре уходит на пенсию": the pack's
        # `ahead_words`) is stated, not planned, but a bare month or day in its clause is the next one.
        ahead_words = pack.compile(pack.lex.ahead_words)
        ahead = [m.span() for m in ahead_words.finditer(text)] if ahead_words else []
        sent.times = find_times(text, pack, doc.published,
                                (lambda pos: sent.future_at(pos) or _governed(text, ahead, pos)) if ahead else sent.future_at)
        # A hire with no time of its own takes the day it takes effect from.
        sent.effective_times = [t for t in sent.times if t.effective and t.time.start is not None
                                and t.time.granularity == "day"]
        same = pack.compile(pack.lex.same_period_words)
        if same is not None and previous is not None:
            # "…3月交付1.2万辆；对手同期交付2万辆": the same period as the last one the sentence before named.
            told = [t for t in previous.times if t.time.start is not None]
            for m in same.finditer(text):
                if told and not any(t.start <= m.start() < t.end for t in sent.times):
                    t = told[-1].time.model_copy(update={"text": m.group(0)})
                    sent.times.append(TimeMention(m.start(), m.end(), m.group(0), t))
            sent.times.sort(key=lambda t: t.start)
        sent.durations = find_durations(text, pack, doc.published, sent.amounts)
        for section, target in (("titles", sent.titles), ("triggers", sent.triggers), ("events", sent.events)):
            for key, pattern in pack.lexicon_patterns[section]:
                for m in pattern.finditer(text):
                    target.append(Mention(m.start(), m.end(), key, m.group(0)))
        sent.titles = _longest(sent.titles)
        # A trigger inside a title is part of the title: 共同創辦人 is a co-founder, not a founding.
        sent.triggers = [t for t in sent.triggers if not any(x.start <= t.start < x.end for x in sent.titles)]
        taken: list[tuple[int, int]] = []
        for s, e, ent in self.entities.find(text):
            sm = SubjectMention(s, e, self.entity_subject(ent), text[s:e])
            {"product": sent.products, "person": sent.people}.get(ent.kind, sent.orgs).append(sm)
            taken.append((s, e))
        for m in self._people_in(text):
            if any(s <= m.start < e or m.start <= s < m.end for s, e in taken):
                continue
            if any(s <= m.start and m.end <= e for s, e in ((t.start, t.end) for t in sent.titles)):
                continue
            sent.people.append(SubjectMention(m.start, m.end, self.person_subject(m), m.text))
            taken.append((m.start, m.end))
        same_word = pack.rules.same_word
        for short, subject in self.short:
            for m in _short_form_pattern(short, bool(same_word)).finditer(text):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                if same_word and not same_word(m.group(0), short):
                    continue
                sent.people.append(SubjectMention(m.start(), m.end(), subject, m.group(0)))
                taken.append(m.span())
        natives = self._native_org_mentions(text, taken)
        taken += [(n.start, n.end) for n in natives]
        sent.orgs += natives + self._latin_orgs(text, taken)
        # A word inside a name is part of the name: "Tilmar Investment Authority" is no investment.
        names = [(n.start, n.end) for n in sent.orgs + sent.people + sent.products]
        sent.triggers = [t for t in sent.triggers if not any(s <= t.start and t.end <= e for s, e in names)]
        for key, pattern in pack.lexicon_patterns["pronouns"]:
            for m in pattern.finditer(text):
                if key == "org":
                    sent.org_pronouns.append(Mention(m.start(), m.end(), key, m.group(0)))
                elif key == "latter":
                    # "后者", "the latter": the organisation named last before it in the sentence.
                    named = [o for o in sent.orgs if o.end <= m.start()]
                    if named:
                        last = max(named, key=lambda o: o.end)
                        sent.orgs.append(SubjectMention(m.start(), m.end(), last.subject, m.group(0)))
                elif key == "person" and previous is not None:
                    distinct = {p.subject.id: p for p in previous.people}
                    if len(distinct) == 1:
                        only = next(iter(distinct.values()))
                        sent.person_pronouns.append(SubjectMention(m.start(), m.end(), only.subject, m.group(0)))
                    elif not distinct and previous.person_pronoun:
                        sent.person_pronouns.append(SubjectMention(m.start(), m.end(), previous.person_pronoun.subject, m.group(0)))
        # A name inside an organisation pronoun is part of it ("該App", "this App"): no name.
        sent.orgs = [o for o in sent.orgs if not any(p.start <= o.start and o.end <= p.end for p in sent.org_pronouns)]
        for group in (sent.people, sent.orgs, sent.products):
            group.sort(key=lambda x: x.start)
        sent.orgs = _one_mention_per_gloss(text, sent.orgs)
        if previous is not None and previous.events and not previous.times \
                and "\n\n" not in doc.text[previous.start + len(previous.text):offset]:
            sent.undated_events_before = previous.events
        return sent


def _one_mention_per_gloss(text: str, mentions: list[SubjectMention]) -> list[SubjectMention]:
    """"ألدركرست كابيتال (Aldercrest Capital)": a name and its gloss are one mention, not two."""
    out: list[SubjectMention] = []
    for m in mentions:
        if out and out[-1].subject.id == m.subject.id and re.fullmatch(r"[\s(（«»\"“”]*", text[out[-1].end:m.start]):
            continue
        out.append(m)
    return out


@lru_cache(maxsize=4096)
def _short_form_pattern(short: str, declines: bool) -> re.Pattern:
    """A later mention by a short form; where names decline, with a case ending (Творека)."""
    return re.compile(re.escape(short[:-2]) + r"\w{0,4}" if declines else re.escape(short))


def _longest(mentions: list[Mention]) -> list[Mention]:
    """Overlapping lexicon matches: keep the longest (研究高级副总裁 over 副总裁)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _before_supposition(sent: Sentence, draft) -> bool:
    """A title held now, told in apposition before a supposition starts ("Гендиректор «X» Y может
    покинуть пост, если акционеры ..."), still holds; nothing else of the sentence is stated."""
    return draft.predicate == "role" and draft.tense in (None, "past") and draft.value_span is not None \
        and draft.value_span[1] <= sent.hypothetical_at


def extract_claims(doc: Document, entities: Optional[EntityIndex] = None) -> list[Claim]:
    from claims.extract import EXTRACTORS

    reader = DocReader(doc, entities or load_index())
    claims: list[Claim] = []
    for sent in reader.sentences():
        for extractor in EXTRACTORS.values():
            for draft in extractor(sent, reader):
                if sent.hypothetical and not _before_supposition(sent, draft):
                    continue  # a supposition states nothing
                # A rumour or a denial states nothing: its claims are told like a plan (tense future,
                # Draft.to_claim), so the matcher leaves them out and `claimcheck claims` lists them
                # only with --forecasts; a title named in it still holds.
                claims.append(draft.to_claim(sent, f"{doc.id}#c{len(claims) + 1}"))
    return claims
