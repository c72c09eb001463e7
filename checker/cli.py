"""The claimcheck command line: thin typer commands over checker.run and the renderers.

Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage or input error.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import stat
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.store.commands import StoreOpt, index

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Claim-level fact-consistency checks for news in several languages.")


def _help_types() -> None:
    """Help names what to type (FILE, TEXT, [text|json]), never a Python type (`<list[Path]>`,
    `<bool>`): a flag shows no type at all."""
    from typer import core

    def shown(self, ctx):
        if getattr(self, "is_flag", False) or getattr(self, "count", False):
            return None
        if self.metavar:
            return self.metavar
        desc = self.type_descriptor
        if desc.is_choice:
            return "[" + "|".join(str(getattr(c, "value", c)) for c in desc.choices) + "]"
        if desc.is_path:
            label = "PATH"
        else:
            from typing import get_args

            inner = get_args(desc.annotation)[0] if desc.is_list and get_args(desc.annotation) else desc.annotation
            label = {int: "INTEGER", float: "NUMBER"}.get(inner, "TEXT")
            if desc.is_list and inner is Path:
                label = "PATH"
        return label + ("..." if isinstance(self, core.TyperArgument) and self.nargs != 1 else "")

    core.TyperOption.display_type_rich = shown
    core.TyperArgument.display_type_rich = shown


_help_types()


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("claimcheck")
    except Exception:  # not installed as a distribution
        return "0"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {_version()}")
        raise typer.Exit(0)


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Claim-level fact-consistency checks for news in several languages."""


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"
    github = "github"
    sarif = "sarif"
    junit = "junit"


class ClaimsFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


# readable=False: the reader says what is wrong with an article (E102 permission denied), in one
# line, rather than click's usage panel.
PathsArg = Annotated[list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html, manifest.yaml).",
                                                readable=False, metavar="PATH...")]
OptionalPathsArg = Annotated[Optional[list[Path]], typer.Argument(
    help="Article files or folders (.txt, .md, .html, manifest.yaml); with --store, read besides the stored ones.",
    readable=False, metavar="PATH...")]
FormatOpt = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="Output format (default: `format` in the configuration, else text).")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE",
                                                   help="Write here instead of standard output (`-`: standard output).")]
FailOnOpt = Annotated[Optional[FailOn], typer.Option(
    "--fail-on", help="Lowest severity that makes the exit code 1 (default: configuration, else error).")]
EntitiesOpt = Annotated[Optional[list[Path]], typer.Option("--entities", metavar="FILE",
                                                           help="Extra entity data files (YAML).")]
DisableOpt = Annotated[Optional[list[str]], typer.Option(
    "--disable", metavar="CODE", help="Rule codes or names to turn off (`claimcheck rules`; any case).")]
LanguageOpt = Annotated[Optional[list[str]], typer.Option(
    "--language", "-L", metavar="LANG", help="Read only documents in these languages (repeat the option).")]
BaselineOpt = Annotated[Optional[Path], typer.Option(
    "--baseline", metavar="FILE", help="Findings whose fingerprints this file holds are suppressed (\"in baseline\").")]
NoBaselineOpt = Annotated[bool, typer.Option("--no-baseline", help="Ignore the configured baseline.")]
ConfigOpt = Annotated[Optional[Path], typer.Option(
    "--config", metavar="FILE", help="A claimcheck.toml or pyproject.toml (default: the nearest one from here upward).")]
ProgressOpt = Annotated[Optional[bool], typer.Option(
    "--progress/--no-progress", help="A progress bar on standard error (default: on a terminal, for text and html).")]
NoCacheOpt = Annotated[bool, typer.Option(
    "--no-cache", help="Extract every document again instead of reading its claims from the cache.")]


def fail(message: str) -> None:
    typer.echo(f"claimcheck: {message}", err=True)
    raise typer.Exit(2)


def _is_stdout(output: Optional[Path]) -> bool:
    return output is None or str(output) == "-"


