"""The web app: one Flask app factory, one blueprint per user concern."""

from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create and configure an instance of the Flask application."""
    app = Flask(__name__)
    app.config.from_mapping(
        GRAPH_PATH=None,  # N-Quads to load; None means kg/artifacts/graph.nq
        STORE=None,  # an already-built GraphStore (tests pass a small one)
    )
    if config:
        app.config.from_mapping(config)

    from kg.store import EmbeddedStore

    store = app.config["STORE"] or EmbeddedStore.from_file(app.config["GRAPH_PATH"])
    app.extensions["kg_store"] = store

    from . import core

    app.register_blueprint(core.bp)
    return app
