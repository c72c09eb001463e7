"""The case tables (fixtures/cases/<lang>/<name>.yml) as the test suite, Duckling style.

Every file holds one dimension (number, money, time, duration, title) or one claim family of one
language; every case is one sentence and what claimcheck must read in it. One runner serves them
all, parametrized by case id (`ru/money/scale_word_short`), so `pytest -k "ru and money"` runs one
table. A case marked `xfail: "reason"` is a hard case not read yet: it runs with strict=True, so a
fix shows up as XPASS (and fails the run) until the mark is taken off.

File schema:
    lang: ru                      # en, ru, zh-Hans, zh-Hant, ar; must match the folder
    published: 2026-02-03         # reference date of every case (a case may override it)
    predicate: valuation          # optional, claim files: predicates in scope (string or list)
    cases:
      <case-id>:
        text: "..."               # one sentence
        published: 2025-01-01     # optional override; `published: null` for no date at all
        values: [...]             # parse level: each item must be read (see below)
        absent: [...]             # parse level: no row may match any of these items
        claims: [...]             # claim level: exactly these claims of the predicates in scope
        predicates: [...]         # optional: scope of this case (default: the file's, else those expected)
        xfail: "reason"           # optional: not read yet, and why
        note: "..."               # optional: why the case is there

Parse level (`checker.parse.parse_phrase`): an item is {dim, text?, value?, <fields>}. `text` is
the span read, `value` the string `claimcheck parse` prints (its `display`), other keys are fields of the
normalized value: amount min max min_exclusive approx currency (number, money); start end
granularity month relative approx (time); iso years approx ago{start end ...} (duration); id
(title, trigger, event, person, org).

Claim level (`claims.pipeline.extract_claims` on a one-sentence document, with the invented
organisations of fixtures/cases/entities.yaml): an item is {predicate, subject, value?, time?,
object?, destination?, tense?}. `subject`, `object`, `destination` are a name, alias or id of the
claim's subject; `value` and `time` are fields of the claim's value and time (`value: null`
means no value). `claims: []` says that nothing in scope may be claimed.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import pytest
import yaml

from claims.lang import supported_tags

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "fixtures" / "cases"
ENTITIES = CASES / "entities.yaml"
LANGS = supported_tags()  # every language a pack serves
MIN_CASES_PER_LANG = 40

FILE_KEYS = {"lang", "published", "predicate", "cases"}
CASE_KEYS = {"text", "published", "values", "absent", "claims", "predicates", "xfail", "note"}
CLAIM_KEYS = {"predicate", "subject", "value", "time", "object", "destination", "tense"}
PARSE_DIMS = {"number", "money", "time", "duration", "title", "person", "org", "product", "event", "trigger"}
_UNSET = object()


@dataclass
class Case:
    id: str
    path: Path
    lang: str
    published: Optional[dt.date]
    text: str
    values: Optional[list] = None
    absent: list = field(default_factory=list)
    claims: Optional[list] = None
    scope: Optional[set] = None
    xfail: Optional[str] = None


def _as_list(x) -> list:
    if x is None:
        return []
    return list(x) if isinstance(x, (list, tuple, set)) else [x]


def load_cases() -> tuple[list[Case], list[str]]:
    """Every case of every file, and the schema problems found on the way."""
    cases, problems = [], []
    for path in sorted(CASES.glob("*/*.yml")):
        rel = path.relative_to(CASES)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            problems.append(f"{rel}: not valid YAML: {exc}")
            continue
        if set(data) - FILE_KEYS:
            problems.append(f"{rel}: unknown keys {sorted(set(data) - FILE_KEYS)}")
        lang = data.get("lang")
        if lang != path.parent.name:
            problems.append(f"{rel}: lang {lang!r} is not the folder name {path.parent.name!r}")
        file_scope = set(_as_list(data.get("predicate"))) or None
        for cid, c in (data.get("cases") or {}).items():
            case_id = f"{path.parent.name}/{path.stem}/{cid}"
            if not isinstance(c, dict) or not isinstance(c.get("text"), str) or not c["text"].strip():
                problems.append(f"{case_id}: no text")
                continue
            if set(c) - CASE_KEYS:
                problems.append(f"{case_id}: unknown keys {sorted(set(c) - CASE_KEYS)}")
            if ("values" in c) == ("claims" in c):
                problems.append(f"{case_id}: needs exactly one of values: or claims:")
                continue
            for item in _as_list(c.get("values")) + _as_list(c.get("absent")):
                if not isinstance(item, dict) or item.get("dim") not in PARSE_DIMS:
                    problems.append(f"{case_id}: a value item needs dim in {sorted(PARSE_DIMS)}: {item!r}")
            for item in _as_list(c.get("claims")):
                if not isinstance(item, dict) or "predicate" not in item or set(item) - CLAIM_KEYS:
                    problems.append(f"{case_id}: a claim item needs predicate and only {sorted(CLAIM_KEYS)}: {item!r}")
            if "values" in c and not _as_list(c.get("values")) and not _as_list(c.get("absent")):
                problems.append(f"{case_id}: values: [] asserts nothing; use absent: for what must not be read")
            scope = set(_as_list(c.get("predicates"))) or file_scope
            if "claims" in c and not c["claims"] and not scope:
                problems.append(f"{case_id}: claims: [] needs a predicate scope (file predicate: or case predicates:)")
            published = c["published"] if "published" in c else data.get("published")
            if isinstance(published, str):
                published = dt.date.fromisoformat(published)
            cases.append(Case(id=case_id, path=path, lang=lang, published=published, text=c["text"],
                              values=_as_list(c.get("values")) if "values" in c else None,
                              absent=_as_list(c.get("absent")),
                              claims=_as_list(c.get("claims")) if "claims" in c else None,
                              scope=scope, xfail=c.get("xfail")))
    return cases, problems


ALL_CASES, PROBLEMS = load_cases()


# --- comparing expected fields with what was read --------------------------------------------------
def same(expected: Any, actual: Any) -> bool:
    """Does `actual` have what `expected` asks for? Dicts are compared on the expected keys only."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return False
        return all(k in actual and same(v, actual[k]) for k, v in expected.items())
    if expected is None:
        return actual is None
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    if isinstance(expected, (dt.date, dt.datetime)) or isinstance(actual, (dt.date, dt.datetime)):
        return str(expected) == str(actual)
    if isinstance(actual, (int, float)) and not isinstance(expected, (list, dict)):
        try:
            e = float(expected)   # YAML reads 1.5e12 (no sign, no dot) as a string
        except (TypeError, ValueError):
            return False
        return math.isclose(e, float(actual), rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(map(same, expected, actual))
    return expected == actual


def _dump(model) -> Optional[dict]:
    return model.model_dump(mode="python") if model is not None else None


def parse_rows(case: Case) -> list[dict]:
    """`claimcheck parse` rows, each with the fields of its normalized value under `fields`."""
    from checker.parse import parse_phrase
    from claims.entities import load_index
    from claims.model import Document
    from claims.pipeline import DocReader
    from claims.read.language import normalize_tag

    rows = parse_phrase(case.text, case.lang, case.published)
    fields: dict[tuple, dict] = {}
    doc = Document(id="case", path=f"<{case.id}>", lang=normalize_tag(case.lang), published=case.published,
                   text=case.text)
    for sent in DocReader(doc, load_index()).sentences():
        o = sent.start

        def put(dim, s, e, f):
            fields[(dim, o + s, o + e)] = f

        for a in sent.amounts:
            put("money" if a.currency else "number", a.start, a.end,
                {"amount": a.amount, "min": a.min, "max": a.max, "min_exclusive": a.min_exclusive,
                 "approx": a.approx, "currency": a.currency})
        for t in sent.times:
            put("time", t.start, t.end, _dump(t.time))
        for d in sent.durations:
            put("duration", d.start, d.end, {**_dump(d.duration), "ago": _dump(d.ago)})
            if (d.ago or d.ahead) is not None and ("time", o + d.start, o + d.end) not in fields:
                put("time", d.start, d.end, _dump(d.ago or d.ahead))  # the time parse reads from it
        for group, dim in ((sent.titles, "title"), (sent.events, "event"), (sent.triggers, "trigger")):
            for m in group:
                put(dim, m.start, m.end, {"id": m.key})
        for group, dim in ((sent.people, "person"), (sent.orgs, "org"), (sent.products, "product")):
            for m in group:
                put(dim, m.start, m.end, {"id": m.subject.id, "name": m.subject.name})
    for r in rows:
        r["fields"] = fields.get((r["dim"], *r["span"]), {})
    return rows


def row_matches(item: dict, row: dict) -> bool:
    if row["dim"] != item["dim"]:
        return False
    for k, v in item.items():
        if k == "dim":
            continue
        if k in ("text", "value"):
            # `value` is the string `claimcheck parse` prints (`display` beside the structured value)
            if row["display" if k == "value" else k] != v:
                return False
        elif k not in row["fields"] or not same(v, row["fields"][k]):
            return False
    return True


def _names(subject) -> set[str]:
    if subject is None:
        return set()
    return {n.casefold() for n in (subject.name, subject.id, subject.id.split(":", 1)[-1], *subject.aliases)}


def claim_matches(item: dict, claim) -> bool:
    if claim.predicate != item["predicate"]:
        return False
    for role in ("subject", "object", "destination"):
        if role in item:
            want, got = item[role], getattr(claim, role)
            if want is None:
                if got is not None:
                    return False
            elif str(want).casefold() not in _names(got):
                return False
    for part in ("value", "time"):
        if part in item and not same(item[part], _dump(getattr(claim, part))):
            return False
    if "tense" in item and claim.tense != item["tense"]:
        return False
    return True


def assign(expected: list[dict], actual: list, fits) -> Optional[list[int]]:
    """One actual per expected item, each used once (a small backtracking search)."""
    used: list[int] = []

    def go(i: int) -> bool:
        if i == len(expected):
            return True
        for j, a in enumerate(actual):
            if j not in used and fits(expected[i], a):
                used.append(j)
                if go(i + 1):
                    return True
                used.pop()
        return False

    return used if go(0) else None


def _show_claim(c) -> str:
    def brief(m):
        if m is None:
            return None
        return {k: v for k, v in m.model_dump(mode="json", exclude={"text"}).items()
                if v not in (None, False, [], "") and k != "type"}

    parts = [f"{c.predicate} subject={c.subject.name!r} ({c.subject.id})", f"value={brief(c.value)}"]
    if c.object:
        parts.append(f"object={c.object.name!r}")
    if c.destination:
        parts.append(f"destination={c.destination.name!r}")
    if c.time:
        parts.append(f"time={brief(c.time)}")
    parts.append(f"tense={c.tense}")
    return " ".join(parts)


# --- the runner ------------------------------------------------------------------------------------
def _param(case: Case):
    marks = [pytest.mark.xfail(reason=str(case.xfail), strict=True)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in ALL_CASES])
