"""kg.views.claims: claims are never facts; contradictions keep every side with its quotes (pages and terminal)."""

from __future__ import annotations

from click.testing import CliRunner

from cli.main import main
from kg.namespaces import KG
from kg.views import claims


def test_contradictions_group_every_conflicting_side(real_store):
    table = claims.claims(real_store)
    groups = claims.contradictions(table)
    assert len(groups) == 10 and sum(len(g) for g in groups) == 21
    urgency = next(g for g in groups if any(c.iri == str(KG["warning-signs-urgency-prompt"]) for c in g))
    assert len(urgency) == 3  # immediate, prompt, see a doctor: one thing said three ways
    assert all(c.claimed_by == "The article's publisher" for c in table.values())


def test_claims_about_an_entity(real_store):
    from kg.views.ontology import ontology

    found = claims.about(real_store, ontology(real_store), str(KG["muscle-spasm"]))
    assert not found["claims"]
    texts = {sd["text"] for c in found["contradictions"] for sd in c["sides"]}
    assert "Muscle spasms last from a few seconds to several minutes." in texts
    assert "Muscle spasms last from a few minutes to several hours." in texts


def test_kneekg_contradictions_prints_every_side_and_quote():
    result = CliRunner().invoke(main, ["contradictions"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("What the article does not settle: 10 things (12 pairs of conflicting sides).")
    assert "Muscle spasms last from a few seconds to several minutes." in out
    assert "Muscle spasms last from a few minutes to several hours." in out
    # A table row is printed under its column headers, not as a sentence.
    assert "table row: Symptoms | Description" in out
    assert "Duration | Muscle spasms can last for a few minutes to several hours" in out
    assert "Medicramp relieves cramp pain within 48 hours. (promotional" in out
    assert out.count("\n1. About ") == 1 and "\n10. About " in out
