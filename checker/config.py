"""Project configuration: `[tool.claimcheck]` in pyproject.toml or a `claimcheck.toml`.

The file is looked for from the current directory upward; in each directory `claimcheck.toml` comes
before a `pyproject.toml` that has a `[tool.claimcheck]` table (a pyproject.toml without one is passed
over). Paths in the file are relative to the file's own directory. An option given on the command
line replaces the configured value.

    [tool.claimcheck]
    archive = ["archive/"]          # what `claimcheck check DRAFT` compares the draft with
    fail-on = "error"               # error | warning | never
    format = "text"                 # text | json | html | github | sarif | junit
    languages = ["en", "ru", "ar"]  # read only these; others are skipped (a draft is refused)
    entities = ["newsroom/entities.yaml"]
    disable = ["CC102"]             # rule codes or names
    baseline = ".claimcheck-baseline.json"
    store = "archive/claims.db"     # a claim store (SQLite file or postgresql:// URL) instead of paths
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from claims.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILE = "claimcheck.toml"
FORMATS = ("text", "json", "html", "github", "sarif", "junit")


class Config(BaseModel):
    """What a newsroom sets once for every run; see the module docstring for an example."""

    model_config = ConfigDict(extra="forbid")

    archive: list[str] = []
    fail_on: Literal["error", "warning", "never"] = "error"
    format: Literal["text", "json", "html", "github", "sarif", "junit"] = "text"
    languages: list[str] = []
    entities: list[str] = []
    disable: list[str] = []
    baseline: Optional[str] = None
    store: Optional[str] = None
    # Where the values came from (None: the defaults); not a key of the file.
    source: Optional[str] = None

    @field_validator("archive", "languages", "entities", "disable", mode="before")
    @classmethod
    def _one_or_many(cls, v):
        return [v] if isinstance(v, str) else v

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, v: list[str]) -> list[str]:
        from claims.lang import available, pack_info
        from claims.read.language import SUPPORTED, normalize_tag

        out = []
        for tag in v:
            code = tag.strip().lower()
            if code in available() and len(pack_info(code).tags) > 1:  # plain "zh": Chinese in either script
                out += pack_info(code).tags
                continue
            norm = normalize_tag(tag)
            if norm not in SUPPORTED:
                raise ValueError(f"language {tag!r} is not supported (supported: {', '.join(SUPPORTED)})")
            out.append(norm)
        return list(dict.fromkeys(out))


def find_config(start: Path) -> Optional[tuple[Path, dict]]:
    """The nearest configuration at or above `start`: (file, the claimcheck table)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            data = _read_toml(own)
            # Either the keys at the top level, or under [tool.claimcheck] like in pyproject.toml.
            table = data.get("tool", {}).get("claimcheck") if isinstance(data.get("tool"), dict) else None
            return own, table if isinstance(table, dict) else data
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            tool = data.get("tool")
            if isinstance(tool, dict) and isinstance(tool.get("claimcheck"), dict):
                return pyproject, tool["claimcheck"]
    return None


def load_config(explicit: Optional[Path] = None, start: Optional[Path] = None) -> Config:
    """The configuration from `explicit` (a claimcheck.toml or pyproject.toml), else the nearest one
    found from `start` (default: the current directory) upward, else the defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise InputError("E601", explicit, "configuration file not found")
        data = _read_toml(explicit)
        tool = data.get("tool")
        table = tool.get("claimcheck") if isinstance(tool, dict) else None
        if explicit.name == "pyproject.toml" and not isinstance(table, dict):
            raise InputError("E602", explicit, "has no [tool.claimcheck] table")
        found = (explicit, table if isinstance(table, dict) else data)
    else:
        found = find_config(start or Path.cwd())
    if found is None:
        return Config()
    path, table = found
    table = {str(k).replace("-", "_"): v for k, v in table.items() if k != "tool"}
    if "source" in table:
        raise InputError("E602", path, "unknown key 'source'")
    try:
        cfg = Config(**table)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "configuration"
        what = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            what = f"unknown key (known: {', '.join(k.replace('_', '-') for k in Config.model_fields if k != 'source')})"
        raise InputError("E602", path, f"{where.replace('_', '-')}: {what}") from None
    base = path.parent
    cfg.archive = [_rel(base, p) for p in cfg.archive]
    cfg.entities = [_rel(base, p) for p in cfg.entities]
    cfg.baseline = _rel(base, cfg.baseline) if cfg.baseline else None
    if cfg.store and "://" not in cfg.store:
        cfg.store = _rel(base, cfg.store)
    cfg.source = str(path)
    return cfg


def _rel(base: Path, value: str) -> str:
    p = Path(value).expanduser()
    if p.is_absolute():
        return str(p)
    resolved = base / p
    try:  # keep paths short and relative to where the user stands, as they are printed in reports
        return str(resolved.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(resolved)


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise InputError("E601", path, f"not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("E601", path, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
