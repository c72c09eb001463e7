"""Extraction speed: per language and core, against a plain regex pass, by stage, and on all cores.

Documents are read (decoded, cleaned, language settled) before the clock starts: these numbers
are `claims.pipeline.extract_claims` on text in memory. Characters are Python characters of
`Document.text` (skipped furniture included, as the reader walks past it); bytes are its UTF-8
length, which is what "1 MB/s" counts (a Chinese character is three bytes, a Cyrillic or Arabic
one two).
"""
from __future__ import annotations

import cProfile
import pstats
import time
from pathlib import Path
from typing import Iterable, Optional, Sequence

from claims.model import Document

GOAL_BYTES_PER_S = 1_000_000


def load(paths: Sequence[Path]) -> list[Document]:
    from claims.read import load_documents

    return load_documents(list(paths)).documents


def by_lang(docs: Iterable[Document]) -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = {}
    for d in docs:
        out.setdefault(d.lang, []).append(d)
    return out


def size(docs: Iterable[Document]) -> tuple[int, int]:
    docs = list(docs)
    return sum(len(d.text) for d in docs), sum(len(d.text.encode("utf-8")) for d in docs)


def _repeat(fn, min_seconds: float, max_rounds: int = 50) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds) per round of `fn()`, run at least once and until `min_seconds`
    of CPU time have passed. CPU time is what one core spent, whatever else the machine runs."""
    rounds, cpu0, wall0 = 0, time.process_time(), time.perf_counter()
    while True:
        fn()
        rounds += 1
        cpu = time.process_time() - cpu0
        if cpu >= min_seconds or rounds >= max_rounds:
            return cpu / rounds, (time.perf_counter() - wall0) / rounds, rounds


def warm_up(docs: Sequence[Document], entity_files: tuple[str, ...]) -> float:
    """One document per language, untimed in the throughput: spaCy, pymorphy3, OpenCC, the
    entity pattern and the language packs load on first use. Returns the seconds it took."""
    from claims.entities import load_index
    from claims.pipeline import extract_claims

    t0 = time.perf_counter()
    index = load_index(entity_files)
    for group in by_lang(docs).values():
        extract_claims(group[0], index)
    return time.perf_counter() - t0


def throughput(docs: Sequence[Document], entity_files: tuple[str, ...], min_seconds: float) -> dict:
    """chars/s and bytes/s of one process (one core) extracting `docs`, and claims found."""
    from claims.entities import load_index
    from claims.pipeline import extract_claims

    index = load_index(entity_files)
    found = [0]

    def once():
        found[0] = sum(len(extract_claims(d, index)) for d in docs)

    seconds, wall, rounds = _repeat(once, min_seconds)
    chars, nbytes = size(docs)
    return {"docs": len(docs), "chars": chars, "bytes": nbytes, "claims": found[0], "seconds": seconds,
            "wall_s": wall, "rounds": rounds, "chars_per_s": chars / seconds, "bytes_per_s": nbytes / seconds}


def ceiling_pattern(lang: str):
    """The practical ceiling: one compiled alternation of the language's lexicon words (trigger
    words, titles, event words) plus digits, under the pack's own word-edge rules, with the same
    `regex` module the pipeline uses."""
    import regex as re

    from claims.lang import get_pack

    pack = get_pack(lang)
    words = [w for section in ("triggers", "titles", "events")
             for ws in (pack.get(section) or {}).values() for w in (ws or [])]
    body = pack.compile(words)
    return re.compile(rf"{body.pattern}|\d+", re.I)


def regex_pass(docs: Sequence[Document], lang: str, min_seconds: float) -> dict:
    pattern = ceiling_pattern(lang)
    texts = [d.text for d in docs]
    hits = [0]

    def once():
        hits[0] = sum(1 for t in texts for _ in pattern.finditer(t))

    seconds, _, rounds = _repeat(once, min_seconds)
    chars, nbytes = size(docs)
    return {"chars_per_s": chars / seconds, "bytes_per_s": nbytes / seconds, "hits": hits[0], "seconds": seconds}


# --- where the time goes ----------------------------------------------------------------------

def _key(stats: pstats.Stats, path_part: str, name: str) -> list[tuple]:
    return [k for k in stats.stats if k[2] == name and path_part in k[0].replace("\\", "/")]


def _ct(stats: pstats.Stats, callee: list[tuple], callers: Optional[list[tuple]] = None) -> float:
    """Cumulative seconds of `callee` functions, counting only calls from `callers` if given."""
    total = 0.0
    for k in callee:
        cc, nc, tt, ct, by = stats.stats[k]
        if callers is None:
            total += ct
        else:
            total += sum(v[3] for c, v in by.items() if c in callers)
    return total


def profile_stages(docs: Sequence[Document], entity_files: tuple[str, ...]) -> dict:
    """One run of extraction over `docs` and of linking their claims, under cProfile; the time of
    each stage (cumulative time of its functions as called by the pipeline, so a stage's seconds
    include what it calls and no stage counts another's)."""
    from claims.entities import load_index
    from claims.link import link_subjects
    from claims.pipeline import extract_claims

    index = load_index(entity_files)
    prof = cProfile.Profile()
    prof.enable()
    found = [c for d in docs for c in extract_claims(d, index)]
    prof.disable()
    st = pstats.Stats(prof)
    link_prof = cProfile.Profile()
    link_prof.enable()
    link_subjects(found)
    link_prof.disable()
    link_st = pstats.Stats(link_prof)

    P = "claims/pipeline.py"
    extract_claims_k = _key(st, P, "extract_claims")
    read_sentence = _key(st, P, "read_sentence")
    sentences = _key(st, P, "sentences")
    stage: dict[str, float] = {}
    stage["sentence splitting (spaCy sentencizer)"] = _ct(st, _key(st, P, "split_sentences"), sentences)
    names = (_ct(st, _key(st, P, "_find_main"), sentences)
             + _ct(st, [k for k in st.stats if k[2] == "find_people" and "claims/lang/" in k[0].replace("\\", "/")],
                   read_sentence)
             + _ct(st, _key(st, "claims/entities.py", "find"), read_sentence)
             + _ct(st, _key(st, P, "_latin_orgs"), read_sentence))
    stage["name finding (entities, people, organisations)"] = names
    numbers = _ct(st, _key(st, "claims/normalize/numbers.py", "find_amounts"), read_sentence)
    stage["number reading"] = numbers
    times = _ct(st, _key(st, "claims/normalize/times.py", "find_times"), read_sentence)
    stage["time reading"] = times
    durations = _ct(st, _key(st, "claims/normalize/durations.py", "find_durations"), read_sentence)
    stage["duration reading"] = durations
    rs_total = _ct(st, read_sentence)
    stage["lexicon words and the rest of read_sentence"] = max(0.0, rs_total - (
        _ct(st, [k for k in st.stats if k[2] == "find_people" and "claims/lang/" in k[0].replace("\\", "/")],
            read_sentence)
        + _ct(st, _key(st, "claims/entities.py", "find"), read_sentence)
        + _ct(st, _key(st, P, "_latin_orgs"), read_sentence) + numbers + times + durations))
    from claims.extract import EXTRACTORS

    per_extractor = {}
    for name, fn in EXTRACTORS.items():
        code = fn.__code__
        ks = [k for k in st.stats if k[2] == code.co_name and k[1] == code.co_firstlineno
              and k[0].replace("\\", "/").endswith(code.co_filename.replace("\\", "/").split("claims/", 1)[-1])]
        per_extractor[name] = _ct(st, ks, extract_claims_k)
    stage["extractors"] = sum(per_extractor.values())
    stage["claim objects (Draft.to_claim, pydantic)"] = _ct(st, _key(st, "claims/extract/__init__.py", "to_claim"),
                                                             extract_claims_k)
    extraction = _ct(st, extract_claims_k)
    stage["other (DocReader set-up, glue)"] = max(0.0, extraction - sum(stage.values()))
    stage["linking (claims.link.link_subjects)"] = _ct(link_st, _key(link_st, "claims/link.py", "link_subjects"))
    total = extraction + stage["linking (claims.link.link_subjects)"]
    return {"total_s": total, "extraction_s": extraction, "stages": dict(sorted(stage.items(), key=lambda kv: -kv[1])),
            "extractors": dict(sorted(per_extractor.items(), key=lambda kv: -kv[1])), "hot": _hot(st),
            "hot_link": _hot(link_st), "claims": len(found), "chars": size(docs)[0]}


def _hot(st: pstats.Stats, n: int = 12) -> list[dict]:
    """The functions that spend the most time themselves, for the recommendations."""
    own = sorted(((v[2], k) for k, v in st.stats.items()), reverse=True)[:n]
    return [{"function": f"{Path(k[0]).name}:{k[1]}({k[2]})" if k[0] != "~" else k[2], "self_s": tt,
             "calls": st.stats[k][1]} for tt, k in own]


# --- all cores --------------------------------------------------------------------------------

def parallel(docs: Sequence[Document], entity_files: tuple[str, ...], workers: Optional[int] = None,
             startup: bool = True) -> dict:
    """`claims.parallel.extract_all` on every core against one process, on the same documents;
    the pool's start-up (spawn: each worker imports claimcheck and loads the entity data) is
    timed separately on one tiny document per worker."""
    from claims.parallel import default_workers, extract_all

    import resource

    def cpu_children() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    n = workers or default_workers()
    t0, c0 = time.perf_counter(), time.process_time()
    one = extract_all(docs, workers=1, entity_files=entity_files)
    t1, c1, k1 = time.perf_counter(), time.process_time(), cpu_children()
    many = extract_all(docs, workers=n, entity_files=entity_files)
    t2, c2, k2 = time.perf_counter(), time.process_time(), cpu_children()
    tiny = [Document(id=f"tiny{i}", path=f"tiny{i}.txt", lang="en", text="Acme was founded in 2015.")
            for i in range(n)]
    t3, k3 = time.perf_counter(), cpu_children()
    if startup:
        extract_all(tiny, workers=n, entity_files=entity_files)
    startup_cpu = cpu_children() - k3
    startup = time.perf_counter() - t3 if startup else float("nan")
    one_cpu = c1 - c0
    # The pool's CPU: the workers' (children, counted once they exit) and this process's
    # (pickling documents out and claims back in).
    pool_cpu = (k2 - k1) + (c2 - c1)
    a, b = [c.model_dump() for c in one], [c.model_dump() for c in many]
    same = a == b
    first_difference = None
    if not same:
        if len(a) != len(b):
            first_difference = f"{len(a)} claims in one process, {len(b)} on all cores"
        for x, y in zip(a, b):
            if x != y:
                fields = [k for k in x if x[k] != y.get(k)]
                first_difference = f"{x['id']}: " + "; ".join(f"{k} {x[k]!r} vs {y.get(k)!r}" for k in fields)[:300]
                break
    single, multi = t1 - t0, t2 - t1
    return {"workers": n, "docs": len(docs), "chars": size(docs)[0], "one_s": single, "all_s": multi,
            "speedup": single / multi if multi else float("nan"),
            "speedup_without_startup": single / max(1e-9, multi - startup) if startup == startup else float("nan"),
            "startup_s": startup if startup == startup else None,
            "identical": same, "first_difference": first_difference, "claims": len(one),
            "one_cpu_s": one_cpu, "pool_cpu_s": pool_cpu, "startup_cpu_s": startup_cpu if startup == startup else None,
            # On n idle cores the pool could go n times faster, less the CPU it adds (start-up,
            # pickling): the speed-up that its CPU time allows.
            "cpu_bound_speedup": n * one_cpu / pool_cpu if pool_cpu else float("nan")}
