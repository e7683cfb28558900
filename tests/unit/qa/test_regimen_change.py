"""Whether to change a treatment someone is on is personal advice, however it is asked: a modal of advice opening the
yes/no with its subject and a verb of changing ("ought I to discontinue it", "should we switch him to …", "do I need to
come off …"), in the question or the story's last clause, or the outcome of the reader's own swap ("if I change to a
different statin, will …"). A purpose ("should I stretch *to stop* cramps"), a wh-question ("what should I do to stop
it") and the article's own remedy ("if I cut back on coffee will it calm down") are still answered."""

import pytest

from kg.qa.advice import changes_own
from kg.qa.analysis import analyse
from kg.qa.ask import ask
from kg.qa.lexicon import lexicon
from kg.qa.linking import label_index
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "My GP started me on a water tablet and my calves cramp at night. Ought I to discontinue it?",
    "ought we to taper his corticosteroids now the twitching has started",
    "must I come off the statin if my legs keep cramping",
    "do we need to discontinue her estrogen because of the knee spasms",
    "my patient's knees twitch on diuretics, should we be switching her to something else",
    "if I change to a different statin will the cramps stop",
    "if we swap his steroid tablets for an inhaler, will the twitching settle",
])
def test_declined_as_advice(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") == "advice", answer["message"]
    assert answer.get("boolean") is None and not answer.get("answers"), answer["message"]


@pytest.mark.parametrize("question", [
    "what should I do to stop my knee twitching",
    "should i stretch after a long walk to stop cramps",
    "if i cut down on coffee will my knee stop twitching",
    "can diuretics cause muscle spasms",
])
def test_still_answered(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") is None, answer["message"]
    assert answer.get("answered") or answer.get("boolean") is not None, answer["message"]


def test_changes_own_reads_the_story_last_clause():
    index, lex = label_index(STORE), lexicon(STORE)
    assert changes_own(analyse("I take a statin and my legs cramp. Should I stop it?", index, lex), lex)
    assert not changes_own(analyse("what should i do when a cramp starts", index, lex), lex)
