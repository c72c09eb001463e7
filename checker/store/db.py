"""Opening a claim store: SQLite (a file, WAL) by default, PostgreSQL (psycopg 3) as the server
option, one schema for both, brought to the latest migration on open.

A store URL is either a SQLAlchemy URL (`sqlite:///claims.db`, `postgresql://user@host/db`,
`postgresql+psycopg://…`) or a plain file path, which means SQLite.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url

from claims.errors import InputError

VERSION_TABLE = "claimcheck_store_version"
MIGRATIONS = Path(__file__).parent / "migrations"
# Seconds a writer waits for another writer's transaction on the same SQLite file.
SQLITE_BUSY_SECONDS = 120

metadata = sa.MetaData()
# Mirrors migrations/versions/*: the tables the queries use (the migrations create them).
documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(), primary_key=True),
    sa.Column("path", sa.Text(), nullable=False),
    sa.Column("lang", sa.String(16), nullable=False),
    sa.Column("published", sa.Date()),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("meta", sa.Text(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("skipped", sa.Text(), nullable=False),
    sa.Column("n_claims", sa.Integer(), nullable=False),
    sa.Column("indexed_at", sa.DateTime(), nullable=False),
)
claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.String(), primary_key=True),
    sa.Column("doc", sa.String(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("seq", sa.Integer(), nullable=False),
    sa.Column("subject_id", sa.String(), nullable=False),
    sa.Column("predicate", sa.String(), nullable=False),
    sa.Column("object_id", sa.String()),
    sa.Column("data", sa.Text(), nullable=False),
)
person_keys = sa.Table(
    "person_keys", metadata,
    sa.Column("doc", sa.String(), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("key", sa.String(), primary_key=True),
    sa.Column("subject_id", sa.String(), primary_key=True),
    sa.Column("form", sa.Text(), primary_key=True),
)


class StoreError(InputError):
    """The store cannot be opened or used: like bad input, the CLI prints one line
    (`claimcheck: E502 URL: cannot open the store: …`) and exits 2."""


@contextmanager
def translate_errors(url: str):
    """Database errors (a server gone, a locked or corrupt file) as one-line StoreErrors."""
    try:
        yield
    except sa.exc.DBAPIError as exc:
        raise StoreError("E502", display_url(normalize_url(url)), f"store error: {_first_line(exc)}") from None


def normalize_url(url: str | os.PathLike) -> str:
    """A SQLAlchemy URL with an absolute SQLite path (workers elsewhere see the same file) and
    the psycopg 3 driver for PostgreSQL."""
    text = os.fspath(url)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    try:
        u = make_url(text)
    except Exception:
        raise StoreError("E501", text, "not a store URL (sqlite:///FILE, postgresql://USER@HOST/DB or a file path)") from None
    if u.get_backend_name() == "sqlite":
        if u.database in (None, "", ":memory:"):
            raise StoreError("E501", text, "an in-memory SQLite store would vanish; give a file")
        return u.set(drivername="sqlite", database=str(Path(u.database).expanduser().resolve())).render_as_string(hide_password=False)
    if u.get_backend_name() == "postgresql":
        return u.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    raise StoreError("E501", text, f"unsupported database {u.get_backend_name()!r} (sqlite or postgresql)")


def _sqlite_engine(url: str) -> Engine:
    engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        # The driver's own transaction handling off: SQLAlchemy's "begin" below says BEGIN.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_SECONDS * 1000}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # Writers take the write lock up front (IMMEDIATE): a deferred transaction that reads
        # and then writes fails at once with SQLITE_BUSY_SNAPSHOT when another writer got in.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


_ENGINES: dict[tuple[int, str], Engine] = {}
_LOCK = threading.Lock()


def engine_for(url: str | os.PathLike) -> Engine:
    """The process's engine for a store, created and migrated on first use."""
    norm = normalize_url(url)
    key = (os.getpid(), norm)
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            if norm.startswith("sqlite"):
                Path(make_url(norm).database).parent.mkdir(parents=True, exist_ok=True)
                engine = _sqlite_engine(norm)
            else:
                try:
                    engine = sa.create_engine(norm, pool_pre_ping=True)
                except ImportError:
                    raise StoreError("E503", display_url(norm), "PostgreSQL needs psycopg 3: pip install 'claimcheck[postgres]'") from None
            try:
                migrate(engine)
            except sa.exc.DBAPIError as exc:
                engine.dispose()
                raise StoreError("E502", display_url(norm), f"cannot open the store: {_first_line(exc)}") from None
            _ENGINES[key] = engine
        return engine


def write_begin(conn: sa.Connection) -> sa.Connection:
    """Options for a connection that is going to write (SQLite: BEGIN IMMEDIATE)."""
    return conn.execution_options(sqlite_begin="IMMEDIATE")


def _alembic_config(conn: sa.Connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def current_revision(conn: sa.Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest migration. Concurrent openers wait for each other: SQLite
    through BEGIN IMMEDIATE, PostgreSQL through a transaction-scoped advisory lock; both run DDL
    inside the transaction, so a killed migration leaves nothing half done."""
    from alembic import command

    head = head_revision()
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return
    with write_begin(engine.connect()) as conn:
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": 0x0C1A13C4EC4})
            if current_revision(conn) != head:
                command.upgrade(_alembic_config(conn), "head")


def dispose_all() -> None:
    with _LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()


def display_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
