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


def _readme_keys() -> set[str]:
    """The keys the tables of claims/lang/README.md document: the backticked names of a row's first
    cell; a bare name after a dotted one (`modifiers.approx` / `approx_after`) is of its section."""
    import regex as re

    keys = set()
    for line in (HERE / "README.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        section = ""
        for name in re.findall(r"`([a-z_]+(?:\.[a-z_]+)?)`", line.split("|")[1]):
            if "." in name:
                section = name.split(".")[0] + "."
                keys.add(name)
            else:
                keys.add(section + name if section else name)
    return keys


def test_the_readme_tables_document_every_key_of_the_contract_and_no_other():
    from claims.lang.contract import key_paths

    documented, declared = _readme_keys(), key_paths()
    # a section documented as a whole (`stay_since`) documents its keys
    missing = {k for k in declared - documented if k.split(".")[0] not in documented}
    assert not missing, f"keys of claims/lang/contract.py with no row in claims/lang/README.md: {sorted(missing)}"
    sections = {k.split(".")[0] for k in declared if "." in k}
    stale = documented - declared - sections
    assert not stale, f"claims/lang/README.md documents keys claims/lang/contract.py does not have: {sorted(stale)}"


def test_every_lexicon_is_read_as_written():
    """The typed lexicon (pack.lex) holds exactly what the YAML says: no value converted."""
    from claims.lang import supported_tags

    def same(model_value, raw) -> bool:
        if isinstance(raw, dict) and not isinstance(model_value, dict):  # a section: a sub-model
            return all(same(getattr(model_value, k if k != "and" else "and_"), v) for k, v in raw.items())
        return type(model_value) is type(raw) and repr(model_value) == repr(raw)

    for tag in supported_tags():
        pack = get_pack(tag)
        for key, raw in pack.data.items():
            assert same(getattr(pack.lex, key), raw), f"{tag}: {key} is not read as written"


def test_a_misspelt_lexicon_key_fails_at_load_time_naming_file_and_key(tmp_path):
    import pytest

    from claims.lang.contract import Lexicon, PackError, read_yaml, validated

    path = tmp_path / "lexicon.yaml"
    path.write_text("lang: xx\ntitels: {ceo: [boss]}\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"lexicon\.yaml.*'titels'"):
        validated(Lexicon, read_yaml(path), path)
    path.write_text("lang: xx\nnumbers: {scale: {k: 1000}}\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"lexicon\.yaml.*'numbers\.scale'"):
        validated(Lexicon, read_yaml(path), path)
    path.write_text("lang: xx\nformer: [ex]\nfuture: [will]\nformer: [old]\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"lexicon\.yaml: line 4: key 'former' is written twice"):
        read_yaml(path)
    with pytest.raises(KeyError, match="titels"):
        get_pack("en").get("titels")


def test_supported_languages_are_the_packs_found():
    from claims.lang import pack_info, supported_tags
    from claims.read.language import SUPPORTED

    assert SUPPORTED == supported_tags()
    assert set(SUPPORTED) == {t for code in available() for t in pack_info(code).tags}
    for code in available():
        info = pack_info(code)
        assert info.tags and all(t.split("-")[0] == code for t in info.tags), code
        for tag in info.tags:
            assert get_pack(tag).lex.lang == code


def test_every_error_code_raised_is_in_the_catalogue_and_the_readme_table_is_made_from_it():
    import regex as re

    from claims.errors import CODES, readme_table

    root = HERE.parents[1]
    used: dict[str, str] = {}
    for folder in ("claims", "checker"):
        for path in (root / folder).rglob("*.py"):
            for code in re.findall(r"""(?<=["'])E\d{3}\b""", path.read_text(encoding="utf-8")):
                used.setdefault(code, str(path.relative_to(root)))
    unknown = {c: p for c, p in used.items() if c not in CODES}
    assert not unknown, f"error codes raised but not in claims/errors.py CODES: {unknown}"
    unused = set(CODES) - set(used)
    assert not unused, f"codes in claims/errors.py CODES that nothing raises: {sorted(unused)}"
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- error codes: generated by python -m claims.errors -->\n(.*?)<!-- end of error codes -->",
                      readme, re.S)
    assert block and block.group(1) == readme_table(), \
        "README.md's table of error codes differs from claims/errors.py: paste `python -m claims.errors` there"


def test_a_pack_without_find_people_fails_at_load_and_optional_rules_have_defaults(tmp_path):
    import types

    import pytest

    from claims.lang.contract import PackError, PackRules

    with pytest.raises(PackError, match="find_people"):
        PackRules(types.ModuleType("xx"), tmp_path / "__init__.py")
    bare = types.ModuleType("xx")
    bare.find_people = lambda text, pack: []
    rules = PackRules(bare, tmp_path / "__init__.py")
    assert rules.short_forms("Ada Lovelace") == [] and rules.find_orgs is None and rules.counted is None
    assert get_pack("ru").rules.same_word is not None and get_pack("en").rules.same_word is None
