"""Report renderers, one module per format, registered in the one table below.

Every renderer is `render(report, *, colour=False, targets=None) -> str`; `targets` names the
documents being checked (the drafts of `claimcheck check`), None for every document (an audit).
"""
from __future__ import annotations

from checker.report import github, html, json_format, junit, sarif, text

RENDERERS = {
    "text": text.render,
    "json": json_format.render,
    "html": html.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
}
# Formats read by programs: no progress bar, no colour.
MACHINE_FORMATS = {"json", "github", "sarif", "junit"}
