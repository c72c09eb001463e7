"""Cleaning that never moves a character: it marks ranges to skip instead of deleting them,
so every span stays an offset into the original text."""
from __future__ import annotations

import re

from claims.model import Span

# Site furniture in any language; each language pack adds its own phrases (`furniture:`).
_GENERIC_FURNITURE = [
    r"https?://\S+",
    r"www\.\S+",
    r"公网安备|網安備|ICP[备備证證]|京ICP|粤ICP",
    r"©|\(c\)\s*\d{4}|all rights reserved",
]
# Words of site buttons that articles also use ("its share of the market"): a line holding one is
# furniture only when it is mostly that word, or short and no sentence.
_BUTTON_WORDS = re.compile(r"\b(?:share|tweet|subscribe|sign in|log in)\b", re.I)


def paragraphs(text: str) -> list[Span]:
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def skipped_ranges(text: str, furniture: list[str]) -> list[Span]:
    """Paragraphs to read no claims from: verbatim repeats of an earlier paragraph, and furniture."""
    pattern = re.compile("|".join(_GENERIC_FURNITURE + furniture), re.I)
    seen: set[str] = set()
    skipped: list[Span] = []
    for s, e in paragraphs(text):
        body = text[s:e].strip()
        if body in seen:
            skipped.append((s, e))
            continue
        seen.add(body)
        if _is_furniture(body, pattern):
            skipped.append((s, e))
    return skipped


# Furniture is short ("Share this", "12 comments", a cookie line, a URL): a paragraph this long is
# article text. Not searching it also bounds the work on text built to make the furniture
# patterns backtrack (`\d+\s+comments?` over a run of 100,000 digits is quadratic).
FURNITURE_MAX = 1000


def _is_furniture(body: str, pattern: re.Pattern) -> bool:
    if len(body) >= FURNITURE_MAX:
        return False
    hit = pattern.search(body)
    if not hit:
        button = _BUTTON_WORDS.search(body)
        return bool(button) and (len(button.group(0)) > 0.3 * len(body) or
                                 (len(body) < 80 and not re.search(r"[.!?。！？؟…][\s\"'”»）)]*$", body)))
    # A long paragraph that merely cites a URL is still article text.
    return len(body) < 200 or len(hit.group(0)) > 0.3 * len(body)
