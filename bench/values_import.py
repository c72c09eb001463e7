"""Turn the reference value parsers' own test suites into claimcheck's value tables.

    python -m bench.values_import DUCKLING_GIT_DIR RECOGNIZERS_GIT_DIR

Reads, at the commit each git directory's HEAD names:
  - Duckling (facebook/duckling, BSD-3-Clause, Copyright (c) Meta Platforms, Inc. and affiliates):
    Duckling/{Numeral,AmountOfMoney,Time,Duration}/{EN,RU,ZH,AR}/Corpus.hs; reference time
    2013-02-12 (Duckling's testContext);
  - Microsoft Recognizers-Text (MIT License, Copyright (c) Microsoft Corporation):
    Specs/Number/<Lang>/NumberModel.json, Specs/NumberWithUnit/<Lang>/CurrencyModel.json,
    Specs/DateTime/<Lang>/{DateParser,DatePeriodParser,DurationParser}.json.
and writes fixtures/values/<lang>/<dimension>.yml (lang en, ru, zh-Hans, zh-Hant, ar; dimension
number, money, date, duration), each case with its source file and the expected value.

In scope (the values claims carry): numbers, money with a named currency, calendar dates at day,
month or year grain, durations in days, weeks, months or years. Left out: times of day, weekdays,
holidays, sets, intervals, seconds/minutes/hours, amounts without a currency. The cases are kept
as their projects wrote them; they are test data, never read by the product.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "fixtures" / "values"

DUCKLING_REF = "2013-02-12"
DUCK_LANGS = {"EN": "en", "RU": "ru", "ZH": "zh", "AR": "ar"}
RT_LANGS = {"English": "en", "Chinese": "zh", "Arabic": "ar"}

# Duckling's currency constructors (Duckling/AmountOfMoney/Types.hs) to ISO codes; "Dollar" is
# a bare "$" or "dollars", read as USD by claimcheck's packs.
DUCK_CURRENCY = {
    "Dollar": "dollar", "Pound": "pound", "Cent": "cent", "Bitcoin": "BTC", "Dinar": None, "Riyal": None,
    "Rial": None, "Unnamed": None, "Dirham": None, "Pound_": None, "Cent_": None, "Rupee": None,
    "Euro": "EUR", "Yuan": "CNY", "Ruble": "RUB",
}

# Traditional-only characters that mark a Chinese case as zh-Hant.
HANT = set("萬億兩參陸貳點負個週號後時與們來這為會過還說開關進東車長門問間題經壹貳叁肆伍陸柒捌玖拾佰仟圓塊錢幣歲鐘頭節禮拜")
# Weekdays and holidays are out of scope: a date case naming one is left out.
OUT_OF_SCOPE = re.compile(
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b|"
    r"weekend|christmas|xmas|thanksgiving|easter|halloween|valentine|new year|new-year|nye|eve\b|ramadan|eid|"
    r"diwali|holi\b|day of|mother|father|memorial|labor|labour|veterans|independence|boss|earth day|"
    r"today|tonight|now\b|morning|evening|afternoon|night|noon|midnight|o'?clock|\d:\d|\bam\b|\bpm\b|"
    r"понедельник|вторник|сред[аyу]|четверг|пятниц|суббот|воскресень|выходн|рождеств|пасх|новый год|сегодня|утр|вечер|ночь|полдень|"
    r"星期|礼拜|禮拜|周[一二三四五六日天末]|週[一二三四五六日天末]|节|節|今天|今日|现在|現在|早上|晚上|下午|上午|中午|点|點|除夕|春节|"
    r"الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد|عيد|رمضان|اليوم|الآن|مساء|صباح|ظهر|ليل|"
    r"quarter|quart|квартал|季度|季|ربع|week|недел|周|週|أسبوع|اسبوع|hour|minute|second",
    re.I)


def git_show(repo: Path, path: str) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], capture_output=True,
                          text=True, check=True).stdout


def git_head(repo: Path) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()


def zh_tag(text: str) -> str:
    return "zh-Hant" if any(ch in HANT for ch in text) else "zh-Hans"


def hs_string(s: str) -> str:
    """A Haskell string literal's body: \\x20ac, \\1234, \\& and the usual escapes."""
    s = re.sub(r"\\x([0-9a-fA-F]+)", lambda m: chr(int(m.group(1), 16)), s)
    s = re.sub(r"\\(\d+)", lambda m: chr(int(m.group(1))), s)
    return s.replace("\\&", "").replace('\\"', '"').replace("\\\\", "\\")


