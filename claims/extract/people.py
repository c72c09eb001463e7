"""role, departure, hire, tenure: claims about people.

A title binds to the name written right after it (首席研究官马克·陈, CEO Sam Altman, главным учёным
Якобом Пачоцким) or right before it with a comma, colon or dash (مارك تشين، كبير مسؤولي الأبحاث).
A departure or hire binds to every person of its sentence, or to the person a pronoun stands for.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex as re

from claims.extract import CLAUSE_BREAK, Draft, nearest, next_word_at, own_times
from claims.model import PUBLICATION_DATE, Time, Title

_GAP_AFTER_TITLE = r"^[\s\p{Pd}的:：,，،]*(?:[A-Za-z][\w\- ]{1,30}?)?[\s的]*(?:(?:GAP)[\s,，،]*){0,2}$"


@lru_cache(maxsize=None)
def _gap_after_title(pack) -> re.Pattern:
    """Between a title and its holder: punctuation, an organisation's Latin name, or one of the
    pack's `title_gap_words` ("главный научный сотрудник компании Аника Брандт")."""
    words = "|".join(pack.lex.title_gap_words) or "(?!)"
    return re.compile(_GAP_AFTER_TITLE.replace("GAP", words), re.I)
# "X, 39, the company's chief ...": a comma or dash, an age, and any of the pack's apposition words.
# A parenthesis may stand before the comma: "X (61), the chief ...", "استقال X (61 عاماً)، الرئيس ...".
_GAP_BEFORE_TITLE = r"^\s*(?:\([^()]{1,30}\)\s*)?[,،:：\p{Pd}]\s*(?:\d{1,3}\s*[,،]\s*)?(?:(?:APPOSITION)\s*)*$"


@lru_cache(maxsize=None)
def _gap_before_title(pack) -> re.Pattern:
    """Between a holder and the title after it: a comma or a dash, and one of the pack's
    `apposition_words` ("Rafael Quintas, the chief engineer")."""
    words = "|".join(pack.lex.apposition_words) or "(?!)"
    return re.compile(_GAP_BEFORE_TITLE.replace("APPOSITION", words), re.I)


@lru_cache(maxsize=None)
def _bare_apposition(pack) -> re.Pattern | None:
    """The pack's `apposition_bare`: a title whose text matches it is its holder's when written
    right after the name with no comma (Arabic, an indefinite title: "رحيل X مؤسس «Y»"; a definite
    one after a name is mostly the verb's object: "التقى X الرئيسَ التنفيذي")."""
    pattern = pack.lex.apposition_bare
    return re.compile(pattern) if pattern else None


def _as_of(sent) -> Time | None:
    d = sent.doc.published
    return Time(start=d, end=d, granularity="day", text=PUBLICATION_DATE) if d else None


def _former(sent, title) -> bool:
    """"former chief scientist", "бывший исследователь", "前研究总监", "الرئيس التنفيذي السابق"."""
    pattern = sent.pack.compile(sent.pack.lex.former)
    if pattern is None:
        return False
    start = title.start
    # "former Denkai Systems engineer": an organisation may stand between the word and the title.
    org = next((o for o in sent.orgs if 0 <= title.start - o.end <= 2 and "'" not in sent.text[o.end:title.start]), None)
    if org is not None:
        start = org.start
    before = sent.text[max(0, start - 24):start]  # "كانت تشغل منصب" ends right there
    after = sent.text[title.end:title.end + 12]
    # Where the pack allows it, the words that narrow the post may stand between (前全球研发负责人).
    gap = _former_gap(sent.pack)
    return any(m.end() >= len(before.rstrip()) - 1 or (gap is not None and gap.fullmatch(before, m.end()))
               for m in pattern.finditer(before)) or \
        any(m.start() <= 1 and not CLAUSE_BREAK.search(after, 0, m.start()) for m in pattern.finditer(after))


@lru_cache(maxsize=None)
def _former_gap(pack):
    gap = pack.get("former_gap")
    return re.compile(gap) if gap else None


def _title_tense(sent, title) -> str:
    """A title is held now unless a future word governs it directly ("即將擔任首席科學家", "will
    become CEO"); a forecast elsewhere in the sentence does not make its speaker's title future."""
    near = [e for s, e in sent.future_marks if e <= title.start and title.start - e <= 12]
    return "future" if near else "past"


def _people(sent):
    people = list(sent.people)
    if sent.person_pronouns and not people:
        people += sent.person_pronouns
    return people


def title_chains(sent) -> list[list]:
    """Titles joined by the pack's `title_joiners` ("founder and chairman", "联合创始人兼首席执行官")
    are one chain: they share their holder and their organisation."""
    joiners = "|".join(sent.pack.lex.title_joiners) or "(?!)"
    joined = re.compile(rf"\s*(?:,|、|(?:{joiners}))?\s*", re.I)
    chains: list[list] = []
    for title in sorted(sent.titles, key=lambda t: t.start):
        if chains and joined.fullmatch(sent.text, chains[-1][-1].end, title.start):
            chains[-1].append(title)
        else:
            chains.append([title])
    return chains


@lru_cache(maxsize=None)
def _title_lead(pack) -> re.Pattern | None:
    """A word that makes the title after it the post of its clause's subject: "as", "became",
    "promoted to", with determiners and an organisation's possessive between ("as its first
    chief commercial officer", "served as Acme's chief financial officer")."""
    leads = pack.lex.title_leads
    if not leads:
        return None
    dets = "|".join(pack.lex.title_lead_fillers) or "(?!)"
    lead = "|".join(sorted(leads, key=len, reverse=True))
    b = r"(?<!\w)" if pack.word_boundary else ""
    return re.compile(rf"{b}(?:{lead})\s*(?:(?:{dets})\s*)*(?:\p{{Lu}}[\p{{L}}\-]*(?:\s+\p{{Lu}}[\p{{L}}\-]*){{0,3}}(?:['’]s)?\s+)?$", re.I)


