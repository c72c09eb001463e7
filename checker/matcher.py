"""The matcher: every rule over its blocks of the claim graph, findings that explain themselves.

Work grows with the number of claims, not its square: claims are indexed by subject and predicate
once, each rule splits those groups by its block key, and only claims within one block are
compared. Claims of a block that a rule cannot tell apart (alike in everything it reads) are
compared once as a class, and the verdict stands for every pair of their members; each ordered
pair of classes is compared once (the outlier test reuses those verdicts).
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import Counter
from typing import Optional

from checker.compare import RULES
from checker.compare.base import Rule, Verdict, render
from checker.compare.people import title_data
from checker.findings import SEVERITY_RANK, Evidence, Finding, SubjectRef
from checker.graph import blocks, gc_paused, holder_blocks, index_claims
from claims.model import Claim, Document

_WHAT = {
    "event_date": "is dated", "founding": "is founded", "valuation": "is valued at", "funding": "raised",
    "revenue": "has revenue of", "user_count": "has", "count": "counts", "age": "is aged", "share": "is",
    "tenure": "stayed", "role": "holds the title", "departure": "left", "hire": "joined",
}


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def evidence(c: Claim, docs: dict[str, Document]) -> Evidence:
    d = docs.get(c.doc)
    value = c.value if c.value is not None else c.time
    line = col = None
    if d is not None:
        line, col = line_col(d.text, (c.value_span or c.span)[0])
    return Evidence(claim=c.id, doc=c.doc, lang=c.lang, published=d.published.isoformat() if d and d.published else None,
                    text=c.text, span=c.span, value_span=c.value_span, value=render(value) if value is not None else "",
                    line=line, column=col)


def fingerprint(subject: str, predicate: str, values: list[str], rule: str) -> str:
    raw = "|".join([rule, subject, predicate, *sorted(values)])
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


# Documents a message names one by one; more are counted ("and 197 more").
NAMED_IN_MESSAGE = 3


def doc_label(doc_id: str, docs: dict[str, Document]) -> str:
    """A document as a message names it: its title or source beside its id, so an editor knows
    which article it is without looking the id up."""
    d = docs.get(doc_id)
    label = (d.title or d.source) if d is not None else None
    if not label:
        return doc_id
    label = " ".join(label.split())
    if len(label) > 60:
        label = label[:59].rstrip() + "…"
    return f"{doc_id} ({label})"


def doc_list(doc_ids: list[str], docs: dict[str, Document]) -> str:
    """Documents named in a message: the first few by label, the rest counted."""
    shown = [doc_label(d, docs) for d in doc_ids[:NAMED_IN_MESSAGE]]
    rest = len(doc_ids) - len(shown)
    if rest > 0:
        return f"{len(doc_ids)} documents ({', '.join(shown)} and {rest} more)"
    return ", ".join(shown)


def _value_of(c: Claim):
    return c.value if c.value is not None else c.time


def match(documents: list[Document], claims: list[Claim], disabled: set[str] = frozenset(),
          focus: Optional[set[str]] = None) -> list[Finding]:
    """Every finding among `claims`; with `focus` (document ids, a draft check's drafts), only those
    that involve one of those documents, the same findings as filtering every finding by its
    documents. A block without a claim of `focus` is not compared at all; a block with one is
    compared whole, since a finding gathers every conflicting value of its block that is connected
    to the draft's, and the outlier test reads every other document's claims."""
    docs = {d.id: d for d in documents}
    with gc_paused():
        claims = _unique(claims)
        index = index_claims(claims)
        findings: list[Finding] = []
        rules = [r for r in RULES if r.code not in disabled and r.name not in disabled]
        # Anomalies first: a claim impossible in its own article cannot make a majority.
        suspects: set[str] = set()
        for rule in (r for r in rules if r.kind == "anomaly"):
            for c in claims:
                if c.predicate in rule.predicates and c.doc in docs:
                    v = rule.check(c, docs[c.doc])
                    if v:
                        suspects.add(c.id)  # for every claim: it changes how its block is compared
                        if focus is None or c.doc in focus:
                            findings.append(_finding(rule, v, [c], docs, single=c))
        for rule in (r for r in rules if r.kind != "anomaly"):
            if rule.predicates == ("role:holder",):
                groups = holder_blocks(claims, set(title_data().get("single_holder", [])))
            else:
                groups = blocks(index, rule.predicates, rule.block_key, focus)
            for group in groups:
                if focus is not None and not any(c.doc in focus for c in group):
                    continue
                findings += _compare_group(rule, group, docs, suspects)
        del index
    findings.sort(key=lambda f: ({"error": 0, "warning": 1, "info": 2}[f.severity], f.predicate, f.subject.id))
    for i, f in enumerate(findings, 1):
        f.id = f"F{i}"
    return findings


def _unique(claims: list[Claim]) -> list[Claim]:
    """One claim per id (ids are unique; if one repeats, its last claim stands where it first came)."""
    if len({c.id for c in claims}) == len(claims):
        return claims
    last = {c.id: c for c in claims}
    return list(last.values())


def _compare_group(rule: Rule, group: list[Claim], docs, suspects: set[str]) -> list[Finding]:
    """The findings of one block: the same as comparing every pair (i, j), i < j, of `group` in
    order, but with one comparison per ordered pair of classes of alike claims."""
    classes = _alike(group, suspects)
    rule = rule.for_block(group)
    verdicts: dict[tuple[int, int], Verdict | None] = {}

    def verdict(x: int, y: int) -> Verdict | None:
        """rule.compare of a claim of class x and one of class y (two claims of x when x == y)."""
        if (x, y) not in verdicts:
            xs, ys = classes[x], classes[y]
            verdicts[(x, y)] = rule.compare(group[xs[0]], group[ys[1] if x == y else ys[0]], docs)
        return verdicts[(x, y)]

    holder = rule.predicates == ("role:holder",)
    # Conflict key -> (first claim pair i < j it covers, verdict, x, y) for each class pair.
    hits: dict[tuple[str, str], list[tuple[tuple[int, int], Verdict, int, int]]] = {}
    for x, xs in enumerate(classes):
        for y, ys in enumerate(classes):
            k = bisect_right(ys, xs[0])
            if k == len(ys):
                continue  # no claim of y comes after one of x: the pair is never compared this way round
            v = verdict(x, y)
            if v is None:
                continue
            a, b = group[xs[0]], group[ys[k]]
            if holder:
                ka, kb = a.subject.id, b.subject.id
            else:
                ka, kb = render(_value_of(a)), render(_value_of(b))
            hits.setdefault(tuple(sorted((ka, kb))), []).append(((xs[0], ys[k]), v, x, y))
    if not hits:
        return []
    # As if met pair by pair: keys in the order first met, the first of the most confident
    # verdicts (a later one replaced it only when more confident), members in the order they
    # first appear in a conflicting pair.
    conflicts: dict[tuple[str, str], tuple[Verdict, list[Claim]]] = {}
    for key, found in sorted(hits.items(), key=lambda kv: min(h[0] for h in kv[1])):
        v = min(found, key=lambda h: (-h[1].confidence, h[0]))[1]
        first = _first_appearances(classes, [(x, y) for _, _, x, y in found])
        conflicts[key] = (v, [group[i] for i in sorted(first, key=first.__getitem__)])
    outliers = _Outliers(group, classes, verdict, suspects)
    out = []
    for v, members in _merged(conflicts):
        out.append(_finding(rule, v, members, docs, outlier=outliers.of(members)))
    return out


# What no rule's compare reads (Rule.compare); the span it reads only to tell two claims of one
# sentence. Whether a claim is suspect is read by id, by the outlier test.
_NOT_COMPARED = {"id", "text", "lang", "value_span", "span"}


def _alike(group: list[Claim], suspects: set[str]) -> list[list[int]]:
    """Positions in `group` of the claims no rule can tell apart, one ascending list per class,
    classes in the order of their first claim. A span is part of the class only where another
    claim of the block shares it: elsewhere "same sentence" is false against every claim."""
    spans = Counter((c.doc, c.span) for c in group)
    classes: dict[tuple, list[int]] = {}
    for i, c in enumerate(group):
        shared = spans[(c.doc, c.span)] > 1
        key = (repr(c.model_dump(exclude=_NOT_COMPARED)), c.span if shared else None, c.id in suspects)
        classes.setdefault(key, []).append(i)
    return list(classes.values())


def _first_appearances(classes: list[list[int]], pairs: list[tuple[int, int]]) -> dict[int, tuple[int, int, int]]:
    """For each claim in a conflicting pair of the class pairs (x, y), where it first appears
    among pairs (i, j), i < j, in order: (i, j, 0) as the first claim, (i, j, 1) as the second."""
    first: dict[int, tuple[int, int, int]] = {}

    def keep(i: int, at: tuple[int, int, int]) -> None:
        if i not in first or at < first[i]:
            first[i] = at

    for x, y in pairs:
        xs, ys = classes[x], classes[y]
        for j in ys:
            if j > xs[0]:
                keep(j, (xs[0], j, 1))
        for i in xs:
            k = bisect_right(ys, i)
            if k < len(ys):
                keep(i, (i, ys[k], 0))
    return first


def _components(edges: list[tuple[str, str]]) -> list[set[str]]:
    """The connected components of the graph of `edges`, in the order their first node appears
    (as networkx.connected_components gives them, without importing networkx for it)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[str, set[str]] = {}
    for node in parent:  # insertion order: the order nodes first appear in the edges
        groups.setdefault(root(node), set()).add(node)
    return list(groups.values())


def _merged(conflicts: dict[tuple[str, str], tuple[Verdict, list[Claim]]]) -> list[tuple[Verdict, list[Claim]]]:
    """One finding per connected set of conflicting values: "December 2023" against "November
    2023" and against "28 November 2023" is one disagreement, told once with all its evidence.
    The verdict shown is the most severe, then most confident, one of the set."""
    out = []
    for values in _components(list(conflicts)):
        parts = [conflicts[k] for k in conflicts if k[0] in values]
        verdict = max((v for v, _ in parts), key=lambda v: (SEVERITY_RANK[v.severity], v.confidence))
        members: list[Claim] = []
        seen: set[str] = set()
        for _, ms in parts:
            for c in ms:
                if c.id not in seen:
                    seen.add(c.id)
                    members.append(c)
        out.append((verdict, members))
    return out


class _Outliers:
    """With three or more documents, the claim that disagrees with all the others that agree.

    A claim is a candidate when it conflicts with claims of at least two other documents that are
    not themselves suspect (an anomaly rule flagged them) and no claim of another document agrees
    with it. Alike claims share one document and one verdict on every other, so this is judged
    once per class, from the verdicts of the class pairs."""

    def __init__(self, group: list[Claim], classes: list[list[int]], verdict, suspects: set[str]):
        self.verdict = verdict
        self.enough_docs = len({c.doc for c in group}) >= 3
        self.doc = [group[xs[0]].doc for xs in classes]
        self.suspect = [group[xs[0]].id in suspects for xs in classes]
        self.class_of = {group[i].id: x for x, xs in enumerate(classes) for i in xs}
        self.judged: dict[int, bool] = {}

    def candidate(self, x: int) -> bool:
        if x not in self.judged:
            others = [y for y, d in enumerate(self.doc) if d != self.doc[x]]
            against = {y for y in others if self.verdict(x, y) is not None}
            agreeing_docs = {self.doc[y] for y in others if y not in against}
            credible = {self.doc[y] for y in against if not self.suspect[y]}
            self.judged[x] = len(credible) >= 2 and not agreeing_docs
        return self.judged[x]

    def of(self, members: list[Claim]) -> Claim | None:
        if not self.enough_docs:
            return None
        candidates = [c for c in members if self.candidate(self.class_of[c.id])]
        return candidates[0] if len({c.doc for c in candidates}) == 1 else None


def _finding(rule: Rule, v: Verdict, members: list[Claim], docs, *, single: Claim | None = None,
             outlier: Claim | None = None) -> Finding:
    head = members[0]
    values = []
    for c in members:
        r = render(_value_of(c)) if _value_of(c) is not None else ""
        if rule.predicates == ("role:holder",):
            r = c.subject.name
        if r not in values:
            values.append(r)
    subject = head.subject
    if rule.predicates == ("role:holder",):
        subject_ref = SubjectRef(id=f"{head.object.id if head.object else '?'}/{head.value.id}",
                                 name=f"{head.value.id} of {head.object.name if head.object else '?'}")
        predicate = "role"
    else:
        written = dict.fromkeys(a for c in members for a in (c.subject.name, *c.subject.aliases))
        subject_ref = SubjectRef(id=subject.id, name=subject.name, aliases=[a for a in written if a != subject.name])
        predicate = head.predicate
    doc_ids = list(dict.fromkeys(c.doc for c in members))
    if single is not None:
        message = f"{subject.name} {_WHAT.get(predicate, 'is')} {values[0]} in {doc_label(single.doc, docs)}: {v.why}."
        kind = "anomaly"
    else:
        docs_by_value: dict[str, list[str]] = {}
        for c in members:
            shown = c.subject.name if rule.predicates == ("role:holder",) else render(_value_of(c))
            docs_by_value.setdefault(shown, [])
            if c.doc not in docs_by_value[shown]:
                docs_by_value[shown].append(c.doc)
        parts = [f"{value} in {doc_list(ds, docs)}" for value, ds in docs_by_value.items()]
        joined = " but ".join(parts) if len(parts) == 2 else "; ".join(parts[:-1]) + f"; but {parts[-1]}"
        message = f"{subject_ref.name} {_WHAT.get(predicate, 'is')} {joined}: {v.why}."
        if outlier is not None:
            message += f" The other sources agree with one another; {doc_label(outlier.doc, docs)} is the outlier."
        kind = "contradiction"
    return Finding(id="", kind=kind, predicate=predicate, severity=v.severity, subject=subject_ref,
                   claims=[c.id for c in members], docs=doc_ids, values=values, message=message, rule=rule.code,
                   rule_name=rule.name, why=v.why, confidence=v.confidence,
                   outlier=outlier.id if outlier else None, evidence=[evidence(c, docs) for c in members],
                   fingerprint=fingerprint(subject_ref.id, predicate, values, rule.code))
