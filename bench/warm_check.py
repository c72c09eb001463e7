"""`claimcheck check` of a one-page draft against the seed archive (fixtures/openai), as a
pre-commit hook runs it: a command, start-up included, with the claims cache in a fresh folder.

- cold: the first run, which extracts every document and fills the cache;
- warm: the same run again (nothing changed), median of several;
- edited draft: the draft changed before each run (a line appended), so it alone is extracted
  and only its language is loaded.

Timings are recorded in bench/results.md, never asserted.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT / "fixtures" / "openai"
DRAFT = ROOT / "tests" / "data" / "drafts" / "code-red-draft.md"


def _run(cmd: list[str], env: dict, cwd: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, cwd=cwd, env=env, timeout=600)
    return time.perf_counter() - t0


def time_warm_check(runs: int) -> dict:
    from bench.startup import console_script

    work = Path(tempfile.mkdtemp(prefix="claimcheck-warm-"))
    try:
        draft = work / DRAFT.name
        shutil.copy(DRAFT, draft)
        env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1"}
        env.pop("CLAIMCHECK_NO_CACHE", None)
        cmd = console_script() + ["check", str(draft), "--against", str(ARCHIVE), "--fail-on", "never", "--no-baseline"]
        cold = _run(cmd, env, work)
        warm = [_run(cmd, env, work) for _ in range(runs)]
        no_cache = _run(cmd + ["--no-cache"], env, work)
        edited = []
        for i in range(max(1, runs // 2)):
            with draft.open("a", encoding="utf-8") as fh:
                fh.write(f"\n分析人士认为,竞争压力仍在加大({i})。\n")
            edited.append(_run(cmd, env, work))
        return {"cold_s": cold, "warm_median_s": statistics.median(warm), "warm_min_s": min(warm),
                "warm_max_s": max(warm), "runs": runs, "no_cache_s": no_cache,
                "edited_median_s": statistics.median(edited), "edited_runs": len(edited),
                "command": " ".join(["claimcheck", "check", DRAFT.name, "--against", "fixtures/openai"])}
    finally:
        shutil.rmtree(work, ignore_errors=True)
