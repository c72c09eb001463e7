"""valuation, funding, revenue: a trigger word of the predicate and an amount with a currency."""
from __future__ import annotations

import regex as re

from claims.extract import CLAUSE_BREAK, Draft, nearest, next_word_at
from claims.model import Money, Subject

PREDICATES = ("valuation", "funding", "revenue")
_BRACKETED = re.compile(r"\s*[(（]\s*")
# Trigger keys read as one of the predicates: `investment` words ("invest $600m in X", "入股X",
# "ستستثمر ... في X") are funding told from the investor's side: the recipient comes after.
AS_PREDICATE = {"investment": "funding"}


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause around `pos`: from after the last clause mark before it to the next one."""
    start = 0
    for m in CLAUSE_BREAK.finditer(text, 0, pos):
        start = m.end()
    m = CLAUSE_BREAK.search(text, pos)
    return start, m.start() if m else len(text)


def sources(sent) -> list:
    """Organisations named as where money came from: "from Northwind", "从Northwind", "от Northwind"."""
    pattern = sent.pack.compile(sent.pack.lex.from_words)
    if pattern is None:
        return []
    # The word may stand right before the name or one descriptive word before it ("led by the
    # Saudi fund Wadi Ventures", "قادها صندوق «سارابيل»").
    def given_by(o) -> bool:
        for m in pattern.finditer(sent.text, max(0, o.start - 24), o.start):
            between = sent.text[m.end():o.start]
            if not CLAUSE_BREAK.search(between) and len(between.split()) <= 2 and len(between) <= 16:
                return True
        return False

    # "from X and Y" (ar-d-fund-03): a name joined to a giver by the pack's `title_joiners` gave too.
    joiners = re.compile(rf"(?:{'|'.join(sent.pack.lex.title_joiners) or '(?!)'})")
    out = []
    for o in sent.orgs:
        if given_by(o) or (out and joiners.fullmatch(sent.text[out[-1].end:o.start].strip(" «»\"“”'"))):
            out.append(o)
    return out


def org_before(sent, pos: int, reader, *, products: bool = False, exclude=()) -> Subject | None:
    """The organisation (or product) the clause around `pos` is about; else the article's own."""
    cs, ce = clause_bounds(sent.text, pos)
    pool = [o for o in sent.orgs + (sent.products if products else []) if o not in exclude]
    inside = [o for o in pool if cs <= o.start < ce]
    before = [o for o in inside if o.start <= pos]
    if before:
        return before[-1].subject
    if inside:
        return inside[0].subject
    # "оценка компании составила", "the company's revenue": the article's own, not an
    # organisation of another clause.
    if reader.main_org is not None and any(cs <= p.start < ce for p in sent.org_pronouns):
        return reader.main_org
    before_sent = [o for o in pool if o.start <= pos]
    # "Acme, whose chief executive founded it in Gdańsk, is valued at ...": a clause that opens with
    # a lower-case verb goes on with the sentence's subject, not with a name of the clause between
    # (one that opens with the pack's `relative_words`, "which was valued", is about the name before).
    opening = sent.text[cs:ce].lstrip()
    first_break = CLAUSE_BREAK.search(sent.text)
    relative = sent.pack.compile(sent.pack.lex.relative_words)
    if before_sent and opening[:1].islower() and (first_break is None or before_sent[0].start < first_break.start()) \
            and not (relative is not None and relative.match(opening)):
        return before_sent[0].subject
    if before_sent:
        return before_sent[-1].subject
    if reader.main_org is not None and any(e.subject.id == reader.main_org.id for e in exclude):
        # "The €120m round, led by X, valued Y": the article's own organisation gave the money;
        # the round is the next organisation's the sentence names.
        after = [o for o in pool if o.start > pos]
        return after[0].subject if after else None
    return reader.main_org


def _reach_past_names(sent, triggers, amount):
    """The nearest word before the amount in its clause when the organisations, times and other
    amounts told between them do not count in the distance (the pack's `amount_reach_past_names`;
    Arabic puts the verb's subject, its period and its rate of change between the word and the amount:
    "ارتفعت إيرادات «X» خلال الربع الأول من 2026 بنسبة 11% إلى 3.8 مليار ريال")."""
    told = [*sent.orgs, *sent.times, *[a for a in sent.amounts if a is not amount]]
    best, best_gap = None, None
    for t in triggers:
        if t.end > amount.start:
            continue
        inside = sum(m.end - m.start for m in told if t.end <= m.start and m.end <= amount.start)
        gap = amount.start - t.end - inside
        if gap <= 60 and (best_gap is None or gap < best_gap):
            best, best_gap = t, gap
    return best


