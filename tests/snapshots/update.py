"""Regenerate the JSON snapshots (tests/snapshots/__init__.py says what they are):

    PYTHONPATH=$PWD python -m tests.snapshots.update [NAME-PREFIX...]

Review `git diff tests/snapshots/` before committing: every change there is a change of output.
"""
from __future__ import annotations

import os
import sys
import tempfile


def main(argv: list[str]) -> int:
    # A cache of its own, so that what is written is what the code extracts now.
    os.environ["CLAIMCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="claimcheck-snapshot-cache-")
    from tests.snapshots import update

    changed = 0
    for name, diff in update(argv):
        changed += diff
        print(f"{'updated' if diff else 'same   '} {name}")
    print(f"{changed} snapshot(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
