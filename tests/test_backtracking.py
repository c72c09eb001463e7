"""No regular expression is open to catastrophic backtracking.

Every pattern the language packs compile (claims/lang/*/lexicon.yaml through get_pack: titles,
triggers, events, pronouns, word lists, the number, time and duration rules) and every
module-level pattern of claims/normalize, claims/pipeline, claims/extract, claims/read and the
packs' rules is run over adversarial strings of 100,000 characters: long runs of digits with
separators, of capitalised words, of Han characters, of Arabic letters, of spaces and commas, and
of the pack's own words, each ending in a character that makes a match fail late. The bound is
generous (the `regex` module's own timeout, TIMEOUT seconds per call, never a tight timing): a
linear pattern takes milliseconds, a catastrophic one never ends. Every scan runs in a forked
child with a memory limit, so that a pattern that eats memory while it backtracks fails the test
rather than the machine.

Patterns compiled with the standard library's `re` are recompiled with `regex`, which can be
timed out. The engines that build patterns inside functions (numbers, times, durations, the
packs' name finders, the furniture check of claims/read/clean.py) are run whole on the same
texts. `make test` uses FAST_TEXTS; the `slow` marker runs every adversarial text.
"""
from __future__ import annotations

import importlib
import multiprocessing
import pkgutil
import re as stdlib_re
import time

import pytest
import regex

from claims.lang import get_pack, supported_tags

LANGS = supported_tags()  # every language a pack serves
N = 100_000
TIMEOUT = 10.0  # seconds per call; linear patterns take well under 0.1 s on 100k characters
MEMORY = 2 * 2 ** 30  # bytes of address space for the child that runs the scans


def cycle(unit: str, n: int = N) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# Each ends in a character no pattern expects, so that a match tried near the end fails late.
ADVERSARIAL = {name: s + "\x00!" for name, s in {
    "digits": "1" * N,
    "digits and commas": cycle("1,"),
    "digits and spaces": cycle("1 "),
    "digits and dots": cycle("1."),
    "digit groups": cycle("123,456 "),
    "digit groups, no break": cycle("1,000"),
    "arabic-indic digits": cycle("١٬"),
    "fullwidth digits": cycle("１，"),
    "capitalised words": cycle("Abc "),
    "capitalised hyphenated": cycle("Abc-Def "),
    "capitals": "A" * N,
    "initials": cycle("A. "),
    "cyrillic capitalised": cycle("Абв "),
    "han": "中" * N,
    "han with dots": cycle("马克·"),
    "han numerals": cycle("一万"),
    "han before a parenthesis": cycle("中(A"),
    "arabic letters": "ب" * N,
    "arabic words": cycle("محمد "),
    "arabic words and commas": cycle("محمد، "),
    "spaces": " " * N,
    "spaces and commas": cycle(" ,"),
    "lines": cycle("a\n"),
}.items()}


FAST_TEXTS = ["digits", "digits and commas", "digit groups", "arabic-indic digits", "capitalised words",
              "cyrillic capitalised", "han before a parenthesis", "arabic words and commas", "spaces and commas"]
PROFILES = [pytest.param("fast"), pytest.param("all", marks=pytest.mark.slow)]


def texts_for(profile: str, lang: str) -> dict[str, str]:
    names = FAST_TEXTS if profile == "fast" else list(ADVERSARIAL)
    return {**{n: ADVERSARIAL[n] for n in names}, f"{lang} vocabulary": _vocabulary(lang)}


def _vocabulary(lang: str) -> str:
    from tests.test_properties import _VOCAB

    return cycle(" ".join(_VOCAB[lang])) + "\x00!"


def _is_pattern(x) -> bool:
    return isinstance(x, (regex.Pattern, stdlib_re.Pattern))


def _as_regex(p):
    """A `regex` pattern (with its timeout) for a pattern of either engine."""
    if isinstance(p, regex.Pattern):
        return p
    return regex.compile(p.pattern, p.flags & ~stdlib_re.UNICODE)


