"""The claim graph: documents, subjects and claims as nodes; blocks of comparable claims.

Claims hang off their subject node; a block is the claims of one subject, one predicate and one
rule key (object, period, unit), so the matcher compares within blocks and never all pairs.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from claims.model import Claim, Document


def build_graph(documents: list[Document], claims: list[Claim]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for d in documents:
        g.add_node(("doc", d.id), kind="document", lang=d.lang, published=d.published)
    for c in claims:
        g.add_node(("claim", c.id), kind="claim", claim=c)
        g.add_node(("subject", c.subject.id), kind="subject", name=c.subject.name)
        g.add_edge(("claim", c.id), ("subject", c.subject.id), key="about")
        g.add_edge(("doc", c.doc), ("claim", c.id), key="states")
        for role in ("object", "destination"):
            other = getattr(c, role)
            if other is not None:
                g.add_node(("subject", other.id), kind="subject", name=other.name)
                g.add_edge(("claim", c.id), ("subject", other.id), key=role)
    return g


def blocks(g: nx.MultiDiGraph, predicates: tuple[str, ...], key) -> list[list[Claim]]:
    """Claims grouped by subject, predicate and `key(claim)`, for one rule."""
    out: dict[tuple, list[Claim]] = defaultdict(list)
    for node, data in g.nodes(data=True):
        if data.get("kind") != "subject":
            continue
        for claim_node, _, k in g.in_edges(node, keys=True):
            if k != "about":
                continue
            c: Claim = g.nodes[claim_node]["claim"]
            if c.predicate in predicates:
                out[(node, c.predicate, key(c))].append(c)
    return [sorted(v, key=lambda c: c.id) for v in out.values() if len(v) > 1]


def holder_blocks(claims: list[Claim], single_holder: set[str]) -> list[list[Claim]]:
    """Role claims grouped by organisation and single-holder title, across people."""
    out: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.predicate == "role" and c.object is not None and getattr(c.value, "id", None) in single_holder:
            out[(c.object.id, c.value.id)].append(c)
    return [v for v in out.values() if len({c.subject.id for c in v}) > 1]
