"""The CI check on drafts: `claimcheck check DRAFT --against ARCHIVE` in every machine format,
ignore comments, the baseline, the pre-commit hook and the GitHub Actions example."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, ROOT

ARCHIVE = FIXTURES / "openai"
DRAFT = ROOT / "tests" / "data" / "drafts" / "code-red-draft.md"
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
CODE_RED = "2026年12月"
# A second contradiction: the archive values the company at 5000亿美元 the same week.
NEW_VALUATION = "这家估值高达3000亿美元的企业,正将重心从长期基础研究转向其旗舰产品。"
ANNOTATION = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<msg>.*)$")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def annotations(stdout: str) -> list[dict]:
    out = []
    for line in stdout.splitlines():
        m = ANNOTATION.match(line)
        if m:
            props = dict(p.split("=", 1) for p in m.group("props").split(","))
            out.append({"level": m.group(1), **props, "message": m.group("msg")})
    return out


@pytest.fixture
def draft(tmp_path) -> Path:
    """A copy of the code-red draft that a test may edit."""
    path = tmp_path / "code-red-draft.md"
    shutil.copy(DRAFT, path)
    return path


def insert_before(path: Path, needle: str, text: str) -> None:
    body = path.read_text(encoding="utf-8")
    path.write_text(body.replace(needle, text + needle, 1), encoding="utf-8")


def test_github_annotation_points_at_the_code_red_line(cli, draft):
    r = cli("check", draft, "--against", ARCHIVE, "--format", "github")
    assert r.exit_code == 1, r.stderr
    expected_line = line_of(draft.read_text(encoding="utf-8"), CODE_RED)
    errors = [a for a in annotations(r.stdout) if a["level"] == "error"]
    assert errors, r.stdout
    code_red = [a for a in errors if a["title"].startswith("CC101")]
    assert len(code_red) == 1
    a = code_red[0]
    assert Path(a["file"]).name == draft.name
    assert int(a["line"]) == expected_line and int(a["col"]) == 1
    # The message names the other side, with its sentence, on lines of its own (%0A).
    assert "%0A" in a["message"] and "000_d2a00caa719a37ee" in a["message"]
    # Only the draft is annotated, never the archive.
    assert all(Path(x["file"]).name == draft.name for x in annotations(r.stdout))


def test_the_same_draft_with_an_ignore_comment_passes(cli, draft):
    insert_before(draft, CODE_RED, "<!-- claimcheck: ignore CC101 -- we follow the archive's date -->\n")
    r = cli("check", draft, "--against", ARCHIVE, "--format", "github")
    assert r.exit_code == 0, r.stdout
    assert not [a for a in annotations(r.stdout) if a["level"] == "error"]
    report = cli("check", draft, "--against", ARCHIVE, "--format", "json").json()
    suppressed = [f for f in report["findings"] if f["rule"] == "CC101"]
    assert suppressed and "we follow the archive's date" in suppressed[0]["suppressed"]
    assert f"{draft}:{line_of(draft.read_text(encoding='utf-8'), '<!--')}" in suppressed[0]["suppressed"]


def test_an_ignore_block_with_blank_lines_and_a_rule_name_passes(cli, draft):
    insert_before(draft, CODE_RED, "<!-- claimcheck: ignore-start event-date-conflict, CC102 -->\n\n")
    body = draft.read_text(encoding="utf-8").replace("紧迫性。\n", "紧迫性。\n<!-- claimcheck: ignore-end -->\n", 1)
    draft.write_text(body, encoding="utf-8")
    r = cli("check", draft, "--against", ARCHIVE, "--format", "json", "--fail-on", "warning")
    assert r.exit_code == 0, r.stdout
    assert all(f["suppressed"] for f in r.json()["findings"])


def test_an_ignore_comment_for_another_rule_suppresses_nothing_and_says_so(cli, draft):
    insert_before(draft, CODE_RED, "<!-- claimcheck: ignore CC201 -->\n")
    r = cli("check", draft, "--against", ARCHIVE, "--format", "json")
    assert r.exit_code == 1
    data = r.json()
    assert not any(f["suppressed"] for f in data["findings"] if f["rule"] == "CC101")
    assert any("suppressed nothing" in n for n in data["notes"])


def test_a_baseline_made_today_passes_today_and_fails_on_a_new_contradiction(cli, draft, tmp_path):
    baseline = tmp_path / "baseline.json"
    r = cli("baseline", draft, "--against", ARCHIVE, "--output", baseline)
    assert r.exit_code == 0, r.stderr
    stored = json.loads(baseline.read_text(encoding="utf-8"))
    assert any(f["rule"] == "CC101" for f in stored["findings"])
    assert all(re.fullmatch(r"[0-9a-f]{16}", f["fingerprint"]) for f in stored["findings"])

    args = ("check", draft, "--against", ARCHIVE, "--baseline", baseline, "--fail-on", "warning", "--format", "github")
    r = cli(*args)
    assert r.exit_code == 0, r.stdout
    assert annotations(r.stdout) == []

    # Fingerprints hold no line numbers: text added above the known finding changes nothing.
    insert_before(draft, CODE_RED, "据报道,公司内部对此意见不一。\n\n")
    assert cli(*args).exit_code == 0

    body = draft.read_text(encoding="utf-8")
    draft.write_text(body.rstrip("\n") + "\n\n" + NEW_VALUATION + "\n", encoding="utf-8")
    r = cli(*args)
    assert r.exit_code == 1, r.stdout
    new = annotations(r.stdout)
    assert new and {int(a["line"]) for a in new} == {line_of(draft.read_text(encoding="utf-8"), NEW_VALUATION)}
    report = cli("check", draft, "--against", ARCHIVE, "--baseline", baseline, "--format", "json").json()
    assert [f["suppressed"] for f in report["findings"] if f["rule"] == "CC101"] == ["in baseline"]


def test_a_baseline_of_the_archive_does_not_hide_a_draft_repeating_its_conflict(cli, draft, tmp_path):
    baseline = tmp_path / "archive-baseline.json"
    assert cli("baseline", ARCHIVE, "--output", baseline).exit_code == 0
    assert cli("audit", ARCHIVE, "--baseline", baseline, "--fail-on", "warning").exit_code == 0
    r = cli("check", draft, "--against", ARCHIVE, "--baseline", baseline, "--format", "github")
    assert r.exit_code == 1
    assert any(a["title"].startswith("CC101") for a in annotations(r.stdout))


def test_bad_baseline_and_missing_archive_are_one_line_errors(cli, draft, tmp_path, monkeypatch):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    for args, code in ((("--baseline", broken), "E604"), (("--baseline", tmp_path / "none.json"), "E603")):
        r = cli("check", draft, "--against", ARCHIVE, *args)
        assert r.exit_code == 2
        assert r.stderr.count("\n") == 1 and r.stderr.startswith(f"claimcheck: {code} ")
    monkeypatch.chdir(tmp_path)  # no configuration up from here: no archive
    r = cli("check", draft)
    assert r.exit_code == 2 and r.stderr.startswith("claimcheck: E605 ")


def test_sarif_validates_against_the_sarif_2_1_0_schema(cli, draft, tmp_path):
    from jsonschema import Draft4Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    validator = Draft4Validator(schema)
    r = cli("check", draft, "--against", ARCHIVE, "--format", "sarif")
    assert r.exit_code == 1
    log = r.json()
    errors = sorted(validator.iter_errors(log), key=lambda e: e.path)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    run = log["runs"][0]
    result = next(x for x in run["results"] if x["ruleId"] == "CC101")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == line_of(draft.read_text(encoding="utf-8"), CODE_RED)
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "CC101"
    assert result["relatedLocations"] and result["partialFingerprints"]

    # Suppressions (an ignore comment, the baseline) are part of the schema too.
    baseline = tmp_path / "b.json"
    cli("baseline", draft, "--against", ARCHIVE, "--output", baseline)
    insert_before(draft, CODE_RED, "<!-- claimcheck: ignore CC101 -- checked -->\n")
    log = cli("check", draft, "--against", ARCHIVE, "--format", "sarif", "--baseline", baseline).json()
    assert not list(validator.iter_errors(log))
    kinds = {s["kind"] for x in log["runs"][0]["results"] for s in x.get("suppressions", [])}
    assert kinds == {"inSource", "external"}


def test_junit_has_a_failing_case_at_the_draft_line(cli, draft):
    r = cli("check", draft, "--against", ARCHIVE, "--format", "junit")
    assert r.exit_code == 1
    root = ET.fromstring(r.stdout.encode("utf-8"))
    suites = root.findall("testsuite")
    assert [Path(s.get("name")).name for s in suites] == [draft.name]
    failing = [c for c in suites[0].findall("testcase") if c.find("failure") is not None]
    assert any(c.get("classname").startswith("CC101") and
               c.get("line") == str(line_of(draft.read_text(encoding="utf-8"), CODE_RED)) for c in failing)
    assert int(root.get("failures")) == len(failing) and int(root.get("tests")) >= len(failing)


def test_json_and_text_formats(cli, draft):
    data = cli("check", draft, "--against", ARCHIVE, "--format", "json").json()
    code_red = next(f for f in data["findings"] if f["rule"] == "CC101")
    mine = [e for e in code_red["evidence"] if e["doc"] == draft.stem]
    assert mine[0]["line"] == line_of(draft.read_text(encoding="utf-8"), CODE_RED)
    r = cli("check", draft, "--against", ARCHIVE)
    assert r.exit_code == 1 and "\x1b[" not in r.stdout  # no colour when not on a terminal
    assert f"{draft}:{mine[0]['line']}:1" in r.stdout  # path:line:column, as editors open it


def test_an_html_draft_points_at_the_line_of_the_html_source(cli, tmp_path):
    body = DRAFT.read_text(encoding="utf-8").split("---", 2)[2]
    paras = [p.strip() for p in body.split("\n\n") if p.strip() and not p.startswith("#")]
    filler = "<p>OpenAI 的研究人员表示,公司内部对研究方向存在分歧。</p>\n"
    html = ("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head><meta charset=\"utf-8\"><title>草稿</title></head>\n<body>\n"
            "<article>\n<h1>OpenAI 的战略转向</h1>\n" + filler +
            "".join(f"<p>\n  {p.replace('Sam Altman', '<b>Sam Altman</b>')}\n</p>\n" for p in paras) +
            "</article>\n</body>\n</html>\n")
    path = tmp_path / "draft.html"
    path.write_text(html, encoding="utf-8")
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("documents:\n  draft.html: {published: 2026-02-10, lang: zh-Hans}\n", encoding="utf-8")
    r = cli("check", path, "--against", ARCHIVE, "--format", "github")
    assert r.exit_code == 1, r.stderr
    a = next(a for a in annotations(r.stdout) if a["title"].startswith("CC101"))
    assert int(a["line"]) == line_of(html, CODE_RED)
    assert int(a["col"]) == 3  # after the two spaces of indentation


def test_several_drafts_at_once_as_pre_commit_passes_them(cli, draft, tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("---\npublished: 2026-02-10\nlang: zh-Hans\n---\n分析人士认为,竞争压力仍在加大。\n", encoding="utf-8")
    r = cli("check", clean, draft, "--against", ARCHIVE, "--format", "junit")
    assert r.exit_code == 1
    suites = {Path(s.get("name")).name: s for s in ET.fromstring(r.stdout.encode()).findall("testsuite")}
    assert set(suites) == {"clean.md", draft.name}
    assert suites["clean.md"].get("failures") == "0" and suites[draft.name].get("failures") != "0"
    assert cli("check", clean, "--against", ARCHIVE).exit_code == 0


def _run_hook(hook: dict, files: list[Path], cwd: Path) -> subprocess.CompletedProcess:
    argv = shlex.split(hook["entry"]) + list(hook.get("args", [])) + [str(f) for f in files]
    exe = Path(sys.executable).with_name(argv[0])
    assert exe.exists(), f"{argv[0]} is not installed beside {sys.executable}"
    return subprocess.run([str(exe), *argv[1:]], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_COLOR": "1"})


def test_pre_commit_hook_runs_on_staged_drafts_against_the_configured_archive(draft, tmp_path):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "claimcheck")
    assert hook["language"] == "python" and hook.get("pass_filenames", True)
    files = re.compile(hook["files"])
    assert files.search("drafts/a.md") and files.search("b.txt") and files.search("c.html")
    assert not files.search("pyproject.toml")
    (tmp_path / "pyproject.toml").write_text(f'[tool.claimcheck]\narchive = ["{ARCHIVE.as_posix()}"]\n',
                                             encoding="utf-8")
    proc = _run_hook(hook, [draft.relative_to(tmp_path)], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "CC101" in proc.stdout and draft.name in proc.stdout
    insert_before(draft, CODE_RED, "<!-- claimcheck: ignore CC101 -->\n")
    proc = _run_hook(hook, [draft.relative_to(tmp_path)], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_github_actions_example_in_the_readme_parses():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    workflows = [yaml.safe_load(b) for b in blocks if "runs-on" in b]
    assert workflows, "README has no GitHub Actions workflow"
    wf = workflows[0]
    assert wf.get(True, wf.get("on"))  # YAML 1.1 reads the key `on` as True
    steps = [s for job in wf["jobs"].values() for s in job["steps"]]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "claimcheck check" in runs and "--format github" in runs
    assert any("upload-sarif" in s.get("uses", "") for s in steps)


def _pty_run(args: list[str]) -> tuple[int, bytes, str]:
    """Run claimcheck with standard error on a pseudo-terminal; standard output to a pipe."""
    import pty
    import select

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.Popen([str(Path(sys.executable).with_name("claimcheck")), *args], stdout=subprocess.PIPE,
                            stderr=slave, cwd=ROOT, env={**env, "TERM": "xterm", "COLUMNS": "100"})
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    out = proc.stdout.read().decode()
    proc.wait(timeout=120)
    os.close(master)
    return proc.returncode, seen, out


def test_progress_bar_on_a_terminal_only_and_never_in_machine_formats():
    code, tty, out = _pty_run(["audit", str(ARCHIVE), "--fail-on", "never"])
    assert code == 0
    assert b"reading" in tty and b"/5" in tty  # the bar counts documents
    assert "reading" not in out
    code, tty, out = _pty_run(["audit", str(ARCHIVE), "--fail-on", "never", "--format", "github"])
    assert code == 0 and b"reading" not in tty
    assert out.strip().splitlines()[-1].startswith("claimcheck: ")
