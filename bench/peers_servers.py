"""The peers we compare against, started on 127.0.0.1 with the same data: Virtuoso and rdflib-endpoint.

Virtuoso runs from a throw-away database in a temporary folder (its own virtuoso.ini with free
ports), bulk-loads the N-Quads with ``ld_dir``/``rdf_loader_run`` and answers on ``/sparql``;
its default dataset is every graph, as ours is. rdflib-endpoint serves an rdflib ``Dataset``
whose default graph is the union of the named graphs, under uvicorn.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from bench.common import ROOT
from bench.serve import free_port, stop, wait_http

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = {isql}
DisableUnixSocket = 1
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
DirsAllowed = ., {d}, {data}
ThreadsPerQuery = 2
MaxQueryMem = 1G
ServerThreads = 20
CheckpointInterval = 0

[HTTPServer]
ServerPort = {http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 16
MaxKeepAlives = 16
KeepAliveTimeout = 10
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
DefaultQuery = SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1
"""


def _isql(port: int, sql: str, timeout: float = 600) -> str:
    proc = subprocess.run(["isql-vt", str(port), "dba", "dba", f"exec={sql}"], capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0 or "*** Error" in proc.stdout:
        raise RuntimeError(f"isql failed: {sql}\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


@contextmanager
def virtuoso(graph: Path):
    """Virtuoso with ``graph`` loaded; yields ``(sparql_url, load_seconds)``."""
    try:  # the export issue's test fixture, when it exists, knows Virtuoso best
        from tests.virtuoso import virtuoso_server  # type: ignore[import-not-found]
    except ImportError:
        virtuoso_server = None
    if virtuoso_server is not None:
        with virtuoso_server(graph) as server:
            url = getattr(server, "sparql_url", None) or server[0]
            yield url, getattr(server, "load_seconds", float("nan"))
        return
    if not shutil.which("virtuoso-t"):
        raise RuntimeError("virtuoso-t is not installed (Debian package virtuoso-opensource; `make bench` installs it)")
    workdir = Path(tempfile.mkdtemp(prefix="kneekg-virtuoso-"))
    data = workdir / "data"
    data.mkdir()
    shutil.copy(graph, data / "graph.nq")
    isql, http = free_port(), free_port()
    (workdir / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=workdir, data=data, isql=isql, http=http))
    proc = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(workdir / "virtuoso.ini")], cwd=workdir,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                _isql(isql, "status();", timeout=10)
                break
            except (RuntimeError, subprocess.TimeoutExpired):
                if proc.poll() is not None or time.monotonic() > deadline:
                    log = (workdir / "virtuoso.log").read_text(errors="replace")[-2000:] if (workdir / "virtuoso.log").exists() else ""
                    raise RuntimeError(f"Virtuoso did not start:\n{log}") from None
                time.sleep(0.5)
        start = time.perf_counter()
        _isql(isql, f"ld_dir('{data}', 'graph.nq', 'urn:kneekg:unused'); rdf_loader_run(); checkpoint;")
        seconds = time.perf_counter() - start
        url = f"http://127.0.0.1:{http}/sparql"
        wait_http(url + "?query=ASK%7B%7D", timeout=60, proc=proc)
        yield url, seconds
    finally:
        stop(proc)
        shutil.rmtree(workdir, ignore_errors=True)


RDFLIB_SERVER = """
import sys, uvicorn
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint
ds = Dataset(default_union=True)
ds.parse(sys.argv[1], format="nquads")
app = SparqlEndpoint(graph=ds, public_url="http://127.0.0.1:{port}/")
print("loaded", flush=True)
uvicorn.run(app, host="127.0.0.1", port={port}, log_level="warning", access_log=False)
"""


@contextmanager
def rdflib_endpoint(graph: Path):
    """rdflib-endpoint (FastAPI under uvicorn) over ``graph``; yields ``(sparql_url, start_seconds)``."""
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", RDFLIB_SERVER.format(port=port), str(graph)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_http(url + "?query=ASK%7B%7D", timeout=300, proc=proc)
        yield url, time.perf_counter() - start
    finally:
        stop(proc)
