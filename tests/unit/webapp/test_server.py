"""Serving under gunicorn: the app is loaded and warmed once, before the workers fork."""

from __future__ import annotations

import os

from kg.sparql.registry import registry
from webapp import server


def test_warm_runs_every_named_query(mini_store):
    from webapp import create_app

    app = create_app({"TESTING": True, "STORE": mini_store})
    assert server.warm(app) == len(registry())


def test_prepare_loads_the_release_graph_and_times_it():
    app, seconds = server.prepare()
    assert len(app.extensions["kg_store"]) > 1000
    assert seconds > 0
    assert app.test_client().get("/healthz").status_code == 200


def test_gunicorn_preloads_and_sizes_workers_to_the_cores():
    options = server.gunicorn_options(port=8123, accesslog=None)
    assert options["preload_app"] is True
    assert options["workers"] == (os.cpu_count() or 1)
    assert options["bind"] == "127.0.0.1:8123"
    assert "accesslog" not in options
    assert server.gunicorn_options(workers=3)["workers"] == 3
