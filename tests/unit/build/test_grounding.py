from kg import paths
from kg.build.grounding import QuoteNotFound, closest_passage, content_units, coverage, locate

import pytest

ARTICLE = paths.ARTICLE.read_text(encoding="utf-8")


def test_locate_returns_offsets_of_a_verbatim_quote():
    quote = "Adequate hydration is crucial for maintaining electrolyte balance and preventing muscle spasms."
    begin, end = locate(ARTICLE, quote)
    assert ARTICLE[begin:end] == quote


def test_locate_refuses_an_ambiguous_quote_unless_an_occurrence_is_given():
    with pytest.raises(QuoteNotFound, match="ambiguous"):
        locate(ARTICLE, "Dehydration")
    first = locate(ARTICLE, "Dehydration", occurrence=1)
    second = locate(ARTICLE, "Dehydration", occurrence=2)
    assert first[0] < second[0]
    with pytest.raises(QuoteNotFound, match="not 99"):
        locate(ARTICLE, "Dehydration", occurrence=99)


def test_a_missing_quote_names_the_closest_passage():
    with pytest.raises(QuoteNotFound) as info:
        locate(ARTICLE, "Drinking water all day long can help address this cause of knee twitching.")
    assert "Drinking water throughout the day can help address this cause of knee twitching." in str(info.value)


def test_closest_passage_does_not_cut_words():
    passage = closest_passage(ARTICLE, "Dehydration can contribute to muscle spasms, including the ones in the knee.")
    assert passage == "Dehydration can contribute to muscle spasms, including those in the knee."


def test_content_units_are_bullets_and_table_rows_without_headers():
    units = content_units(ARTICLE)
    texts = [u.text for u in units]
    assert "Causes | Symptoms | Treatment |" not in texts  # a header row
    assert not any(t.startswith("---") for t in texts)
    assert "Dehydration | Muscle twitching, electrolyte imbalance | Stay hydrated, drink water throughout the day |" in texts
    assert "- Heat exhaustion" in texts
    kinds = {u.kind for u in units}
    assert kinds == {"bullet", "table row"}
    for unit in units:
        assert ARTICLE[unit.begin:unit.end] == unit.text


def test_coverage_marks_a_unit_covered_by_a_quote_inside_it():
    unit = next(u for u in content_units(ARTICLE) if u.text == "- Heat exhaustion")
    covered = dict((u.line, ok) for u, ok in coverage(ARTICLE, [(unit.begin + 2, unit.end)]))
    assert covered[unit.line] is True
    assert sum(covered.values()) == 1
