"""Names one article glosses, known to every article read with it.

A Chinese wire glosses 塔弗雷洛(Tavrelo) once; the Hong Kong paper of the same week writes 塔弗雷洛
bare, and so may a later article in the archive. `learn_names(documents)` collects every
organisation gloss of a set of documents (claims.normalize.glosses, and the names the packs'
`org_patterns` find) and gives each document the ones its text contains, in both Chinese scripts,
as `Document.known_names`: extraction of one document still depends only on that document (its
text, metadata and known names) and the entity data, so a store can tell when a newly learnt
name changes an article's claims.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import regex as re

from claims.lang import get_pack
from claims.model import Document
from claims.normalize.glosses import scan_glosses


@lru_cache(maxsize=1)
def _converters():
    from opencc import OpenCC

    return OpenCC("t2s"), OpenCC("s2t")


def _forms(native: str) -> set[str]:
    """A native form and, for Han, its other script (沃瀾 and 沃澜)."""
    if not re.search(r"\p{Han}", native):
        return {native}
    t2s, s2t = _converters()
    return {native, t2s.convert(native), s2t.convert(native)}


def glossed_names(doc: Document) -> list[tuple[str, str]]:
    """The (native form, Latin name) pairs one document glosses, in the order they are found."""
    pack = get_pack(doc.lang)
    out: list[tuple[str, str]] = []
    for g in scan_glosses(doc.text, pack):
        if g.kind != "org":
            continue
        for native in {g.native, g.lead}:
            if len(native) >= 2:
                for form in sorted(_forms(native)):
                    out.append((form, g.latin))
    return out


def learn_names(documents: Iterable[Document], glossed=glossed_names) -> None:
    """Set `known_names` on each document: the (native form, Latin name) pairs glossed anywhere in
    `documents` whose native form its text contains. `glossed(doc)` gives one document's pairs
    (`glossed_names`; a cache may answer instead)."""
    documents = list(documents)
    book: dict[str, str] = {}
    for doc in documents:
        for form, latin in glossed(doc):
            book.setdefault(form, latin)
    if not book:
        return
    for doc in documents:
        doc.known_names = sorted((form, latin) for form, latin in book.items() if form in doc.text)