# Patterns only ever tried at one position (`p.match(text, pos)`: what follows a number, a unit,
# a currency); they are timed that way, at the start and in the middle of the text.
MATCHED_AT = {"scale_re", "approx_after", "more_after", "cur_after_re", "unit_re", "ago_after",
              "claims.extract.shares._PERCENT"}
_META = regex.compile(r"[.^$*+?{}\[\]\\|()]")


def _literal(s: str) -> bool:
    """A plain word: a pattern without metacharacters cannot backtrack."""
    return not _META.search(s)


# Lists whose items are patterns used one by one (claims/extract/counts.py, claims/pipeline.py).
RAW_PATTERNS = {"age_patterns", "org_patterns"}


def pack_patterns(lang: str) -> dict[str, tuple[regex.Pattern, bool]]:
    """Every pattern a pack gives rise to, by a name for the failure message, with whether it is
    tried at one position only (see MATCHED_AT)."""
    from claims.normalize import durations, numbers, times

    pack = get_pack(lang)
    out: dict[str, tuple[regex.Pattern, bool]] = {}
    for section, patterns in pack.lexicon_patterns.items():
        for key, p in patterns:
            out[f"{lang} {section}.{key}"] = (p, False)
    for module in (numbers, times, durations):
        for attr, v in vars(module.reader(pack)).items():
            for i, p in enumerate(v if isinstance(v, list) else [v]):
                if _is_pattern(p):
                    out[f"{lang} {module.__name__.rsplit('.', 1)[-1]}.{attr}[{i}]"] = (p, attr in MATCHED_AT)

    def walk(path: str, x, raw: bool = False) -> None:
        """Word lists as the pipeline compiles them (pack.compile), the lists of RAW_PATTERNS item
        by item, and every other string as a pattern of its own (`ago`, `proclitics`, ...)."""
        if isinstance(x, dict):
            for k, v in x.items():
                walk(f"{path}.{k}", v, raw=k in RAW_PATTERNS)
        elif isinstance(x, list):
            words = [w for w in x if isinstance(w, str)]
            if words and not all(_literal(w) for w in words):
                try:
                    compiled = pack.compile(words)
                except regex.error:
                    compiled = None  # not a word list (rules with {placeholders}: the readers build those)
                if compiled is not None:
                    out[f"{path} (as words)"] = (compiled, False)
            for i, v in enumerate(x):
                if raw or not isinstance(v, str):
                    walk(f"{path}[{i}]", v)
        elif isinstance(x, str) and x and not _literal(x):
            try:
                out[f"{path} (as a pattern)"] = (regex.compile(x, regex.I), False)
            except regex.error:
                pass

    walk(lang, pack.data)
    if lang == "zh-Hant":  # what zh-Hans has already been through
        seen = {(p.pattern, p.flags) for p, _ in pack_patterns("zh-Hans").values()}
        out = {k: v for k, v in out.items() if (v[0].pattern, v[0].flags) not in seen}
    return out