def _led_holder(sent, first, people):
    """The holder of a title after a lead word: the person nearest before the lead word in the
    sentence ("hired X as chief engineer and Y as chief product officer", "X, who spent six years
    as CTO"), else the first person after the title ("In her first 100 days as chief executive of
    Acme, X ...")."""
    named = _named_person(sent, first)
    if named is not None:
        return named[0]
    lead_at = lead_position(sent, first)
    return None if lead_at is None else _lead_person([p for p in people if p.end <= first.start or not re.search(r"»[,\s]*[—–]", sent.text[first.end:p.start])], first, lead_at)  # «...», — сказал X: X speaks (ru-d-trap-05)


def lead_position(sent, first) -> int | None:
    """Where the lead word of a title stands ("as", "became"), if one governs it; also one before
    the person the title is given to ("named X, its finance chief, president and COO")."""
    lead = _title_lead(sent.pack)
    if lead is None:
        return None
    m = lead.search(sent.text[max(0, first.start - 60):first.start])
    if m:
        return max(0, first.start - 60) + m.start()
    named = _named_person(sent, first)
    return named[1] if named else None


def _named_person(sent, first):
    """(person, where the lead word is) for "named X CEO", "named X, its finance chief since 2019,
    president": the lead word right before the person, the title right after them or after one
    comma-enclosed apposition."""
    lead = _title_lead(sent.pack)
    if lead is None:
        return None
    for p in reversed(sent.people):
        if p.end > first.start:
            continue
        if not re.fullmatch(r"\s*(?:[,،][^,،]{1,60}[,،])?\s*", sent.text[p.end:first.start]):
            return None
        m = lead.search(sent.text[max(0, p.start - 40):p.start])
        return (p, max(0, p.start - 40) + m.start()) if m else None
    return None


def _lead_person(people, first, lead_at):
    before = [p for p in people if p.end <= lead_at]
    if before:
        return before[-1]
    after = [p for p in people if p.start >= first.end]
    return after[0] if after else None


def _org_then_comma(sent, start: int, end: int) -> bool:
    """"founder and chairman of Osaka-based Acme, Kenji Watanabe": between a title and its holder,
    a preposition, an organisation with the words that describe it, and one comma."""
    gap = sent.text[start:end]
    if gap.count(",") + gap.count("،") + gap.count("，") != 1 or not gap.rstrip().endswith((",", "،", "，")):
        return False
    inside = [o for o in sent.orgs if start <= o.start and o.end <= end]
    if not inside or any(start <= p.start < end for p in sent.people):
        return False
    rest = gap[:inside[-1].start - start] + gap[inside[-1].end - start:]
    return len(rest.split()) <= 5 and not any(start <= t.start < end for t in sent.titles)


def holder(sent, chain, moved):
    first, last = chain[0], chain[-1]
    people = _people(sent)
    led = _led_holder(sent, first, people)
    if led is not None:
        return led
    people = list(sent.people)  # a pronoun holds a title only after a lead word ("she became ...")
    for p in people:
        if p.start >= last.end and (_gap_after_title(sent.pack).match(sent.text[last.end:p.start])
                                    or _org_then_comma(sent, last.end, p.start)):
            return p
    bare = _bare_apposition(sent.pack)
    for p in reversed(people):
        if p.end <= first.start and _gap_before_title(sent.pack).match(sent.text[p.end:first.start]):
            return p
        if bare is not None and p.end <= first.start and not sent.text[p.end:first.start].strip() \
                and bare.match(first.text):
            return p
    for title in chain:
        person = _joined_as(sent, title, moved)
        if person is not None:
            return person
    # "Сейчас она операционный директор ...", "وهو اليوم المدير التقني": a sentence that names
    # nobody, with a pronoun for the last person just before the title, in its clause.
    pronoun = sent.person_pronoun
    if pronoun is not None and not sent.people and 0 <= first.start - pronoun.end <= 20 \
            and not CLAUSE_BREAK.search(sent.text, pronoun.end, first.start):
        return pronoun
    return None


def roles(sent, reader, moved: dict[str, list]) -> list[Draft]:
    """`moved`: the move words bound to each person of the sentence (subject id -> [(predicate, word)])."""
    out = []
    for chain in title_chains(sent):
        if sent.modal_at(chain[0].start) and _marked_post(sent, chain[0]):
            continue  # "نفت ... تعيين X رئيساً تنفيذياً": a post denied or negotiated is held by nobody
        person = holder(sent, chain, moved) or _post_holder(sent, chain[0])
        if person is None:
            continue
        org = _org_of_title(sent, chain[-1]) or _org_of_title(sent, chain[0])
        lead_at = lead_position(sent, chain[0])
        joined = _joined_to(sent, person)
        if chain[0].start >= person.end:
            joined = _joined_before(sent, person) + joined  # "委任A及B為獨立董事": A is one too
        group = [person, *joined]
        plural = sent.pack.rules.plural_title
        if plural is not None and person in sent.people and (
                any(plural(t.text) for t in chain) or lead_at is not None and plural(sent.text[lead_at:chain[0].start])):
            # "Сооснователи X и Y", "X и Y вошли в наблюдательный совет": a title in the plural is every
            # listed person's.
            group = coordinated(sent, person, sent.people)
        for who in group:
            for title in chain:
                value = Title(id=title.key, text=title.text)
                time = _as_of(sent)
                # One stays a founder of what one leaves: only posts are left.
                left = None if title.key in _FOUNDING else _left_post(sent, title, who, moved, lead_at)
                if left is not None:
                    tense, time = "former", left or time
                else:
                    tense = "former" if _former(sent, title) or _former(sent, chain[0]) else _title_tense(sent, title)
                    if tense == "past" and lead_at is not None and _former_lead(sent.pack) is not None \
                            and _former_lead(sent.pack).match(sent.text, lead_at):
                        tense = "former"  # "была коммерческим директором": a post held before
                out.append(Draft("role", who.subject, value, (title.start, title.end),
                                 object=org.subject if org else reader.main_org, time=time, confidence=0.8, tense=tense))
    return _earlier_posts(sent, out) + _successors(sent, out) + _founders(sent, reader)


_FOUNDING = ("founder", "co_founder")


@lru_cache(maxsize=None)
def _former_lead(pack):
    """The pack's `former_leads`: lead words after which a title is a post held before ("was")."""
    return pack.compile(pack.lex.former_leads)


