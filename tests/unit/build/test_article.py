"""The article's structure: sections, tables (with row groups), lists, FAQ answers and line kinds."""

import pytest

from kg import paths
from kg.build.article import load_structure, parse_structure
from kg.build.errors import BuildError

ARTICLE = "\n".join([
    "Intro sentence. It can help.",                  # 1 introduction, body text
    "Key Points:",                                    # 2 heading
    "- First point.",                                 # 3 key takeaway
    "Causes",                                         # 4 heading
    "Table: Causes and cures",                        # 5 caption
    "Condition | Treatment |",                        # 6 table header
    "---|---|",                                       # 7 rule
    "ALS | – Medications |",                          # 8 row
    "– Physical therapy | |",                         # 9 continuation row (group ALS)
    "“A pull quote.”",                                # 10
    "Tip: a labelled paragraph.",                     # 11
    "Note: buy it.",                                  # 12
    "Listed:",                                        # 13 lead-in
    "- one",                                          # 14 list item
    "- two",                                          # 15 list item
    "FAQ",                                            # 16 heading
    "Why?",                                           # 17 question
    "Because.",                                       # 18 answer
])
STRUCTURE = {
    "introduction": "Intro",
    "sections": [{"heading": "Key Points:", "label": "Key Points", "takeaways": True},
                 {"heading": "Causes"}, {"heading": "FAQ", "faq": True}],
    "captions": ["Table: Causes and cures"],
    "labelled_paragraphs": ["Tip:"],
    "notes": ["Note:"],
    "agents": {"publisher": {"label": "The publisher", "comment": "Who published it."}},
}


def kinds(structure):
    return {line.number: line.kind for line in structure.lines}


def test_lines_get_their_kind_section_table_and_list():
    structure = parse_structure(STRUCTURE, ARTICLE)
    assert [s.label for s in structure.sections] == ["Intro", "Key Points", "Causes", "FAQ"]
    assert kinds(structure) == {
        1: "body-text", 2: "heading", 3: "key-takeaway", 4: "heading", 5: "heading", 6: "table-row",
        7: "table-row", 8: "table-row", 9: "table-row", 10: "pull-quote", 11: "labelled-paragraph",
        12: "note", 13: "body-text", 14: "list-item", 15: "list-item", 16: "heading", 17: "faq-question",
        18: "faq-answer"}
    table = structure.tables[0]
    assert table.columns == ("Condition", "Treatment") and table.caption == "Table: Causes and cures"
    assert table.section == 2 and table.label == "Table: Causes and cures"
    rows = {line.number: line for line in structure.lines if line.table}
    assert rows[9].row_group == "ALS" and rows[8].row_group is None
    assert [lst.label for lst in structure.lists] == ["Key Points", "Listed"]
    assert structure.lines[17].faq_question == "Why?"
    assert structure.agents["publisher"].label == "The publisher"


def test_sections_cover_the_article_without_gaps():
    structure = parse_structure(STRUCTURE, ARTICLE)
    spans = [(s.begin, s.end) for s in structure.sections]
    assert spans[0][0] == 0 and spans[-1][1] == len(ARTICLE)
    assert all(end + 1 == begin for (_, end), (begin, _) in zip(spans, spans[1:]))


def test_a_span_across_lines_is_refused():
    structure = parse_structure(STRUCTURE, ARTICLE)
    assert structure.line_of(0, 5).number == 1
    with pytest.raises(ValueError, match="crosses the end of article line 1"):
        structure.line_of(0, 35)


@pytest.mark.parametrize("change, message", [
    ({"sections": [{"heading": "Causes?"}]}, "heading 'Causes?' is not a line of the article"),
    ({"sections": [{"heading": "FAQ"}, {"heading": "Causes"}]}, "sections must be listed in article order"),
    ({"captions": ["Table: nothing"]}, "caption 'Table: nothing' is not a line of the article"),
    ({"notes": ["PS:"]}, "no line of the article starts with 'PS:'"),
    ({"agents": {"publisher": {"label": "x"}}}, "agent 'publisher' needs a 'label' and a 'comment'"),
])
def test_declarations_the_article_does_not_have_stop_the_build(change, message):
    with pytest.raises(BuildError) as info:
        parse_structure({**STRUCTURE, **change}, ARTICLE)
    assert message in info.value.render()


def test_the_real_article_has_its_eight_tables_and_two_same_named_sections():
    article = paths.ARTICLE.read_text(encoding="utf-8")
    structure = load_structure(paths.STRUCTURE, article)
    assert len(structure.tables) == 8 and len(structure.lists) == 6
    labels = [s.label for s in structure.sections]
    assert labels.count("Symptoms and Description of Muscle Spasms") == 2
    causes_and_risks = next(t for t in structure.tables if t.columns == ("Causes", "Risk Factors"))
    assert causes_and_risks.caption is None
    medication = next(t for t in structure.tables if t.columns == ("Medication", "Side Effects"))
    assert medication.caption == "Possible Causes of Knee Twitching: Medications and Stimulants"
    groups = {line.row_group for line in structure.lines if line.row_group}
    assert groups == {"Amyotrophic Lateral Sclerosis (ALS)", "Autoimmune Disorders"}


def test_a_list_has_one_item_per_bullet_with_its_verbatim_text_and_place():
    structure = parse_structure(STRUCTURE, ARTICLE)
    listed = structure.lists[1]
    assert [text for _, _, text in listed.items] == ["one", "two"]
    begin, end, text = listed.items[0]
    assert ARTICLE[begin:end] == text


def test_the_risk_factor_list_has_six_bullets_not_its_examples():
    article = paths.ARTICLE.read_text(encoding="utf-8")
    structure = load_structure(paths.STRUCTURE, article)
    risks = next(lst for lst in structure.lists if lst.label == "Risk Factors for Muscle Spasms")
    assert len(risks.items) == 6 and risks.items[0][2] == "Certain medications, such as diuretics or statins"


def test_the_faq_has_thirteen_questions_each_with_its_answer_line_verbatim():
    article = paths.ARTICLE.read_text(encoding="utf-8")
    structure = load_structure(paths.STRUCTURE, article)
    assert len(structure.questions) == 13
    last = structure.questions[-1]
    assert last.text == "What is the importance of seeking medical attention for muscle spasms in the knee?"
    assert all(article[q.begin:q.end] == q.text and q.answer and article[q.answer[0]:q.answer[1]] == q.answer[2]
               for q in structure.questions)


def test_a_note_is_a_passage_of_its_own_in_its_section():
    article = paths.ARTICLE.read_text(encoding="utf-8")
    structure = load_structure(paths.STRUCTURE, article)
    (note,) = structure.notes
    assert note.text.startswith("Note: Medicramp") and article[note.begin:note.end] == note.text
    assert structure.sections[note.section].label == "When to Seek Medical Attention for Knee Twitching"
