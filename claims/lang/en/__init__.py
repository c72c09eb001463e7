"""English pack rules: names of people are runs of capitalised words that start with a given name
or follow a title (claims.normalize.names.latin_people)."""
from __future__ import annotations


from claims.normalize.names import NameMention, family_name, latin_people

_NOT_FIRST = {"The", "In", "On", "At", "By", "For", "From", "With", "After", "Before", "When", "While", "Its", "His",
              "Her", "Their", "This", "That", "Last", "Next", "Chief", "Vice", "Senior", "Former", "Mr", "Ms", "Dr",
              "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "But", "And", "Silicon", "Financial", "Wall", "New", "San"}


def find_people(text: str, pack) -> list[NameMention]:
    return latin_people(text, [p for _, p in pack.lexicon_patterns["titles"]], skip_first=_NOT_FIRST, pack=pack)


def short_forms(name: str) -> list[str]:
    """A later mention by family name: Tworek for Jerry Tworek, Zhou for Zhou Min."""
    return [family_name(name)] if len(name.split()) >= 2 else []
