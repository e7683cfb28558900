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
