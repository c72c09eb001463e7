"""Suppressing findings an editor has looked at: ignore comments in the text, and a baseline file.

In a draft (Markdown, plain text or HTML):

    <!-- claimcheck: ignore CC101 -- the FT corrected its date; we follow the correction -->
    The sentence whose finding is ignored.

    <!-- claimcheck: ignore-start CC101 CC102 -- quoted from the court filing -->
    ... every line in between ...
    <!-- claimcheck: ignore-end -->

`ignore` covers the next line that is not blank (or its own line when the comment follows text
on that line); `ignore-start` ... `ignore-end` covers the lines in between. Codes are rule codes or
names (see `claimcheck rules`), separated by spaces or commas; no code means every rule. The text
after `--` is the reason, kept in the finding's `suppressed` field.

A baseline is a JSON file of finding fingerprints (subject, predicate, values and rule, never line
numbers) written by `claimcheck baseline`; findings whose fingerprint it holds are marked
"in baseline", so CI fails only on new contradictions.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from checker.findings import Finding, Report
from claims.errors import InputError
from claims.model import Document

_DIRECTIVE = re.compile(r"<!--\s*claimcheck:\s*(?P<verb>[\w-]+)(?P<rest>.*?)-->", re.S | re.I)
_VERBS = {"ignore", "ignore-start", "ignore-end"}
BASELINE_VERSION = 1


@dataclass
class Directive:
    verb: str
    line: int                      # 1-based line of the comment
    codes: frozenset[str]          # empty: every rule
    reason: str = ""
    covers: tuple[int, int] = (0, -1)  # first and last line covered
    used: bool = False

    def matches(self, f: Finding) -> bool:
        return not self.codes or bool({f.rule.lower(), f.rule_name.lower()} & self.codes)

    def describe(self, path: str) -> str:
        what = f"ignored by the comment at {path}:{self.line}"
        return f"{what}: {self.reason}" if self.reason else what


@dataclass
class Directives:
    items: list[Directive] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_directives(text: str) -> Directives:
    """Every `<!-- claimcheck: ... -->` comment in `text`, with the lines each one covers."""
    out = Directives()
    starts = _line_starts(text)
    lines = text.split("\n")
    comment_only = set()
    found = []
    for m in _DIRECTIVE.finditer(text):
        verb = m.group("verb").lower()
        line = bisect_right(starts, m.start())
        end_line = bisect_right(starts, m.end() - 1)
        if verb not in _VERBS:
            out.problems.append(f"line {line}: unknown claimcheck comment {verb!r} (ignore, ignore-start, ignore-end)")
            continue
        rest = m.group("rest").strip()
        codes_part, _, reason = rest.partition("--")
        codes = frozenset(c.lower() for c in re.split(r"[\s,]+", codes_part.strip()) if c)
        found.append((Directive(verb, line, codes, " ".join(reason.split())), m, end_line))
        before = text[starts[line - 1]:m.start()]
        after_end = text.find("\n", m.end())
        after = text[m.end(): len(text) if after_end < 0 else after_end]
        if not before.strip() and not after.strip():
            comment_only.update(range(line, end_line + 1))
    open_block: Optional[Directive] = None
    for d, m, end_line in found:
        if d.verb == "ignore":
            before = text[starts[d.line - 1]:m.start()]
            if before.strip():  # a comment after text on the same line covers that line
                d.covers = (d.line, d.line)
            else:
                nxt = end_line + 1
                while nxt <= len(lines) and (not lines[nxt - 1].strip() or nxt in comment_only):
                    nxt += 1
                d.covers = (nxt, nxt)
            out.items.append(d)
        elif d.verb == "ignore-start":
            if open_block is not None:
                out.problems.append(f"line {d.line}: ignore-start inside the block opened at line {open_block.line}")
                continue
            open_block = d
        else:
            if open_block is None:
                out.problems.append(f"line {d.line}: ignore-end without an ignore-start")
                continue
            open_block.covers = (open_block.line, d.line)
            out.items.append(open_block)
            open_block = None
    if open_block is not None:
        out.problems.append(f"line {open_block.line}: ignore-start is never closed; it covers the rest of the file")
        open_block.covers = (open_block.line, len(lines))
        out.items.append(open_block)
    return out


def apply_ignore_comments(report: Report, texts: dict[str, str]) -> list[str]:
    """Mark findings whose evidence in a document of `texts` (doc id -> the file's text, whose lines
    the evidence's `line` counts) is covered by an ignore comment. Returns notes for the report."""
    notes = []
    paths = {d.id: d.path for d in report.documents}
    for doc_id, text in texts.items():
        if "claimcheck" not in text:
            continue
        ds = parse_directives(text)
        notes += [f"{paths.get(doc_id, doc_id)}: {p}" for p in ds.problems]
        if not ds.items:
            continue
        for f in report.findings:
            for e in f.evidence:
                if e.doc != doc_id or e.line is None:
                    continue
                for d in ds.items:
                    if d.covers[0] <= e.line <= d.covers[1] and d.matches(f):
                        d.used = True
                        if not f.suppressed:
                            f.suppressed = d.describe(paths.get(doc_id, doc_id))
                        break
        for d in ds.items:
            if not d.used:
                codes = " ".join(sorted(d.codes)) or "any rule"
                notes.append(f"{paths.get(doc_id, doc_id)}:{d.line}: the claimcheck {d.verb} comment ({codes}) "
                             f"suppressed nothing")
    return notes


# -- positions in HTML files --------------------------------------------------------------------

_TOKEN = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>|&#?\w+;|\s+|.", re.S | re.I)


def visible_text_map(raw: str) -> tuple[str, list[int]]:
    """HTML source as the reader sees it, without tags, with entities decoded and with no
    whitespace at all (tags and line breaks split or join words unpredictably), and the source
    offset of every character of that text."""
    chars: list[str] = []
    where: list[int] = []
    for m in _TOKEN.finditer(raw):
        tok = m.group(0)
        if tok[0].isspace():
            continue
        if tok.startswith("<") and len(tok) > 1:
            if tok[1].isalpha() or tok[1] in "/!?":
                continue
        if tok.startswith("&") and len(tok) > 1:
            tok = html.unescape(tok)
        for ch in tok:
            if not ch.isspace():
                chars.append(ch)
                where.append(m.start())
    return "".join(chars), where


def relocate_html_evidence(report: Report, doc: Document, raw: str) -> bool:
    """Point the evidence of an HTML document at lines and columns of the HTML file itself (the
    matcher counts them in the extracted text). Evidence that cannot be found loses its line.
    Returns whether every piece of evidence was found."""
    visible, where = visible_text_map(raw)
    starts = _line_starts(raw)
    all_found = True
    for f in report.findings:
        for e in f.evidence:
            if e.doc != doc.id:
                continue
            sentence = "".join(e.text.split())
            at = visible.find(sentence) if sentence else -1
            if at < 0:
                e.line = e.column = None
                all_found = False
                continue
            inner = 0
            if e.value_span and 0 <= e.value_span[0] - e.span[0] <= len(e.text):
                inner = len("".join(e.text[: e.value_span[0] - e.span[0]].split()))
            pos = where[min(at + inner, len(where) - 1)]
            line = bisect_right(starts, pos)
            e.line, e.column = line, pos - starts[line - 1] + 1
    return all_found


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [m.end() for m in re.finditer(r"\n", text)]
    return starts


# -- baseline -----------------------------------------------------------------------------------

def baseline_json(report: Report, paths: list[str], against: list[str]) -> str:
    """The baseline file: one entry per finding, fingerprint first, readable in a code review."""
    entries: dict[str, dict] = {}
    for f in report.findings:
        if f.kind == "agreement" or not f.fingerprint:
            continue
        entry = entries.setdefault(f.fingerprint, {
            "fingerprint": f.fingerprint, "rule": f.rule, "severity": f.severity, "predicate": f.predicate,
            "subject": f.subject.id, "values": sorted(f.values), "docs": [], "message": f.message,
        })
        entry["docs"] = sorted(set(entry["docs"]) | set(f.docs))
    data = {"claimcheck_baseline": BASELINE_VERSION, "created": dt.date.today().isoformat(),
            "paths": paths, "against": against,
            "findings": sorted(entries.values(), key=lambda x: (x["rule"], x["subject"], x["fingerprint"]))}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


Baseline = dict[str, Optional[frozenset[str]]]


def read_baseline(path: Path) -> Baseline:
    """fingerprint -> the documents the finding involved when the baseline was written (None: any)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("E603", path, "baseline file not found (write one with `claimcheck baseline`)") from None
    except IsADirectoryError:
        raise InputError("E603", path, "is a directory, not a baseline file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("E603", path, f"cannot read the baseline: {getattr(exc, 'strerror', None) or exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError("E604", path, f"baseline is not valid JSON (line {exc.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError("E604", path, "not a claimcheck baseline (no \"findings\" list)")
    if data.get("claimcheck_baseline") != BASELINE_VERSION:
        raise InputError("E604", path, f"baseline version {data.get('claimcheck_baseline')!r} is not "
                                       f"{BASELINE_VERSION}; write it again with `claimcheck baseline`")
    out: Baseline = {}
    for item in data["findings"]:
        fp = item.get("fingerprint") if isinstance(item, dict) else item
        if not isinstance(fp, str) or not fp:
            raise InputError("E604", path, "a baseline entry has no fingerprint")
        docs = item.get("docs") if isinstance(item, dict) else None
        if docs is not None and not (isinstance(docs, list) and all(isinstance(d, str) for d in docs)):
            raise InputError("E604", path, f"entry {fp}: docs must be a list of document ids")
        known = out.get(fp, frozenset())
        out[fp] = None if docs is None or (fp in out and known is None) else known | frozenset(docs)
    return out


def apply_baseline(report: Report, baseline) -> int:
    """Mark findings that are in the baseline: same fingerprint, and no document beyond those the
    baseline saw (a new draft repeating a known conflict is new). `baseline` is what
    `read_baseline` returns, or a plain set of fingerprints."""
    if not isinstance(baseline, dict):
        baseline = {fp: None for fp in baseline}
    n = 0
    for f in report.findings:
        if f.suppressed or f.fingerprint not in baseline:
            continue
        docs = baseline[f.fingerprint]
        if docs is None or set(f.docs) <= docs:
            f.suppressed = "in baseline"
            n += 1
    return n
