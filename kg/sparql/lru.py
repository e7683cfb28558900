"""One bounded, thread-safe LRU for every in-memory cache of the project.

Caches here hold answers of an immutable graph (query results, serialised responses, page
models), so nothing ever goes stale — but memory must stay bounded whatever clients send: every
cache has a cap on entries *and* on the bytes its keys and values take, and an entry larger than
``max_item_bytes`` is never kept (it is served, not cached). Keys that come from a client are
best a digest of what it sent (``hashlib.sha256(...).digest()``), never the text itself.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Generic, Hashable, TypeVar

V = TypeVar("V")


def size_of(value) -> int:
    """The bytes a cached value holds, as far as the cache can tell (bytes-like bodies, or ``.body``).

    >>> size_of(b"abc"), size_of("ab"), size_of(object())
    (3, 2, 0)
    """
    body = getattr(value, "body", value)
    if isinstance(body, (bytes, bytearray, memoryview)):
        return len(body)
    if isinstance(body, str):
        return len(body)
    return 0


def key_size(key) -> int:
    """The bytes a key holds: its strings and bytes, in tuples too (a digest is 32).

    >>> key_size(("export", "void", "http://x")), key_size(b"0" * 32), key_size(7)
    (18, 32, 0)
    """
    if isinstance(key, (str, bytes, bytearray)):
        return len(key)
    if isinstance(key, tuple):
        return sum(key_size(part) for part in key)
    return 0


class LRU(Generic[V]):
    """Least-recently-used cache bounded by entry count and by total size in bytes.

    >>> cache = LRU(max_entries=2, max_bytes=10)
    >>> cache.put("a", b"12345"); cache.put("b", b"12345"); cache.put("c", b"1")
    True
    True
    True
    >>> sorted(cache.keys()), cache.bytes  # values and keys
    (['b', 'c'], 8)
    >>> cache.put("big", b"x" * 8)  # with its key, larger than the whole budget: not kept
    False
    >>> cache.get("b"), cache.get("a")
    (b'12345', None)
    """

    def __init__(self, max_entries: int = 1024, max_bytes: int = 64 << 20, max_item_bytes: int | None = None,
                 sizer: Callable[[object], int] = size_of):
        self.max_entries = max(0, int(max_entries))
        self.max_bytes = max(0, int(max_bytes))
        self.max_item_bytes = self.max_bytes if max_item_bytes is None else min(int(max_item_bytes), self.max_bytes)
        self.hits = 0
        self.misses = 0
        self.bytes = 0
        self._sizer = sizer
        self._entries: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:
        """Everything but the lock (a cache kept in a snapshot, :mod:`kg.store.snapshot`, gets a new one)."""
        state = dict(self.__dict__)
        del state["_lock"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found[0]

    def put(self, key: Hashable, value: V, size: int | None = None) -> bool:
        """Keep ``value`` under ``key``, evicting the least recently used; False if it is too large to keep.

        ``size`` is the value's (``sizer`` measures it when not given); the key's is added.
        """
        size = (self._sizer(value) if size is None else int(size)) + key_size(key)
        if self.max_entries == 0 or size > self.max_item_bytes:
            return False
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._entries[key] = (value, size)
            self.bytes += size
            while self._entries and (len(self._entries) > self.max_entries or self.bytes > self.max_bytes):
                _, (_, evicted) = self._entries.popitem(last=False)
                self.bytes -= evicted
        return True

    def get_or_put(self, key: Hashable, make: Callable[[], V]) -> V:
        """The cached value for ``key``, or ``make()`` — kept if it fits."""
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value

    def keys(self) -> list[Hashable]:
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries
