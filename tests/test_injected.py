"""Contradictions injected into the fixtures by editing their text, and equivalent rewrites that must
stay silent.

Each case copies one fixture folder into tmp_path, applies `prep` edits (which make the folder
consistent where the case needs it) to get the baseline, then its own edit, and audits both through
the CLI. `found`: a new contradiction or anomaly of the predicate, about the subject, involving the
edited article. `silent`: the edit adds no finding at all (a finding that was already there before
the edit, such as a known false alarm, is not counted).

Cases the checker misses today are xfail(strict=True) with the reason; the table is the list.
"""
from __future__ import annotations

import json
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from tests.conftest import FIXTURES

SCORED_KINDS = {"contradiction", "anomaly"}
SCORED_SEVERITIES = {"error", "warning"}

OA_RU, OA_ZH, OA_TW, OA_AR = ("000_d2a00caa719a37ee.txt", "001_9cce78ee4fb8eaa2.txt", "002_27ea64b740333a9c.txt",
                              "004_dc27bdc87947ed81.txt")
HE_EN, HE_RU, HE_ZH, HE_AR, HE_RU24 = ("en_ledger_2026-02-03.txt", "ru_retelling_2026-02-05.txt", "zh_jike_2026-02-06.txt",
                                       "ar_tech_2026-02-07.txt", "ru_round_2024-06-12.txt")
QB_EN, QB_AR, QB_RU, QB_TW, QB_AR24 = ("en_meridian_2026-01-20.txt", "ar_iqtisad_2026-01-22.txt", "ru_fintech_2026-01-23.txt",
                                       "zh_hant_2025-02-10.txt", "ar_ouster_2024-04-02.txt")

# Edits that make a folder consistent before a case injects its own contradiction.
CODE_RED_2025 = ((OA_ZH, "2026年12月,面对", "2025年12月,面对"),)
TENURE_SEVEN = ((HE_RU, "после девяти лет работы", "после семи лет работы"),)
KHOURY_OCTOBER = ((QB_RU, "В ноябре банк покинул", "В октябре банк покинул"),)


@dataclass
class Case:
    id: str
    corpus: str
    lang: str
    predicate: str
    file: str
    original: str
    replacement: str
    expected: str                      # "found" or "silent"
    subject: tuple[str, ...] = ()      # names of the subject a found finding must be about
    prep: tuple = ()
    xfail: str = ""
    extra: tuple = field(default=())   # further (file, original, replacement) edits of the injection itself

    def param(self):
        marks = [pytest.mark.xfail(strict=True, reason=self.xfail)] if self.xfail else []
        return pytest.param(self, id=self.id, marks=marks)


OPENAI, CHATGPT, CODE_RED = ("OpenAI", "Оупен Эй-Ай"), ("ChatGPT",), ("code red", "тревога", "红色警报")
TWOREK, CHEN, OKAFOR = ("Jerry Tworek", "Джерри Творек"), ("Mark Chen", "Марк Чен"), ("Daniel Okafor", "Дэниел Окафор")
HELION, QUARRY, KHOURY = ("Helion Robotics", "Helion"), ("Quarry Bank", "Quarry"), ("Samir Khoury", "Самир Хури")
LINDQVIST, OUSTING = ("Viktor Lindqvist",), ("ousting", "ousted", "أقال", "отстранил", "罷免")

