"""Answers on qualified facts, negations and durations, in the shapes the fact model will build.

The release graph plus ``tests/data/qa/qualified.trig`` (a negated ``hasCure``, two durations
that disagree, a qualifier "in high amounts"): the question answering must read them as soon as
the fact model puts them in the graph.
"""

import pyoxigraph
import pytest

from kg import paths
from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore
from tests.support import DATA


@pytest.fixture(scope="module")
def qualified_store():
    store = pyoxigraph.Store()
    store.bulk_load(path=str(paths.RELEASE_DIR / paths.GRAPH_NQ), format=pyoxigraph.RdfFormat.N_QUADS)
    store.bulk_load(path=str(DATA / "qa" / "qualified.trig"), format=pyoxigraph.RdfFormat.TRIG)
    return EmbeddedStore(store, "release + qualified test facts")


def test_no_only_where_the_article_states_a_negation(qualified_store, real_store):
    answer = ask(qualified_store, "can ALS be cured")
    assert answer.boolean is False and answer.message.startswith("No")
    assert "ALS has no cure" in answer.message
    assert answer.evidence and answer.evidence[0]["negated"]
    plain = ask(real_store, "can ALS be cured")  # without the negation in the graph: no "No"
    assert plain.boolean is None and "does not say" in plain.message


def test_qualifiers_of_the_fact_are_in_the_answer(qualified_store):
    answer = ask(qualified_store, "Can caffeine cause knee twitching?")
    assert answer.boolean is True
    assert "in high amounts" in answer.message


def test_two_durations_are_both_given_and_flagged(qualified_store, real_store):
    answer = ask(qualified_store, "how long does a muscle spasm last")
    assert answer.answered and answer.kind == "describe"
    assert "a few seconds to several minutes" in answer.message and "a few minutes to several hours" in answer.message
    assert "do not agree" in answer.message
    assert len(answer.evidence) == 2
    assert not ask(real_store, "how long does a muscle spasm last").answered
