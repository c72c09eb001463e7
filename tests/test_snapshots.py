"""The CLI's JSON on every fixture story, check draft and suite set equals the committed snapshot
(tests/snapshots/): a refactor changes nothing. A change of extraction on purpose regenerates them
(`python -m tests.snapshots.update`, or this file with `--update-snapshots`) and the diff is reviewed."""
from __future__ import annotations

import difflib

import pytest

from tests import snapshots

RUNS = snapshots.runs()


@pytest.mark.parametrize("name", sorted(RUNS))
def test_snapshot(name, request, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_TODAY", snapshots.TODAY)
    now = RUNS[name]()
    path = snapshots.path_of(name)
    if request.config.getoption("--update-snapshots"):
        path.write_text(now, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot {path.name}: run `python -m tests.snapshots.update {name}`"
    stored = path.read_text(encoding="utf-8")
    if now != stored:
        diff = "".join(list(difflib.unified_diff(stored.splitlines(True), now.splitlines(True),
                                                 f"{path.name} (stored)", f"{path.name} (now)", n=2))[:80])
        pytest.fail(f"{name} differs from its snapshot (regenerate with `python -m tests.snapshots.update "
                    f"{name}` if the change is meant):\n{diff}")


def test_every_story_and_set_has_a_snapshot():
    stored = {p.stem for p in snapshots.HERE.glob("*.json")}
    assert stored == set(RUNS), "snapshots to add or remove: run `python -m tests.snapshots.update`"
