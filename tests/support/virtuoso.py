"""pytest plugin: a real Virtuoso Open Source server for the session, in its own temp dir.

Debian's ``virtuoso-opensource`` (``virtuoso-t``) runs with a config, database and dba
password of its own, SQL and HTTP ports bound to 127.0.0.1, and is stopped at the end.
The anonymous ``/sparql`` endpoint stays read-only; writes go through the digest-protected
``/sparql-auth`` (SPARQL Update) and ``/sparql-graph-crud-auth`` (Graph Store Protocol) as dba.
In CI (``CI=true``) a missing ``virtuoso-t`` fails the tests instead of skipping them.
"""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
from tests.support.live import stop
from tests.support.sysdeps import missing_dependency
from webapp.front import die_with_parent
import requests

START_TIMEOUT = 120  # seconds for a fresh database to come up
STOP_TIMEOUT = 30

# The server's configuration (virtuoso.ini), section by section; {dir}, {sql_port} and {http_port} are filled in.
SETTINGS: dict[str, dict[str, str]] = {
    "Database": {
        "DatabaseFile": "{dir}/virtuoso.db", "ErrorLogFile": "{dir}/virtuoso.log", "LockFile": "{dir}/virtuoso.lck",
        "TransactionFile": "{dir}/virtuoso.trx", "xa_persistent_file": "{dir}/virtuoso.pxa", "ErrorLogLevel": "7",
        "FileExtend": "200", "MaxCheckpointRemap": "2000", "Striping": "0", "TempStorage": "TempDatabase",
    },
    "TempDatabase": {
        "DatabaseFile": "{dir}/virtuoso-temp.db", "TransactionFile": "{dir}/virtuoso-temp.trx",
        "MaxCheckpointRemap": "2000", "Striping": "0",
    },
    "Parameters": {
        "ServerPort": "127.0.0.1:{sql_port}", "DisableUnixSocket": "1", "DisableTcpSocket": "0",
        "MaxClientConnections": "10", "CheckpointInterval": "60", "CaseMode": "2", "DirsAllowed": "., {dir}, {dir}/load",
        "NumberOfBuffers": "10000", "MaxDirtyBuffers": "6000", "ThreadsPerQuery": "2",
    },
    "HTTPServer": {
        "ServerPort": "127.0.0.1:{http_port}", "ServerRoot": "{dir}/vsp", "MaxClientConnections": "10",
        "ServerThreads": "10", "Charset": "UTF-8", "EnabledGzipContent": "0",
    },
    "SPARQL": {"ResultSetMaxRows": "1000000", "MaxQueryCostEstimationTime": "400", "MaxQueryExecutionTime": "60"},
}

# What a benchmark gives Virtuoso instead: the memory and threads of a serving deployment (bench/peers.py
# compares its speed with ours), no checkpoints while it is measured. None removes a setting.
SERVING: dict[str, dict[str, str | None]] = {
    "Parameters": {"NumberOfBuffers": "170000", "MaxDirtyBuffers": "130000", "MaxQueryMem": "1G",
                   "ServerThreads": "20", "CheckpointInterval": "0", "MaxClientConnections": None},
    "HTTPServer": {"ServerThreads": "16", "MaxKeepAlives": "16", "KeepAliveTimeout": "10", "EnabledDavVSP": "0",
                   "MaxClientConnections": None},
    "SPARQL": {"ResultSetMaxRows": "100000"},
}


def render_ini(tuning: dict[str, dict[str, str | None]] | None = None, **values) -> str:
    """The virtuoso.ini text: :data:`SETTINGS` with ``tuning`` laid over it, the placeholders filled with ``values``.

    >>> "NumberOfBuffers = 170000" in render_ini(SERVING, dir="/tmp/v", sql_port=1, http_port=2)
    True
    >>> "MaxClientConnections" in render_ini(SERVING, dir="/tmp/v", sql_port=1, http_port=2)
    False
    """
    lines = []
    for section, settings in SETTINGS.items():
        merged = {**settings, **(tuning or {}).get(section, {})}
        lines.append(f"[{section}]")
        lines += [f"{key} = {value.format(**values)}" for key, value in merged.items() if value is not None]
        lines.append("")
    return "\n".join(lines)