def _successors(sent, drafts: list[Draft]) -> list[Draft]:
    """A post left in this sentence goes to the successor it names (the pack's `successor_words`:
    "оставил пост финансового директора 3 марта; его преемником стал Y", "его сменила Y"): the
    first person after the word, in its clause, holds the post left, at the same organisation."""
    pattern = sent.pack.compile(sent.pack.lex.successor_words)
    left = [d for d in drafts if d.tense == "former" and d.value_span]
    if pattern is None or not left:
        return []
    out = []
    for m in pattern.finditer(sent.text):
        post = [d for d in left if d.value_span[1] <= m.start()]
        if not post:
            continue
        heir = next((p for p in sent.people if p.start >= m.end() and p.start - m.end() <= 40
                     and not CLAUSE_BREAK.search(sent.text, m.end(), p.start)), None)
        if heir is None or any(heir.subject.id == d.subject.id for d in post):
            continue
        for d in post:
            if d.subject.id != post[-1].subject.id:
                continue
            if any(o.subject.id == heir.subject.id and o.value.id == d.value.id for o in drafts + out):
                continue
            out.append(Draft("role", heir.subject, d.value, d.value_span, object=d.object, time=_as_of(sent),
                             confidence=0.7, tense="future" if sent.future_at(m.start()) else "past"))
    return out


def _earlier_posts(sent, drafts: list[Draft]) -> list[Draft]:
    """A post its holder leaves for another in the same sentence is held until then: "finance chief
    X ... was named president", "финансовый директор X ... стал президентом". A title held now that
    stands before a title led to the same person ("named", "стал") is a former one."""
    led_title = {t.start: lead_position(sent, t) is not None for t in sent.titles}
    # A title right before a joining word, its holder after ("Гендиректором компании назначена X,
    # которая ... была финансовым директором") is the post taken, not an earlier one.
    hires = sent.triggers_for("hire")
    taken = {t.start for t in sent.titles for w in hires
             if 0 <= w.start - t.end <= 20 and not CLAUSE_BREAK.search(sent.text, t.end, w.start)}
    led = {}
    for d in drafts:
        if d.value_span and d.tense != "former" and led_title[d.value_span[0]]:
            led.setdefault(d.subject.id, d.value_span[0])
    for d in drafts:
        start = led.get(d.subject.id)
        if start is not None and d.value_span and d.value_span[0] < start and d.tense == "past" \
                and not led_title[d.value_span[0]] and d.value.id not in _FOUNDING and d.value_span[0] not in taken:
            d.tense = "former"
    return drafts


@lru_cache(maxsize=None)
def _post_marks(pack):
    """The pack's `post_words` (right before a title: "في منصب", "بمنصب"), `post_forms` (a title's
    own form that says it is a post taken or held: the Arabic accusative "رئيساً تنفيذياً") and
    `post_breaks` (words that open another subject's clause: "قال X إن الشركة عينت مديراً")."""
    def alt(key, fmt):
        words = pack.get(key) or []
        return re.compile(fmt.format("|".join(words))) if words else None
    return alt("post_words", r"(?:{})\s*$"), alt("post_forms", r"^(?:{})"), alt("post_breaks", r"(?<!\w)(?:{})(?!\w)")


def _marked_post(sent, title) -> bool:
    """A title marked as a post taken (the pack's `post_words` right before it, or a `post_forms` form)."""
    before, form, _ = _post_marks(sent.pack)
    return bool((before is not None and before.search(sent.text, max(0, title.start - 16), title.start))
                or (form is not None and form.match(title.text)))


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
    if not sent.pack.lex.founding_subject_after:
        return []
    out = []
    orgs = [o for o in sent.orgs if o.subject.kind == "org"]
    by = sent.pack.compile(sent.pack.lex.agent_words)
    for trig in sent.triggers_for("founding"):
        first = next((p for p in sent.people if p.start >= trig.end and p.start - trig.end <= 90
                      and not CLAUSE_BREAK.search(sent.text, trig.end, p.start)), None)
        if first is None:
            continue
        # "تأسست «Y» عام 2009 على يد X": after an agent word the organisation may come first.
        agent = by is not None and any(m.end() <= first.start and first.start - m.end() <= 30
                                       for m in by.finditer(sent.text, trig.end, first.start))
        if not agent and (first.start - trig.end > 60 or any(trig.end <= o.start < first.start for o in orgs)):
            continue
        group = [first]
        for p in sent.people:
            if p.start > group[-1].end and re.fullmatch(r"\s*(?:[,،]\s*)?\S*\s*", sent.text[group[-1].end:p.start]) \
                    and not CLAUSE_BREAK.search(sent.text, group[-1].end, p.start):
                group.append(p)
        key = "co_founder" if len(group) > 1 else "founder"
        org = next((o for o in orgs if o.start >= group[-1].end and not CLAUSE_BREAK.search(sent.text, group[-1].end, o.start)), None) \
            or next((o for o in orgs if trig.end <= o.start < first.start), None)
        for p in group:
            out.append(Draft("role", p.subject, Title(id=key, text=trig.text), (trig.start, trig.end),
                             object=org.subject if org else reader.main_org, time=_as_of(sent), confidence=0.7,
                             tense="past"))
    return out


def _joined_to(sent, person) -> list:
    """The people joined to a title's holder by one of the pack's `name_joiners` ("联合创始人为宋屹和
    程露"): they hold it too. A person with a title of their own in between is not joined."""
    pattern = sent.pack.compile(sent.pack.lex.name_joiners)
    out, last = [], person
    if pattern is None:
        return out
    for p in sent.people:
        if p.start < last.end:
            continue
        if not pattern.fullmatch(sent.text[last.end:p.start].strip()):
            break
        out.append(p)
        last = p
    return out


def _joined_before(sent, person) -> list:
    """The people joined before a holder named ahead of its title ("appointed A and B directors",
    委任A及B為董事): they hold it too."""
    pattern = sent.pack.compile(sent.pack.get("name_joiners") or [])
    out, first = [], person
    if pattern is None:
        return out
    for p in sorted(sent.people, key=lambda q: q.start, reverse=True):
        if p.end > first.start:
            continue
        if not pattern.fullmatch(sent.text[p.end:first.start].strip()):
            break
        out.insert(0, p)
        first = p
    return out


