"""Every registry lists what it should: a pack, extractor, rule or renderer that silently stops
being registered fails here."""
from __future__ import annotations

import yaml

from checker.compare import RULES
from claims.extract import EXTRACTORS, PRODUCES
from claims.lang import HERE, available, get_pack
from claims.predicates import PREDICATES


def test_language_packs_are_discovered_by_import():
    assert set(available()) >= {"en", "ru", "zh", "ar"}
    for code in available():
        pack = get_pack(code)
        assert pack.get("times"), f"{code} has no time rules"
        assert pack.get("titles"), f"{code} has no titles"


def test_every_predicate_is_extracted_and_compared():
    produced = {p for preds in PRODUCES.values() for p in preds}
    assert set(PRODUCES) == set(EXTRACTORS)
    assert produced == set(PREDICATES)
    compared = {p for r in RULES for p in r.predicates}
    # share claims are kept for the record; their subjects (the measured phrase) are too loose to compare.
    assert set(PREDICATES) - compared == {"share"}


def test_rule_codes_are_unique_and_documented():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for r in RULES:
        assert r.__doc__ and "Bad:" in r.__doc__ and "Good:" in r.__doc__, r.code


def test_every_lexicon_title_has_a_canonical_id_known_to_the_matcher():
    titles = yaml.safe_load((HERE.parent / "data" / "titles.yaml").read_text(encoding="utf-8"))
    known = set(titles["single_holder"]) | set(titles["cumulative"]) | {t for g in titles["compatible"] for t in g}
    for code in available():
        missing = set(get_pack(code).get("titles")) - known - {"cto", "cfo", "coo", "vp", "president"}
        assert not missing, f"{code}: titles unknown to claims/data/titles.yaml: {missing}"


def test_renderers_cover_the_cli_formats():
    from checker.cli import Format
    from checker.report import RENDERERS

    assert {f.value for f in Format} <= set(RENDERERS)


def test_every_lexicon_key_is_documented_in_the_packs_readme():
    import regex as re

    readme = (HERE / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)(?:\.[a-z_]+)?`", readme))
    for code in available():
        data = yaml.safe_load((HERE / code / "lexicon.yaml").read_text(encoding="utf-8"))
        missing = set(data) - documented
        assert not missing, f"{code}: lexicon keys not documented in claims/lang/README.md: {sorted(missing)}"
