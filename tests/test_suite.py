"""The claim-sentence suites in fixtures/suite/<set>/<lang>.yaml, written by people who never saw
the code, extracted through the CLI and scored by tests/scoring/suite.py.

Each set and language has a floor of claims found and a ceiling of wrong claims: what the checker
reaches today. A change that loses claims or adds wrong ones fails here; one that gains must raise
the floor (the figures are printed with -s). Sets named `*-dev` have been read while fixing
extraction: they are development data, and the held-out measure is taken on sets nobody has read.
"""
from __future__ import annotations

import json
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from checker.cli import app
from tests.conftest import FIXTURES, SHARED
from tests.scoring import suite as scorer

SUITES = FIXTURES / "suite"
SETS = sorted(p.name for p in SUITES.iterdir() if p.is_dir())

# (set, language) -> (claims found at least, wrong claims at most)
FLOORS = {
    ("heldout-2026-12-07-dev", "ar"): (39, 1),
    ("heldout-2026-12-07-dev", "en"): (50, 0),
    ("heldout-2026-12-07-dev", "ru"): (52, 0),
    ("heldout-2026-12-07-dev", "zh-Hans"): (45, 0),
    ("heldout-2026-12-07-dev", "zh-Hant"): (36, 0),
    ("heldout-b-2026-12-07-dev", "ar"): (42, 0),
    ("heldout-b-2026-12-07-dev", "en"): (53, 1),
    ("heldout-b-2026-12-07-dev", "ru"): (48, 2),
    ("heldout-b-2026-12-07-dev", "zh-Hans"): (52, 1),
    ("heldout-b-2026-12-07-dev", "zh-Hant"): (46, 1),
    ("heldout-c-2026-12-07-dev", "ar"): (22, 0),
    ("heldout-c-2026-12-07-dev", "en"): (29, 3),
    ("heldout-c-2026-12-07-dev", "ru"): (29, 0),
    ("heldout-c-2026-12-07-dev", "zh-Hans"): (26, 0),
    ("heldout-c-2026-12-07-dev", "zh-Hant"): (22, 0),
    ("heldout-d-2026-12-07-dev", "ar"): (51, 1),
    ("heldout-d-2026-12-07-dev", "en"): (51, 2),
    ("heldout-d-2026-12-07-dev", "ru"): (43, 3),
    ("heldout-d-2026-12-07-dev", "zh-Hans"): (50, 1),
    ("heldout-d-2026-12-07-dev", "zh-Hant"): (38, 3),
    ("shared-dev", "ar"): (126, 2),
    ("shared-dev", "en"): (129, 2),
    ("shared-dev", "ru"): (128, 0),
    ("shared-dev", "zh-Hans"): (121, 1),
    ("shared-dev", "zh-Hant"): (119, 2),
}


@lru_cache(maxsize=None)
def scored(suite_set: str) -> dict:
    cases = scorer.load_cases(sorted((SUITES / suite_set).glob("*.yaml")))
    with tempfile.TemporaryDirectory() as tmp:
        scorer.write_documents(cases, tmp)
        result = CliRunner().invoke(app, ["claims", tmp, "--format", "json"])
        assert result.exit_code == 0, result.stderr or result.stdout
    claims = json.loads(result.stdout)["claims"]
    return scorer.report(scorer.score(cases, claims, verbose=False), cases)


def test_every_set_and_language_has_a_floor():
    langs = {(s, yaml.safe_load(p.read_text(encoding="utf-8"))["lang"]) for s in SETS for p in (SUITES / s).glob("*.yaml")}
    assert langs == set(FLOORS), "a new suite file needs its floor in FLOORS"


@pytest.mark.parametrize("key", sorted(FLOORS), ids=lambda k: f"{k[0]}/{k[1]}")
def test_suite_floor(key):
    suite_set, lang = key
    found, expected, wrong = scored(suite_set)["by_lang"][lang]
    floor, ceiling = FLOORS[key]
    print(f"\n{suite_set}/{lang}: found {found}/{expected}, wrong {wrong}")
    assert found >= floor, f"{suite_set}/{lang}: claims found fell to {found} (floor {floor})"
    assert wrong <= ceiling, f"{suite_set}/{lang}: wrong claims rose to {wrong} (ceiling {ceiling})"


@pytest.mark.skipif(not (SHARED / "tools").is_dir(), reason="../shared is not here: nothing to compare with")
@pytest.mark.parametrize("name", ["score.py"])
def test_scorer_copies_agree_with_shared(name):
    """The project's scorers read as ../shared's do (the copies only add a docstring and an import)."""
    ours = (Path(__file__).parent / "scoring" / name).read_text(encoding="utf-8")
    theirs = (SHARED / "tools" / name).read_text(encoding="utf-8")
    assert ours.split('"""', 2)[2] == theirs.split('"""', 2)[2]  # past the module docstring
