"""A folder's manifest.yaml: metadata per file name (published, lang, source, id, title)."""
from __future__ import annotations

from pathlib import Path

import yaml

from claims.errors import InputError

MANIFEST = "manifest.yaml"


def read_manifest(folder: Path) -> dict[str, dict] | None:
    path = folder / MANIFEST
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError("E203", path, "manifest is not UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError("E203", path, f"manifest is not valid YAML{where}") from None
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, dict) or not docs:
        raise InputError("E203", path, "manifest needs a `documents:` mapping of file name to metadata")
    for name, meta in docs.items():
        if meta is not None and not isinstance(meta, dict):
            raise InputError("E203", path, f"entry {name!r} must be a mapping (published, lang, ...)")
        if not (folder / str(name)).is_file():
            raise InputError("E204", path, f"names {name!r}, which is not in {folder}")
    return {str(k): dict(v or {}) for k, v in docs.items()}
