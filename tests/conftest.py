"""Shared fixtures: a small graph built from tests/data/valid/mini, and the real built graph.

Markers are given by place, so a run can pick the fast tests alone (``make test-fast``):
``unit`` (tests/unit: pure functions, the small graph, the release graph in memory),
``integration`` (tests/integration: the reasoner, subprocesses, servers, synthetic graphs),
``e2e`` (tests/e2e: a real browser), ``virtuoso`` and ``oxigraph`` (every test that needs the
Virtuoso server or the Oxigraph server, wherever it lives — the backend parameter of the app
fixtures included), and ``remote`` on both (what ``make test-fast`` leaves out).
"""

from __future__ import annotations

import io

import pyoxigraph
import pytest

from kg import paths
from kg.build import synth
from kg.build.pipeline import BuildResult, Sources, compute
from kg.store.embedded import EmbeddedStore

from tests.support import DATA, store_from

# The session's remote stores: Virtuoso (tests/support/virtuoso.py) and the Oxigraph server (tests/support/oxigraph.py).
pytest_plugins = ["tests.support.virtuoso", "tests.support.oxigraph"]

SERVER_FIXTURES = {"virtuoso": {"virtuoso", "virtuoso_mini", "virtuoso_release"},
                   "oxigraph": {"oxigraph_mini", "oxigraph_release"}}


def pytest_collection_modifyitems(config, items):
    """Mark each test by its folder, and every test that reaches a remote store by its server and ``remote``."""
    for item in items:
        parts = item.path.parts
        if "tests" in parts:
            room = parts[parts.index("tests") + 1] if len(parts) > parts.index("tests") + 1 else ""
            if room in ("unit", "integration", "e2e"):
                item.add_marker(getattr(pytest.mark, room))
        else:
            item.add_marker(pytest.mark.unit)  # doctests in the code
        callspec = getattr(item, "callspec", None)
        params = [v for v in callspec.params.values() if isinstance(v, str)] if callspec else []
        for server, fixtures in SERVER_FIXTURES.items():
            if fixtures & set(getattr(item, "fixturenames", ())) or server in params:
                item.add_marker(getattr(pytest.mark, server))
                item.add_marker(pytest.mark.remote)


@pytest.fixture(scope="session")
def mini_build() -> BuildResult:
    """Build the small fixture graph once (ontology and article are the real ones)."""
    return compute(Sources(facts_dir=DATA / "valid" / "mini"))


@pytest.fixture(scope="session")
def mini_store(mini_build) -> EmbeddedStore:
    return store_from(mini_build.files[paths.GRAPH_NQ])


@pytest.fixture(scope="session")
def real_store() -> EmbeddedStore:
    """The committed release graph, as the app loads it."""
    return EmbeddedStore.from_file()


BACKENDS = ["embedded", "virtuoso", "oxigraph"]


@pytest.fixture(scope="session")
def synthetic_store() -> EmbeddedStore:
    """A 60,000-triple synthetic graph (kg.build.synth, seed 0): the release graph (~20,000) and two whole renamed
    articles linked into it, for queries that must pick the right one."""
    out = io.StringIO()
    synth.write(60_000, out, seed=0)
    store = pyoxigraph.Store()
    store.load(out.getvalue().encode(), format=pyoxigraph.RdfFormat.N_QUADS)
    return EmbeddedStore(store, "synthetic (test)")


@pytest.fixture(params=BACKENDS)
def app(request, mini_store):
    """The app on the mini graph, once per backend: the embedded store, Virtuoso and the Oxigraph server (RemoteStore).

    A test that only makes sense on the embedded store says so with
    ``@pytest.mark.parametrize("app", ["embedded"], indirect=True)``.
    """
    from webapp import create_app

    if request.param != "embedded":
        # The mini graph: pushed into the session Virtuoso, or loaded into an Oxigraph server of its own.
        server = request.getfixturevalue(f"{request.param}_mini")
        return create_app({"TESTING": True, "SPARQL_ENDPOINT": server.endpoint, "QUERY_TIMEOUT": 30})
    return create_app({"TESTING": True, "STORE": mini_store})


@pytest.fixture(scope="session", params=BACKENDS)
def release_store(request, real_store):
    """The release graph as a GraphStore, once per backend: embedded, Virtuoso and the Oxigraph server."""
    if request.param != "embedded":
        return request.getfixturevalue(f"{request.param}_release")  # a server bulk-loaded with graph.nq
    return real_store


@pytest.fixture
def client(app):
    return app.test_client()
