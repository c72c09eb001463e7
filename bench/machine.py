"""What the benchmark ran on: CPU, cores, memory, Python, date, and the code's commit."""
from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 ** 2
    except OSError:
        pass
    return None


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _commit() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=60).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=60).stdout.strip()
        return f"{rev}{' + uncommitted changes' if dirty else ''}" if rev else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def describe() -> dict[str, str]:
    ram = _ram_gib()
    virt = ""
    try:
        flags = Path("/proc/cpuinfo").read_text()
        virt = " (virtual machine)" if " hypervisor" in flags else ""
    except OSError:
        pass
    return {
        "CPU": f"{_cpu_model()}{virt}",
        "cores": f"{cores()} usable ({os.cpu_count()} online)",
        "RAM": f"{ram:.1f} GiB" if ram else "unknown",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "claimcheck": _commit(),
    }


class Contention:
    """How busy the machine was with other work over an interval: CPU time of every process
    (/proc/stat) less this process's and its children's, in cores. A benchmark on a machine where
    others run is slower in wall time; CPU-time figures hold up better."""

    def __init__(self):
        self.start = self._snapshot()

    @staticmethod
    def _snapshot():
        import resource
        import time

        busy = None
        try:
            fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
            vals = [int(x) for x in fields]
            idle = vals[3] + (vals[4] if len(vals) > 4 else 0)
            busy = (sum(vals[:8]) - idle) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            pass
        me = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        own = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
        return time.perf_counter(), busy, own

    def others(self) -> dict:
        """{"wall_s", "others_cores": average cores used by other processes, "load": 1-min load}."""
        t1, busy1, own1 = self._snapshot()
        t0, busy0, own0 = self.start
        wall = t1 - t0
        others = None
        if busy0 is not None and busy1 is not None and wall > 0:
            others = max(0.0, (busy1 - busy0) - (own1 - own0)) / wall
        try:
            load = os.getloadavg()[0]
        except OSError:
            load = None
        return {"wall_s": wall, "others_cores": others, "load": load}
