"""Answer a request from the app's response cache (or 304), else build it and keep a 200.

The cache itself (:class:`webapp.responses.ResponseCache`: bodies, strong ETags, bounds) is
held by :func:`webapp.state.response_cache`; this is the one piece of Flask glue every route
that serves query results goes through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from flask import Response, request

from webapp import state
from webapp.responses import cache_key

CACHE_CONTROL = "public, max-age=300"
KEPT_HEADERS = ("X-Result-Count", "X-Result-Truncated", "Vary", "Access-Control-Allow-Origin")


@dataclass(frozen=True)
class Answer:
    """A 200 not yet made into a response: a view that hands this to :func:`cached` gets one response built
    with every header at once (its own, the ETag and Cache-Control), rather than one built by the view and then
    read back and changed by the cache. ``headers`` are all kept with the body."""

    body: bytes
    content_type: str
    headers: dict[str, str]

    def response(self, extra: dict[str, str] | None = None) -> Response:
        return Response(self.body, content_type=self.content_type, headers={**self.headers, **(extra or {})})


def cached(key_parts: tuple, build: Callable[[], object]):
    """Answer the current request from the cache (or 304), else ``build()`` it and keep a 200 (or an :class:`Answer`).

    ``key_parts`` must hold everything the response depends on besides the graph (query text,
    bindings, dataset, format or the Accept header it was negotiated from).
    """
    cache = state.response_cache()
    key = cache_key(*key_parts)
    etag = cache.etag(key)
    common = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    entry = cache.get(key)
    # If-None-Match compares weakly (RFC 9110 13.1.2): W/"tag" matches our strong "tag" too.
    # werkzeug holds the tags unquoted; a request without the header is not parsed for it.
    matches = "HTTP_IF_NONE_MATCH" in request.environ and request.if_none_match.contains_weak(etag.strip('"'))
    if entry is not None:
        if matches:
            return Response(status=304, headers={**common, **dict(entry.headers)})
        return Response(entry.body, content_type=entry.content_type, headers={**dict(entry.headers), **common})
    response = build()
    if isinstance(response, Answer):
        headers = tuple(response.headers.items())
        cache.put(key, response.body, response.content_type, headers)
        if matches:
            return Response(status=304, headers={**common, **response.headers})
        return response.response(common)
    if getattr(response, "status_code", None) != 200 or response.is_streamed:
        return response
    body = response.get_data()
    headers = [(name, value) for name, value in response.headers.items() if name in KEPT_HEADERS]
    cache.put(key, body, response.content_type, headers)
    response.headers.update(common)
    if matches:
        return Response(status=304, headers={**common, **dict(headers)})
    return response
