"""`--format junit`: JUnit XML, the test-report format every CI system shows.

One test suite per checked document (the draft; every document in an audit), one test case per
finding that involves it: a `failure` for an error or warning, `skipped` with the reason when the
finding is suppressed, a pass (with the message in system-out) for info. A document without
findings has one passing test case, so the report always says what was checked.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from checker.findings import Report
from checker.report.common import display_path, paths

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _x(s: object) -> str:
    return _NOT_XML.sub("\ufffd", str(s))


def _inputs(root, report: Report, stamp: str, totals: dict) -> int:
    """A suite for the input itself: each file that could not be read is an error; each
    undated or unlisted document a case whose output says what that costs."""
    if not (report.errors or report.undated or report.unlisted):
        return 0
    suite = ET.SubElement(root, "testsuite", name="claimcheck inputs", timestamp=stamp)
    n = 0
    for e in report.errors:
        case = ET.SubElement(suite, "testcase", classname="claimcheck.input", name=_x(f"{display_path(e.path)} read"),
                             file=_x(display_path(e.path)), time="0")
        ET.SubElement(case, "error", message=_x(f"{e.code} {e.message}"), type=e.code).text = _x(
            f"{e.code} {display_path(e.path)}: {e.message}; skipped, its claims were not checked")
        n += 1
    for u in report.undated:
        case = ET.SubElement(suite, "testcase", classname="claimcheck.undated",
                             name=_x(f"{display_path(u.path)} publication date"), file=_x(display_path(u.path)), time="0")
        ET.SubElement(case, "system-out").text = _x(u.message)
    for p in report.unlisted:
        case = ET.SubElement(suite, "testcase", classname="claimcheck.unlisted",
                             name=_x(f"{display_path(p)} in manifest"), file=_x(display_path(p)), time="0")
        ET.SubElement(case, "system-out").text = "not listed in its folder's manifest.yaml: read without its metadata"
    tests = len(report.errors) + len(report.undated) + len(report.unlisted)
    suite.set("tests", str(tests))
    suite.set("failures", "0")
    suite.set("skipped", "0")
    suite.set("errors", str(n))
    totals["tests"] += tests
    return n


def render(report: Report, *, targets=None, **_) -> str:
    where = paths(report)
    docs = [d for d in report.documents if targets is None or d.id in set(targets)]
    root = ET.Element("testsuites", name="claimcheck")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    for d in docs:
        suite = ET.SubElement(root, "testsuite", name=_x(where[d.id]), timestamp=stamp)
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        for f in report.findings:
            if f.kind == "agreement" or d.id not in f.docs:
                continue
            mine = [e for e in f.evidence if e.doc == d.id]
            at = f":{mine[0].line}" if mine and mine[0].line else ""
            case = ET.SubElement(suite, "testcase", classname=_x(f"{f.rule}.{f.rule_name}"),
                                 name=_x(f"{where[d.id]}{at} {f.predicate} of {f.subject.name}"),
                                 file=_x(where[d.id]), time="0")
            if mine and mine[0].line:
                case.set("line", str(mine[0].line))
            detail = [f.message, ""]
            for e in f.evidence:
                place = f"{where.get(e.doc, e.doc)}" + (f":{e.line}:{e.column}" if e.line else "")
                detail.append(f"{place} ({e.lang}, published {e.published or 'unknown'}): {e.value}")
                detail.append(f"  “{e.text}”")
            detail.append(f"confidence {f.confidence:.2f}; fingerprint {f.fingerprint}")
            counts["tests"] += 1
            if f.suppressed:
                ET.SubElement(case, "skipped", message=_x(f"suppressed: {f.suppressed}"))
                counts["skipped"] += 1
            elif f.severity in ("error", "warning"):
                fail = ET.SubElement(case, "failure", message=_x(f.message), type=f"{f.severity} {f.rule}")
                fail.text = _x("\n".join(detail))
                counts["failures"] += 1
            else:
                ET.SubElement(case, "system-out").text = _x("\n".join(detail))
        if counts["tests"] == 0:
            ET.SubElement(suite, "testcase", classname="claimcheck", name=_x(f"{where[d.id]}: no contradictions"),
                          file=_x(where[d.id]), time="0")
            counts["tests"] = 1
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
        suite.set("errors", "0")
    errors = _inputs(root, report, stamp, totals)
    for k, v in totals.items():
        root.set(k, str(v))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