def _org_of_title(sent, title):
    """The organisation of a post: named right after it, past a preposition and a few descriptive
    words ("chief executive of Istanbul-based drone maker Acme", "директор компании Acme",
    "الرئيس التنفيذي لشركة X"), else right before it ("OpenAI's chief scientist", "OpenAI的首席研究官")."""
    orgs = [o for o in sent.orgs if o.subject.kind == "org"]

    def clear(a, b):
        return not CLAUSE_BREAK.search(sent.text, a, b) and not any(a <= p.start < b for p in sent.people) \
            and not any(a <= t.start < b for t in sent.titles)

    after = [o for o in orgs if 0 <= o.start - title.end <= 40 and clear(title.end, o.start)]
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
            if p.start >= w.end and 0 <= w.start - title.end <= 45 and \
                    not CLAUSE_BREAK.search(sent.text, title.end, p.start) and not (breaks is not None and breaks.search(sent.text, title.end, w.start)):
                return p
    return None


def _left_post(sent, title, person, moved, lead_at=None):
    """A title its holder leaves in this very sentence is a post held until then: "ousted founder
    and chief executive Nadir Bouzelmat", "Chief medical officer Elliot Marsh left in October",
    "финансовый директор Тарек Мансур ... стал президентом". Returns None for a title held now
    (a title after the joining word is the new post: "...to become chief executive of Corvane"),
    else the time of the move when the sentence gives one (False when it does not)."""
    words = moved.get(person.subject.id, [])
    joins = [w for p, w in words if p == "hire"]
    if any(title.start >= w.end for w in joins):
        return None
    # "left in October ... to become chief executive of Corvane": a post led after the leaving word is the new one.
    # ("stepped down as chief executive": the lead word right after the leaving word names the old post.)
    if lead_at is not None and any(w.end <= lead_at for p, w in words if p == "departure") \
            and not any(0 <= lead_at - w.end <= 2 for p, w in words if p == "departure"):
        return None
    ousting = [e for e in sent.events if e.key == "ousting" and e.end <= person.start]
    # A title right before the joining word with its holder after it is the post taken, not one left
    # (Russian: "Директором по персоналу Acme назначена Юлия Ким", as in _joined_as).
    taken = [w for w in joins if 0 <= w.start - title.end <= 45 and person.start >= w.end
             and not CLAUSE_BREAK.search(sent.text, title.end, person.start)]
    leaving = ousting + [w for p, w in words if p == "departure"] + \
        [w for w in joins if title.end <= w.start and w not in taken]
    # A move only rumoured or denied ("否认了…已经辞职的说法") leaves the post held.
    leaving = [w for w in leaving if not sent.modal_at(w.start)]
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
        people = _people(sent)
        by = sent.pack.compile(sent.pack.lex.move_agent_words or sent.pack.lex.agent_words)
        # "已退休的何國雄": a move word told of the person after it (the pack's `move_doer_after`) is theirs alone.
        own = _own_doers(sent, triggers, people)
        hires = sent.triggers_for("hire") if predicate == "departure" else []
        for person in people:
            at = _before_titles(sent, person.start)
            if by is not None and any(m.end() == len(sent.text[:at].rstrip()) and m.start() > t.end
                                      for t in triggers for m in by.finditer(sent.text, max(0, at - 8), at)):
                continue  # "X left and will be replaced by (vice-president) Y": Y is the agent of another act
            free = [t for t in triggers if own.get(t.start, person.subject.id) == person.subject.id]
            # A move word across a semicolon belongs to another clause ("X left on 31 January; his
            # successor is Y": Y did not leave).
            trig = nearest([t for t in free if not _SEMICOLON.search(sent.text, min(t.end, person.end),
                                                                     max(t.start, person.start))],
                           person.start, max_gap=120)
            if trig is not None and hires and CLAUSE_BREAK.search(sent.text, *sorted((trig.end, person.start))) and \
                    any(not CLAUSE_BREAK.search(sent.text, *sorted((h.start, person.end))) for h in hires):
                continue  # "X resigned; the board chose Y to succeed him": Y's clause tells Y's own move
            if trig is not None and _other_clause_holder(sent, person, trig, people):
                continue  # "X resigned, and the board chose Y to take over": the move word is Y's
            if trig is not None and not _nearer_person(sent, person, trig, people):
                pairs.append((person, trig))
        # A trigger no person took ("...重返OpenAI,但在2024年2月離開") goes to the nearest person.
        for trig in triggers:
            if all(t is not trig for _, t in pairs):
                person = nearest(_people(sent), trig.start, max_gap=120)
                if person is not None:
                    pairs.append((person, trig))
        for person, trig in pairs:
            moved.setdefault(person.subject.id, []).append((predicate, trig))
            dated = [t for t in sent.times if (t.time.start or t.time.month) and not _since(sent, t)
                     and not _reported_at(sent, t)]
            t = nearest(own_times(sent, trig, dated), trig.start, max_gap=80)
            if t is None and sent.pack.lex.move_time_past_names:
                # "استقال X (61 عاماً)، الرئيس التنفيذي للعمليات في «Y»، في فبراير": the person, the
                # titles and the organisations told in apposition do not count in the distance.
                told = [m for m in [*sent.people, *sent.titles, *sent.orgs] if m.start >= trig.end]
                reach = 80 + sum(m.end - m.start for m in told if m.start - trig.end <= 160)
                t = nearest(own_times(sent, trig, dated, max_gap=reach), trig.start, max_gap=reach)
            if sent.effective_times and (t is None or t.start < trig.start):
                # "appointed X, who ..., as COO with effect from July 1": the date the move takes
                # effect from is the move's, however far the sentence puts it (and not the day the
                # board voted on it, 董事會昨日通過，X退休，9月1日生效).
                t = sent.effective_times[0]
            time = t.time if t else None
            orgs = [o for o in sent.orgs if o.subject.kind == "org"]
            if predicate == "hire":
                origin = _org_after_word(sent, trig, orgs, "origin_words") or _possessor(sent, person, orgs)
                org = _org_after(sent, trig, orgs)
                if org is not None and origin is not None and org.id == origin.id:
                    org = None  # "poaches Daewon's Park": Daewon is where Park comes from
                if origin is not None and org is not None and org.id == origin.id:
                    org = None
                # "His successor, Reda Mesbouhi, took over in January": the article's own company.
                out.append(Draft("hire", person.subject, None, None, object=org or reader.main_org, time=time,
                                 confidence=0.7 if org else 0.55, anchor=trig.start))
                if origin is not None:
                    # "She joins from Kobo Freight": a departure from there.
                    out.append(Draft("departure", person.subject, None, None, object=origin,
                                     destination=org or reader.main_org, time=time, confidence=0.6, anchor=trig.start))
                continue
            # Where the person went: the organisation named right after a joining word
            # ("left Helion in March to join Acme", "to become chief executive of Corvane").
            dest = next((o for h in sent.triggers_for("hire") if h.start >= trig.start
                         for o in [_org_after(sent, h, orgs, gap=32)] if o), None)
            # "left in January for rival Vestra Power": the pack's `destination_words`, and a hire there.
            if dest is None:
                dest = _org_after_word(sent, trig, orgs, "destination_words", reach=60)
                if dest is not None and not sent.triggers_for("hire"):
                    out.append(Draft("hire", person.subject, None, None, object=dest, time=time, confidence=0.6,
                                     anchor=trig.start))
            left = _org_after(sent, trig, orgs)
            if left is None or (dest and left.id == dest.id):
                left = _org_before(sent, trig, orgs) or reader.main_org
            out.append(Draft("departure", person.subject, None, None, object=left, destination=dest, time=time,
                             confidence=0.75 if t else 0.6, anchor=trig.start))
    return out, moved


