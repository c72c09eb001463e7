"""The benchmark runs end to end at a tiny size and reports every row. Only the shape of the
results is checked, never a number: timings depend on the machine and are not pass/fail."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SUMMARY_ROWS = [
    "extraction en", "extraction ru", "extraction zh-Hans", "extraction zh-Hant", "extraction ar",
    "extraction mixed (synthetic, all languages)", "slowest stage", "extraction on all cores",
    "audit 1k", "audit 3k", "audit growth exponent", "audit target", "linking (audit)",
    "draft check (3k-claim store)", "CLI start-up (`claimcheck --help`)",
    "warm `check` (seed archive, one-page draft)",
]
SECTIONS = [
    "## Machine", "## Extraction throughput, one core", "## Where extraction spends its time",
    "## Extraction on all cores", "## Audit: matching only", "## Audit: linking before matching",
    "## Draft check against a store", "## CLI start-up", "## Warm draft check (the claims cache)",
    "## Run conditions",
]
MACHINE = ["| CPU |", "| cores |", "| RAM |", "| Python |", "| date |"]


def _summary(text: str) -> dict[str, list[str]]:
    rows = {}
    lines = text.splitlines()
    start = lines.index("## Summary")
    for line in lines[start + 1:]:
        if line.startswith("## "):
            break
        if line.startswith("| ") and not line.startswith("| measure"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows[cells[0]] = cells
    return rows


def test_quick_run_writes_every_row(tmp_path):
    out = tmp_path / "results.md"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-m", "bench.run", "--quick", "--output", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=900, env=env)
    assert p.returncode == 0, p.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    rows = _summary(text)
    for name in SUMMARY_ROWS:
        assert name in rows, f"summary row {name!r} missing; rows: {sorted(rows)}"
        assert rows[name][1] and "failed" not in rows[name][1], rows[name]
    for heading in SECTIONS:
        assert any(line.startswith(heading) for line in text.splitlines()), heading
    for cell in MACHINE:
        assert cell in text, cell
    # The same table is printed, and the per-language table has a row per language.
    assert "| measure | result | goal | met |" in p.stdout
    for lang in ("en", "ru", "zh-Hans", "zh-Hant", "ar", "mixed"):
        assert f"\n| {lang} | " in text, lang
    # Written atomically: no temporary file left beside it.
    assert [f.name for f in tmp_path.iterdir()] == ["results.md"]
