"""Property-based tests (hypothesis) of every parser and normalizer, in every language pack.

For arbitrary text (mixed scripts, digits of every script, huge numbers, control, zero-width and
bidi characters, and the pack's own words): no exception, bounded time per call (hypothesis'
deadline), and invariants:
  - every span points at the text it came from (text[start:end] == the mention's text);
  - an amount rendered back as digits in its language and re-parsed gives the same value;
  - a time's start is not after its end;
  - `claimcheck parse` (checker.parse.parse_phrase) is deterministic.

`make test` runs a moderate number of examples, the same ones every time (PROFILES["fast"]); the
same properties with many more, new examples run under the `slow` marker (`make nightly`). No
example database is written; a failure prints the blob that reproduces it.
"""
from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pytest
import regex as re
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claims.lang import get_pack, supported_tags
from claims.normalize import names
from claims.normalize.durations import find_durations
from claims.normalize.numbers import MAX_AMOUNT, find_amounts, parse_digits
from claims.normalize.times import find_times

LANGS = supported_tags()  # every language a pack serves

_COMMON = dict(deadline=dt.timedelta(seconds=3), database=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.filter_too_much])
PROFILES = {
    # The same examples on every run of `make test`; the nightly profile draws new ones each time.
    "fast": settings(max_examples=25, derandomize=True, **_COMMON),
    "heavy": settings(max_examples=600, derandomize=False, **_COMMON),
}
PROFILE_PARAMS = [pytest.param("fast"), pytest.param("heavy", marks=pytest.mark.slow)]


def run(profile: str, strategy, check, examples=()) -> None:
    """`check` over `strategy` with the profile's settings (an inner @given, so that one test
    function serves both profiles), and over `examples` first: inputs that once broke a parser."""

    def inner(value):
        check(value)

    for known in reversed(examples):
        inner = example(known)(inner)
    PROFILES[profile](given(strategy)(inner))()


# --- strategies ------------------------------------------------------------------------------

# Decimal digits of many scripts (ASCII, Arabic-Indic, Persian, fullwidth, Devanagari, Bengali,
# Thai, NKo, mathematical bold), other numeric characters (superscripts, circled, Roman,
# Chinese numerals, financial numerals) and the separators numbers are written with.
DIGITS = ("0123456789" "٠١٢٣٤٥٦٧٨٩" "۰۱۲۳۴۵۶۷۸۹" "０１２３４５６７８９" "०१२३४५६७८९" "০১২৩৪৫৬৭৮৯"
          "๐๑๒๓๔๕๖๗๘๙" "߀߁߂߃߄߅߆߇߈߉" "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗")
NUMERIC = "²³¹¼½①②⑩ⅫⅣ〇零一二三四五六七八九十百千万萬亿億兆两兩壹貳叁肆伍陸柒捌玖拾佰仟"
SEPARATORS = [",", ".", " ", "\u00a0", "\u202f", "٬", "٫", "'", "_", "-", "/", ":", "%", "٪", "$", "€"]
# Invisible and control characters text picks up on its way through editors and scrapers.
SPECIAL = ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\r\n", "\r", "\n", "\t", "\f", "\x0b", "\ufeff",
           "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d",
           "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u2060", "\u00ad", "\u2028", "\u2029", "\ufffd"]
SCRIPTS = [
    st.characters(min_codepoint=0x41, max_codepoint=0x7A),        # Latin
    st.characters(min_codepoint=0x400, max_codepoint=0x4FF),      # Cyrillic
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),    # Han
    st.characters(min_codepoint=0x600, max_codepoint=0x6FF),      # Arabic
    st.characters(min_codepoint=0x3000, max_codepoint=0x303F),    # CJK punctuation
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),    # fullwidth forms
    st.characters(codec="utf-8"),                                 # anything
]


def _literals(data) -> set[str]:
    """The plain words of a lexicon (keys and values, each alternative of `a|b`), so that random
    text often says what the pack reads: scale words, months, currencies, titles, triggers."""
    out: set[str] = set()

    def add(s: str) -> None:
        for alt in s.split("|"):
            alt = alt.replace("\\$", "$").replace("\\.", ".")
            if alt and re.fullmatch(r"[\w\s\-'.$€£¥،]+", alt):
                out.add(alt)

    def walk(x) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                if isinstance(k, str):
                    add(k)
                walk(v)
        elif isinstance(x, (list, tuple)):
            for v in x:
                walk(v)
        elif isinstance(x, str) and len(x) < 80:
            add(x)

    walk(data)
    return out


