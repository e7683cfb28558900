""""Why are pregnant women more prone", "why are older adults more susceptible": a why asks the reason a group is at
risk — how the article links them — not the list of what the group is more likely to get."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["why are older adults more susceptible",
                                      "my wife is expecting and her calves cramp. why are pregnant women more prone"])
def test_why_a_group_is_prone_is_a_reason_not_a_list(real_store, question):
    answer = ask(real_store, question)
    assert answer.kind == "describe" and answer.evidence


def test_why_without_a_group_still_lists_causes(real_store):
    answer = ask(real_store, "why do i get cramps at night")
    assert answer.kind == "list" and "Dehydration" in [a["label"] for a in answer.answers]
