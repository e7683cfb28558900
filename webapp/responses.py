"""Whole query responses kept with strong ETags: honest because the graph never changes while served.

A response is a pure function of (the loaded graph, the query text, its bindings, the dataset,
the output format). :class:`ResponseCache` keeps the serialised bodies of the most recent ones
(on the project's one bounded :class:`~kg.sparql.lru.LRU`: entries and bytes) and derives each
one's ETag from the graph artifact's hash and that key, so a client's ``If-None-Match`` can be
answered ``304`` without evaluating anything — and every worker process of one deployment, or a
restart on the same artifact, hands out the same ETag. ``webapp.cache.cached`` answers requests
from it; ``webapp.state.response_cache`` holds the app's one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from kg.sparql.lru import LRU

from webapp import config as settings

MAX_BODY = 1_000_000  # bytes; larger bodies are served but not kept


def file_tag(path: Path) -> str:
    """The SHA-256 of a graph artifact (its identity for ETags), in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dataset_tag(config: Mapping[str, Any], store) -> str:
    """Identify the served graph: the artifact's hash when loaded from a file, else this store object.

    >>> len(dataset_tag({"STORE": object()}, object()))
    16
    """
    path = settings.graph_file(config)
    if path is not None:
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


class ResponseCache:
    """Serialised response bodies of one served graph, least recently used first out (thread-safe).

    >>> cache = ResponseCache("abc", maxsize=1)
    >>> cache.put("k1", b"one", "text/plain").etag == cache.etag("k1")
    True
    >>> _ = cache.put("k2", b"two", "text/plain"); cache.get("k1") is None, cache.get("k2").body
    (True, b'two')
    """

    def __init__(self, tag: str, maxsize: int = 1024, max_body: int = MAX_BODY, max_bytes: int = 64 << 20):
        self.tag = tag
        self._entries: LRU[Entry] = LRU(max_entries=maxsize, max_bytes=max_bytes, max_item_bytes=max_body)

    @classmethod
    def for_app(cls, config: Mapping[str, Any], store) -> "ResponseCache":
        """The cache a deployment needs: tagged by its graph (and row cap), sized by its config."""
        tag = dataset_tag(config, store)
        if config.get("ROW_LIMIT"):  # the row cap shapes every body too: another cap, other tags
            tag = hashlib.sha256(f"{tag}:{config['ROW_LIMIT']}".encode()).hexdigest()[:16]
        return cls(tag, maxsize=int(settings.get(config, "RESPONSE_CACHE_SIZE")),
                   max_bytes=int(settings.get(config, "RESPONSE_CACHE_BYTES")))

    @property
    def hits(self) -> int:
        return self._entries.hits

    @property
    def misses(self) -> int:
        return self._entries.misses

    def etag(self, key: str) -> str:
        """The strong ETag of a response: the graph's identity and the request's key.

        >>> ResponseCache("abc").etag("0123456789" * 4)
        '"abc-012345678901234567890123"'
        """
        return f'"{self.tag}-{key[:24]}"'

    def get(self, key: str) -> Entry | None:
        return self._entries.get(key)

    def put(self, key: str, body: bytes, content_type: str, headers=()) -> Entry:
        """Keep a response body (unless it is too large); return its entry either way."""
        entry = Entry(body, content_type, self.etag(key), tuple(headers))
        self._entries.put(key, entry, size=len(body))
        return entry

    def __len__(self) -> int:
        return len(self._entries)
