"""The serving options measured for issue 14, started on 127.0.0.1 with the same app and data.

* ``ours`` under gunicorn with any worker class (``sync`` is what ``kneekg serve`` runs today,
  ``gthread`` the threaded one), the app prepared exactly as ``kneekg serve`` prepares it
  (``webapp.server.prepare``: graph loaded, every named query warmed, before the fork);
* ``ours`` under waitress (one process, a thread pool; it reads whole requests before dispatch);
* nginx (Debian) in front of either, buffering whole requests and responses;
* the Oxigraph server (PyPI ``oxigraph``: ``serve-read-only --union-default-graph``), alone or as the
  app's remote backend (``SPARQL_ENDPOINT``).

Every context manager yields the base URL and stops what it started (its own process group).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from bench.common import ARTICLE_GRAPH, ROOT
from bench.serve import free_port, stop, wait_http

GUNICORN = """
import sys
from gunicorn.app.base import BaseApplication
from webapp.server import gunicorn_options, prepare

port, worker_class, workers, threads, endpoint, timeout = sys.argv[1:7]
config = {"SPARQL_ENDPOINT": endpoint} if endpoint != "-" else {}
config["QUERY_TIMEOUT"] = float(timeout)
app, seconds = prepare(config)
options = gunicorn_options("127.0.0.1", int(port), int(workers), accesslog=None)
options.update(worker_class=worker_class, threads=int(threads))

class Server(BaseApplication):
    def load_config(self):
        for key, value in options.items():
            self.cfg.set(key, value)

    def load(self):
        return app

print(f"prepared in {seconds:.2f} s", flush=True)
Server().run()
"""

WAITRESS = """
import sys
import waitress
from webapp.server import prepare

port, threads, endpoint, timeout = sys.argv[1:5]
config = {"SPARQL_ENDPOINT": endpoint} if endpoint != "-" else {}
config["QUERY_TIMEOUT"] = float(timeout)
app, seconds = prepare(config)
app.extensions["kg_engine"].start()  # fork the query processes before waitress starts its threads
print(f"prepared in {seconds:.2f} s", flush=True)
waitress.serve(app, host="127.0.0.1", port=int(port), threads=int(threads), ident="kneekg", _quiet=True)
"""

NGINX_CONF = """\
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
user root;
events {{ worker_connections 2048; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_header_timeout 10s;
    client_body_timeout 10s;
    client_max_body_size 1m;
    keepalive_timeout 10s;
    upstream app {{ server 127.0.0.1:{upstream}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{port} backlog=1024;
        location / {{
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_buffering on;
            proxy_request_buffering on;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""


def _python(code: str, *args: str, log: Path | None = None) -> subprocess.Popen:
    out = open(log, "w") if log else subprocess.DEVNULL
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                            start_new_session=True)


@contextmanager
def ours_gunicorn(worker_class: str = "sync", workers: int | None = None, threads: int = 1,
                  endpoint: str | None = None, timeout: float = 10.0, log: Path | None = None):
    """Our app under gunicorn (``sync`` is today's ``kneekg serve``); yields the base URL."""
    port = free_port()
    proc = _python(GUNICORN, str(port), worker_class, str(workers or os.cpu_count() or 1), str(threads),
                   endpoint or "-", str(timeout), log=log)
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", timeout=180, proc=proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


@contextmanager
def ours_waitress(threads: int = 16, endpoint: str | None = None, timeout: float = 10.0, log: Path | None = None):
    """Our app under waitress (one process, ``threads`` threads); yields the base URL."""
    port = free_port()
    proc = _python(WAITRESS, str(port), str(threads), endpoint or "-", str(timeout), log=log)
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", timeout=180, proc=proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


@contextmanager
def nginx_front(upstream: str):
    """nginx (Debian's) on a free port in front of ``upstream`` (a base URL); yields nginx's base URL."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        raise RuntimeError("nginx is not installed (Debian package nginx-light; `make bench` installs it)")
    directory = Path(tempfile.mkdtemp(prefix="kneekg-nginx-"))
    port = free_port()
    upstream_port = int(upstream.rsplit(":", 1)[1])
    (directory / "nginx.conf").write_text(NGINX_CONF.format(dir=directory, port=port, upstream=upstream_port))
    proc = subprocess.Popen([binary, "-p", str(directory), "-c", str(directory / "nginx.conf"), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", timeout=30, proc=proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def oxigraph_server(graph: Path = ARTICLE_GRAPH, timeout: float | None = 10.0, memory: bool = False):
    """The Oxigraph server, default graph = union of the named graphs; yields ``(query_url, load_s)``.

    The test suite's runner (``tests/support/oxigraph.py``: ``serve-read-only`` over a RocksDB folder
    loaded by ``oxigraph load``, or with ``memory`` ``serve`` in memory loaded through its Graph
    Store endpoint — it then accepts updates from whoever reaches it: loopback only).
    """
    from tests.support.oxigraph import oxigraph_server as run

    with run(graph, timeout=timeout, memory=memory) as server:
        yield server.sparql, server.load_seconds