def module_patterns() -> dict[str, tuple[regex.Pattern, bool]]:
    """Module-level patterns of the packages that read text."""
    import claims.extract
    import claims.lang
    import claims.normalize
    import claims.read

    out = {}
    names = ["claims.pipeline"]
    for pkg in (claims.normalize, claims.extract, claims.read, claims.lang):
        names += [f"{pkg.__name__}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)]
    for name in names:
        module = importlib.import_module(name)
        for attr, v in vars(module).items():
            key = f"{name}.{attr}"
            if _is_pattern(v) and not _literal(v.pattern):
                out[key] = (v, key in MATCHED_AT)
    return out


def slow_calls(patterns: dict, texts: dict, timeout: float = TIMEOUT) -> list[str]:
    """The (pattern, text) pairs that take more than `timeout` seconds."""
    slow = []
    for pname, (p, at_one_position) in patterns.items():
        p = _as_regex(p)
        for tname, text in texts.items():
            t0 = time.perf_counter()
            try:
                if at_one_position:
                    p.match(text, 0, timeout=timeout)
                    p.match(text, len(text) // 2, timeout=timeout)
                else:
                    for _ in p.finditer(text, timeout=timeout):
                        pass
            except TimeoutError:
                slow.append(f"{pname} on {tname}: more than {timeout:.0f} s")
                continue
            except MemoryError:
                slow.append(f"{pname} on {tname}: out of memory")
                continue
            elapsed = time.perf_counter() - t0
            if elapsed > timeout:
                slow.append(f"{pname} on {tname}: {elapsed:.1f} s")
    return slow


def _child(queue, fn, args) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    try:
        queue.put(("ok", fn(*args)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as the failure
        queue.put(("error", f"{type(exc).__name__}: {exc}"))


def in_child(fn, *args, seconds: float):
    """`fn(*args)` in a forked child with a memory limit, killed after `seconds`."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_child, args=(queue, fn, args))
    child.start()
    try:
        status, value = queue.get(timeout=seconds)
    except Exception:  # queue.Empty: still running
        child.kill()
        child.join()
        pytest.fail(f"{getattr(fn, '__name__', fn)}{args[:2]!r}: still running after {seconds:.0f} s")
    child.join()
    assert status == "ok", value
    return value


def _scan(kind: str, lang: str, profile: str) -> list[str]:
    patterns = pack_patterns(lang) if kind == "pack" else module_patterns()
    return slow_calls(patterns, texts_for(profile, lang))


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("lang", LANGS)
def test_language_pack_patterns(lang, profile):
    slow = in_child(_scan, "pack", lang, profile, seconds=600)
    assert not slow, "catastrophic backtracking:\n" + "\n".join(slow)


@pytest.mark.parametrize("profile", PROFILES)
def test_module_patterns(profile):
    slow = in_child(_scan, "modules", "en", profile, seconds=600)
    assert not slow, "catastrophic backtracking:\n" + "\n".join(slow)


# --- engines that build their patterns inside functions, run whole --------------------------------

def _engines(lang: str, names: list[str]) -> list[str]:
    import datetime as dt

    from claims.normalize.durations import find_durations
    from claims.normalize.numbers import find_amounts
    from claims.normalize.times import find_times
    from claims.read.clean import skipped_ranges

    pack = get_pack(lang)
    published = dt.date(2026, 2, 3)
    engines = {
        "find_amounts": lambda t: find_amounts(t, pack),
        "find_times": lambda t: find_times(t, pack, published),
        "find_durations": lambda t: find_durations(t, pack, published),
        "furniture (claims/read/clean.py skipped_ranges)": lambda t: skipped_ranges(t, pack.furniture),
    }
    texts = texts_for("all", lang)
    slow = []
    for ename, engine in engines.items():
        for tname in names:
            t0 = time.perf_counter()
            engine(texts[tname])
            if time.perf_counter() - t0 > TIMEOUT:
                slow.append(f"{ename} on {tname}: {time.perf_counter() - t0:.1f} s")
    return slow


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("lang", LANGS)
def test_engines_on_adversarial_text(lang, profile):
    """numbers, times, durations (claims/normalize) and the furniture check (claims/read/clean.py)
    on every adversarial text: each call within TIMEOUT; the child is killed after 10 minutes."""
    names = list(texts_for(profile, lang))
    slow = in_child(_engines, lang, names, seconds=600)
    assert not slow, "\n".join(slow)


def _people(lang: str, names: list[str]) -> list[str]:
    pack = get_pack(lang)
    texts = texts_for("all", lang)
    slow = []
    for tname in names:
        t0 = time.perf_counter()
        pack.rules.find_people(texts[tname], pack)
        if time.perf_counter() - t0 > TIMEOUT:
            slow.append(f"find_people on {tname}: {time.perf_counter() - t0:.1f} s")
    return slow


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("lang", LANGS)
def test_name_finders_on_adversarial_text(lang, profile):
    """The packs' find_people (claims/lang/*/__init__.py, with claims/normalize/names.latin_people
    and claims/normalize/glosses.py)."""
    slow = in_child(_people, lang, list(texts_for(profile, lang)), seconds=600)
    assert not slow, "\n".join(slow)
