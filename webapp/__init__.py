"""The web app: one Flask app factory, one blueprint per user concern."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create and configure an instance of the Flask application."""
    app = Flask(__name__)
    app.config.from_mapping(
        GRAPH_PATH=None,  # N-Quads to load; None means release/graph.nq
        STORE=None,  # an already-built GraphStore (tests pass a small one)
        SPARQL_ENDPOINT=os.environ.get("KG_SPARQL_ENDPOINT"),  # remote backend (export issue)
        BASE_IRI=os.environ.get("KG_BASE_IRI"),  # None: the graph's own IRIs, served by this app
        QUERY_TIMEOUT=float(os.environ.get("KG_QUERY_TIMEOUT", "10")),  # seconds per SPARQL query
        ROW_LIMIT=int(os.environ.get("KG_ROW_LIMIT", "10000")),  # rows per SPARQL result
    )
    if config:
        app.config.from_mapping(config)

    from kg.store.embedded import EmbeddedStore

    store = app.config["STORE"]
    if store is None and app.config["SPARQL_ENDPOINT"]:
        # Remote backend (issue 5): same GraphStore interface over the SPARQL 1.1 Protocol.
        from kg.store.remote import RemoteStore

        store = RemoteStore(app.config["SPARQL_ENDPOINT"], timeout=app.config["QUERY_TIMEOUT"])
    if store is None:
        store = EmbeddedStore.from_file(app.config["GRAPH_PATH"])
    app.extensions["kg_store"] = store

    from . import api, ask, browse, core, export, sparql

    for module in (core, sparql, api, browse, export, ask):
        app.register_blueprint(module.bp)
    return app
