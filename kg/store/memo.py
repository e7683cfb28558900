"""Remember what is built from one store (an index, a label table, page models) for as long as the store lives.

The graph behind a store never changes while it is served, so anything computed from it alone
can be built once per store. :func:`per_store` turns such a builder into a memo keyed weakly on
the store: a store that is dropped takes its entries with it (unless a value holds its store, as
a page-model reader does — then both live as long as the process, as the served store does).
A build runs once even when several threads ask at the same time: they wait for the first.
"""

from __future__ import annotations

import functools
import threading
import weakref
from typing import Callable, TypeVar

V = TypeVar("V")


def per_store(build: Callable[[object], V]) -> Callable[[object], V]:
    """Return ``build`` memoised per store (keyed weakly, built once under a lock).

    >>> class Store: pass
    >>> calls = []
    >>> size = per_store(lambda store: calls.append(store) or len(calls))
    >>> a, b = Store(), Store()
    >>> size(a), size(a), size(b), len(calls)
    (1, 1, 2, 2)
    """
    memo: "weakref.WeakKeyDictionary[object, V]" = weakref.WeakKeyDictionary()
    lock = threading.RLock()

    @functools.wraps(build)
    def get(store) -> V:
        try:
            return memo[store]
        except KeyError:
            pass
        with lock:
            try:
                return memo[store]
            except KeyError:
                value = memo[store] = build(store)
                return value

    return get
