"""A folder's manifest.yaml: metadata per file name (published, lang, source, id, title)."""
from __future__ import annotations

import os
from pathlib import Path, PurePath

import yaml

from claims.errors import InputError, unreadable
from claims.read.decode import MAX_BYTES
from claims.read.formats import check_metadata, load_metadata_yaml

MANIFEST = "manifest.yaml"
# Metadata key (never a YAML key: it holds a NUL) of a file the manifest's `ignore:` list names:
# not an article (a draft kept beside the archive, notes), so not read when the folder is.
IGNORED = "\0ignored"


def read_manifest(folder: Path) -> dict[str, dict] | None:
    path = folder / MANIFEST
    if not path.is_file():
        return None
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError("E203", path, f"manifest is over the limit of {MAX_BYTES // 2**20} MiB")
        data = load_metadata_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError("E203", path, "manifest is not UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError("E203", path, f"manifest is not valid YAML{where}") from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise InputError("E203", path, f"manifest has a value YAML cannot read ({str(exc)[:80]})") from None
    except RecursionError:
        raise InputError("E203", path, "manifest is nested too deeply") from None
    except OSError as exc:
        raise unreadable(path, exc) from None
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, dict) or not docs:
        raise InputError("E203", path, "manifest needs a `documents:` mapping of file name to metadata")
    for name, meta in docs.items():
        if meta is not None and not isinstance(meta, dict):
            raise InputError("E203", path, f"entry {name!r} must be a mapping (published, lang, ...)")
        check_metadata(meta or {}, path, "E203", f"entry {_shown(name)!r}: ")
        if not _inside(str(name)):
            raise InputError("E204", path, f"names {_shown(name)!r}, which is outside {folder}; "
                                           "a manifest names files in its own folder")
        if not (folder / str(name)).is_file():
            raise InputError("E204", path, f"names {name!r}, which is not in {folder}")
    ignore = data.get("ignore") or []
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list) or not all(isinstance(n, str) and _inside(n) for n in ignore):
        raise InputError("E203", path, "`ignore:` must be a list of file names in this folder")
    out = {str(k): dict(v or {}) for k, v in docs.items()}
    for name in ignore:
        out.setdefault(name, {IGNORED: True})
    return out


def _shown(name) -> str:
    """A name short enough for one line, its end kept (where `../../etc/passwd` says where it goes)."""
    name = str(name)
    return name if len(name) <= 60 else "…" + name[-59:]


def _inside(name: str) -> bool:
    """A relative path that does not climb out (`a.txt`, `2024/a.txt`; not `../x`, not `/etc/x`)."""
    p = PurePath(name)
    return bool(name) and not p.is_absolute() and not os.path.isabs(name) and ".." not in p.parts
