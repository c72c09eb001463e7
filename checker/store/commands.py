"""The `claimcheck index` command and the `--store` option of audit and check.

Registered in checker/cli.py with `app.command("index")(index)`; kept here so the store's CLI
surface lives with the store.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

STORE_HELP = ("Claim store: a SQLite file or a postgresql://USER@HOST/DB URL, made and filled by "
              "`claimcheck index` (a store that does not exist is an error).")
INDEX_STORE_HELP = ("Claim store: a SQLite file (created if missing) or a postgresql://USER@HOST/DB URL.")
StoreOpt = Annotated[Optional[str], typer.Option("--store", envvar="CLAIMCHECK_STORE", metavar="URL", help=STORE_HELP)]


# readable=False (as in checker/cli.py): the reader says what is wrong with an article (E102
# permission denied) in one line, rather than click's usage panel.
def index(paths: Annotated[list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html, manifest.yaml).",
                                                      readable=False, metavar="PATH...")],
          store: Annotated[str, typer.Option("--store", envvar="CLAIMCHECK_STORE", metavar="URL",
                                             help=INDEX_STORE_HELP)],
          workers: Annotated[int, typer.Option("--workers", "-j", min=0,
                                               help="Extraction processes; 0 means one per CPU.")] = 1,
          scheduler: Annotated[Optional[str], typer.Option(
              "--scheduler", help="Address of a Dask distributed scheduler (tcp://HOST:8786): extract and write "
                                  "there; the workers must reach the store and the entity files.")] = None,
          entities: Annotated[Optional[list[Path]], typer.Option("--entities", metavar="FILE",
                                                                 help="Extra entity data files (YAML).")] = None,
          quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print the summary line only.")] = False) -> None:
    """Extract the claims of the documents into a claim store.

    Unchanged documents are skipped, changed ones replaced; each document is written in one transaction, so an interrupted run is simply
    run again."""
    from checker.store.indexer import index as run_index
    from claims.errors import InputError

    def progress(doc, written) -> None:
        if not quiet and written.status != "unchanged":
            typer.echo(f"{written.status:<8} {doc.id} ({written.claims} claims)", err=True)

    try:
        result = run_index(paths, store, entity_files=tuple(str(p) for p in entities or []),
                           workers=workers or None, scheduler=scheduler, progress=progress)
    except InputError as exc:   # StoreError is one
        typer.echo(f"claimcheck: {exc.code} {exc.path}: {exc.message}", err=True)
        raise typer.Exit(2)
    for line in result.skipped:
        typer.echo(f"claimcheck: skipped {line}", err=True)
    for e in result.errors:
        typer.echo(f"claimcheck: {e.code} {e.path}: {e.message} (skipped; the rest was indexed)", err=True)
    typer.echo(f"{result.store}: {result.summary()}")
    if result.errors:
        raise typer.Exit(2)
