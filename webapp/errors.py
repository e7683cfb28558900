"""The HTTP status of each kind of domain error, in one place, and the bodies each client gets.

The domain (``kg.sparql.errors``) names why a query failed (``syntax``, ``refused``,
``timeout`` …); only here does a kind become a status. The SPARQL endpoint answers in plain
text (what SPARQL clients show) or JSON for clients that prefer it; the JSON API in JSON;
pages whose remote SPARQL server failed in plain text.
"""

from __future__ import annotations

from flask import Response, jsonify, request

from kg.sparql.errors import EngineError, NotAcceptable, QueryError
from kg.sparql.formats import best_match

STATUS = {
    "syntax": 400,  # the query does not parse
    "too-complex": 400,  # nested too deep, too long a path or chain: refused before any parser reads it
    "refused": 400,  # an update, or a graph that is not served
    "bad-parameter": 400,  # a named query's parameter is missing, unknown or malformed
    "forbidden": 403,  # SERVICE: the server never opens a connection for a query
    "unknown-query": 404,
    "not-acceptable": 406,
    "too-large": 413,  # the request body is over the limit
    "too-long": 414,  # the request target (path and query string) is over the limit
    "rate-limited": 429,  # the client runs as many queries at once as one client may
    "cancelled": 499,  # the client went away; nobody reads this (nginx's code for it)
    "error": 500,
    "crashed": 500,  # the query stopped two query processes in a row
    "upstream": 502,  # the remote SPARQL server failed
    "timeout": 503,
    "busy": 503,
}
CORS = {"Access-Control-Allow-Origin": "*"}


def status_of(error: Exception) -> int:
    """The HTTP status for a domain error, by its kind (500 for anything unnamed)."""
    return STATUS.get(getattr(error, "kind", "error"), 500)


def protocol_error(status: int, message: str, **extra) -> Response:
    """An error of the SPARQL endpoint: plain text (what SPARQL clients show), or JSON for clients that prefer it."""
    best = best_match(request.headers.get("Accept"), ["text/plain", "application/json"]) or "text/plain"
    if best == "application/json" and "application/json" in (request.headers.get("Accept") or ""):
        response = jsonify(error=message, status=status, **extra)
    else:
        response = Response(f"{status} {message}\n", content_type="text/plain; charset=utf-8")
    response.status_code = status
    response.headers.update(CORS)
    response.headers["Vary"] = "Accept"  # plain text or JSON, by Accept
    return response


def protocol_failure(error: EngineError) -> Response:
    """A query the SPARQL endpoint could not answer: where a syntax error is, what types are offered, when to retry."""
    status = status_of(error)
    extra = {k: v for k, v in error.to_dict().items() if k in ("line", "column")}
    if isinstance(error, NotAcceptable):
        extra["offered"] = error.offered
    response = protocol_error(status, str(error), **extra)
    if isinstance(error, NotAcceptable):
        response.headers["X-Offered-Types"] = ", ".join(error.offered)
    if status in (429, 503):
        response.headers["Retry-After"] = str(getattr(error, "retry_after", 1))
    return response


def api_error(status: int, message: str, param: str | None = None) -> Response:
    """An error of the JSON API: ``{"error", "param", "status"}``."""
    response = jsonify(error=message, param=param, status=status)
    response.status_code = status
    return response


def named_query_failure(error: QueryError) -> Response:
    """A named query that cannot run as asked: which parameter is wrong, or that there is no such query."""
    return api_error(status_of(error), str(error), error.param)


def page_failure(error: EngineError) -> Response:
    """Any page whose data comes from a remote SPARQL server that failed: 502 (503 if it timed out), with why."""
    if error.kind not in ("upstream", "timeout"):
        raise error  # a bug, not the server's state: the usual 500
    return Response(f"The SPARQL server behind this app could not answer: {error}\n", status=status_of(error),
                    mimetype="text/plain")


def init_app(app) -> None:
    """Answer a remote server's failure on any page (the endpoint and the API answer in their own bodies)."""
    app.register_error_handler(EngineError, page_failure)