_SEMICOLON = re.compile(r"[;；؛]")


def _reported_at(sent, t) -> bool:
    """A time in a clause that opens with one of the pack's `report_words` (", сообщил банк во
    вторник") dates the report, not the move."""
    words = sent.pack.compile(sent.pack.lex.report_words)
    if words is None:
        return False
    from claims.extract.money import clause_bounds
    cs, _ = clause_bounds(sent.text, t.start)
    return cs > 0 and words.match(sent.text, next_word_at(sent.text, cs)) is not None


def _before_titles(sent, pos: int) -> int:
    """Where the titles written right before a position start ("by vice-president Y", 由副總鄭家豪)."""
    moved = True
    while moved:
        moved = False
        for t in sent.titles:
            if t.end <= pos and not sent.text[t.end:pos].strip() and t.start < pos:
                pos, moved = t.start, True
    return pos


def _own_doers(sent, triggers, people) -> dict[int, str]:
    """Move words told of the person right after them, past the pack's `move_doer_after` word and
    any titles (已退休的何國雄, 卸任的前總裁X): trigger start -> that person's id."""
    pattern = sent.pack.compile(sent.pack.lex.move_doer_after)
    if pattern is None:
        return {}
    out = {}
    for t in triggers:
        m = pattern.match(sent.text, t.end)
        if m is None:
            continue
        for p in people:
            if p.start >= m.end() and _before_titles(sent, p.start) == m.end():
                out[t.start] = p.subject.id
    return out


def _org_after_word(sent, trig, orgs, key: str, reach: int = 30):
    """The organisation named after one of the pack's `key` words that follows a move word in its
    sentence part ("joins from Acme", "left in March for rival Acme"): the word within `reach`
    characters, the name within two words of it."""
    pattern = sent.pack.compile(sent.pack.get(key) or [])
    if pattern is None:
        return None
    if sent.pack.get("move_time_past_names"):
        # Verb first: the hiring organisation, the date, the person and the post stand between the word and
        # "from" ("استقطبت «Y» في 12 يناير X من منافستها «Z»"); they do not count in the reach.
        told = [m for m in [*sent.people, *sent.orgs, *sent.times, *sent.titles] if trig.end <= m.start and m.end <= trig.end + 160]
        reach += sum(m.end - m.start for m in told)
    for m in pattern.finditer(sent.text, trig.end, min(len(sent.text), trig.end + reach)):
        for o in orgs:
            between = sent.text[m.end():o.start]
            if 0 <= o.start - m.end() <= 24 and len(between.split()) <= 2 and not CLAUSE_BREAK.search(between):
                return o.subject
    return None


@lru_cache(maxsize=None)
def _move_breaks(pack):
    words = pack.lex.move_breaks
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)") if words else None


def _nearer_person(sent, person, trig, people) -> bool:
    """Whether the move word belongs to another person: one who stands between them, in another
    clause, not listed with `person`, with one of the pack's `move_breaks` (a relative pronoun, a
    verb of saying) between too: "عُيّن X مديراً ...، خلفاً لـY التي تقاعدت": Y retired, not X;
    "«...انضمام Y...»، قال X": X is the speaker. "A, B and C left" is one list."""
    breaks = _move_breaks(sent.pack)
    lo, hi = (person.end, trig.start) if person.end <= trig.start else (trig.end, person.start)
    # The move word's own subject stands before it in its clause; a person told after a clause
    # mark is another act's ("X将于9月退休，由Y接任": Y does not retire).
    if person.start >= trig.end and CLAUSE_BREAK.search(sent.text, trig.end, person.start) and any(
            other.subject.id != person.subject.id and other.end <= trig.start
            and not CLAUSE_BREAK.search(sent.text, other.end, trig.start) for other in people):
        return True
    # ... and a person in an earlier clause is not the subject of a move word whose own clause
    # names another before it ("X将于9月退休，由Y接任": X does not take over).
    if person.end <= trig.start and CLAUSE_BREAK.search(sent.text, person.end, trig.start) and any(
            other.subject.id != person.subject.id and person.end <= other.start and other.end <= trig.start
            and not CLAUSE_BREAK.search(sent.text, other.end, trig.start) for other in people):
        return True
    if breaks is None or not breaks.search(sent.text, lo, hi):
        return False
    for other in people:
        if other.subject.id == person.subject.id or not (lo <= other.start and other.end <= hi):
            continue
        a, b = (person.end, other.start) if person.end <= other.start else (other.end, person.start)
        between = sent.text[a:b]
        for m in [*sent.titles, *people]:
            if a <= m.start and m.end <= b:
                between = between.replace(sent.text[m.start:m.end], " ")
        # Listed: only titles, names, punctuation and short joining words (и, and, et) between.
        listed = all(len(w) <= 3 for w in re.findall(r"\w+", between))
        if (CLAUSE_BREAK.search(sent.text, a, b) or breaks.search(sent.text, a, b)) and not listed:
            return True
    return False