def _pairs(sent, money, triggers):
    """Each amount with its predicate word: the nearest one in the same clause, or a word whose own
    clause has no amount and that stands just before ("Выручка за 2025 год, по данным, составила
    18,6 млрд юаней"). A word in another clause does not take an amount ("营收将突破500亿元，并投入
    数亿元建设工厂": the plant's money is not revenue)."""
    def clause(pos):
        return clause_bounds(sent.text, pos)

    with_amount = {clause(t.start) for t in triggers if any(clause(a.start) == clause(t.start) for a in money)}
    pairs = []
    for amount in money:
        same = [t for t in triggers if clause(t.start) == clause(amount.start)]
        trig = nearest(same, amount.start, max_gap=60)
        if trig is None and sent.pack.get("amount_reach_past_names"):
            trig = _reach_past_names(sent, same, amount)
        if trig is None:
            earlier = [t for t in triggers if t.end <= amount.start and clause(t.start) not in with_amount]
            trig = nearest(earlier, amount.start, max_gap=60)
        if trig is not None:
            pairs.append((amount, trig))
    # One word, one amount: "تجمع ملياري دولار بتقييم 40 مليار دولار" with only the valuation word
    # known must not make the $2bn raised a valuation too. The word keeps its nearest amount.
    kept = []
    for amount, trig in pairs:
        rivals = [a for a, t in pairs if t is trig]
        if nearest(rivals, trig.start) is amount:
            kept.append((amount, trig))
            yield amount, trig
    # The figure it is compared with, told after it with its own period ("إلى 7.8 مليار جنيه، مقارنة
    # بـ5.9 مليار جنيه في 2024"): the same word's earlier figure, even past a comma. Without a period
    # of its own ("up from $1.9bn a year earlier") its time is not known: no claim.
    paired = {id(a) for a, _ in kept}
    for amount in money:
        if id(amount) in paired or not earlier_figure(sent, amount):
            continue
        _, ce = clause(amount.start)
        if not any(t.time.start and amount.end <= t.start < ce for t in sent.times):
            continue
        before = [(a, t) for a, t in kept if a.end <= amount.start and a.currency == amount.currency]
        if before:
            yield amount, before[-1][1]


def extract(sent, reader) -> list[Draft]:
    out: list[Draft] = []
    triggers = [t for t in sent.triggers if t.key in PREDICATES or t.key in AS_PREDICATE]
    money = [a for a in sent.amounts if a.currency and (a.amount or a.min or a.max)]
    # "2億歐元（約2.17億美元）", "€200m ($217m)": an amount in brackets right after another is that
    # amount converted, not a figure of its own.
    money = [a for i, a in enumerate(money) if not (i and _BRACKETED.fullmatch(sent.text, money[i - 1].end, a.start))]
    for amount, trig in _pairs(sent, money, triggers):
        investor = None
        predicate = AS_PREDICATE.get(trig.key, trig.key)
        # An investment word after its amount is a noun told from the recipient's side
        # ("赫利昂获得数十亿美元投资"): funding.
        kind = "funding" if trig.key == "investment" and trig.start > amount.start else trig.key
        if kind == "investment":
            subject, investor = _invested_in(sent, trig, amount, reader)
        elif kind == "funding":
            # "微软10亿美元的撑腰", "Microsoft's $1bn": an organisation right before the amount is the investor.
            adjacent = [o for o in sent.orgs
                        if o.end <= amount.start and re.fullmatch(r"(?:'s|’s|的)?\s*", sent.text[o.end:amount.start])]
            if adjacent:
                investor = adjacent[-1].subject
                subject = reader.main_org if reader.main_org and reader.main_org.id != investor.id else None
            else:
                givers = sources(sent)
                subject = org_before(sent, trig.start, reader, exclude=givers)
                cs, ce = clause_bounds(sent.text, amount.start)
                investor = givers[0].subject if givers else \
                    next((p.subject for p in sent.people if cs <= p.start < amount.start), None)
        else:
            # The investor that led the round is not what the valuation is of.
            subject = org_before(sent, trig.start, reader, products=trig.key == "revenue",
                                 exclude=sources(sent) if kind == "valuation" else ())
            if kind == "valuation":
                cs, ce = clause_bounds(sent.text, trig.start)
                # "Фонд «Ориентир» оценил «Пиксель» в 12 млрд руб.": an organisation inside the
                # valuation's words is the one valued, not the one that values it.
                inside = [o for o in sent.orgs if o.subject.kind == "org" and trig.start < o.start and o.end <= trig.end]
                if inside:
                    subject = inside[0].subject
                elif not any(cs <= o.start < ce for o in sent.orgs):
                    # "bought 49% of Helios; the deal values the company at ...": the company whose
                    # stake changed hands, not the buyer the sentence opens with.
                    subject = _stake_target(sent) or subject
        if subject is None:
            continue
        time = period_of(sent, amount, trig)
        value = Money(amount=amount.amount, currency=amount.currency, min=amount.min, max=amount.max,
                      min_exclusive=amount.min_exclusive, approx=amount.approx, precision=amount.precision,
                      text=amount.text)
        confident = any(o.subject.id == subject.id for o in sent.orgs + sent.products)
        out.append(Draft(predicate, subject, value, (amount.start, amount.end), object=investor, time=time,
                         confidence=0.85 if confident else 0.6,
                         tense="former" if earlier_figure(sent, amount, trig) else None))
    return out + earlier_figures(sent, out, money)


