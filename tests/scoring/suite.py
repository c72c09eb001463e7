#!/usr/bin/env python3
"""The project's copy of ../shared/tools/suite.py (tests/test_suite.py checks they agree while
../shared is there), so that a fresh clone scores its suites: fixtures/suite/<set>/<lang>.yaml.

Score claimcheck's claim extraction on a claim-sentence suite (one or more YAML files).

    python ../shared/tools/suite.py ../shared/suite/*.yaml [--cli .venv/bin/claimcheck] [-v] [--json OUT]

Each case (a `text`, an optional `context` before it, its `published` date) becomes one document;
`claimcheck claims DIR --format json` reads them all. Per case:
  found   - an expected claim matched by an extracted one (predicate, subject names, and the
            `value` and `time` where the case gives them); of those, the share whose `object` and
            `destination` (where given) are right too is printed apart;
  wrong   - an extracted claim of a predicate that the case speaks about (its claims or its `not:`
            list) that matches none of its expected claims: a misattributed or misread claim, the
            kind that turns into a false alarm. Claims read from the context sentence are ignored.
Prints recall and wrong claims per language and predicate, then one summary line. Exit status 0.
Suite format: the header of any file in ../shared/suite/.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

try:
    from tests.scoring.score import any_dict, norm, subject_names  # noqa: E402
except ImportError:  # run as a script: python tests/scoring/suite.py
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from score import any_dict, norm, subject_names  # noqa: E402

import yaml  # noqa: E402


def names_match(wanted, got: dict | None) -> bool:
    want = [norm(n) for n in (wanted if isinstance(wanted, list) else [wanted]) if norm(n)]
    have = subject_names(got)
    return any(w == h or (len(w) >= 2 and w in h) or (len(h) >= 2 and h in w) for w in want for h in have)


def claim_matches(exp: dict, c: dict, roles: bool = False) -> bool:
    """Predicate, subject, value and time; with roles=True also `object` and `destination`."""
    preds = exp["predicate"] if isinstance(exp["predicate"], list) else [exp["predicate"]]
    if c.get("predicate") not in preds:
        return False
    if not names_match(exp["subject"], c.get("subject")):
        return False
    readings = {k: v for k, v in c.items() if k in ("value", "time")}
    for key in ("value", "time"):
        if exp.get(key) and not any_dict(readings, exp[key]):
            return False
    if roles:
        for role in ("object", "destination"):
            if exp.get(role) and not names_match(exp[role], c.get(role)):
                return False
    return True


def load_cases(paths: list[Path]) -> list[dict]:
    cases, seen = [], set()
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            case = dict(case)
            case.setdefault("lang", data["lang"])
            case["published"] = str(case.get("published") or data["published"])
            if case["id"] in seen:
                sys.exit(f"suite.py: duplicate case id {case['id']} in {path}")
            seen.add(case["id"])
            cases.append(case)
    return cases


def write_documents(cases: list[dict], folder: str) -> None:
    """One document a case (its context, then its text) and the manifest with their languages and dates."""
    docs = {}
    for case in cases:
        body = (case["context"].strip() + "\n\n" if case.get("context") else "") + case["text"].strip() + "\n"
        (Path(folder) / f"{case['id']}.txt").write_text(body, encoding="utf-8")
        docs[f"{case['id']}.txt"] = {"lang": case["lang"], "published": case["published"]}
    (Path(folder) / "manifest.yaml").write_text(yaml.safe_dump({"documents": docs}, allow_unicode=True),
                                                encoding="utf-8")


def extract(cases: list[dict], cli: str) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        write_documents(cases, tmp)
        run = subprocess.run([cli, "claims", tmp, "--format", "json"], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"suite.py: claimcheck claims exited {run.returncode}: {run.stderr.strip()[:500]}")
        return json.loads(run.stdout)["claims"]


def score(cases: list[dict], claims: list[dict], verbose: bool) -> dict:
    by_doc = defaultdict(list)
    for c in claims:
        by_doc[c.get("doc")].append(c)
    table = defaultdict(lambda: [0, 0, 0])  # (lang, predicate) -> found, expected, wrong
    traps = [0, 0]
    args = [0, 0]  # found claims whose expected object/destination is also right
    for case in cases:
        context = norm(case.get("context") or "")
        got = [c for c in by_doc[case["id"]] if not (context and norm(c.get("text", "")) in context
                                                    and norm(c.get("text", "")) not in norm(case["text"]))]
        expected = case.get("claims") or []
        spoken = {p for e in expected for p in (e["predicate"] if isinstance(e["predicate"], list) else [e["predicate"]])}
        spoken |= set(case.get("not") or [])
        for e in expected:
            pred = e["predicate"][0] if isinstance(e["predicate"], list) else e["predicate"]
            hit = any(claim_matches(e, c) for c in got)
            if hit and (e.get("object") or e.get("destination")):
                args[1] += 1
                args[0] += any(claim_matches(e, c, roles=True) for c in got)
            cell = table[(case["lang"], pred)]
            cell[0] += hit
            cell[1] += 1
            if verbose and not hit:
                print(f"  MISSED {case['id']} {pred} {e.get('subject')} {e.get('value') or e.get('time')}: {case['text']}")
        wrong = [c for c in got if c.get("predicate") in spoken and not any(claim_matches(e, c) for e in expected)]
        for c in wrong:
            table[(case["lang"], c["predicate"])][2] += 1
            if verbose:
                val = c.get("value") or {}
                shown = val.get("amount") or val.get("id") or val.get("iso") or (c.get("time") or {}).get("start")
                print(f"  WRONG  {case['id']} {c['predicate']} {(c.get('subject') or {}).get('name')} = {shown}: {case['text']}")
        if case.get("not"):
            traps[1] += 1
            traps[0] += not wrong
    return {"table": table, "traps": traps, "args": args}


def report(result: dict, cases: list[dict]) -> dict:
    table = result["table"]
    langs = sorted({k[0] for k in table})
    preds = sorted({k[1] for k in table})
    print("predicate".ljust(16) + "".join(lang.rjust(14) for lang in langs) + "     all (found/expected, wrong)")
    totals = defaultdict(lambda: [0, 0, 0])
    for pred in preds:
        row, allp = pred.ljust(16), [0, 0, 0]
        for lang in langs:
            f, e, w = table.get((lang, pred), [0, 0, 0])
            row += f"{f}/{e} w{w}".rjust(14)
            for i, v in enumerate((f, e, w)):
                allp[i] += v
                totals[lang][i] += v
        print(row + f"     {allp[0]}/{allp[1]} w{allp[2]}")
    print("all".ljust(16) + "".join(f"{totals[lang][0]}/{totals[lang][1]} w{totals[lang][2]}".rjust(14) for lang in langs))
    found = sum(v[0] for v in totals.values())
    expected = sum(v[1] for v in totals.values())
    wrong = sum(v[2] for v in totals.values())
    summary = {"cases": len(cases), "found": found, "expected": expected, "wrong": wrong,
               "traps_clean": result["traps"][0], "traps": result["traps"][1],
               "objects_right": result["args"][0], "objects": result["args"][1],
               "by_lang": {lang: totals[lang] for lang in langs}}
    pct = 100 * found / expected if expected else 0
    print(f"SUITE {len(cases)} cases: claims found {found}/{expected} ({pct:.0f}%), wrong claims {wrong}, "
          f"traps clean {result['traps'][0]}/{result['traps'][1]}, "
          f"object/destination right {result['args'][0]}/{result['args'][1]}")
    return summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("suites", nargs="+", type=Path)
    ap.add_argument("--cli", default=".venv/bin/claimcheck")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the summary here")
    args = ap.parse_args()
    cases = load_cases(args.suites)
    claims = extract(cases, args.cli)
    summary = report(score(cases, claims, args.verbose), cases)
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
