"""The web app: one Flask app factory, one blueprint per user concern."""

from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create and configure an instance of the Flask application."""
    from . import config as settings
    from . import errors, limits, state

    app = Flask(__name__)
    app.config.from_mapping(settings.load())
    if config:
        app.config.from_mapping(config)
    state.init_app(app)
    errors.init_app(app)
    limits.init_app(app)

    from . import api, ask, browse, core, export, sparql

    for module in (core, sparql, api, browse, export, ask):
        app.register_blueprint(module.bp)
    from . import fastpath

    fastpath.init_app(app)  # in front of the app: a plain GET /sparql answered without the framework
    return app