CASES = [
    # --- event_date ---------------------------------------------------------------------------
    Case("ru-event-month", "openai", "ru", "event_date", OA_RU, "В декабре Сэм Альтман", "В октябре Сэм Альтман",
         "found", CODE_RED, prep=CODE_RED_2025),
    Case("zh-event-year", "openai", "zh-Hans", "event_date", OA_ZH, "2025年12月,面对", "2024年12月,面对", "found", CODE_RED,
         prep=CODE_RED_2025),
    Case("en-event-year", "quarry-bank", "en", "event_date", QB_EN, "ousted Nassar in March 2024", "ousted Nassar in March 2023",
         "found", OUSTING),
    Case("ar-event-year", "quarry-bank", "ar", "event_date", QB_AR, "أقال نصار في مارس 2024", "أقال نصار في مارس 2023",
         "found", OUSTING),
    Case("ru-event-year", "quarry-bank", "ru", "event_date", QB_RU, "в марте 2024 года", "в марте 2023 года", "found", OUSTING),
    Case("zh-hant-event-month", "quarry-bank", "zh-Hant", "event_date", QB_TW, "去年3月，董事會", "去年6月，董事會", "found",
         OUSTING),
    Case("ru-event-same-month-relative", "openai", "ru", "event_date", OA_RU, "В декабре Сэм Альтман",
         "В декабре прошлого года Сэм Альтман", "silent", prep=CODE_RED_2025),
    Case("zh-hant-event-explicit-year", "quarry-bank", "zh-Hant", "event_date", QB_TW, "去年3月，董事會", "2024年3月，董事會",
         "silent"),
    Case("ar-event-last-month-named", "quarry-bank", "ar", "event_date", QB_AR24, "كريم نصار الشهر الماضي",
         "كريم نصار في مارس", "silent"),
    Case("en-event-early-year", "quarry-bank", "en", "event_date", QB_EN, "ousted Nassar in March 2024",
         "ousted Nassar in early 2024", "silent"),
    # --- founding -----------------------------------------------------------------------------
    Case("en-founding-year", "helion-robotics", "en", "founding", HE_EN, "Helion was founded in 2019",
         "Helion was founded in 2016", "found", HELION),
    Case("ru-founding-year", "helion-robotics", "ru", "founding", HE_RU, "Helion основана в 2019 году",
         "Helion основана в 2017 году", "found", HELION),
    Case("zh-founding-year", "helion-robotics", "zh-Hans", "founding", HE_ZH, "Helion成立于2019年", "Helion成立于2017年",
         "found", HELION),
    Case("ar-founding-year", "helion-robotics", "ar", "founding", HE_AR, "وتأسست Helion عام 2019", "وتأسست Helion عام 2016",
         "found", HELION),
    Case("en-founding-years-ago", "helion-robotics", "en", "founding", HE_EN, "Helion was founded in 2019",
         "Helion was founded seven years ago", "silent"),
    # --- valuation ----------------------------------------------------------------------------
    Case("ru-valuation", "openai", "ru", "valuation", OA_RU, "$500 млрд", "$300 млрд", "found", OPENAI),
    Case("zh-valuation", "openai", "zh-Hans", "valuation", OA_ZH, "5000亿美元", "3000亿美元", "found", OPENAI),
    Case("ar-valuation", "openai", "ar", "valuation", OA_AR, "500 مليار دولار", "300 مليار دولار", "found", OPENAI),
    Case("en-valuation", "helion-robotics", "en", "valuation", HE_EN, "values the company at $40 billion",
         "values the company at $30 billion", "found", HELION),
    Case("zh-valuation-chinese-numerals", "openai", "zh-Hans", "valuation", OA_ZH, "估值高达5000亿美元", "估值高达五千亿美元",
         "silent"),
    Case("ru-valuation-half-trillion", "openai", "ru", "valuation", OA_RU, "оценки в $500 млрд", "оценки в полтриллиона долларов",
         "silent"),
    Case("ru-valuation-trillion-decimal", "openai", "ru", "valuation", OA_RU, "$500 млрд", "$0,5 трлн", "silent"),
    Case("ar-valuation-half-trillion", "openai", "ar", "valuation", OA_AR, "إلى 500 مليار دولار", "إلى نصف تريليون دولار",
         "silent"),
    Case("ar-valuation-arabic-digits", "helion-robotics", "ar", "valuation", HE_AR, "إلى 40 مليار دولار", "إلى ٤٠ مليار دولار",
         "silent"),
    Case("en-valuation-short-scale", "helion-robotics", "en", "valuation", HE_EN, "$40 billion", "$40bn", "silent"),
    Case("zh-valuation-han-numerals", "helion-robotics", "zh-Hans", "valuation", HE_ZH, "投后估值达到400亿美元",
         "投后估值达到四百亿美元", "silent"),
    # --- user_count ---------------------------------------------------------------------------
    Case("zh-users", "openai", "zh-Hans", "user_count", OA_ZH, "拥有8亿用户", "拥有5000万用户", "found", CHATGPT),
    Case("en-users", "quarry-bank", "en", "user_count", QB_EN, "now has about 12 million users", "now has about 6 million users",
         "found", QUARRY),
    Case("ar-users", "quarry-bank", "ar", "user_count", QB_AR, "نحو 12 مليون مستخدم", "نحو 3 ملايين مستخدم", "found", QUARRY),
    Case("ru-users", "quarry-bank", "ru", "user_count", QB_RU, "более 10 млн пользователей", "более 20 млн пользователей",
         "found", QUARRY),
    Case("zh-users-about", "openai", "zh-Hans", "user_count", OA_ZH, "拥有8亿用户", "拥有约8亿用户", "silent"),
    Case("zh-users-han-numerals", "openai", "zh-Hans", "user_count", OA_ZH, "拥有8亿用户", "拥有八亿用户", "silent"),
    Case("ru-users-rounded", "openai", "ru", "user_count", OA_RU, "сотни миллионов пользователей",
         "около 800 млн пользователей", "silent"),
    Case("ar-users-arabic-digits", "quarry-bank", "ar", "user_count", QB_AR, "نحو 12 مليون مستخدم", "نحو ١٢ مليون مستخدم",
         "silent"),
    # --- tenure -------------------------------------------------------------------------------
    Case("ru-tenure", "openai", "ru", "tenure", OA_RU, "после 7 лет работы", "после 9 лет работы", "found", TWOREK),
    Case("zh-tenure", "openai", "zh-Hans", "tenure", OA_ZH, "任职长达七年", "任职长达九年", "found", TWOREK),
    Case("en-tenure", "helion-robotics", "en", "tenure", HE_EN, "after seven years", "after nine years", "found", LINDQVIST,
         prep=TENURE_SEVEN),
    Case("ar-tenure", "helion-robotics", "ar", "tenure", HE_AR, "بعد سبع سنوات قضاها", "بعد تسع سنوات قضاها", "found",
         LINDQVIST, prep=TENURE_SEVEN),
    Case("zh-tenure-digits", "openai", "zh-Hans", "tenure", OA_ZH, "任职长达七年", "任职长达7年", "silent"),
    Case("ru-tenure-words", "openai", "ru", "tenure", OA_RU, "после 7 лет работы", "после семи лет работы", "silent"),
    Case("en-tenure-nearly", "helion-robotics", "en", "tenure", HE_EN, "after seven years", "after nearly seven years",
         "silent", prep=TENURE_SEVEN),
    # --- departure ----------------------------------------------------------------------------
    Case("ru-departure-month", "openai", "ru", "departure", OA_RU, "Он покинул OpenAI январе", "Он покинул OpenAI в ноябре",
         "found", TWOREK),
    Case("zh-departure-month", "openai", "zh-Hans", "departure", OA_ZH, "今年1月,在OpenAI任职", "去年10月,在OpenAI任职",
         "found", TWOREK),
    Case("en-departure-month", "quarry-bank", "en", "departure", QB_EN, "Samir Khoury left in October",
         "Samir Khoury left in August", "found", KHOURY, prep=KHOURY_OCTOBER),
    Case("ar-departure-month", "quarry-bank", "ar", "departure", QB_AR, "منصبه في أكتوبر الماضي", "منصبه في يوليو الماضي",
         "found", KHOURY, prep=KHOURY_OCTOBER),
    Case("ar-departure-month-helion", "helion-robotics", "ar", "departure", HE_AR, "في يناير الماضي", "في نوفمبر الماضي",
         "found", LINDQVIST),
    Case("ru-departure-explicit-year", "openai", "ru", "departure", OA_RU, "Он покинул OpenAI январе",
         "Он покинул OpenAI в январе 2026 года", "silent"),
    Case("zh-departure-explicit-year", "helion-robotics", "zh-Hans", "departure", HE_ZH, "今年1月，在Helion", "2026年1月，在Helion",
         "silent"),
    Case("en-departure-last-month", "helion-robotics", "en", "departure", HE_EN, "left the company in January",
         "left the company last month", "silent"),
    Case("ar-departure-explicit-year", "quarry-bank", "ar", "departure", QB_AR, "منصبه في أكتوبر الماضي",
         "منصبه في أكتوبر 2025", "silent", prep=KHOURY_OCTOBER),
    # --- role ---------------------------------------------------------------------------------
    Case("zh-role", "openai", "zh-Hans", "role", OA_ZH, "首席研究官马克·陈", "首席财务官马克·陈", "found", CHEN),
    Case("ru-role", "helion-robotics", "ru", "role", HE_RU, "с генеральным директором Дэниелом Окафором",
         "с финансовым директором Дэниелом Окафором", "found", OKAFOR),
    Case("en-role", "helion-robotics", "en", "role", HE_EN, "chief executive Daniel Okafor", "chief scientist Daniel Okafor",
         "found", OKAFOR),
    Case("ar-role", "quarry-bank", "ar", "role", QB_AR, "سمير خوري، كبير مسؤولي التكنولوجيا", "سمير خوري، المدير المالي",
         "found", KHOURY),
    Case("ru-role-same-title", "openai", "ru", "role", OA_RU, "Главный научный сотрудник OpenAI Марк Чен",
         "Директор по исследованиям OpenAI Марк Чен", "silent"),
    Case("en-role-abbreviation", "helion-robotics", "en", "role", HE_EN, "chief executive Daniel Okafor", "CEO Daniel Okafor",
         "silent"),
    Case("zh-hant-role-other-time", "openai", "zh-Hant", "role", OA_TW, "新任研究高級副總裁的馬克·陳",
         "新任首席財務官的馬克·陳", "silent"),
    Case("ru-role-other-time", "helion-robotics", "ru", "role", HE_RU24, "Генеральный директор Дэниел Окафор",
         "Финансовый директор Дэниел Окафор", "silent"),
]


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def _about(finding: dict, names: tuple[str, ...]) -> bool:
    subject = finding.get("subject") or {}
    have = [_norm(n) for n in [subject.get("name", ""), subject.get("id", ""), *(subject.get("aliases") or [])] if n]
    want = [_norm(n) for n in names]
    return any(w and h and (w == h or (len(w) >= 3 and w in h) or (len(h) >= 3 and h in w)) for w in want for h in have)


