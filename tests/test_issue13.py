"""No silent all-clear (issue 13): undated drafts, outputs onto inputs, missing stores, unlisted and
unreadable articles, unknown rule codes, `parse --format json`, the cache, the small things and
the HTML report's missing pieces. Each test fails on the behaviour before the fix."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, ROOT

ARCHIVE = FIXTURES / "openai"
# A draft as an editor writes it: no front matter, "In December" relative to when it is published.
DRAFT = ("# OpenAI shifts to ChatGPT\n\nOpenAI is moving its focus from long-term research to ChatGPT.\n\n"
         "In December, chief executive Sam Altman declared a code red.\n")
RU = "000_d2a00caa719a37ee.txt"
ZH = "001_9cce78ee4fb8eaa2.txt"


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def draft(tmp_path) -> Path:
    p = tmp_path / "draft.md"
    p.write_text(DRAFT, encoding="utf-8")
    return p


@pytest.fixture
def archive(tmp_path) -> Path:
    """A copy of the seed archive a test may change."""
    dst = tmp_path / "archive"
    shutil.copytree(ARCHIVE, dst)
    return dst


def undate(archive: Path, name: str) -> None:
    manifest = archive / "manifest.yaml"
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    data["documents"][name].pop("published")
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


# 1. A draft without a date is checked as of today; every format shows the undated documents.

def test_undated_draft_is_checked_as_of_today_and_has_its_conflict(cli, draft, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_TODAY", "2026-02-10")
    r = cli("check", draft, "--against", ARCHIVE, "--format", "json")
    assert r.exit_code == 1, r.stdout + r.stderr
    data = r.json()
    doc = next(d for d in data["documents"] if d["id"] == "draft")
    assert doc["published"] == "2026-02-10"
    assert any("taken as today, 2026-02-10" in n for n in doc["notes"])
    assert [f["rule"] for f in data["findings"]] == ["CC101"]
    assert "2025-12" in [e["value"] for e in data["findings"][0]["evidence"] if e["doc"] == "draft"]
    assert data["undated"] == [{"doc": "draft", "path": str(draft), "assumed": "2026-02-10", "unresolved": 0,
                                "message": data["undated"][0]["message"]}]
    assert "today" in data["undated"][0]["message"]


def test_undated_draft_without_override_is_dated_today(cli, draft, monkeypatch):
    monkeypatch.delenv("CLAIMCHECK_TODAY", raising=False)
    r = cli("check", draft, "--against", ARCHIVE, "--format", "json", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    doc = next(d for d in r.json()["documents"] if d["id"] == "draft")
    assert doc["published"] == dt.date.today().isoformat()
    assert "undated:" in cli("check", draft, "--against", ARCHIVE, "--fail-on", "never").stdout


def test_a_dated_draft_is_left_as_it_is(cli, tmp_path):
    p = tmp_path / "dated.md"
    p.write_text("---\npublished: 2026-02-05\n---\n" + DRAFT, encoding="utf-8")
    data = cli("check", p, "--against", ARCHIVE, "--format", "json").json()
    assert next(d for d in data["documents"] if d["id"] == "dated")["published"] == "2026-02-05"
    assert data["undated"] == []
    assert [f["rule"] for f in data["findings"]] == ["CC101"]


@pytest.mark.parametrize("fmt,needle", [
    ("text", "undated: "),
    ("github", "title=undated::"),
    ("sarif", '"id": "undated"'),
    ("junit", 'classname="claimcheck.undated"'),
    ("html", "undated</span>"),
])
def test_every_format_shows_undated_documents_and_their_cost(cli, archive, fmt, needle):
    undate(archive, RU)
    r = cli("audit", archive, "--format", fmt, "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    assert needle in r.stdout
    assert RU in r.stdout
    data = cli("audit", archive, "--format", "json", "--fail-on", "never").json()
    [u] = data["undated"]
    assert u["doc"] == RU.removesuffix(".txt") and u["assumed"] is None
    assert u["unresolved"] >= 1  # "В декабре": the code-red date it can no longer place
    assert f"{u['unresolved']} claim" in u["message"] and "compared with nothing" in u["message"]
    if fmt == "text":
        assert "compared with nothing" in r.stdout


# 2. --output onto an input is refused; the input stays as it was.

@pytest.mark.parametrize("target", ["draft", "article", "manifest"])
def test_output_onto_an_input_is_refused(cli, draft, archive, target):
    path = {"draft": draft, "article": archive / RU, "manifest": archive / "manifest.yaml"}[target]
    before = sha(path)
    r = cli("check", draft, "--against", archive, "--output", path)
    assert r.exit_code == 2
    assert "E115" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert sha(path) == before


def test_audit_output_onto_an_article_is_refused(cli, archive):
    before = sha(archive / ZH)
    r = cli("audit", archive, "--format", "json", "--output", archive / ZH)
    assert r.exit_code == 2 and "E115" in r.stderr
    assert sha(archive / ZH) == before


# 3. A store that does not exist is an error for audit and check; only index creates one.

@pytest.mark.parametrize("command", ["audit", "check"])
def test_a_missing_store_is_an_error_and_is_not_created(cli, tmp_path, draft, command):
    store = tmp_path / "no" / "such" / "claims.db"
    args = ["audit", "--store", store] if command == "audit" else ["check", draft, "--store", store]
    r = cli(*args)
    assert r.exit_code == 2, r.stdout
    assert "E503" in r.stderr and "no such claim store" in r.stderr
    assert not (tmp_path / "no").exists()


def test_a_missing_sqlite_url_is_an_error_too(cli, tmp_path):
    r = cli("audit", "--store", f"sqlite:///{tmp_path / 'x.db'}")
    assert r.exit_code == 2 and "E503" in r.stderr
    assert not (tmp_path / "x.db").exists()


# 4. Articles a manifest does not list are read, with a note.

def test_an_article_the_manifest_does_not_list_is_read(cli, archive):
    new = archive / "005_new.txt"
    shutil.copy(archive / ZH, new)
    r = cli("audit", archive, "--format", "json", "--fail-on", "never")
    data = r.json()
    assert "005_new" in [d["id"] for d in data["documents"]]
    assert data["unlisted"] == [str(new)]
    assert any("005_new" in f["docs"] for f in data["findings"])
    text = cli("audit", archive, "--fail-on", "never").stdout
    assert "unlisted: " in text and "005_new.txt" in text


# 5. An unreadable file is reported and the rest read; the exit code says input was skipped.

def test_an_unreadable_file_does_not_stop_the_archive(cli, archive):
    (archive / "empty.txt").write_text("")
    r = cli("audit", archive, "--format", "json")
    assert r.exit_code == 2
    data = r.json()
    assert len(data["documents"]) == 5
    assert any(f["rule"] == "CC101" for f in data["findings"])
    assert data["errors"] == [{"code": "E103", "path": str(archive / "empty.txt"), "message": "file is empty"}]
    assert "E103" in r.stderr and "empty.txt" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("fmt,needle", [
    ("text", "unreadable: "),
    ("github", "::error file="),
    ("sarif", '"id": "E103"'),
    ("junit", '<error message="E103'),
    ("html", "E103"),
])
def test_every_format_reports_the_unreadable_file(cli, archive, fmt, needle):
    (archive / "empty.txt").write_text("")
    r = cli("audit", archive, "--format", fmt, "--fail-on", "never")
    assert r.exit_code == 2
    assert needle in r.stdout and "empty.txt" in r.stdout


def test_an_unreadable_draft_is_still_an_error(cli, tmp_path):
    p = tmp_path / "empty.md"
    p.write_text("")
    r = cli("check", p, "--against", ARCHIVE)
    assert r.exit_code == 2 and "E103" in r.stderr


def test_same_file_name_in_two_sub_folders_gets_path_ids(cli, tmp_path):
    for sub, name in (("a", RU), ("b", ZH)):
        (tmp_path / sub).mkdir()
        shutil.copy(ARCHIVE / name, tmp_path / sub / "story.txt")
    r = cli("audit", tmp_path, "--format", "json", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    ids = sorted(d["id"] for d in r.json()["documents"])
    assert ids == ["a/story", "b/story"]


# 6. Unknown rule codes are an error; codes are case-insensitive.

def test_unknown_disable_code_is_an_error(cli):
    r = cli("audit", ARCHIVE, "--disable", "CC999")
    assert r.exit_code == 2 and "E609" in r.stderr and "CC999" in r.stderr


def test_disable_is_case_insensitive(cli):
    r = cli("audit", ARCHIVE, "--disable", "cc101", "--format", "json", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    assert "CC101" not in [f["rule"] for f in r.json()["findings"]]
    r = cli("audit", ARCHIVE, "--disable", "Event-Date-Conflict", "--format", "json", "--fail-on", "never")
    assert "CC101" not in [f["rule"] for f in r.json()["findings"]]


def test_unknown_code_in_the_configuration_is_an_error(cli, tmp_path):
    cfg = tmp_path / "claimcheck.toml"
    cfg.write_text('disable = ["CC102", "CC777"]\n')
    r = cli("audit", ARCHIVE, "--config", cfg)
    assert r.exit_code == 2 and "E609" in r.stderr and "CC777" in r.stderr


# 8. parse --format json gives the contract's value shapes.

def test_parse_json_gives_structured_values(cli):
    r = cli("parse", "In 2016 OpenAI raised $5 million.", "--lang", "en", "--format", "json")
    assert r.exit_code == 0, r.stderr
    rows = r.json()
    money = next(x for x in rows if x["dim"] == "money")
    assert money["value"]["type"] == "money"
    assert money["value"]["amount"] == 5.0e6 and money["value"]["currency"] == "USD"
    assert money["display"] == "5M USD"
    time = next(x for x in rows if x["dim"] == "time")
    assert time["value"]["type"] == "time" and time["value"]["start"] == "2016-01-01"
    assert time["value"]["granularity"] == "year"
    assert not [x for x in rows if x["dim"] == "number"]  # the year's digits are not a number


# 9. The smaller things.

def test_version(cli):
    r = cli("--version")
    assert r.exit_code == 0 and r.stdout.startswith("claimcheck ")


@pytest.mark.parametrize("command", ["audit", "check", "index", "claims", "parse", "baseline"])
def test_help_shows_no_python_types(cli, command):
    out = cli(command, "--help").stdout
    assert "<bool>" not in out and "list[" not in out and "<str>" not in out and "<path>" not in out


def test_one_finding_is_singular(cli, draft, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_TODAY", "2026-02-10")
    out = cli("check", draft, "--against", ARCHIVE).stdout
    assert ", 1 finding\n" in out.splitlines()[0] + "\n"


def test_output_to_a_file_says_what_it_wrote(cli, tmp_path):
    out = tmp_path / "report.html"
    r = cli("audit", ARCHIVE, "-o", out, "--format", "html", "--fail-on", "never")
    assert r.exit_code == 0
    assert f"wrote {out}" in r.stderr and "2 findings" in r.stderr


def test_reports_follow_the_umask(tmp_path):
    out = tmp_path / "r.json"
    code = ("import os, sys; os.umask(0o022); from checker.cli import main; "
            f"sys.argv = ['claimcheck', 'audit', {str(ARCHIVE)!r}, '-f', 'json', '-o', {str(out)!r}, '--fail-on', 'never']; main()")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, timeout=300,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_dash_is_standard_input(draft, monkeypatch):
    from typer.testing import CliRunner

    from checker.cli import app

    monkeypatch.setenv("CLAIMCHECK_TODAY", "2026-02-10")
    r = CliRunner().invoke(app, ["check", "-", "--against", str(ARCHIVE), "--format", "json"], input=DRAFT)
    assert r.exit_code == 1, r.stderr
    data = json.loads(r.stdout)
    assert "<stdin>" in [d["path"] for d in data["documents"]]
    assert [f["rule"] for f in data["findings"]] == ["CC101"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_on_stdout_is_one_line(tmp_path):
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "checker.cli", "audit", str(ARCHIVE), "--format", "json"],
                             cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True, timeout=300,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "E111 standard output" in run.stderr


def test_progress_says_matching_after_reading(draft):
    from checker.run import check

    events = []

    class Bar:
        def start(self, total):
            events.append(("start", total))

        def __call__(self, doc):
            events.append(("doc", doc.id))

        def stage(self, name):
            events.append(("stage", name))

    check([draft], [ARCHIVE], progress=Bar())
    assert events[0] == ("start", 6) and events[-1] == ("stage", "matching")


def test_messages_name_documents_by_title_or_source(seed_report):
    f = next(f for f in seed_report.findings if f.rule == "CC101" and "code-red" in f.subject.id)
    assert "(Russian retelling of a Financial Times report)" in f.message
    assert "(nmedialink.com)" in f.message


def test_long_lists_of_documents_are_summarized():
    from checker.matcher import doc_list
    from claims.model import Document

    docs = {f"d{i}": Document(id=f"d{i}", path=f"d{i}.txt", lang="en", source=f"Paper {i}") for i in range(200)}
    text = doc_list(list(docs), docs)
    assert text.startswith("200 documents (d0 (Paper 0), d1 (Paper 1), d2 (Paper 2) and 197 more)")
    assert "d150" not in text


# 7. The cache: by content and version; --no-cache.

def test_a_warm_run_reads_claims_from_the_cache(draft, tmp_path, monkeypatch):
    import claims.pipeline
    from checker.run import check

    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CLAIMCHECK_TODAY", "2026-02-10")
    cold = check([draft], [ARCHIVE])
    assert list((tmp_path / "cache").rglob("*.json"))

    def boom(*a, **k):
        raise AssertionError("extracted again")

    monkeypatch.setattr(claims.pipeline, "extract_claims", boom)
    warm = check([draft], [ARCHIVE])
    assert warm.model_dump(exclude={"run"}) == cold.model_dump(exclude={"run"})
    with pytest.raises(AssertionError, match="extracted again"):
        check([draft], [ARCHIVE], cache=False)


def test_the_cache_key_holds_the_code_version(draft, tmp_path, monkeypatch):
    import checker.cache as cache
    from claims.read import load_documents

    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    doc = load_documents([draft]).documents[0]
    before = cache._entry(doc, ())
    monkeypatch.setattr(cache, "code_version", lambda: "another-version")
    assert cache._entry(doc, ()) != before
    doc.text += " "
    assert cache.key(doc, ()) != cache.key(load_documents([draft]).documents[0], ())


def test_code_version_covers_the_lexicons():
    import checker.cache as cache

    files = [p for p in (ROOT / "claims").rglob("lexicon.yaml")]
    assert files
    cache.code_version.cache_clear()
    v = cache.code_version()
    assert len(v) == 20


def test_no_cache_flag(cli, draft, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    r = cli("check", draft, "--against", ARCHIVE, "--no-cache", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    assert not (tmp_path / "cache").exists()


# HTML: links, undated flagged, which side the sources support, when and from what, grouping.

def _page(cli, *args):
    import lxml.html

    r = cli(*args, "--format", "html", "--fail-on", "never")
    assert r.exit_code in (0, 2), r.stderr
    return lxml.html.fromstring(r.stdout)


def test_html_links_every_document(cli):
    page = _page(cli, "audit", ARCHIVE)
    hrefs = set(page.xpath("//table//a/@href"))
    assert (ARCHIVE / RU).resolve().as_uri() in hrefs
    assert len(hrefs) == 5
    assert (ARCHIVE / RU).resolve().as_uri() in page.xpath("//article//a/@href")


def test_html_links_a_source_url(cli, archive):
    manifest = archive / "manifest.yaml"
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    data["documents"][ZH]["source"] = "https://example.org/story"
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    page = _page(cli, "audit", archive)
    assert "https://example.org/story" in page.xpath("//a/@href")


def test_html_flags_undated_documents(cli, archive):
    undate(archive, RU)
    page = _page(cli, "audit", archive)
    rows = page.xpath("//tr[contains(@class, 'undated')]")
    assert len(rows) == 1 and RU.removesuffix(".txt") in rows[0].text_content()


def test_html_says_which_side_the_sources_support_in_an_audit(cli, archive):
    shutil.copy(archive / ZH, archive / "005_copy.txt")
    page = _page(cli, "audit", archive)
    card = next(c for c in page.xpath("//article") if "code red" in c.text_content() and "CC101" in c.text_content())
    support = [" ".join(p.text_content().split()) for p in card.xpath(".//p[@class='support']")]
    assert "2026-12: 2 sources (most sources)" in support
    assert "2025-12: 1 source (fewer sources)" in support


def test_html_says_when_and_from_what(cli):
    page = _page(cli, "audit", ARCHIVE)
    made = page.xpath("string(//p[@class='made'])")
    assert "claimcheck audit" in made and str(ARCHIVE) in made and "UTC" in made


def _one_against_two_hundred(folder: str):
    """A report of one finding: d0 dates an event 2026-12, two hundred sources say 2025-12."""
    from checker.findings import Evidence, Finding, Report, SubjectRef
    from claims.model import Document

    docs = [Document(id=f"d{i}", path=f"{folder}d{i}.txt", lang="en") for i in range(201)]
    ev = [Evidence(claim=f"d{i}#c1", doc=f"d{i}", lang="en", text="x", span=(0, 1),
                   value="2025-12" if i else "2026-12") for i in range(201)]
    f = Finding(id="F1", kind="contradiction", predicate="event_date", severity="error",
                subject=SubjectRef(id="event:x", name="x"), claims=[e.claim for e in ev], docs=[d.id for d in docs],
                values=["2026-12", "2025-12"], message="m", rule="CC101", evidence=ev)
    return Report(documents=docs, claims=[], findings=[f])


def test_html_groups_agreeing_sources():
    import lxml.html

    from checker.report.html import render

    page = lxml.html.fromstring(render(_one_against_two_hundred(folder="/tmp/")))
    assert len(page.xpath("//article//div[contains(concat(' ', @class, ' '), ' side ')]")) <= 4
    more = page.xpath("//article//details[@class='more']")
    assert len(more) == 1 and "197 more sources say" in more[0].text_content()


def test_index_reports_an_unreadable_file_and_indexes_the_rest(cli, archive, tmp_path):
    (archive / "empty.txt").write_text("")
    store = tmp_path / "claims.db"
    r = cli("index", archive, "--store", store, "-q")
    assert r.exit_code == 2
    assert "E103" in r.stderr and "empty.txt" in r.stderr
    assert "5 documents" in r.stdout


def test_text_report_groups_agreeing_sources():
    from checker.report.text import render

    out = render(_one_against_two_hundred(folder=""))
    assert out.count("“x”") == 4
    assert "and 197 more saying 2025-12: d4.txt, d5.txt, d6.txt, d7.txt, d8.txt and 192 more" in out


def _loaded_modules(args: list[str], env: dict) -> set[str]:
    code = ("import sys, json; from checker.cli import app\n"
            f"sys.argv = ['claimcheck', *{args!r}]\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write('MODULES ' + json.dumps(sorted(sys.modules)) + '\\n')\n")
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    line = next(x for x in p.stderr.splitlines() if x.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


def test_a_warm_check_loads_only_the_languages_it_needs(tmp_path):
    draft = tmp_path / "draft.md"
    shutil.copy(ROOT / "tests" / "data" / "drafts" / "code-red-draft.md", draft)  # zh-Hans
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    env.pop("CLAIMCHECK_NO_CACHE", None)
    args = ["check", str(draft), "--against", str(ARCHIVE), "--fail-on", "never"]
    cold = _loaded_modules(args, env)
    assert {"claims.lang.ru", "claims.lang.ar", "claims.lang.zh", "spacy"} <= cold
    warm = _loaded_modules(args, env)
    # claims.lang.contract is the packs' contract (pack.yaml says which languages there are), no pack
    assert not {m for m in warm if m.startswith(("claims.lang.", "spacy", "claims.pipeline", "pypinyin"))
                and m != "claims.lang.contract"}
    with draft.open("a", encoding="utf-8") as fh:
        fh.write("\n分析人士认为,竞争压力仍在加大。\n")
    edited = _loaded_modules(args, env)
    assert {m for m in edited if m.startswith("claims.lang.")} - {"claims.lang.contract"} == {"claims.lang.zh"}


# The issue's own draft: one sentence, no organisation named, no front matter.
BARE = "In December, chief executive Sam Altman declared a code red.\n"


def test_the_issues_draft_with_a_date_has_its_conflict(cli, tmp_path):
    p = tmp_path / "bare.md"
    p.write_text("---\npublished: 2026-02-05\n---\n" + BARE, encoding="utf-8")
    data = cli("check", p, "--against", ARCHIVE, "--format", "json").json()
    [f] = data["findings"]
    assert f["rule"] == "CC101" and f["subject"]["id"] == "event:code-red@openai"
    doc = next(d for d in data["documents"] if d["id"] == "bare")
    assert any("names no organisation" in n for n in doc["notes"])


def test_the_issues_draft_without_a_date_is_no_silent_all_clear(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_TODAY", "2026-02-05")
    p = tmp_path / "bare.md"
    p.write_text(BARE, encoding="utf-8")
    r = cli("check", p, "--against", ARCHIVE)
    assert r.exit_code == 1, r.stdout
    assert ", 1 finding\n" in r.stdout and "undated: " in r.stdout and "2026-02-05" in r.stdout


def test_claims_reports_an_unreadable_file_and_reads_the_rest(cli, archive):
    (archive / "empty.txt").write_text("")
    r = cli("claims", archive, "--format", "json")
    assert r.exit_code == 2 and "E103" in r.stderr
    data = r.json()
    assert len(data["documents"]) == 5 and data["errors"][0]["code"] == "E103"


def test_a_file_the_manifest_ignores_is_not_read(cli, archive):
    shutil.copy(archive / ZH, archive / "notes.txt")
    with (archive / "manifest.yaml").open("a", encoding="utf-8") as fh:
        fh.write("ignore: [notes.txt]\n")
    data = cli("audit", archive, "--format", "json", "--fail-on", "never").json()
    assert "notes" not in [d["id"] for d in data["documents"]] and data["unlisted"] == []
