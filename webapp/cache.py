"""Cache whole query responses, with strong ETags: honest because the graph never changes while served.

A response is a pure function of (the loaded graph, the query text, its bindings, the dataset,
the output format). The cache keeps the serialised bodies of the most recent ones (LRU) and
derives each one's ETag from the graph artifact's hash and that key, so a client's
``If-None-Match`` can be answered ``304`` without evaluating anything — and every worker
process of one deployment, or a restart on the same artifact, hands out the same ETag.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kg import paths

CACHE_CONTROL = "public, max-age=300"
MAX_BODY = 1_000_000  # bytes; larger bodies are served but not kept


def file_tag(path: Path) -> str:
    """The SHA-256 of a graph artifact (its identity for ETags), in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dataset_tag(config: dict, store) -> str:
    """Identify the served graph: the artifact's hash when loaded from a file, else this store object.

    >>> len(dataset_tag({"STORE": object()}, object()))
    16
    """
    if config.get("STORE") is None and config.get("SPARQL_ENDPOINT") is None:
        path = Path(config.get("GRAPH_PATH") or paths.RELEASE_DIR / paths.GRAPH_NQ)
        try:
            return file_tag(path)[:16]
        except OSError:
            pass
    # A store handed over in memory (tests) or a remote one: unique to this process's store.
    ident = f"{type(store).__name__}:{id(store)}:{getattr(store, 'loaded_at', 0)}"
    return hashlib.sha256(ident.encode()).hexdigest()[:16]


def cache_key(*parts) -> str:
    """A stable key for the parts of a request that decide its response.

    >>> cache_key("SELECT * {}", (("x", "1"),), None, "json") == cache_key("SELECT * {}", (("x", "1"),), None, "json")
    True
    >>> cache_key("a", "b") == cache_key("ab")
    False
    """
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entry:
    body: bytes
    content_type: str
    etag: str
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class ResponseCache:
    """An LRU of serialised response bodies of one served graph (thread-safe)."""

    tag: str
    maxsize: int = 1024
    max_body: int = MAX_BODY
    hits: int = 0
    misses: int = 0
    _entries: OrderedDict = field(default_factory=OrderedDict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def etag(self, key: str) -> str:
        """The strong ETag of a response: the graph's identity and the request's key.

        >>> ResponseCache("abc").etag("0123456789" * 4)
        '"abc-012345678901234567890123"'
        """
        return f'"{self.tag}-{key[:24]}"'

    def get(self, key: str) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: str, body: bytes, content_type: str, headers=()) -> Entry:
        """Keep a response body (unless it is too large); return its entry either way."""
        entry = Entry(body, content_type, self.etag(key), tuple(headers))
        if len(body) <= self.max_body and self.maxsize > 0:
            with self._lock:
                self._entries[key] = entry
                self._entries.move_to_end(key)
                while len(self._entries) > self.maxsize:
                    self._entries.popitem(last=False)
        return entry

    def __len__(self) -> int:
        return len(self._entries)


# --- Flask glue: one cache per app, shared by the routes that serve query results ------------------

KEPT_HEADERS = ("X-Result-Count", "X-Result-Truncated", "Vary", "Access-Control-Allow-Origin")


def for_app(app) -> ResponseCache:
    """The app's response cache, created on first use (call it before forking workers to hash once)."""
    cache = app.extensions.get("kg_response_cache")
    if cache is None:
        # The row cap shapes every body too: a deployment with another cap gets other tags.
        tag = dataset_tag(app.config, app.extensions.get("kg_store"))
        if app.config.get("ROW_LIMIT"):
            tag = hashlib.sha256(f"{tag}:{app.config['ROW_LIMIT']}".encode()).hexdigest()[:16]
        cache = ResponseCache(tag, maxsize=int(app.config.get("RESPONSE_CACHE_SIZE", 1024)))
        app.extensions["kg_response_cache"] = cache
    return cache


def cached(key_parts: tuple, build: Callable[[], object]):
    """Answer the current request from the cache (or 304), else ``build()`` it and keep a 200.

    ``key_parts`` must hold everything the response depends on besides the graph (query text,
    bindings, dataset, format or the Accept header it was negotiated from).
    """
    from flask import Response, current_app, request

    cache = for_app(current_app)
    key = cache_key(*key_parts)
    etag = cache.etag(key)
    common = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    entry = cache.get(key)
    matches = request.if_none_match.contains(etag.strip('"'))  # werkzeug holds the tags unquoted
    if entry is not None:
        if matches:
            return Response(status=304, headers={**common, **dict(entry.headers)})
        return Response(entry.body, content_type=entry.content_type, headers={**dict(entry.headers), **common})
    response = build()
    if getattr(response, "status_code", None) != 200 or response.is_streamed:
        return response
    body = response.get_data()
    headers = [(name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers]
    cache.put(key, body, response.content_type, headers)
    response.headers.update(common)
    if matches:
        return Response(status=304, headers={**common, **dict(headers)})
    return response
