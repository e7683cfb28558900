"""kg.store.memo: one value per store, built once even under concurrent first use, forgotten with the store."""

from __future__ import annotations

import gc
import threading
import time

from kg.store.memo import per_store


class Store:
    """Any object a memo may key on (stores are ordinary, weakly referenceable objects)."""


def test_one_build_per_store():
    calls = []
    memo = per_store(lambda store: calls.append(store) or object())
    a, b = Store(), Store()
    assert memo(a) is memo(a) and memo(b) is not memo(a)
    assert calls == [a, b]


def test_concurrent_first_use_builds_once():
    calls = []

    def slow(store):
        calls.append(store)
        time.sleep(0.05)
        return object()

    memo = per_store(slow)
    store, results = Store(), []
    threads = [threading.Thread(target=lambda: results.append(memo(store))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(calls) == 1 and len({id(r) for r in results}) == 1 and len(results) == 8


def test_a_dropped_store_takes_its_value_with_it():
    built = []
    memo = per_store(lambda store: built.append(1) or [len(built)])
    store = Store()
    memo(store)
    del store
    gc.collect()
    assert memo(Store()) == [2]  # a new store gets a new value; the old one is gone
