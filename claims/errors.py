"""Errors a user can meet: each has a stable code and one plain sentence."""
from __future__ import annotations


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
