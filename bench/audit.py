"""Matching at scale: `checker.matcher.match` over `bench.synth.synth_claims(n)`, one fresh process
per size, so that one size's memory does not weigh on the next.

    python -m bench.audit 100000 [--link]     prints one JSON object

Memory is the process's resident set (what the 4 GiB target is about): its size with the claims
built, and its peak while matching (Linux: the peak is reset just before `match`, by writing 5 to
/proc/self/clear_refs; elsewhere the process's lifetime peak). `--link` also times
`claims.link.link_subjects` over the same claims (what an audit of a store runs before matching).
"""
from __future__ import annotations

import argparse
import gc
import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]


def _status() -> dict[str, int]:
    """VmRSS and VmHWM in bytes (Linux), else {}."""
    out = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                k, v = line.split(":", 1)
                out[k] = int(v.split()[0]) * 1024
    except OSError:
        pass
    return out


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _maxrss() -> int:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r if sys.platform == "darwin" else r * 1024


def measure(n: int, *, link: bool = False, seed: int = 0, rate: float = 0.05) -> dict:
    from bench.synth import score, synth_claims
    from checker.matcher import match

    warm = synth_claims(200, rate=rate, seed=seed + 1)
    match(warm.documents, warm.claims)    # rule data (titles.yaml, ...) loads on first use
    del warm
    t0 = time.perf_counter()
    data = synth_claims(n, rate=rate, seed=seed)
    made = time.perf_counter() - t0
    gc.collect()   # the synthetic claims are old objects by now, not the matcher's garbage
    before = _status().get("VmRSS", 0)
    exact_peak = _reset_peak()
    t1, c1 = time.perf_counter(), time.process_time()
    findings = match(data.documents, data.claims)
    seconds, cpu = time.perf_counter() - t1, time.process_time() - c1
    status = _status()
    out = {"claims": len(data.claims), "documents": len(data.documents), "synth_s": made, "match_s": seconds,
           "match_cpu_s": cpu,
           "rss_before": before, "peak_rss_match": status.get("VmHWM", 0) if exact_peak else _maxrss(),
           "peak_exact": exact_peak, "maxrss": _maxrss(), **score(findings, data.truth)}
    if link:
        from claims.link import link_subjects

        t2, c2 = time.perf_counter(), time.process_time()
        link_subjects(data.claims)
        out["link_s"], out["link_cpu_s"] = time.perf_counter() - t2, time.process_time() - c2
    return out


def run(n: int, *, link: bool = False, timeout: Optional[float] = None) -> dict:
    """`measure(n)` in a fresh interpreter; {"error": ...} if it fails or runs out of time."""
    cmd = [sys.executable, "-m", "bench.audit", str(n)] + (["--link"] if link else [])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"claims": n, "error": f"over {timeout:.0f} s"}
    if p.returncode != 0:
        tail = (p.stderr.strip().splitlines() or ["no output"])[-1]
        return {"claims": n, "error": f"exit {p.returncode}: {tail}"}
    return json.loads(p.stdout.strip().splitlines()[-1])


def slopes(points: list[tuple[float, float]]) -> list[float]:
    """Log-log slopes between consecutive (size, value) points: 1 is linear, 2 quadratic."""
    out = []
    for (n1, v1), (n2, v2) in zip(points, points[1:]):
        out.append(math.log(v2 / v1) / math.log(n2 / n1) if v1 > 0 and v2 > 0 and n2 != n1 else float("nan"))
    return out


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("--link", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    print(json.dumps(measure(args.n, link=args.link, seed=args.seed)))


if __name__ == "__main__":
    main()
