"""A telegraphic question that ends in the answers it wants ("… y/n", "… yes or no", "… true or false") asks yes or no,
and gets the stated yes or no, not a list."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, boolean", [
    ("ALS curable y/n", False),
    ("dehydration cause cramps, yes or no", True),
    ("carrying extra weight raises spasm risk y/n", True),
])
def test_the_wanted_answers_make_a_yes_no(question, boolean):
    assert ask(STORE, question).to_dict().get("boolean") is boolean
