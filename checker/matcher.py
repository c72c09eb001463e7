"""The matcher: every rule over its blocks of the claim graph, findings that explain themselves.

Work grows with the number of claims, not its square: claims are indexed by subject and predicate
once, each rule splits those groups by its block key, and only claims within one block are
compared, each pair once (the outlier test reuses those verdicts instead of comparing again).
"""
from __future__ import annotations

import hashlib

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


def _value_of(c: Claim):
    return c.value if c.value is not None else c.time


def match(documents: list[Document], claims: list[Claim], disabled: set[str] = frozenset()) -> list[Finding]:
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
                        suspects.add(c.id)
                        findings.append(_finding(rule, v, [c], docs, single=c))
        for rule in (r for r in rules if r.kind != "anomaly"):
            if rule.predicates == ("role:holder",):
                groups = holder_blocks(claims, set(title_data().get("single_holder", [])))
            else:
                groups = blocks(index, rule.predicates, rule.block_key)
            for group in groups:
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
    conflicts: dict[tuple[str, str], tuple[Verdict, list[Claim]]] = {}
    against: set[tuple[int, int]] = set()   # (i, j), i < j: compare(group[i], group[j]) said they conflict
    holder = rule.predicates == ("role:holder",)
    n = len(group)
    for i in range(n - 1):
        a = group[i]
        for j in range(i + 1, n):
            b = group[j]
            v = rule.compare(a, b, docs)
            if v is None:
                continue
            against.add((i, j))
            if holder:
                ka, kb = a.subject.id, b.subject.id
            else:
                ka, kb = render(_value_of(a)), render(_value_of(b))
            key = tuple(sorted((ka, kb)))
            if key in conflicts:
                old_v, members = conflicts[key]
                members += [c for c in (a, b) if c not in members]
                if v.confidence > old_v.confidence:
                    conflicts[key] = (v, members)
            else:
                conflicts[key] = (v, [a, b])
    if not conflicts:
        return []
    outliers = _Outliers(rule, group, docs, against, suspects)
    out = []
    for verdict, members in _merged(conflicts):
        out.append(_finding(rule, verdict, members, docs, outlier=outliers.of(members)))
    return out


def _merged(conflicts: dict[tuple[str, str], tuple[Verdict, list[Claim]]]) -> list[tuple[Verdict, list[Claim]]]:
    """One finding per connected set of conflicting values: "December 2023" against "November
    2023" and against "28 November 2023" is one disagreement, told once with all its evidence.
    The verdict shown is the most severe, then most confident, one of the set."""
    import networkx as nx

    g = nx.Graph()
    g.add_edges_from(conflicts)
    out = []
    for values in nx.connected_components(g):
        parts = [conflicts[k] for k in conflicts if k[0] in values]
        verdict = max((v for v, _ in parts), key=lambda v: (SEVERITY_RANK[v.severity], v.confidence))
        members: list[Claim] = []
        for _, ms in parts:
            members += [c for c in ms if c not in members]
        out.append((verdict, members))
    return out


class _Outliers:
    """With three or more documents, the claim that disagrees with all the others that agree.

    A claim is a candidate when it conflicts with claims of at least two other documents that are
    not themselves suspect (an anomaly rule flagged them) and no claim of another document agrees
    with it; each claim is judged once per block, from the verdicts already computed (a pair is
    compared again only in the other order)."""

    def __init__(self, rule: Rule, group: list[Claim], docs, against: set[tuple[int, int]], suspects: set[str]):
        self.rule, self.group, self.docs, self.against = rule, group, docs, against
        self.suspects = suspects
        self.enough_docs = len({c.doc for c in group}) >= 3
        self.position = {id(c): i for i, c in enumerate(group)}
        self.judged: dict[int, bool] = {}

    def _conflict(self, i: int, j: int) -> bool:
        if i < j:
            return (i, j) in self.against
        return self.rule.compare(self.group[i], self.group[j], self.docs) is not None

    def candidate(self, i: int) -> bool:
        if i not in self.judged:
            c = self.group[i]
            others = [j for j, o in enumerate(self.group) if o.doc != c.doc]
            against = {j for j in others if self._conflict(i, j)}
            agreeing_docs = {self.group[j].doc for j in others if j not in against}
            credible = {self.group[j].doc for j in against if self.group[j].id not in self.suspects}
            self.judged[i] = len(credible) >= 2 and not agreeing_docs
        return self.judged[i]

    def of(self, members: list[Claim]) -> Claim | None:
        if not self.enough_docs:
            return None
        candidates = [c for c in members if self.candidate(self.position[id(c)])]
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
        subject_ref = SubjectRef(id=subject.id, name=subject.name)
        predicate = head.predicate
    doc_ids = list(dict.fromkeys(c.doc for c in members))
    if single is not None:
        message = f"{subject.name} {_WHAT.get(predicate, 'is')} {values[0]} in {single.doc}: {v.why}."
        kind = "anomaly"
    else:
        docs_by_value: dict[str, list[str]] = {}
        for c in members:
            shown = c.subject.name if rule.predicates == ("role:holder",) else render(_value_of(c))
            docs_by_value.setdefault(shown, [])
            if c.doc not in docs_by_value[shown]:
                docs_by_value[shown].append(c.doc)
        parts = [f"{value} in {', '.join(ds)}" for value, ds in docs_by_value.items()]
        joined = " but ".join(parts) if len(parts) == 2 else "; ".join(parts[:-1]) + f"; but {parts[-1]}"
        message = f"{subject_ref.name} {_WHAT.get(predicate, 'is')} {joined}: {v.why}."
        if outlier is not None:
            message += f" The other sources agree with one another; {outlier.doc} is the outlier."
        kind = "contradiction"
    return Finding(id="", kind=kind, predicate=predicate, severity=v.severity, subject=subject_ref,
                   claims=[c.id for c in members], docs=doc_ids, values=values, message=message, rule=rule.code,
                   rule_name=rule.name, why=v.why, confidence=v.confidence,
                   outlier=outlier.id if outlier else None, evidence=[evidence(c, docs) for c in members],
                   fingerprint=fingerprint(subject_ref.id, predicate, values, rule.code))