def _succession(sent, drafts: list[Draft]) -> list[Draft]:
    """The post a successor takes (the pack's `succession_words`: 接任, 接替, 暂代): the one the person
    who leaves in the sentence held ("CFO X resigned; vice-president Y stands in", X请辞，由Y接任),
    the one its clause names before 一职 (执行长一职则由Y接任), and, for a person named right after the
    word (接替已退休的X), the successor's own post, which that person held before."""
    pattern = sent.pack.compile(sent.pack.get("succession_words") or [])
    if pattern is None:
        return []
    people = sorted(_people(sent), key=lambda p: p.start)
    roles_of = {}
    for d in drafts:
        if d.predicate == "role":
            roles_of.setdefault(d.subject.id, []).append(d)
    leavers = {d.subject.id for d in drafts if d.predicate == "departure"}
    post_word = sent.pack.compile(sent.pack.get("post_words") or [])
    out = []
    for m in pattern.finditer(sent.text):
        cs = m.start()
        while cs > 0 and not CLAUSE_BREAK.match(sent.text, cs - 1):
            cs -= 1
        successor = next((p for p in reversed(people) if cs <= p.start and p.end <= m.start()), None)
        after = next((p for p in people if 0 <= p.start - m.end() <= 8 and not CLAUSE_BREAK.search(sent.text, m.end(), p.start)), None)
        if successor is None and after is not None:
            # "委任Y為行政總裁，即時生效，接替已退休的X": the successor is the one named before.
            successor = next((p for p in reversed(people) if p.end <= m.start()), None)
        if successor is None:
            continue
        have = {getattr(d.value, "id", None) for d in roles_of.get(successor.subject.id, [])}
        taken: list[Draft] = []
        named = [t for t in sent.titles if cs <= t.start and t.end <= successor.start and post_word is not None
                 and post_word.match(sent.text, t.end)]
        if named:
            taken = [Draft("role", successor.subject, Title(id=t.key, text=t.text), (m.start(), m.end()), confidence=0.7)
                     for t in named]
        elif after is not None and after.subject.id != successor.subject.id:
            for d in roles_of.get(successor.subject.id, []):
                if d.tense != "former":
                    out.append(replace(d, subject=after.subject, tense="former", confidence=0.6))
            continue
        else:
            for leaver in people:
                if leaver.subject.id in leavers and leaver.end <= successor.start and leaver.subject.id != successor.subject.id:
                    held = [d for d in roles_of.get(leaver.subject.id, []) if d.value_span and d.value_span[1] <= leaver.start
                            and not sent.text[d.value_span[1]:leaver.start].strip()]
                    taken += [replace(d, subject=successor.subject, value_span=(m.start(), m.end()), tense=None,
                                      confidence=0.6) for d in held]
        out += [d for d in taken if getattr(d.value, "id", None) not in have
                and not any(e.time.start > sent.doc.published for e in sent.effective_times if sent.doc.published)]
    return out


def _respectively(sent, drafts: list[Draft]) -> list[Draft]:
    """"X and Y respectively serve as chairman and president", 两人分别担任董事长和总裁, "worked there
    six and nine years respectively": where one of the pack's `respectively_words` stands, the
    people listed last before it and the titles or durations of its clause after it (or, for a word
    that closes the list, before it) pair in order, when they are as many."""
    pattern = sent.pack.compile(sent.pack.get("respectively_words") or [])
    m = pattern.search(sent.text) if pattern is not None else None
    people = sorted(_people(sent), key=lambda p: p.start)
    if m is None or len(people) < 2:
        return drafts
    cs, ce = m.start(), m.end()
    while cs > 0 and not CLAUSE_BREAK.match(sent.text, cs - 1):
        cs -= 1
    while ce < len(sent.text) and not CLAUSE_BREAK.match(sent.text, ce):
        ce += 1
    before = [p for p in people if p.end <= m.start()]
    group: list = []
    for p in reversed(before):
        if group and not _listed(sent, p.end, group[0].start, people):
            break
        if all(q.subject.id != p.subject.id for q in group):
            group.insert(0, p)
    if len(group) < 2:
        return drafts
    ids = {p.subject.id for p in group}
    out = list(drafts)
    for kind, items in (("role", sorted((t.start, t.end) for t in sent.titles if cs <= t.start and t.end <= ce
                                        and t.start >= group[-1].end)),
                        ("tenure", sorted((d.start, d.end) for d in sent.durations if cs <= d.start and d.end <= ce))):
        if len(items) != len(group):
            continue
        paired = []
        for (s, e), person in zip(items, group):
            told = [d for d in out if d.predicate == kind and d.value_span == (s, e) and d.subject.id in ids]
            if told:
                d = told[0]
                d.subject = person.subject
                paired.append(d)
        if paired:
            spans = {d.value_span for d in paired}
            out = [d for d in out if not (d.predicate == kind and d.value_span in spans and d.subject.id in ids)
                   or any(d is p for p in paired)]
    return out


def _listed(sent, a: int, b: int, people) -> bool:
    """Only titles, names, punctuation and short joining words between a and b: one list."""
    between = sent.text[a:b]
    for m in [*sent.titles, *people]:
        if a <= m.start and m.end <= b:
            between = between.replace(sent.text[m.start:m.end], " ")
    return all(len(w) <= 3 for w in re.findall(r"\w+", between))


def _other_clause_holder(sent, person, trig, people) -> bool:
    """Whether a move word after `person` belongs to another person standing in its own clause,
    between them, while `person` is in an earlier clause and not listed with that one ("X resigned,
    and the board chose Y to take over", 黃某請辭，董事會推選董事林某接任)."""
    before = person.end <= trig.start
    if not before and person.start < trig.end:
        return False
    for other in people:
        if other.subject.id == person.subject.id:
            continue
        if before and person.end <= other.start and other.end <= trig.start:
            near, far = (other.end, trig.start), (person.end, other.start)
        elif not before and trig.end <= other.start and other.end <= person.start:
            near, far = (trig.end, other.start), (other.end, person.start)  # "named Y CEO, succeeding X"
        else:
            continue
        if not CLAUSE_BREAK.search(sent.text, *near) and CLAUSE_BREAK.search(sent.text, *far) \
                and not _listed(sent, *far, people):
            return True
    return False


