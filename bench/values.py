"""How many of the reference parsers' value cases claimcheck reads (fixtures/values/<lang>/<dim>.yml).

    python -m bench.values [--lang xx] [--dim number|money|date|duration] [--misses N] [--json OUT]

A case is read when `claimcheck parse` (checker.parse.parse_phrase) gives a row of its dimension
with the expected value whose span covers the expected text (Recognizers-Text names it) or most
of the phrase (a Duckling case is one value). Prints figures per source, language and dimension.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from claims.lang import supported_tags

ROOT = Path(__file__).resolve().parents[1]
VALUES = ROOT / "fixtures" / "values"
LANGS = supported_tags()  # the languages the packs found serve
DIMS = ("number", "money", "date", "duration")
FAMILIES = {"dollar": {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "CNY"},
            "pound": {"GBP", "EGP", "LBP", "SDG", "SYP"}}
# a number read inside an amount of money is read ("١٠٠٠٠" in ١٠٠٠٠ دولار)
ROW_DIM = {"number": ("number", "money"), "money": ("money",), "date": ("time",), "duration": ("duration",)}


def load(lang: str | None = None, dim: str | None = None) -> list[dict]:
    cases = []
    for path in sorted(VALUES.glob("*/*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if (lang and data["lang"] != lang) or (dim and data["dimension"] != dim):
            continue
        for c in data["cases"]:
            c = dict(c)
            c["lang"], c["dim"] = data["lang"], data["dimension"]
            cases.append(c)
    return cases


def _close(a, b) -> bool:
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def value_ok(case: dict, data: dict) -> bool:
    want = case["expect"]
    dim = case["dim"]
    if dim in ("number", "money"):
        if dim == "money":
            cur = want.get("currency")
            if cur == "cents":
                return _close(data.get("amount"), want.get("amount", 0) / 100)
            # Duckling's "Dollar" and "Pound" name a family, not one currency ($, 块, جنيه)
            if data.get("currency") not in FAMILIES.get(cur, {cur}):
                return False
        for key in ("amount", "min", "max"):
            if key in want and not _close(data.get(key), want[key]):
                return False
        return True
    if dim == "date":
        if data.get("granularity") != want["granularity"] or not data.get("start"):
            return False
        return data["start"].startswith(want["start"]) or bool(
            want.get("start_past") and data["start"].startswith(want["start_past"]))
    if dim == "duration":  # the same length in any unit (P1.5M is P45D), within 3%
        return data.get("iso") == want["iso"] or math.isclose(_days(data.get("iso")), _days(want["iso"]), rel_tol=0.03)
    return False


def _days(iso) -> float:
    try:
        return float(iso[1:-1]) * {"Y": 365, "M": 30.4, "W": 7, "D": 1}[iso[-1]]
    except (TypeError, ValueError, KeyError):
        return -1.0


def span_ok(case: dict, row: dict) -> bool:
    text = case["text"]
    s, e = row["span"]
    if case.get("span_text"):
        at = text.find(case["span_text"])
        if at < 0:
            return True
        # the row covers the named value, give or take its edges (a currency word, a preposition)
        return s <= at + max(1, len(case["span_text"]) // 4) and e >= at + len(case["span_text"]) * 3 // 4
    core = len(text.strip())
    return (e - s) * 2 >= core


def reads(case: dict, rows: list[dict]) -> bool:
    for r in rows:
        if r["dim"] in ROW_DIM[case["dim"]] and "data" in r and value_ok(case, r["data"]) and span_ok(case, r):
            return True
    return False


def run(cases: list[dict]):
    from checker.parse import parse_phrase

    results = []
    for c in cases:
        published = dt.date.fromisoformat(str(c["published"])) if c.get("published") else None
        try:
            rows = parse_phrase(c["text"], c["lang"], published)
        except Exception as exc:  # a crash is a miss, and shown
            rows = [{"dim": "error", "span": [0, 0], "text": repr(exc), "value": ""}]
        results.append((c, reads(c, rows), rows))
    return results


def figures(results) -> dict:
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c, ok, _ in results:
        src = c["source"].split(":")[0]
        for key in ("all", f"lang {c['lang']}", f"dim {c['dim']}", f"source {src}", f"{c['lang']} {c['dim']}"):
            groups[key][0] += ok
            groups[key][1] += 1
    return dict(groups)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang")
    ap.add_argument("--dim")
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    results = run(load(args.lang, args.dim))
    figs = figures(results)
    for key in sorted(figs, key=lambda k: (k != "all", k.split()[0] != "source", k.split()[0] != "dim",
                                           k.split()[0] != "lang", k)):
        ok, n = figs[key]
        print(f"{key:22} {ok:5}/{n:<5} {100 * ok / n:5.1f}%")
    if args.misses:
        shown = 0
        for c, ok, rows in results:
            if ok:
                continue
            got = "; ".join(f"{r['dim']} {r['text']!r}->{r['value']}" for r in rows if r["dim"] in
                            ("number", "money", "time", "duration", "error"))
            print(f"MISS {c['id']} {c['text']!r} want {c.get('span_text', '')!r} {c['expect']} got: {got}")
            shown += 1
            if shown >= args.misses:
                break
    if args.json:
        Path(args.json).write_text(json.dumps({k: v for k, v in figs.items()}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
