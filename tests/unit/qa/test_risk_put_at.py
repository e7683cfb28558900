""""What puts people at higher risk of muscle spasms": "put … at higher/greater/increased risk of" is the risk-factor
relation (lexicon data), like "increase the risk of". Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what puts people at higher risk of muscle spasms",
    "what puts you at greater risk of cramps",
    "what can put someone at increased risk of muscle spasms",
    "which things put a person at a higher risk of spasms",
    "what places people at greater risk of muscle spasms",
    "what puts workers more at risk of muscle cramps",
])
def test_put_at_risk_asks_for_risk_factors(question):
    answer = ask(STORE, question)
    assert "risk factors" in answer.reading, answer.reading
    names = " ".join(a.get("label") or "" for a in answer.answers).lower()
    for item in ("overweight", "overexertion", "pregnancy", "illness"):
        assert item in names, (item, names)
