"""role, departure, hire, tenure: claims about people.

A title binds to the name written right after it (首席研究官马克·陈, CEO Sam Altman, главным учёным
Якобом Пачоцким) or right before it with a comma, colon or dash (مارك تشين، كبير مسؤولي الأبحاث).
A departure or hire binds to every person of its sentence, or to the person a pronoun stands for.
"""
from __future__ import annotations

import datetime as dt

import regex as re

from claims.extract import Draft, nearest, own_times
from claims.model import Time, Title

_GAP_AFTER_TITLE = r"^[\s\p{Pd}的:：,，]*(?:[A-Za-z][\w\- ]{1,30}?)?[\s的]*(?:(?:GAP)\s*)?$"


def _gap_after_title(pack) -> re.Pattern:
    """Between a title and its holder: punctuation, an organisation's Latin name, or one of the
    pack's `title_gap_words` ("главный научный сотрудник компании Аника Брандт")."""
    words = "|".join(pack.get("title_gap_words") or []) or "(?!)"
    return re.compile(_GAP_AFTER_TITLE.replace("GAP", words), re.I)
_GAP_BEFORE_TITLE = re.compile(r"^\s*[,،:：\p{Pd}]\s*$")


def _as_of(sent) -> Time | None:
    d = sent.doc.published
    return Time(start=d, end=d, granularity="day", text="publication date") if d else None


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


def roles(sent, reader) -> list[Draft]:
    out = []
    bound: set[int] = set()
    for title in sent.titles:
        person = None
        for p in sent.people:
            if p.start >= title.end and _gap_after_title(sent.pack).match(sent.text[title.end:p.start]):
                person = p
                break
        if person is None:
            for p in reversed(sent.people):
                if p.end <= title.start and _GAP_BEFORE_TITLE.match(sent.text[p.end:title.start]):
                    person = p
                    break
        if person is None or id(person) in bound:
            continue
        bound.add(id(person))
        org = nearest([o for o in sent.orgs if o.subject.kind == "org"], title.start, max_gap=12)
        value = Title(id=title.key, text=title.text)
        out.append(Draft("role", person.subject, value, (title.start, title.end),
                         object=org.subject if org else reader.main_org, time=_as_of(sent), confidence=0.8,
                         tense="former" if _former(sent, title) else _title_tense(sent, title)))
    return out


def moves(sent, reader) -> list[Draft]:
    out = []
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
            t = nearest(own_times(sent, trig, [t for t in sent.times if t.time.start or t.time.month]), trig.start,
                        max_gap=80)
            orgs = [o for o in sent.orgs if o.subject.kind == "org"]
            after = [o for o in orgs if o.start >= trig.end and o.start - trig.end <= 20]
            if predicate == "hire":
                org = after[0].subject if after else None
                if org is None:
                    continue
                out.append(Draft("hire", person.subject, None, None, object=org, time=t.time if t else None,
                                 confidence=0.7, anchor=trig.start))
            else:
                left = next((o.subject for o in orgs if not after or o is not after[0]), reader.main_org)
                dest = None
                hires = sent.triggers_for("hire")
                if hires:
                    dest_after = [o for o in orgs if any(0 <= o.start - h.end <= 20 for h in hires)]
                    dest = dest_after[0].subject if dest_after else None
                    if dest and left and dest.id == left.id:
                        left = reader.main_org
                out.append(Draft("departure", person.subject, None, None, object=left, destination=dest,
                                 time=t.time if t else None, confidence=0.75 if t else 0.6, anchor=trig.start))
    return out


def tenures(sent, reader) -> list[Draft]:
    out = []
    triggers = sent.triggers_for("tenure")
    if not triggers:
        return out
    for d in sent.durations:
        if d.ago is not None or d.duration.years is None or d.duration.years > 60:
            continue
        if nearest(triggers, d.start, max_gap=12) is None and nearest(triggers, d.end, max_gap=12) is None:
            continue
        people = _people(sent)
        person = nearest(people, d.start)
        if person is None:
            continue
        out.append(Draft("tenure", person.subject, d.duration, (d.start, d.end), object=reader.main_org,
                         confidence=0.7))
    return out


def extract(sent, reader) -> list[Draft]:
    return roles(sent, reader) + moves(sent, reader) + tenures(sent, reader)
