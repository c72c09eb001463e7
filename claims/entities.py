"""The entity data file: known organisations, products and people in every script."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import regex as re
import yaml

from claims.errors import InputError
from claims.lang import _alternation

DEFAULT = Path(__file__).parent / "data" / "entities.yaml"


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    names: tuple[str, ...]
    of: Optional[str] = None

    @property
    def name(self) -> str:
        return self.names[0]


class EntityIndex:
    def __init__(self, entities: list[Entity]):
        self.entities = {e.id: e for e in entities}
        self.by_name: dict[str, Entity] = {}
        for e in entities:
            for n in e.names:
                self.by_name[n.casefold()] = e
        alts = _alternation(re.escape(n) for n in self.by_name) or "(?!)"
        # Latin names need word edges; Cyrillic ones too, with room for a case ending after them
        # (Яндекса, not the Мета of металлургический); Han and Arabic ones match where they stand.
        self.pattern = re.compile(rf"(?<![A-Za-z0-9\p{{Cyrillic}}])(?:{alts})(?![A-Za-z0-9])(?!\p{{Cyrillic}}{{4}})", re.I)

    def find(self, text: str):
        for m in self.pattern.finditer(text):
            if re.match(r" [A-Z]", text[m.end():m.end() + 2]) and m.group(0)[:1].isascii():
                continue  # "OpenAI LP" is not OpenAI
            yield m.start(), m.end(), self.by_name[m.group(0).casefold()]

    def get(self, entity_id: str) -> Optional[Entity]:
        return self.entities.get(entity_id)


def _read(path: Path) -> list[Entity]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rows = data.get("entities", [])
        return [Entity(id=str(r["id"]), kind=str(r.get("kind", "org")), names=tuple(str(n) for n in r["names"]),
                       of=r.get("of")) for r in rows]
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise InputError("E401", path, f"entity file is not valid ({type(exc).__name__}): see claims/data/entities.yaml") from None


@lru_cache(maxsize=8)
def load_index(extra: tuple[str, ...] = ()) -> EntityIndex:
    entities = _read(DEFAULT)
    for p in extra:
        entities += _read(Path(p))
    return EntityIndex(entities)