_EXAMPLES = re.compile(r"examples\s*\((?P<head>[^\n]*?)\)\s*\n?\s*\[(?P<body>.*?)\n\s*\]", re.S)
_STR = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _num(s: str) -> float:
    return float(s.replace("(", "").replace(")", "").replace(" ", ""))


def duckling_cases(repo: Path, dim: str, code: str) -> list[dict]:
    path = f"Duckling/{dim}/{code}/Corpus.hs"
    try:
        src = git_show(repo, path)
    except subprocess.CalledProcessError:
        return []
    # Only the main corpus (not negative or latent ones).
    main = src.split("allExamples", 1)[-1] if "allExamples" in src else src
    src_lines = re.sub(r"^\s*--.*$", "", main, flags=re.M)
    out = []
    for m in _EXAMPLES.finditer(src_lines):
        head = m.group("head").strip()
        texts = [hs_string(t) for t in _STR.findall(m.group("body"))]
        expect = None
        if dim == "Numeral":
            mm = re.fullmatch(r"NumeralValue\s+(.+)", head)
            if mm:
                expect = {"amount": _num(mm.group(1))}
        elif dim == "AmountOfMoney":
            mm = re.fullmatch(r"(simple|above|under)\s+(\w+)\s+(\(?-?[\d.e]+\)?)", head)
            mb = re.fullmatch(r"between\s+(\w+)\s+\(([-\d.e]+),\s*([-\d.e]+)\)", head)
            if mm:
                kind, cur, val = mm.group(1), mm.group(2), _num(mm.group(3))
                iso = DUCK_CURRENCY.get(cur, cur if re.fullmatch(r"[A-Z]{3}", cur) else None)
                if iso == "cent":
                    iso, val = "cents", val
                if iso:
                    key = {"simple": "amount", "above": "min", "under": "max"}[kind]
                    expect = {key: val, "currency": iso}
            elif mb:
                iso = DUCK_CURRENCY.get(mb.group(1), mb.group(1) if re.fullmatch(r"[A-Z]{3}", mb.group(1)) else None)
                if iso and iso != "cent":
                    expect = {"min": _num(mb.group(2)), "max": _num(mb.group(3)), "currency": iso}
        elif dim == "Time":
            mm = re.fullmatch(r"datetime\s+\((\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)\s+(Day|Month|Year)", head)
            if mm:
                y, mo, d = int(mm.group(1)), int(mm.group(2)), int(mm.group(3))
                grain = mm.group(7).lower()
                expect = {"granularity": grain, "start": f"{y:04d}-{mo:02d}-{d:02d}" if grain == "day" else
                          (f"{y:04d}-{mo:02d}" if grain == "month" else f"{y:04d}")}
        elif dim == "Duration":
            mm = re.fullmatch(r"DurationData\s+(\(?[-\d.]+\)?)\s+(Day|Week|Month|Year)", head)
            if mm:
                n = _num(mm.group(1))
                n = int(n) if n.is_integer() else n
                expect = {"iso": f"P{n}{mm.group(2)[0]}"}
        if expect is None:
            continue
        for t in texts:
            if dim == "Time" and OUT_OF_SCOPE.search(t):
                continue
            if dim == "Duration" and re.search(r"hour|minute|second|час|минут|секунд|小时|小時|分钟|分鐘|秒|ساع|دقيق|ثاني", t, re.I):
                continue
            out.append({"text": t, "expect": dict(expect), "source": f"duckling:{path}"})
    return out


