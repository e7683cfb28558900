"""The peers we compare against, started on 127.0.0.1 with the same data: Virtuoso and rdflib-endpoint.

Virtuoso is the test suite's runner (``tests/support/virtuoso.py``) with its serving settings: a
throw-away database in a temporary folder on free ports, the N-Quads bulk-loaded with
``ld_dir``/``rdf_loader_run``, answering on ``/sparql``; its default dataset is every graph, as ours is. rdflib-endpoint serves an rdflib ``Dataset``
whose default graph is the union of the named graphs, under uvicorn.
"""

from __future__ import annotations

import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from bench.common import ROOT
from bench.serve import free_port, stop, wait_http

@contextmanager
def virtuoso(graph: Path):
    """Virtuoso with ``graph`` loaded, tuned for serving; yields ``(sparql_url, load_seconds)``.

    The server is the test suite's (``tests/support/virtuoso.py``: one configuration, one runner).
    """
    from tests.support.virtuoso import SERVING, virtuoso_server

    with virtuoso_server(graph, tuning=SERVING) as server:
        yield server.sparql, server.load_seconds


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
