"""What several test modules share: the test data folder, system dependencies, the Virtuoso plugin."""

from pathlib import Path

import pyoxigraph

from kg.store.embedded import EmbeddedStore

DATA = Path(__file__).resolve().parents[1] / "data"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"  # screenshots and logs (not committed)


def store_from(nquads: bytes) -> EmbeddedStore:
    """An embedded store holding ``nquads`` (a graph built in the test)."""
    store = pyoxigraph.Store()
    store.load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    return EmbeddedStore(store, "embedded pyoxigraph (test)")
