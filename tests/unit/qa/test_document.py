"""Questions about the article as a document — its outline, its FAQ, its note, what one section says — answered from
the structure the graph holds, quoted verbatim; phrasings of our own, not a blind batch's."""

import pytest

from kg import paths
from kg.qa.ask import ask

pytestmark = pytest.mark.unit

ARTICLE = paths.ARTICLE.read_text(encoding="utf-8")


def _verbatim(answer) -> bool:
    return all(ARTICLE[e["begin"]:e["end"]] == e["quote"] for e in answer.evidence)


@pytest.mark.parametrize("question", [
    "give me the table of contents",
    "how is the article laid out? list the headings",
    "could you list the article's chapters one by one",
])
def test_the_outline_is_the_headings_in_article_order(real_store, question):
    answer = ask(real_store, question)
    labels = [a["label"] for a in answer.answers]
    assert answer.kind == "list" and labels[0] == "Key Takeaways" and labels[-1] == "FAQ", answer.message
    assert labels.index("Conclusion") == len(labels) - 2 and _verbatim(answer)


def test_a_question_about_a_thing_with_section_words_is_no_outline(real_store):
    answer = ask(real_store, "which parts of a muscle can go into spasm")
    assert "headings" not in answer.reading


@pytest.mark.parametrize("question", [
    "number of questions the faq answers?",
    "my mum wants to read the FAQ. how many questions does it have",
])
def test_the_faq_questions_are_counted(real_store, question):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == 13, answer.message
    assert answer.answers[0]["label"] == "What causes muscle spasms in the knee?" and _verbatim(answer)


@pytest.mark.parametrize("question, place, first_words", [
    ("what is the opening question of the faq", 1, "What causes muscle spasms in the knee?"),
    ("what is the final question in the FAQ", 13, "What is the importance of seeking medical attention"),
    ("in the FAQ what's the third question and its answer", 3, "Can medication side effects cause knee twitching?"),
])
def test_one_faq_question_by_its_place_with_its_answer(real_store, question, place, first_words):
    answer = ask(real_store, question)
    assert answer.kind == "describe" and answer.answers[0]["iri"].endswith(f"#faq-{place}"), answer.reading
    assert answer.evidence[0]["quote"].startswith(first_words) and len(answer.evidence) == 2 and _verbatim(answer)


@pytest.mark.parametrize("question", [
    "what's written in the note near the end of the knee twitching doctor section",
    "the article has a side note about medicramp somewhere - what does that note tell you",
])
def test_the_note_is_quoted_whole(real_store, question):
    answer = ask(real_store, question)
    assert answer.kind == "describe" and "Contact your doctor for more information." in answer.message, answer.message
    assert _verbatim(answer)


@pytest.mark.parametrize("question", [
    "what should I write a note of before seeing the doctor about knee twitching",
    "for my revision notes: what causes muscle spasms in the knee",
])
def test_the_readers_own_notes_are_not_the_articles_note(real_store, question):
    answer = ask(real_store, question)
    assert "Medicramp" not in answer.message, answer.message


@pytest.mark.parametrize("question, words", [
    ("in a nutshell, what does the conclusion tell us about prevention of knee spasms",
     "conditioning the muscles through regular exercise"),
    ("the overview and anatomy section - what does it explain about what muscles consist of", "bundles of fibers"),
    ("could you summarise what the FAQ answers about treating spasms at home", "resolve on their own"),
])
def test_what_a_named_section_says_is_its_own_sentences(real_store, question, words):
    answer = ask(real_store, question)
    assert answer.kind == "describe" and words in " ".join(e["quote"] for e in answer.evidence), answer.message
    assert _verbatim(answer) and "in its own words" in answer.reading


def test_a_kind_of_thing_asked_of_a_section_is_still_a_list(real_store):
    answer = ask(real_store, "which nutrients does the self-care section mention")
    assert answer.kind == "list" and {"Calcium", "Magnesium", "Potassium"} <= {a["label"] for a in answer.answers}


@pytest.mark.parametrize("question, words", [
    ("Under the title 'Possible Causes of Muscle Spasms' there is a list - how many entries does it have?", "7"),
    ("how many bullets sit under the heading Risk Factors for Muscle Spasms", "6"),
])
def test_a_heading_names_the_list_it_introduces(real_store, question, words):
    answer = ask(real_store, question)
    assert answer.kind == "count" and str(answer.count) == words, answer.message


