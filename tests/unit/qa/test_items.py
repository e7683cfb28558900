"""Counting one of the article's bulleted lists counts its bullets, not the examples an item gives; phrasings of
our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, count, title", [
    ("how many entries are there in the risk factors for muscle spasms list", 6, "Risk Factors for Muscle Spasms"),
    ("how many bullets does the list of possible causes of muscle spasms have", 7, "Possible Causes of Muscle Spasms"),
    ("number of key takeaways?", 5, "Key Takeaways"),
    ("how many causes are on the possible causes list", 7, "Possible Causes of Muscle Spasms"),
])
def test_a_count_of_a_named_list_counts_its_bullets(real_store, question, count, title):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == count, answer.message
    assert title in answer.reading and len(answer.evidence) == count
    assert all(e["quote"] in real_store_text() for e in answer.evidence)
    assert all(a["iri"].startswith(answer.query["bindings"]["list"][0] + "-") for a in answer.answers)


def test_a_kind_of_thing_inside_the_list_is_not_its_bullets(real_store):
    answer = ask(real_store, "how many drugs are in the risk factors list")
    assert "bullets" not in answer.reading and answer.count != 6, answer.reading


def test_two_lists_named_alike_are_not_counted_as_one(real_store):
    answer = ask(real_store, "how many things are in the list")  # any list: which one is not said
    assert "bullets" not in answer.reading


def real_store_text() -> str:
    from kg import paths
    return paths.ARTICLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("question, title, first", [
    ("possible causes of muscle spasms list?", "Possible Causes of Muscle Spasms", "Tense or poorly conditioned muscles"),
    ("what is on the list of key takeaways", "Key Takeaways", "Muscle spasms in the knee can be caused by various factors."),
])
def test_a_list_named_with_nothing_else_asked_lists_its_bullets(real_store, question, title, first):
    answer = ask(real_store, question)
    assert answer.kind == "list" and answer.answers[0]["label"] == first, answer.message
    assert title in answer.reading and answer.count is None


def test_a_kind_asked_inside_a_named_list_is_not_its_bullets(real_store):
    answer = ask(real_store, "which drugs does the risk factors list name")
    assert "item by item" not in answer.reading and "statins" in {a["label"].lower() for a in answer.answers}


@pytest.mark.parametrize("question, label", [
    ("what causes the second item of the possible causes of muscle spasms list", "heat exhaustion"),
    ("what is the example given for the 1st cause on the possible causes list", "tense or poorly conditioned muscles"),
    ("how do you treat the last cause in the possible causes list", "overuse or repetitive motions"),
])
def test_an_ordinal_before_a_list_is_the_thing_its_bullet_names(real_store, question, label):
    answer = ask(real_store, question)
    assert label in answer.reading.lower() and "of “Possible Causes of Muscle Spasms”" in answer.reading
    assert "how long" not in answer.reading  # "last" is a place in the list here, not a duration


def test_an_ordinal_past_the_end_of_the_list_names_nothing(real_store):
    answer = ask(real_store, "what is the seventh item on the risk factors for muscle spasms list")  # it has six
    assert "item 7" not in answer.reading


@pytest.mark.parametrize("question, title", [
    ("how many home treatments does the home treatments section list", "Here are some home treatments"),
    ("how many things are in the self care section", "the section “Self-Care for Muscle Spasms”"),  # not its lead-in
])
def test_a_section_with_one_list_is_counted_by_its_bullets(real_store, question, title):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == 3 and title in answer.reading, (answer.reading, answer.message)


def test_how_many_of_a_kind_is_a_count(real_store):
    answer = ask(real_store, "how many stress reduction techniques does the article name")
    assert answer.kind == "count" and answer.count == 4, answer.message


@pytest.mark.parametrize("question, count, title", [
    # a modifier of the part word that looks like a verb ("numbered", "bulleted") is no verb
    ("how many entries does the numbered list of possible causes of muscle spasms have", 7, "Possible Causes of Muscle Spasms"),
    # "listed under <a heading>": the heading names the part; a section with one list is counted by its bullets
    ("how many things are listed under Risk Factors for Muscle Spasms?", 6, "Risk Factors for Muscle Spasms"),
    ("how many tips are listed under Home Treatments for Muscle Spasms", 3, "Home Treatments for Muscle Spasms"),
    ("how many self-care tips does the page list under Self-Care for Muscle Spasms", 3, "Self-Care for Muscle Spasms"),
    # what the reader says of themselves before the question is not a kind of thing the count narrows to
    ("I'm writing a quiz and I'm preparing handouts. How many key takeaways are there?", 5, "Key Takeaways"),
])
def test_a_part_named_by_its_heading_counts_its_own_bullets(real_store, question, count, title):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == count, answer.message
    assert title in answer.reading and "bullets" in answer.reading, answer.reading


@pytest.mark.parametrize("question", ["how many minerals are listed under Self-Care for Muscle Spasms",
                                      "how many drugs are listed under Risk Factors for Muscle Spasms"])
def test_a_kind_inside_a_part_named_by_its_heading_is_not_its_bullets(real_store, question):
    answer = ask(real_store, question)
    assert "bullets" not in answer.reading and answer.count == 3, (answer.reading, answer.count)
