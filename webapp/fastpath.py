"""A plain ``GET /sparql?query=…`` answered without the framework, exactly as the app answers it — or left to the app.

Flask's work around a request (its request and app contexts, routing, the before and after
hooks, the response object) costs ~0.09 ms of CPU in process — all of ``/healthz``'s, and half
of what an uncached one-hop query costs beyond pyoxigraph's own evaluation and writing. This WSGI
middleware answers the commonest SPARQL request itself, with the app's own pieces and the same
response, byte for byte and header for header:

* a ``GET`` (not ``HEAD``) of ``/sparql`` whose query string is one ``query`` parameter (ASCII,
  valid percent-encoded UTF-8) and nothing else, without ``If-None-Match`` or a body, within the
  app's URL limit (``MAX_URL_BYTES``);
* answered from the response cache (:mod:`webapp.cache`'s key, entry, ETag and Cache-Control), or
  a query the engine proves cheap (:mod:`kg.sparql.cheap`: it runs in the serving thread — a named
  query holding its place in the per-client limit, under the client's address as the app reads it,
  :func:`webapp.limits.address_of`), negotiated on the request's ``Accept`` as the view negotiates
  it, its answer kept in the response cache as the view keeps it;
* with the app's headers: the security headers (:data:`webapp.core.SECURITY_HEADERS`), CORS, ``Vary``,
  the result count, ETag and Cache-Control.

Anything else — another method, path or parameter, a conditional request, a query not proven cheap
(it goes to a query process, watched for its client leaving), a format that is not acceptable, a
client over its limit, any error —
goes to the app unchanged, which answers it as before (for an error, with its own status and words).
Every protection stays where it was: the guard's refusals and the limits apply to what the app
answers, and a query answered here is one the proof has read whole (no update, ``SERVICE``, foreign
dataset or deep nesting can be in it). ``tests/unit/webapp/test_fastpath.py`` checks that each request it
answers gets the app's response, and ``SPARQL_FAST_PATH`` turns it off (to measure, or to compare).
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import unquote

from kg.sparql.errors import EngineError, QueryError
from kg.sparql.formats import formats_for, negotiate
from webapp import config as settings
from webapp import state
from webapp.cache import CACHE_CONTROL
from webapp.core import SECURITY_HEADERS
from webapp.errors import CORS
from webapp.limits import address_of
from webapp.responses import cache_key

PATH = "/sparql"
_SECURITY = tuple(SECURITY_HEADERS.items())
_ANSWER_HEADERS = (*CORS.items(), ("Vary", "Accept"))


class FastSparql:
    """WSGI middleware: the requests described in the module's note answered here, every other one by ``app``."""

    def __init__(self, app, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == PATH and environ.get("REQUEST_METHOD") == "GET":
            answered = self.answer(environ)
            if answered is not None:
                headers, body = answered
                start_response("200 OK", headers)
                return [body]
        return self.wsgi_app(environ, start_response)

    def answer(self, environ) -> tuple[list[tuple[str, str]], bytes] | None:
        """The response's headers and body, or None to leave the request to the app."""
        query_string = environ.get("QUERY_STRING", "")
        if not query_string or "HTTP_IF_NONE_MATCH" in environ or environ.get("CONTENT_LENGTH") not in (None, "", "0"):
            return None
        target = environ.get("RAW_URI") or environ.get("REQUEST_URI")
        length = len(target) if target is not None else len(PATH) + 1 + len(query_string)
        config = self.app.config
        url_limit = int(settings.get(config, "MAX_URL_BYTES"))
        if url_limit and length > url_limit:
            return None  # the app's 414
        if not query_string.isascii():
            return None
        app = self.app
        accept = environ.get("HTTP_ACCEPT")
        cache = state.response_cache(app)
        key = cache_key("sparql", query_string.encode("latin-1"), accept)
        entry = cache.get(key)
        if entry is not None:
            return self._headers(entry.content_type, entry.body, entry.headers, entry.etag), entry.body
        engine = state.engine(app)
        if not engine.inline or getattr(engine.store, "pattern_counts", None) is None:
            return None  # no query is proven cheap here (QUERY_INLINE off, a remote store): the app's work
        sparql = query_parameter(query_string)
        if sparql is None or not sparql.strip():
            return None
        try:
            plan = engine.cheap_plan(sparql)
            if plan is None:
                return None
            fmt = negotiate(formats_for(plan.form), accept, [], what=f"{plan.form} queries")
            job = engine.prepare(sparql, fmt, base_iri=settings.public_url(config) + PATH)
            if not job.inline:
                return None  # not proven cheap after all
            # A named query holds a place in the per-client limit (one proven to give few rows does not).
            result = engine.run(job, client=None if job.rows_at_most is not None else address_of(config, environ))
        except (EngineError, QueryError, ValueError):
            return None  # the app answers it again, with its status and words
        kept = [*_ANSWER_HEADERS, ("X-Result-Count", str(result.count))]
        if result.truncated:
            kept.append(("X-Result-Truncated", f"true; limit={result.limit}"))
        content_type = result.format.content_type
        entry = cache.put(key, result.body, content_type, tuple(kept))
        return self._headers(content_type, result.body, entry.headers, entry.etag), result.body

    @staticmethod
    def _headers(content_type: str, body: bytes, kept, etag: str) -> list[tuple[str, str]]:
        return [("Content-Type", content_type), ("Content-Length", str(len(body))), *kept, ("ETag", etag),
                ("Cache-Control", CACHE_CONTROL), *_SECURITY]


_NOT_AN_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def query_parameter(query_string: str) -> str | None:
    r"""The value of a query string that is one ``query=…`` field, as ``parse_qsl`` reads it (``+`` a space,
    ``%XX`` a byte, the bytes UTF-8); None for any other query string, or one that is not ASCII or not UTF-8.

    ``parse_qsl`` decodes ``%XX`` in a Python loop (~40 µs for a named query's 2 KB); here the escapes are
    turned into ``\xXX`` (the text's own backslashes doubled) and decoded by the codec of Python's string
    escapes, in C (~5 µs). ``tests/unit/webapp/test_fastpath.py`` checks it against ``parse_qsl``.

    >>> query_parameter("query=SELECT+%3Fs+%7B%7D"), query_parameter("query=a%5Cx41%5C"), query_parameter("q=1")
    ('SELECT ?s {}', 'a\\x41\\', None)
    >>> query_parameter("query=caf%C3%A9"), query_parameter("query=%C3%28"), query_parameter("query=a&x=1")
    ('café', None, None)
    """
    name, equals, value = query_string.partition("=")
    if name != "query" or not equals or "&" in value or not query_string.isascii():
        return None
    value = value.replace("+", " ")
    try:
        if "%" not in value:
            return value
        escaped = value.replace("\\", "\\\\").replace("%", "\\x").encode("ascii")
        try:
            decoded = codecs.escape_decode(escaped)[0]
        except ValueError:  # a \x without two hex digits after it: a lone % (the text's own backslashes are doubled)
            if _NOT_AN_ESCAPE.search(value):  # kept as it is, as parse_qsl keeps it
                return unquote(value, errors="strict")
            return None
        return decoded.decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return None


def init_app(app) -> None:
    """Put the fast path in front of the app's WSGI callable, unless ``SPARQL_FAST_PATH`` is off."""
    if settings.get(app.config, "SPARQL_FAST_PATH"):
        app.wsgi_app = FastSparql(app, app.wsgi_app)
