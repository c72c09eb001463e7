"""role, departure, hire, tenure: claims about people.

A title binds to the name written right after it (首席研究官马克·陈, CEO Sam Altman, главным учёным
Якобом Пачоцким) or right before it with a comma, colon or dash (مارك تشين، كبير مسؤولي الأبحاث).
A departure or hire binds to every person of its sentence, or to the person a pronoun stands for.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from claims.extract import CLAUSE_BREAK, Draft, nearest, own_times
from claims.model import PUBLICATION_DATE, Time, Title

_GAP_AFTER_TITLE = r"^[\s\p{Pd}的:：,，]*(?:[A-Za-z][\w\- ]{1,30}?)?[\s的]*(?:(?:GAP)\s*){0,2}$"


@lru_cache(maxsize=None)
def _gap_after_title(pack) -> re.Pattern:
    """Between a title and its holder: punctuation, an organisation's Latin name, or one of the
    pack's `title_gap_words` ("главный научный сотрудник компании Аника Брандт")."""
    words = "|".join(pack.get("title_gap_words") or []) or "(?!)"
    return re.compile(_GAP_AFTER_TITLE.replace("GAP", words), re.I)
_GAP_BEFORE_TITLE = r"^\s*[,،:：\p{Pd}]\s*(?:(?:APPOSITION)\s+)?$"


@lru_cache(maxsize=None)
def _gap_before_title(pack) -> re.Pattern:
    """Between a holder and the title after it: a comma or a dash, and one of the pack's
    `apposition_words` ("Rafael Quintas, the chief engineer")."""
    words = "|".join(pack.get("apposition_words") or []) or "(?!)"
    return re.compile(_GAP_BEFORE_TITLE.replace("APPOSITION", words), re.I)


def _as_of(sent) -> Time | None:
    d = sent.doc.published
    return Time(start=d, end=d, granularity="day", text=PUBLICATION_DATE) if d else None


def _former(sent, title) -> bool:
    """"former chief scientist", "бывший исследователь", "前研究总监", "الرئيس التنفيذي السابق"."""
    pattern = sent.pack.compile(sent.pack.get("former") or [])
    if pattern is None:
        return False
    before = sent.text[max(0, title.start - 14):title.start]
    after = sent.text[title.end:title.end + 12]
    return any(m.end() >= len(before.rstrip()) - 1 for m in pattern.finditer(before)) or \
        any(m.start() <= 1 for m in pattern.finditer(after))


def _title_tense(sent, title) -> str:
    """A title is held now unless a future word governs it directly ("即將擔任首席科學家", "will
    become CEO"); a forecast elsewhere in the sentence does not make its speaker's title future."""
    near = [e for s, e in sent.future_marks if e <= title.start and title.start - e <= 12]
    return "future" if near else "past"


def _people(sent):
    people = list(sent.people)
    if sent.person_pronoun and not people:
        people.append(sent.person_pronoun)
    return people


@lru_cache(maxsize=None)
def _title_joiners(pack):
    """The pack's `title_joiners` ("و": "الشريك المؤسس والرئيس التنفيذي"): between two titles of one
    holder. None where the pack has none (then two titles are never joined)."""
    words = pack.get("title_joiners") or []
    if not words:
        return None
    return re.compile(rf"^\s*(?:(?:{'|'.join(words)})\s*)?$")


def _joined_titles(sent, holders: dict) -> None:
    """A title with no holder of its own, joined to a title that has one ("X، الشريك المؤسس
    والرئيس التنفيذي لـ«Y»", "مؤسسها ورئيسها التنفيذي X"): the same holder."""
    joiners = _title_joiners(sent.pack)
    if joiners is None:
        return
    titles = sent.titles
    for _ in range(2):
        for i, t in enumerate(titles):
            if id(t) in holders:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(titles) and id(titles[j]) in holders:
                    a, b = (titles[j], t) if j < i else (t, titles[j])
                    if joiners.match(sent.text[a.end:b.start]):
                        holders[id(t)] = holders[id(titles[j])]
                        break


