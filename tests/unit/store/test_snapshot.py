"""kg.store.snapshot: what is built from a graph, kept on disk per graph and code digest and read into a fresh store."""

from __future__ import annotations

import os
import pickle

import pytest

from kg import paths
from kg.qa.ask import ask, prepare
from kg.qa.linking import label_index
from kg.store import memo, snapshot
from kg.store.embedded import EmbeddedStore

GRAPH = paths.RELEASE_DIR / paths.GRAPH_NQ
QUESTIONS = ("What causes knee twitching?", "is magnesium good for cramps", "what is a muscle spasm")


@pytest.fixture(scope="module")
def built():
    """A store of the release graph with question answering's indexes built, and its answers."""
    store = EmbeddedStore.from_file(GRAPH)
    prepare(store)
    return store, {q: ask(store, q).to_dict() for q in QUESTIONS}


def test_a_fresh_store_reads_what_another_built_and_answers_alike(built, tmp_path):
    store, answers = built
    name = snapshot.key(GRAPH)
    assert snapshot.save(store, tmp_path, name) == snapshot.path_for(tmp_path, name)
    fresh = EmbeddedStore.from_file(GRAPH)
    taken = snapshot.load(fresh, tmp_path, name)
    assert taken is not None and taken >= len(memo.held(store))
    kept = label_index(fresh)
    assert kept is not label_index(store) and kept.labels == label_index(store).labels
    assert memo.held(fresh).keys() == memo.held(store).keys()
    assert all(getattr(value, "store", fresh) is fresh for value in memo.held(fresh).values())  # not the old one
    assert {q: ask(fresh, q).to_dict() for q in QUESTIONS} == answers


def test_the_files_are_private_and_one_others_may_write_is_never_read(built, tmp_path):
    store, _ = built
    directory = tmp_path / "snapshots"
    path = snapshot.save(store, directory, "k")
    assert os.stat(directory).st_mode & 0o777 == 0o700 and os.stat(path).st_mode & 0o777 == 0o600
    os.chmod(path, 0o666)
    assert snapshot.load(EmbeddedStore.from_file(GRAPH), directory, "k") is None
    os.chmod(path, 0o600)
    os.chmod(directory, 0o755)
    assert snapshot.load(EmbeddedStore.from_file(GRAPH), directory, "k") is None
    assert snapshot.save(store, directory, "k2") is None  # nor written into


def test_a_missing_or_unreadable_snapshot_is_built_again(tmp_path, caplog):
    fresh = EmbeddedStore.from_file(GRAPH)
    tmp_path.chmod(0o700)
    assert snapshot.load(fresh, tmp_path, "absent") is None
    path = snapshot.path_for(tmp_path, "torn")
    path.write_bytes(pickle.dumps({"store": {}, "process": {}})[:-5])
    path.chmod(0o600)
    assert snapshot.load(fresh, tmp_path, "torn") is None
    assert "not read" in caplog.text
    assert memo.held(fresh) == {}


def test_another_graph_or_other_code_is_another_key(tmp_path, monkeypatch):
    other = tmp_path / "graph.nq"
    other.write_bytes(GRAPH.read_bytes() + b"\n")
    assert snapshot.key(other) != snapshot.key(GRAPH) == snapshot.key(GRAPH)
    first = snapshot.key(GRAPH)
    monkeypatch.setattr(snapshot, "_code", ["another version of the code"])
    assert snapshot.key(GRAPH) != first


def test_the_code_digest_covers_the_code_the_queries_and_the_article():
    snapshot._code.clear()
    first = snapshot.code_digest()
    assert snapshot.code_digest() == first and len(first) == 64
    assert snapshot._CODE.name == "kg" and (snapshot._CODE / "store" / "snapshot.py").exists()


def test_only_the_newest_snapshots_are_kept(built, tmp_path):
    store, _ = built
    for n in range(snapshot.KEEP + 2):
        path = snapshot.save(store, tmp_path / "d", f"k{n}")
        os.utime(path, (n, n))
    assert len(list((tmp_path / "d").glob("*.snapshot"))) == snapshot.KEEP


def test_a_store_that_answered_sparql_is_still_snapshotted(built, tmp_path):
    store, _ = built
    store.pattern_counts().count(None, None, None, 10)  # holds the pyoxigraph store: not kept
    assert snapshot.save(store, tmp_path, "after-sparql") is not None
