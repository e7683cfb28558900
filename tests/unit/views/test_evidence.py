"""kg.views.evidence and kg.views.wording: each quote with its qualifiers in plain words, a table row as a row."""

from __future__ import annotations

from kg import paths
from kg.namespaces import KG, KGO, KGV
from kg.views import evidence
from kg.views.evidence import Evidence, table_row
from kg.views.ontology import ontology
from kg.views.wording import qualifier_words

CAUSES = str(KGO.causes)


def quote(**qualifiers) -> Evidence:
    ev = Evidence("st", "s", CAUSES, "o", "q", 0, 1)
    ev.qualifiers = {str(KGO[k]): tuple(str(KGV[v]) if k not in ("inCondition", "whenCausedBy") else str(KG[v])
                                        for v in vs) for k, vs in qualifiers.items()}
    return ev


def test_the_most_cautious_modality_and_the_shared_contexts(real_store):
    onto = ontology(real_store)
    assert qualifier_words(onto, [quote(modality=["can"], amount=["high-amount"])], CAUSES) == "can, in high amounts"
    # One quote unhedged, one "in some cases": the line never says more than the weaker one.
    assert qualifier_words(onto, [quote(), quote(modality=["in-some-cases"])], CAUSES) == "in some cases"
    # A context only one quote gives stays with that quote.
    assert qualifier_words(onto, [quote(severity=["severe"]), quote()], CAUSES) == ""
    assert qualifier_words(onto, [quote(inCondition=["pregnancy"])], CAUSES) == "in pregnancy"
    assert qualifier_words(onto, [quote(emphasis=["most-common"], modality=["usually"])], CAUSES) == "the usual cause"
    assert qualifier_words(onto, [quote(emphasis=["first-line"])], str(KGO.treats)) == "first-line treatment"
    assert qualifier_words(onto, [quote(urgency=["see-doctor"]), quote(urgency=["immediate"])], CAUSES,
                           urgency=True) == "immediately or see a doctor"


def test_every_quote_of_an_entity_is_verbatim_and_placed(real_store):
    text = paths.ARTICLE.read_text(encoding="utf-8")
    found = evidence.read(real_store, ontology(real_store), str(KG["knee-muscle-spasm"]))
    assert len(found) > 100 and len({ev.iri for ev in found}) == len(found)
    for ev in found:
        assert text[ev.begin:ev.end] == ev.quote and ev.kind and ev.section
        if ev.kind == "table-row":
            assert ev.row and ev.columns and any(c["quoted"] for c in ev.row)
            joined = "".join(c["quoted"] for c in ev.row if not c["group"])
            assert joined.replace(" ", "") in ev.quote.replace("|", "").replace(" ", "")


def test_a_continuation_row_gets_the_row_it_continues(real_store):
    onto = ontology(real_store)
    rows = [ev for ev in evidence.read(real_store, onto, str(KG["speech-therapy"])) if ev.row_group]
    assert rows
    row = rows[0].row
    assert row[0]["group"] and row[0]["before"] == "Amyotrophic Lateral Sclerosis (ALS)"
    assert [c["header"] for c in row] == ["Condition", "Treatment Approaches"]


def test_a_statement_read_alone_is_the_same_as_read_with_its_entity(real_store):
    onto = ontology(real_store)
    for ev in evidence.read(real_store, onto, str(KG.diuretics))[:6]:
        alone = evidence.statement(real_store, onto, ev.iri)
        assert (alone.quote, alone.kind, alone.section, alone.columns, alone.qualifiers, alone.words, alone.row) == \
            (ev.quote, ev.kind, ev.section, ev.columns, ev.qualifiers, ev.words, ev.row)
    assert evidence.statement(real_store, onto, str(KG.diuretics)) is None


def test_table_row_of_a_partial_cell():
    text = "Remedy | Description |\n---|---|\nRest | Rest helps. Sleep helps too. |\n"
    b = text.index("Sleep")
    assert [(c["before"], c["quoted"], c["after"]) for c in table_row(text, b, b + 17, ("Remedy", "Description"))] \
        == [("Rest", "", ""), ("Rest helps. ", "Sleep helps too.", "")]