def roles(sent, reader, moved: dict[str, list]) -> list[Draft]:
    """`moved`: the move words bound to each person of the sentence (subject id -> [(predicate, word)])."""
    out = []
    holders: dict = {}
    for title in sent.titles:
        person = None
        for p in sent.people:
            if p.start >= title.end and _gap_after_title(sent.pack).match(sent.text[title.end:p.start]):
                person = p
                break
        if person is None:
            for p in reversed(sent.people):
                if p.end <= title.start and _gap_before_title(sent.pack).match(sent.text[p.end:title.start]):
                    person = p
                    break
        if person is None:
            person = _joined_as(sent, title, moved)
        if person is not None:
            holders[id(title)] = person
    _joined_titles(sent, holders)
    for title in sent.titles:
        if id(title) not in holders:
            person = _post_holder(sent, title)
            if person is not None:
                holders[id(title)] = person
    for title in sent.titles:
        person = holders.get(id(title))
        if person is None:
            continue
        org = _org_of_title(sent, title)
        value = Title(id=title.key, text=title.text)
        time = _as_of(sent)
        left = _left_post(sent, title, person, moved)
        if left is not None:
            tense, time = "former", left or time
        else:
            tense = "former" if _former(sent, title) else _title_tense(sent, title)
        out.append(Draft("role", person.subject, value, (title.start, title.end),
                         object=org.subject if org else reader.main_org, time=time, confidence=0.8, tense=tense))
    return out + _founders(sent, reader)


@lru_cache(maxsize=None)
def _post_marks(pack):
    """The pack's `post_words` (right before a title: "في منصب", "بمنصب"), `post_forms` (a title's
    own form that says it is a post taken or held: the Arabic accusative "رئيساً تنفيذياً") and
    `post_breaks` (words that open another subject's clause: "قال X إن الشركة عينت مديراً")."""
    def alt(key, fmt):
        words = pack.get(key) or []
        return re.compile(fmt.format("|".join(words))) if words else None
    return alt("post_words", r"(?:{})\s*$"), alt("post_forms", r"^(?:{})"), alt("post_breaks", r"(?<!\w)(?:{})(?!\w)")


def _post_holder(sent, title):
    """A title marked as a post (the pack's `post_words` before it, or a `post_forms` form) with no
    holder beside it: the person named last before it in the sentence ("انضمت X إلى «Y» في منصب
    T", "عاد في فبراير رئيساً تنفيذياً"), unless a clause of another subject opens between."""
    before, form, breaks = _post_marks(sent.pack)
    if before is None and form is None:
        return None
    marked = (before is not None and before.search(sent.text, max(0, title.start - 16), title.start)) or \
        (form is not None and form.match(title.text))
    if not marked:
        return None
    people = [p for p in _people(sent) if p.end <= title.start]
    if not people:
        return None
    person = people[-1]
    if breaks is not None and breaks.search(sent.text, person.end, title.start):
        return None
    return person


def _founders(sent, reader) -> list[Draft]:
    """Where the pack says a founding verb comes before its subject (`founding_subject_after`:
    "أسس رجل الأعمال X شركة «Y»"): the first person after the founding word in its clause, with the
    people listed right after it, founded the organisation; two or more are co-founders."""
    if not sent.pack.get("founding_subject_after"):
        return []
    out = []
    orgs = [o for o in sent.orgs if o.subject.kind == "org"]
    for trig in sent.triggers_for("founding"):
        first = next((p for p in sent.people if p.start >= trig.end and p.start - trig.end <= 60
                      and not CLAUSE_BREAK.search(sent.text, trig.end, p.start)), None)
        if first is None or any(trig.end <= o.start < first.start for o in orgs):
            continue
        group = [first]
        for p in sent.people:
            if p.start > group[-1].end and re.fullmatch(r"\s*(?:[,،]\s*)?\S*\s*", sent.text[group[-1].end:p.start]) \
                    and not CLAUSE_BREAK.search(sent.text, group[-1].end, p.start):
                group.append(p)
        key = "co_founder" if len(group) > 1 else "founder"
        org = next((o for o in orgs if o.start >= group[-1].end and not CLAUSE_BREAK.search(sent.text, group[-1].end, o.start)), None)
        for p in group:
            out.append(Draft("role", p.subject, Title(id=key, text=trig.text), (trig.start, trig.end),
                             object=org.subject if org else reader.main_org, time=_as_of(sent), confidence=0.7,
                             tense="past"))
    return out


