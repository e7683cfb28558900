"""kg.views.labels: one reader of every name, the same on the small graph and the release graph."""

from __future__ import annotations

from kg.namespaces import ARTICLE_IRI, KG, KGO
from kg.views.labels import Labels, labels, labels_for


def test_entities_classes_and_the_article_are_named(real_store):
    table = labels(real_store)
    assert table.label(str(KG.dehydration)) == "Dehydration"
    assert table.label(str(KGO.Cause)) and table.label(str(KGO.causes))  # rdfs:label of ontology terms
    assert table.label(str(ARTICLE_IRI))
    assert table.label("http://example.org/unknown") is None


def test_preferred_label_first_then_the_alternatives(real_store):
    names = labels(real_store).names(str(KG["muscle-spasm"]))
    assert names[0] == "Muscle spasm" and len(names) > 1 and len(set(names)) == len(names)


def test_one_table_per_store(real_store, mini_store):
    assert labels(real_store) is labels(real_store) and labels(mini_store) is not labels(real_store)


def test_labels_for_names_only_what_has_a_name(mini_store):
    found = labels_for(mini_store, [str(KG.dehydration), str(KGO.causes), "urn:example:nothing"])
    assert found == {str(KG.dehydration): "Dehydration", str(KGO.causes): labels(mini_store).label(str(KGO.causes))}


def test_rows_decide_by_kind_not_order():
    table = Labels.from_rows([("x", "alt", "Ex"), ("x", "pref", "X"), ("x", "alt", "Ecks"), ("x", "rdfs", "x")])
    assert table.label("x") == "X" and table.names("x") == ("X", "Ex", "Ecks")
