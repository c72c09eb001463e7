"""Snapshots of the CLI's JSON output on every fixture, so that a refactor is proven to change
nothing, byte for byte.

Runs (see `runs()`):
  story-<name>.audit   `claimcheck audit fixtures/<name> --format json` for every fixture story
                       (a folder of fixtures/ with a manifest.yaml)
  story-<name>.claims  `claimcheck claims fixtures/<name> --format json`
  check-<name>         `claimcheck check DRAFT --against fixtures/<story>` for the drafts of CHECKS
  suite-<set>.claims   `claimcheck claims` over the documents of every case of a suite set
                       (fixtures/suite/<set>/*.yaml, written as tests/scoring/suite.py writes them)

Each is stored as tests/snapshots/<run>.json: the command's JSON with what changes from run to run
taken out (the time the report was generated; the temporary folder of a suite's documents, given
as `<suite>`). tests/test_snapshots.py compares.

When extraction changes on purpose, regenerate them and review the diff:
    PYTHONPATH=$PWD python -m tests.snapshots.update            # every run
    PYTHONPATH=$PWD python -m tests.snapshots.update story-openai  # the runs whose name starts so
    PYTHONPATH=$PWD pytest -q tests/test_snapshots.py --update-snapshots   # the same from pytest
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
HERE = Path(__file__).resolve().parent
SUITE_DIR = "<suite>"
# Drafts with no date of their own are checked as of this day (checker.run.today).
TODAY = "2026-12-01"

# (snapshot name, draft, archive folder), paths from the repository root.
CHECKS = [
    ("check-helion-robotics-draft", "fixtures/helion-robotics/draft_en.md", "fixtures/helion-robotics"),
    ("check-code-red-draft", "tests/data/drafts/code-red-draft.md", "fixtures/openai"),
]


def stories() -> list[str]:
    return sorted(p.parent.name for p in FIXTURES.glob("*/manifest.yaml"))


def suite_sets() -> list[str]:
    return sorted(p.name for p in (FIXTURES / "suite").iterdir() if p.is_dir() and any(p.glob("*.yaml")))


def _invoke(args: list[str]) -> str:
    """The CLI's standard output for `args`, run in-process from the repository root."""
    from typer.testing import CliRunner

    from checker.cli import app

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, args)
    finally:
        os.chdir(here)
    if result.exit_code not in (0, 1) or result.exception and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"claimcheck {' '.join(args)} exited {result.exit_code}: "
                             f"{(result.stderr or '')[:500]} {result.exception!r}")
    return result.stdout


def normalize(text: str, tmp: str | None = None) -> str:
    """The JSON `text` as stored: the generation time dropped, a temporary folder named
    SUITE_DIR, one key a line (a diff shows what moved)."""
    if tmp:
        text = text.replace(json.dumps(tmp)[1:-1], SUITE_DIR)
    data = json.loads(text)
    if isinstance(data.get("run"), dict):
        data["run"].pop("generated", None)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _story(name: str, command: str) -> Callable[[], str]:
    def make() -> str:
        args = [command, f"fixtures/{name}", "--format", "json"]
        if command == "audit":
            args += ["--fail-on", "never"]
        return normalize(_invoke(args))
    return make


def _check(draft: str, archive: str) -> Callable[[], str]:
    def make() -> str:
        return normalize(_invoke(["check", draft, "--against", archive, "--format", "json", "--fail-on", "never"]))
    return make


def _suite(suite_set: str) -> Callable[[], str]:
    def make() -> str:
        from tests.scoring import suite as scorer

        cases = scorer.load_cases(sorted((FIXTURES / "suite" / suite_set).glob("*.yaml")))
        with tempfile.TemporaryDirectory() as tmp:
            scorer.write_documents(cases, tmp)
            return normalize(_invoke(["claims", tmp, "--format", "json"]), tmp)
    return make


def runs() -> dict[str, Callable[[], str]]:
    """Snapshot name -> a function giving its JSON text now."""
    out: dict[str, Callable[[], str]] = {}
    for name in stories():
        out[f"story-{name}.audit"] = _story(name, "audit")
        out[f"story-{name}.claims"] = _story(name, "claims")
    for name, draft, archive in CHECKS:
        out[name] = _check(draft, archive)
    for name in suite_sets():
        out[f"suite-{name}.claims"] = _suite(name)
    return out


def path_of(name: str) -> Path:
    return HERE / f"{name}.json"


def environment() -> None:
    """A fixed day for undated drafts."""
    os.environ["CLAIMCHECK_TODAY"] = TODAY


def update(prefixes: list[str] = ()) -> Iterator[tuple[str, bool]]:
    """Write the snapshots whose name starts with one of `prefixes` (all without); yields
    (name, changed)."""
    environment()
    for name, make in runs().items():
        if prefixes and not any(name.startswith(p) for p in prefixes):
            continue
        text = make()
        path = path_of(name)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8")
        yield name, old != text