def _org_of_title(sent, title):
    """The organisation of a post: named right after it ("chief executive of Corvane", "директор
    компании Acme", "الرئيس التنفيذي لشركة X"), else right before it ("OpenAI's chief scientist",
    "OpenAI的首席研究官")."""
    orgs = [o for o in sent.orgs if o.subject.kind == "org"]
    after = [o for o in orgs if 0 <= o.start - title.end <= 12 and not CLAUSE_BREAK.search(sent.text, title.end, o.start)]
    if after:
        return after[0]
    before = [o for o in orgs if 0 <= title.start - o.end <= 12 and not CLAUSE_BREAK.search(sent.text, o.end, title.start)]
    return before[-1] if before else None


def _joined_as(sent, title, moved):
    """The new post named right after a joining word: "梁雨晴(Grace Liang)接任首席财务官", "X was
    named chief executive", "назначен генеральным директором", "عُيّن X رئيساً تنفيذياً"; or right
    before it with the person after ("финансовым директором стала Вивиан Чёк")."""
    breaks = _post_marks(sent.pack)[2]
    for p in _people(sent):
        for predicate, w in moved.get(p.subject.id, []):
            if predicate != "hire":
                continue
            if breaks is not None and p.end <= w.start and breaks.search(sent.text, p.end, w.start):
                continue  # "قال X إن أكمي عينت مديراً": the appointee is not the speaker
            after = max(w.end, p.end) if p.start >= w.end else w.end
            if 0 <= title.start - after <= 12 and not CLAUSE_BREAK.search(sent.text, after, title.start):
                return p
            # Russian puts the post first: "финансовым директором «Вольтренцы» стала Вивиан Чёк".
            if p.start >= w.end and 0 <= w.start - title.end <= 20 and \
                    not CLAUSE_BREAK.search(sent.text, title.end, p.start):
                return p
    return None


def _left_post(sent, title, person, moved):
    """A title its holder leaves in this very sentence is a post held until then: "ousted founder
    and chief executive Nadir Bouzelmat", "Chief medical officer Elliot Marsh left in October",
    "финансовый директор Тарек Мансур ... стал президентом". Returns None for a title held now
    (a title after the joining word is the new post: "...to become chief executive of Corvane"),
    else the time of the move when the sentence gives one (False when it does not)."""
    words = moved.get(person.subject.id, [])
    joins = [w for p, w in words if p == "hire"]
    if any(title.start >= w.end for w in joins):
        return None
    ousting = [e for e in sent.events if e.key == "ousting" and e.end <= person.start]
    leaving = ousting + [w for p, w in words if p == "departure"] + [w for w in joins if title.end <= w.start]
    if not leaving:
        return None
    times = [t for t in sent.times if t.time.start]
    t = nearest(own_times(sent, leaving[0], times), leaving[0].start, max_gap=80)
    return t.time if t else False


def moves(sent, reader) -> tuple[list[Draft], dict[str, list]]:
    """Departures and hires, and the move words bound to each person."""
    out = []
    moved: dict[str, list] = {}
    for predicate in ("departure", "hire"):
        triggers = sent.triggers_for(predicate)
        if not triggers:
            continue
        pairs = []
        for person in _people(sent):
            trig = nearest(triggers, person.start, max_gap=120)
            if trig is not None:
                pairs.append((person, trig))
        # A trigger no person took ("...重返OpenAI,但在2024年2月離開") goes to the nearest person.
        for trig in triggers:
            if all(t is not trig for _, t in pairs):
                person = nearest(_people(sent), trig.start, max_gap=120)
                if person is not None:
                    pairs.append((person, trig))
        for person, trig in pairs:
            moved.setdefault(person.subject.id, []).append((predicate, trig))
            t = nearest(own_times(sent, trig, [t for t in sent.times if t.time.start or t.time.month]), trig.start,
                        max_gap=80)
            time = t.time if t else None
            orgs = [o for o in sent.orgs if o.subject.kind == "org"]
            if predicate == "hire":
                org = _org_after(sent, trig, orgs)
                # "His successor, Reda Mesbouhi, took over in January": the article's own company.
                out.append(Draft("hire", person.subject, None, None, object=org or reader.main_org, time=time,
                                 confidence=0.7 if org else 0.55, anchor=trig.start))
                continue
            # Where the person went: the organisation named right after a joining word
            # ("left Helion in March to join Acme", "to become chief executive of Corvane").
            dest = next((o for h in sent.triggers_for("hire") if h.start > trig.start
                         for o in [_org_after(sent, h, orgs, gap=32)] if o), None)
            left = _org_after(sent, trig, orgs)
            if left is None or (dest and left.id == dest.id):
                left = _org_before(sent, trig, orgs) or reader.main_org
            out.append(Draft("departure", person.subject, None, None, object=left, destination=dest, time=time,
                             confidence=0.75 if t else 0.6, anchor=trig.start))
    return out, moved