def test_case(case: Case):
    if case.values is not None:
        rows = parse_rows(case)
        shown = "\n".join(f"  {r['dim']:9} {r['text']!r} -> {r['value']}  {r['fields']}" for r in rows) or "  (nothing)"
        if assign(case.values, rows, row_matches) is None:
            missing = [v for v in case.values if not any(row_matches(v, r) for r in rows)] or case.values
            pytest.fail(f"{case.id}: not read: {missing}\nin {case.text!r}\nread:\n{shown}", pytrace=False)
        wrong = [(a, r) for a in case.absent for r in rows if row_matches(a, r)]
        if wrong:
            pytest.fail(f"{case.id}: read what must not be: {wrong[0][1]['dim']} {wrong[0][1]['text']!r}"
                        f" (matches {wrong[0][0]})\nread:\n{shown}", pytrace=False)
        return

    from claims.entities import load_index
    from claims.model import Document
    from claims.pipeline import extract_claims
    from claims.read.language import normalize_tag

    doc = Document(id="case", path=f"<{case.id}>", lang=normalize_tag(case.lang), published=case.published,
                   text=case.text)
    claims = extract_claims(doc, load_index((str(ENTITIES),)))
    scope = case.scope or {c["predicate"] for c in case.claims}
    in_scope = [c for c in claims if c.predicate in scope]
    shown = "\n".join("  " + _show_claim(c) for c in in_scope) or "  (none)"
    if assign(case.claims, in_scope, claim_matches) is None:
        pytest.fail(f"{case.id}: expected claims not found: {case.claims}\nin {case.text!r}\nclaimed:\n{shown}",
                    pytrace=False)
    if len(in_scope) != len(case.claims):
        pytest.fail(f"{case.id}: {len(in_scope)} claims of {sorted(scope)}, expected {len(case.claims)}\n"
                    f"in {case.text!r}\nclaimed:\n{shown}", pytrace=False)