@dataclass
class Virtuoso:
    """A running server: its endpoints and the dba credentials."""

    http_port: int
    sql_port: int
    password: str
    directory: Path
    user: str = "dba"
    load_seconds: float = float("nan")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql(self) -> str:  # anonymous, read-only
        return self.base + "/sparql"

    sparql_url = sparql

    @property
    def sparql_auth(self) -> str:  # SPARQL query + update, digest auth
        return self.base + "/sparql-auth"

    @property
    def graph_store(self) -> str:  # SPARQL 1.1 Graph Store HTTP Protocol, digest auth
        return self.base + "/sparql-graph-crud-auth"

    def isql(self, sql: str, password: str | None = None) -> str:
        """Run SQL through ``isql-vt`` as dba."""
        result = subprocess.run(
            [shutil.which("isql-vt") or "isql", f"127.0.0.1:{self.sql_port}", self.user,
             password or self.password, "VERBOSE=OFF", "BANNER=OFF", f"exec={sql}"],
            capture_output=True, text=True, timeout=60)
        if result.returncode != 0 or "*** Error" in result.stdout + result.stderr:
            raise RuntimeError(f"isql failed: {(result.stdout + result.stderr).strip()[:500]}")
        return result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _missing(reason: str):
    missing_dependency(reason)


@contextmanager
def virtuoso_server(graph: Path | None = None, directory: Path | None = None,
                    tuning: dict | None = None) -> Iterator[Virtuoso]:
    """Run ``virtuoso-t`` on free loopback ports with a fresh database in ``directory`` (a temp dir if None).

    With ``graph`` (N-Quads) the server is bulk-loaded with it first (``ld_dir`` + ``rdf_loader_run``);
    ``load_seconds`` says how long that took. ``tuning`` overrides :data:`SETTINGS` (``bench/`` passes
    :data:`SERVING`). The server is stopped on exit.
    """
    binary = shutil.which("virtuoso-t")
    if binary is None:
        raise FileNotFoundError("virtuoso-t is not installed (Debian package virtuoso-opensource)")
    own_dir = directory is None
    directory = Path(tempfile.mkdtemp(prefix="kneekg-virtuoso-")) if own_dir else Path(directory)
    (directory / "vsp").mkdir(exist_ok=True)
    server = Virtuoso(http_port=_free_port(), sql_port=_free_port(), password=secrets.token_urlsafe(16),
                      directory=directory)
    ini = directory / "virtuoso.ini"
    ini.write_text(render_ini(tuning, dir=directory, sql_port=server.sql_port, http_port=server.http_port))
    log = open(directory / "stdout.log", "wb")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=directory,
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               preexec_fn=die_with_parent)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {process.returncode}: "
                                   f"{(directory / 'stdout.log').read_text(errors='replace')[-2000:]}")
            try:
                if requests.get(server.sparql, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"virtuoso-t did not answer on {server.sparql} within {START_TIMEOUT} s")
            time.sleep(0.3)
        # A fresh database has dba/dba: replace it at once with this run's own password.
        server.isql(f"USER_SET_PASSWORD('dba', '{server.password}');", password="dba")
        if graph is not None:
            data = directory / "load"
            data.mkdir(exist_ok=True)
            shutil.copy(graph, data / "graph.nq")
            started = time.perf_counter()
            server.isql(f"ld_dir('{data}', 'graph.nq', 'urn:kneekg:unused'); rdf_loader_run(); checkpoint;")
            server.load_seconds = time.perf_counter() - started
        yield server
    finally:
        stop(process, STOP_TIMEOUT)
        log.close()
        if own_dir:
            shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory) -> Virtuoso:
    """The session's Virtuoso, empty; fails (in CI) or skips (elsewhere) when ``virtuoso-t`` is missing."""
    if shutil.which("virtuoso-t") is None:
        _missing("virtuoso-t is not installed (Debian package virtuoso-opensource)")
    with virtuoso_server(directory=tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso_mini(virtuoso, mini_build):
    """The session Virtuoso holding the mini graph's four named graphs; a ``RemoteStore`` on it."""
    import pyoxigraph

    from kg.store.push import push
    from kg.store.remote import RemoteStore

    graphs: dict = {}
    for quad in pyoxigraph.parse(mini_build.files["graph.nq"], format=pyoxigraph.RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    push(virtuoso.sparql_auth, graphs, graph_store=virtuoso.graph_store, user=virtuoso.user,
         password=virtuoso.password)
    return RemoteStore(virtuoso.sparql, timeout=30)


@pytest.fixture(scope="session")
def virtuoso_release(virtuoso):
    """A second Virtuoso, bulk-loaded with the release graph (release/graph.nq); a ``RemoteStore`` on it."""
    from kg import paths
    from kg.store.remote import RemoteStore

    with virtuoso_server(paths.RELEASE_DIR / paths.GRAPH_NQ) as server:
        yield RemoteStore(server.sparql, timeout=60)
