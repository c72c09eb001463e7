"""`--format sarif`: SARIF 2.1.0 (OASIS), the format code-scanning services read.

One result per finding. Its locations are the evidence in the checked draft (in an audit, every
piece of evidence); the other articles are related locations. Columns count Unicode code points
(`columnKind: unicodeCodePoints`), as claimcheck's offsets do. Suppressed findings carry a
`suppressions` entry: `inSource` for an ignore comment, `external` for the baseline.
"""
from __future__ import annotations

import inspect
import json
from pathlib import Path
from urllib.parse import quote

from checker.findings import Evidence, Report
from checker.report.common import display_path as where_path
from checker.report.common import focus, paths

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> tuple[str, bool]:
    """A URI reference for `path`: relative (to the current directory, uriBaseId SRCROOT) or file://."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri(), False
    return quote(p.as_posix(), safe="/"), True


def _location(e: Evidence, where: dict[str, str], message: str | None = None, idx: int | None = None) -> dict:
    physical: dict = {"artifactLocation": _artifact(where.get(e.doc, e.doc))}
    if e.line:
        region = {"startLine": e.line, "snippet": {"text": e.text}}
        if e.column:
            region["startColumn"] = e.column
            if e.value_span and "\n" not in e.text[max(0, e.value_span[0] - e.span[0]): e.value_span[1] - e.span[0]]:
                region["endColumn"] = e.column + max(1, e.value_span[1] - e.value_span[0])
        physical["region"] = region
    loc: dict = {"physicalLocation": physical,
                 "message": {"text": message or f"{e.doc} ({e.lang}, published {e.published or 'unknown'}): {e.value}"}}
    if idx is not None:
        loc["id"] = idx
    return loc


def sarif_log(report: Report, targets=None) -> dict:
    from checker.compare import RULES

    where = paths(report)
    rules, index = [], {}
    for r in RULES:
        doc = inspect.cleandoc(r.__doc__ or "")
        short = doc.split("\n\n")[0].replace("\n", " ")
        index[r.code] = len(rules)
        rules.append({
            "id": r.code, "name": r.name,
            "shortDescription": {"text": short or r.name},
            "fullDescription": {"text": doc or r.name},
            "help": {"text": doc or r.name},
            "defaultConfiguration": {"level": "error" if r.kind == "contradiction" else "warning"},
            "properties": {"kind": r.kind, "predicates": list(r.predicates)},
        })
    results = []
    for f in report.findings:
        if f.kind == "agreement":
            continue
        if f.rule not in index:  # a rule from elsewhere: describe it from the finding
            index[f.rule] = len(rules)
            rules.append({"id": f.rule, "name": f.rule_name or f.rule, "shortDescription": {"text": f.why or f.rule}})
        mine, rest = focus(f, targets)
        result: dict = {
            "ruleId": f.rule, "ruleIndex": index[f.rule], "level": _LEVEL.get(f.severity, "warning"),
            "kind": "fail",
            "message": {"text": f.message},
            "locations": [_location(e, where) for e in mine],
            "partialFingerprints": {"claimcheckFinding/v1": f.fingerprint} if f.fingerprint else {},
            "properties": {"id": f.id, "kind": f.kind, "severity": f.severity, "predicate": f.predicate,
                           "subject": f.subject.model_dump(), "values": f.values, "confidence": f.confidence,
                           "claims": f.claims, "docs": f.docs, "why": f.why},
        }
        if rest:
            result["relatedLocations"] = [_location(e, where, idx=i) for i, e in enumerate(rest, 1)]
        if not result["partialFingerprints"]:
            del result["partialFingerprints"]
        if f.suppressed:
            external = f.suppressed == "in baseline"
            result["suppressions"] = [{"kind": "external" if external else "inSource", "status": "accepted",
                                       "justification": f.suppressed}]
            if external:
                result["baselineState"] = "unchanged"
        results.append(result)
    notes = [*(f"skipped: {s}" for s in report.skipped), *report.notes]
    problems = [{"level": "error", "message": {"text": f"{e.code} {e.message}: skipped, its claims were not checked"},
                 "descriptor": {"id": e.code},
                 "locations": [{"physicalLocation": {"artifactLocation": _artifact(where_path(e.path))}}]}
                for e in report.errors]
    problems += [{"level": "note" if u.assumed else "warning", "message": {"text": u.message},
                  "descriptor": {"id": "undated"},
                  "locations": [{"physicalLocation": {"artifactLocation": _artifact(where_path(u.path))}}]}
                 for u in report.undated]
    problems += [{"level": "warning", "message": {"text": "not listed in its folder's manifest.yaml: read without "
                                                          "its metadata"},
                  "descriptor": {"id": "unlisted"},
                  "locations": [{"physicalLocation": {"artifactLocation": _artifact(where_path(p))}}]}
                 for p in report.unlisted]
    run: dict = {
        "tool": {"driver": {"name": "claimcheck", "version": _version(), "rules": rules,
                            "informationUri": "https://pypi.org/project/claimcheck/"}},
        "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": _artifact(where[d.id]),
                       "mimeType": _mime(d.path),
                       "properties": {"id": d.id, "lang": d.lang,
                                      "published": d.published.isoformat() if d.published else None,
                                      "title": d.title}}
                      for d in report.documents],
        "invocations": [{"executionSuccessful": not report.errors,
                         "toolExecutionNotifications": problems + [{"level": "note", "message": {"text": n}}
                                                                   for n in notes]}],
        "results": results,
    }
    if report.run is not None:
        run["invocations"][0]["commandLine"] = " ".join(["claimcheck", report.run.command, *report.run.inputs])
        if report.run.generated:
            run["invocations"][0]["endTimeUtc"] = report.run.generated.replace("+00:00", "Z")
    if not run["invocations"][0]["toolExecutionNotifications"]:
        del run["invocations"][0]["toolExecutionNotifications"]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _artifact(path: str) -> dict:
    uri, relative = _uri(path)
    return {"uri": uri, "uriBaseId": "SRCROOT"} if relative else {"uri": uri}


def _mime(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {".md": "text/markdown", ".markdown": "text/markdown", ".html": "text/html", ".htm": "text/html"}.get(
        suffix, "text/plain")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("claimcheck")
    except Exception:  # not installed as a distribution
        return "0"


def render(report: Report, *, targets=None, **_) -> str:
    return json.dumps(sarif_log(report, targets), ensure_ascii=False, indent=2) + "\n"
