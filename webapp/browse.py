"""Every IRI of the graph opens here: HTML pages for people, RDF for machines (content negotiation).

Routes mirror the IRI paths (``https://w3id.org/kneekg/id/x`` → ``/id/x``); a ``.ttl``/``.jsonld``/
``.nt``/``.rdf`` suffix or an ``Accept`` header picks an RDF format. Page models come from
``kg.views.describe``; search from ``kg.views.search``.
"""

from __future__ import annotations

from urllib.parse import quote

import rdflib
from flask import Blueprint, Response, abort, current_app, jsonify, redirect, render_template, request
from werkzeug.exceptions import NotFound

from webapp.cache import cached
from webapp.state import store
from kg.views import article
from kg.views.describe import describer
from kg.views.entity import MAX_GRAPH_NODES
from kg.namespaces import ARTICLE_IRI, BASE, GRAPH, KG, KGO, ONTOLOGY_IRI, PREFIXES, STATEMENT
from kg.sparql.errors import NotAcceptable
from kg.sparql.formats import HTML_FORMATS, RDF_FORMATS, Format, negotiate
from kg.views.search import search as search_labels

from .api import register_path
from kg.namespaces import editor_path, local_path

bp = Blueprint("browse", __name__)

# Formats offered, in this order: HTML for people, then RDF (by Accept, or a suffix: /id/x.ttl).
PAGE_FORMATS = (*HTML_FORMATS.values(), *(RDF_FORMATS[name] for name in ("ttl", "jsonld", "nt", "rdf")))
SUFFIXES = {"." + f.name: f for f in PAGE_FORMATS if f.oxigraph is not None}
SEARCH_LIMIT_MAX = 50


def describe():
    return describer(store())


def public_iri(iri: str) -> str:
    """The IRI as published: under ``BASE_IRI`` when one is configured, else the graph's own."""
    base = current_app.config.get("BASE_IRI")
    if base and iri.startswith(BASE):
        return base.rstrip("/") + "/" + iri[len(BASE):]
    return iri


@bp.app_template_filter("local")
def _local(iri: str) -> str:
    return local_path(iri)


bp.add_app_template_global(editor_path, "editor_path")


@bp.app_template_filter("public")
def _public(iri: str) -> str:
    return public_iri(iri)


@bp.app_template_filter("urlquote")
def _urlquote(value: str) -> str:
    return quote(str(value), safe="")


# -- content negotiation -----------------------------------------------------------------------

def not_acceptable() -> Response:
    offered = [f.media_type for f in PAGE_FORMATS]
    body = ("406 Not Acceptable: this resource is available as\n" + "\n".join(f"  {m}" for m in offered)
            + "\n(or add one of the suffixes " + ", ".join(SUFFIXES) + " to the path)\n")
    response = Response(body, status=406, mimetype="text/plain")
    response.headers["Vary"] = "Accept"
    return response


def rdf_response(iri: str, fmt: Format) -> Response:
    base = current_app.config.get("BASE_IRI")

    def serialise() -> str:
        graph = describe().describe(iri)
        if base:
            graph = _rebase(graph, base)
        if fmt.rdflib == "json-ld":
            return graph.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
        return graph.serialize(format=fmt.rdflib)

    # The graph is immutable while the app runs: serialise each description once per format.
    data = describe().cached(f"rdf {fmt.media_type} {base or ''}", iri, serialise)
    response = Response(data, mimetype=fmt.media_type)
    response.headers["Vary"] = "Accept"
    return response


def _rebase(graph: rdflib.Graph, base: str) -> rdflib.Graph:
    """Rewrite the graph's IRIs under ``base`` (for a deployment that publishes its own namespace)."""
    out = rdflib.Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, public_iri(str(ns)) if str(ns).startswith(BASE) else ns, override=True)

    def term(t):
        return rdflib.URIRef(public_iri(str(t))) if isinstance(t, rdflib.URIRef) else t

    for s, p, o in graph:
        out.add((term(s), term(p), term(o)))
    return out


def _rebase_json(value):
    """Rewrite the graph's IRIs under ``BASE_IRI`` inside a JSON-LD document."""
    if isinstance(value, dict):
        return {k: _rebase_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rebase_json(v) for v in value]
    if isinstance(value, str) and value.startswith(BASE):
        return public_iri(value)
    return value


