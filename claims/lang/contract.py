"""What a language pack must and may hold, declared once and checked when the pack is loaded.

`Lexicon` is the model of `claims/lang/<xx>/lexicon.yaml`; `PackInfo` of `claims/lang/<xx>/pack.yaml`
(which tags a pack serves, its script, how its language is told from its script's neighbours).
Both forbid unknown keys, so a misspelt key fails at load time with the file and the key named,
instead of reading as an empty list; a key written twice in one YAML mapping fails too.

Adding a lexicon key is one field here (its type; a list of words defaults to empty) and one row in
the key tables of `claims/lang/README.md` (tests/test_registries.py checks that the two agree).
Code reads a key as `pack.lex.<key>` (typed) or `pack.get("<key>")` (the raw YAML value; a key
unknown to this model is an error there too).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

Number = Union[int, float]
Words = list[str]          # words or regular expressions, joined longest first
WordTable = dict[str, Words]  # an id (title, predicate, event kind...) to its words
Pattern = str


class _Strict(BaseModel):
    # strict: a value is never converted (7 stays an int, "1e9" stays a string), so what code
    # reads through the model is what the YAML says.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Numbers(_Strict):
    words: dict[str, Number] = {}
    scales: dict[str, Number] = {}
    vague: dict[str, list[Number]] = {}
    vague_alone: dict[str, list[Number]] = {}
    compound_joiners: Words = []
    fractions: dict[str, Number] = {}
    fraction_alone: list[Pattern] = []
    ratio: Words = []
    glued_scales: dict[str, Number] = {}
    measure_scales: dict[str, Number] = {}
    fraction_joiners: Words = []
    fraction_one: Words = []
    point: Words = []
    fraction_patterns: list[Pattern] = []
    negative: Words = []


class Modifiers(_Strict):
    approx: Words = []
    approx_after: Words = []
    more_than: Words = []
    more_than_after: Words = []
    less_than: Words = []
    less_than_after: Words = []
    nearly: Words = []
    more_than_verbs: Words = []
    nearly_verbs: Words = []


class Currencies(_Strict):
    before: dict[str, Optional[str]] = {}
    after: dict[str, Optional[str]] = {}
    before_scaled_only: dict[str, Optional[str]] = {}
    cents: dict[str, Optional[str]] = {}
    minor_units: dict[str, Number] = {}
    head_word: Optional[str] = None
    local: dict[str, dict[str, str]] = {}
    not_names: Words = []


class Ranges(_Strict):
    open: Words = []
    to: Words = []
    # `and` is a Python keyword: the YAML key `and` is read into `and_`.
    and_: Words = Field(default=[], alias="and")
    close: Words = []
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


class StaySince(_Strict):
    since: Words = []
    verbs: Words = []


class Lexicon(_Strict):
    """Every key of a lexicon (claims/lang/README.md says what each one is)."""

    # Text and sentences
    lang: str
    word_boundary: bool = True
    proclitics: Optional[Pattern] = None
    sentence_ends: list[str] = []
    furniture: list[Pattern] = []
    variants: dict[str, dict[str, Any]] = {}  # checked when applied: the result is a Lexicon too

    # Numbers and money
    decimal_comma: bool = False
    numbers: Numbers = Numbers()
    modifiers: Modifiers = Modifiers()
    currencies: Currencies = Currencies()
    ranges: Ranges = Ranges()
    number_joiners: Words = []

    # Times and durations
    weekdays: dict[str, int] = {}
    months: dict[str, int] = {}
    times: list[Pattern] = []
    relative_years: dict[str, int] = {}
    relative_months: dict[str, int] = {}
    relative_weeks: dict[str, int] = {}
    relative_days: dict[str, int] = {}
    recent: Words = []
    past: Words = []
    month_directions: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    duration_one: Words = []
    duration_half: Words = []
    duration_plus_half: Words = []
    duration_half_between: Words = []
    duration_joiners: Words = []
    dual_durations: dict[str, str] = {}
    parts: dict[str, str] = {}
    period_spans: dict[str, int] = {}
    eras: dict[str, int] = {}
    relative_quarters: dict[str, int] = {}
    same_period_words: Words = []
    durations: dict[str, str] = {}
    ago: Optional[Pattern] = None
    duration_words: dict[str, str] = {}
    stay_since: StaySince = StaySince()
    interval_words: Words = []

    # What claims are about
    titles: WordTable = {}
    title_gap_words: Words = []
    title_joiners: Words = []
    title_leads: Words = []
    title_lead_fillers: Words = []
    founder_verbs: WordTable = {}
    agent_words: Words = []
    passive_markers: Words = []
    founded_object_words: Words = []
    founding_subject_after: bool = False
    person_cues_before: Words = []
    person_cues_after: Words = []
    person_relatives: Words = []
    origin_words: Words = []
    destination_words: Words = []
    poach_words: Words = []
    description_articles: Words = []
    relative_words: Words = []
    stay_words: Words = []
    age_shared_words: Words = []
    apposition_words: Words = []
    org_descriptors: Words = []
    latin_kind_words: Words = []
    apposition_bare: Optional[Pattern] = None
    former: Words = []
    former_leads: Words = []
    former_gap: Optional[Pattern] = None
    respectively_words: Words = []
    succession_words: Words = []
    move_agent_words: Words = []
    move_doer_after: Words = []
    successor_words: Words = []
    report_words: Words = []
    triggers: WordTable = {}
    events: WordTable = {}
    event_names: dict[str, Union[str, Words]] = {}
    user_nouns: WordTable = {}
    user_measures: WordTable = {}
    count_nouns: WordTable = {}
    not_counted: Words = []
    count_heads: Words = []
    count_stock_verbs: Words = []
    count_open_after: list[Pattern] = []
    count_open_before: list[Pattern] = []
    not_count_nouns: Words = []
    count_measures: Words = []
    ordinal_words: Words = []
    count_change_words: Words = []
    age_patterns: list[Pattern] = []
    from_words: Words = []
    into_words: Words = []
    future: Words = []
    scheduled: Words = []
    ahead_words: Words = []
    ahead: Words = []
    ahead_before: Words = []
    effective_words: Words = []
    modal: Words = []
    earlier_words: Words = []
    poll_words: Words = []
    when_words: Words = []
    change_heads: Words = []
    tenth_words: Words = []
    level_words: Words = []
    amount_reach_past_names: bool = False
    year_earlier_words: Words = []
    attribution_words: Words = []
    attribution_before: Words = []
    change_words: Words = []
    partial_periods: Words = []
    hypothetical: Words = []
    pronouns: WordTable = {}
    org_patterns: list[Pattern] = []
    not_org_words: Words = []
    not_name_words: Words = []
    person_verbs: Words = []
    honorifics: Words = []
    demonyms: Words = []
    post_words: Words = []
    post_forms: Words = []
    post_breaks: Words = []
    move_breaks: Words = []
    name_joiners: Words = []
    move_time_past_names: bool = False
    org_suffixes: Words = []
    org_leads: Words = []
    not_brand_heads: Words = []
    org_places: Words = []
    org_kinds: Words = []
    org_follow_words: Words = []
    surnames: Words = []
    translit_chars: str = ""
    name_stop_chars: str = ""
    name_end_chars: str = ""
    speech_verbs: Words = []
    name_follow_words: Words = []


class PackInfo(_Strict):
    """`pack.yaml`: what a pack is, for reading documents (claims/lang/README.md, "Adding a language")."""

    name: str                                   # the language's English name
    tags: list[str]                             # the tags it serves; `xx-Variant` applies `variants.Variant`
    aliases: dict[str, str] = {}                # other tags (lower case) read as one of `tags`
    script: str                                 # the script its text is written in (claims/read/language.py)
    # lingua's names of the languages of that script to tell it from (its own included); empty where
    # the script alone says (Chinese: OpenCC tells zh-Hans from zh-Hant)
    detect_among: list[str] = []
    spacy: str = "xx"                           # spaCy's language for the sentence splitter
    cldr_locales: list[str] = []                # babel locales of its currency names


# --- rules ---------------------------------------------------------------------------------------

class PackRules:
    """What a pack's `__init__.py` provides, with the defaults of what it may leave out; a pack
    reads its rules as `pack.rules.<name>`. `find_people` is required: a pack without it fails at
    load time."""

    def __init__(self, module, path: Path):
        self.module = module
        if not callable(getattr(module, "find_people", None)):
            raise PackError(f"{path}: a pack's rules must define find_people(text, pack)")
        # find_people(text, pack) -> the names of people in the text
        self.find_people = module.find_people
        # short_forms(name) -> the shorter forms a later mention may use (default: none)
        self.short_forms = getattr(module, "short_forms", None) or _no_short_forms
        # find_orgs(text, pack) -> (name, id) of organisations the script gives no capitals to (default: None)
        self.find_orgs = getattr(module, "find_orgs", None)
        # counted(text, start, end, pack) -> what an amount counts, read by morphology (default: None)
        self.counted = getattr(module, "counted", None)
        # same_word(a, b) -> two inflected forms of one word (default: None)
        self.same_word = getattr(module, "same_word", None)
        # plural_title(text) -> whether a title word is plural, held by everyone listed (default: None)
        self.plural_title = getattr(module, "plural_title", None)

    def __getattr__(self, name):  # anything else the module defines (helpers, tables)
        return getattr(self.module, name)


def _no_short_forms(name: str) -> list[str]:
    return []


# --- loading -------------------------------------------------------------------------------------

class PackError(ValueError):
    """A pack file that breaks the contract: the file and the key are in the message."""


class _UniqueKeyLoader(yaml.SafeLoader):
    pass


def _mapping_without_duplicates(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise PackError(f"{loader.name}: line {key_node.start_mark.line + 1}: key {key!r} is written twice "
                            f"in one mapping (first on line {seen[key]}); YAML would keep only the last")
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def read_yaml(path: Path) -> dict:
    """A pack's YAML file; a key written twice in one mapping is an error naming the file and line."""
    loader = _UniqueKeyLoader(path.read_text(encoding="utf-8"))
    loader.name = str(path)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise PackError(f"{path}: not a mapping of keys")
    return data


def validated(model: type[_Strict], data: dict, path: Path, what: str = ""):
    """`data` as `model`; a key the model does not know, or a value of the wrong shape, is a
    PackError naming `path` and the key."""
    try:
        return model.model_validate(data)
    except ValidationError as e:
        problems = []
        for err in e.errors():
            key = ".".join(str(p) for p in err["loc"])
            if err["type"] == "extra_forbidden":
                problems.append(f"unknown key {key!r} (a misspelling? the keys are listed in "
                                f"claims/lang/README.md and claims/lang/contract.py)")
            else:
                problems.append(f"{key}: {err['msg']}")
        raise PackError(f"{path}{what}: " + "; ".join(problems)) from None


def key_paths(model: type[BaseModel] = Lexicon, prefix: str = "") -> set[str]:
    """The documented names of a model's keys: `key`, and `section.key` inside a section."""
    out = set()
    for name, field in model.model_fields.items():
        key = field.alias or name
        ann = field.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out |= key_paths(ann, f"{prefix}{key}.")
        else:
            out.add(prefix + key)
    return out
