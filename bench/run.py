"""`make bench`: how fast claimcheck is, measured in one run and written to bench/results.md.

    python -m bench.run                  the full run (about ten minutes on two cores)
    python -m bench.run --quick          tiny sizes, a few seconds: checks the benchmark runs
    python -m bench.run --sizes 10k,100k,1M --output bench/results.md

What it measures, side by side (bench/results.md says it again with the numbers):
- extraction throughput per language, in characters per second on one core, on synthetic
  articles (bench.synth.synth_archive), the seed corpus (fixtures/openai) and the invented
  stories in fixtures/; its ratio to one compiled regex of the language's lexicon words and
  digits over the same text (the ceiling); how far it is from 1 MB/s per core;
- where extraction spends its time (one run under cProfile, by stage);
- extraction on every core (claims.parallel) against one process;
- matching (checker.matcher.match) of bench.synth.synth_claims at each size, in a fresh process
  per size: time, memory, growth exponent, recall and precision on the injected contradictions;
  and cross-document linking (claims.link.link_subjects), which an audit runs before matching;
- a draft check against a SQLite store of the largest size;
- `claimcheck --help` start-up, with the imports that make it slow.

Timings are printed and recorded, never asserted: tests/test_bench.py only checks that a quick run
produces every row.
"""
from __future__ import annotations

import argparse
import gc
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from claims.lang import supported_tags

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "bench" / "results.md"
LANG_ORDER = supported_tags()  # the languages the packs found serve
STORY_FIXTURES = ("helion-robotics", "lumen-biotech", "qingyun-energy", "quarry-bank", "sahel-rail")
GIB = 1024 ** 3
AUDIT_TARGET_S, AUDIT_TARGET_BYTES, AUDIT_TARGET_N = 60.0, 4 * GIB, 1_000_000
CHECK_TARGET_S, HELP_TARGET_S = 1.0, 0.3
SECTIONS = ("extraction", "profile", "parallel", "audit", "linking", "store", "startup", "warm")


# --- formatting -------------------------------------------------------------------------------

def parse_size(text: str) -> int:
    t = text.strip().lower().replace("_", "")
    mult = {"k": 1_000, "m": 1_000_000}.get(t[-1:], 1)
    return int(float(t[:-1] if mult > 1 else t) * mult)


