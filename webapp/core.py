"""Pages every deployment has: the home page and the health check."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template

bp = Blueprint("core", __name__)

COUNT_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?entity) AS ?entities) WHERE {
  { ?s ?p ?o } UNION { GRAPH <https://w3id.org/kneekg/graph/facts> { ?entity skos:prefLabel ?label } }
}
"""


def store():
    return current_app.extensions["kg_store"]


@bp.get("/healthz")
def healthz():
    """Answer 200 once the graph is loaded and answers a query."""
    return jsonify(status="ok", store=store().description)


@bp.get("/")
def home():
    row = next(iter(store().query(COUNT_QUERY)))
    return render_template("home.html", triples=row["triples"].value, entities=row["entities"].value)
