"""A throwaway PostgreSQL server for tests: initdb into a temporary folder, listen on a unix
socket there only, trust authentication, stopped and removed at exit.

PostgreSQL refuses to run as root: as root the server runs as the `postgres` user (Debian's
package creates it). `PostgresUnavailable` says why a server could not be had (not installed,
no such user, failed to start), for a test to skip with that message.
"""
from __future__ import annotations

import atexit
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

INSTALL_HINT = "apt-get install -y postgresql (Debian) to run the PostgreSQL store tests"


class PostgresUnavailable(Exception):
    pass


def find_bindir() -> Optional[Path]:
    env = os.environ.get("CLAIMCHECK_PG_BINDIR")
    candidates = [env] if env else sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
                                          if Path(p).parent.name.isdigit() else 0, reverse=True)
    for c in candidates:
        if c and (Path(c) / "initdb").is_file() and (Path(c) / "pg_ctl").is_file():
            return Path(c)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


@dataclass
class TemporaryPostgres:
    base: Path
    bindir: Path
    prefix: list[str]

    @property
    def socket_dir(self) -> str:
        return str(self.base)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"

    def _admin(self):
        import psycopg

        return psycopg.connect(host=self.socket_dir, user="postgres", dbname="postgres", autocommit=True)

    def create_database(self) -> str:
        name = f"claimcheck_{uuid.uuid4().hex[:12]}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.base / "data"), "-m", "immediate",
                        "-w", "stop"], capture_output=True)
        shutil.rmtree(self.base, ignore_errors=True)


def start() -> TemporaryPostgres:
    bindir = find_bindir()
    if bindir is None:
        raise PostgresUnavailable(f"PostgreSQL is not installed: {INSTALL_HINT}")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise PostgresUnavailable("psycopg 3 is not installed: pip install 'claimcheck[postgres]'") from None
    prefix: list[str] = []
    # A short path: unix socket paths are limited to ~107 bytes.
    base = Path(tempfile.mkdtemp(prefix="ccpg-"))
    if os.geteuid() == 0:
        import pwd

        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(base, ignore_errors=True)
            raise PostgresUnavailable("running as root and there is no `postgres` user to run the server as") from None
        runuser = shutil.which("runuser")
        if runuser is None:
            shutil.rmtree(base, ignore_errors=True)
            raise PostgresUnavailable("running as root and `runuser` is missing")
        os.chown(base, user.pw_uid, user.pw_gid)
        os.chmod(base, 0o755)
        prefix = [runuser, "-u", "postgres", "--"]
    data = base / "data"
    steps = [
        [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync",
         "--no-instructions"],
        [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"), "-w", "-t", "60",
         "-o", f"-k {base} -c listen_addresses='' -F -c max_connections=50", "start"],
    ]
    for cmd in steps:
        r = subprocess.run([*prefix, *cmd], capture_output=True, text=True, cwd=base)
        if r.returncode != 0:
            log = (base / "server.log").read_text(errors="replace")[-2000:] if (base / "server.log").exists() else ""
            shutil.rmtree(base, ignore_errors=True)
            raise PostgresUnavailable(f"{Path(cmd[0]).name} failed: {(r.stderr or r.stdout).strip()[-500:]} {log}".strip())
    return TemporaryPostgres(base=base, bindir=bindir, prefix=prefix)


_SHARED: list = []


def shared() -> TemporaryPostgres:
    """One server per process, stopped at exit; raises PostgresUnavailable (remembered)."""
    if not _SHARED:
        try:
            server = start()
        except PostgresUnavailable as exc:
            _SHARED.append(exc)
        else:
            _SHARED.append(server)
            atexit.register(server.stop)
    if isinstance(_SHARED[0], Exception):
        raise _SHARED[0]
    return _SHARED[0]
