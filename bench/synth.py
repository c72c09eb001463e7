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
import gc
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

    def rival(self, p: Subject) -> Subject:
        """Another person whose surname does not sound like p's: CC402 leaves names one consonant
        apart alone (they may be one person written two ways), so the injected second holder of a
        post must be clearly someone else."""
        from rapidfuzz.distance import Levenshtein

        from claims.normalize.names import skeleton

        mine = skeleton(p.name.split()[-1])
        while True:
            other = self.person()
            if Levenshtein.distance(skeleton(other.name.split()[-1]), mine) >= 2:
                return other

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
        rival = self.rival(ceo) if bad else ceo
        for j, d in enumerate(docs):
            who = rival if bad and j == len(docs) - 1 else ceo
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
    # Millions of small objects and nothing to free: the cycle collector would rescan the growing
    # heap again and again (a million claims in 54 s with it, 20 s without).
    was = gc.isenabled()
    gc.disable()
    try:
        return _synth_claims(n, rate, seed)
    finally:
        if was:
            gc.enable()


def _synth_claims(n: int, rate: float, seed: int) -> SynthClaims:
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


# --- articles, written out ---------------------------------------------------------------------
#
# One story per invented company: its founding, valuation, latest round and investor, revenue,
# customers, chief executive, and the departure of its technology chief after some years, told
# once in each language by a different outlet within a week. The sentence forms are those of the
# case tables (fixtures/cases/<lang>/*.yml) that the extractors read; around them, sentences
# that state no claim and site furniture, as real articles have. When a story is "bad", one of
# its articles (never the first) gets one figure that cannot be right with the others.

FEMALE = {"Anna", "Maria", "Elena", "Nina", "Vera", "Olga"}
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
RU_MONTHS_IN = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
                "октябре", "ноябре", "декабре"]
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر"]
EN_YEARS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
RU_YEARS = {3: "три года", 4: "четыре года", 5: "пять лет", 6: "шесть лет", 7: "семь лет", 8: "восемь лет",
            9: "девять лет", 10: "десять лет"}
