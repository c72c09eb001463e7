from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

# The claims cache of a test run is its own (empty at the start), never the user's; subprocesses
# inherit it.
os.environ["CLAIMCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="claimcheck-test-cache-")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="tests/test_snapshots.py writes the JSON snapshots instead of comparing "
                          "(the same as `python -m tests.snapshots.update`)")


class Result:
    def __init__(self, r):
        self.exit_code, self.stdout, self.stderr = r.exit_code, r.stdout, r.stderr
        self.exception = r.exception

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def cli():
    runner = CliRunner()

    def run(*args: str) -> Result:
        return Result(runner.invoke(app, [str(a) for a in args]))

    return run


@pytest.fixture(scope="session")
def seed_report():
    from checker.run import audit

    return audit([FIXTURES / "openai"])
