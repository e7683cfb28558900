"""The JSON API over the named queries, and its OpenAPI 3 description at /openapi.json.

``GET /api/queries`` lists the registry; ``GET /api/queries/<name>?param=…`` runs one query with
its parameters bound as RDF terms and returns rows in which every IRI carries its label and
the app path of its page. Other blueprints add their own paths to the description with
:func:`register_path` (e.g. ``/api/ask``, ``/api/search``).
"""

from __future__ import annotations

import copy
from itertools import islice

import pyoxigraph
from flask import Blueprint, current_app, jsonify, request

from kg.namespaces import editor_path, local_path
from kg.sparql import registry as named_queries
from kg.sparql.errors import QueryError
from kg.sparql.guard import SERVED_GRAPHS
from kg.views.labels import labels_for
from webapp import config as settings
from webapp import errors, state
from webapp.cache import cached

bp = Blueprint("api", __name__)
bp.register_error_handler(QueryError, errors.named_query_failure)

_ERROR_SCHEMA = {"$ref": "#/components/schemas/Error"}


def _json(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


# Path items of the JSON API, by path. Other blueprints extend it with register_path().
PATHS: dict[str, dict] = {
    "/api/queries": {"get": {
        "operationId": "listQueries",
        "summary": "List the named queries",
        "description": "Every named query of the registry (queries/*.rq) with its parsed header: "
                       "summary, description, parameters (name, type, example) and SPARQL text.",
        "responses": {"200": _json("The registry", {
            "type": "object", "required": ["queries"],
            "properties": {"queries": {"type": "array", "items": {"$ref": "#/components/schemas/NamedQuery"}}},
        })},
    }},
    "/api/queries/{name}": {"get": {
        "operationId": "runQuery",
        "summary": "Run a named query",
        "description": "Run the named query with its parameters (query-string parameters named as in the "
                       "registry) bound as RDF terms. IRI parameters take a full IRI, a CURIE (kg:dehydration) "
                       "or a bare id. Every IRI in the rows carries its label and the app path of its page.",
        "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"},
                        "description": "the query's name (its file name without .rq)", "example": "causes-of"}],
        "responses": {
            "200": _json("The rows (SELECT) or the answer (ASK)", {"$ref": "#/components/schemas/QueryResult"}),
            "400": _json("A parameter is missing, unknown or malformed; `param` names it", _ERROR_SCHEMA),
            "404": _json("No query of that name", _ERROR_SCHEMA),
        },
    }},
    "/sparql": {"get": {
        "operationId": "sparqlQuery",
        "summary": "SPARQL 1.1 Protocol query",
        "description": "Evaluate a read-only SPARQL query over the graph (default graph: the union of the "
                       "named graphs). Without `query`: the service description (RDF) or, for browsers, the "
                       "query editor. Results are negotiated on Accept or chosen with `format`.",
        "parameters": [
            {"name": "query", "in": "query", "required": False,
             "description": "Any SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE); a query that does not "
                            "parse gets a 400 saying where it broke (POST works as the SPARQL 1.1 Protocol says).",
             "schema": {"type": "string", "minLength": 1, "maxLength": 100000},
             "example": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"},
            {"name": "default-graph-uri", "in": "query", "required": False, "style": "form", "explode": True,
             "description": "Graphs whose union is the default graph (only the served graphs).",
             "schema": {"type": "array", "items": {"type": "string", "enum": list(SERVED_GRAPHS)}}},
            {"name": "named-graph-uri", "in": "query", "required": False, "style": "form", "explode": True,
             "description": "Graphs available to GRAPH patterns (only the served graphs).",
             "schema": {"type": "array", "items": {"type": "string", "enum": list(SERVED_GRAPHS)}}},
            {"name": "format", "in": "query", "required": False,
             "description": "Result format, overriding Accept: json, xml, csv, tsv for SELECT and ASK; "
                            "ttl, nt, rdf, jsonld, nq, trig for CONSTRUCT and DESCRIBE.",
             "schema": {"type": "string",
                        "enum": ["json", "xml", "csv", "tsv", "ttl", "nt", "rdf", "jsonld", "nq", "trig"]}},
        ],
        "responses": {
            "200": {"description": "Query results or the service description", "content": {
                media: {"schema": {}} for media in (
                    "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                    "text/tab-separated-values", "text/turtle", "application/n-triples", "application/rdf+xml",
                    "application/ld+json", "application/n-quads", "application/trig")}},
            "303": {"description": "A browser asking for the endpoint itself is sent to the query editor"},
            "304": {"description": "Not modified (If-None-Match)"},
            "400": {"description": "Syntax error (with line and column), refused query or unserved graph",
                    "content": {"text/plain": {"schema": {"type": "string"}},
                                "application/json": {"schema": _ERROR_SCHEMA}}},
            "403": {"description": "SERVICE is refused", "content": {"text/plain": {"schema": {"type": "string"}},
                                                                      "application/json": {"schema": _ERROR_SCHEMA}}},
            "406": {"description": "No offered type matches Accept / format",
                    "content": {"text/plain": {"schema": {"type": "string"}},
                                "application/json": {"schema": _ERROR_SCHEMA}}},
            "503": {"description": "The query ran past the time limit or every worker was busy",
                    "content": {"text/plain": {"schema": {"type": "string"}},
                                "application/json": {"schema": _ERROR_SCHEMA}}},
        },
    }},
}

