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


def test_what_a_store_holds_is_read_out_whole_and_given_to_another():
    from kg.store.memo import held, hold

    built = per_store(lambda store: ["built for", id(store)])
    a, b = Store(), Store()
    value = built(a)
    values = held(a)
    assert value in values.values() and held(b) == {}
    assert hold(b, values) == len(values)
    assert built(b) is value  # taken, not built again
    assert hold(b, {"no.such.memo": 1}) == 0


def test_two_lambdas_of_one_module_keep_their_own_names():
    from kg.store.memo import held

    first = per_store(lambda store: "first")
    second = per_store(lambda store: "second")
    s = Store()
    first(s), second(s)
    assert sorted(v for v in held(s).values() if v in ("first", "second")) == ["first", "second"]


def test_a_value_of_the_libraries_is_built_once_per_process_and_can_be_given():
    from kg.store.memo import held_by_process, hold_by_process, per_process

    calls = []

    def table():
        calls.append(1)
        return {"word": "lemma"}

    made = per_process(table)
    assert made() is made() and calls == [1]
    name = next(k for k, v in held_by_process().items() if v is made())
    assert name.endswith("table")

    given = per_process(table)  # a second memo of the same builder (as in another process)
    assert hold_by_process({f"{name}#2": {"word": "kept"}}) == 1
    assert given() == {"word": "kept"} and calls == [1]


def test_a_value_not_kept_is_never_read_out():
    from kg.store.memo import held

    @per_store(kept=False)
    def unkept(store):
        return "holds what no snapshot can"

    kept = per_store(lambda store: "kept")
    s = Store()
    assert unkept(s) is unkept(s) and kept(s) == "kept"
    assert "kept" in held(s).values() and "holds what no snapshot can" not in held(s).values()
