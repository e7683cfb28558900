"""Yes/no after a story: the condition the story names is the other side, and a remedy is found through a cause."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["my knee twitches after long runs, do I just need to rest more?",
                                      "my knee jerks after big rides on my bike. do i need to take it easy for a bit",
                                      "im a footballer and my knee keeps twitching after matches, do i need to rest it"])
def test_do_i_need_to_x_after_a_story_asks_whether_x_helps_the_condition_named(real_store, question):
    answer = ask(real_store, question)
    assert "rest and recovery can help with knee muscle spasm" in answer.reading  # not athletes, not the reverse
    assert answer.boolean is True and answer.message.startswith("Yes, in a way")
    assert "can cause knee muscle spasm" in answer.message  # through which cause, said
    assert "rest" in answer.message.lower()



@pytest.mark.parametrize("question", ["my husband keeps telling me to write down every time my knee twitches. does that "
                                      "actually help anything",
                                      "my mum says i should keep a diary of my knee twitching. would that help?"])
def test_two_things_told_in_the_story_take_the_roles_they_play_in_the_graph(real_store, question):
    """Both sides come from the story: the knee twitching is what is helped, the record what helps (not the reverse)."""
    answer = ask(real_store, question)
    assert "symptom record can help with knee muscle spasm" in answer.reading
    assert "knee muscle spasm can help with" not in answer.message


@pytest.mark.parametrize("question", [
    "does HRT raise your chances of getting ALS",    # both can cause muscle spasm: a shared effect is no link
    "is caffeine linked to dehydration",             # both can cause muscle spasm
    "is estrogen connected to ALS",
])
def test_two_things_with_one_effect_are_not_linked_by_it(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not True and "does not say" in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "is magnesium linked to cramps",                 # through its deficiency, which causes them
    "is dehydration linked to potassium",
])
def test_a_chain_through_one_thing_is_still_a_link(real_store, question):
    assert ask(real_store, question).boolean is True


@pytest.mark.parametrize("question", ["can caffeine cause stimulants", "can amphetamines lead to stimulants",
                                      "do energy drinks cause stimulants"])
def test_a_chain_of_causes_reads_a_side_effect_statement_the_right_way_round(real_store, question):
    """Caffeine causes muscle overstimulation, and overstimulation *is a side effect of* stimulants: that is not
    "overstimulation causes stimulants", so no chain from caffeine to stimulants is a yes."""
    assert ask(real_store, question).boolean is not True
