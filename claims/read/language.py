"""Which language an article is in: metadata first, else lingua over a broad set of languages
(so that French is recognised as unsupported rather than misread as English), with zh-Hans and
zh-Hant told apart by which script OpenCC finds more of."""
from __future__ import annotations

from functools import lru_cache

SUPPORTED = ("en", "ru", "zh-Hans", "zh-Hant", "ar")
_ALIASES = {
    "zh": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "zh-hans": "zh-Hans",
    "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant", "zh-hant": "zh-Hant",
    "en-us": "en", "en-gb": "en", "ru-ru": "ru", "ar-sa": "ar", "ar-eg": "ar",
}


def normalize_tag(tag: str) -> str:
    """A BCP 47 tag as claimcheck names it; unsupported tags come back as given."""
    low = tag.strip().replace("_", "-").lower()
    if low in _ALIASES:
        return _ALIASES[low]
    base = low.split("-")[0]
    if base in ("en", "ru", "ar"):
        return base
    return tag.strip()


def pack_code(tag: str) -> str:
    """The language pack serving a tag: zh-Hans and zh-Hant share `zh`."""
    return tag.split("-")[0].lower()


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    names = ["ENGLISH", "RUSSIAN", "CHINESE", "ARABIC", "FRENCH", "GERMAN", "SPANISH", "PORTUGUESE",
             "ITALIAN", "DUTCH", "UKRAINIAN", "BULGARIAN", "SERBIAN", "JAPANESE", "KOREAN", "PERSIAN",
             "URDU", "TURKISH", "POLISH", "HINDI", "INDONESIAN", "VIETNAMESE", "HEBREW", "GREEK"]
    return LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in names)).build()


def detect(text: str) -> str | None:
    """A tag for the text, or the ISO 639-1 code of an unsupported language, or None."""
    sample = text[:5000]
    lang = _detector().detect_language_of(sample)
    if lang is None:
        return None
    code = lang.iso_code_639_1.name.lower()
    if code == "zh":
        return chinese_script(sample)
    return code


def chinese_script(text: str) -> str:
    from opencc import OpenCC

    hans = sum(a != b for a, b in zip(text, OpenCC("s2t").convert(text)))
    hant = sum(a != b for a, b in zip(text, OpenCC("t2s").convert(text)))
    return "zh-Hant" if hant > hans else "zh-Hans"