def _org_after(sent, trig, orgs, gap: int = 20):
    """The organisation a move word governs: named right after it, in its clause ("left Helion",
    "перешла в Acme", "加入OpenAI", "انضم إلى شركة أكمي")."""
    former = sent.pack.compile(sent.pack.lex.former)
    for o in orgs:
        # Verb first (`move_time_past_names`): the person and the post told between do not count
        # ("عُيّن X رئيساً تنفيذياً في «Y»"; ar-d-hire-03).
        told = sum(m.end - m.start for m in [*sent.people, *sent.titles] if trig.end <= m.start and m.end <= o.start) \
            if sent.pack.lex.move_time_past_names else 0
        if 0 <= o.start - trig.end - told <= gap and not CLAUSE_BREAK.search(sent.text, trig.end, o.start):
            if former is not None and any(0 <= o.start - m.end() <= 1 for m in former.finditer(sent.text, trig.end, o.start)):
                continue  # "appoints former Denkai Systems engineer X": where X was, not where X goes
            return o.subject
    return None


def _possessor(sent, person, orgs):
    """The organisation whose person this is, by a possessive right before the name ("Daewon
    Electronics' Park Ji-hoon", "Acme’s Jane Doe")."""
    for o in orgs:
        if o.end <= person.start and re.fullmatch(r"\s*(?:['’]s?|的)\s*", sent.text[o.end:person.start]):
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
    words = pack.lex.interval_words
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
    data = pack.lex.stay_since
    if not data.since or not data.verbs:
        return None
    return re.compile(rf"(?:{'|'.join(data.since)})\s*$"), pack.compile(data.verbs)


def _since(sent, t) -> bool:
    """A time told with the pack's "since" word (منذ 2019) starts a state; it is no move's time."""
    stay = _stay_since(sent.pack)
    if not stay:
        return False
    words = "|".join(sent.pack.lex.stay_since.since)
    return bool(stay[0].search(sent.text, max(0, t.start - 8), t.start) or re.match(rf"(?:{words})(?!\w)", sent.text[t.start:t.end]))


def _held_since(sent, d, since, verbs) -> bool:
    if not since.search(sent.text, max(0, d.start - 8), d.start):
        return False
    start = 0
    for m in CLAUSE_BREAK.finditer(sent.text, 0, d.start):
        start = m.end()
    if verbs.search(sent.text, start, d.start):
        return True
    # Verb first, its subject told with an apposition between commas ("يرأس X، البالغ من العمر 63
    # عاماً، مجلس الإدارة منذ 12 عاماً"): the verb that opens the sentence.
    first = verbs.match(sent.text, len(sent.text) - len(sent.text.lstrip()))
    return bool(first and sent.pack.get("move_time_past_names"))


def _stay_in_post(sent, d) -> bool:
    """"has been chief executive of Acme for 14 years", "who had served as its CFO for seven
    years": one of the pack's `stay_words` right before the duration, with a title earlier in its
    clause or sentence part."""
    stay = sent.pack.compile(sent.pack.lex.stay_words)
    if stay is None:
        return False
    head = sent.text[max(0, d.start - 8):d.start]
    if not any(m.end() == len(head.rstrip()) for m in stay.finditer(head)):
        return False
    return any(t.end <= d.start and not CLAUSE_BREAK.search(sent.text, t.end, d.start) for t in sent.titles)


def _stay_reach(sent, trig, d) -> bool:
    """A stay word before its duration with the place or post of the stay between, in one clause:
    "проработавший на заводе 27 лет", "занимавшая пост технического директора Acme
    последние шесть лет", "works at Acme for 14 years": at most four words and 45 characters."""
    if trig.end > d.start or CLAUSE_BREAK.search(sent.text, trig.end, d.start):
        return False
    between = sent.text[trig.end:d.start]
    return _apart(sent, trig, d) <= 45 and len(re.findall(r"[\w«»]+", between)) <= 5


def tenures(sent, reader) -> list[Draft]:
    out = []
    triggers = sent.triggers_for("tenure")
    stay = _stay_since(sent.pack)
    if not triggers and not stay and not (sent.titles and sent.pack.lex.stay_words):
        return out
    # "(45 عاماً)", "aged 52": a person's age written as a duration is no stay.
    ages = [m.span() for rule in sent.pack.rule_patterns("age_patterns") for m in rule.finditer(sent.text)]
    for d in sent.durations:
        # A stay is counted in months or years; "five weeks after the derailment" is no tenure.
        if d.duration.years is None or not 0.2 <= d.duration.years <= 60:
            continue
        if any(s <= d.start < e for s, e in ages):
            continue
        held = bool(stay) and _held_since(sent, d, *stay)
        if d.ago is not None and not held:
            continue
        # Verb first, then the person, then the stay ("أمضى سامي ناصر ثماني سنوات"): a name between
        # the word and the duration does not count in their distance.
        if not held and not any(_apart(sent, t, d) <= 12 or _stay_reach(sent, t, d) for t in triggers) \
                and not _stay_in_post(sent, d):
            continue
        interval = _interval_words(sent.pack)
        if interval is not None and interval.match(sent.text, d.end):
            continue  # "five weeks after the derailment", "два года спустя": a gap between events
        people = _people(sent)
        person = nearest(people, d.start)
        if person is None:
            continue
        # Where the stay was: the organisation named right after the duration in its clause ("أمضت
        # 12 عاماً في شركة «X»", "spent 12 years at Acme"), else the article's.
        at = next((o for o in sent.orgs if o.subject.kind == "org" and 0 <= o.start - d.end <= 24
                   and not CLAUSE_BREAK.search(sent.text, d.end, o.start)), None)
        out.append(Draft("tenure", person.subject, d.duration, (d.start, d.end),
                         object=at.subject if at else reader.main_org, confidence=0.7))
    return out


