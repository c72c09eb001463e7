"""Linking subjects across documents and scripts: one person (or organisation), one id.

Within a document the reader already ties short mentions and pronouns to full names. Across
documents, two people are one when one of their written forms (name, gloss, aliases) is the same
person by `names.same_person`: both given name and surname sound alike; an organisation written
in another script is one with a Latin-named one when every word sounds alike (`names.same_org`). The merged subject takes
the id of its Latin form where there is one, and gathers every alias.
"""
from __future__ import annotations

from claims.model import Claim, Subject
from claims.normalize.names import fold, name_parts, same_org, same_person, skeleton, skeleton_variants


def _deletions(s: str) -> set[str]:
    return {s} | {s[:i] + s[i + 1:] for i in range(len(s))}


def _sound_keys(word: str) -> set[str]:
    """Keys of one name word such that two words `names.sounds_alike` holds for share one: their
    skeleton variants are equal, or, the longer one having three classes or more, one edit apart,
    so that their one-deletion neighbourhoods meet. A variant of one or two classes matches only
    itself or a deletion of a longer one, so it needs no deletions of its own ('RK' would
    otherwise share 'R' and 'K' with a large share of all names)."""
    keys: set[str] = set()
    for variant in skeleton_variants(word) - {""}:
        keys |= _deletions(variant) - {""} if len(variant) >= 3 else {variant}
    return keys


def person_keys(form: str) -> set[str]:
    """Blocking keys of a person's written name, such that two forms for which `same_person`
    holds share a key: equal folded forms share `f:`; otherwise both the first parts (given
    names) and the last parts (surnames) sound alike, so the forms share an `s:SURNAME|GIVEN`
    key made of one sound key of each (`_sound_keys`: one-deletion neighbourhoods of skeleton
    variants, a leading J dropped, a leading H written Х, ...). Linking blocks on them, the
    store on their script-namespaced forms (`checker.store.store.stored_person_keys`);
    `test_person_keys_cover_same_person` holds both against the names in the tests."""
    keys = {f"f:{fold(form)}"}
    parts = name_parts(form)
    if len(parts) >= 2:
        given = _sound_keys(parts[0])
        keys |= {f"s:{s}|{g}" for s in _sound_keys(parts[-1]) for g in given}
    return keys


def org_keys(form: str) -> set[str]:
    """The same for organisations: `same_org` wants every word alike, so the first word's
    neighbourhood is enough."""
    keys = {f"f:{fold(form)}"}
    parts = name_parts(form)
    if parts:
        keys |= {f"o:{k}" for k in _sound_keys(parts[0])}
    return keys


def _forms(s: Subject) -> list[str]:
    return sorted({s.name, *s.aliases})


def link_subjects(claims: list[Claim]) -> list[Claim]:
    merged = {**_link_kind(claims, "person", same_person, person_keys),
              **_link_kind(claims, "org", same_org, org_keys, cross_script_only=True)}
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
    """An event or a count is scoped by its organisation's id (event:recall@fultrinza-muturz,
    count:deliveries@...): once that organisation is linked to its Latin-named self, the subject
    is scoped by the linked id too."""
    if subject.kind not in ("event", "thing") or "@" not in subject.id:
        return None
    head, scope = subject.id.rsplit("@", 1)
    org = merged.get(f"org:{scope}")
    if org is None or org.id == f"org:{scope}":
        return None
    return subject.model_copy(update={"id": f"{head}@{org.id.split(':', 1)[1]}"})


def _link_kind(claims: list[Claim], kind: str, same, keys_of, cross_script_only: bool = False) -> dict[str, Subject]:
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
    ids = sorted(people)
    # Blocking: only forms that share a key can be one subject (keys_of is complete for `same`).
    blocks: dict[str, set[tuple[str, str]]] = {}
    for pid in ids:
        for form in _forms(people[pid]):
            for key in keys_of(form):
                blocks.setdefault(key, set()).add((pid, form))
    same_form: list[tuple[str, str]] = []
    alike: dict[tuple[str, str], float] = {}
    for key, entries in blocks.items():
        if key.startswith("f:"):  # one folded form is one subject
            if kind == "person" and all(_lone_word(form) for _, form in entries):
                continue  # a lone given name or surname ("Kwame") names no one person across articles
            members = sorted({pid for pid, _ in entries})
            same_form += list(zip(members, members[1:]))
            continue
        # Two Latin spellings that differ are never one (Mark Chen, Mark Chan), and an organisation
        # is linked only across scripts: the pairs worth comparing have a form in another script.
        latin = sorted(e for e in entries if e[1].isascii())
        other = sorted(e for e in entries if not e[1].isascii())
        for i, (a, fa) in enumerate(other):
            for b, fb in latin + ([] if cross_script_only else other[i + 1:]):
                pair = (min(a, b), max(a, b))
                if a != b and alike.get(pair, -1) < 100 and same(fa, fb):
                    alike[pair] = max(alike.get(pair, 0), _closeness(fa, fb))
    return _merge(people, same_form, alike, kind)


def _lone_word(form: str) -> bool:
    """One word in an alphabet (Kwame, Okonkwo, Сергей): too little to tie two articles' people;
    Han names are written without spaces and stay whole."""
    import regex

    return len(form.split()) < 2 and not regex.search(r"\p{Han}", form)


def _closeness(a: str, b: str) -> float:
    """How alike two written forms sound (0..100), to link the closest pairs first."""
    from rapidfuzz import fuzz

    return fuzz.ratio(" ".join(skeleton(p) for p in name_parts(a)), " ".join(skeleton(p) for p in name_parts(b)))


def _merge(people: dict[str, Subject], same_form, alike, kind: str) -> dict[str, Subject]:
    """Subjects joined pair by pair, the same written form first and then the closest-sounding
    pairs, never into one subject that would hold two different Latin names: sound-alike links do
    not chain from one Latin name to another through a form in another script."""
    parent = {pid: pid for pid in people}
    group_latin = {pid: {fold(f) for f in _forms(people[pid]) if f.isascii() and len(f.split()) >= 2 or
                         f.isascii() and pid.startswith("org:")} for pid in people}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b, checked: bool):
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        if checked and group_latin[ra] and group_latin[rb] and not group_latin[ra] & group_latin[rb]:
            return
        parent[rb] = ra
        group_latin[ra] |= group_latin.pop(rb)

    for a, b in same_form:
        union(a, b, checked=False)
    for (a, b), _ in sorted(alike.items(), key=lambda kv: (-kv[1], kv[0])):
        union(a, b, checked=True)
    components: dict[str, list[str]] = {}
    for pid in sorted(people):
        components.setdefault(find(pid), []).append(pid)
    merged: dict[str, Subject] = {}
    for component in components.values():
        members = [people[m] for m in component]
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
