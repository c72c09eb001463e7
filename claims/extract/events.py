"""event_date and founding: an event word (from the pack's `events`) or a founding word, and a time."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from claims.extract.money import org_before
from claims.extract import CLAUSE_BREAK, Draft, nearest, next_word_at, own_times
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


def _event_subject(ev, scope: str, sent=None) -> Subject:
    """Named by its kind, the same in every language ("code red"), with the words as written, the
    pack's own name for the kind (`event_names`: "запуск" for "запустил подписку"), the kind's
    English names (events.yaml `names`) and what the words govern ("unveiled its harbour robot")."""
    local = (sent.pack.lex.event_names.get(ev.key) if sent is not None else None) or []
    aliases = list(dict.fromkeys([ev.text.strip("«»\"“”'"), *([local] if isinstance(local, str) else local)]))
    if sent is not None:
        phrase = _governed_phrase(sent, ev)
        if phrase and phrase not in aliases:
            aliases.append(phrase)
    aliases += [n for n in event_kinds().get(ev.key, {}).get("names") or [] if n not in aliases]
    return Subject(id=f"event:{ev.key}@{scope}", name=ev.key.replace("-", " "), kind="event", aliases=aliases)


def _governed_phrase(sent, ev, max_words: int = 6) -> str:
    """The event's words and what follows them in their clause, up to a time, a clause mark, a
    person or organisation named, or `max_words` words (scripts without spaces: 12 characters)."""
    stops = [t.start for t in sent.times] + [m.start for m in [*sent.people, *sent.orgs]]
    end = min([p for p in stops if p >= ev.end] + [len(sent.text)])
    brk = CLAUSE_BREAK.search(sent.text, ev.end, end)
    end = brk.start() if brk else end
    tail = sent.text[ev.end:end]
    if sent.pack.word_boundary:
        tail = " ".join(tail.split()[:max_words])
        return f"{sent.text[ev.start:ev.end]} {tail}".strip(" .") if tail else ""
    tail = tail[:12].strip()
    return f"{sent.text[ev.start:ev.end]}{tail}".strip("。 ") if tail else ""


def _founds_an_object(sent, trig) -> bool:
    """"Acme established a research lab in 2020", "set up its Paris office": the founding of a part
    (the pack's `founded_object_words` right after the verb, and no organisation named there)."""
    words = sent.pack.compile(sent.pack.lex.founded_object_words)
    if words is None:
        return False
    m = words.match(sent.text, next_word_at(sent.text, trig.end))
    return m is not None and not any(0 <= o.start - trig.end <= 45 for o in sent.orgs)


def _founded(sent, trig, reader):
    """(organisation, named nearby) a founding word is about: the one named after it in its clause
    ("founded Beirut-based Acme in 2012"); for a sentence that opens with the word ("Founded in
    2017, the company ...", "Co-founded last year by X, payroll start-up Acme ..."), the first one
    named after it; else the one its clause is about ("Acme, which was founded", "It was founded":
    the article's own)."""
    orgs = [o for o in sent.orgs if o.subject.kind == "org"]
    passive = sent.pack.compile(sent.pack.lex.passive_markers)
    head = sent.text[max(0, trig.start - 12):trig.start].rstrip()
    if passive is not None and any(m.end() == len(head) for m in passive.finditer(head)):
        org = org_before(sent, trig.start, reader)  # "Acme was set up in 2021 in Jakarta": Acme's
        if org is not None:
            return org, org is not reader.main_org or any(o.subject is org for o in orgs)
    by = sent.pack.compile(sent.pack.lex.agent_words)
    # "founded in 2015 by three former Opel engineers": an organisation after the agent word is
    # where the founders came from, not what they founded.
    after = [o for o in orgs if 0 <= o.start - trig.end <= 45 and not CLAUSE_BREAK.search(sent.text, trig.end, o.start)
             and not (by is not None and by.search(sent.text, trig.end, o.start))]
    if after:
        return after[0].subject, True
    if trig.start <= 2:
        later = [o for o in orgs if o.start >= trig.end]
        if later:
            return later[0].subject, True
    agents = [o for o in orgs if o.start > trig.end and by is not None and by.search(sent.text, trig.end, o.start)]
    org = org_before(sent, trig.start, reader, exclude=agents)
    return org, org is not None and org is not reader.main_org


def _only_recent(t) -> bool:
    """"Recently", "in recent months" (a pack's `recent`): the year before publication, approximate."""
    return bool(t.approx and t.relative and t.granularity == "month" and t.start and t.end
                and (t.end - t.start).days > 300)


def extract(sent, reader) -> list[Draft]:
    out = []
    times = _times(sent)
    if not times:
        return out
    main = reader.main_org.id.split(":", 1)[-1] if reader.main_org else "unscoped"
    for ev in sent.events:
        t = nearest(own_times(sent, ev, times), ev.start, max_gap=80)
        if t is None or _only_recent(t.time):
            continue  # "recently, in an internal memo": no date to check an event against
        # An event belongs to the organisation named right beside it, else to the article's own;
        # some kinds are always the article's own (events.yaml `scope: article`).
        beside = None if event_kinds().get(ev.key, {}).get("scope") == "article" else \
            nearest([o for o in sent.orgs if o.subject.kind == "org"], ev.start, max_gap=15)
        scope = beside.subject.id.split(":", 1)[-1] if beside else main
        subject = _event_subject(ev, scope, sent)
        whom = _person_of(sent, ev) if event_kinds().get(ev.key, {}).get("object") == "person" else None
        out.append(Draft("event_date", subject, _time_of(t), (t.start, t.end), object=whom, confidence=0.8))
    # An event named undated, then told in the next sentence, which opens with its date ("...после
    # аварии ракеты. 17 марта вторая ступень отключилась"): that opening date is the event's.
    opening = [t for t in sent.times if t.start <= 1 and t.time.start is not None]
    if not sent.events and sent.undated_events_before and opening:
        t = opening[0]
        out.append(Draft("event_date", _event_subject(sent.undated_events_before[-1], main), t.time, (t.start, t.end), confidence=0.6))
    for trig in sent.triggers_for("founding"):
        mine = own_times(sent, trig, times)
        t = nearest(mine, trig.start, max_gap=60)
        if t is None:
            # Verb first (أسس رجل الأعمال X شركة «Y» في القاهرة عام 2019): the names of people
            # between a founding word and its time do not count in their distance.
            reach = 60 + sum(p.end - p.start for p in sent.people if 0 <= p.start - trig.end <= 60)
            t = nearest(mine, trig.start, max_gap=reach)
        if t is None or _founds_an_object(sent, trig):
            continue
        subject, sure = _founded(sent, trig, reader)
        if subject is None:
            continue
        out.append(Draft("founding", subject, _time_of(t), (t.start, t.end), confidence=0.75 if sure else 0.5))
    return out
