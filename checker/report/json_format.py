"""`--format json`: the report contract, exactly as the pydantic models dump it."""
from __future__ import annotations

from checker.findings import Report


def render(report: Report, **_) -> str:
    return report.model_dump_json(indent=2, exclude_none=False) + "\n"