def size_label(n: int) -> str:
    for unit, div in (("M", 1_000_000), ("k", 1_000)):
        if n >= div and n % (div // 10 or 1) == 0:
            v = n / div
            return f"{v:g}{unit}"
    return str(n)


def fnum(x: Optional[float], digits: int = 3) -> str:
    """`digits` significant figures, thousands separated: 183,000; 4.27; 0.0312."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    r = float(f"{x:.{digits}g}")
    if abs(r) >= 10 ** (digits - 1):
        return f"{r:,.0f}"
    return f"{r:,.{max(0, digits - 1 - int(math.floor(math.log10(abs(r)))))}f}" if r else "0"


def secs(x: Optional[float]) -> str:
    if x is None:
        return "—"
    if x < 1:
        return f"{x * 1000:.0f} ms" if x >= 0.01 else f"{x * 1000:.1f} ms"
    return f"{x:.1f} s" if x < 100 else f"{x:.0f} s"


def gib(b: Optional[float]) -> str:
    if not b:
        return "—"
    return f"{b / GIB:.2f} GiB" if b >= 0.5 * GIB else f"{b / 1024 ** 2:.0f} MiB"


def pct(x: Optional[float]) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


class Report:
    """Markdown, printed as it grows (so a long run shows progress) and written at the end."""

    def __init__(self):
        self.lines: list[str] = []
        self.summary: list[tuple[str, str, str, str]] = []

    def log(self, msg: str) -> None:
        print(f"[bench] {msg}", file=sys.stderr, flush=True)

    def add(self, *lines: str) -> None:
        for line in lines:
            self.lines.append(line)
            print(line, flush=True)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.add("| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|",
                 *("| " + " | ".join(str(c) for c in r) + " |" for r in rows), "")

    def row(self, measure: str, result: str, goal: str = "", met: str = "") -> None:
        self.summary.append((measure, result, goal, met))

    def text(self, header: list[str]) -> str:
        out = list(header)
        out += ["## Summary", "", "| measure | result | goal | met |", "|---|---|---|---|"]
        out += ["| " + " | ".join(r) + " |" for r in self.summary]
        out += [""] + self.lines
        return "\n".join(out) + "\n"


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# --- the sections -----------------------------------------------------------------------------

def section_extraction(rep: Report, cfg, work: Path) -> dict:
    from bench import extraction as ex
    from bench.synth import synth_archive

    rep.log(f"writing a synthetic archive of {cfg.stories} stories x 5 languages")
    archive = synth_archive(work / "archive", cfg.stories, rate=0.2, seed=cfg.seed)
    ent = (str(archive.entities),)
    synth_docs = ex.load([archive.root])
    seed_docs = ex.load([ROOT / "fixtures" / "openai"])
    story_dirs = [ROOT / "fixtures" / s for s in STORY_FIXTURES if (ROOT / "fixtures" / s).is_dir()]
    story_docs = ex.load(story_dirs) if story_dirs else []
    story_ent = tuple(str(p / "entities.yaml") for p in story_dirs if (p / "entities.yaml").exists())
    warm = ex.warm_up(synth_docs, ent) + ex.warm_up(seed_docs, ()) + ex.warm_up(story_docs, story_ent)

    rows, results = [], {}
    synth_by, seed_by, story_by = ex.by_lang(synth_docs), ex.by_lang(seed_docs), ex.by_lang(story_docs)
    for lang in LANG_ORDER + ("mixed",):
        rep.log(f"extraction throughput: {lang}")
        docs = synth_docs if lang == "mixed" else synth_by.get(lang, [])
        s = ex.throughput(docs, ent, cfg.min_seconds) if docs else None
        sd = seed_docs if lang == "mixed" else seed_by.get(lang, [])
        seed = ex.throughput(sd, (), cfg.min_seconds) if sd else None
        st = story_docs if lang == "mixed" else story_by.get(lang, [])
        story = ex.throughput(st, story_ent, cfg.min_seconds) if st else None
        if lang == "mixed":
            # The same text at each language's ceiling: total characters over total seconds.
            ceil_cps = sum(len(d.text) for d in docs) / sum(
                sum(len(d.text) for d in synth_by[l]) / results[l]["ceiling_cps"] for l in synth_by)
        else:
            ceil_cps = ex.regex_pass(docs, lang, cfg.min_seconds / 2)["chars_per_s"] if docs else None
        results[lang] = {"synthetic": s, "seed": seed, "stories": story, "ceiling_cps": ceil_cps}
        short = ex.GOAL_BYTES_PER_S / s["bytes_per_s"] if s else None
        rows.append([lang, fnum(s["chars"], 3) if s else "—", fnum(s["chars_per_s"]) if s else "—",
                     fnum(seed["chars_per_s"]) if seed else "—", fnum(story["chars_per_s"]) if story else "—",
                     fnum(ceil_cps) if ceil_cps else "—",
                     f"{ceil_cps / s['chars_per_s']:.0f}× slower" if s and ceil_cps else "—",
                     f"{s['bytes_per_s'] / 1e6:.3f}" if s else "—", f"{short:.1f}× short" if short else "—"])
        if s:
            label = "extraction mixed (synthetic, all languages)" if lang == "mixed" else f"extraction {lang}"
            rep.row(label, f"{fnum(s['chars_per_s'])} chars/s/core = {s['bytes_per_s'] / 1e6:.3f} MB/s "
                           f"(seed corpus: {fnum(seed['chars_per_s']) + ' chars/s' if seed else 'no article'}; "
                           f"regex ceiling {ceil_cps / s['chars_per_s']:.0f}× faster)",
                    "1 MB/s per core", f"no, {short:.1f}× short" if short > 1 else "yes")
    rep.add("## Extraction throughput, one core", "",
            f"Synthetic archive: {cfg.stories} stories, one article per language each "
            f"({len(synth_docs)} articles, {sum(archive.chars.values()):,} characters, entity file of "
            f"{3 * cfg.stories} organisations). Seed corpus: fixtures/openai (5 articles: ru, zh-Hans ×2, "
            f"zh-Hant, ar; no English). Stories: fixtures/{{{','.join(STORY_FIXTURES)}}}. Documents are read "
            f"before timing; each figure is characters over the CPU time of one process (one core), the mean of "
            f"repeated passes lasting at least {cfg.min_seconds:g} s of CPU (the mixed passes took "
            f"{results['mixed']['synthetic']['wall_s'] / results['mixed']['synthetic']['seconds']:.2f}× their CPU "
            f"time in wall time). "
            f"The regex ceiling is one compiled alternation of the language's trigger, title and event words "
            f"plus `\\d+` (the pack's word-edge rules, the `regex` module) run over the same text. MB/s counts "
            f"UTF-8 bytes (a Chinese character is 3 bytes, Cyrillic and Arabic 2), of the synthetic text. First "
            f"document of each language (loading spaCy, pymorphy3, OpenCC, patterns): {secs(warm)} in all, "
            f"not counted.", "")
    rep.table(["language", "synthetic chars", "synthetic chars/s", "seed chars/s", "stories chars/s",
               "regex ceiling chars/s", "extraction vs ceiling", "synthetic MB/s", "vs 1 MB/s"], rows)
    return {"archive": archive, "synth_docs": synth_docs, "seed_docs": seed_docs, "entities": ent,
            "throughput": results}


def section_profile(rep: Report, cfg, ctx: dict) -> None:
    from bench import extraction as ex

    rep.log("profiling one extraction run (cProfile)")
    # Linking grows with the square of the claims: a third of the archive keeps the run short.
    keep = {f"{lang}_{i:05d}" for lang in LANG_ORDER for i in range(cfg.profile_stories)}
    docs = [d for d in ctx["synth_docs"] if d.id in keep] + ctx["seed_docs"]
    prof = ex.profile_stages(docs, ctx["entities"])
    total = prof["total_s"]
    rows = [[name, secs(s), pct(s / total)] for name, s in prof["stages"].items()]
    rep.add("## Where extraction spends its time", "",
            f"One run over {cfg.profile_stories} stories of the synthetic archive and the seed corpus ({len(docs)} articles, "
            f"{prof['chars']:,} characters, {prof['claims']} claims) and one `link_subjects` over its claims, "
            f"under cProfile ({secs(total)} with the profiler's overhead). A stage's time is the cumulative "
            f"time of its functions as called by the pipeline (the two are profiled apart).", "")
    rep.table(["stage", "seconds", "share"], rows)
    rep.add("Extractors (claims/extract), cumulative:", "")
    rep.table(["extractor", "seconds", "share of all"],
              [[k, secs(v), pct(v / total)] for k, v in prof["extractors"].items()])
    rep.add("Functions with the most time of their own, in extraction:", "")
    rep.table(["function", "own seconds", "share of extraction", "calls"],
              [[f"`{h['function']}`", secs(h["self_s"]), pct(h["self_s"] / prof["extraction_s"]), f"{h['calls']:,}"]
               for h in prof["hot"][:10]])
    link_s = prof["stages"]["linking (claims.link.link_subjects)"]
    rep.add("And in linking:", "")
    rep.table(["function", "own seconds", "share of linking", "calls"],
              [[f"`{h['function']}`", secs(h["self_s"]), pct(h["self_s"] / link_s) if link_s else "—", f"{h['calls']:,}"]
               for h in prof["hot_link"][:6]])
    top = list(prof["stages"].items())
    link = "linking (claims.link.link_subjects)"
    ext = [(k, v) for k, v in top if k != link]
    rep.row("slowest stage", f"{ext[0][0]}: {pct(ext[0][1] / total)}; then {ext[1][0]}: {pct(ext[1][1] / total)}, "
                             f"{ext[2][0]}: {pct(ext[2][1] / total)}; linking (once, after extraction): "
                             f"{pct(prof['stages'][link] / total)}")


def section_parallel(rep: Report, cfg, ctx: dict) -> None:
    from bench import extraction as ex

    docs = list(ctx["synth_docs"]) * cfg.parallel_copies
    rep.log(f"extraction on all cores vs one process ({len(docs)} articles)")
    r = ex.parallel(docs, ctx["entities"], startup=not cfg.quick)
    from claims.parallel import default_start_method

    rep.add(f"## Extraction on all cores (claims.parallel, {default_start_method()} start method)", "",
            f"The synthetic archive{' twice over' if cfg.parallel_copies == 2 else ''} ({r['docs']} articles, "
            f"{r['chars']:,} characters): `extract_all(workers=1)` against `extract_all(workers={r['workers']})`. "
            f"Pool start-up is timed separately, on one tiny document per worker.", "")
    rep.table(["workers", "one process", "all cores", "speed-up (wall)", "speed-up without pool start-up",
               "pool start-up", "CPU: one process", "CPU: pool (workers + parent)", "speed-up its CPU allows",
               "same claims"],
              [[str(r["workers"]), secs(r["one_s"]), secs(r["all_s"]), f"{r['speedup']:.2f}×",
                fnum(r['speedup_without_startup']) + "×" if r["startup_s"] else "— (quick)",
                secs(r["startup_s"]), secs(r["one_cpu_s"]), secs(r["pool_cpu_s"]), f"{r['cpu_bound_speedup']:.2f}×",
                "yes" if r["identical"] else "NO"]])
    rep.add(f"\"Speed-up its CPU allows\" is {r['workers']} × (CPU of one process) / (CPU of the pool): what the "
            f"pool would reach on {r['workers']} otherwise idle cores, given the CPU it adds for start-up and "
            f"pickling. With fork, this process extracts the first document of each language itself (the packs load "
            f"and compile once, here) and the workers inherit it all; with spawn, each worker is a fresh "
            f"interpreter that imports claimcheck from disk and compiles the packs again: if the package changes "
            f"on disk during a run, the two may differ.", "")
    if not r["identical"]:
        rep.add(f"The claims differ between one process and the pool; first difference: {r['first_difference']}.", "")
    rep.row("extraction on all cores", f"{r['speedup']:.2f}× wall on {r['workers']} workers ({secs(r['one_s'])} → "
                                       f"{secs(r['all_s'])}, pool start-up {secs(r['startup_s'])}); "
                                       f"{r['cpu_bound_speedup']:.2f}× by CPU time; same claims: "
                                       f"{'yes' if r['identical'] else 'NO'}", f"{r['workers']}× (ideal)", "")


def section_audit(rep: Report, cfg) -> None:
    from bench import audit

    rows, points, mem_points, results = [], [], [], []
    for n in cfg.sizes:
        rep.log(f"audit (match only) at {size_label(n)} claims, fresh process")
        r = audit.run(n, timeout=cfg.audit_timeout)
        results.append(r)
        if "error" in r:
            rows.append([size_label(n), "—", "—", "—", "—", "—", "—", "—", "—", "—", r["error"]])
            rep.row(f"audit {size_label(n)}", f"failed: {r['error']}")
            continue
        points.append((n, r["match_s"]))
        mem_points.append((n, max(1, r["peak_rss_match"])))
        rows.append([size_label(n), f"{r['claims']:,}", secs(r["synth_s"]), secs(r["match_s"]), secs(r["match_cpu_s"]),
                     fnum(r["claims"] / r["match_s"]), gib(r["rss_before"]), gib(r["peak_rss_match"]),
                     f"{r['found']}/{r['truth']} = {pct(r['recall'])}", pct(r["precision"]), f"{r['findings']:,}"])
        rep.row(f"audit {size_label(n)}", f"match {secs(r['match_s'])}, peak RSS {gib(r['peak_rss_match'])}, "
                                          f"recall {pct(r['recall'])}, precision {pct(r['precision'])}")
    sl = audit.slopes(points)
    msl = audit.slopes(mem_points)
    labels = [f"{size_label(a[0])}→{size_label(b[0])}" for a, b in zip(points, points[1:])]
    rep.add("## Audit: matching only (checker.matcher.match on bench.synth.synth_claims)", "",
            "One fresh process per size. The claims come in blocks of 2-12 about one subject and predicate; "
            "5% of the blocks get one contradicting claim and 1% of the claims are dated after their own article "
            "(the truth recall and precision are measured against). Memory is the resident set: with the claims "
            "built, and its peak while matching (the peak is reset just before `match`). Synthesis is not "
            "counted in the match time.", "")
    rep.table(["claims", "exact", "synthesis", "match (wall)", "match (CPU)", "claims/s", "RSS with claims", "peak RSS matching",
               "recall", "precision", "findings"], rows)
    if sl:
        rep.add("Growth exponent (log-log slope; 1 is linear): time " +
                ", ".join(f"{lab}: {s:.2f}" for lab, s in zip(labels, sl)) + "; memory " +
                ", ".join(f"{lab}: {s:.2f}" for lab, s in zip(labels, msl)) + ".", "")
        rep.row("audit growth exponent", "time " + ", ".join(f"{lab} {s:.2f}" for lab, s in zip(labels, sl)) +
                "; memory " + ", ".join(f"{lab} {s:.2f}" for lab, s in zip(labels, msl)), "near 1 (linear)",
                "yes" if all(s < 1.25 for s in sl) else "no")
    else:
        rep.row("audit growth exponent", "— (needs two sizes)", "near 1 (linear)")
    ok = [(n, r) for n, r in zip(cfg.sizes, results) if "error" not in r]
    if ok:
        big_n, big = max(ok, key=lambda nr: nr[0])
        t_ok, m_ok = big["match_s"] < AUDIT_TARGET_S, big["peak_rss_match"] < AUDIT_TARGET_BYTES
        at_target = big_n >= AUDIT_TARGET_N
        est = "" if at_target else f" (largest size measured: {size_label(big_n)}; 1M not measured)"
        verdict = ("yes" if t_ok and m_ok else "no") if at_target else "not measured"
        rep.add(f"Target (1M claims under 60 s on 2 cores within 4 GiB): at {size_label(big_n)}, match "
                f"{secs(big['match_s'])} ({'under' if t_ok else 'over'} 60 s) in one process, peak RSS "
                f"{gib(big['peak_rss_match'])} ({'within' if m_ok else 'over'} 4 GiB){est}.", "")
        rep.row("audit target", f"{size_label(big_n)}: {secs(big['match_s'])}, {gib(big['peak_rss_match'])}{est}",
                "1M claims < 60 s, < 4 GiB", verdict)
    else:
        rep.row("audit target", "no size measured", "1M claims < 60 s, < 4 GiB", "not measured")


def section_linking(rep: Report, cfg) -> None:
    from bench import audit

    rows, points = [], []
    for n in cfg.link_sizes:
        rep.log(f"linking (link_subjects) at {size_label(n)} claims, fresh process")
        r = audit.run(n, link=True, timeout=cfg.link_timeout)
        if "error" in r:
            rows.append([size_label(n), "—", r["error"], "—", "—"])
            continue
        points.append((n, r["link_s"]))
        rows.append([size_label(n), f"{r['claims']:,}", secs(r["link_s"]), secs(r["link_cpu_s"]), secs(r["match_s"])])
    sl = audit.slopes(points)
    rep.add("## Audit: linking before matching (claims.link.link_subjects on the same synthetic claims)", "",
            "`audit` over files (checker.run.read_claims) and over a store (checker.store.audit_store) link every "
            "claim's people and organisations across documents before matching; timed here on the synthetic "
            "claims (Latin names, no aliases: the cheapest case), at smaller sizes than matching.", "")
    rep.table(["claims", "exact", "link_subjects (wall)", "link_subjects (CPU)", "match (same claims)"], rows)
    if points:
        n_big, t_big = points[-1]
        s = sl[-1] if sl else 2.0
        est = t_big * (AUDIT_TARGET_N / n_big) ** s
        slope_text = ", ".join(f"{size_label(a[0])}→{size_label(b[0])}: {x:.2f}"
                               for (a, b, x) in zip(points, points[1:], sl)) or "—"
        rep.add(f"Growth exponent: {slope_text}. At that exponent, 1M claims would take about {secs(est)} "
                f"({est / 3600:.0f} h) to link.", "")
        rep.row("linking (audit)", f"{secs(t_big)} at {size_label(n_big)} claims; exponent {slope_text}; "
                                   f"1M extrapolated: {est / 3600:,.0f} h", "near linear", "no" if s > 1.25 else "yes")
    else:
        rep.row("linking (audit)", "not measured", "near linear")


def section_store(rep: Report, cfg, ctx: dict, work: Path) -> None:
    from bench import store_check as sc
    from bench.synth import synth_draft
    from checker.store import db

    n = cfg.store_claims
    url = db.normalize_url(work / "store" / "claims.db")
    archive = ctx["archive"]
    rep.log(f"building a SQLite store of {size_label(n)} synthetic claims plus the indexed archives")
    b = sc.build(url, n, [archive.root], ctx["entities"], seed=cfg.seed, through_api=min(100_000, n // 2))
    b.pop("synthetic_doc_ids")
    gc.collect()
    counts = b["counts"]
    size_mb = sum(p.stat().st_size for p in (work / "store").glob("claims.db*")) / 1e6
    # A story none of whose stored articles is wrong, retold with a wrong valuation.
    bad = {t[1] for t in archive.truth}
    story = next((i for i, s in enumerate(archive.story_data) if s.org.id not in bad), 0)
    draft, expect = synth_draft(archive, work / "drafts", story=story, lang="en", fault="valuation")
    rep.log("timing draft checks")
    checks = [("synthetic story retold with a wrong valuation (en)",
               sc.time_check(url, draft, ctx["entities"], cfg.check_runs, cfg.check_budget, expect)),
              ("seed draft tests/data/drafts/code-red-draft.md (zh-Hans)",
               sc.time_check(url, sc.SEED_DRAFT, (), cfg.check_runs, cfg.check_budget))]
    stored = sc.time_stored_drafts(url, cfg.stored_drafts, cfg.check_budget)
    cli = time_cli_check(url, sc.SEED_DRAFT, (), cfg.cli_check_runs, cfg.check_budget)
    plan = sc.plan(url)
    searched = plan and all("SCAN" not in p for p in plan)
    rep.add(f"## Draft check against a store of {counts['claims']:,} claims (SQLite, WAL)", "",
            f"The store: fixtures/openai and the synthetic archive indexed by `checker.store.index` (extraction; "
            f"{secs(b['index_s'])}), plus `synth_claims({size_label(n)})` written directly: "
            f"{b['api_claims']:,} claims ({b['api_docs']:,} documents) through `Store.write`, one document per "
            f"transaction as `claimcheck index` writes, in {secs(b['api_s'])} = "
            f"{fnum(b['api_claims'] / max(1e-9, b['api_s']))} claims/s; the other {b['batched_claims']:,} "
            f"({b['batched_docs']:,} documents) as the same rows in transactions of 1,000 documents, in "
            f"{secs(b['batched_s'])} = {fnum(b['batched_claims'] / b['batched_s']) if b['batched_s'] else '—'} "
            f"claims/s (synthesis {secs(b['synth_s'])}). Extracting {size_label(n)} claims from text instead would "
            f"take about {secs(n / max(1e-9, ctx['claims_per_s']))} at the extraction speed measured above, so the "
            f"synthetic claims are written directly. File: {size_mb:,.0f} MB; {counts['documents']:,} documents, "
            f"{counts['person_keys']:,} person keys. Candidate queries: "
            f"{'index searches only' if searched else 'SEE PLAN'} ({'; '.join(plan) or 'no plan'}).", "",
            f"`checker.store.check_store` of a draft in a fresh process, stopped after {cfg.check_budget:g} s: first "
            f"its phases one by one (reading and extracting the draft, cold; `Store.linked_people` for its people; "
            f"`Store.candidates`, which runs linked_people again and the claim queries; linking and matching), then "
            f"whole runs: the first, and the median of up to {cfg.check_runs} more.", "")

    def cell(r, key):
        if r.get(key) is not None:
            return secs(r[key])
        return f"over {r['budget_s']:g} s" if r.get("timed_out") and not any(
            r.get(k) is not None for k in _after(key)) else "—"

    rows = [[name, cell(r, "read_extract_s"), cell(r, "linked_people_s"), cell(r, "candidates_s"),
             cell(r, "link_match_s"), secs(r["cold_s"]) if r.get("cold_s") else "—",
             secs(r["median_s"]) if r.get("median_s") else "—",
             f"{r['claims_compared']:,}" if r.get("claims_compared") is not None else "—",
             str(r.get("findings", "—")), {True: "yes", False: "NO", None: "—"}[r.get("found_expected")]]
            for name, r in checks]
    over = f"over {cfg.check_budget:g} s" if stored.get("timed_out") else "—"
    rows.append([f"{stored['drafts']} of {stored['asked']} stored synthetic documents as drafts (no extraction)"
                 + (f", the rest not reached in {cfg.check_budget:g} s" if stored.get("timed_out") else ""), "—",
                 "—", secs(stored["query_median_s"]) if stored["query_median_s"] is not None else over, "—", "—",
                 secs(stored["median_s"]) if stored["median_s"] is not None else over,
                 f"median {stored['candidates_median']:g}, max {stored['candidates_max']}"
                 if stored["candidates_median"] is not None else "—", str(stored["findings"]), "—"])
    rows.append([f"`claimcheck check` of the seed draft `--store` as a command (start-up included), median of "
                 f"{cfg.cli_check_runs}" + (" (not run with --quick)" if not cfg.cli_check_runs else ""),
                 "—", "—", "—", "—", "—", secs(cli["median_s"]) if cli["median_s"] else
                 (f"over {cfg.check_budget:g} s" if cli.get("timed_out") else "—"), "—", "—", "—"])
    rep.table(["draft", "read + extract (cold)", "linked_people", "candidates", "link + match", "first run",
               "median", "claims compared", "findings", "injected conflict found"], rows)
    for name, r in checks:
        if r.get("timed_out") or r.get("error"):
            rep.add(f"- {name}: {'stopped after ' + format(r['budget_s'], 'g') + ' s' if r.get('timed_out') else r['error']}"
                    f" (people in the draft: {r.get('draft_people', '—')}; stored ids linked to them: "
                    f"{r.get('linked_ids', 'not reached')}).")
    rep.add("")

    def shown(r):
        if r.get("median_s") is not None:
            return secs(r["median_s"])
        return f"over {r['budget_s']:g} s" if r.get("timed_out") else "failed"

    worst = [r.get("median_s") if r.get("median_s") is not None else float("inf") for _, r in checks]
    worst.append(stored["median_s"] if stored["median_s"] is not None else float("inf"))
    rep.row(f"draft check ({size_label(n)}-claim store)",
            f"{shown(checks[0][1])} (story draft), {shown(checks[1][1])} (seed draft), "
            f"{secs(stored['median_s']) if stored['median_s'] is not None else 'over ' + format(cfg.check_budget, 'g') + ' s'}"
            f" (stored drafts, no extraction); whole command "
            f"{secs(cli['median_s']) if cli['median_s'] else '—'} (with start-up); conflict found: "
            f"{ {True: 'yes', False: 'NO', None: 'not reached'}[checks[0][1].get('found_expected')]}",
            "< 1 s", "yes" if max(worst) < CHECK_TARGET_S else "no")


_PHASES = ["read_extract_s", "linked_people_s", "candidates_s", "link_match_s", "runs_s"]


def _after(key: str) -> list[str]:
    return _PHASES[_PHASES.index(key):] if key in _PHASES else []


def time_cli_check(url: str, draft: Path, entities: tuple[str, ...], runs: int, budget: float) -> dict:
    from bench.startup import console_script

    cmd = console_script() + ["check", str(draft), "--store", url, "--fail-on", "never", "--no-baseline",
                              "--format", "json"] + [a for e in entities for a in ("--entities", e)]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        try:
            subprocess.run(cmd, capture_output=True, cwd=draft.parent, timeout=budget)
        except subprocess.TimeoutExpired:
            return {"median_s": None, "min_s": None, "max_s": None, "timed_out": True}
        times.append(time.perf_counter() - t0)
    if not times:
        return {"median_s": None, "min_s": None, "max_s": None}
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times)}


def section_startup(rep: Report, cfg) -> None:
    from bench import startup

    rep.log("CLI start-up")
    r = startup.time_help(cfg.help_runs)
    imp = startup.import_times()
    rep.add("## CLI start-up", "",
            f"`{r['command']}` in a subprocess, median of {r['runs']} runs after one untimed run (a bare "
            f"`python -c pass` takes {secs(r['bare_python_s'])}):", "")
    rep.table(["median", "min", "max", "exit code"], [[secs(r["median_s"]), secs(r["min_s"]), secs(r["max_s"]),
                                                       str(r["exit"])]])
    over = r["median_s"] > HELP_TARGET_S
    rep.add(f"What `--help` imports (`python -X importtime`, {secs(imp['total_s'])} of imports in all), the "
            f"heaviest third-party packages and which of our modules pulled each in first:", "")
    rep.table(["package", "cumulative import", "imported by"],
              [[p["package"], secs(p["s"]), f"`{p['imported_by']}`"] for p in imp["third_party"][:8]])
    rep.table(["our module", "cumulative import"], [[f"`{m['module']}`", secs(m["s"])] for m in imp["ours"][:8]])
    heavy = ", ".join(f"{p['package']} {secs(p['s'])} (via {p['imported_by']})" for p in imp["third_party"][:3])
    rep.row("CLI start-up (`claimcheck --help`)", f"{secs(r['median_s'])} median" +
            (f"; heaviest imports: {heavy}" if over else ""), "< 0.3 s", "no" if over else "yes")


def section_warm(rep: Report, cfg) -> None:
    from bench import warm_check

    rep.log("warm check of a draft against the seed archive")
    r = warm_check.time_warm_check(cfg.warm_runs)
    rep.add("## Warm draft check (the claims cache)", "",
            f"`{r['command']}` as a command, start-up included, the cache in a fresh folder: the first run fills "
            f"it; warm is the same run again (median of {r['runs']}); edited is the draft changed before each run "
            f"(median of {r['edited_runs']}), so only the draft is extracted.", "")
    rep.table(["cold (fills the cache)", "warm median", "warm min", "warm max", "edited draft", "--no-cache"],
              [[secs(r["cold_s"]), secs(r["warm_median_s"]), secs(r["warm_min_s"]), secs(r["warm_max_s"]),
                secs(r["edited_median_s"]), secs(r["no_cache_s"])]])
    rep.row("warm `check` (seed archive, one-page draft)",
            f"{secs(r['warm_median_s'])} median (cold {secs(r['cold_s'])}; edited draft {secs(r['edited_median_s'])})",
            "< 1 s", "yes" if r["warm_median_s"] < CHECK_TARGET_S else "no")


# --- the run ----------------------------------------------------------------------------------

class Config:
    def __init__(self, args):
        quick = args.quick
        self.quick = quick
        self.seed = args.seed
        self.stories = args.stories or (1 if quick else 60)
        self.profile_stories = max(1, self.stories // 3)
        self.min_seconds = 0.02 if quick else 2.0
        self.parallel_copies = 1 if quick else 2
        default_sizes = "1k,3k" if quick else "10k,100k,1M"
        self.sizes = sorted({parse_size(s) for s in (args.sizes or default_sizes).split(",") if s.strip()})
        default_link = "300,600" if quick else "1k,2k,5k"
        self.link_sizes = sorted({parse_size(s) for s in (args.link_sizes or default_link).split(",") if s.strip()})
        self.store_claims = parse_size(args.store_claims) if args.store_claims else max(self.sizes)
        self.check_runs = 2 if quick else 5
        self.check_budget = 60.0
        self.cli_check_runs = 0 if quick else 3
        self.stored_drafts = 3 if quick else 10
        self.help_runs = 1 if quick else 9
        self.warm_runs = 2 if quick else 7
        self.audit_timeout = 600 if quick else 900
        self.link_timeout = 120 if quick else 300


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="tiny sizes (1k and 3k claims, one story): a smoke run")
    ap.add_argument("--sizes", help="claim counts for the audit, comma-separated (10k,100k,1M)")
    ap.add_argument("--link-sizes", help="claim counts for linking (1k,3k,10k)")
    ap.add_argument("--store-claims", help="synthetic claims in the store of the draft check (default: largest size)")
    ap.add_argument("--stories", type=int, help="stories in the synthetic archive (60; quick: 1)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="results file (bench/results.md)")
    ap.add_argument("--workdir", type=Path, help="keep the synthetic archive and store here (default: a temporary "
                                                  "folder, removed at the end)")
    ap.add_argument("--only", help=f"run only these sections after extraction ({','.join(SECTIONS)}); "
                                   "for working on the benchmark itself")
    args = ap.parse_args(argv)
    import faulthandler
    import signal

    faulthandler.enable()   # a crash or a kill by signal leaves a traceback on stderr, not silence
    if hasattr(signal, "SIGTERM"):
        faulthandler.register(signal.SIGTERM, chain=True)
    cfg = Config(args)
    from bench.machine import Contention, describe

    started = time.perf_counter()
    run_contention = Contention()
    rep = Report()
    machine = describe()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    only = (set(args.only.split(",")) | {"extraction"}) if args.only else set(SECTIONS)

    conditions: list[list[str]] = []

    def timed(name, fn, *a):
        if name not in only:
            return None
        c = Contention()
        out = fn(*a)
        o = c.others()
        conditions.append([name, secs(o["wall_s"]), fnum(o["load"], 2) if o["load"] is not None else "—",
                           f"{o['others_cores']:.2f}" if o["others_cores"] is not None else "—"])
        rep.log(f"{name}: {secs(o['wall_s'])} (other processes used {conditions[-1][3]} cores)")
        return out

    try:
        rep.add("## Machine", "")
        rep.table(["", ""], [[k, v] for k, v in machine.items()])
        ctx = timed("extraction", section_extraction, rep, cfg, work)
        mixed = ctx["throughput"]["mixed"]["synthetic"]
        ctx["claims_per_s"] = mixed["claims"] / mixed["seconds"]
        timed("profile", section_profile, rep, cfg, ctx)
        timed("parallel", section_parallel, rep, cfg, ctx)
        timed("audit", section_audit, rep, cfg)
        timed("linking", section_linking, rep, cfg)
        timed("store", section_store, rep, cfg, ctx, work)
        timed("startup", section_startup, rep, cfg)
        timed("warm", section_warm, rep, cfg)
        whole = run_contention.others()
        rep.add("## Run conditions", "",
                "Other processes on the machine during each section (CPU time of all processes from /proc/stat, less "
                "this benchmark's own and its children's, per second of wall time: 1.00 means one core was busy with "
                "other work throughout). Wall-time figures of a section that shared the machine are inflated; "
                "the per-core throughputs above are CPU time and hold up better.", "")
        rep.table(["section", "wall time", "1-min load at end", "cores used by others"], conditions + [
            ["whole run", secs(whole["wall_s"]), fnum(whole["load"], 2) if whole["load"] is not None else "—",
             f"{whole['others_cores']:.2f}" if whole["others_cores"] is not None else "—"]])
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    took = time.perf_counter() - started
    header = ["# claimcheck benchmarks", "",
              f"`python -m bench.run{' --quick' if cfg.quick else ''}` (`make bench`), {machine['date']}, on "
              f"{machine['CPU']}, {machine['cores']}, {machine['RAM']} RAM, Python "
              f"{machine['Python'].split(' (')[0]}; the whole run took {secs(took)}. Timings are recorded, never "
              f"asserted; they vary by a few per cent between runs (more on a shared virtual machine).", ""]
    text = rep.text(header)
    write_atomically(args.output, text)
    print("\n## Summary\n", flush=True)
    print("| measure | result | goal | met |\n|---|---|---|---|", flush=True)
    for r in rep.summary:
        print("| " + " | ".join(r) + " |", flush=True)
    rep.log(f"done in {secs(took)}; wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
