"""`--format html`: one self-contained page (no network) with the findings side by side.

Everything that comes from an article (sentences, titles, names, file names) goes through Jinja's
autoescape, and bidirectional-override characters (U+202A-U+202E, U+2066-U+2069) and other control
characters are shown as visible markers instead of reordering the page. The page's own style and
script are allowed by their SHA-256 hashes in a Content-Security-Policy: no other script, inline
handler or outside resource can run or load, even if something slipped through.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from checker.findings import Report
from checker.report.common import counted, input_lines

RTL = {"ar", "fa", "he", "ur"}
_TEMPLATES = Path(__file__).parent / "templates"
# Bidi embeddings, overrides and isolates; C0/C1 controls other than tab and newline.
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f]")


def dir_of(lang: str | None) -> str:
    return "rtl" if (lang or "").split("-")[0] in RTL else "ltr" if lang else "auto"


def _visible(value):
    """Jinja finalize: escape, then show control characters as markers (never as controls).

    The marker has no quotes (`<span class=ctl>`), so it is harmless where Jinja puts it inside a
    quoted attribute value too: there it is inert text and cannot end the attribute."""
    if value is None:
        return ""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(_CONTROLS.sub(lambda m: f"<span class=ctl>U+{ord(m.group(0)):04X}</span>", str(escape(value))))


def _plain(text: str) -> str:
    """Control characters as U+XXXX text, for places that cannot hold markup (the page's title)."""
    return _CONTROLS.sub(lambda m: f"U+{ord(m.group(0)):04X}", text)


def _message(f) -> tuple[str, str]:
    """The finding's message as what was found and why: messages read "<what>: <why>[...]"."""
    head, sep, tail = f.message.partition(": " + f.why) if f.why else (f.message, "", "")
    if not sep:
        return f.message, f.why
    return head + ".", f.why + tail


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True, finalize=_visible)


