"""Synthetic data for benchmarks and scale tests: claims made directly, and whole articles.

`synth_claims(n)` builds `n` Claim objects (with their Documents) in blocks of one subject and one
predicate, the way an archive's extraction would, and injects contradictions into a known share of
the blocks; it returns what the matcher must find (`truth`), so recall and precision can be
measured at any scale without extraction.

`synth_archive(...)` writes articles in en, ru, zh-Hans, zh-Hant and ar from sentence templates in
the forms the extractors read (valuations, funding, user counts, event dates, foundings,
departures with months, roles, tenures), about invented companies and people named in every
script (an entity file is written beside the articles), again with contradictions injected at a
known rate.

Everything is deterministic for a given seed. Nothing here names a real company or person.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from claims.model import Claim, Document, Duration, Money, Quantity, Subject, Time, Title

# --- invented names ----------------------------------------------------------------------------

# Syllables with a form in each script (Latin, Cyrillic, Han as used for foreign names, Arabic).
SYLLABLES = [
    ("ka", "ка", "卡", "كا"), ("ro", "ро", "罗", "رو"), ("ven", "вен", "文", "فين"), ("ta", "та", "塔", "تا"),
    ("li", "ли", "利", "لي"), ("mo", "мо", "莫", "مو"), ("san", "сан", "桑", "سان"), ("da", "да", "达", "دا"),
    ("ne", "не", "内", "ني"), ("ri", "ри", "里", "ري"), ("vo", "во", "沃", "فو"), ("bel", "бел", "贝尔", "بيل"),
    ("to", "то", "托", "تو"), ("mi", "ми", "米", "مي"), ("sa", "са", "萨", "سا"), ("lo", "ло", "洛", "لو"),
    ("na", "на", "纳", "نا"), ("der", "дер", "德", "دير"), ("ko", "ко", "科", "كو"), ("ra", "ра", "拉", "را"),
]
# Given names that the Russian pack knows as names (pymorphy3), with forms in the other scripts.
GIVEN = [
    ("Anna", "Анна", "安娜", "آنا"), ("Ivan", "Иван", "伊万", "إيفان"), ("Maria", "Мария", "玛丽亚", "ماريا"),
    ("Pavel", "Павел", "帕维尔", "بافيل"), ("Elena", "Елена", "叶莲娜", "إيلينا"), ("Oleg", "Олег", "奥列格", "أوليغ"),
    ("Nina", "Нина", "尼娜", "نينا"), ("Boris", "Борис", "鲍里斯", "بوريس"), ("Vera", "Вера", "薇拉", "فيرا"),
    ("Igor", "Игорь", "伊戈尔", "إيغور"), ("Olga", "Ольга", "奥尔加", "أولغا"), ("Roman", "Роман", "罗曼", "رومان"),
]
ORG_SUFFIX = ("tex", "тех", "泰克", "تيك")


def _compose(i: int, n_syl: int) -> tuple[str, str, str, str]:
    parts = []
    for _ in range(n_syl):
        parts.append(SYLLABLES[i % len(SYLLABLES)])
        i //= len(SYLLABLES)
    return tuple("".join(p[k] for p in parts) for k in range(4))  # type: ignore[return-value]


def org_names(i: int) -> tuple[str, str, str, str]:
    """An invented company: (Latin, Cyrillic, Han, Arabic); distinct for distinct i."""
    lat, cyr, han, ara = _compose(i, 3)
    return (lat.capitalize() + ORG_SUFFIX[0], cyr.capitalize() + ORG_SUFFIX[1], han + ORG_SUFFIX[2], ara + ORG_SUFFIX[3])


def person_names(i: int) -> tuple[str, str, str, str]:
    """An invented person: given name and surname in each script; distinct for distinct i."""
    g = GIVEN[i % len(GIVEN)]
    s = _compose(i // len(GIVEN), 3)
    return (f"{g[0]} {s[0].capitalize()}", f"{g[1]} {s[1].capitalize()}", f"{g[2]}·{s[2]}", f"{g[3]} {s[3]}")


# --- claims, made directly ---------------------------------------------------------------------

_CLAIM_FIELDS = tuple(Claim.model_fields)
_set_attr = object.__setattr__


def trusted_claim(**fields) -> Claim:
    """A Claim from values known to be valid, without validation: what `Claim.model_construct`
    does, minus its per-field alias handling (a million claims in seconds, not minutes). The test
    of this module validates a sample of its claims the ordinary way."""
    c = Claim.__new__(Claim)
    _set_attr(c, "__dict__", {k: fields[k] for k in _CLAIM_FIELDS})
    _set_attr(c, "__pydantic_fields_set__", set(_CLAIM_FIELDS))
    _set_attr(c, "__pydantic_extra__", None)
    _set_attr(c, "__pydantic_private__", None)
    return c

LANGS = ("en", "ru", "zh-Hans", "zh-Hant", "ar")
BASE_DATE = dt.date(2020, 1, 1)


@dataclass
class SynthClaims:
    documents: list[Document]
    claims: list[Claim]
    # What the matcher must report: (rule code, subject id, predicate), one per injected fault.
    truth: set[tuple[str, str, str]]
    blocks: int = 0
    injected: int = 0


def finding_key(f) -> tuple[str, str, str]:
    return (f.rule, f.subject.id, f.predicate)


def score(findings, truth: set) -> dict:
    """Recall over the injected faults, precision over the findings."""
    keys = [finding_key(f) for f in findings]
    hit = truth & set(keys)
    true_findings = sum(1 for k in keys if k in truth)
    return {"findings": len(keys), "truth": len(truth), "found": len(hit),
            "recall": len(hit) / len(truth) if truth else 1.0,
            "precision": true_findings / len(keys) if keys else 1.0}


def _month(year: int, month: int) -> Time:
    start = dt.date(year, month, 1)
    end = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
    return Time(start=start, end=end, granularity="month", text=f"{year}-{month:02d}")


# Block kinds, drawn with these weights; each is (predicate, rule code) of what it exercises.
KINDS = [
    ("valuation", 18), ("user_count", 10), ("revenue", 8), ("funding", 8), ("event_date", 10), ("founding", 8),
    ("tenure", 8), ("role", 12), ("holder", 6), ("departure", 12),
]
ANOMALY_SHARE = 0.01   # claims told as past but dated after their article (CC102), per claim


class _ClaimMaker:
    """Builds one block after another; keeps ids unique and documents grouped in periods."""

    def __init__(self, n: int, rate: float, seed: int, docs_per_period: int = 40, claims_per_doc: int = 20):
        self.rng = random.Random(seed)
        self.n, self.rate = n, rate
        self.n_docs = max(docs_per_period, n // claims_per_doc)
        self.docs_per_period = docs_per_period
        self.documents: list[Document] = []
        self.published: list[dt.date] = []
        n_periods = max(1, self.n_docs // docs_per_period)
        for d in range(self.n_docs):
            period = d % n_periods
            # Periods 70 days apart (beyond the 30-day window of titles, inside 90 for amounts
            # only within a period); articles of one period within 20 days of each other.
            pub = BASE_DATE + dt.timedelta(days=70 * (period % 40) + self.rng.randrange(20))
            self.published.append(pub)
            self.documents.append(Document(id=f"d{d:07d}", path=f"synthetic/d{d:07d}.txt", lang=LANGS[d % 5],
                                           published=pub))
        self.n_periods = n_periods
        self.claims: list[Claim] = []
        self.truth: set[tuple[str, str, str]] = set()
        self.counter = 0
        self.blocks = self.injected = 0
        self.money_cache: dict = {}

    # one subject per block: subjects never repeat across blocks (subjects are disjoint)
    def next_id(self) -> int:
        self.counter += 1
        return self.counter

    def docs_of_period(self, period: int, k: int) -> list[int]:
        pool = range(period, self.n_docs, self.n_periods)
        if len(pool) >= k:
            return self.rng.sample(pool, k)
        return [self.rng.choice(pool) for _ in range(k)]

    def add(self, doc: int, predicate: str, subject: Subject, value=None, *, obj=None, dest=None, time=None,
            text: str = "", tense: str = "past", confidence: float = 0.8) -> Claim:
        d = self.documents[doc]
        cid = f"{d.id}#c{len(self.claims) + 1}"
        c = trusted_claim(id=cid, doc=d.id, predicate=predicate, subject=subject, value=value, object=obj,
                          destination=dest, time=time, text=text or f"{subject.name} {predicate}", span=(0, 80),
                          value_span=(10, 20), lang=d.lang, tense=tense, confidence=confidence)
        self.claims.append(c)
        return c

    def block_size(self) -> int:
        r = self.rng.random()
        if r < 0.55:
            return 2
        if r < 0.8:
            return 3
        if r < 0.95:
            return self.rng.randint(4, 6)
        return self.rng.randint(7, 12)

    def org(self) -> Subject:
        i = self.next_id()
        return Subject(id=f"org:synth-{i}", name=org_names(i)[0], kind="org", aliases=[])

    def person(self) -> Subject:
        i = self.next_id()
        return Subject(id=f"person:synth-{i}", name=person_names(i)[0], kind="person", aliases=[])

    def make_block(self) -> None:
        rng = self.rng
        kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
        k = self.block_size()
        period = rng.randrange(self.n_periods)
        docs = self.docs_of_period(period, k)
        bad = rng.random() < self.rate
        self.blocks += 1
        self.injected += bad
        getattr(self, f"_block_{kind}")(docs, bad)

    # --- block kinds: k claims that agree, and when `bad` one that cannot be right with them ---
    def _amount_values(self, docs, bad, base: float, make):
        """Agreeing forms of one amount: exact and approximate; a bad one 2.5-4.5 times as much (beyond
        the precision of any form: 1bn and 2bn overlap as written, 1bn and 2.5bn do not)."""
        out = []
        for j, _ in enumerate(docs):
            if bad and j == len(docs) - 1:
                out.append(make(base * self.rng.choice((2.5, 3.5, 4.5)), False))
            elif j % 3 == 2:
                out.append(make(base, True))       # "about ..."
            else:
                out.append(make(base, False))
        return out

    def _block_valuation(self, docs, bad):
        s = self.org()
        base = self.rng.choice((1.5, 8, 12, 40, 157, 300, 500)) * 1e9
        vals = self._amount_values(docs, bad, base, lambda a, ap: Money(amount=a, currency="USD", approx=ap))
        for d, v in zip(docs, vals):
            self.add(d, "valuation", s, v, confidence=0.85)
        if bad:
            self.truth.add(("CC201", s.id, "valuation"))

    def _block_user_count(self, docs, bad):
        s = Subject(id=f"product:synth-{self.next_id()}", name="Synthbot", kind="product")
        base = self.rng.choice((2, 30, 120, 800)) * 1e6
        vals = self._amount_values(docs, bad, base, lambda a, ap: Quantity(amount=a, unit="users", approx=ap))
        for d, v in zip(docs, vals):
            self.add(d, "user_count", s, v)
        if bad:
            self.truth.add(("CC201", s.id, "user_count"))

    def _block_revenue(self, docs, bad):
        s = self.org()
        year = 2019 + self.rng.randrange(5)
        t = Time(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), granularity="year", text=str(year))
        base = self.rng.choice((3.7, 13, 25)) * 1e9
        vals = self._amount_values(docs, bad, base, lambda a, ap: Money(amount=a, currency="USD", approx=ap))
        for d, v in zip(docs, vals):
            self.add(d, "revenue", s, v, time=t)
        if bad:
            self.truth.add(("CC201", s.id, "revenue"))

    def _block_funding(self, docs, bad):
        s, investor = self.org(), self.org()
        base = self.rng.choice((1, 6.6, 10)) * 1e9
        vals = self._amount_values(docs, bad, base, lambda a, ap: Money(amount=a, currency="USD", approx=ap))
        for d, v in zip(docs, vals):
            self.add(d, "funding", s, v, obj=investor)
        if bad:
            self.truth.add(("CC201", s.id, "funding"))

    def _dated(self, docs, bad, predicate, subject, **kw):
        """Claims dating one event to one month, all before their articles; a bad one a year off."""
        earliest = min(self.published[d] for d in docs)
        year, month = earliest.year - 1 - self.rng.randrange(3), self.rng.randint(1, 12)
        for j, d in enumerate(docs):
            if bad and j == len(docs) - 1:
                t = _month(year - 1, month)
            elif j % 2:
                t = Time(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), granularity="year", text=str(year))
            else:
                t = _month(year, month)
            if predicate == "departure":
                self.add(d, predicate, subject, None, time=t, **kw)
            else:
                self.add(d, predicate, subject, t, **kw)

    def _block_event_date(self, docs, bad):
        i = self.next_id()
        s = Subject(id=f"event:{self.rng.choice(('code-red', 'ousting'))}@synth-{i}", name="alarm", kind="event")
        self._dated(docs, bad, "event_date", s)
        if bad:
            self.truth.add(("CC101", s.id, "event_date"))

    def _block_founding(self, docs, bad):
        s = self.org()
        self._dated(docs, bad, "founding", s, confidence=0.75)
        if bad:
            self.truth.add(("CC101", s.id, "founding"))

    def _block_departure(self, docs, bad):
        p, org = self.person(), self.org()
        self._dated(docs, bad, "departure", p, obj=org, confidence=0.75)
        if bad:
            self.truth.add(("CC501", p.id, "departure"))

    def _block_tenure(self, docs, bad):
        p, org = self.person(), self.org()
        years = self.rng.randint(2, 11)
        for j, d in enumerate(docs):
            y = years + 3 if bad and j == len(docs) - 1 else years
            approx = j % 2 == 1
            self.add(d, "tenure", p, Duration(iso=f"P{y}Y", years=float(y), approx=approx), obj=org, confidence=0.7)
        if bad:
            self.truth.add(("CC301", p.id, "tenure"))

    def _at_publication(self, d: int) -> Time:
        pub = self.published[d]
        return Time(start=pub, end=pub, granularity="day", text="publication date")

    def _block_role(self, docs, bad):
        p, org = self.person(), self.org()
        title, other = self.rng.choice((("cto", "cfo"), ("chief_scientist", "coo"), ("vp_research", "cfo")))
        for j, d in enumerate(docs):
            t = other if bad and j == len(docs) - 1 else (title if j % 2 == 0 or title == "cto" else
                                                          {"chief_scientist": "chief_research_officer",
                                                           "vp_research": "svp_research"}[title])
            self.add(d, "role", p, Title(id=t, text=t), obj=org, time=self._at_publication(d))
        if bad:
            self.truth.add(("CC401", p.id, "role"))

    def _block_holder(self, docs, bad):
        """One organisation's CEO named in several articles; when bad, a second person as CEO too."""
        org, ceo = self.org(), self.person()
        for j, d in enumerate(docs):
            who = self.person() if bad and j == len(docs) - 1 else ceo
            self.add(d, "role", who, Title(id="ceo", text="CEO"), obj=org, time=self._at_publication(d))
        if bad:
            self.truth.add(("CC402", f"{org.id}/ceo", "role"))

    def anomaly(self) -> None:
        """An event told as past, dated a year after its own article."""
        d = self.rng.randrange(self.n_docs)
        pub = self.published[d]
        s = Subject(id=f"event:memo@synth-{self.next_id()}", name="memo", kind="event")
        self.add(d, "event_date", s, _month(pub.year + 1, pub.month))
        self.truth.add(("CC102", s.id, "event_date"))
        self.injected += 1


def synth_claims(n: int, *, rate: float = 0.05, seed: int = 0) -> SynthClaims:
    """About `n` claims in blocks of 2-12 about disjoint subjects; a share `rate` of the blocks
    gets one claim that contradicts the others, and about 1% of claims are anomalies (CC102)."""
    m = _ClaimMaker(n, rate, seed)
    next_anomaly = 0.0
    while len(m.claims) < n:
        if len(m.claims) >= next_anomaly and rate > 0:
            m.anomaly()
            next_anomaly += 1 / ANOMALY_SHARE
        else:
            m.make_block()
    # Claims as extraction would give them: article by article.
    order = {d.id: i for i, d in enumerate(m.documents)}
    claims = sorted(m.claims, key=lambda c: order[c.doc])
    return SynthClaims(documents=m.documents, claims=claims, truth=m.truth, blocks=m.blocks, injected=m.injected)
