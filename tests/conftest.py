"""Shared fixtures: a small graph built from tests/data/valid/mini, and the real built graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg import paths
from kg.build.pipeline import BuildResult, Sources, compute
from kg.store.embedded import EmbeddedStore

DATA = Path(__file__).parent / "data"

# The session's Virtuoso server (tests/virtuoso.py): the `virtuoso` fixture.
pytest_plugins = ["virtuoso"]


@pytest.fixture(scope="session")
def mini_build() -> BuildResult:
    """Build the small fixture graph once (ontology and article are the real ones)."""
    return compute(Sources(facts_dir=DATA / "valid" / "mini"))


def store_from(nquads: bytes) -> EmbeddedStore:
    store = pyoxigraph.Store()
    store.load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    return EmbeddedStore(store, "embedded pyoxigraph (test)")


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
