"""The matcher on claims made by hand: what it reports, what it merges, whom it names the outlier,
and the traps that must stay silent (targets, one article's two figures, ages over time)."""
from __future__ import annotations

import datetime as dt

from checker.matcher import match
from claims.model import PUBLICATION_DATE, Claim, Document, Money, Quantity, Subject, Time, Title

ACME = Subject(id="org:acme", name="Acme", kind="org")
CODE_RED = Subject(id="event:code-red@acme", name="code red", kind="event")
JANE = Subject(id="person:jane-doe", name="Jane Doe", kind="person")
JOHN = Subject(id="person:john-roe", name="John Roe", kind="person")


def doc(i: int, published: str = "2026-02-03") -> Document:
    return Document(id=f"d{i}", path=f"d{i}.txt", lang="en", published=dt.date.fromisoformat(published),
                    text="x" * 200)


def month(year: int, m: int) -> Time:
    end = (dt.date(year + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return Time(start=dt.date(year, m, 1), end=end, granularity="month")


def claim(d: Document, n: int, predicate: str, subject: Subject, value, **kw) -> Claim:
    return Claim(id=f"{d.id}#c{n}", doc=d.id, predicate=predicate, subject=subject, value=value,
                 text=f"sentence {n} of {d.id}", span=(10 * n, 10 * n + 9), lang="en", tense=kw.pop("tense", "past"), **kw)


def usd(x: float, **kw) -> Money:
    return Money(amount=x, currency="USD", **kw)


def scored(findings):
    return [f for f in findings if f.kind in ("contradiction", "anomaly") and f.severity in ("error", "warning")]


def test_four_sources_against_one_name_the_one_the_outlier():
    docs = [doc(i) for i in range(5)]
    claims = [claim(d, 1, "event_date", CODE_RED, month(2025, 12)) for d in docs[:4]]
    claims.append(claim(docs[4], 1, "event_date", CODE_RED, month(2024, 12)))
    (f,) = match(docs, claims)
    assert f.kind == "contradiction" and f.severity == "error"
    assert f.outlier == "d4#c1" and "d4 is the outlier" in f.message
    assert set(f.docs) == {f"d{i}" for i in range(5)}


def test_two_against_two_names_no_outlier():
    docs = [doc(i) for i in range(4)]
    claims = [claim(d, 1, "event_date", CODE_RED, month(2025 if i < 2 else 2024, 12)) for i, d in enumerate(docs)]
    (f,) = match(docs, claims)
    assert f.outlier is None


def test_a_majority_dated_after_its_own_articles_makes_no_outlier():
    # Two articles of February 2026 tell of a code red in December 2026 (impossible: anomalies);
    # the one that says December 2025 is not the outlier for disagreeing with them.
    docs = [doc(i) for i in range(3)]
    claims = [claim(docs[0], 1, "event_date", CODE_RED, month(2025, 12)),
              claim(docs[1], 1, "event_date", CODE_RED, month(2026, 12)),
              claim(docs[2], 1, "event_date", CODE_RED, month(2026, 12))]
    findings = match(docs, claims)
    conflict = next(f for f in findings if f.kind == "contradiction")
    assert conflict.outlier is None
    assert {f.docs[0] for f in findings if f.kind == "anomaly"} == {"d1", "d2"}


def test_values_that_agree_with_one_another_make_one_finding():
    # November 2023 and 28 November 2023 agree; December 2023 contradicts both: one finding.
    docs = [doc(i) for i in range(3)]
    ipo = Subject(id="event:ipo@acme", name="ipo", kind="event")
    day = Time(start=dt.date(2023, 11, 28), end=dt.date(2023, 11, 28), granularity="day")
    claims = [claim(docs[0], 1, "event_date", ipo, month(2023, 12)),
              claim(docs[1], 1, "event_date", ipo, month(2023, 11)),
              claim(docs[2], 1, "event_date", ipo, day)]
    (f,) = [f for f in match(docs, claims) if f.kind == "contradiction"]
    assert set(f.docs) == {"d0", "d1", "d2"} and len(f.values) == 3


def test_the_same_amount_written_three_ways_is_silent():
    docs = [doc(i) for i in range(3)]
    claims = [claim(docs[0], 1, "valuation", ACME, usd(5e11)),                      # $500bn
              claim(docs[1], 1, "valuation", ACME, usd(5e11, precision=5e9)),      # 5000亿美元
              claim(docs[2], 1, "valuation", ACME, usd(5e11, approx=True))]        # около полутриллиона
    assert scored(match(docs, claims)) == []


def test_a_different_valuation_the_same_week_is_an_error():
    docs = [doc(0), doc(1, "2026-02-05")]
    claims = [claim(docs[0], 1, "valuation", ACME, usd(5e11)), claim(docs[1], 1, "valuation", ACME, usd(3e11))]
    (f,) = match(docs, claims)
    assert f.severity == "error" and f.values == ["500B USD", "300B USD"]


def test_a_target_is_not_compared_with_the_actual_figure():
    docs = [doc(0), doc(1)]
    y2028 = Time(start=dt.date(2028, 1, 1), end=dt.date(2028, 12, 31), granularity="year")
    claims = [claim(docs[0], 1, "user_count", ACME, Quantity(amount=1.2e7, unit="users")),
              claim(docs[1], 1, "user_count", ACME, Quantity(amount=3e7, unit="users"), time=y2028, tense="future")]
    assert match(docs, claims) == []


def test_two_figures_in_one_article_are_only_info():
    d = doc(0)
    claims = [claim(d, 1, "valuation", ACME, usd(3.5e9)), claim(d, 2, "valuation", ACME, usd(5e9))]
    (f,) = match([d], claims)
    assert f.severity == "info" and "one article" in f.why


def test_ages_are_compared_at_one_date():
    docs = [doc(0, "2024-02-12"), doc(1, "2026-01-15"), doc(2, "2026-01-20")]
    claims = [claim(docs[0], 1, "age", JANE, Quantity(amount=41, unit="years")),
              claim(docs[1], 1, "age", JANE, Quantity(amount=43, unit="years")),
              claim(docs[2], 1, "age", JANE, Quantity(amount=47, unit="years"))]
    findings = scored(match(docs, claims))
    assert findings and all("d2" in f.docs for f in findings)


def test_titles_at_different_times_are_silent_and_at_the_same_time_conflict():
    cso = Title(id="chief_scientist", text="chief scientist")
    cfo = Title(id="cfo", text="chief financial officer")
    docs = [doc(0, "2024-10-08"), doc(1, "2026-02-03"), doc(2, "2026-02-05")]

    def as_of(d):
        return Time(start=d.published, end=d.published, granularity="day", text=PUBLICATION_DATE)

    claims = [claim(docs[0], 1, "role", JANE, cfo, object=ACME, time=as_of(docs[0])),
              claim(docs[1], 1, "role", JANE, cso, object=ACME, time=as_of(docs[1]))]
    assert scored(match(docs[:2], claims)) == []
    claims.append(claim(docs[2], 1, "role", JANE, cfo, object=ACME, time=as_of(docs[2])))
    assert [set(f.docs) for f in scored(match(docs, claims))] == [{"d1", "d2"}]


def test_a_post_left_is_not_a_second_holder_of_it():
    ceo = Title(id="ceo", text="chief executive")
    docs = [doc(0), doc(1)]
    now = Time(start=docs[0].published, end=docs[0].published, granularity="day", text=PUBLICATION_DATE)
    claims = [claim(docs[0], 1, "role", JANE, ceo, object=ACME, time=now),
              claim(docs[1], 1, "role", JOHN, ceo, object=ACME, time=month(2025, 10), tense="former")]
    assert scored(match(docs, claims)) == []
    claims[1] = claims[1].model_copy(update={"tense": "past", "time": now})
    assert [f.rule for f in scored(match(docs, claims))] == ["CC402"]


def test_disabled_rules_report_nothing():
    docs = [doc(0), doc(1)]
    claims = [claim(docs[0], 1, "valuation", ACME, usd(5e11)), claim(docs[1], 1, "valuation", ACME, usd(3e11))]
    assert match(docs, claims, disabled={"CC201"}) == []
    assert match(docs, claims, disabled={"amount-conflict"}) == []


def test_counts_of_different_periods_are_silent_and_of_one_period_conflict():
    docs = [doc(0), doc(1), doc(2)]
    vehicles = Subject(id="count:vehicles@acme", name="vehicles of Acme", kind="thing")
    y2025 = Time(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), granularity="year")
    q4 = Time(start=dt.date(2025, 10, 1), end=dt.date(2025, 12, 31), granularity="month")
    claims = [claim(docs[0], 1, "count", vehicles, Quantity(amount=312_400, unit="vehicles"), time=y2025),
              claim(docs[1], 1, "count", vehicles, Quantity(amount=98_600, unit="vehicles"), time=q4)]
    assert scored(match(docs[:2], claims)) == []
    claims.append(claim(docs[2], 1, "count", vehicles, Quantity(amount=216_000, unit="vehicles"), time=y2025))
    assert [set(f.docs) for f in scored(match(docs, claims))] == [{"d0", "d2"}]


def test_titles_one_sentence_gives_together_do_not_conflict_elsewhere():
    """"president and chief operating officer" in one article: the two posts go together, in it
    and against another article naming one of them; a third post at the same time still conflicts."""
    a, b, c = doc(1), doc(2), doc(3)
    president, coo, cfo = (Title(id="president", text="president"), Title(id="coo", text="COO"),
                           Title(id="cfo", text="CFO"))
    both = [claim(a, 1, "role", JANE, president), claim(a, 2, "role", JANE, coo).model_copy(update={"span": (10, 19)})]
    assert not scored(match([a, b], both + [claim(b, 1, "role", JANE, coo), claim(b, 2, "role", JANE, president)]))
    found = scored(match([a, c], both + [claim(c, 1, "role", JANE, cfo)]))
    assert found and all("cfo" in f.message for f in found)


def test_a_move_scheduled_after_publication_is_no_anomaly_but_one_told_as_past_is():
    # "Jane Doe will leave Acme on 30 June" in a February article is a schedule, not a past event
    # dated ahead; told as past, the same date is an anomaly.
    d = doc(0)
    june = Time(start=dt.date(2026, 6, 30), end=dt.date(2026, 6, 30), granularity="day")
    scheduled = claim(d, 1, "departure", JANE, None, object=ACME, time=june, tense="scheduled")
    assert not scored(match([d], [scheduled]))
    told_as_past = claim(d, 1, "departure", JANE, None, object=ACME, time=june, tense="past")
    (f,) = scored(match([d], [told_as_past]))
    assert f.kind == "anomaly"


def _without_ids(findings):
    return [f.model_dump(exclude={"id"}) for f in findings]


def test_a_focus_on_a_draft_gives_exactly_the_findings_that_involve_it():
    # A draft check compares only the blocks that hold a draft claim: the findings are those of
    # the whole archive that involve the draft, outlier, merged values and anomalies included.
    docs = [doc(i) for i in range(6)]
    claims = [claim(d, 1, "event_date", CODE_RED, month(2025, 12)) for d in docs[:3]]
    claims += [claim(docs[3], 1, "event_date", CODE_RED, month(2024, 12)),
               claim(docs[4], 1, "event_date", CODE_RED, month(2026, 12)),   # after its article: an anomaly
               claim(docs[0], 2, "valuation", ACME, usd(5e9)), claim(docs[1], 2, "valuation", ACME, usd(9e9)),
               claim(docs[5], 1, "age", JANE, Quantity(amount=40, unit="year")),
               claim(docs[2], 2, "age", JANE, Quantity(amount=47, unit="year"))]
    everything = match(docs, claims)
    assert {f.kind for f in everything} == {"contradiction", "anomaly"}
    for d in docs:
        want = [f for f in everything if d.id in f.docs]
        assert _without_ids(match(docs, claims, focus={d.id})) == _without_ids(want), d.id
    assert match(docs, claims, focus=set()) == []


def test_a_focus_gives_the_same_findings_on_synthetic_blocks():
    from bench.synth import synth_claims

    data = synth_claims(2000, seed=3)
    everything = match(data.documents, data.claims)
    picked = list(dict.fromkeys(f.docs[-1] for f in everything))[:8] + [data.documents[0].id]
    for focus in ({d} for d in picked):
        want = [f for f in everything if focus & set(f.docs)]
        assert _without_ids(match(data.documents, data.claims, focus=focus)) == _without_ids(want)
