"""The seed corpus end to end: the code-red contradiction, its anomaly, no false alarm."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT, SHARED


def test_code_red_contradiction_is_an_error_with_both_sentences(seed_report):
    found = [f for f in seed_report.findings if f.kind == "contradiction" and f.predicate == "event_date"]
    code_red = [f for f in found if "code-red" in f.subject.id]
    assert len(code_red) == 1
    f = code_red[0]
    assert f.severity == "error"
    assert set(f.docs) == {"000_d2a00caa719a37ee", "001_9cce78ee4fb8eaa2"}
    assert sorted(f.values) == ["2025-12", "2026-12"]
    texts = " ".join(e.text for e in f.evidence)
    assert "В декабре" in texts and "2026年12月" in texts


def test_code_red_after_publication_is_an_anomaly(seed_report):
    anomalies = [f for f in seed_report.findings if f.kind == "anomaly"]
    assert [f.docs for f in anomalies if "code-red" in f.subject.id] == [["001_9cce78ee4fb8eaa2"]]


def test_spans_point_into_the_original_text(seed_report):
    docs = {d.id: d for d in seed_report.documents}
    for c in seed_report.claims:
        s, e = c.span
        assert docs[c.doc].text[s:e] == c.text


def test_repeated_paragraph_and_furniture_yield_no_claims(seed_report):
    doc = next(d for d in seed_report.documents if d.id.startswith("000"))
    first_para_end = doc.text.index("\n")
    assert not [c for c in seed_report.claims if c.doc == doc.id and first_para_end < c.span[0] < 2 * first_para_end + 1]
    assert not [c for c in seed_report.claims if "粤公网安备" in c.text or "التعليقات" in c.text]


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="../shared/tools/score.py not present")
def test_shared_scorer_passes_on_the_seed_corpus(tmp_path, cli):
    r = cli("audit", FIXTURES / "openai", "--format", "json", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    report = tmp_path / "report.json"
    report.write_text(r.stdout, encoding="utf-8")
    score = subprocess.run([sys.executable, SHARED / "tools" / "score.py", "--gold", FIXTURES / "openai" / "gold.yaml",
                            "--report", report], capture_output=True, text=True)
    assert score.returncode == 0, score.stdout + score.stderr


def test_json_report_has_the_contract_fields(cli):
    r = cli("audit", FIXTURES / "openai", "--format", "json")
    assert r.exit_code == 1  # the code-red contradiction is an error
    data = r.json()
    assert data["version"] == 1
    assert {"id", "path", "lang", "published", "title"} <= set(data["documents"][0])
    assert {"id", "doc", "predicate", "subject", "value", "time", "text", "span"} <= set(data["claims"][0])
    f = data["findings"][0]
    assert {"id", "kind", "predicate", "severity", "subject", "claims", "docs", "values", "message"} <= set(f)


def test_fail_on_never_exits_zero_and_text_names_both_documents(cli):
    r = cli("audit", FIXTURES / "openai", "--fail-on", "never")
    assert r.exit_code == 0
    assert "000_d2a00caa719a37ee" in r.stdout and "001_9cce78ee4fb8eaa2" in r.stdout


def test_schema_is_the_report_json_schema(cli):
    r = cli("schema")
    assert r.exit_code == 0
    schema = json.loads(r.stdout)
    assert set(schema["required"]) >= {"documents", "claims", "findings"}
    assert "Finding" in schema["$defs"]


def test_console_script_runs(tmp_path):
    exe = ROOT / ".venv" / "bin" / "claimcheck"
    if not exe.exists():
        pytest.skip("console script not installed")
    r = subprocess.run([exe, "rules"], capture_output=True, text=True)
    assert r.returncode == 0 and "CC101" in r.stdout


def test_readme_shows_what_make_demo_prints():
    """The README's quick start is the demo's real output: the audit of fixtures/openai between
    make's echo of the audit command and its echo of the HTML one."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("What `make demo` prints", 1)[1].split("```\n", 1)[1].split("```", 1)[0]
    lines = block.splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith("claimcheck audit fixtures/openai --fail-on never"))
    end = next(i for i, line in enumerate(lines) if "--format html" in line)
    shown = "\n".join(lines[start + 1:end]).strip()
    run = subprocess.run([sys.executable, "-m", "checker.cli", "audit", "fixtures/openai", "--fail-on", "never"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "NO_COLOR": "1"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == shown, "README.md's quick start no longer shows what `make demo` prints: update it"
