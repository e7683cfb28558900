"""pytest plugin: the Oxigraph server (the ``oxigraph`` command of PyPI's ``oxigraph``), a second real store.

The same engine as the embedded store behind its own Rust HTTP server: a graph is loaded into a
RocksDB folder of its own with ``oxigraph load`` and served read-only (``serve-read-only``, what an
operator would run; ``--union-default-graph`` as ours) on a free loopback port with a per-query
time limit, and stopped at the end. ``memory=True`` runs ``serve`` in memory instead, loaded
through its Graph Store endpoint (it then accepts writes from whoever reaches it: loopback only).
``bench/`` starts it with the same function. In CI (``CI=true``) a missing ``oxigraph`` command
fails the tests instead of skipping them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from tests.support.live import free_port, stop
from tests.support.sysdeps import missing_dependency
from webapp.front import die_with_parent

START_TIMEOUT = 60  # seconds for the server to answer after loading
LOAD_TIMEOUT = 600
STOP_TIMEOUT = 15
MISSING = "the oxigraph command is missing (PyPI package oxigraph, in the test extra: pip install -e '.[test]')"


@dataclass
class OxigraphServer:
    """A running Oxigraph server: where it answers and how long loading took."""

    port: int
    load_seconds: float = float("nan")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def sparql(self) -> str:  # SPARQL 1.1 Protocol, query side
        return self.base + "/query"


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command (installed next to this Python by pip, or on PATH)."""
    candidate = Path(sys.executable).parent / "oxigraph"
    return str(candidate) if candidate.exists() else shutil.which("oxigraph")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            response.read()
        return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


@contextmanager
def oxigraph_server(graph: Path, *, timeout: float | None = 60.0, memory: bool = False) -> Iterator[OxigraphServer]:
    """Serve ``graph`` (N-Quads) with the Oxigraph server on 127.0.0.1; stop it and remove its files on exit."""
    binary = oxigraph_binary()
    if binary is None:
        raise FileNotFoundError(MISSING)
    directory = Path(tempfile.mkdtemp(prefix="kneekg-oxigraph-"))
    server = OxigraphServer(port=free_port())
    bind = ["--bind", f"127.0.0.1:{server.port}", "--union-default-graph"]
    limit = ["--timeout-s", str(max(1, int(timeout)))] if timeout else []
    log = open(directory / "server.log", "wb")
    process = None
    try:
        started = time.perf_counter()
        if memory:
            command = [binary, "serve", *bind, *limit]
        else:
            subprocess.run([binary, "load", "--location", str(directory / "db"), "--file", str(graph)], check=True,
                           capture_output=True, timeout=LOAD_TIMEOUT)
            command = [binary, "serve-read-only", "--location", str(directory / "db"), *bind, *limit]
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True, preexec_fn=die_with_parent)
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers(server.sparql + "?query=ASK%7B%7D"):
            if process.poll() is not None:
                raise RuntimeError(f"oxigraph exited with {process.returncode}: "
                                   f"{(directory / 'server.log').read_text(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the Oxigraph server did not answer on {server.sparql} within {START_TIMEOUT} s")
            time.sleep(0.1)
        if memory:
            request = urllib.request.Request(server.base + "/store", data=Path(graph).read_bytes(), method="POST",
                                             headers={"Content-Type": "application/n-quads"})
            with urllib.request.urlopen(request, timeout=LOAD_TIMEOUT) as response:
                response.read()
        server.load_seconds = time.perf_counter() - started
        yield server
    finally:
        if process is not None:
            stop(process, STOP_TIMEOUT)
        log.close()
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def _serving(graph: Path) -> Iterator[OxigraphServer]:
    """The server for a fixture: skipped (or failed, in CI) when the command is missing."""
    if oxigraph_binary() is None:
        missing_dependency(MISSING)
    with oxigraph_server(graph) as server:
        yield server


@pytest.fixture(scope="session")
def oxigraph_mini(mini_build, tmp_path_factory):
    """An Oxigraph server holding the mini graph's four named graphs; a ``RemoteStore`` on it."""
    from kg.store.remote import RemoteStore

    data = tmp_path_factory.mktemp("oxigraph-mini") / "graph.nq"
    data.write_bytes(mini_build.files["graph.nq"])
    with _serving(data) as server:
        yield RemoteStore(server.sparql, timeout=30)


@pytest.fixture(scope="session")
def oxigraph_release():
    """An Oxigraph server loaded with the release graph (release/graph.nq); a ``RemoteStore`` on it."""
    from kg import paths
    from kg.store.remote import RemoteStore

    with _serving(paths.RELEASE_DIR / paths.GRAPH_NQ) as server:
        yield RemoteStore(server.sparql, timeout=60)
