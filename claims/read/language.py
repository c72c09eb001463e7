"""Which language an article is in: metadata first, else its script, then lingua among the languages
of that script (so that French is recognised as unsupported rather than misread as English), with
zh-Hans and zh-Hant told apart by which script OpenCC finds more of."""
from __future__ import annotations

from functools import lru_cache

from claims.lang import available, pack_info, supported_tags, tag_aliases

# The tags the language packs found serve (claims/lang/<xx>/pack.yaml), and the other spellings of them.
SUPPORTED = supported_tags()
_ALIASES = tag_aliases()
# Packs that serve one tag, their code: `en-AU` is read as en.
_SINGLE = frozenset(code for code in available() if pack_info(code).tags == [code])


def normalize_tag(tag: str) -> str:
    """A BCP 47 tag as claimcheck names it; unsupported tags come back as given."""
    low = tag.strip().replace("_", "-").lower()
    if low in _ALIASES:
        return _ALIASES[low]
    base = low.split("-")[0]
    if base in _SINGLE:
        return base
    return tag.strip()


def pack_code(tag: str) -> str:
    """The language pack serving a tag: zh-Hans and zh-Hant share `zh`."""
    return tag.split("-")[0].lower()


# lingua decides only among the languages written in the text's script, so that it loads few
# models and a short text cannot turn into a language of another script: script -> (the supported
# tag of that script, the languages lingua tells it from), from each pack's `script` and `detect_among`.
_BY_SCRIPT = {pack_info(code).script: (pack_info(code).tags[0], pack_info(code).detect_among)
              for code in available() if pack_info(code).detect_among}
_SCRIPT_OF = [("han", r"\p{Han}"), ("kana", r"[\p{Hiragana}\p{Katakana}]"), ("hangul", r"\p{Hangul}"),
              ("cyrillic", r"\p{Cyrillic}"), ("arabic", r"\p{Arabic}"), ("latin", r"\p{Latin}"),
              ("other", r"[\p{Greek}\p{Hebrew}\p{Devanagari}]")]


def _script(sample: str) -> str | None:
    """The script most letters of the text are written in (Japanese kana over the Han it mixes in)."""
    import regex as re

    counts = {name: len(re.findall(pattern, sample)) for name, pattern in _SCRIPT_OF}
    if counts["kana"] > counts["han"] / 10 and counts["kana"]:
        return "kana"
    best = max(counts, key=counts.get)
    return best if counts[best] else None


@lru_cache(maxsize=None)
def _detector(script: str, short: bool):
    """lingua among the script's languages. Its fast mode (trigrams only, a fraction of the models'
    loading time) is reliable on a paragraph; a text shorter than that takes the full models."""
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in _BY_SCRIPT[script][1]))
    return builder.build() if short else builder.with_low_accuracy_mode().build()


# English function words no other Latin-script language uses as words.
_ENGLISH_WORDS = frozenset("the of and to is was were that said says for with from which will has have its "
                           "their this by at an are been would after".split())


def _plainly_english(sample: str) -> bool:
    import regex as re

    words = re.findall(r"[\p{Latin}']+", sample.lower())
    hits = sum(w in _ENGLISH_WORDS for w in words)
    return hits >= 2 and hits >= 0.12 * len(words)


def detect(text: str) -> str | None:
    """A tag for the text, or the ISO 639-1 code of an unsupported language, or None. Chinese is
    told by its script alone (and zh-Hans from zh-Hant by OpenCC); text in the Latin, Cyrillic or
    Arabic script by lingua among that script's languages, and where lingua cannot tell (a short
    sentence of foreign names), as the supported language of the script."""
    sample = text[:5000]
    script = _script(sample)
    if script == "han":
        return chinese_script(sample)
    if script in ("kana", "hangul"):
        return {"kana": "ja", "hangul": "ko"}[script]
    if script not in _BY_SCRIPT:
        return None
    supported = _BY_SCRIPT[script][0]
    if script == "latin" and _plainly_english(sample):
        return "en"  # no model to load for what its function words already say
    values = _detector(script, len(sample) < 200).compute_language_confidence_values(sample)
    if not values:
        return supported
    top = values[0]
    # A short text of foreign names ("Tomasz Zieliński left Vardø Shipping in May.") may look more
    # Polish than English; the supported language wins while it stays a real candidate.
    ours = next((v.value for v in values if v.language.iso_code_639_1.name.lower() == supported), 0.0)
    if ours >= 0.3 * top.value:
        return supported
    return top.language.iso_code_639_1.name.lower()


def chinese_script(text: str) -> str:
    from opencc import OpenCC

    hans = sum(a != b for a, b in zip(text, OpenCC("s2t").convert(text)))
    hant = sum(a != b for a, b in zip(text, OpenCC("t2s").convert(text)))
    return "zh-Hant" if hant > hans else "zh-Hans"
