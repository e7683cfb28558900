"""webapp.config: one table of settings; the environment overrides defaults, create_app's mapping overrides both."""

from __future__ import annotations

from kg import paths
from webapp import config, create_app, state


def test_every_setting_once_with_a_meaning():
    keys = [s.key for s in config.SETTINGS]
    envs = [s.env for s in config.SETTINGS if s.env]
    assert len(keys) == len(set(keys)) and len(envs) == len(set(envs))
    assert all(s.meaning for s in config.SETTINGS)


def test_environment_then_mapping(monkeypatch, mini_store):
    monkeypatch.setenv("KG_ROW_LIMIT", "7")
    monkeypatch.setenv("KG_QUERY_TIMEOUT", "3")
    app = create_app({"STORE": mini_store, "QUERY_TIMEOUT": 4})
    assert app.config["ROW_LIMIT"] == 7 and app.config["QUERY_TIMEOUT"] == 4
    assert state.engine(app).row_limit == 7 and state.engine(app).timeout == 4.0


def test_the_served_file_is_decided_once():
    release = paths.RELEASE_DIR / paths.GRAPH_NQ
    assert config.graph_file(config.load({})) == release and config.serves_release(config.load({}))
    assert not config.serves_release({"GRAPH_PATH": str(release)})  # a named file is served as a file
    assert config.graph_file({"SPARQL_ENDPOINT": "http://127.0.0.1:1/sparql"}) is None
    assert config.graph_file({"OXIGRAPH_LANES": object()}) is None  # the lanes kneekg serve --oxigraph runs


def test_the_oxigraph_lanes_are_served_through_a_remote_store_that_knows_them(tmp_path):
    from kg.store.lanes import Lanes
    from kg.store.remote import RemoteStore

    lanes = Lanes(tmp_path, timeout=3, binary="/bin/true")  # never started: nothing is asked of it here
    app = create_app({"OXIGRAPH_LANES": lanes, "QUERY_TIMEOUT": 3, "QUERY_WORKERS": 0})
    store = state.store(app)
    assert isinstance(store, RemoteStore) and store._lanes is lanes and store.timeout == 3.0
    assert str(tmp_path) in store.description
