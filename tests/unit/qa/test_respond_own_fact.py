"""A yes reached through a kind ("statins are an example of medications that can cause muscle spasms") also says what
the article says of the thing itself, as it qualifies it: statins are named only as a *risk factor*."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", ["can statins cause muscle spasms", "do statins give you cramps",
                                      "I'm 70 and on statins, could they be behind my spasms"])
def test_a_yes_through_a_kind_quotes_the_things_own_qualified_fact(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True
    assert "risk" in answer.message and "Certain medications, such as diuretics or statins" in answer.message