def _org_after(sent, trig, orgs, gap: int = 20):
    """The organisation a move word governs: named right after it, in its clause ("left Helion",
    "перешла в Acme", "加入OpenAI", "انضم إلى شركة أكمي")."""
    for o in orgs:
        if 0 <= o.start - trig.end <= gap and not CLAUSE_BREAK.search(sent.text, trig.end, o.start):
            return o.subject
    return None


def _org_before(sent, trig, orgs, gap: int = 6):
    """"从OpenAI离职", "OpenAI的...离开": an organisation right before the move word."""
    for o in reversed(orgs):
        if 0 <= trig.start - o.end <= gap and not CLAUSE_BREAK.search(sent.text, o.end, trig.start):
            return o.subject
    return None


@lru_cache(maxsize=None)
def _interval_words(pack):
    """The pack's `interval_words` ("after", "после", "后", "بعد") right after a duration."""
    words = pack.get("interval_words") or []
    if not words:
        return None
    alt = "|".join(sorted(words, key=len, reverse=True))
    b = r"(?!\w)" if pack.word_boundary else ""
    return re.compile(rf"\s*(?:{alt}){b}", re.I)


def _apart(sent, a, b) -> int:
    """Characters between two mentions, less those of the people named between them."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    if lo >= hi:
        return 0
    return hi - lo - sum(p.end - p.start for p in sent.people if lo <= p.start and p.end <= hi)


@lru_cache(maxsize=None)
def _stay_since(pack):
    """The pack's `stay_since`: words of "since" before a duration and present verbs of holding a
    post: "يترأس X مجلس الإدارة منذ ١٢ عاماً" is a stay of twelve years, not a time twelve years ago."""
    data = pack.get("stay_since") or {}
    if not data.get("since") or not data.get("verbs"):
        return None
    return re.compile(rf"(?:{'|'.join(data['since'])})\s*$"), pack.compile(data["verbs"])


def _held_since(sent, d, since, verbs) -> bool:
    if not since.search(sent.text, max(0, d.start - 8), d.start):
        return False
    start = 0
    for m in CLAUSE_BREAK.finditer(sent.text, 0, d.start):
        start = m.end()
    return bool(verbs.search(sent.text, start, d.start))


def tenures(sent, reader) -> list[Draft]:
    out = []
    triggers = sent.triggers_for("tenure")
    stay = _stay_since(sent.pack)
    if not triggers and not stay:
        return out
    for d in sent.durations:
        # A stay is counted in months or years; "five weeks after the derailment" is no tenure.
        if d.duration.years is None or not 0.2 <= d.duration.years <= 60:
            continue
        held = bool(stay) and _held_since(sent, d, *stay)
        if d.ago is not None and not held:
            continue
        # Verb first, then the person, then the stay ("أمضى سامي ناصر ثماني سنوات"): a name between
        # the word and the duration does not count in their distance.
        if not held and not any(_apart(sent, t, d) <= 12 for t in triggers):
            continue
        interval = _interval_words(sent.pack)
        if interval is not None and interval.match(sent.text, d.end):
            continue  # "five weeks after the derailment", "два года спустя": a gap between events
        people = _people(sent)
        person = nearest(people, d.start)
        if person is None:
            continue
        out.append(Draft("tenure", person.subject, d.duration, (d.start, d.end), object=reader.main_org,
                         confidence=0.7))
    return out


def extract(sent, reader) -> list[Draft]:
    move_drafts, moved = moves(sent, reader)
    return roles(sent, reader, moved) + move_drafts + tenures(sent, reader)
