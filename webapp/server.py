"""Serve the app as `kneekg serve` does: nginx in front of gunicorn's threaded workers, loopback by default.

* **Loaded once, before the fork.** The graph is loaded and every named query run once in
  gunicorn's master (``preload_app``), so the workers share the loaded store (copy-on-write)
  and no visitor pays a first call's cost.
* **Threads for requests, processes for untrusted queries.** Workers default to one per core,
  each with :data:`THREADS` threads (gunicorn ``gthread``): cached answers, named queries,
  questions and pages run in those threads; an ad-hoc SPARQL query waits in its thread for one
  of the worker's killable query processes (:mod:`kg.sparql.pool`), admitted a few per client
  and a few per worker (:mod:`kg.sparql.admission`), so the other threads stay free for
  everybody else.
* **nginx in front** (:mod:`webapp.front`): slow clients, large bodies and long URLs never reach
  a thread. gunicorn listens only on a Unix socket in the instance's private runtime directory,
  which also holds its control socket (one per instance, removed when it stops).

* **Oxigraph lanes** (``--oxigraph DIR``): the supervisor of the Oxigraph servers the app then queries
  is forked first, before anything else starts (:func:`start_lanes`, :mod:`kg.store.lanes`), so every
  process shares its board; it stops with the server.

``bench/hostile.py`` measures what a runaway or slow client costs the others under this design.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from gunicorn.app.base import BaseApplication

from kg.store import snapshot as _snapshots

from . import config as settings
from . import create_app, state
from .front import Front, FrontError, check_port, find_nginx, runtime_dir

log = logging.getLogger(__name__)

THREADS = 16  # per worker; at most QUERY_WORKERS + QUERY_QUEUE of them wait for query processes


class _Server(BaseApplication):
    def __init__(self, app, options: dict):
        self._app = app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self):
        return self._app


def default_workers() -> int:
    """One worker per core (measured best for CPU-bound queries on 2 cores, see bench/results/http.md)."""
    return os.cpu_count() or 1


def warm(app) -> int:
    """Run every named query once with its example values, and render the health check; return how many ran.

    pyoxigraph parses a query on every call, so this pays the first call's one-off costs
    (imports, page faults in the freshly loaded store, template compilation) before the fork.
    With a ``SNAPSHOT_DIR``, what an earlier start built from the same graph and code (question
    answering's indexes, the computed-once answers, the word lists) is read first, and what this
    start built is written when there was none (:mod:`kg.store.snapshot`).
    A remote store that does not answer yet is not an error: the server starts and says so, and
    question answering's indexes are built after the fork (:mod:`webapp.readiness`).
    """
    from kg.sparql.errors import EngineError
    from kg.sparql.registry import QueryError, registry, run

    store = state.store(app)
    snapshot = _snapshot(app)
    restored = snapshot is not None and _snapshots.load(store, *snapshot) is not None
    count = 0
    for query in registry():
        try:
            result = run(store, query, query.example_values())
            if hasattr(result, "__iter__"):
                for _ in result:
                    pass
            count += 1
        except (QueryError, EngineError, OSError, ValueError, RuntimeError) as exc:  # must not stop serving
            log.warning("warm-up of query %s failed: %s", query.name, exc)
    from kg.sparql.cheap import named_index

    named_index()  # the registry's texts by their tokens, for the cheap-query proof: made once, before the fork

    # The question answering's per-store indexes (labels, lexicon, BM25 over the quotes), built once in the
    # master and shared by every worker; when the store does not answer yet, each worker builds them as soon
    # as it does, and /readyz says so meanwhile (webapp.readiness).
    if not state.manage_questions(app).prepare(store):
        log.warning("%s", state.questions_pending(app))
    with app.test_client() as client:
        client.get("/healthz")
        client.get("/api/ask", query_string={"q": "What causes knee twitching?"})
    if snapshot is not None and not restored and state.questions_pending(app) is None:
        _snapshots.save(store, *snapshot)
    return count


def _snapshot(app) -> tuple[Path, str] | None:
    """Where the app's store keeps its snapshot and under which name (:mod:`kg.store.snapshot`), or None:
    none configured, or a store with no graph file (a remote one, one given)."""
    directory = settings.get(app.config, "SNAPSHOT_DIR")
    graph = settings.graph_file(app.config)
    if directory is None or graph is None:
        return None
    return Path(directory), _snapshots.key(graph)


def prepare(config: dict | None = None):
    """Create the app and warm it; return ``(app, seconds)`` — the start-up cost before serving."""
    start = time.perf_counter()
    app = create_app(config)
    warm(app)
    return app, time.perf_counter() - start


def _size(app) -> str:
    """How many triples the app serves, or why that is not known yet (a remote store that is down)."""
    from kg.sparql.errors import EngineError

    try:
        return f"{len(state.store(app)):,} triples"
    except (EngineError, OSError) as exc:
        return f"the store does not answer yet ({exc}); /readyz says when it does"


FRONTS = ("auto", "nginx", "none")


def choose_front(front: str = "auto") -> bool:
    """Whether to serve behind nginx: ``nginx`` requires it, ``none`` never, ``auto`` when installed.

    ``auto`` without nginx serves with gunicorn alone and says, on stderr, what that costs: a
    client that sends its request slowly holds one of gunicorn's threads until its timeout.
    """
    if front not in FRONTS:
        raise ValueError(f"front must be one of {', '.join(FRONTS)}, not {front!r}")
    if front == "none":
        return False
    try:
        find_nginx()
        return True
    except FrontError as exc:
        if front == "nginx":
            raise
        print(f"kneekg serve: WARNING: {exc}.\n  Serving with gunicorn alone: slow clients (a header line every few "
              f"seconds) can hold its threads, and large requests are refused by the app rather than in front "
              f"of it. Install nginx for the front, or pass --front none to silence this.", file=sys.stderr, flush=True)
        return False


def run(host: str = "127.0.0.1", port: int = 5000, workers: int | None = None, config: dict | None = None,
        accesslog: str | None = "-", threads: int = THREADS, front: str = "auto") -> None:
    """Serve the app on ``host:port`` until stopped (SIGINT or SIGTERM), behind nginx unless ``front`` says
    otherwise (:func:`choose_front`); see the module's note."""
    try:
        behind_nginx = choose_front(front)
        check_port(host, port)
    except FrontError as exc:
        sys.exit(f"kneekg serve: {exc}")
    config = dict(config or {})
    environ = settings.load()
    if "PUBLIC_URL" not in config and os.environ.get("KG_PUBLIC_URL") is None:
        config["PUBLIC_URL"] = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    if "SNAPSHOT_DIR" not in config and environ["SNAPSHOT_DIR"] is None:
        config["SNAPSHOT_DIR"] = settings.default_snapshot_dir()
    lanes = start_lanes(config, environ)
    if not behind_nginx:
        try:
            app, seconds = prepare(config)
            print(f"kneekg: graph loaded ({_size(app)}) and warmed in {seconds:.2f} s; "
                  f"serving {settings.public_url(app.config)} (gunicorn alone, no front)", flush=True)
            _Server(app, gunicorn_options(host, port, workers, accesslog, threads=threads)).run()
        finally:
            if lanes is not None:
                lanes.stop()
        return
    directory = runtime_dir()
    nginx = None
    try:
        limits = {key: config.get(key, environ[key]) for key in ("MAX_BODY_BYTES", "MAX_URL_BYTES", "QUERY_TIMEOUT")}
        nginx = Front(directory, host, port, directory / "app.sock", max_body=int(limits["MAX_BODY_BYTES"]),
                      max_url=int(limits["MAX_URL_BYTES"]), timeout=float(limits["QUERY_TIMEOUT"]),
                      access_log=bool(accesslog))
        config["FRONT_TOKEN"] = nginx.token
        app, seconds = prepare(config)
        print(f"kneekg: graph loaded ({_size(app)}) and warmed in {seconds:.2f} s; "
              f"serving {settings.public_url(app.config)} (nginx in front of gunicorn)", flush=True)
        options = gunicorn_options(host, port, workers, None, threads=threads, runtime=directory)
        master = os.getpid()

        def when_ready(server) -> None:  # gunicorn listens on its socket: open the front door
            try:
                nginx.start(on_exit=lambda: os.kill(master, signal.SIGTERM))
            except FrontError as exc:  # e.g. the port was taken meanwhile: stop rather than serve nobody
                print(f"kneekg serve: {exc}", file=sys.stderr, flush=True)
                os.kill(master, signal.SIGTERM)

        options["when_ready"] = when_ready
        options["on_exit"] = lambda server: nginx.stop()
        _Server(app, options).run()
    except FrontError as exc:
        sys.exit(f"kneekg serve: {exc}")
    finally:
        if nginx is not None:
            nginx.stop()
        if lanes is not None:
            lanes.stop()
        shutil.rmtree(directory, ignore_errors=True)


def start_lanes(config: dict, environ: dict):
    """With ``OXIGRAPH_STORE`` (``--oxigraph DIR``): load the folder if it holds no store, and start the Oxigraph
    lanes' supervisor now, before any thread or worker (:mod:`kg.store.lanes`); sets ``OXIGRAPH_LANES``."""
    location = config.get("OXIGRAPH_STORE", environ["OXIGRAPH_STORE"])
    if not location:
        return None
    from kg.store.lanes import Lanes

    try:
        lanes = Lanes(location, timeout=float(config.get("QUERY_TIMEOUT", environ["QUERY_TIMEOUT"])))
        graph = Path(config.get("GRAPH_PATH") or environ["GRAPH_PATH"] or settings.graph_file({}))
        if lanes.ensure_loaded(graph):
            print(f"kneekg: loaded {graph} into {location} (oxigraph load)", flush=True)
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        sys.exit(f"kneekg serve: {exc}")
    lanes.start()
    config["OXIGRAPH_LANES"] = lanes
    return lanes


def _start_query_workers(server, worker) -> None:
    """Fork each gunicorn worker's query processes now (before its threads start), not on its first query; and
    build question answering's indexes in the background if the store did not answer before the fork."""
    app = worker.app.load()
    state.engine(app).start()
    state.manage_questions(app).prepare_in_background(state.store(app))


def gunicorn_options(host: str = "127.0.0.1", port: int = 5000, workers: int | None = None,
                     accesslog: str | None = "-", threads: int = THREADS, runtime: Path | None = None) -> dict:
    """gunicorn's settings: the app preloaded in the master, one threaded worker per core unless told.

    With ``runtime`` (the instance's private directory) gunicorn listens on a Unix socket there
    and keeps its control socket there; without it, on ``host:port`` (a front of one's own).
    """
    options = {
        "bind": f"unix:{runtime / 'app.sock'}" if runtime else f"{host}:{port}",
        "workers": workers or default_workers(),
        "worker_class": "gthread",
        "threads": threads,
        "preload_app": True,
        "timeout": 60,
        "keepalive": 20,  # nginx keeps connections to the app open (longer than its own 15 s)
        # nginx holds the limits (MAX_URL_BYTES, body size) and so does the app; gunicorn's own
        # request-line limit (4 KiB, at most 8 KiB) would cut long GET queries short.
        "limit_request_line": 0,
        "limit_request_field_size": 0,
        "post_fork": _start_query_workers,
    }
    if runtime is not None:
        options["control_socket"] = str(runtime / "gunicorn.ctl")
    else:
        options["control_socket_disable"] = True  # never the shared one in the home directory
    if accesslog:
        options["accesslog"] = accesslog
    return options
