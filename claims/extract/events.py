"""event_date and founding: an event word (from the pack's `events`) or a founding word, and a time."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from claims.extract import CLAUSE_BREAK, Draft, nearest, own_times
from claims.model import Subject

EVENT_KINDS = Path(__file__).resolve().parents[1] / "data" / "events.yaml"


@lru_cache(maxsize=1)
def event_kinds() -> dict[str, dict]:
    """claims/data/events.yaml: what each event kind is (recurring, scope)."""
    data = yaml.safe_load(EVENT_KINDS.read_text(encoding="utf-8")) or {}
    return {k: (v or {}) for k, v in (data.get("events") or {}).items()}


def _times(sent):
    """Times in the sentence, with "N years ago" read as a time too."""
    out = [t for t in sent.times if t.time.start is not None or t.time.month]
    out += [d for d in sent.durations if d.ago is not None]
    return out


def _time_of(m):
    return m.ago if hasattr(m, "ago") else m.time


def _person_of(sent, ev):
    """The person an event happens to, named in its clause right after the event word (titles
    may stand between: "ousted founder and chief executive Nadir Bouzelmat") or right before it
    ("Altman was ousted")."""
    after = [p for p in sent.people if 0 <= p.start - ev.end <= 60
             and not CLAUSE_BREAK.search(sent.text, ev.end, p.start)]
    if after:
        return after[0].subject
    before = [p for p in sent.people if 0 <= ev.start - p.end <= 12]
    return before[-1].subject if before else None


def _event_subject(ev, scope: str) -> Subject:
    """Named by its kind, the same in every language ("code red"), with the words as written."""
    return Subject(id=f"event:{ev.key}@{scope}", name=ev.key.replace("-", " "), kind="event",
                   aliases=[ev.text.strip("«»\"“”'")])


def extract(sent, reader) -> list[Draft]:
    out = []
    times = _times(sent)
    if not times:
        return out
    main = reader.main_org.id.split(":", 1)[-1] if reader.main_org else "unscoped"
    for ev in sent.events:
        t = nearest(own_times(sent, ev, times), ev.start, max_gap=80)
        if t is None:
            continue
        # An event belongs to the organisation named right beside it, else to the article's own;
        # some kinds are always the article's own (events.yaml `scope: article`).
        beside = None if event_kinds().get(ev.key, {}).get("scope") == "article" else \
            nearest([o for o in sent.orgs if o.subject.kind == "org"], ev.start, max_gap=15)
        scope = beside.subject.id.split(":", 1)[-1] if beside else main
        subject = _event_subject(ev, scope)
        whom = _person_of(sent, ev) if event_kinds().get(ev.key, {}).get("object") == "person" else None
        out.append(Draft("event_date", subject, _time_of(t), (t.start, t.end), object=whom, confidence=0.8))
    # An event named undated, then told in the next sentence, which opens with its date ("...после
    # аварии ракеты. 17 марта вторая ступень отключилась"): that opening date is the event's.
    opening = [t for t in sent.times if t.start <= 1 and t.time.start is not None]
    if not sent.events and sent.undated_events_before and opening:
        t = opening[0]
        out.append(Draft("event_date", _event_subject(sent.undated_events_before[-1], main), t.time, (t.start, t.end), confidence=0.6))
    for trig in sent.triggers_for("founding"):
        # The people named between a founding word and its time or organisation do not count in the
        # distance ("أسس رجل الأعمال X شركة «Y» عام 2019").
        named = [p for p in sent.people if p.start >= trig.end]
        reach = 25 + sum(p.end - p.start for p in named if p.start - trig.end <= 60)
        orgs = [o for o in sent.orgs if o.subject.kind == "org"]
        after = [o for o in orgs if o.start >= trig.end and o.start - trig.end <= reach]
        mine = own_times(sent, trig, times)
        # With the founded organisation named after the word, a time in the word's own clause is
        # the founding's, however many words stand between ("أسس رجل الأعمال X منصة «Y» التعليمية في
        # 2017"); "Acme established a research lab in Paris in 2020" founds no Acme.
        same = [t for t in mine if after and not CLAUSE_BREAK.search(sent.text, min(t.end, trig.end), max(t.start, trig.start))]
        t = nearest(same, trig.start, max_gap=80) or nearest(mine, trig.start, max_gap=reach)
        if t is None:
            continue
        near = after[0] if after else nearest(orgs, trig.start, max_gap=25)
        subject = near.subject if near else None
        if subject is None:
            continue
        founders = None
        out.append(Draft("founding", subject, _time_of(t), (t.start, t.end), object=founders,
                         confidence=0.75 if near else 0.5))
    return out
