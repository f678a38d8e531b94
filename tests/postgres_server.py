"""A throwaway PostgreSQL server for the tests: Debian's own server programs, listening on loopback only.

Several graders can share one nbgrader gradebook in PostgreSQL (nbgrader's `CourseDirectory.db_url`). The
tests of that run against a real server that they start themselves: `initdb` makes a cluster in a temporary
folder, `pg_ctl` starts it on a free port of 127.0.0.1 with its unix socket in the same folder and stops it
at the end. Anyone may connect from loopback without a password (`trust`); nothing else can reach it.

PostgreSQL refuses to run as root, and CI runs as root: there, the server programs run as Debian's `postgres`
system user, which must own the cluster's folder and be able to reach it (`postgres_tmp_dir()` makes one).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Debian installs each PostgreSQL version's server programs here, off PATH (package postgresql).
SERVER_PROGRAMS = "/usr/lib/postgresql/*/bin"
INSTALL_COMMAND = "apt-get install postgresql"
SYSTEM_USER = "postgres"  # who runs the server programs when the tests run as root
SUPERUSER = "grader"  # the cluster's superuser, whom the SQLAlchemy URLs name
START_TIMEOUT = 60  # seconds pg_ctl waits for the server to accept connections
START_ATTEMPTS = 3  # the free port can be taken by another program between finding it and using it


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def server_programs() -> Path:
    """The newest installed PostgreSQL's folder of server programs (initdb, pg_ctl).

    Missing, the test is skipped with the command that installs them, except as root on CI, where
    `python3 bootstrap.py test` installs them first: there, a missing server is a failure."""
    folders = [Path(pg_ctl).parent for pg_ctl in glob.glob(f"{SERVER_PROGRAMS}/pg_ctl")]
    if folders:
        return max(folders, key=lambda folder: int(folder.parent.name.partition(".")[0]))
    message = f"PostgreSQL's server is not installed (no {SERVER_PROGRAMS}/pg_ctl)"
    if running_as_root() and os.environ.get("CI"):
        pytest.fail(f"{message} on CI: `python3 bootstrap.py test` should have installed package postgresql")
    pytest.skip(f"{message}; on Debian or Ubuntu: sudo {INSTALL_COMMAND}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def postgres_tmp_dir() -> Iterator[Path]:
    """A new empty folder in the system's temporary folder that the `postgres` user can reach, removed after.

    pytest's own temporary folders are private to the user who runs the tests (mode 0700), so a server run as
    `postgres` could not open a cluster kept there."""
    with tempfile.TemporaryDirectory(prefix="course-postgres-") as folder:
        os.chmod(folder, 0o755)
        yield Path(folder)


@dataclass
class PostgresServer:
    """A running PostgreSQL cluster in `folder`: `url` is its first database's SQLAlchemy URL.

    Use it as a context manager, or call `stop()`: the server outlives the Python process otherwise."""

    programs: Path
    folder: Path
    port: int
    database: str
    run_as: list[str]  # the command prefix that runs a program as the cluster's owner, or nothing
    databases: list[str] = field(default_factory=list)  # the databases created by new_database, in order

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def log_file(self) -> Path:
        return self.folder / "server.log"

    @property
    def url(self) -> str:
        return self.url_of(self.database)

    def url_of(self, database: str) -> str:
        """The SQLAlchemy URL (driver psycopg 3) of a database of this server."""
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def new_database(self, name: str) -> str:
        """Create an empty database `name` on this server and return its SQLAlchemy URL."""
        import psycopg  # imported here: only the PostgreSQL tests need it (extra `test` of pyproject.toml)
        from psycopg import sql

        maintenance = f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname=postgres"
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.databases.append(name)
        return self.url_of(name)

    def log_tail(self, lines: int = 30) -> str:
        if not self.log_file.exists():
            return "(no server log)"
        return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])

    def pg_ctl(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        command = [*self.run_as, str(self.programs / "pg_ctl"), "--pgdata", str(self.data_dir), *arguments]
        return subprocess.run(command, cwd=self.folder, capture_output=True, text=True)

    def start(self) -> None:
        started = self.pg_ctl("start", "--wait", f"--timeout={START_TIMEOUT}", "--log", str(self.log_file))
        if started.returncode != 0:
            self.pg_ctl("stop", "--mode=immediate")  # in case it came up too late for pg_ctl's wait
            raise RuntimeError(
                f"PostgreSQL did not start on 127.0.0.1:{self.port} (cluster {self.data_dir}).\n"
                f"pg_ctl said: {started.stdout}{started.stderr}\n"
                f"Last lines of the server log {self.log_file}:\n{self.log_tail()}"
            )

    def stop(self) -> None:
        """Stop the server (fast: open connections are cut, not waited for)."""
        stopped = self.pg_ctl("stop", "--wait", "--mode=fast")
        if stopped.returncode != 0 and self.is_running():
            raise RuntimeError(
                f"PostgreSQL on port {self.port} did not stop: {stopped.stdout}{stopped.stderr}\n"
                f"Stop it by hand: {' '.join(self.run_as)} {self.programs / 'pg_ctl'} stop -D {self.data_dir}"
            )

    def is_running(self) -> bool:
        return self.pg_ctl("status").returncode == 0

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_postgres(tmp_dir: Path, database: str = "course") -> PostgresServer:
    """Make a PostgreSQL cluster in the empty folder `tmp_dir`, start it on a free port of 127.0.0.1 with an
    empty database `database`, and return the running server.

    As root, every folder above `tmp_dir` must be open to other users (use `postgres_tmp_dir()`)."""
    programs = server_programs()
    tmp_dir = Path(tmp_dir)
    run_as = as_cluster_owner(tmp_dir)
    server = PostgresServer(programs, tmp_dir, port=0, database=database, run_as=run_as)
    initialise_cluster(server)
    for attempt in range(1, START_ATTEMPTS + 1):
        server.port = free_port()
        write_settings(server)
        try:
            server.start()
            break
        except RuntimeError:
            if attempt == START_ATTEMPTS or "Address already in use" not in server.log_tail():
                raise
    try:
        server.new_database(database)
    except BaseException:
        server.stop()
        raise
    return server


def as_cluster_owner(tmp_dir: Path) -> list[str]:
    """Prepare `tmp_dir` for the cluster; return the prefix that runs the server programs as its owner."""
    if not running_as_root():
        return []
    import pwd  # Unix only, like running as root

    try:
        owner = pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        pytest.fail(f"There is no `{SYSTEM_USER}` user to run PostgreSQL as; reinstall it: {INSTALL_COMMAND}")
    for folder in tmp_dir.resolve().parents:  # tmp_dir itself becomes the postgres user's below
        if not folder.stat().st_mode & 0o001:
            raise ValueError(
                f"The `{SYSTEM_USER}` user cannot reach {tmp_dir}: {folder} is closed to other users. "
                "Start the server in a folder made by postgres_tmp_dir()."
            )
    # The server programs write the cluster, the log and the socket in it, so the folder becomes its user's.
    os.chown(tmp_dir, owner.pw_uid, owner.pw_gid)
    return [shutil.which("runuser") or "runuser", "-u", SYSTEM_USER, "--"]


def initialise_cluster(server: PostgresServer) -> None:
    """initdb: an empty cluster whose superuser is SUPERUSER, with access from loopback only, no password."""
    command = [*server.run_as, str(server.programs / "initdb"), "--pgdata", str(server.data_dir)]
    command += ["--username", SUPERUSER, "--encoding=UTF8", "--no-locale", "--no-sync"]
    made = subprocess.run(command, cwd=server.folder, capture_output=True, text=True)
    if made.returncode != 0:
        raise RuntimeError(f"initdb failed for {server.data_dir}:\n{made.stdout}{made.stderr}")
    # Replaces initdb's rules (which also allow ::1 and replication): the unix socket in the cluster's own
    # folder, and TCP from 127.0.0.1.
    (server.data_dir / "pg_hba.conf").write_text(
        "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
        "local   all       all                 trust\n"
        "host    all       all   127.0.0.1/32  trust\n"
    )


def write_settings(server: PostgresServer) -> None:
    """The server's settings, in postgresql.auto.conf (read after postgresql.conf, rewritten at each try)."""
    settings = {
        "listen_addresses": "127.0.0.1",
        "port": server.port,
        "unix_socket_directories": str(server.folder),
        # A test server's data is thrown away: no need to wait for the disk.
        "fsync": "off",
        "synchronous_commit": "off",
        "full_page_writes": "off",
    }
    lines = [f"{name} = '{value}'" for name, value in settings.items()]
    (server.data_dir / "postgresql.auto.conf").write_text("\n".join(lines) + "\n")
