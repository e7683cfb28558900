"""Run the app under gunicorn (a production WSGI server), loopback by default.

The graph is loaded and every named query run once *before* gunicorn forks, so the workers
share the loaded store (copy-on-write) and no visitor pays the first query's cost. Workers
default to one per core: queries are CPU-bound in pyoxigraph, so more processes than cores
only add context switches (``bench/http.py`` measures it).
"""

from __future__ import annotations

import logging
import os
import time

from gunicorn.app.base import BaseApplication

from . import create_app, state

log = logging.getLogger(__name__)


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
    """
    from kg.sparql.registry import QueryError, registry, run

    store = state.store(app)
    count = 0
    for query in registry():
        try:
            result = run(store, query, query.example_values())
            if hasattr(result, "__iter__"):
                for _ in result:
                    pass
            count += 1
        except (QueryError, OSError, ValueError, RuntimeError) as exc:  # a warm-up miss must not stop serving
            log.warning("warm-up of query %s failed: %s", query.name, exc)
    from kg.qa.ask import prepare as prepare_questions

    # The question answering's per-store indexes (labels, lexicon, BM25 over the quotes), built once in the
    # master and shared by every worker.
    prepare_questions(store)
    with app.test_client() as client:
        client.get("/healthz")
        client.get("/api/ask", query_string={"q": "What causes knee twitching?"})
    return count


def prepare(config: dict | None = None):
    """Create the app and warm it; return ``(app, seconds)`` — the start-up cost before serving."""
    start = time.perf_counter()
    app = create_app(config)
    warm(app)
    return app, time.perf_counter() - start


def run(host: str = "127.0.0.1", port: int = 5000, workers: int | None = None, config: dict | None = None,
        accesslog: str | None = "-") -> None:
    """Load the graph once, warm it, then fork ``workers`` gunicorn workers that share it."""
    app, seconds = prepare(config)
    print(f"kneekg: graph loaded and {len(state.store(app)):,} triples warmed in {seconds:.2f} s",
          flush=True)
    _Server(app, gunicorn_options(host, port, workers, accesslog)).run()


def _start_query_workers(server, worker) -> None:
    """Fork each gunicorn worker's SPARQL query processes now, not on its first /sparql request."""
    state.engine(worker.app.load()).start()


def gunicorn_options(host: str = "127.0.0.1", port: int = 5000, workers: int | None = None,
                     accesslog: str | None = "-") -> dict:
    """gunicorn's settings: the app preloaded in the master, one worker per core unless told."""
    options = {
        "bind": f"{host}:{port}",
        "workers": workers or default_workers(),
        "preload_app": True,
        "timeout": 60,
        "post_fork": _start_query_workers,
    }
    if accesslog:
        options["accesslog"] = accesslog
    return options
