"""Linking subjects across documents and scripts: one person (or organisation), one id.

Within a document the reader already ties short mentions and pronouns to full names. Across
documents, two people are one when one of their written forms (name, gloss, aliases) is the same
person by `names.same_person`: both given name and surname sound alike; an organisation written
in another script is one with a Latin-named one when every word sounds alike (`names.same_org`). The merged subject takes
the id of its Latin form where there is one, and gathers every alias.
"""
from __future__ import annotations

import networkx as nx

from claims.model import Claim, Subject
from claims.normalize.names import same_org, same_person


def _forms(s: Subject) -> list[str]:
    return sorted({s.name, *s.aliases})


def link_subjects(claims: list[Claim]) -> list[Claim]:
    merged = {**_link_kind(claims, "person", same_person), **_link_kind(claims, "org", same_org)}
    out = []
    for c in claims:
        update = {k: merged[s.id] for k in ("subject", "object", "destination")
                  if (s := getattr(c, k)) is not None and s.id in merged and merged[s.id] is not s}
        event = _rescoped(c.subject, merged)
        if event is not None:
            update["subject"] = event
        out.append(c.model_copy(update=update) if update else c)
    return out


def _rescoped(subject: Subject, merged: dict[str, Subject]) -> Subject | None:
    """An event is scoped by its organisation's id (event:recall@fultrinza-muturz): once that
    organisation is linked to its Latin-named self, the event is scoped by the linked id too."""
    if subject.kind != "event" or "@" not in subject.id:
        return None
    head, scope = subject.id.rsplit("@", 1)
    org = merged.get(f"org:{scope}")
    if org is None or org.id == f"org:{scope}":
        return None
    return subject.model_copy(update={"id": f"{head}@{org.id.split(':', 1)[1]}"})


def _link_kind(claims: list[Claim], kind: str, same) -> dict[str, Subject]:
    people: dict[str, Subject] = {}
    for c in claims:
        for s in (c.subject, c.object, c.destination):
            if s is not None and s.kind == kind:
                if s.id in people:
                    # Two documents may give one id (a gloss and a transliteration): pool their forms.
                    known = people[s.id]
                    people[s.id] = known.model_copy(update={"aliases": sorted({*known.aliases, *_forms(s)})})
                else:
                    people[s.id] = s
    g = nx.Graph()
    g.add_nodes_from(people)
    ids = sorted(people)
    # Blocking: only names whose surnames share a first consonant class are compared.
    from claims.normalize.names import name_parts, skeleton

    blocks: dict[str, list[str]] = {}
    for pid in ids:
        for form in _forms(people[pid]):
            parts = name_parts(form)
            if parts:
                sk = skeleton(parts[-1]) or "?"
                # The first consonant, and the second in case transliteration lost the first.
                for key in {sk[:1], sk[1:2] or sk[:1]}:
                    blocks.setdefault(key, []).append(pid)
    for members in blocks.values():
        members = sorted(set(members))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if g.has_edge(a, b):
                    continue
                if any(same(fa, fb) for fa in _forms(people[a]) for fb in _forms(people[b])):
                    g.add_edge(a, b)
    merged: dict[str, Subject] = {}
    for component in nx.connected_components(g):
        members = [people[m] for m in sorted(component)]
        latin = [m for m in members if m.name.isascii()] + \
            [m for m in members if not m.name.isascii() and any(a.isascii() for a in m.aliases)]
        head = (latin or members)[0]
        aliases = sorted({f for m in members for f in _forms(m)})
        # Named in Latin script where any document gives a Latin form, so every reader can read it.
        name = head.name if head.name.isascii() else next((a for a in head.aliases if a.isascii()), head.name)
        subject = Subject(id=head.id, name=name, kind=kind, aliases=aliases)
        for m in members:
            merged[m.id] = subject
    return merged
