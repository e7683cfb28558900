"""Shared fixtures: a small graph built from tests/data/valid/mini, and the real built graph.

Markers are given by place, so a run can pick the fast tests alone (``make test-fast``):
``unit`` (tests/unit: pure functions, the small graph, the release graph in memory),
``integration`` (tests/integration: the reasoner, subprocesses, servers, synthetic graphs),
``e2e`` (tests/e2e: a real browser), and ``virtuoso`` (every test that needs the Virtuoso
server, wherever it lives — the backend parameter of the app fixtures included).
"""

from __future__ import annotations

import pytest

from kg import paths
from kg.build.pipeline import BuildResult, Sources, compute
from kg.store.embedded import EmbeddedStore

from tests.support import DATA, store_from

# The session's Virtuoso server (tests/support/virtuoso.py): the `virtuoso` fixture.
pytest_plugins = ["tests.support.virtuoso"]

VIRTUOSO_FIXTURES = {"virtuoso", "virtuoso_mini", "virtuoso_release"}


def pytest_collection_modifyitems(config, items):
    """Mark each test by its folder, and mark every test that reaches Virtuoso ``virtuoso``."""
    for item in items:
        parts = item.path.parts
        if "tests" in parts:
            room = parts[parts.index("tests") + 1] if len(parts) > parts.index("tests") + 1 else ""
            if room in ("unit", "integration", "e2e"):
                item.add_marker(getattr(pytest.mark, room))
        else:
            item.add_marker(pytest.mark.unit)  # doctests in the code
        callspec = getattr(item, "callspec", None)
        uses_virtuoso = VIRTUOSO_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses_virtuoso or (callspec and "virtuoso" in callspec.params.values()):
            item.add_marker(pytest.mark.virtuoso)


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


BACKENDS = ["embedded", "virtuoso"]


@pytest.fixture(params=BACKENDS)
def app(request, mini_store):
    """The app on the mini graph, once per backend: the embedded store, and Virtuoso through RemoteStore.

    A test that only makes sense on the embedded store says so with
    ``@pytest.mark.parametrize("app", ["embedded"], indirect=True)``.
    """
    from webapp import create_app

    if request.param == "virtuoso":
        server = request.getfixturevalue("virtuoso_mini")  # the mini graph, pushed into the session Virtuoso
        return create_app({"TESTING": True, "SPARQL_ENDPOINT": server.endpoint, "QUERY_TIMEOUT": 30})
    return create_app({"TESTING": True, "STORE": mini_store})


@pytest.fixture(scope="session", params=BACKENDS)
def release_store(request, real_store):
    """The release graph as a GraphStore, once per backend: embedded, and Virtuoso through RemoteStore."""
    if request.param == "virtuoso":
        return request.getfixturevalue("virtuoso_release")  # a second Virtuoso, bulk-loaded with graph.nq
    return real_store


@pytest.fixture
def client(app):
    return app.test_client()
