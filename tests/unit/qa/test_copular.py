""""Is X a Y" is a yes only where the article makes X an example or form of Y, and "is X <quality>" only on a fact
stated between the two — never on a link through a third thing ("is ALS an autoimmune disease": both are underlying
conditions, and that is no yes; kg.qa.copular)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "is ALS an autoimmune disease",
    "is statins a stimulant",
    "is ALS painful",
    "is ALS a muscle disease",
    "is estrogen a hormone",
    "are diuretics a stimulant",
])
def test_a_kind_or_quality_the_article_never_states_is_not_a_yes(question):
    answer = ask(STORE, question)
    assert answer.boolean is None and not answer.answered and not answer.answers, answer.message
    assert answer.message.startswith("The article does not"), answer.message


@pytest.mark.parametrize("question", [
    "is neuromyotonia an autoimmune disorder",
    "is caffeine a stimulant",
    "are amphetamines stimulants",
    "is a charley horse painful",
    "is knee twitching a muscle spasm",
    "is dehydration a cause of knee twitching",
])
def test_a_stated_kind_form_or_fact_is_a_yes(question):
    assert ask(STORE, question).boolean is True