COMPONENTS: dict[str, dict] = {"schemas": {
    "Error": {"type": "object", "required": ["error"], "properties": {
        "error": {"type": "string"}, "param": {"type": ["string", "null"]}, "status": {"type": "integer"},
        "line": {"type": ["integer", "null"]}, "column": {"type": ["integer", "null"]},
        "offered": {"type": "array", "items": {"type": "string"}}}},
    "Param": {"type": "object", "required": ["name", "type", "example", "description"], "properties": {
        "name": {"type": "string"}, "type": {"type": "string", "enum": list(named_queries.PARAM_TYPES)},
        "example": {"type": "string"}, "description": {"type": "string"}}},
    "NamedQuery": {"type": "object", "required": ["name", "summary", "description", "form", "params", "sparql"],
                   "properties": {
                       "name": {"type": "string"}, "summary": {"type": "string"}, "description": {"type": "string"},
                       "form": {"type": "string", "enum": ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]},
                       "params": {"type": "array", "items": {"$ref": "#/components/schemas/Param"}},
                       "sparql": {"type": "string"}, "url": {"type": "string"}, "editor": {"type": "string"}}},
    "Term": {"type": "object", "required": ["type", "value"], "properties": {
        "type": {"type": "string", "enum": ["uri", "literal", "bnode", "triple"]},
        "value": {"type": ["string", "number", "boolean"]},
        "label": {"type": ["string", "null"]}, "url": {"type": "string"},
        "datatype": {"type": "string"}, "xml:lang": {"type": "string"}}},
    "QueryResult": {"type": "object", "required": ["query", "params"], "properties": {
        "query": {"type": "string"}, "summary": {"type": "string"},
        "params": {"type": "object", "additionalProperties": {"type": "string"}},
        "vars": {"type": "array", "items": {"type": "string"}},
        "rows": {"type": "array", "items": {"type": "object",
                                            "additionalProperties": {"$ref": "#/components/schemas/Term"}}},
        "count": {"type": "integer"}, "truncated": {"type": "boolean"}, "limit": {"type": ["integer", "null"]},
        "boolean": {"type": "boolean"}, "editor": {"type": "string"}}},
}}


def register_path(path: str, item: dict, schemas: dict[str, dict] | None = None) -> None:
    """Add an OpenAPI path item (and component schemas) to /openapi.json — for other blueprints."""
    PATHS[path] = item
    COMPONENTS["schemas"].update(schemas or {})


_PARAM_SCHEMAS = {
    # Stricter than the endpoint (which also takes full IRIs and bare ids), so that every value the
    # schema allows is one the endpoint accepts.
    "iri": {"type": "string", "pattern": r"^(kg|kgo):[A-Za-z0-9][A-Za-z0-9_-]{0,80}$"},
    # One character that is not blank for Python's str.strip() (the endpoint's test) nor for
    # ECMAScript's \s (JSON Schema's): they differ on U+001C-U+001F and U+0085.
    "string": {"type": "string", "minLength": 1, "maxLength": 500, "pattern": r"[^\s\x1c-\x1f\x85]"},
    "integer": {"type": "string", "pattern": r"^[+-]?[0-9]{1,12}$"},
}