def split_suffix(iri: str) -> tuple[str, str | None]:
    """Split a format suffix off ``iri`` unless the IRI itself is known with it."""
    for suffix in SUFFIXES:
        if iri.endswith(suffix) and describe().kind(iri) is None:
            return iri[: -len(suffix)], suffix
    return iri, None


def serve(iri: str, *, suffixable: bool = True) -> Response:
    """Answer for one IRI from the response cache (ETag, 304): the graph is immutable while served."""
    key = ("page", iri, suffixable, request.headers.get("Accept", ""), current_app.config.get("BASE_IRI"))
    return cached(key, lambda: _serve(iri, suffixable=suffixable))


def _serve(iri: str, *, suffixable: bool = True) -> Response:
    """Answer for one IRI: RDF if asked for, else its HTML page; 404 if the graph does not know it."""
    suffix = None
    if suffixable:
        iri, suffix = split_suffix(iri)
    kind = describe().kind(iri)
    if kind is None:
        abort(404)
    try:
        fmt = negotiate(PAGE_FORMATS, request.headers.get("Accept"), suffix, aliases=False)
    except NotAcceptable:
        return not_acceptable()
    if fmt.oxigraph is not None:
        return rdf_response(iri, fmt)
    d = describe()
    if kind == "entity":
        model = d.entity(iri)
        if current_app.config.get("BASE_IRI"):
            model = {**model, "jsonld": _rebase_json(model["jsonld"])}
        html = render_template("entity.html", e=model, max_nodes=MAX_GRAPH_NODES)
    elif kind == "class":
        html = render_template("class.html", c=d.klass(iri))
    elif kind == "property":
        html = render_template("property.html", p=d.property(iri))
    elif kind == "statement":
        model = d.statement(iri)
        if model is None:
            abort(404)
        html = render_template("statement.html", s=model)
    elif kind == "graph":
        html = render_template("graph.html", g=d.named_graph(iri))
    elif kind == "ontology":
        html = render_template("ontology.html", o=d.overview())
    elif kind == "article":
        response = redirect("/source", code=303)
        response.headers["Vary"] = "Accept"
        return response
    else:
        html = render_template("resource.html", r=d.resource(iri))
    response = Response(html, mimetype="text/html")
    response.headers["Vary"] = "Accept"
    return response


# -- IRI routes ----------------------------------------------------------------------------------

@bp.get("/id/<path:ident>")
def entity(ident: str):
    """An entity (``kg:``)."""
    return serve(str(KG) + ident)


@bp.get("/ontology")
@bp.get("/ontology<any('.ttl', '.jsonld', '.nt', '.rdf'):suffix>")
def ontology(suffix: str = ""):
    """The ontology overview: every class and property."""
    return serve(str(ONTOLOGY_IRI) + suffix)


@bp.get("/ontology/<path:name>")
def term(name: str):
    """A class or property (``kgo:``)."""
    return serve(str(KGO) + name)


@bp.get("/statement/<path:ident>")
def statement(ident: str):
    """An evidence statement (``kgs:``): one fact and one quote."""
    return serve(str(STATEMENT) + ident)


@bp.get("/graph/<path:name>")
def named_graph(name: str):
    """A named graph (``kgg:``)."""
    return serve(str(GRAPH) + name)


@bp.get("/source/<path:name>")
def source_node(name: str):
    """The article's IRI: RDF for machines, the source view for people."""
    return serve(BASE + "source/" + name)


@bp.get("/resource")
def resource():
    """Any other IRI the graph mentions (schema.org classes, MeSH ids …)."""
    iri = request.args.get("iri", "").strip()
    if not iri:
        abort(404)
    if any(ch in iri for ch in "\r\n\x00"):  # not an IRI; in a Location header it would split it
        abort(Response("400 an IRI cannot contain a line break or a NUL character\n", 400, mimetype="text/plain"))
    if iri.startswith(BASE):
        return redirect(local_path(iri), code=303)
    return serve(iri, suffixable=False)


# -- source view ---------------------------------------------------------------------------------