def _edit(folder: Path, edits) -> None:
    for name, original, replacement in edits:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert original in text, f"{name}: {original!r} is no longer in the fixture"
        path.write_text(text.replace(original, replacement), encoding="utf-8")


def _audit(folder: Path) -> list[dict]:
    args = ["audit", str(folder), "--format", "json", "--fail-on", "never"]
    if (folder / "entities.yaml").exists():
        args += ["--entities", str(folder / "entities.yaml")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr or result.stdout
    return [f for f in json.loads(result.stdout)["findings"]
            if f.get("kind") in SCORED_KINDS and f.get("severity") in SCORED_SEVERITIES]


def _key(f: dict) -> tuple:
    return f["predicate"], (f.get("subject") or {}).get("id"), tuple(sorted(f.get("docs") or [])), tuple(sorted(f.get("values") or []))


_BASELINES: dict[tuple, set[tuple]] = {}


def _run(case: Case, tmp_path: Path) -> list[dict]:
    """The findings the injection adds to its baseline (the folder after `prep`, audited once)."""
    base = tmp_path / "base" / case.corpus
    shutil.copytree(FIXTURES / case.corpus, base)
    _edit(base, case.prep)
    if (case.corpus, case.prep) not in _BASELINES:
        _BASELINES[(case.corpus, case.prep)] = {_key(f) for f in _audit(base)}
    known = _BASELINES[(case.corpus, case.prep)]
    injected = tmp_path / "injected" / case.corpus
    shutil.copytree(base, injected)
    _edit(injected, ((case.file, case.original, case.replacement), *case.extra))
    return [f for f in _audit(injected) if _key(f) not in known]


def test_the_table_covers_every_language_and_predicate():
    found = {(c.lang, c.predicate) for c in CASES if c.expected == "found"}
    assert {lang for lang, _ in found} >= {"en", "ru", "zh-Hans", "zh-Hant", "ar"}
    assert {p for _, p in found} >= {"event_date", "valuation", "user_count", "tenure", "departure", "role"}
    assert {c.predicate for c in CASES if c.expected == "silent"} >= {"event_date", "valuation", "user_count", "tenure",
                                                                      "departure", "role"}
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_injected(case: Case, tmp_path):
    new = _run(case, tmp_path)
    doc = Path(case.file).stem
    if case.expected == "found":
        hits = [f for f in new if f["predicate"] == case.predicate and doc in f["docs"] and _about(f, case.subject)]
        assert hits, (f"no new {case.predicate} finding about {case.subject} involving {doc}; new findings: "
                      + json.dumps([(f["predicate"], f["subject"]["name"], f["docs"], f["values"]) for f in new],
                                   ensure_ascii=False))
    else:
        assert not new, "an equivalent rewrite raised: " + json.dumps(
            [(f["predicate"], f["subject"]["name"], f["docs"], f["values"], f["message"]) for f in new], ensure_ascii=False)