def coordinated(sent, person, people) -> list:
    """A person and those joined to them ("X and Y", "X, 31, and Y, 34", "Ngozi and Chidi")."""
    group = [person]
    joined = re.compile(r"\s*(?:,\s*\d{1,3}\s*)?(?:,|,?\s*(?:JOIN))\s*".replace(
        "JOIN", "|".join(sent.pack.lex.title_joiners) or "(?!)"), re.I)
    ordered = sorted(people, key=lambda p: p.start)
    i = ordered.index(person)
    for step in (1, -1):
        j = i
        while 0 <= j + step < len(ordered):
            a, b = sorted((ordered[j], ordered[j + step]), key=lambda p: p.start)
            if not joined.fullmatch(sent.text, a.end, b.start):
                break
            j += step
            group.append(ordered[j])
    return sorted(group, key=lambda p: p.start)


def founders(sent, reader) -> list[Draft]:
    """founder and co_founder roles from a founding verb (the pack's `founder_verbs`): its agent
    after "by" ("co-founded in 2016 by X and Y"), else the person right before it in its clause
    ("X, who founded Acme", "X and Y, both 29, co-founded Acme"); the organisation is the one
    named after the verb, else the one the clause is about, else the article's."""
    out = []
    verbs = sent.pack.lex.founder_verbs
    people = _people(sent)
    if not verbs or not people:
        return out
    by = sent.pack.compile(sent.pack.lex.agent_words)
    orgs = [o for o in sent.orgs if o.subject.kind == "org"]
    for title_id, words in verbs.items():
        pattern = sent.pack.compile(words)
        if pattern is None:
            continue
        for m in pattern.finditer(sent.text):
            holders = []
            if by is not None:
                for b in by.finditer(sent.text, m.end(), min(len(sent.text), m.end() + 40)):
                    after = [p for p in people if 0 <= p.start - b.end() <= 30
                             and not CLAUSE_BREAK.search(sent.text, b.end(), p.start)]
                    if after:
                        holders = coordinated(sent, after[0], people)
                        break
            if not holders:
                before = [p for p in people if 0 <= m.start() - p.end <= 45
                          and not any(p.end <= o.start < m.start() for o in orgs)
                          and not any(p.end <= q.start < m.start() for q in people if q is not p)]
                if before:
                    holders = coordinated(sent, before[-1], people)
            if not holders:
                continue
            org = next((o for o in orgs if 0 <= o.start - m.end() <= 40
                        and not CLAUSE_BREAK.search(sent.text, m.end(), o.start)), None)
            subject_org = org.subject if org else (org_before_people(sent, holders, orgs) or reader.main_org)
            for person in holders:
                out.append(Draft("role", person.subject, Title(id=title_id, text=m.group(0)), (m.start(), m.end()),
                                 object=subject_org, time=_as_of(sent), confidence=0.7, tense="past"))
    return out


def _relative_between(sent, start: int, end: int) -> bool:
    pattern = sent.pack.compile(sent.pack.lex.relative_words)
    return pattern is not None and bool(pattern.search(sent.text, start, end))


def org_before_people(sent, holders, orgs):
    """The organisation a passive founding sentence is about: the first named after its agents
    ("Co-founded by X and Y, payroll start-up Acme has ..."), else the last named before the verb."""
    last = holders[-1].end
    after = [o for o in orgs if o.start >= last and not CLAUSE_BREAK.search(sent.text, last, o.start)
             and not _relative_between(sent, last, o.start)]
    if after:
        return after[0].subject
    before = [o for o in orgs if o.end <= holders[0].start]
    return before[-1].subject if before else None


def _poached_from(sent, roles_: list[Draft], moves_: list[Draft]) -> list[Draft]:
    """"Acme has poached X, chief marketing officer at Beta": a hire told with one of the pack's
    `poach_words` is a departure from the organisation of the post its person holds in the sentence."""
    pattern = sent.pack.compile(sent.pack.lex.poach_words)
    if pattern is None or not pattern.search(sent.text):
        return []
    out = []
    left = {(d.subject.id, d.object.id if d.object else None) for d in moves_ if d.predicate == "departure"}
    for hire in (d for d in moves_ if d.predicate == "hire" and d.object is not None):
        for role in roles_:
            if role.subject.id != hire.subject.id or role.object is None or role.object.id == hire.object.id:
                continue
            if (hire.subject.id, role.object.id) in left:
                continue
            out.append(Draft("departure", hire.subject, None, None, object=role.object, destination=hire.object,
                             time=hire.time, confidence=0.6, anchor=hire.anchor))
            left.add((hire.subject.id, role.object.id))
    return out


def extract(sent, reader) -> list[Draft]:
    move_drafts, moved = moves(sent, reader)
    out, seen = [], set()
    titled = roles(sent, reader, moved)
    # "Co-founders X and Y, who started Acme": the title says it; the verb adds no plain founder.
    founding = {d.subject.id for d in titled if getattr(d.value, "id", None) in ("founder", "co_founder")}
    by_verb = founders(sent, reader)
    told = {d.value_span for d in by_verb if d.subject.id in founding}  # the verb of a titled group
    verbs = [d for d in by_verb if d.subject.id not in founding and d.value_span not in told]
    drafts = _respectively(sent, titled + verbs + move_drafts + _poached_from(sent, titled, move_drafts) + tenures(sent, reader))
    drafts = drafts + _succession(sent, drafts)
    # One move told by two of its words ("任命X为…，任命自5月1日起生效"): the dated telling is the move.
    dated = {(d.predicate, d.subject.id, d.object.id if d.object else None)
             for d in drafts if d.predicate in ("hire", "departure") and d.time is not None}
    drafts = [d for d in drafts if not (d.predicate in ("hire", "departure") and d.time is None
                                        and (d.predicate, d.subject.id, d.object.id if d.object else None) in dated)]
    for d in drafts:
        key = (d.predicate, d.subject.id, getattr(d.value, "id", None), d.value_span)
        if d.predicate == "role" and key in seen:
            continue  # one founder found twice (after the verb and after its agent word)
        seen.add(key)
        if d.predicate in ("hire", "departure"):
            move = (d.predicate, d.subject.id, d.object.id if d.object else None,
                    (d.time.start, d.time.end) if d.time else None)
            if move in seen:
                continue  # one move told by two of its words, both dated alike
            seen.add(move)
        out.append(d)
    return out
