"""Bad input: one clear line on stderr naming the file and what is wrong, exit 2, no traceback;
and input files are never written to."""
from __future__ import annotations

import hashlib
import os

import pytest

from tests.conftest import FIXTURES

ARTICLE_RU = "В декабре Сэм Альтман объявил «тревогу». OpenAI оценили в $500 млрд.\n"
ARTICLE_ZH = "2025年12月,首席执行官向全体员工发出了“红色警报”。OpenAI估值高达5000亿美元。\n"
ARTICLE_AR = "شركة OpenAI وصلت قيمتها السوقية إلى 500 مليار دولار في ديسمبر 2025.\n"


def one_clear_line(r, *needles):
    assert r.exit_code == 2, (r.exit_code, r.stdout, r.stderr)
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    for n in needles:
        assert n in lines[0], lines[0]
    return lines[0]


def test_empty_file(tmp_path, cli):
    p = tmp_path / "empty.txt"
    p.write_text("")
    one_clear_line(cli("audit", p), "empty.txt", "empty")


def test_whitespace_only(tmp_path, cli):
    p = tmp_path / "blank.md"
    p.write_text("   \n\n\t\n")
    one_clear_line(cli("audit", p), "blank.md", "empty")


def test_binary_file(tmp_path, cli):
    p = tmp_path / "photo.txt"
    p.write_bytes(bytes(range(256)) * 20)
    one_clear_line(cli("audit", p), "photo.txt", "binary")


@pytest.mark.parametrize("encoding,text,lang", [
    ("gb18030", ARTICLE_ZH * 3, "zh-Hans"),
    ("cp1251", ARTICLE_RU * 3, "ru"),
    ("cp1256", ARTICLE_AR * 3, "ar"),
])
def test_legacy_encodings_are_decoded(tmp_path, cli, encoding, text, lang):
    p = tmp_path / f"legacy-{encoding}.txt"
    p.write_bytes(text.encode(encoding))
    r = cli("claims", p, "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = r.json()
    assert data["documents"][0]["lang"] == lang
    assert any(c["predicate"] == "valuation" for c in data["claims"])


def test_undetectable_encoding_fails_clearly(tmp_path, cli):
    p = tmp_path / "garbled.txt"
    p.write_bytes(b"abc \xff\xfe\x80\x81 def \x9d\x8f\x90 " * 3)
    one_clear_line(cli("audit", p), "garbled.txt")


def test_missing_path(tmp_path, cli):
    one_clear_line(cli("audit", tmp_path / "nope"), "nope", "no such file")


def test_broken_manifest(tmp_path, cli):
    (tmp_path / "a.txt").write_text(ARTICLE_RU)
    (tmp_path / "manifest.yaml").write_text("documents: [unclosed\n")
    one_clear_line(cli("audit", tmp_path), "manifest.yaml", "not valid YAML")


def test_manifest_naming_a_missing_file(tmp_path, cli):
    (tmp_path / "manifest.yaml").write_text("documents:\n  gone.txt: {lang: ru, published: 2026-01-01}\n")
    one_clear_line(cli("audit", tmp_path), "gone.txt")


def test_front_matter_not_closed(tmp_path, cli):
    p = tmp_path / "draft.md"
    p.write_text("---\nlang: ru\npublished: 2026-02-03\n" + ARTICLE_RU)
    one_clear_line(cli("audit", p), "draft.md", "front matter")


def test_front_matter_bad_date(tmp_path, cli):
    p = tmp_path / "draft.md"
    p.write_text("---\nlang: ru\npublished: yesterday\n---\n" + ARTICLE_RU)
    one_clear_line(cli("audit", p), "draft.md", "published")


def test_draft_in_unsupported_language(tmp_path, cli):
    p = tmp_path / "brouillon.md"
    p.write_text("---\npublished: 2026-02-03\n---\nEn décembre, Sam Altman a déclaré une alerte rouge chez OpenAI, "
                 "valorisée à 500 milliards de dollars selon le journal.\n")
    one_clear_line(cli("check", p, "--against", FIXTURES / "openai"), "brouillon.md", "not supported")


def test_unsupported_language_in_an_audit_is_skipped_with_a_note(tmp_path, cli):
    (tmp_path / "fr.txt").write_text("En décembre, Sam Altman a déclaré une alerte rouge chez OpenAI, valorisée à "
                                     "500 milliards de dollars selon le journal qui cite plusieurs sources.\n")
    (tmp_path / "ru.md").write_text("---\nlang: ru\npublished: 2026-02-03\n---\n" + ARTICLE_RU)
    r = cli("audit", tmp_path, "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = r.json()
    assert [d["id"] for d in data["documents"]] == ["ru"]
    assert any("fr.txt" in s for s in data["skipped"])


def test_unsupported_language_tag(tmp_path, cli):
    p = tmp_path / "x.md"
    p.write_text("---\nlang: de\n---\nHallo Welt.\n")
    one_clear_line(cli("check", p, "--against", FIXTURES / "openai"), "x.md", "'de'")


def test_folder_without_articles(tmp_path, cli):
    (tmp_path / "notes.csv").write_text("a,b\n")
    one_clear_line(cli("audit", tmp_path), "no articles")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path, cli):
    p = tmp_path / "secret.txt"
    p.write_text(ARTICLE_RU)
    p.chmod(0)
    one_clear_line(cli("audit", p), "secret.txt", "permission")


def test_output_to_missing_folder(tmp_path, cli):
    one_clear_line(cli("audit", FIXTURES / "openai", "--output", tmp_path / "no" / "r.json", "--fail-on", "never"), "does not exist")


def test_inputs_are_never_written(tmp_path, cli):
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (FIXTURES / "openai").iterdir()}
    mtimes = {p: p.stat().st_mtime_ns for p in before}
    out = tmp_path / "report.html"
    assert cli("audit", FIXTURES / "openai", "--format", "html", "--output", out).exit_code == 1
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (FIXTURES / "openai").iterdir()}
    assert before == after
    assert mtimes == {p: p.stat().st_mtime_ns for p in before}
    assert not [p for p in (FIXTURES / "openai").iterdir() if p not in before]


def test_nothing_readable_is_an_input_error(tmp_path, cli):
    (tmp_path / "fr.txt").write_text("En décembre, Sam Altman a déclaré une alerte rouge chez OpenAI, valorisée à "
                                     "500 milliards de dollars selon le journal qui cite plusieurs sources.\n")
    one_clear_line(cli("audit", tmp_path), "no document in a supported language")
