"""Organisations of one script that share only a first word are two organisations across articles
(issue 11): «واحة الصحة» and «واحة الدواء» (oasis of health, oasis of medicine). The first word
stays a short form within its own article."""
from __future__ import annotations

import json

import yaml


def _claims(cli, tmp_path, texts: dict[str, str]) -> list[dict]:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    docs = {name: {"lang": "ar", "published": "2026-04-15"} for name in texts}
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump({"documents": docs}, allow_unicode=True), encoding="utf-8")
    r = cli("claims", tmp_path, "--format", "json")
    return r.json()["claims"]


def test_shared_first_word_links_no_two_arabic_organisations(cli, tmp_path):
    claims = _claims(cli, tmp_path, {
        "a.txt": "جمعت شركة «نجمة الشمال» 40 مليون دولار في جولة تمويلية.\n",
        "b.txt": "جمعت شركة «نجمة الجنوب» 90 مليون دولار في جولة تمويلية.\n",
    })
    by_doc = {c["doc"]: c["subject"] for c in claims if c["predicate"] == "funding"}
    assert by_doc["a"]["name"] == "نجمة الشمال" and by_doc["b"]["name"] == "نجمة الجنوب"
    assert by_doc["a"]["id"] != by_doc["b"]["id"]
    assert "نجمة" not in by_doc["a"]["aliases"]


def test_first_word_still_names_the_organisation_in_its_article(cli, tmp_path):
    claims = _claims(cli, tmp_path, {
        "a.txt": "تأسست «نجمة للاتصالات» عام 2009.\n\nوبلغت إيرادات نجمة 4 مليارات ريال في 2025.\n",
    })
    revenue = [c for c in claims if c["predicate"] == "revenue"]
    assert revenue and revenue[0]["subject"]["name"] == "نجمة للاتصالات"