def earlier_figures(sent, drafts: list[Draft], amounts) -> list[Draft]:
    """The figure a change is told from, as a claim of its own: "climbed to R$412m last year, from
    R$298m in 2024", "3 million riders, up from 1.8 million a year earlier". It follows the claim's
    amount in the sentence, in the same unit, after one of the pack's `earlier_words`; its period is
    a time right after it, or the claim's own moved back a year (`year_earlier_words`); with neither,
    there is no claim."""
    used = {d.value_span for d in drafts}
    out = []
    for d in drafts:
        if d.tense == "former" or d.value_span is None:
            continue
        unit = getattr(d.value, "currency", None)
        later = [a for a in amounts if a.start >= d.value_span[1] and (a.start, a.end) not in used
                 and getattr(a, "currency", None) == unit and earlier_figure(sent, a)
                 and a.start - d.value_span[1] <= 60]
        if not later:
            continue
        a = later[0]
        used.add((a.start, a.end))
        time = _time_right_after(sent, a) or _year_before(sent, a, d.time)
        if time is None:
            continue  # "against CHF 160m in the first": a figure of no period we can name compares with nothing
        value = d.value.model_copy(update={"amount": a.amount, "min": a.min, "max": a.max, "approx": a.approx,
                                           "text": a.text, **({"min_exclusive": a.min_exclusive} if hasattr(d.value, "min_exclusive") else {})})
        out.append(Draft(d.predicate, d.subject, value, (a.start, a.end), object=d.object, time=time,
                         confidence=round(d.confidence - 0.1, 2), tense="past"))
    return out


def _time_right_after(sent, amount):
    t = next((t for t in sent.times if 0 <= t.start - amount.end <= 4 and t.time.start), None)
    return t.time if t else None


def _year_before(sent, amount, time):
    """The claim's period a year back, where the words right after the figure say so ("a year
    earlier", 去年同期)."""
    pattern = sent.pack.compile(sent.pack.lex.year_earlier_words)
    if pattern is None or time is None or time.start is None:
        return None
    m = pattern.search(sent.text, amount.end, amount.end + 30)
    if m is None or CLAUSE_BREAK.search(sent.text, amount.end, m.start()) or m.start() - amount.end > 6:
        return None
    def back(d):
        try:
            return d.replace(year=d.year - 1)
        except ValueError:  # 29 February
            return d.replace(year=d.year - 1, day=28)
    return time.model_copy(update={"start": back(time.start), "end": back(time.end), "text": None})


def earlier_figure(sent, amount, trig=None) -> bool:
    """An amount told as what it was before: "up from €620m", "против 77 млн евро", "當時估值僅6.2億"
    (the pack's `earlier_words` right before the amount or its word, in their clause)."""
    pattern = sent.pack.compile(sent.pack.lex.earlier_words)
    if pattern is None:
        return False
    for m in pattern.finditer(sent.text, max(0, amount.start - 14), amount.start):
        if not CLAUSE_BREAK.search(sent.text, m.end(), amount.start) and amount.start - m.end() <= 8:
            return True
    # Glued to the word itself ("當時估值"): Chinese writes "then" right before what it qualifies.
    return trig is not None and trig.start < amount.start and any(
        m.end() == trig.start for m in pattern.finditer(sent.text, max(0, trig.start - 4), trig.start))


