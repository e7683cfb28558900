"""Serving under gunicorn: the app is loaded and warmed once, before the workers fork."""

from __future__ import annotations

import os

import pytest

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


def _no_nginx():
    raise server.FrontError("nginx is not installed: `make run` installs it as root")


def test_without_nginx_auto_serves_alone_and_says_so(monkeypatch, capsys):
    monkeypatch.setattr(server, "find_nginx", _no_nginx)
    assert server.choose_front("auto") is False
    warning = capsys.readouterr().err
    assert "WARNING: nginx is not installed" in warning and "slow clients" in warning


def test_front_nginx_requires_it_and_none_never_uses_it(monkeypatch, capsys):
    monkeypatch.setattr(server, "find_nginx", _no_nginx)
    with pytest.raises(server.FrontError):
        server.choose_front("nginx")
    assert server.choose_front("none") is False
    assert capsys.readouterr().err == ""
    with pytest.raises(ValueError):
        server.choose_front("apache")


def test_the_front_config_holds_the_apps_limits(tmp_path):
    from webapp.front import FrontConfig

    text = FrontConfig(tmp_path, "127.0.0.1", 5000, tmp_path / "app.sock", "secret", 1 << 20, 64 << 10, 10.0).render()
    assert "client_max_body_size 1048576;" in text and "proxy_request_buffering on;" in text
    assert "client_header_timeout 10s;" in text and f"server unix:{tmp_path / 'app.sock'};" in text
    assert "listen 127.0.0.1:5000" in text and '"secret"' in text


def test_the_second_start_on_the_same_graph_reads_what_the_first_built(tmp_path, monkeypatch):
    from kg.store import memo, snapshot
    from webapp import state

    directory = tmp_path / "snapshots"
    first, _ = server.prepare({"SNAPSHOT_DIR": directory})
    assert state.questions_pending(first) is None
    [kept] = list(directory.glob("*.snapshot"))
    read = []
    real_load = snapshot.load
    monkeypatch.setattr(snapshot, "load", lambda *a: read.append(real_load(*a)) or read[-1])
    second, _ = server.prepare({"SNAPSHOT_DIR": directory})
    assert read and read[0] >= len(memo.held(state.store(first)))
    assert list(directory.glob("*.snapshot")) == [kept]  # read, not written again
    question = {"q": "What causes knee twitching?"}
    assert (second.test_client().get("/api/ask", query_string=question).json
            == first.test_client().get("/api/ask", query_string=question).json)


def test_no_snapshot_unless_configured_nor_for_a_store_without_a_graph_file(mini_store, tmp_path):
    from webapp import create_app

    assert server._snapshot(create_app({"TESTING": True})) is None
    assert server._snapshot(create_app({"TESTING": True, "STORE": mini_store, "SNAPSHOT_DIR": tmp_path})) is None
    assert server._snapshot(create_app({"TESTING": True, "SPARQL_ENDPOINT": "http://127.0.0.1:9/sparql",
                                        "SNAPSHOT_DIR": tmp_path})) is None


def test_kneekg_serve_keeps_snapshots_in_the_users_cache_unless_told(monkeypatch):
    from webapp import config

    assert config.load({})["SNAPSHOT_DIR"] is None
    assert str(config.load({"KG_SNAPSHOT_DIR": "/s"})["SNAPSHOT_DIR"]) == "/s"
    assert config.default_snapshot_dir({"XDG_CACHE_HOME": "/c"}).as_posix() == "/c/kneekg"


def test_a_server_started_while_its_store_is_down_starts_and_builds_questions_after_the_fork(monkeypatch):
    from webapp import create_app, state

    app = create_app({"TESTING": True, "SPARQL_ENDPOINT": "http://127.0.0.1:9/sparql", "QUERY_TIMEOUT": 2})
    server.warm(app)  # no exception: the store does not answer
    assert "once the store answers" in state.questions_pending(app)
    started = []
    questions = state.manage_questions(app)
    monkeypatch.setattr(questions, "prepare_in_background", lambda store: started.append(store))
    monkeypatch.setattr(state.engine(app), "start", lambda: None)

    class Worker:
        class app:  # noqa: N801 — gunicorn's worker.app.load()
            @staticmethod
            def load():
                return app

    server._start_query_workers(None, Worker())
    assert started == [state.store(app)]
