"""Errors a user can meet: each has a stable code and one plain sentence.

`CODES` is the catalogue of every code raised in claims/ and checker/ (tests/test_registries.py
checks that each code used is here and each one here is used), and the README's table of error
codes is made from it: `python -m claims.errors` prints that table.
"""
from __future__ import annotations

# code -> what it means. 1xx: reading files and writing output; 2xx: metadata (front matter,
# manifests, dates); 3xx: languages; 4xx: entity data; 5xx: the claim store; 6xx: configuration,
# baselines and the command line.
CODES: dict[str, str] = {
    "E101": "no such file or folder, or not a regular file (a FIFO, a device, a link to nothing)",
    "E102": "a file or folder the system will not let us read",
    "E103": "an empty file, or one with no text",
    "E104": "a binary file, not text",
    "E105": "a file over the size limit (8 MiB), refused unread",
    "E106": "not UTF-8, and its encoding cannot be told reliably",
    "E107": "an HTML page with no main text, or one that cannot be parsed",
    "E108": "folders nested too deep (a symlink loop?)",
    "E109": "a folder with no articles in it",
    "E110": "the folder of `--output` does not exist",
    "E111": "the output cannot be written (a full disk, a closed pipe, a directory)",
    "E112": "input nested too deeply to read",
    "E113": "a file name that is not UTF-8, or standard input read twice",
    "E114": "input too large to read in the memory available",
    "E115": "`--output` names an input: inputs are never written to",
    "E201": "front matter that is not a valid mapping of key: value",
    "E202": "a date that is not a date (YYYY-MM-DD): front matter, manifest, `--published`, `CLAIMCHECK_TODAY`",
    "E203": "a manifest that is not valid (YAML, `documents:`, `ignore:`, size)",
    "E204": "a manifest that names a file outside its folder, or not in it",
    "E301": "a language that is not supported",
    "E302": "no document in a supported (or configured) language to read",
    "E303": "a draft in a language not among the configured ones",
    "E401": "an entity data file that is not valid",
    "E501": "not a store URL (sqlite:///FILE, postgresql://USER@HOST/DB or a file path)",
    "E502": "the store cannot be opened or used",
    "E503": "the store does not exist (`claimcheck index` makes it), or its database driver is missing",
    "E504": "`--scheduler` needs Dask (`claimcheck[distributed]`)",
    "E505": "the Dask scheduler cannot be reached",
    "E601": "a configuration file that is missing, unreadable or not TOML",
    "E602": "a configuration key or value that is not valid",
    "E603": "a baseline file that is missing or unreadable",
    "E604": "a baseline file that is not a claimcheck baseline",
    "E605": "`check` with no archive to check against",
    "E606": "`baseline` with nowhere to write it",
    "E607": "`check --store` with more than one draft",
    "E608": "`audit` with neither a PATH nor `--store`",
    "E609": "an unknown rule code or name in `--disable` or the configuration",
}


def readme_table() -> str:
    """The README's table of error codes, made from CODES."""
    rows = [f"| {code} | {what} |" for code, what in CODES.items()]
    return "\n".join(["| code | meaning |", "|---|---|", *rows]) + "\n"


class InputError(Exception):
    """Bad input: the CLI prints `claimcheck: CODE PATH: message` and exits 2."""

    def __init__(self, code: str, path: object, message: str):
        super().__init__(f"{code} {path}: {message}")
        self.code, self.path, self.message = code, str(path), message


def unreadable(path: object, exc: OSError) -> InputError:
    """E102 for a file or folder the system will not let us read."""
    if isinstance(exc, PermissionError):
        return InputError("E102", path, "permission denied")
    return InputError("E102", path, f"cannot read: {exc.strerror or exc}")


if __name__ == "__main__":
    print(readme_table(), end="")
