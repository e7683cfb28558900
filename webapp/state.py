"""What the app holds while it serves, attached once and reached through one accessor each (as the Flask tutorial's ``get_db``).

:func:`init_app` attaches the store (the one ``webapp.config`` names) and the SPARQL engine over it;
the response cache is made on first use, because it hashes the graph artifact (``webapp.server``
touches it before forking, so the workers share it). Every accessor takes the current app, or
the ``app`` given (for code that runs outside a request: the server's warm-up and its fork hook).
Nothing else reads ``app.extensions``.
"""

from __future__ import annotations

import threading
from typing import Any

from flask import Flask, current_app

from kg.sparql.engine import Engine
from kg.sparql.lru import LRU
from kg.store.embedded import EmbeddedStore
from kg.views import export

from webapp import config as settings
from webapp.readiness import Questions
from webapp.responses import ResponseCache

STORE = "kg_store"
ENGINE = "kg_engine"
RESPONSE_CACHE = "kg_response_cache"
DATASET = "kg_dataset"
FILES = "kg_files"
QUESTIONS = "kg_questions"

_lock = threading.Lock()


def init_app(app: Flask) -> None:
    """Attach the store the config names (given, remote or the graph file) and one engine over it."""
    config = app.config
    store = config["STORE"]
    lanes = settings.get(config, "OXIGRAPH_LANES")
    if store is None and lanes is not None:  # Oxigraph servers run by `kneekg serve --oxigraph` (kg.store.lanes)
        from kg.store.remote import RemoteStore

        store = RemoteStore(lanes.endpoint, timeout=float(config["QUERY_TIMEOUT"]), lanes=lanes)
    if store is None and config["SPARQL_ENDPOINT"]:
        # The remote backend: the same GraphStore interface over the SPARQL 1.1 Protocol.
        from kg.store.remote import RemoteStore

        store = RemoteStore(config["SPARQL_ENDPOINT"], timeout=float(config["QUERY_TIMEOUT"]))
    if store is None:
        store = EmbeddedStore.from_file(settings.graph_file(config))
        if not settings.get(config, "TABLED_ANSWERS"):
            store.tabled = False
    app.extensions[STORE] = store
    app.extensions[ENGINE] = Engine(
        store,
        timeout=float(config["QUERY_TIMEOUT"]),
        row_limit=int(config["ROW_LIMIT"]) if config["ROW_LIMIT"] else None,
        workers=config["QUERY_WORKERS"],
        cache_size=int(config["QUERY_CACHE_SIZE"]),
        cache_bytes=int(settings.get(config, "QUERY_CACHE_BYTES")),
        per_client=int(settings.get(config, "QUERIES_PER_CLIENT") or 0),
        queue=int(settings.get(config, "QUERY_QUEUE")),
        nice=int(settings.get(config, "QUERY_NICE")),
        inline=bool(settings.get(config, "QUERY_INLINE")),
    )


def _app(app: Flask | None) -> Flask:
    return current_app if app is None else app


def store(app: Flask | None = None):
    """The ``GraphStore`` the app serves."""
    return _app(app).extensions[STORE]


def engine(app: Flask | None = None) -> Engine:
    """The engine that runs untrusted SPARQL on the store (analysed, time-limited, row-capped)."""
    return _app(app).extensions[ENGINE]


def _attached(app: Flask, name: str, make) -> Any:
    value = app.extensions.get(name)
    if value is None:
        with _lock:
            value = app.extensions.get(name)
            if value is None:
                value = app.extensions[name] = make()
    return value


def manage_questions(app: Flask) -> Questions:
    """Have the app build question answering's indexes before any question (``kneekg serve``: webapp.readiness)."""
    return _attached(app, QUESTIONS, Questions)


def questions_pending(app: Flask | None = None) -> str | None:
    """Why questions cannot be answered yet (their indexes are not built), or None: built, or built on demand."""
    managed = _app(app).extensions.get(QUESTIONS)
    return None if managed is None else managed.pending()


def response_cache(app: Flask | None = None) -> ResponseCache:
    """The app's cache of whole responses with strong ETags, made on first use."""
    app = _app(app)
    return _attached(app, RESPONSE_CACHE, lambda: ResponseCache.for_app(app.config, store(app)))


def dataset(app: Flask | None = None):
    """The served named graphs as one ``pyoxigraph.Dataset``, read once (from the graph file when there is one)."""
    app = _app(app)
    return _attached(app, DATASET, lambda: export.dataset_from(store(app), path=settings.graph_file(app.config)))


def files(app: Flask | None = None) -> LRU:
    """Documents made once per app from the immutable graph (downloads, dataset and service descriptions), by key."""
    app = _app(app)
    return _attached(app, FILES, lambda: LRU(max_entries=256,
                                             max_bytes=int(settings.get(app.config, "DOCUMENT_CACHE_BYTES"))))
