"""How long `claimcheck --help` takes, and which imports make it so (python -X importtime)."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = ("checker", "claims", "bench")


def console_script() -> list[str]:
    exe = Path(sys.executable).parent / ("claimcheck.exe" if os.name == "nt" else "claimcheck")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "checker.cli"]


def time_help(runs: int) -> dict:
    cmd = console_script() + ["--help"]
    subprocess.run(cmd, capture_output=True, cwd=ROOT)   # warm the file cache; not counted
    times = []
    code = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
        code = code or p.returncode
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], capture_output=True)
    bare = time.perf_counter() - t0
    return {"command": " ".join(Path(cmd[0]).name if i == 0 else c for i, c in enumerate(cmd)),
            "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs": runs,
            "exit": code, "bare_python_s": bare}


HELP = "import sys; sys.argv = ['claimcheck', '--help']; from checker.cli import main; main()"


def _importtime(code: str) -> list[tuple[int, str, int, int]]:
    """(depth, module, self µs, cumulative µs) per line of `python -X importtime -c CODE`."""
    p = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True,
                       text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    rows = []
    for line in p.stderr.splitlines():
        if not line.startswith("import time:") or line.count("|") < 2:
            continue
        head, cum_s, name = line.split("|", 2)
        try:
            self_us, cum = int(head.split(":", 1)[1]), int(cum_s)
        except ValueError:
            continue   # the header line
        rows.append(((len(name) - len(name.lstrip(" "))) // 2, name.strip(), self_us, cum))
    return rows


def import_times() -> dict:
    """`python -X importtime` of what `claimcheck --help` runs, read into: the heaviest
    third-party packages (the cumulative time of their outermost imports) each with the first of
    our modules that pulled it in ("run time" when a function imported it while running), and our
    own modules' cumulative times. What a bare interpreter imports at start-up is left out."""
    startup = {name for _, name, _, _ in _importtime("pass")}
    rows = _importtime(HELP)
    # Parent of row i: the first later row with a smaller depth (children are printed first).
    parent: dict[int, int] = {}
    stack: list[int] = []
    for i in range(len(rows) - 1, -1, -1):
        d = rows[i][0]
        while stack and rows[stack[-1]][0] >= d:
            stack.pop()
        if stack:
            parent[i] = stack[-1]
        stack.append(i)

    def top(name: str) -> str:
        return name.split(".")[0]

    def ours(name: str) -> bool:
        return top(name) in OURS

    def importer(i: int) -> str:
        j = parent.get(i)
        while j is not None and not ours(rows[j][1]):
            j = parent.get(j)
        return rows[j][1] if j is not None else "run time"

    third: dict[str, list] = {}
    for i, (_, name, _, cum) in enumerate(rows):
        if ours(name) or name in startup:
            continue
        j = parent.get(i)
        if j is not None and top(rows[j][1]) == top(name):
            continue   # inside its own package: counted in the outer row
        entry = third.setdefault(top(name), [0, importer(i)])
        entry[0] += cum
    heavy = sorted(((v[0], t, v[1]) for t, v in third.items()), reverse=True)[:10]
    own = sorted(((cum, name) for _, name, _, cum in rows if ours(name)), reverse=True)[:10]
    total = sum(cum for depth, name, _, cum in rows if depth == 0 and name not in startup)
    return {"total_s": total / 1e6,
            "third_party": [{"package": t, "s": c / 1e6, "imported_by": b} for c, t, b in heavy],
            "ours": [{"module": n, "s": c / 1e6} for c, n in own]}
