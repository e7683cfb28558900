"""A part of the article named in a question ("the remedies table", "the faq") restricts its reading to what
that part says; phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.qa.parts import pieces, part_index


def labels(answer) -> set[str]:
    return {a["label"].lower() for a in answer.answers}


@pytest.mark.parametrize("question, label", [
    ("what's listed in the table of remedies", "Remedies for Knee Muscle Spasms"),
    ("which drugs does the medication side effects chart mention", "Possible Causes of Knee Twitching: Medications and Stimulants"),
    ("according to the faq, what causes muscle spasms in the knee", "FAQ"),
    ("what does the self-care section recommend", "Self-Care for Muscle Spasms"),
])
def test_a_part_is_named_by_its_heading_caption_or_columns(real_store, question, label):
    from kg.qa.analysis import analyse
    from kg.qa.lexicon import lexicon
    from kg.qa.linking import label_index
    an = analyse(question, label_index(real_store), lexicon(real_store))
    within = part_index(real_store).find(an)
    assert within is not None and any(part_index(real_store).label(p) == label for p in within.parts), within


def test_a_part_word_that_names_nothing_restricts_nothing(real_store):
    from kg.qa.analysis import analyse
    from kg.qa.lexicon import lexicon
    from kg.qa.linking import label_index
    for question in ("list the causes of knee twitching", "what is in the list of deficiencies"):
        an = analyse(question, label_index(real_store), lexicon(real_store))
        assert part_index(real_store).find(an) is None, question


def test_a_count_of_a_class_inside_a_table(real_store):
    answer = ask(real_store, "number of treatments in the table of remedies?")
    assert answer.count == 4, answer.message
    assert "in the article's table “Remedies for Knee Muscle Spasms”" in answer.reading
    assert labels(answer) == {"heat or cold therapy", "stretching exercises", "stimulant reduction", "proper nutrition"}
    assert all(e["begin"] >= 0 and "Description" not in e["quote"] for e in answer.evidence)


def test_a_section_restricts_a_list_to_what_it_says(real_store):
    inside = labels(ask(real_store, "what minerals does the self care section name"))
    assert inside == {"calcium", "magnesium", "potassium"}, inside


def test_a_row_keeps_its_entity_and_reads_the_tables(real_store):
    answer = ask(real_store, "what nutrients are in the proper nutrition row of the remedy table")
    assert {"magnesium", "calcium", "vitamin d"} <= labels(answer), answer.message
    assert "potassium" not in labels(answer)  # the self-care list names it, not the table's row


def test_the_table_with_no_name_is_every_table(real_store):
    answer = ask(real_store, "going by the table, what are the symptoms of vitamin deficiencies")
    assert {"weakness", "fatigue"} <= labels(answer), answer.message
    assert "electrolyte imbalance" not in labels(answer)
    assert "in the article's tables" in answer.reading


def test_pieces_split_hyphenated_words():
    assert {"side", "effect"} <= pieces(("side-effect",))


@pytest.mark.parametrize("question", [
    "which drug on the risk factor list isn't in the medication side effects table",
    "the medication that's a risk factor but not in the table of medications and side effects, which is it",
])
def test_not_in_a_part_is_what_the_part_does_not_name(real_store, question):
    answer = ask(real_store, question)
    assert "statins" in labels(answer), (answer.reading, answer.message)
    assert not labels(answer) & {"diuretics", "estrogen", "corticosteroids"}, answer.message
    assert "not in the article's table" in answer.reading


def test_an_empty_ask_after_a_phrase_asks_the_phrase():
    from kg.qa.analysis import _asking_clause
    from kg.qa.text import clauses, tokenize
    question, context = _asking_clause(clauses(tokenize("the drug the table leaves out, which one is it")), [])
    assert [t.surface for t in question][:2] == ["the", "drug"] and not context


@pytest.mark.parametrize("question, expected", [
    ("dehydration cause example", "not drinking enough fluids"),
    ("heat exhaustion cause example", "working in high temperatures without proper hydration"),
])
def test_a_tables_column_headers_said_telegraphically_name_the_table_and_the_thing_before_them_its_row(
        real_store, question, expected):
    answer = ask(real_store, question)
    assert "Cause | Example" in answer.reading
    assert expected in labels(answer)


def test_column_headers_inside_a_question_with_a_question_word_name_no_table(real_store):
    answer = ask(real_store, "what cause example does the article give for dehydration")
    assert "Cause | Example" not in answer.reading


@pytest.mark.parametrize("question", [
    "which of the minerals dehydration can deplete are also on the self-care list",
    "what nutrients does dehydration deplete that the self care list also mentions",
])
def test_a_relation_asked_with_a_part_is_the_relations_answers_the_part_also_names(real_store, question):
    answer = ask(real_store, question)  # the fact is stated elsewhere; the list names calcium, magnesium and potassium
    assert labels(answer) == {"calcium", "potassium"}, answer.message
    assert "also named in the article's list" in answer.reading


@pytest.mark.parametrize("question", [
    "which drug is a risk factor for muscle spasms but is not in the knee twitching medications list",
    "what medication is a risk factor for spasms but isn't on the knee twitching medication list",
])
def test_a_list_word_names_a_table_when_every_word_is_the_tables(real_store, question):
    answer = ask(real_store, question)  # the table of medications and stimulants: diuretics are in it, statins not
    assert "statins" in labels(answer) and "diuretics" not in labels(answer), answer.message
    assert "not in the article's table" in answer.reading


def test_a_list_word_with_a_word_no_table_has_names_no_table(real_store):
    from kg.qa.analysis import analyse
    from kg.qa.lexicon import lexicon
    from kg.qa.linking import label_index
    an = analyse("what is on the knee twitching deficiency list", label_index(real_store), lexicon(real_store))
    within = part_index(real_store).find(an)
    assert within is None or not any(p.endswith("#t-2") for p in within.parts), within


@pytest.mark.parametrize("question", [
    "which drug is on the risk factors list but not in the list of things that cause knee twitching",
    "what medication is a risk factor for spasms but is not on the list of pills that make knees twitch",
])
def test_a_part_to_leave_out_that_names_no_part_is_taken_away_as_a_set(real_store, question):
    answer = ask(real_store, question)  # a list that ignored the "not" would name diuretics wrongly (qa-47: the
    labels = {a["label"].lower() for a in answer.answers}  # drugs that cause knee twitching are a set: taken away)
    assert labels == {"statins"}, (answer.reading, labels)
    assert ", not among the causes of knee muscle spasm" in answer.reading


def test_a_part_to_leave_out_that_names_no_part_nor_a_set_lists_nothing_and_says_why(real_store):
    answer = ask(real_store, "which drug is on the risk factors list but not in the list of things my aunt keeps in the cupboard")
    assert not answer.answers and not answer.answered, answer.message
    assert "could not match" in answer.message and "list of" in answer.message


def test_a_not_in_the_list_told_before_the_question_is_not_a_part_to_leave_out(real_store):
    answer = ask(real_store, "potassium is not in the knee vitamin list. does the article link potassium deficiency "
                             "to muscle spasms?")
    assert "could not match" not in answer.message


@pytest.mark.parametrize("question", [
    "which drug is in the risk factors list and can also cause knee twitching",
    "name a medicine that's both on the risk factor list and causes twitching in the knee",
])
def test_both_on_a_list_and_along_a_relation_is_the_intersection(real_store, question):
    """"Both"/"also": the part is one list and the relation the other — statins are on the risk factor list but the
    article never says they cause knee twitching."""
    answer = ask(real_store, question)
    assert "diuretics" in labels(answer) and "statins" not in labels(answer), answer.message


@pytest.mark.parametrize("question", ["according to the anatomy section, what are muscles made of",
                                      "what does the anatomy part say muscles are built from"])
def test_a_definition_asked_of_a_named_section_is_the_definition_not_a_list(real_store, question):
    from kg.qa.ask import ask
    answer = ask(real_store, question)
    assert answer.kind == "describe" and "bundles of fibers" in answer.message


@pytest.mark.parametrize("question", ["how does the article describe what muscles are made of",
                                      "what muscles are made of, according to the article"])
def test_a_class_word_before_made_of_is_what_is_defined_not_the_class_asked(real_store, question):
    from kg.qa.ask import ask
    answer = ask(real_store, question)
    assert answer.kind == "describe" and "bundles of fibers" in answer.message