def write_output(text: str, output: Optional[Path]) -> None:
    """Standard output, or a file written atomically (a temporary file renamed into place) with
    the permissions a new file gets (the umask), or those of the file it replaces."""
    if _is_stdout(output):
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # `| head`: the reader has gone; nothing more to say
            _quiet_stdout()
        except OSError as exc:
            _quiet_stdout()
            fail(f"E111 standard output: cannot write: {exc.strerror or exc}")
        return
    try:
        st = os.stat(output)
        kind = st.st_mode
    except FileNotFoundError:
        st = kind = None
    except OSError as exc:
        fail(f"E111 {output}: cannot write: {exc.strerror or exc}")
    if kind is not None and stat.S_ISDIR(kind):
        fail(f"E111 {output}: is a directory")
    if kind is not None and not stat.S_ISREG(kind):
        # /dev/null, /dev/stdout, a FIFO: written to as it is; renaming a file over it would
        # replace the device itself.
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            fail(f"E111 {output}: cannot write: {exc.strerror or exc}")
        return
    folder = output.resolve().parent
    if not folder.is_dir():
        fail(f"E110 {output}: folder {folder} does not exist")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.", suffix=".tmp")
        os.fchmod(fd, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        fail(f"E111 {output}: cannot write: {exc.strerror or exc}")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _quiet_stdout() -> None:
    """Standard output is gone or full: point it at /dev/null so that Python's exit flush does not
    fail a second time with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def guard_output(output: Optional[Path], inputs: list) -> None:
    """Inputs are never written to: `--output` onto an article, a draft, a manifest, the
    configuration or the baseline is an error (E115), before anything is read or written."""
    if _is_stdout(output):
        return
    try:
        target = os.stat(output)
    except OSError:
        return
    if not stat.S_ISREG(target.st_mode):
        return
    for item in inputs:
        if item is None:
            continue
        p = Path(item)
        try:
            if p.is_dir():
                under = os.path.realpath(output).startswith(os.path.realpath(p) + os.sep)
                if under and Path(output).suffix.lower() in _ARTICLE_SUFFIXES + (".yaml",):
                    fail(f"E115 --output {output}: is an input (an article under {p}); inputs are never written to")
                continue
            same = os.path.samefile(output, p)
        except OSError:
            continue
        if same:
            fail(f"E115 --output {output}: is an input ({p}); inputs are never written to")


_ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def _guard(fn):
    """Input errors become one line on stderr and exit 2; never a traceback for bad input."""
    from claims.errors import InputError

    try:
        return fn()
    except InputError as exc:
        fail(f"{exc.code} {exc.path}: {exc.message}")
    except RecursionError:
        fail("E112 input is nested too deeply to read")
    except MemoryError:
        fail("E114 input is too large to read in the memory available")


class _Progress:
    """A rich progress bar on standard error, one step per document read."""

    def __init__(self):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            TextColumn("{task.description}"), console=Console(stderr=True), transient=True)
        self.task = None

    def start(self, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task("", total=total)

    def __call__(self, doc) -> None:
        if self.task is not None:
            self.bar.update(self.task, advance=1, description=doc.id)

    def stage(self, name: str) -> None:
        """Reading is done: the bar says what runs now (matching) instead of sitting at N/N."""
        if self.task is not None:
            self.bar.columns[0].text_format = name
            self.bar.update(self.task, description="")
            self.bar.refresh()

    def stop(self) -> None:
        self.bar.stop()


def _want_progress(fmt: Format, output: Optional[Path], flag: Optional[bool]) -> bool:
    """On a terminal only, and never for a machine format on standard output."""
    from checker.report import MACHINE_FORMATS

    if flag is not None:
        return flag
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return False
    return fmt.value not in MACHINE_FORMATS or output is not None


def _run_with_progress(fn, want: bool):
    if not want:
        return _guard(lambda: fn(None))
    bar = _Progress()
    try:
        return _guard(lambda: fn(bar))
    finally:
        bar.stop()


class _Settings:
    """The configuration with the command line's options on top."""

    def __init__(self, config: Optional[Path], *, format: Optional[Format] = None, fail_on: Optional[FailOn] = None,
                 entities: Optional[list[Path]] = None, disable: Optional[list[str]] = None,
                 language: Optional[list[str]] = None, baseline: Optional[Path] = None, no_baseline: bool = False):
        from checker.config import load_config

        cfg = _guard(lambda: load_config(config))
        if language:
            cfg = _guard(lambda: _validated_languages(cfg, language))
        self.config = cfg
        self.format = format or Format(cfg.format)
        self.fail_on = fail_on or FailOn(cfg.fail_on)
        self.entities = tuple(str(p) for p in entities) if entities else tuple(cfg.entities)
        self.disabled = _guard(lambda: rule_codes(disable) if disable else rule_codes(cfg.disable, cfg.source))
        self.languages = cfg.languages or None
        chosen = baseline or (Path(cfg.baseline) if cfg.baseline else None)
        self.baseline_path = None if no_baseline else chosen

    def inputs(self) -> list:
        """Files the run reads besides the articles: never a place to write the report."""
        return [self.baseline_path, *self.entities, self.config.source]

    def baseline(self):
        from checker.suppress import read_baseline

        if self.baseline_path is None:
            return None
        path = self.baseline_path
        return _guard(lambda: read_baseline(path))


def rule_codes(given: list[str], where: Optional[str] = None) -> set[str]:
    """Rule codes or names, in any case, as the rules' codes; an unknown one is an error (E609),
    never silently ignored."""
    from checker.compare import RULES
    from claims.errors import InputError

    known = {r.code.lower(): r.code for r in RULES} | {r.name.lower(): r.code for r in RULES}
    out = set()
    for item in given:
        code = known.get(str(item).strip().lower())
        if code is None:
            codes = ", ".join(r.code for r in RULES)
            raise InputError("E609", where or "--disable",
                             f"{'disable: ' if where else ''}{item!r} is not a rule code or name "
                             f"(known: {codes}; see `claimcheck rules`)")
        out.add(code)
    return out


def require_store(url: Optional[str]) -> None:
    """`audit` and `check` read a store that exists; only `index` creates one (a misspelt path
    would otherwise be an empty store that passes)."""
    from claims.errors import InputError

    if not url:
        return
    text = str(url)
    if "://" in text:
        if not text.startswith("sqlite:"):
            return  # a server: the store's own error says if it is not there
        file = text.split(":///", 1)[1] if ":///" in text else ""
        if not file or file == ":memory:":
            return
        file = file.split("?", 1)[0]
    else:
        file = text
    p = Path(file).expanduser()
    if not p.is_file():
        what = "is a directory, not a claim store" if p.is_dir() else "no such claim store"
        raise InputError("E503", url, f"{what}; create it with `claimcheck index PATH... --store {url}`")


def _validated_languages(cfg, language: list[str]):
    from pydantic import ValidationError

    from checker.config import Config
    from claims.errors import InputError

    try:
        langs = Config(languages=language).languages
    except ValidationError as exc:
        raise InputError("E602", "--language", exc.errors()[0]["msg"].removeprefix("Value error, ")) from None
    return cfg.model_copy(update={"languages": langs})


def _emit(report, fmt: Format, output: Optional[Path], fail_on: FailOn, targets=None) -> None:
    from checker.findings import SEVERITY_RANK
    from checker.report import RENDERERS
    from checker.report.common import counted, plural

    to_stdout = _is_stdout(output)
    colour = fmt == Format.text and to_stdout and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    write_output(RENDERERS[fmt.value](report, colour=colour, targets=targets), output)
    for line in report.skipped:
        typer.echo(f"claimcheck: skipped {line}", err=True)
    for e in report.errors:
        typer.echo(f"claimcheck: {e.code} {e.path}: {e.message} (skipped; the rest was read)", err=True)
    if not to_stdout:
        live = counted(report)
        typer.echo(f"claimcheck: wrote {output} ({plural(len(live), 'finding')} in "
                   f"{plural(len(report.documents), 'document')})", err=True)
    if report.errors:
        # Input was skipped: the report is there, but the run cannot say the archive is clean.
        raise typer.Exit(2)
    if fail_on != FailOn.never:
        floor = SEVERITY_RANK[fail_on.value]
        if any(SEVERITY_RANK[f.severity] >= floor and not f.suppressed and f.kind != "agreement"
               for f in report.findings):
            raise typer.Exit(1)


def _run_info(command: str, inputs, archive=(), store=None):
    import datetime as _dt

    from checker.findings import RunInfo

    return RunInfo(command=command, inputs=[str(p) for p in inputs], archive=[str(p) for p in archive], store=store,
                   generated=_dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
                   version=_version())


class _Stdin:
    """`-` as a draft: standard input, read into a temporary Markdown file (front matter allowed)."""

    def __init__(self):
        self.dir = None
        self.path = None

    def swap(self, paths: list[Path]) -> list[Path]:
        if not any(str(p) == "-" for p in paths):
            return paths
        if sum(1 for p in paths if str(p) == "-") > 1:
            fail("E113 -: standard input can be read once")
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        self.dir = tempfile.TemporaryDirectory(prefix="claimcheck-")
        self.path = Path(self.dir.name) / "stdin.md"
        self.path.write_bytes(data)
        return [self.path if str(p) == "-" else p for p in paths]

    def restore(self, report) -> None:
        if self.path is None:
            return
        for d in report.documents:
            if d.path == str(self.path):
                d.path = "<stdin>"

    def cleanup(self) -> None:
        if self.dir is not None:
            self.dir.cleanup()


def _entity_files(entities: Optional[list[Path]]) -> tuple[str, ...]:
    return tuple(str(p) for p in entities or [])


@app.command()
def audit(paths: OptionalPathsArg = None, format: FormatOpt = None, output: OutputOpt = None,
          fail_on: FailOnOpt = None, entities: EntitiesOpt = None, disable: DisableOpt = None,
          language: LanguageOpt = None, baseline: BaselineOpt = None, no_baseline: NoBaselineOpt = False,
          config: ConfigOpt = None, progress: ProgressOpt = None, store: StoreOpt = None,
          no_cache: NoCacheOpt = False) -> None:
    """Extract claims from every document, match them, report contradictions."""
    from checker.run import audit as run_audit

    s = _Settings(config, format=format, fail_on=fail_on, entities=entities, disable=disable, language=language,
                  baseline=baseline, no_baseline=no_baseline)
    store = store or s.config.store
    if not paths and not store:
        fail("E608 PATH: give the articles to audit (files or folders), or --store URL")
    paths = paths or []
    _guard(lambda: require_store(store))
    guard_output(output, [*paths, *s.inputs()])
    known = s.baseline()
    report = _run_with_progress(
        lambda bar: run_audit(paths, entity_files=s.entities, disabled=s.disabled, progress=bar,
                              languages=s.languages, baseline=known, store=store, cache=not no_cache),
        _want_progress(s.format, output, progress))
    report.run = _run_info("audit", paths, store=store)
    _emit(report, s.format, output, s.fail_on)


@app.command()
def check(drafts: Annotated[list[Path], typer.Argument(
              help="The draft(s) to check (.md, .txt, .html); `-` reads one from standard input.", readable=False,
              metavar="DRAFT...")],
          against: Annotated[Optional[list[Path]], typer.Option(
              "--against", "-a", help="The archive: files or folders (default: `archive` in the configuration).",
              readable=False)] = None,
          format: FormatOpt = None, output: OutputOpt = None, fail_on: FailOnOpt = None,
          entities: EntitiesOpt = None, disable: DisableOpt = None, language: LanguageOpt = None,
          baseline: BaselineOpt = None, no_baseline: NoBaselineOpt = False, config: ConfigOpt = None,
          progress: ProgressOpt = None, store: StoreOpt = None, no_cache: NoCacheOpt = False) -> None:
    """Check drafts against the archive; report only findings that involve a draft.

    Findings point at the draft's line and column. `<!-- claimcheck: ignore CODE -- reason -->`
    above a line suppresses its finding (see README, "Suppressing a finding")."""
    from checker.run import check as run_check
    from checker.run import draft_ids

    s = _Settings(config, format=format, fail_on=fail_on, entities=entities, disable=disable, language=language,
                  baseline=baseline, no_baseline=no_baseline)
    store = store or s.config.store
    archive = against or ([] if store else [Path(p) for p in s.config.archive])
    if not archive and not store:
        fail("E605 --against: no archive to check against (give --against PATH or set `archive` in "
             "[tool.claimcheck] of pyproject.toml or claimcheck.toml)")
    _guard(lambda: require_store(store))
    guard_output(output, [*drafts, *archive, *s.inputs()])
    known = s.baseline()
    stdin = _Stdin()
    read_from = stdin.swap(drafts)
    try:
        report = _run_with_progress(
            lambda bar: run_check(read_from, archive, entity_files=s.entities, disabled=s.disabled, progress=bar,
                                  languages=s.languages, baseline=known, store=store, cache=not no_cache),
            _want_progress(s.format, output, progress))
        targets = draft_ids(report, read_from)
        stdin.restore(report)
    finally:
        stdin.cleanup()
    report.run = _run_info("check", drafts, archive, store)
    _emit(report, s.format, output, s.fail_on, targets=targets)


@app.command("baseline")
def baseline_cmd(paths: PathsArg,
                 against: Annotated[Optional[list[Path]], typer.Option(
                     "--against", "-a", help="Treat PATHs as drafts checked against this archive.")] = None,
                 output: OutputOpt = None, entities: EntitiesOpt = None, disable: DisableOpt = None,
                 language: LanguageOpt = None, config: ConfigOpt = None, progress: ProgressOpt = None) -> None:
    """Write the fingerprints of today's findings, so that CI fails only on new contradictions.

    `--baseline FILE` then suppresses them. Fingerprints hold subject, claim type, values and rule,
    not line numbers: editing around a finding keeps it in the baseline."""
    from checker.run import audit as run_audit
    from checker.run import check as run_check
    from checker.suppress import baseline_json

    s = _Settings(config, entities=entities, disable=disable, language=language, no_baseline=True)
    target = output or (Path(s.config.baseline) if s.config.baseline else None)
    if target is None:
        fail("E606 --output: where should the baseline go? (give --output FILE or set `baseline` in the configuration)")
    guard_output(target, [*paths, *(against or []), *s.entities, s.config.source])

    def run(bar):
        if against:
            return run_check(paths, against, entity_files=s.entities, disabled=s.disabled, progress=bar,
                             languages=s.languages, ignore_comments=False)
        return run_audit(paths, entity_files=s.entities, disabled=s.disabled, progress=bar,
                         languages=s.languages, ignore_comments=False)

    report = _run_with_progress(run, _want_progress(Format.text, target, progress))
    text = baseline_json(report, [str(p) for p in paths], [str(p) for p in against or []])
    write_output(text, target)
    n = len(json.loads(text)["findings"])
    typer.echo(f"claimcheck: wrote {n} finding{'s' if n != 1 else ''} to {target}", err=True)


@app.command()
def claims(paths: PathsArg, format: Annotated[ClaimsFormat, typer.Option("--format", "-f")] = ClaimsFormat.text,
           output: OutputOpt = None, entities: EntitiesOpt = None,
           forecasts: Annotated[bool, typer.Option("--forecasts", help="Also list figures, moves and events told as "
                                                   "plans, targets or forecasts (never compared).")] = False) -> None:
    """Print the claims extracted from the documents, with their sentences and normalized values:
    what the articles state as fact (a forecast is listed only with --forecasts)."""
    from checker.compare.base import render
    from checker.findings import InputProblem, Report
    from checker.run import read

    guard_output(output, [*paths, *(entities or [])])
    r = _guard(lambda: read(paths, entity_files=_entity_files(entities)))
    docs, found, skipped = r.documents, r.claims, r.skipped
    if not forecasts:
        found = [c for c in found if c.stated]
    if format == ClaimsFormat.json:
        errors = [InputProblem(code=e.code, path=e.path, message=e.message) for e in r.errors]
        write_output(Report(documents=docs, claims=found, findings=[], skipped=skipped,
                            errors=errors).model_dump_json(indent=2) + "\n", output)
    else:
        lines = []
        for c in found:
            v = c.value if c.value is not None else c.time
            extra = f" object={c.object.name}" if c.object else ""
            extra += f" time={render(c.time)}" if c.time and c.value is not None else ""
            lines.append(f"{c.id}\t{c.predicate}\t{c.subject.name} [{c.subject.id}]\t{render(v) if v else '-'}{extra}\n"
                         f"\t“{c.text}”")
        write_output("\n".join(lines) + "\n", output)
    for e in r.errors:
        typer.echo(f"claimcheck: {e.code} {e.path}: {e.message} (skipped; the rest was read)", err=True)
    if r.errors:
        raise typer.Exit(2)


app.command("index")(index)


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
          format: Annotated[ClaimsFormat, typer.Option("--format", "-f")] = ClaimsFormat.text) -> None:
    """Print every value read in TEXT (numbers, money, times, durations, titles, names)."""
    from checker.parse import parse_phrase

    try:
        ref = dt.date.fromisoformat(published) if published else None
    except ValueError:
        fail(f"E202 --published: {published!r} is not a date (YYYY-MM-DD)")
    rows = _guard(lambda: parse_phrase(text, lang, ref))
    if format == ClaimsFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    for r in rows:
        typer.echo(f"{r['dim']:<9} [{r['span'][0]}:{r['span'][1]}] {r['text']!r} -> {r['display']}")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("claimcheck: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
