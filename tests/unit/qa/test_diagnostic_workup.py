"""The clinician's words for the diagnosis ("diagnostic workup", "diagnosis process", "clinician", "gather",
"collect") lead to the evaluation by a healthcare professional and what it is made of."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what does the diagnostic process consist of",
    "what information does the clinician collect in the diagnostic work-up?",
    "what does a clinician gather when diagnosing knee twitching",
])
def test_the_workup_is_the_professional_evaluation_and_its_parts(question):
    answer = ask(STORE, question)
    assert {"Medical history", "Visual examination"} <= {a["label"] for a in answer.answers}, (answer.reading, answer.message)
