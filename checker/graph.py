"""The claim graph of record, and the blocks of comparable claims the matcher works on.

The graph (networkx `MultiDiGraph`) has documents and subjects as nodes and every claim as an edge
keyed by the claim id, with the claim in the edge data:

    ("doc", D)        -> ("subject", S)      role "about":        document D states claim C of S
    ("subject", S)    -> ("subject", O)      role "object":       C relates S to O (left O, CEO of O)
    ("subject", S)    -> ("subject", X)      role "destination":  C moves S to X

A claim is a relation between a document and what it is about, so it is an edge, not a node: a
million claims cost one edge each, not a node, three adjacency dicts and three edges.

Blocking does not walk the graph: `index_claims` groups the claims by subject and predicate once,
and `blocks` splits those groups by a rule's `block_key`. A block is the claims of one subject, one
predicate and one rule key (object, period, unit); the matcher compares within blocks and never
all pairs. Claim ids are unique (documents' ids are, and a claim's id is its document's and its
rank in it).
"""
from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager


from claims.model import Claim, Document


@contextmanager
def gc_paused():
    """Allocating millions of small objects at once: the cycle collector would scan the whole heap
    again and again while nothing it could free is made. Paused for the bulk work, then restored."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def build_graph(documents: list[Document], claims: list[Claim]) -> "nx.MultiDiGraph":
    import networkx as nx  # here, not at the top: matching needs no graph, and networkx costs a tenth of a second

    g = nx.MultiDiGraph()
    g.add_nodes_from((("doc", d.id), {"kind": "document", "lang": d.lang, "published": d.published})
                     for d in documents)
    subjects: dict[str, str] = {}
    for c in claims:
        for s in (c.subject, c.object, c.destination):
            if s is not None:
                subjects[s.id] = s.name
    g.add_nodes_from((("subject", sid), {"kind": "subject", "name": name}) for sid, name in subjects.items())
    g.add_edges_from(_edges(claims))
    return g


def _edges(claims: list[Claim]):
    for c in claims:
        subject = ("subject", c.subject.id)
        yield ("doc", c.doc), subject, c.id, {"role": "about", "claim": c}
        if c.object is not None:
            yield subject, ("subject", c.object.id), c.id, {"role": "object", "claim": c}
        if c.destination is not None:
            yield subject, ("subject", c.destination.id), c.id, {"role": "destination", "claim": c}


def claims_of(g: "nx.MultiDiGraph", subject_id: str) -> list[Claim]:
    """The claims about one subject, from the graph."""
    return [d["claim"] for _, _, d in g.in_edges(("subject", subject_id), data=True) if d["role"] == "about"]


def claims_naming(g: "nx.MultiDiGraph", subject_id: str) -> list[Claim]:
    """The claims about others that name this subject as what they relate to: the people who left
    an organisation or joined it, the rounds an investor led."""
    return [d["claim"] for _, _, d in g.in_edges(("subject", subject_id), data=True)
            if d["role"] in ("object", "destination")]


def subjects(g: "nx.MultiDiGraph") -> list[tuple[str, str]]:
    """(id, name) of every subject node."""
    return [(n[1], d["name"]) for n, d in g.nodes(data=True) if d.get("kind") == "subject"]


class ClaimIndex:
    """Claims grouped by predicate, then by subject, each group in the order the claims came."""

    def __init__(self, claims: list[Claim]):
        self.by_predicate: dict[str, dict[str, list[Claim]]] = {}
        for c in claims:
            self.by_predicate.setdefault(c.predicate, {}).setdefault(c.subject.id, []).append(c)


def index_claims(claims: list[Claim]) -> ClaimIndex:
    return ClaimIndex(claims)


def blocks(index: ClaimIndex, predicates: tuple[str, ...], key, focus=None) -> list[list[Claim]]:
    """Claims grouped by subject, predicate and `key(claim)`, for one rule; groups of one dropped.
    With `focus` (document ids), a subject and predicate without a claim of those documents is
    passed over (its blocks cannot hold one either).

    Within one subject and predicate, groups come in the order of their first claim (findings of
    one subject and predicate keep that order); each group is sorted by claim id."""
    out: list[list[Claim]] = []
    for p in predicates:
        for cs in index.by_predicate.get(p, {}).values():
            if len(cs) < 2 or (focus is not None and not any(c.doc in focus for c in cs)):
                continue
            if len(cs) == 2:
                if key(cs[0]) == key(cs[1]):
                    out.append(sorted(cs, key=_by_id))
                continue
            groups: dict[tuple, list[Claim]] = {}
            for c in cs:
                groups.setdefault(key(c), []).append(c)
            out += [sorted(v, key=_by_id) for v in groups.values() if len(v) > 1]
    return out


def _by_id(c: Claim) -> str:
    return c.id


def holder_blocks(claims: list[Claim], single_holder: set[str]) -> list[list[Claim]]:
    """Role claims grouped by organisation and single-holder title, across people."""
    out: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.predicate == "role" and c.object is not None and getattr(c.value, "id", None) in single_holder:
            out[(c.object.id, c.value.id)].append(c)
    return [v for v in out.values() if len({c.subject.id for c in v}) > 1]
