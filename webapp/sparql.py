"""The SPARQL 1.1 Protocol endpoint (query side) at /sparql, and the query editor at /query.

GET ``?query=``, POST form-encoded and POST ``application/sparql-query``; the dataset from
``default-graph-uri``/``named-graph-uri`` (limited to the served graphs); results negotiated on
Accept (q-values) or ``format=``. Every query goes through :mod:`kg.sparql.engine` (refused before
evaluation when it would write, call out or read a foreign graph; time-limited; row-capped); a
query that fails is answered by :func:`webapp.errors.protocol_failure` (the status for its kind).
A GET without a query describes the service (SPARQL Service Description + VoID) to RDF clients
and sends browsers to the editor.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from rdflib import Dataset, Graph

from kg.namespaces import BASE, PREFIXES
from kg.sparql import registry as named_queries
from kg.sparql.errors import EngineError, NotAcceptable, QueryError
from kg.sparql.formats import RDF_FORMATS, formats_for, negotiate, quality, requested
from kg.views import service, void
from webapp import config as settings
from webapp import errors, limits, state
from webapp.cache import Answer, cached
from webapp.errors import CORS, protocol_error

bp = Blueprint("sparql", __name__)
bp.register_error_handler(EngineError, errors.protocol_failure)

FORM_TYPE = "application/x-www-form-urlencoded"
DIRECT_TYPE = "application/sparql-query"


# --- /sparql ---------------------------------------------------------------------------------------

@bp.route("/sparql", methods=["GET", "POST"], provide_automatic_options=False)
def endpoint():
    """Answer one SPARQL query per the SPARQL 1.1 Protocol; a repeated GET (or HEAD) comes from webapp/cache.py."""
    # The request object itself, passed down: each read through Flask's ``request`` proxy is a context
    # look-up, and an uncached query reads it a dozen times.
    req = request._get_current_object()
    if req.method in ("GET", "HEAD") and req.query_string:
        # The raw query string and Accept decide a GET's answer: look it up before parsing anything.
        # HEAD goes the same way, so it gets the same headers (werkzeug leaves the body out).
        return cached(("sparql", req.query_string, req.headers.get("Accept")), lambda: _answer(req))
    answer = _answer(req)
    return answer.response() if isinstance(answer, Answer) else answer


def _answer(req):
    if req.method == "POST":
        parsed = _read_post()
        if isinstance(parsed, Response):
            return parsed
        queries, params = parsed
    else:
        params = req.args
        queries = params.getlist("query")
    if params.getlist("update"):
        return protocol_error(400, "this endpoint is read-only: SPARQL Update ('update' parameter) is not accepted")
    if not queries:
        if req.method == "GET":
            return service_description()
        return protocol_error(400, "no query: send the query in the 'query' parameter or as an application/sparql-query body")
    if len(queries) > 1:
        return protocol_error(400, f"{len(queries)} 'query' parameters: send exactly one query per request")
    sparql = queries[0]
    if not sparql.strip():
        return protocol_error(400, "the query is empty")
    return run_query(sparql, params, req)


def _read_post():
    """Return (queries, params) from a POST body, or the error response the protocol asks for."""
    mimetype = request.mimetype
    if not mimetype:
        return protocol_error(400, "POST needs a Content-Type: application/x-www-form-urlencoded or application/sparql-query")
    if mimetype == FORM_TYPE:
        return request.form.getlist("query"), _merged(request.form, request.args)
    if mimetype == DIRECT_TYPE:
        charset = (request.mimetype_params.get("charset") or "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            return protocol_error(400, f"the query must be encoded as UTF-8, not {charset}")
        try:
            text = request.get_data(cache=False).decode("utf-8")
        except UnicodeDecodeError as exc:
            return protocol_error(400, f"the query is not valid UTF-8 (byte {exc.start})")
        return [text], request.args
    if mimetype == "application/sparql-update":
        return protocol_error(415, "this endpoint is read-only: application/sparql-update is not accepted")
    return protocol_error(415, f"unsupported media type {mimetype}: POST a query as {FORM_TYPE} or {DIRECT_TYPE}")


def _merged(first, second):
    from werkzeug.datastructures import MultiDict

    merged = MultiDict(second)
    for key in first:
        merged.setlist(key, first.getlist(key))
    return merged


def run_query(sparql: str, params, req) -> Response | Answer:
    """Check, evaluate (in the engine) and send one query's results (a GET's as an :class:`Answer` for the cache)."""
    eng = state.engine()
    default_graph = params.getlist("default-graph-uri") or None
    named_graph = params.getlist("named-graph-uri") or None
    form = eng.form(sparql)
    fmt = negotiate(formats_for(form), req.headers.get("Accept"), format_names(req), what=f"{form} queries")
    job = eng.prepare(sparql, fmt, default_graph=default_graph, named_graphs=named_graph, base_iri=endpoint_url())
    headers = {**CORS, "Vary": "Accept"}
    if req.method == "POST":  # a GET's (and HEAD's) ETag and caching are the response cache's (webapp/cache.py)
        etag = f"{_store_tag()}-{job.key()[:24]}"
        headers.update({"ETag": f'"{etag}"', "Cache-Control": "public, max-age=60"})
        if "HTTP_IF_NONE_MATCH" in req.environ and req.if_none_match.contains_weak(etag):
            return Response(status=304, headers=headers)
    # Who asks and how to tell that they left are found only for a query that holds a place (not one
    # proven to give few rows): the engine calls these then.
    result = eng.run(job, client=limits.client_address, watch=limits.disconnected)
    headers["X-Result-Count"] = str(result.count)
    if result.truncated:
        headers["X-Result-Truncated"] = f"true; limit={result.limit}"
    answer = Answer(result.body, result.format.content_type, headers)
    return answer.response() if req.method == "POST" else answer


def endpoint_url() -> str:
    """This endpoint's URL: the base IRI of relative IRIs in queries, and the service description's subject.

    The configured public URL (``PUBLIC_URL``), never the request's ``Host``: descriptions that
    embed it are cached and served publicly.
    """
    return settings.public_url(current_app.config) + "/sparql"


FORMAT_PARAMETERS = ("format", "output", "results")  # read alike, as Fuseki and Virtuoso read them


def format_names(req=None) -> list[str]:
    """The format names this request gives: ``format``, then ``output``, then ``results``, each value split on commas.

    A GET's come from the query string, a form POST's from its fields then the query string, a
    direct POST's from the query string (its body is the query).
    """
    req = req or request
    args = req.args
    values = [value for key in FORMAT_PARAMETERS for value in args.getlist(key)]
    if req.method == "POST" and req.mimetype == FORM_TYPE:
        form = req.form
        values = [value for key in FORMAT_PARAMETERS for value in form.getlist(key) + args.getlist(key)]
    return requested(values) if values else []


def _store_tag() -> str:
    store = state.store()
    return f"{int(getattr(store, 'loaded_at', 0) * 1000):x}"


@bp.route("/sparql", methods=["OPTIONS"])
def preflight():
    """CORS preflight: any origin may GET or POST queries."""
    return Response(status=204, headers={**CORS, "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                                         "Access-Control-Allow-Headers": "Accept, Content-Type",
                                         "Access-Control-Max-Age": "86400", "Allow": "GET, HEAD, POST, OPTIONS"})


# --- service description ----------------------------------------------------------------------------

def service_description() -> Response:
    """Describe the endpoint in RDF for RDF clients (negotiated as a graph result is); send browsers to the editor."""
    accept = request.headers.get("Accept")
    names = format_names()
    if not names and quality(accept, "text/html") > quality(accept, "text/turtle"):
        return redirect(url_for("sparql.editor"), 303)
    try:
        fmt = negotiate(RDF_FORMATS, accept, names, what="the service description")
    except NotAcceptable as exc:
        return errors.protocol_failure(exc)
    graph = describe_service(endpoint_url())
    if fmt.quads:  # dataset formats: the description is the default graph
        dataset = Dataset()
        for triple in graph:
            dataset.add(triple)
        graph = dataset
    body = graph.serialize(format=fmt.rdflib)
    return Response(body, content_type=fmt.content_type, headers={**CORS, "Vary": "Accept"})


def describe_service(endpoint_url: str) -> Graph:
    """The SPARQL 1.1 Service Description of this endpoint (``kg.views.service``), made once per URL."""
    return state.files().get_or_put(("service", endpoint_url), lambda: service.describe_service(
        void.statistics(state.dataset()), endpoint_url))


# --- the query editor ------------------------------------------------------------------------------

@bp.get("/query")
def editor():
    """The YASGUI query editor, on this endpoint, with the named queries as examples."""
    reg = named_queries.registry()
    examples = []
    for query in reg:
        examples.append({"name": query.name, "summary": query.summary, "description": query.description,
                         "query": query.with_values(query.example_values())})
    initial = request.args.get("query")
    initial_name = None
    error = None
    name = request.args.get("name")
    if name and initial is None:
        try:
            query = reg[name]
            values = {p.name: request.args.get(p.name) or p.example for p in query.params}
            initial, initial_name = query.with_values(values), query.name
        except QueryError as exc:
            error = str(exc)
    config = {"endpoint": url_for("sparql.endpoint"), "prefixes": PREFIXES, "base": BASE,
              "examples": examples, "initial": initial, "initialName": initial_name}
    return render_template("query.html", config=config, examples=examples, error=error,
                           endpoint=url_for("sparql.endpoint"))