# --- the tables themselves -------------------------------------------------------------------------
def test_case_files_follow_the_schema():
    assert ALL_CASES, f"no case files under {CASES}"
    assert not PROBLEMS, "\n".join(PROBLEMS)


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_enough_cases(lang):
    mine = [c for c in ALL_CASES if c.lang == lang]
    assert len(mine) >= MIN_CASES_PER_LANG, f"{lang}: {len(mine)} cases, want at least {MIN_CASES_PER_LANG}"
    kinds = {c.path.stem for c in mine}
    assert {"number", "money", "time", "duration", "title"} <= kinds, f"{lang}: parse-level tables missing"
    assert any(c.claims == [] for c in mine), f"{lang}: no no-claim case"


def test_case_ids_are_unique():
    ids = [c.id for c in ALL_CASES]
    assert len(ids) == len(set(ids))


def test_the_matcher_can_fail():
    """The comparison is not vacuous: a wrong amount, currency or date does not match."""
    row = {"dim": "money", "text": "$5 billion", "value": "5B USD", "fields": {"amount": 5e9, "currency": "USD"}}
    assert row_matches({"dim": "money", "amount": "5.0e+9", "currency": "USD"}, row)
    assert not row_matches({"dim": "money", "amount": 5e8}, row)
    assert not row_matches({"dim": "money", "currency": "EUR"}, row)
    assert not row_matches({"dim": "number", "amount": 5e9}, row)
    assert not row_matches({"dim": "money", "approx": True}, row)
    assert same({"start": dt.date(2025, 12, 1)}, {"start": dt.date(2025, 12, 1), "end": None})
    assert not same({"start": dt.date(2025, 12, 1)}, {"start": dt.date(2026, 12, 1)})
    assert not same({"end": None}, {"end": dt.date(2026, 12, 1)})
