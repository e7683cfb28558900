"""kg.sparql.lru: a kept cache (in a snapshot) keeps its entries and order, and gets a lock of its own."""

from __future__ import annotations

import pickle

from kg.sparql.lru import LRU


def test_a_cache_survives_pickling_with_its_entries_order_and_budget():
    cache = LRU(max_entries=3, max_bytes=100)
    for key in ("a", "b", "c"):
        cache.put(key, key.encode() * 3)
    cache.get("a")  # "b" is now the least recently used
    copy = pickle.loads(pickle.dumps(cache))
    assert copy.keys() == cache.keys() == ["b", "c", "a"] and copy.bytes == cache.bytes
    copy.put("d", b"d")
    assert copy.keys() == ["c", "a", "d"] and cache.keys() == ["b", "c", "a"]
    assert copy._lock is not cache._lock and copy._lock.acquire(blocking=False)