def rt_cases(repo: Path, path: str, kind: str) -> list[dict]:
    try:
        data = json.loads(git_show(repo, path).lstrip("\ufeff"))
    except subprocess.CalledProcessError:
        return []
    out = []
    for case in data:
        if case.get("NotSupported") and "dotnet" in case.get("NotSupported", ""):
            continue
        ref = (case.get("Context") or {}).get("ReferenceDateTime", "")[:10] or None
        for r in case.get("Results") or []:
            text = r.get("Text") or ""
            expect = None
            if kind == "number":
                res = r.get("Resolution") or {}
                if r.get("TypeName") == "number" and res.get("value") is not None:
                    try:
                        expect = {"amount": float(str(res["value"]).replace(",", ""))}
                    except ValueError:
                        expect = None
            elif kind == "money":
                res = r.get("Resolution") or {}
                iso = res.get("isoCurrency")
                if iso and res.get("value") not in (None, "") and re.fullmatch(r"[A-Z]{3}", iso):
                    try:
                        expect = {"amount": float(res["value"]), "currency": iso}
                    except ValueError:
                        expect = None
            elif kind == "date":
                v = r.get("Value") or {}
                timex = v.get("Timex") or ""
                fut = (v.get("FutureResolution") or {})
                past = (v.get("PastResolution") or {})
                if re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", timex) and fut.get("date"):
                    expect = {"granularity": "day", "start": fut["date"], "start_past": past.get("date")}
                elif re.fullmatch(r"\d{4}-\d\d|\d{4}", timex):
                    expect = {"granularity": "month" if "-" in timex else "year", "start": timex}
                if expect and OUT_OF_SCOPE.search(text):
                    expect = None
            elif kind == "duration":
                v = r.get("Value") or {}
                timex = v.get("Timex") or ""
                if re.fullmatch(r"P\d+(?:\.\d+)?[YMWD]", timex):
                    expect = {"iso": timex}
            if expect is None:
                continue
            item = {"text": case["Input"], "span_text": text, "expect": expect, "source": f"recognizers:{path}"}
            if ref:
                item["published"] = ref
            out.append(item)
    return out


def main(argv: list[str]) -> int:
    duck, rt = Path(argv[0]), Path(argv[1])
    tables: dict[tuple[str, str], list[dict]] = defaultdict(list)

    def add(lang: str, dim: str, item: dict):
        tag = zh_tag(item["text"]) if lang == "zh" else lang
        tables[(tag, dim)].append(item)

    for code, lang in DUCK_LANGS.items():
        for ddim, dim in (("Numeral", "number"), ("AmountOfMoney", "money"), ("Time", "date"), ("Duration", "duration")):
            for item in duckling_cases(duck, ddim, code):
                if dim == "date":
                    item["published"] = DUCKLING_REF
                add(lang, dim, item)
    for folder, lang in RT_LANGS.items():
        for path, dim in ((f"Specs/Number/{folder}/NumberModel.json", "number"),
                          (f"Specs/NumberWithUnit/{folder}/CurrencyModel.json", "money"),
                          (f"Specs/DateTime/{folder}/DateParser.json", "date"),
                          (f"Specs/DateTime/{folder}/DatePeriodParser.json", "date"),
                          (f"Specs/DateTime/{folder}/DurationParser.json", "duration")):
            for item in rt_cases(rt, path, dim):
                add(lang, dim, item)
    heads = {"duckling": git_head(duck), "recognizers": git_head(rt)}
    for (lang, dim), items in sorted(tables.items()):
        seen, cases = set(), []
        for i, item in enumerate(items):
            key = (item["text"], item.get("span_text"), json.dumps(item["expect"], sort_keys=True))
            if key in seen:
                continue
            seen.add(key)
            cases.append({"id": f"{lang}-{dim}-{len(cases) + 1:04d}", **item})
        folder = OUT / lang
        folder.mkdir(parents=True, exist_ok=True)
        header = (
            f"# {dim} values in {lang}, from the reference parsers' own test suites (bench/values_import.py).\n"
            f"# Duckling (github.com/facebook/duckling @ {heads['duckling']}): BSD-3-Clause,\n"
            f"#   Copyright (c) Meta Platforms, Inc. and affiliates.\n"
            f"# Microsoft Recognizers-Text (github.com/microsoft/Recognizers-Text @ {heads['recognizers']}): MIT License,\n"
            f"#   Copyright (c) Microsoft Corporation.\n"
            f"# Test data only: the product never reads these files.\n")
        body = yaml.safe_dump({"lang": lang, "dimension": dim, "cases": cases}, allow_unicode=True, sort_keys=False,
                              width=200)
        (folder / f"{dim}.yml").write_text(header + body, encoding="utf-8")
        print(f"{lang:8} {dim:9} {len(cases)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