@pytest.mark.parametrize("question, first, second", [
    ("Worksheet Q7: Define autoimmune disorders as given in the text. Then list how they are treated.",
     "immune system mistakenly attacks healthy cells", "Corticosteroids"),
    ("Task 3 (4 marks): explain what ALS is. Next, say which therapies the article gives for it.",
     "progressive neurodegenerative disease", "Speech therapy"),
])
def test_a_numbered_two_part_item_answers_both_parts(real_store, question, first, second):
    answer = ask(real_store, question)
    text = answer.message + " ".join(e["quote"] for e in answer.evidence)
    assert first in text and second in {a["label"] for a in answer.answers}, answer.reading


@pytest.mark.parametrize("question, heading", [
    ("which section deals with the drugs that can set off twitching", "Medications and Stimulants: Possible Causes of Knee Twitching"),
    ("what part of the article covers Medicramp", "Key Takeaways"),
    ("where in the article does it talk about heat exhaustion", "Causes and Risk Factors for Muscle Spasms"),
])
def test_where_in_the_article_names_the_sections_with_their_sentences(real_store, question, heading):
    answer = ask(real_store, question)
    assert answer.kind == "list" and heading in {a["label"] for a in answer.answers}, answer.message
    assert _verbatim(answer) and len(answer.evidence) == len(answer.answers)


@pytest.mark.parametrize("question, count", [("how many sections does the article have?", 18),
                                             ("number of headings in the piece", 18)])
def test_the_headings_are_counted(real_store, question, count):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == count, answer.message


@pytest.mark.parametrize("question, heading", [
    ("what's the last section before the FAQ?", "Conclusion"),
    ("which section comes after the key takeaways", "Causes of Knee Twitching: Dehydration and Vitamin Deficiencies"),
    ("what is the final section of the article", "FAQ"),
    ("what's the third heading", "Medications and Stimulants: Possible Causes of Knee Twitching"),
])
def test_one_section_by_its_place(real_store, question, heading):
    answer = ask(real_store, question)
    assert [a["label"] for a in answer.answers] == [heading], answer.message
    assert _verbatim(answer)


@pytest.mark.parametrize("question, asked", [
    ("which FAQ question deals with ALS?", "Is knee twitching a symptom of ALS or autoimmune disorders?"),
    ("the faq question on dehydration - what does it say", "How can dehydration contribute to knee twitching?"),
])
def test_the_faq_question_about_a_thing_with_its_answer(real_store, question, asked):
    answer = ask(real_store, question)
    assert asked in {a["label"] for a in answer.answers} and len(answer.evidence) >= 2, answer.message
    assert _verbatim(answer)


@pytest.mark.parametrize("question, count", [
    ("items in the list headed Possible Causes of Muscle Spasms - how many?", 7),
    ("how many points does the bulleted list headed Key Takeaways have", 5),
])
def test_a_list_headed_so_is_counted_by_its_bullets(real_store, question, count):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == count, answer.message


@pytest.mark.parametrize("question", ["what does the intro say about ALS", "sum up the intro for me"])
def test_the_intro_is_the_introduction(real_store, question):
    answer = ask(real_store, question)
    assert "“Introduction”" in answer.reading, answer.reading


def test_leaving_out_leaves_a_thing_out(real_store):
    answer = ask(real_store, "leaving out dehydration, what can cause knee twitching")
    labels = {a["label"] for a in answer.answers}
    assert "Dehydration" not in labels and "Stimulant overdose" in labels, answer.message


def test_note_as_a_verb_is_no_note(real_store):
    answer = ask(real_store, "what does the article note about dehydration")
    assert "Medicramp" not in answer.message, answer.message


@pytest.mark.parametrize("question, label", [("what does the FAQ say causes knee twitching", "Dehydration"),
                                             ("what does the conclusion say can cause knee spasms", "Stimulant overdose")])
def test_a_relation_said_in_a_section_is_a_list_read_inside_it(real_store, question, label):
    answer = ask(real_store, question)
    assert answer.kind == "list" and label in {a["label"] for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", ["what does ALS do to the nerves? my GP's notes mention it",
                                      "the nurse's notes say neuromyotonia - what is that"])
def test_someone_elses_notes_are_not_the_articles_note(real_store, question):
    assert "Medicramp" not in ask(real_store, question).message