_PERCENT_SIGN = re.compile(r"\s*[%％٪]")


def _stake_target(sent) -> Subject | None:
    """The organisation a stake is of: named within a few words after a percentage, in its clause
    ("купил 30% разработчика игр «Пиксель»", "a 30% stake in Pixel")."""
    for a in sent.amounts:
        m = _PERCENT_SIGN.match(sent.text, a.end)
        if not m:
            continue
        after = [o for o in sent.orgs if o.subject.kind == "org" and 0 <= o.start - m.end() <= 50
                 and not CLAUSE_BREAK.search(sent.text, m.end(), o.start)]
        if after:
            return after[0].subject
    return None


def period_of(sent, amount, trig=None):
    """The period an amount is for: a time in the amount's own clause (revenue for 2029, 98,600
    vehicles "in the fourth quarter"), else one in its trigger word's clause ("Выручка за 2025 год,
    по данным ..., составила")."""
    cs, ce = clause_bounds(sent.text, amount.start)
    t = nearest([t for t in sent.times if cs <= t.start < ce and t.time.start], amount.start, max_gap=60)
    if t is None and trig is not None:
        ts, te = clause_bounds(sent.text, trig.start)
        t = nearest([t for t in sent.times if ts <= t.start < te and t.time.start], trig.end, max_gap=30)
        # A trigger that spans the metric, its organisation and its period ("Выручка сети «X» в 2025
        # году, по данным ..., составила"): the period inside it.
        t = t or next((u for u in sent.times if trig.start <= u.start and u.end <= trig.end and u.time.start), None)
    if t is None:
        # A clause opened by a word of "when" (the pack's `when_words`) is at the time named right
        # before its comma: "в 2019 году, когда компанию оценили в $3 млрд".
        when = sent.pack.compile(sent.pack.lex.when_words)
        if when is not None and when.match(sent.text, next_word_at(sent.text, cs)):
            head = sent.text[:cs].rstrip(" ,，،")
            t = next((u for u in sent.times if u.time.start and len(head) - 2 <= u.end <= len(head)), None)
    if t is None:
        # A time that opens the sentence as a clause of its own ("In 2025, ...", "2025年全年，") is
        # the period of all that follows it.
        t = next((t for t in sent.times if t.start <= 1 and t.time.start
                  and clause_bounds(sent.text, t.start)[1] < cs and not any(
                      u is not t and u.time.start and clause_bounds(sent.text, t.start)[1] <= u.start < cs
                      for u in sent.times)), None)
    return t.time if t else None


def _invested_in(sent, trig, amount, reader):
    """(recipient, investor) of an investment word: the organisation named after the word and the
    amount, in their clause ("invest $600 million in Tavrelo"); the investor is the organisation
    named before the word."""
    start = max(trig.end, amount.end)
    cs, ce = clause_bounds(sent.text, start)
    orgs = [o for o in sent.orgs if o.subject.kind == "org"]
    # "向Acme投资", "invest ... in Tavrelo", "вложит ... в Tavrelo": the organisation after a word
    # of direction (the pack's `into_words`), in the clause; else the one after the word and amount.
    into = sent.pack.compile(sent.pack.lex.into_words)
    ts, _ = clause_bounds(sent.text, trig.start)
    directed = [o for o in orgs if ts <= o.start < ce and into is not None and
                any(m.end() <= o.start <= m.end() + 8 for m in into.finditer(sent.text, max(ts, o.start - 12), o.start))]
    after = [o for o in orgs if trig.end <= o.start < ce and o.start - start <= 40 and not
             (amount.start <= o.start < amount.end)]
    recipient_m = (directed or after or [None])[0]
    recipient = recipient_m.subject if recipient_m else reader.main_org
    before = [o for o in orgs if o.end <= trig.start and o is not recipient_m]
    investor = before[-1].subject if before else None
    if recipient is not None and investor is not None and recipient.id == investor.id:
        recipient = None
    return recipient, investor