def named_query_paths() -> dict[str, dict]:
    """One path per named query with parameters (their names, types and examples from the registry);
    the parameterless ones share ``/api/queries/{name}``."""
    paths: dict[str, dict] = {}
    generic = copy.deepcopy(PATHS["/api/queries/{name}"])
    parameterless = sorted(q.name for q in named_queries.registry() if not q.params)
    generic["get"]["parameters"][0]["schema"] = {"type": "string", "enum": parameterless}
    generic["get"]["parameters"][0]["example"] = parameterless[0] if parameterless else "statistics"
    generic["get"]["description"] += " Queries with parameters have a path of their own, listed below."
    paths["/api/queries/{name}"] = generic
    for query in named_queries.registry():
        if not query.params:
            continue
        paths[f"/api/queries/{query.name}"] = {"get": {
            "operationId": "query_" + query.name.replace("-", "_"),
            "summary": query.summary,
            "description": query.description,
            "tags": ["named queries"],
            "parameters": [{"name": p.name, "in": "query", "required": True, "description": p.description,
                            "schema": _PARAM_SCHEMAS[p.type], "example": p.example} for p in query.params],
            "responses": {
                "200": _json("The rows (SELECT) or the answer (ASK)", {"$ref": "#/components/schemas/QueryResult"}),
                "400": _json("A parameter is missing, unknown or malformed; `param` names it", _ERROR_SCHEMA),
            },
        }}
    return paths


def openapi_document(server_url: str = "/") -> dict:
    """The OpenAPI 3.1 description of the JSON API, as a dict."""
    paths = copy.deepcopy(PATHS)
    paths.update(named_query_paths())
    return {
        "openapi": "3.1.0",
        "info": {"title": "Knee muscle spasms knowledge graph API", "version": "1.0.0",
                 "description": "Named SPARQL queries over a knowledge graph of one health article (not medical "
                                "advice), and the SPARQL 1.1 endpoint."},
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": copy.deepcopy(COMPONENTS),
    }


@bp.get("/openapi.json")
def openapi():
    response = jsonify(openapi_document(settings.public_url(current_app.config)))  # never the Host header
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


# --- named queries ----------------------------------------------------------------------------------

@bp.get("/api/queries")
def list_queries():
    """The registry of named queries with their parsed headers."""
    items = []
    for query in named_queries.registry():
        item = query.to_dict()
        item["url"] = f"/api/queries/{query.name}"
        item["editor"] = editor_path(name=query.name)
        items.append(item)
    return jsonify(queries=items)


@bp.get("/api/queries/<name>")
def run_named(name: str):
    """Run one named query with its parameters bound as terms; repeats come from the response cache (kg/cache.py)."""
    return cached(("api/queries", name, tuple(sorted(request.args.items(multi=True)))), lambda: _run_named(name))


def _run_named(name: str):
    """Run one named query with its parameters bound as terms; label and link every IRI."""
    query = named_queries.registry()[name]
    values = {key: request.args.get(key) for key in request.args}
    store = state.store()
    result = named_queries.run(store, query, values)
    body = {"query": query.name, "summary": query.summary, "params": {k: str(v) for k, v in values.items()},
            "editor": editor_path(name=query.name, values=values)}
    if isinstance(result, pyoxigraph.QueryBoolean):
        body["boolean"] = bool(result)
        return jsonify(body)
    limit = current_app.config.get("ROW_LIMIT") or None
    variables = [v.value for v in result.variables]
    rows = list(islice(result, limit + 1)) if limit else list(result)
    truncated = bool(limit) and len(rows) > limit
    rows = rows[:limit] if truncated else rows
    labels = labels_for(store, {t.value for row in rows for t in row if isinstance(t, pyoxigraph.NamedNode)})
    body.update(vars=variables, count=len(rows), truncated=truncated, limit=limit if truncated else None,
                rows=[{var: term_json(row[var], labels) for var in variables if row[var] is not None}
                      for row in rows])
    response = jsonify(body)
    if truncated:
        response.headers["X-Result-Truncated"] = f"true; limit={limit}"
    return response


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}


def term_json(term, labels: dict[str, str]) -> dict:
    """One RDF term as JSON: SPARQL-JSON-like, plus ``label`` and ``url`` for IRIs."""
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value, "label": labels.get(term.value), "url": local_path(term.value)}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, pyoxigraph.Literal):
        out: dict = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD + "string":
            out["datatype"] = term.datatype.value
            if term.datatype.value in _NUMERIC:
                try:
                    out["value"] = int(term.value)
                except ValueError:
                    pass
        return out
    return {"type": "triple", "value": str(term)}
