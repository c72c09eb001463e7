#!/usr/bin/env python3
"""The project's copy of ../shared/tools/score.py (tests/test_suite.py checks they agree while
../shared is there), so that a fresh clone scores every story in fixtures/*/gold.yaml.

Score a claimcheck JSON report against a gold file.

    claimcheck audit ../shared/corpus/openai --format json > report.json
    python ../shared/tools/score.py --gold ../shared/gold/openai.yaml --report report.json

Gold format: see the header of shared/gold/openai.yaml. Report format: shared/spec/report-contract.md.
Prints what was missed and what was a false alarm, then one summary line. Exit status 0 when every
`must` finding is reported and there is no false alarm, 1 otherwise, 2 on unreadable input.
Needs PyYAML (or a .json gold file).
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

SCORED_KINDS = {"contradiction", "anomaly"}
SCORED_SEVERITIES = {"error", "warning"}
_DROP = set(" \t\n·・‧•-‐–—_.,'\"«»“”‘’()（）")


def load_gold(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    try:
        import yaml
    except ImportError:
        sys.exit("score.py: PyYAML is needed to read a .yaml gold file (pip install pyyaml)")
    return yaml.safe_load(text)


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    return "".join(ch for ch in s if ch not in _DROP)


def aliases(gold: dict, subject) -> list[str]:
    """A gold subject is a key of gold['subjects'], a list of keys, or a list of literal names."""
    names: list[str] = []
    for item in subject if isinstance(subject, list) else [subject]:
        names.extend(gold.get("subjects", {}).get(item, [item]))
    return [norm(n) for n in names if norm(n)]


def subject_names(subject: dict | None) -> list[str]:
    if not subject:
        return []
    names = [subject.get("name", ""), subject.get("id", "")] + list(subject.get("aliases", []) or [])
    return [norm(n) for n in names if n and norm(n)]


def subject_matches(gold: dict, wanted, got: dict | None) -> bool:
    want = aliases(gold, wanted)
    have = subject_names(got)
    return any(w == h or (len(w) >= 3 and w in h) or (len(h) >= 3 and h in w) for w in want for h in have)


def close(a, b, tol=0.01) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-9)


def iso_months_days(iso) -> tuple | None:
    """P4Y6M and P54M are one duration: (months, days), weeks as 7 days."""
    import re
    m = re.fullmatch(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?", str(iso or ""))
    if not m or not any(m.groups()):
        return None
    y, mo, w, d = (float(g or 0) for g in m.groups())
    return (round(y * 12 + mo, 3), round(w * 7 + d, 3))


def dict_satisfies(d: dict, want: dict) -> bool:
    for key, expected in want.items():
        got = d.get(key)
        if key in ("amount", "min", "max"):
            if not close(got, expected):
                return False
        elif key in ("start", "end"):
            if got is None or str(got)[:10] != str(expected)[:10]:
                return False
        elif key == "within":  # a time interval that must lie inside [within.start, within.end]
            start, end = d.get("start"), d.get("end")
            if not start or not end or str(start)[:10] < expected["start"] or str(end)[:10] > expected["end"]:
                return False
        elif key == "iso":
            if iso_months_days(got) is None or iso_months_days(got) != iso_months_days(expected):
                return False
        elif key == "currency":
            if str(got or "").upper() != str(expected).upper():
                return False
        elif str(got) != str(expected):
            return False
    return True


def any_dict(obj, want: dict) -> bool:
    """True if obj, or any dict nested in it, satisfies every constraint in want."""
    if isinstance(obj, dict):
        if dict_satisfies(obj, want):
            return True
        return any(any_dict(v, want) for v in obj.values())
    if isinstance(obj, list):
        return any(any_dict(v, want) for v in obj)
    return False


def claim_matches(gold: dict, g: dict, c: dict) -> bool:
    if c.get("doc") != g["doc"] or c.get("predicate") not in g["predicate"]:
        return False
    if not subject_matches(gold, g["subject"], c.get("subject")):
        return False
    want = g.get("value")
    return not want or any_dict({k: v for k, v in c.items() if k not in ("subject",)}, want)


def docs_match(g: dict, f: dict, mode: str) -> bool:
    """`doc` + `with`: the finding involves `doc` and one of `with` (or only `doc`, when `with` names it).
    `docs`: mode "cover" wants every gold doc in the finding; mode "within" wants the finding inside them."""
    docs = set(f.get("docs") or [])
    if "doc" in g:
        if g["doc"] not in docs:
            return False
        others = docs - {g["doc"]}
        return bool(others & set(g.get("with", []))) or (not others and g["doc"] in g.get("with", []))
    if "docs" in g:
        return set(g["docs"]) <= docs if mode == "cover" else docs <= set(g["docs"])
    return True


def finding_matches(gold: dict, g: dict, f: dict, mode: str = "cover") -> bool:
    """mode "cover" for must/should (kind must match too), "within" for optional and must_not."""
    if mode == "cover" and g.get("kind") and f.get("kind") != g["kind"]:
        return False
    if f.get("predicate") not in g.get("predicate", [f.get("predicate")]):
        return False
    if not docs_match(g, f, mode):
        return False
    if "subject" in g and (mode == "within" or f.get("subject")):
        return subject_matches(gold, g["subject"], f.get("subject"))
    return True


def score(gold: dict, report: dict) -> tuple[list[str], dict]:
    lines: list[str] = []
    claims = report.get("claims", [])
    expected = gold.get("expected_claims", [])
    found = 0
    for g in expected:
        if any(claim_matches(gold, g, c) for c in claims):
            found += 1
        else:
            lines.append(f"MISSED CLAIM  {g['doc']} {'/'.join(g['predicate'])} {g['subject']}: {g.get('quote', '')}")

    findings = [f for f in report.get("findings", [])
                if f.get("kind") in SCORED_KINDS and f.get("severity", "error") in SCORED_SEVERITIES]
    tiers = gold.get("findings", {})
    used: set[int] = set()
    result = {}
    for tier in ("must", "should"):
        hit = 0
        for g in tiers.get(tier, []) or []:
            matched = [i for i, f in enumerate(findings) if finding_matches(gold, g, f)]
            used.update(matched)
            if matched:
                hit += 1
            else:
                lines.append(f"MISSED {tier.upper():6} {g['id']}: {g.get('why', '')}")
        result[tier] = (hit, len(tiers.get(tier, []) or []))
    false_alarms = 0
    for i, f in enumerate(findings):
        if i in used:
            continue
        bad = [g for g in tiers.get("must_not", []) or [] if finding_matches(gold, g, f, "within")]
        if bad:
            false_alarms += 1
            lines.append(f"FALSE ALARM   {f.get('id')} {f.get('predicate')} {sorted(f.get('docs') or [])}"
                         f" (must_not {bad[0]['id']}): {f.get('message', '')}")
        elif any(finding_matches(gold, g, f, "within") for g in tiers.get("optional", []) or []):
            continue
        else:
            false_alarms += 1
            lines.append(f"UNEXPECTED    {f.get('id')} {f.get('kind')} {f.get('predicate')} "
                         f"{sorted(f.get('docs') or [])}: {f.get('message', '')}")
    result["claims"] = (found, len(expected))
    result["false_alarms"] = false_alarms
    result["reported"] = len(findings)
    return lines, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--report", type=Path, help="JSON report file; standard input if left out")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args()
    try:
        gold = load_gold(args.gold)
        report = json.loads(args.report.read_text(encoding="utf-8") if args.report else sys.stdin.read())
    except (OSError, ValueError) as exc:
        print(f"score.py: cannot read input: {exc}", file=sys.stderr)
        return 2
    lines, r = score(gold, report)
    for line in lines:
        print(line)
    summary = (f"score {gold.get('corpus', '?')}: claims {r['claims'][0]}/{r['claims'][1]}"
               f" must {r['must'][0]}/{r['must'][1]} should {r['should'][0]}/{r['should'][1]}"
               f" false_alarms {r['false_alarms']} (of {r['reported']} reported)")
    print(json.dumps(r) if args.json else summary)
    ok = r["must"][0] == r["must"][1] and r["false_alarms"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