_VOCAB = {lang: sorted(_literals(get_pack(lang).data)) for lang in LANGS}

huge_numbers = st.one_of(
    st.integers(min_value=0, max_value=10 ** 600).map(str),
    st.integers(min_value=1, max_value=600).map(lambda n: "9" * n),
    st.integers(min_value=1, max_value=200).map(lambda n: "1," * n + "000"),
    st.integers(min_value=1, max_value=200).map(lambda n: "1" + "\u00a0000" * n),
    st.integers(min_value=1, max_value=100).map(lambda n: "١" + "٬٠٠٠" * n + "٫٥"),
)
digit_runs = st.text(alphabet=st.sampled_from(list(DIGITS + NUMERIC) + SEPARATORS), min_size=1, max_size=40)


def pieces(lang: str):
    return st.one_of(
        st.sampled_from(_VOCAB[lang]),
        digit_runs,
        huge_numbers,
        st.sampled_from(SPECIAL),
        st.sampled_from(SEPARATORS + ["年", "月", "日", "«", "»", "“", "”", "(", ")", "（", "）", "·", "، ", "。"]),
        st.one_of(*SCRIPTS).flatmap(lambda chars: st.text(alphabet=chars, max_size=12)),
        st.from_regex(r"[A-Z][a-z]{1,8}(?:[ \t\n]{1,3}[A-Z][a-z]{1,8}){1,2}", fullmatch=True),
    )


def texts(lang: str, max_pieces: int = 40):
    return st.lists(pieces(lang), max_size=max_pieces).map(" ".join) | st.lists(pieces(lang), max_size=max_pieces).map("".join)


# Inputs that broke a parser once, tried before the random ones: relative dates counted from the
# first and last days of the calendar, a year cut out of a longer number (12345年), runs of
# digits and numerals far beyond any amount.
EDGE_DATES = [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(5, 6, 15)]
KNOWN_HOSTILE = ["1" * 500, "9" * 40 + "年", "12345年", "1111" * 100 + "年", "12345678901234567890123456789012345",
                 "3.14159265358979323846", "1,000.001", "$1,000.001", "5 billion billion billion", "5" + "亿" * 400,
                 "一" * 3000, "1," * 2000 + "000", "١" + "٬٠٠٠" * 300, "01.02.20251"]
KNOWN_RELATIVE = {
    "en": ["last week", "this week", "next year", "last month", "7 years ago", "in December", "recently"],
    "ru": ["на прошлой неделе", "в прошлом месяце", "в прошлом году", "7 лет назад", "в декабре"],
    "zh-Hans": ["上周", "上个月", "下个月", "去年", "七年前", "12月"],
    "zh-Hant": ["上週", "上個月", "下個月", "去年", "七年前", "12月"],
    "ar": ["الأسبوع الماضي", "الأسبوع المقبل", "الشهر المقبل", "العام الماضي", "منذ سبع سنوات", "في ديسمبر"],
}


def dated_examples(lang: str) -> list:
    return [(t, d) for t in KNOWN_RELATIVE[lang] + KNOWN_HOSTILE[:4] for d in EDGE_DATES]


publication_dates = st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)) | st.dates(
    min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))


@pytest.fixture(scope="module", autouse=True)
def warm():
    """Build every reader once, so that compiling the packs' patterns is not counted against the
    deadline of the first example."""
    from checker.parse import parse_phrase

    for lang in LANGS:
        pack = get_pack(lang)
        find_amounts("1 000", pack)
        find_times("2020", pack, None)
        find_durations("7", pack, None)
        pack.rules.find_people("Jerry Tworek", pack)
        parse_phrase("OpenAI 2020", lang, None)
    names.skeleton("特沃雷克 Творек توورك")


# --- the invariants --------------------------------------------------------------------------

def assert_span(text: str, start: int, end: int, written: str, what) -> None:
    assert 0 <= start <= end <= len(text), (what, start, end, len(text))
    assert text[start:end] == written, (what, text[start:end], written)


def render_digits(value: float, lang: str) -> str:
    """`value` written in digits the way the language writes them: 1,234,567.5 (en, zh),
    1 234 567,5 (ru), ١٬٢٣٤٬٥٦٧٫٥ (ar)."""
    plain = format(Decimal(repr(float(value))), "f")
    whole, _, frac = plain.partition(".")
    frac = frac.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    group_sep, dec_sep = {"ru": ("\u00a0", ","), "ar": ("٬", "٫")}.get(lang, (",", "."))
    out = group_sep.join(groups) + (dec_sep + frac if frac else "")
    if lang == "ar":
        out = out.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return out


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)