ZH_YEARS = {3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
AR_YEARS = {3: "ثلاث سنوات", 4: "أربع سنوات", 5: "خمس سنوات", 6: "ست سنوات", 7: "سبع سنوات",
            8: "ثماني سنوات", 9: "تسع سنوات", 10: "عشر سنوات"}

VALUATIONS_BN = (1.5, 2.4, 8, 12, 40, 86, 157)
FUNDING_M = (150, 300, 400, 650, 900)
REVENUE_BN = (1.2, 3.7, 5, 13)
CUSTOMERS = (15_000, 40_000, 120_000)
FAULTS = ("valuation", "funding", "revenue", "founding")   # what a bad story gets wrong, and the rule
FAULT_RULE = {"valuation": "CC201", "funding": "CC201", "revenue": "CC201", "founding": "CC101"}

FILLER = {
    "en": ["The company makes software that plans routes for delivery fleets and hospital supply rooms.",
           "Analysts said competition in the sector had grown sharply over the past year.",
           "{org} declined to comment on the figures.",
           "Its engineers work from offices in three cities on two continents.",
           "Several rivals are building similar products, some with the help of large cloud providers.",
           "People familiar with the matter said the talks had gone on for months.",
           "The market for such tools is still young, and customers are cautious, one consultant said.",
           "A spokeswoman said the company would keep hiring engineers in Europe and Asia.",
           "Critics have questioned whether the technology is ready for wider use.",
           "The company's products are used by retailers, carriers and city governments."],
    "ru": ["Компания разрабатывает программы для планирования маршрутов курьерских служб и больниц.",
           "По словам аналитиков, конкуренция на этом рынке за последний год заметно выросла.",
           "В {org} отказались комментировать эти данные.",
           "Инженеры компании работают в трех городах на двух континентах.",
           "Похожие продукты создают и несколько конкурентов, некоторые при поддержке крупных облачных провайдеров.",
           "По словам источников, знакомых с ситуацией, переговоры шли несколько месяцев.",
           "Рынок таких инструментов еще молод, и клиенты относятся к нему осторожно, считает один из консультантов.",
           "Представитель компании сообщил, что она продолжит нанимать инженеров в Европе и Азии.",
           "Критики сомневаются, что технология готова к широкому применению.",
           "Продуктами компании пользуются ритейлеры, перевозчики и городские власти."],
    "zh-Hans": ["该公司主要为物流车队和医院提供路线规划软件。",
                "分析人士指出，过去一年该领域的竞争明显加剧。",
                "{org}拒绝就上述数据置评。",
                "公司的工程师分布在两个大洲的三座城市。",
                "多家竞争对手也在开发类似产品，其中一些得到了大型云服务商的支持。",
                "据知情人士透露，相关谈判已持续数月。",
                "一位顾问表示，这类工具的市场仍处于早期，客户态度谨慎。",
                "公司发言人表示，将继续在欧洲和亚洲招聘工程师。",
                "批评者质疑这项技术是否已经成熟到可以大规模应用。",
                "公司的产品被零售商、承运商和城市管理部门广泛采用。"],
    "zh-Hant": ["該公司主要為物流車隊和醫院提供路線規劃軟體。",
                "分析人士指出，過去一年該領域的競爭明顯加劇。",
                "{org}拒絕就上述數據置評。",
                "公司的工程師分布在兩個大洲的三座城市。",
                "多家競爭對手也在開發類似產品，其中一些得到了大型雲端服務商的支持。",
                "據知情人士透露，相關談判已持續數月。",
                "一位顧問表示，這類工具的市場仍處於早期，客戶態度謹慎。",
                "公司發言人表示，將繼續在歐洲和亞洲招募工程師。",
                "批評者質疑這項技術是否已經成熟到可以大規模應用。",
                "公司的產品被零售商、貨運業者和城市管理部門廣泛採用。"],
    "ar": ["تطور الشركة برمجيات لتخطيط مسارات أساطيل التوصيل والمستشفيات.",
           "وقال محللون إن المنافسة في هذا القطاع اشتدت بشكل ملحوظ خلال الفترة الأخيرة.",
           "ورفضت {org} التعليق على هذه الأرقام.",
           "ويعمل مهندسو الشركة من مكاتب في ثلاث مدن في قارتين.",
           "ويعمل عدد من المنافسين على منتجات مماثلة، بعضها بدعم من كبار مزودي الخدمات السحابية.",
           "وقال أشخاص مطلعون على الأمر إن المحادثات استمرت أشهرا.",
           "ولا تزال سوق هذه الأدوات في بدايتها، والعملاء حذرون، بحسب أحد المستشارين.",
           "وقالت متحدثة إن الشركة ستواصل توظيف المهندسين في أوروبا وآسيا.",
           "ويشكك منتقدون في جاهزية هذه التقنية للاستخدام على نطاق واسع.",
           "ويستعين بمنتجات الشركة تجار تجزئة وشركات نقل وبلديات."],
}
FURNITURE = {
    "en": ["Read more: the week in technology", "Sign up for our newsletter"],
    "ru": ["Читайте также: главные новости технологий", "Подписывайтесь на наш Telegram-канал"],
    "zh-Hans": ["责任编辑：王磊", "本文来源：财经科技"],
    "zh-Hant": ["責任編輯：林志明", "本文來源：科技新報"],
    "ar": ["التعليقات 3", "جميع الحقوق محفوظة © 2026"],
}


def _hant(text: str) -> str:
    from opencc import OpenCC

    global _S2TW
    if _S2TW is None:
        _S2TW = OpenCC("s2tw")
    return _S2TW.convert(text)


_S2TW = None


def _fmt_en(x: float) -> str:
    return f"{x:g}"


def _fmt_ru(x: float) -> str:
    return f"{x:g}".replace(".", ",")


@dataclass
class _Org:
    id: str
    lat: str
    cyr: str
    han: str
    ara: str

    def name(self, lang: str) -> str:
        return {"en": self.lat, "ru": self.cyr, "zh-Hans": self.han, "zh-Hant": _hant(self.han), "ar": self.ara}[lang]

    def entity(self) -> dict:
        return {"id": self.id, "kind": "org",
                "names": list(dict.fromkeys([self.lat, self.cyr, self.han, _hant(self.han), self.ara]))}


@dataclass
class _Person:
    lat: str
    cyr: str
    han: str
    ara: str
    female: bool

    def name(self, lang: str) -> str:
        if lang in ("zh-Hans", "zh-Hant"):
            han = self.han if lang == "zh-Hans" else _hant(self.han)
            return f"{han}({self.lat})"
        return {"en": self.lat, "ru": self.cyr, "ar": self.ara}[lang]


@dataclass
class _Story:
    i: int
    org: _Org
    investor: _Org
    rival: _Org
    ceo: _Person
    cto: _Person
    founded: int
    valuation_bn: float
    funding_m: int
    revenue_bn: float
    revenue_year: int
    customers: int
    left: tuple[int, int]     # (year, month) the technology chief left
    tenure: int
    published: list[dt.date]
    fault: Optional[str] = None
    fault_lang: Optional[str] = None


class _Namer:
    """Invented names that the linker cannot take for one another: each new name's consonant
    skeletons (in every script) are at least two edits from those of every name already given
    (`claims.link` merges names one edit apart, and so would a reader). Real companies and people
    in one archive are that distinct; names drawn blindly from 20 syllables are not."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.taken: dict[str, list[set[str]]] = {"org": [], "person": []}

    def _free(self, kind: str, forms) -> bool:
        from rapidfuzz.distance import Levenshtein

        from claims.normalize.names import skeleton

        keys = {skeleton(f) for f in forms} - {""}
        if any(Levenshtein.distance(a, b) < 2 for prev in self.taken[kind] for a in keys for b in prev):
            return False
        self.taken[kind].append(keys)
        return True

    def org(self, suffix: tuple[str, str, str, str] = ORG_SUFFIX) -> "_Org":
        while True:
            i = self.rng.randrange(len(SYLLABLES) ** 4)
            root = _compose(i, 4)
            if self._free("org", root):
                lat, cyr, han, ara = root
                return _Org(f"org:synth-{i}", lat.capitalize() + suffix[0], cyr.capitalize() + suffix[1],
                            han + suffix[2], ara + suffix[3])

    def person(self) -> "_Person":
        while True:
            i = self.rng.randrange(len(SYLLABLES) ** 4)
            sur = _compose(i, 4)
            if self._free("person", sur):
                g = GIVEN[self.rng.randrange(len(GIVEN))]
                return _Person(f"{g[0]} {sur[0].capitalize()}", f"{g[1]} {sur[1].capitalize()}", f"{g[2]}·{sur[2]}",
                               f"{g[3]} {sur[3]}", female=g[0] in FEMALE)


def _story(i: int, rng: random.Random, rate: float, langs: tuple[str, ...], namer: _Namer) -> _Story:
    capital = (" Capital", " Кэпитал", "资本", " كابيتال")
    org, investor, rival = namer.org(), namer.org(capital), namer.org()
    ceo, cto = namer.person(), namer.person()
    start = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365 - 60))
    published = sorted(start + dt.timedelta(days=rng.randrange(7)) for _ in langs)
    # The departure: two to four months before the first article (a bare month resolves to it).
    first = published[0]
    m = first.month - rng.randint(2, 4)
    left = (first.year, m) if m >= 1 else (first.year - 1, m + 12)
    story = _Story(
        i=i, org=org, investor=investor, rival=rival, ceo=ceo, cto=cto, founded=rng.randint(2008, min(2019, first.year - 2)),
        valuation_bn=rng.choice(VALUATIONS_BN), funding_m=rng.choice(FUNDING_M),
        revenue_bn=rng.choice(REVENUE_BN), revenue_year=first.year - 1, customers=rng.choice(CUSTOMERS),
        left=left, tenure=rng.randint(3, 10), published=published)
    if rng.random() < rate and len(langs) > 1:
        story.fault = rng.choice(FAULTS)
        story.fault_lang = rng.choice(langs[1:])
    return story


def _facts(s: _Story, lang: str) -> dict:
    """The story's figures as told in `lang`'s article (the wrong one where the fault is)."""
    f = {"valuation_bn": s.valuation_bn, "funding_m": s.funding_m, "revenue_bn": s.revenue_bn,
         "founded": s.founded}
    if s.fault and lang == s.fault_lang:
        if s.fault == "founding":
            f["founded"] -= 2
        else:
            key = {"valuation": "valuation_bn", "funding": "funding_m", "revenue": "revenue_bn"}[s.fault]
            f[key] = round(f[key] * 3.5, 2)
    return f


def _claim_sentences(s: _Story, lang: str, rng: random.Random) -> list[str]:
    f = _facts(s, lang)
    org, inv, rival = s.org.name(lang), s.investor.name(lang), s.rival.name(lang)
    ceo, cto = s.ceo.name(lang), s.cto.name(lang)
    v, fm, r, yr = f["valuation_bn"], f["funding_m"], f["revenue_bn"], s.revenue_year
    ly, lm = s.left
    t = s.tenure
    if lang == "en":
        return [
            f"{org} was founded in {f['founded']}.",
            rng.choice([f"Investors valued {org} at about ${_fmt_en(v)} billion.",
                        f"{org} is now valued at ${_fmt_en(v)} billion."]),
            f"{org} raised ${fm} million in a round led by {inv}.",
            f"{org} chief executive {s.ceo.lat} said the deal was done.",
            f"{s.cto.lat} left {org} in {EN_MONTHS[lm - 1]} to join {rival}.",
            f"{s.cto.lat} spent nearly {EN_YEARS[t]} years at {org}.",
            f"Revenue at {org} reached ${_fmt_en(r)} billion in {yr}.",
            f"{org} says it has {s.customers:,} paying customers.",
        ]
    if lang == "ru":
        a = "а" if s.ceo.female else ""
        b = "а" if s.cto.female else ""
        return [
            f"Компания {org} была основана в {f['founded']} году.",
            rng.choice([f"Инвесторы оценили {org} примерно в {_fmt_ru(v)} млрд долларов.",
                        f"Компанию {org} оценили в {_fmt_ru(v)} млрд долларов."]),
            f"{org} привлек {fm} млн долларов в раунде под руководством {inv}.",
            f"Генеральный директор {ceo} заявил{a} о росте.",
            f"{cto} покинул{b} {org} в {RU_MONTHS_IN[lm - 1]} {ly} года и перешл{b or 'е'} в {rival}."
            .replace("перешле", "перешел"),
            f"{cto} проработал{b} почти {RU_YEARS[t]} в {org}.",
            f"Выручка {org} в {yr} году составила {_fmt_ru(r)} млрд долларов.",
        ]
    if lang in ("zh-Hans", "zh-Hant"):
        hans = lang == "zh-Hans"
        yi = lambda x: f"{x * 10:g}"  # billions in 亿
        out = [
            f"{org}成立于{f['founded']}年。",
            f"{org}的估值约为{yi(v)}亿美元。",
            f"{org}完成{fm / 100:g}亿美元融资,由{inv}领投。",
            f"{org}首席执行官{ceo}表示,公司将继续扩张。",
            f"{cto}于{ly}年{lm}月离开{org},加入{rival}。",
            f"{cto}在{org}工作了{ZH_YEARS[t]}年。",
            f"{org}在{yr}年的营收为{yi(r)}亿美元。",
            f"{org}拥有{s.customers // 10000:g}万名付费用户。" if s.customers % 10000 == 0 else
            f"{org}拥有{s.customers / 10000:g}万名付费用户。",
        ]
        if hans:
            return out
        # Traditional script, Taiwan wording (執行長 for CEO); names are converted by _Org/_Person.
        conv = []
        for sent in out:
            for a, b in ((org, "\0O"), (inv, "\0I"), (rival, "\0R"), (ceo, "\0C"), (cto, "\0T")):
                sent = sent.replace(a, b)
            sent = _hant(sent).replace("首席執行官", "執行長").replace("軟件", "軟體")
            for a, b in ((org, "\0O"), (inv, "\0I"), (rival, "\0R"), (ceo, "\0C"), (cto, "\0T")):
                sent = sent.replace(b, a)
            conv.append(sent)
        return conv
    if lang == "ar":
        said = "قالت" if s.ceo.female else "قال"
        title = "الرئيسة التنفيذية" if s.ceo.female else "الرئيس التنفيذي"
        left = "غادرت" if s.cto.female else "غادر"
        cto_title = "كبيرة مسؤولي التكنولوجيا" if s.cto.female else "كبير مسؤولي التكنولوجيا"
        return [
            f"تأسست {org} في عام {f['founded']}.",
            f"ارتفع تقييم {org} إلى {_fmt_en(v)} مليار دولار.",
            f"أعلنت {org} عن جولة تمويل بقيمة {fm} مليون دولار.",
            f"{said} {ceo}، {title} للشركة، إن النتائج جيدة.",
            f"{left} {cto} {org} في {AR_MONTHS[lm - 1]} {ly} وانضم إلى {rival}."
            .replace("وانضم", "وانضمت" if s.cto.female else "وانضم"),
            f"{cto}، {cto_title}، {left} بعد نحو {AR_YEARS[t]} من العمل.",
            f"بلغت إيرادات {org} {_fmt_en(r)} مليار دولار في عام {yr}.",
        ]
    raise KeyError(lang)


def _article(s: _Story, lang: str, rng: random.Random, filler: int) -> str:
    org = s.org.name(lang)
    claims_ = _claim_sentences(s, lang, rng)
    title = claims_[2].rstrip(".。")
    pool = [x.format(org=org) for x in FILLER[lang]]
    rng.shuffle(pool)
    body = list(claims_)
    for k in range(min(filler, len(pool))):
        body.insert(rng.randrange(1, len(body) + 1), pool[k])
    sep = "" if lang.startswith("zh") else " "
    paragraphs, i = [], 0
    while i < len(body):
        n = rng.randint(2, 4)
        paragraphs.append(sep.join(body[i:i + n]))
        i += n
    return "\n\n".join([title, *paragraphs, *FURNITURE[lang]]) + "\n"


@dataclass
class SynthArchive:
    root: Path
    files: dict[str, list[Path]]            # language -> its articles
    entities: Path
    manifest: Path
    truth: set[tuple[str, str, str]]        # (rule, organisation id, predicate) per injected fault
    stories: int = 0
    chars: dict[str, int] = field(default_factory=dict)
    story_data: list = field(default_factory=list, repr=False)

    @property
    def all_files(self) -> list[Path]:
        return [p for ps in self.files.values() for p in ps]


def synth_archive(root: Path | str, stories: int = 20, *, langs: Iterable[str] = LANGS, rate: float = 0.2,
                  seed: int = 0, filler: int = 6) -> SynthArchive:
    """Write `stories` stories, one article per language each, into `root` (made if missing),
    with `manifest.yaml` (publication date, language, source per file) and `entities.yaml` (the
    organisations in every script; people are left to the linker, as in the fixtures). A share
    `rate` of the stories gets one wrong figure in one article (never the first); `truth` lists
    them as (rule, organisation id, predicate)."""
    import yaml

    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    langs = tuple(langs)
    rng = random.Random(seed)
    namer = _Namer(random.Random(seed + 1))
    files: dict[str, list[Path]] = {lang: [] for lang in langs}
    chars: dict[str, int] = {lang: 0 for lang in langs}
    manifest: dict[str, dict] = {}
    entities: list[dict] = []
    truth: set[tuple[str, str, str]] = set()
    story_data: list[_Story] = []
    for i in range(stories):
        s = _story(i, rng, rate, langs, namer)
        story_data.append(s)
        entities += [s.org.entity(), s.investor.entity(), s.rival.entity()]
        if s.fault:
            truth.add((FAULT_RULE[s.fault], s.org.id, s.fault))
        for lang, pub in zip(langs, s.published):
            name = f"{lang}_{i:05d}.txt"
            text = _article(s, lang, rng, filler)
            (root / name).write_text(text, encoding="utf-8")
            files[lang].append(root / name)
            chars[lang] += len(text)
            manifest[name] = {"published": pub.isoformat(), "lang": lang, "source": f"synthetic outlet {lang}"}
    header = "# Synthetic articles from bench/synth.py (invented companies and people).\n"
    (root / "manifest.yaml").write_text(header + yaml.safe_dump({"documents": manifest}, allow_unicode=True,
                                                                sort_keys=True), encoding="utf-8")
    (root / "entities.yaml").write_text(header + yaml.safe_dump({"entities": entities}, allow_unicode=True,
                                                                sort_keys=False), encoding="utf-8")
    return SynthArchive(root=root, files=files, entities=root / "entities.yaml", manifest=root / "manifest.yaml",
                        truth=truth, stories=stories, chars=chars, story_data=story_data)


def synth_draft(archive: SynthArchive, folder: Path | str, *, story: int = 0, lang: str = "en",
                fault: Optional[str] = "valuation", seed: int = 0) -> tuple[Path, Optional[tuple[str, str, str]]]:
    """A draft (Markdown with front matter) retelling one of the archive's stories in `lang` a
    day after its last article, with `fault` (one of FAULTS, or None) wrong in it. Returns its
    path and the finding a check against the archive must report, (rule, organisation id,
    predicate), or None. The story's stored articles must be right about that figure (a story
    the archive already has wrong is not picked by the caller, or the draft may agree with it)."""
    import dataclasses

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = archive.story_data[story]
    s = dataclasses.replace(base, fault=fault, fault_lang=lang if fault else None)
    text = _article(s, lang, random.Random(seed), filler=4)
    published = max(s.published) + dt.timedelta(days=1)
    path = folder / f"draft_{story:05d}_{lang}.md"
    path.write_text(f"---\nid: draft-{story:05d}-{lang}\npublished: {published.isoformat()}\nlang: {lang}\n---\n\n"
                    + text, encoding="utf-8")
    return path, ((FAULT_RULE[fault], s.org.id, fault) if fault else None)
