"""The claimcheck command line: thin typer commands over checker.run and the renderers.

Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage or input error.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Claim-level fact-consistency checks for news in several languages.")


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


PathsArg = Annotated[list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html, manifest.yaml).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of standard output.")]
FailOnOpt = Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")]
EntitiesOpt = Annotated[Optional[list[Path]], typer.Option("--entities", help="Extra entity data files (YAML).")]
DisableOpt = Annotated[Optional[list[str]], typer.Option("--disable", help="Rule codes or names to turn off.")]


def fail(message: str) -> None:
    typer.echo(f"claimcheck: {message}", err=True)
    raise typer.Exit(2)


def write_output(text: str, output: Optional[Path]) -> None:
    """Standard output, or a file written atomically (a temporary file renamed into place)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    folder = output.resolve().parent
    if not folder.is_dir():
        fail(f"E110 {output}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        fail(f"E111 {output}: cannot write: {exc.strerror or exc}")


def _guard(fn):
    """Input errors become one line on stderr and exit 2; never a traceback for bad input."""
    from claims.errors import InputError

    try:
        return fn()
    except InputError as exc:
        fail(f"{exc.code} {exc.path}: {exc.message}")
    except RecursionError:
        fail("E112 input is nested too deeply to read")


def _emit(report, fmt: Format, output: Optional[Path], fail_on: FailOn) -> None:
    from checker.findings import SEVERITY_RANK
    from checker.report import RENDERERS

    colour = fmt == Format.text and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    write_output(RENDERERS[fmt.value](report, colour=colour), output)
    for line in report.skipped:
        typer.echo(f"claimcheck: skipped {line}", err=True)
    if fail_on != FailOn.never:
        floor = SEVERITY_RANK[fail_on.value]
        if any(SEVERITY_RANK[f.severity] >= floor and not f.suppressed and f.kind != "agreement"
               for f in report.findings):
            raise typer.Exit(1)


def _entity_files(entities: Optional[list[Path]]) -> tuple[str, ...]:
    return tuple(str(p) for p in entities or [])


@app.command()
def audit(paths: PathsArg, format: FormatOpt = Format.text, output: OutputOpt = None,
          fail_on: FailOnOpt = FailOn.error, entities: EntitiesOpt = None, disable: DisableOpt = None) -> None:
    """Extract claims from every document, match them, report contradictions."""
    from checker.run import audit as run_audit

    report = _guard(lambda: run_audit(paths, entity_files=_entity_files(entities), disabled=set(disable or [])))
    _emit(report, format, output, fail_on)


@app.command()
def check(draft: Annotated[Path, typer.Argument(help="The draft to check.")],
          against: Annotated[list[Path], typer.Option("--against", "-a", help="The archive: files or folders.")],
          format: FormatOpt = Format.text, output: OutputOpt = None, fail_on: FailOnOpt = FailOn.error,
          entities: EntitiesOpt = None, disable: DisableOpt = None) -> None:
    """Check a draft against the archive; report only findings that involve the draft."""
    from checker.run import check as run_check

    report = _guard(lambda: run_check(draft, against, entity_files=_entity_files(entities),
                                      disabled=set(disable or [])))
    _emit(report, format, output, fail_on)


@app.command()
def claims(paths: PathsArg, format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
           output: OutputOpt = None, entities: EntitiesOpt = None) -> None:
    """Print the claims extracted from the documents, with their sentences and normalized values."""
    from checker.compare.base import render
    from checker.findings import Report
    from checker.run import read_claims

    docs, found, skipped = _guard(lambda: read_claims(paths, entity_files=_entity_files(entities)))
    if format == Format.json:
        write_output(Report(documents=docs, claims=found, findings=[], skipped=skipped).model_dump_json(indent=2) + "\n", output)
        return
    lines = []
    for c in found:
        v = c.value if c.value is not None else c.time
        extra = f" object={c.object.name}" if c.object else ""
        extra += f" time={render(c.time)}" if c.time and c.value is not None else ""
        lines.append(f"{c.id}\t{c.predicate}\t{c.subject.name} [{c.subject.id}]\t{render(v) if v else '-'}{extra}\n"
                     f"\t“{c.text}”")
    write_output("\n".join(lines) + "\n", output)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report (from the pydantic models)."""
    from checker.findings import Report

    typer.echo(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def rules() -> None:
    """List the comparison rules: code, name, claim types and what each one flags."""
    import inspect

    from checker.compare import RULES

    for r in RULES:
        typer.echo(f"{r.code}  {r.name}  [{r.kind}: {', '.join(r.predicates)}]")
        typer.echo("    " + inspect.cleandoc(r.__doc__ or "").replace("\n", "\n    "))
        typer.echo("")


@app.command()
def parse(text: Annotated[str, typer.Argument(help="The phrase to read.")],
          lang: Annotated[str, typer.Option("--lang", "-l", help="en, ru, zh-Hans, zh-Hant or ar.")],
          published: Annotated[Optional[str], typer.Option(help="Reference date YYYY-MM-DD for relative dates.")] = None,
          format: Annotated[Format, typer.Option("--format", "-f")] = Format.text) -> None:
    """Print every value read in TEXT (numbers, money, times, durations, titles, names)."""
    from checker.parse import parse_phrase

    try:
        ref = dt.date.fromisoformat(published) if published else None
    except ValueError:
        fail(f"E202 --published: {published!r} is not a date (YYYY-MM-DD)")
    rows = _guard(lambda: parse_phrase(text, lang, ref))
    if format == Format.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    for r in rows:
        typer.echo(f"{r['dim']:<9} [{r['span'][0]}:{r['span'][1]}] {r['text']!r} -> {r['value']}")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("claimcheck: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