@pytest.mark.parametrize("profile", PROFILE_PARAMS)
@pytest.mark.parametrize("lang", LANGS)
def test_amounts(lang, profile):
    pack = get_pack(lang)

    def check(text):
        for a in find_amounts(text, pack):
            assert_span(text, a.start, a.end, a.text, a)
            assert a.start <= a.core[0] <= a.core[1] <= a.end, a
            for v in (a.amount, a.min, a.max):
                assert v is None or (math.isfinite(v) and 0 <= v < MAX_AMOUNT), a
            if a.min is not None and a.max is not None:
                assert a.min <= a.max, a
            if a.amount is not None:
                written = render_digits(a.amount, lang)
                again = find_amounts(written, pack)
                assert len(again) == 1 and same_value(again[0].amount, a.amount), (a, written, again)

    run(profile, texts(lang), check, KNOWN_HOSTILE)


@pytest.mark.parametrize("profile", PROFILE_PARAMS)
@pytest.mark.parametrize("lang", LANGS)
def test_digits_round_trip(lang, profile):
    """Any amount below the limit, written in the language's digits, reads back as itself, alone
    and inside a sentence of the pack's words."""
    pack = get_pack(lang)
    values = st.one_of(st.integers(min_value=0, max_value=10 ** 17).map(float),
                       st.decimals(min_value=0, max_value=10 ** 12, places=3, allow_nan=False).map(float))

    def check(value):
        written = render_digits(value, lang)
        assert same_value(parse_digits(written, bool(pack.get("decimal_comma"))), value), written
        found = find_amounts(f"« {written} »", pack)
        assert len(found) == 1 and same_value(found[0].amount, value), (written, found)

    run(profile, values, check)


@pytest.mark.parametrize("profile", PROFILE_PARAMS)
@pytest.mark.parametrize("lang", LANGS)
def test_long_digit_runs_are_no_amount_and_no_date(lang, profile):
    """A run of more than 30 digits (any script) is no number: no amount and no time is read from
    any part of it, whatever stands around it (12345年 is not the year 2345)."""
    pack = get_pack(lang)
    runs = st.tuples(st.sampled_from(["0123456789", "٠١٢٣٤٥٦٧٨٩", "０１２３４５６７８９"]),
                     st.integers(min_value=31, max_value=600), st.integers(min_value=0, max_value=9))
    words = st.sampled_from(_VOCAB[lang] + ["年", "月", "$", " ", ""])

    def check(example):
        (alphabet, n, shift), before, after, published = example
        run_ = "".join(alphabet[(i + shift) % 10] for i in range(n))
        text = f"{before}{run_}{after}"
        s, e = len(before), len(before) + n
        for a in find_amounts(text, pack):
            assert a.core[1] <= s or a.core[0] >= e, (a, text)
        for t in find_times(text, pack, published):
            assert t.end <= s or t.start >= e, (t, text)

    run(profile, st.tuples(runs, words, words, publication_dates), check,
        [(("0123456789", 35, 1), "OpenAI ", "年12月", dt.date(2026, 2, 3)), (("0123456789", 500, 2), "", "年", None)])


@pytest.mark.parametrize("profile", PROFILE_PARAMS)
@pytest.mark.parametrize("lang", LANGS)
def test_times(lang, profile):
    pack = get_pack(lang)

    def check(example):
        text, published, future = example
        for t in find_times(text, pack, published, future):
            assert_span(text, t.start, t.end, t.text, t)
            assert t.time.text == t.text
            assert (t.time.start is None) == (t.time.end is None), t
            if t.time.start is not None:
                assert t.time.start <= t.time.end, t
            if t.time.month is not None:
                assert 1 <= t.time.month <= 12, t

    run(profile, st.tuples(texts(lang), publication_dates, st.booleans()), check,
        [(t, d, f) for t, d in dated_examples(lang) for f in (False, True)])


