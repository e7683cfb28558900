"""Examples of a cause the reader names as one ("nerve damage is one cause — give me an example of it", "the article
lists X as a cause, what examples of it does it give", "what example does it give of that cause"): the role told
("is one cause", "that cause") asks nothing (shapes._told_role), "does it give" / "give me" report and request
(lexicon._reports), and "of it" after the example noun puts the named thing after it (shapes._of_it_after). The
article's examples of a cause are given in its table as what brings it about; they are the answer."""

import pytest

from kg.qa.ask import ask
from kg.qa.lexicon import lexicon
from kg.qa.text import tokenize


def words(answer) -> str:
    return " ".join(a["label"] for a in answer.to_dict()["answers"]).lower() + " " + answer.message.lower()


@pytest.mark.parametrize("question, must", [
    ("nerve damage is one cause. give me an example of nerve damage please", "injury or medical conditions affecting nerve function"),
    ("The article lists nerve damage as a cause; what examples of it does it give?", "injury or medical conditions affecting nerve function"),
    ("my trainer says my muscles are poorly conditioned - what example does it give of that cause", "overexertion during exercise"),
    ("heat exhaustion is one cause - what example does the table give of it?", "working in high temperatures without proper hydration"),
    ("nerve damage is a common cause, right? what example of it does the article give", "injury or medical conditions affecting nerve function"),
    ("heat exhaustion is listed as a cause. what example of heat exhaustion is given?", "working in high temperatures without proper hydration"),
])
def test_the_example_of_the_told_cause_is_given(real_store, question, must):
    answer = ask(real_store, question)
    assert must in words(answer), answer.message
    assert "can lead to: Muscle spasm" not in answer.message, answer.message


@pytest.mark.parametrize("question, must", [
    ("what kinds of conditions can muscle spasms be a symptom of", "amyotrophic lateral sclerosis"),  # asked, not told
    ("does coffee give you cramps", "caffeine"),  # "give" still causes
])
def test_a_relation_asked_stays_asked(real_store, question, must):
    assert must in words(ask(real_store, question))


def test_a_frames_gap_does_not_reach_across_a_spaced_dash(real_store):
    """"my muscles *are* poorly conditioned - what example *does it*" is no "be * do it" (blame) frame."""
    cues = lexicon(real_store).cues(tokenize("my muscles are poorly conditioned - what example does it give"))
    assert not [c for c in cues if c.entry.name == "blame-verb"]