@lru_cache(maxsize=1)
def _assets() -> tuple[Markup, str, Markup, str]:
    css = (_TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (_TEMPLATES / "report.js").read_text(encoding="utf-8")
    for name, text in (("css", css), ("js", js)):
        if "</" in text:
            raise ValueError(f"report.{name} must not contain '</'")

    def sha(text: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()

    return Markup(css), sha(css), Markup(js), sha(js)


def _split(text: str, span, sentence_span):
    """The sentence in three pieces, the value in the middle, so the template can highlight it."""
    if not span or not sentence_span:
        return text, "", ""
    s, e = span[0] - sentence_span[0], span[1] - sentence_span[0]
    if not (0 <= s <= e <= len(text)):
        return text, "", ""
    return text[:s], text[s:e], text[e:]


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("claimcheck")
    except Exception:
        return ""


# Sides shown per value of a finding; the other sources that agree are listed, not carded.
SIDES_PER_VALUE = 3


def link_of(doc) -> str | None:
    """Where an editor opens the document: its source when that is a web address, else its file."""
    source = (getattr(doc, "source", None) or "").strip()
    if re.match(r"https?://[^\s\"'<>]+$", source):
        return source
    path = getattr(doc, "path", "") or ""
    if not path or path.startswith("<"):
        return None
    try:
        return Path(path).resolve().as_uri()
    except ValueError:
        return None


def _groups(f, sides: list[dict], n_docs_total: int) -> list[dict]:
    """The finding's sides grouped by value: how many sources say each (so the page shows which
    side the other sources support, in an audit as in a check), a few cards each, the rest listed.
    The cards shown first: the draft's, the outlier, then the draft's language, then one per
    language."""
    by_value: dict[str, list[dict]] = {}
    for side in sides:
        by_value.setdefault(side["e"].value, []).append(side)
    draft_langs = {x["e"].lang for x in sides if x["draft"]}
    for value, group in by_value.items():
        seen: set = set()
        ranked = []
        for i, x in enumerate(group):
            lang = x["e"].lang
            ranked.append((not x["draft"], not x["outlier"], lang not in draft_langs, lang in seen, i, x))
            seen.add(lang)
        by_value[value] = [r[-1] for r in sorted(ranked, key=lambda r: r[:-1])]
    sources = {v: len({x["e"].doc for x in group}) for v, group in by_value.items()}
    top = max(sources.values()) if sources else 0
    leaders = [v for v, n in sources.items() if n == top]
    groups = []
    for value, group in by_value.items():
        n = sources[value]
        if len(by_value) < 2:
            verdict = ""
        elif len(leaders) == 1 and value == leaders[0]:
            verdict = "most sources"
        elif len(leaders) == 1:
            verdict = "fewer sources"
        else:
            verdict = "as many sources as another value"
        groups.append({"value": value, "sources": n, "verdict": verdict, "sides": group[:SIDES_PER_VALUE],
                       "more": group[SIDES_PER_VALUE:]})
    return sorted(groups, key=lambda g: (not any(x["draft"] for x in g["sides"]), -g["sources"]))


def render(report: Report, *, targets=None, **_) -> str:
    targets = set(targets) if targets is not None else None
    docs = {d.id: d for d in report.documents}
    # The document filter matches by position, so a document id may hold any character (spaces too).
    number = {d.id: str(i) for i, d in enumerate(report.documents)}
    undated = {u.doc: u for u in report.undated}
    cards = []
    # Suppressed findings last, as in the text report: they are there to be reviewed, not acted on.
    for f in sorted(report.findings, key=lambda f: bool(f.suppressed)):
        sides = []
        evidence = sorted(f.evidence, key=lambda e: targets is not None and e.doc not in targets)
        for e in evidence:
            before, value, after = _split(e.text, e.value_span, e.span)
            d = docs.get(e.doc)
            sides.append({"e": e, "before": before, "value": value, "after": after, "dir": dir_of(e.lang),
                          "title": (d.title or d.source) if d else None, "outlier": f.outlier == e.claim,
                          "draft": targets is not None and e.doc in targets, "href": link_of(d) if d else None,
                          "undated": undated.get(e.doc)})
        what = " vs ".join(f.values) if f.kind == "contradiction" else f"{', '.join(f.values)} ({f.rule_name})"
        found, why = _message(f)
        cards.append({"f": f, "sides": sides, "groups": _groups(f, sides, len(report.documents)), "what": what,
                      "found": found, "why": why,
                      "docs": " ".join(number[d] for d in f.docs if d in number)})

    subjects = _subject_groups(report)

    per_doc_claims, per_doc_findings = defaultdict(int), defaultdict(int)
    for c in report.claims:
        per_doc_claims[c.doc] += 1
    for f in report.findings:
        for d in f.docs:
            per_doc_findings[d] += 1
    doc_rows = [{"doc": d, "n": number[d.id], "dir": dir_of(d.lang), "claims": per_doc_claims[d.id],
                 "findings": per_doc_findings[d.id], "draft": targets is not None and d.id in targets,
                 "href": link_of(d), "undated": undated.get(d.id)}
                for d in report.documents]

    live = counted(report)
    counts = {s: sum(1 for f in live if f.severity == s) for s in ("error", "warning", "info")}
    counts["suppressed"] = sum(1 for f in report.findings if f.suppressed)
    if targets is not None:
        names = ", ".join(sorted(targets)) or "the draft"
        headline = f"check of {names}"
        lead = f"The draft checked against {len(report.documents) - len(targets)} archive documents: " \
               f"{len(live)} finding{'s involve' if len(live) != 1 else ' involves'} it."
    else:
        headline = "contradiction report"
        lead = f"Claims compared across {len(report.documents)} documents: " \
               f"{len(live)} finding{'s' if len(live) != 1 else ''}."
    if counts["suppressed"]:
        lead = lead[:-1] + f" ({counts['suppressed']} more suppressed)."
    css, css_hash, js, js_hash = _assets()
    return _env().get_template("report.html.j2").render(
        report=report, cards=cards, counts=counts, subjects=subjects, docs=doc_rows, headline=headline, lead=lead,
        title=_plain(headline), langs=sorted({d.lang for d in report.documents}),
        predicates=sorted({f.predicate for f in report.findings}),
        severities=[s for s in ("error", "warning", "info") if any(f.severity == s for f in report.findings)],
        value_of=_value_text, dir_of=dir_of, css=css, css_hash=css_hash, js=js, js_hash=js_hash,
        version=_version(), made=_made(report), inputs=input_lines(report),
    )


def _made(report: Report) -> str:
    """When and from what the report was made."""
    import datetime as dt

    run = report.run
    when = run.generated if run and run.generated else \
        dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    when = when.replace("T", " ").replace("+00:00", " UTC")
    what = ""
    if run is not None:
        what = " ".join(["claimcheck", run.command, *run.inputs])
        if run.archive:
            what += " --against " + " ".join(run.archive)
        if run.store:
            what += f" --store {run.store}"
    return f"Made {when}" + (f" by `{what}`" if what else "") + f", claimcheck {_version() or '?'}"


def _value_text(claim) -> str:
    from checker.compare.base import render as render_value

    v = claim.value if claim.value is not None else claim.time
    return render_value(v) if v is not None else ""


def _subject_groups(report: Report) -> list[dict]:
    """The claim graph read subject by subject: the claims about each subject, and the claims
    about others that name it (who left it, who invested in it); subjects with a finding first."""
    from checker.graph import build_graph, claims_naming, claims_of, subjects

    graph = build_graph(report.documents, report.claims)
    flagged = {f.subject.id for f in report.findings} | {c for f in report.findings for c in f.claims}
    groups = []
    for sid, _ in subjects(graph):
        about = claims_of(graph, sid)
        if not about:
            continue
        names: list[str] = []
        for c in about:
            for n in (c.subject.name, *c.subject.aliases):
                if n and n not in names and len(names) < 6:
                    names.append(n)
        groups.append({"id": sid, "names": names, "claims": about, "naming": claims_naming(graph, sid),
                       "flagged": sid in flagged or any(c.id in flagged for c in about),
                       "search": " ".join([sid, *names]).lower()})
    return sorted(groups, key=lambda g: (not g["flagged"], -len(g["claims"]), g["id"]))