@pytest.mark.parametrize("profile", PROFILE_PARAMS)
@pytest.mark.parametrize("lang", LANGS)
def test_durations(lang, profile):
    pack = get_pack(lang)

    def check(example):
        text, published = example
        for d in find_durations(text, pack, published):
            assert_span(text, d.start, d.end, d.text, d)
            assert d.text.startswith(d.duration.text), d
            assert d.duration.years is not None and math.isfinite(d.duration.years) and d.duration.years > 0, d
            assert re.fullmatch(r"P\d+(?:\.\d+)?[YMWD]", d.duration.iso), d
            if d.ago is not None and d.ago.start is not None:
                assert d.ago.start <= d.ago.end, d

    run(profile, st.tuples(texts(lang), publication_dates), check, dated_examples(lang))


@pytest.mark.parametrize("profile", PROFILE_PARAMS)
@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_matching(lang, profile):
    """Titles, trigger words, events and pronouns: the language pack's compiled lexicon."""
    pack = get_pack(lang)

    def check(text):
        for section, patterns in pack.lexicon_patterns.items():
            for key, pattern in patterns:
                for m in pattern.finditer(text):
                    assert_span(text, m.start(), m.end(), m.group(0), (section, key))

    run(profile, texts(lang), check)


@pytest.mark.parametrize("profile", PROFILE_PARAMS)
@pytest.mark.parametrize("lang", LANGS)
def test_people(lang, profile):
    """The pack's name finder, on text whose spaces are single (a run of two spaces, a tab or a
    line break inside a Latin name is test_latin_people_spans)."""
    pack = get_pack(lang)

    def check(text):
        clean = re.sub(r"\s+", " ", text)
        for n in pack.rules.find_people(clean, pack):
            assert_span(clean, n.start, n.end, n.text, n)
            assert n.name

    run(profile, texts(lang), check)


@pytest.mark.parametrize("profile", PROFILE_PARAMS)
def test_latin_people_spans(profile):
    """A Latin name written with two spaces, a tab or a line break between its words: its span is
    where it is written, its name has one space."""
    def check(text):
        for n in names.latin_people(text):
            assert_span(text, n.start, n.end, n.text, n)
            assert n.name == " ".join(n.text.split()), n

    runs = st.tuples(st.sampled_from(["Jerry", "Mark", "Sam", "Ilya"]), st.sampled_from([" ", "  ", "\t", "\n", " \n "]),
                     st.sampled_from(["Tworek", "Chen", "Altman", "Sutskever"]))
    run(profile, runs.map(lambda t: f"said {t[0]}{t[1]}{t[2]} today"), check)


@pytest.mark.parametrize("profile", PROFILE_PARAMS)
def test_name_functions(profile):
    """romanize, skeleton, fold, sounds_alike, same_person, same_org, han_matches_latin,
    trim_to_gloss: no exception on any text in any script; a skeleton is only consonant classes;
    same_person is reflexive and symmetric."""
    translit = get_pack("zh").get("translit_chars", "")
    any_text = st.lists(st.one_of(*[st.text(alphabet=s, max_size=10) for s in SCRIPTS], st.sampled_from(SPECIAL),
                                  st.sampled_from(["·", "・", "-", " ", "Jerry Tworek", "Творек", "特沃雷克", "توورك"])),
                        max_size=12).map("".join)

    def check(pair):
        a, b = pair
        for s in (a, b):
            assert isinstance(names.romanize(s), str)
            assert re.fullmatch(r"[A-Z]*", names.skeleton(s)), names.skeleton(s)
            assert isinstance(names.fold(s), str)
            names.name_parts(s)
        assert names.same_person(a, a)
        assert names.same_person(a, b) == names.same_person(b, a)
        assert names.sounds_alike(a, b) == names.sounds_alike(b, a)
        names.same_org(a, b)
        names.han_matches_latin(a, b)
        start = names.trim_to_gloss(a, b, translit, "的")
        assert start == -1 or 0 <= start < len(a)

    run(profile, st.tuples(any_text, any_text), check)


@pytest.mark.parametrize("profile", PROFILE_PARAMS)
@pytest.mark.parametrize("lang", LANGS)
def test_parse_phrase(lang, profile):
    """Everything `claimcheck parse` reads: spans inside the text, and the same answer twice."""
    from checker.parse import parse_phrase

    def check(example):
        text, published = example
        rows = parse_phrase(text, lang, published)
        for r in rows:
            s, e = r["span"]
            assert 0 <= s <= e <= len(text), r
            assert r["text"] == text[s:e]
        assert parse_phrase(text, lang, published) == rows

    run(profile, st.tuples(texts(lang, max_pieces=25), publication_dates), check,
        [(t, d) for t, _ in dated_examples(lang)[::3] for d in (None, dt.date(1, 1, 1))])
