"""Report renderers, one module per format, registered in the one table below."""
from __future__ import annotations

from checker.report import html, json_format, text

RENDERERS = {
    "text": text.render,
    "json": json_format.render,
    "html": html.render,
}