@bp.get("/source")
def source():
    """The article with every quoted span highlighted and linked to the facts it grounds (a 288 KB page: cached)."""
    return cached(("source", current_app.config.get("BASE_IRI")), _source)


def _source() -> Response:
    d, iri = describe(), str(ARTICLE_IRI)
    page = article.page(d.source()["spans"], d.describe(iri), iri)
    return Response(render_template("source.html", src=d.source(), article_iri=iri, **page), mimetype="text/html")


# -- what the article does not settle -------------------------------------------------------------

@bp.get("/unsettled")
def unsettled():
    """Every contradiction of the article with all its sides and quotes, and its promotional claims."""
    return cached(("unsettled", current_app.config.get("BASE_IRI")),
                  lambda: Response(render_template("unsettled.html", u=describe().unsettled()), mimetype="text/html"))


# -- search --------------------------------------------------------------------------------------

def _hits(text: str, limit: int) -> list[dict]:
    return [{"iri": h.iri, "label": h.label, "type": h.type, "url": local_path(h.iri), "matched": h.matched,
             "via": h.via, "score": h.score}
            for h in search_labels(store(), text, limit=limit)]


def _limit(default: int) -> int:
    raw = request.args.get("limit", "")
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= SEARCH_LIMIT_MAX:  # "²" is a digit too
        abort(Response(f'{{"error": "limit must be an integer from 1 to {SEARCH_LIMIT_MAX}"}}', 400,
                       mimetype="application/json"))
    return int(raw)


register_path("/api/search", {"get": {
    "operationId": "searchEntities",
    "summary": "Find entities by label",
    "description": "Entities whose labels, synonyms (skos:altLabel) or lay search words (kgo:searchLabel) match "
                   "the text, tolerant of case, plurals, small typos and word order (rapidfuzz), best first, one "
                   "hit per entity: entities before claims, a lay word after exact labels and synonyms; `via` says "
                   "which kind of name matched.",
    "parameters": [
        {"name": "q", "in": "query", "required": False, "schema": {"type": "string", "maxLength": 200},
         "description": "the text to look for", "example": "dehydraton"},
        {"name": "limit", "in": "query", "required": False,
         "schema": {"type": "integer", "minimum": 1, "maximum": SEARCH_LIMIT_MAX, "default": 10},
         "description": "at most this many hits"},
    ],
    "responses": {
        "200": {"description": "The hits, best first", "content": {"application/json": {"schema": {
            "type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}}}}},
        "400": {"description": "A bad limit", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Error"}}}},
    },
}}, schemas={"SearchHit": {
    "type": "object", "required": ["iri", "label", "type", "url"],
    "properties": {"iri": {"type": "string"}, "label": {"type": "string"}, "type": {"type": "string"},
                   "url": {"type": "string"}, "matched": {"type": "string"},
                   "via": {"type": "string", "enum": ["label", "synonym", "search word"]},
                   "score": {"type": "number"}}}})


@bp.get("/api/search")
def api_search():
    """Entities whose labels or synonyms match ``q`` (tolerant of case, plurals and typos), best first."""
    text = request.args.get("q", "")[:200]
    return jsonify(_hits(text, _limit(10)))


@bp.get("/search")
def search_page():
    """Search results as a page (the header's search box submits here)."""
    text = request.args.get("q", "")[:200]
    hits = _hits(text, _limit(30)) if text.strip() else []
    return render_template("search.html", q=text, hits=hits)


# -- errors --------------------------------------------------------------------------------------

@bp.app_errorhandler(404)
def not_found(error: NotFound):
    """A page that says what was not found and suggests entities with similar names."""
    if request.path.startswith("/api/"):
        return jsonify(error="not found", path=request.path), 404
    guess = request.args.get("iri", "") or request.path.rstrip("/").rsplit("/", 1)[-1]
    for suffix in SUFFIXES:
        guess = guess.removesuffix(suffix)
    guess = guess.rsplit("/", 1)[-1].rsplit("#", 1)[-1].replace("-", " ").replace("_", " ")[:100]
    try:
        suggestions = _hits(guess, 5) if guess.strip() else []
    except Exception:  # the 404 page must render even if the store is unwell
        suggestions = []
    return render_template("404.html", path=request.path, guess=guess, suggestions=suggestions), 404
