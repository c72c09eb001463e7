"""English pack rules: names of people are runs of capitalised words."""
from __future__ import annotations

import regex as re

from claims.normalize.names import NameMention, family_name, looks_like_org

_NAME = re.compile(r"(?<![A-Za-z])(?P<latin>[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?){1,2})(?![A-Za-z])")
_NOT_FIRST = {"The", "In", "On", "At", "By", "For", "From", "With", "After", "Before", "When", "While", "Its", "His",
              "Her", "Their", "This", "That", "Last", "Next", "Chief", "Vice", "Senior", "Former", "Mr", "Ms", "Dr",
              "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "But", "And", "Silicon", "Financial", "Wall", "New", "San"}


def find_people(text: str, pack) -> list[NameMention]:
    out = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        while words and words[0] in _NOT_FIRST:
            words = words[1:]
        if len(words) < 2 or looks_like_org(" ".join(words)):
            continue
        name = " ".join(words)
        start = m.end() - len(name)
        out.append(NameMention(start, m.end(), name, name, latin=name))
    return out


def short_forms(name: str) -> list[str]:
    """A later mention by family name: Tworek for Jerry Tworek, Zhou for Zhou Min."""
    return [family_name(name)] if len(name.split()) >= 2 else []
