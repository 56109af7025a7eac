"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl in a temp folder, loopback only.

Uses Debian's PostgreSQL binaries (/usr/lib/postgresql/*/bin). The server runs as the
``postgres`` user when the tests run as root (initdb refuses root), trusts local
connections, listens on 127.0.0.1 on a free port, and is stopped at the end of the session.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def find_bin_dir() -> Path | None:
    override = os.environ.get("ENCOUNTER_DESK_PG_BIN")
    if override:
        return Path(override)
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="encounter-desk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_postgres = os.geteuid() == 0

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=120)

    def start(self) -> None:
        if self.as_postgres:
            shutil.chown(self.root, "postgres")
            os.chmod(self.root, 0o700)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--no-locale")
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories={self.root} -c fsync=on "
                   "-c max_connections=100")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.root / "server.log"), "-w", "-t", "60", "start")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


def _main(argv: list[str]) -> int:
    """``python3 tests/helpers/pg_server.py start STATE`` prints a server URL; ``stop STATE`` ends it.

    .ci/run starts one server for the whole run and hands its URL to the tests through
    ENCOUNTER_DESK_TEST_PG_URL. Only the standard library is used, so this runs before the
    project's virtual environment exists.
    """
    import json

    if len(argv) != 3 or argv[1] not in ("start", "stop"):
        print("usage: pg_server.py start|stop STATE_FILE")
        return 2
    state = Path(argv[2])
    if argv[1] == "start":
        bin_dir = find_bin_dir()
        if bin_dir is None:
            print("no PostgreSQL server binaries (initdb, pg_ctl) found")
            return 1
        server = PostgresServer(bin_dir)
        server.start()
        state.write_text(json.dumps({"bin": str(bin_dir), "root": str(server.root),
                                     "port": server.port}))
        print(server.url("postgres"))
        return 0
    data = json.loads(state.read_text())
    server = PostgresServer.__new__(PostgresServer)
    server.bin_dir = Path(data["bin"])
    server.root = Path(data["root"])
    server.data = server.root / "data"
    server.port = data["port"]
    server.as_postgres = os.geteuid() == 0
    server.stop()
    state.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(_main(sys.argv))
