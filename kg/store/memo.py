"""Remember what is built from one store (an index, a label table, page models) for as long as the store lives.

The graph behind a store never changes while it is served, so anything computed from it alone
can be built once per store. :func:`per_store` turns such a builder into a memo keyed weakly on
the store: a store that is dropped takes its entries with it (unless a value holds its store, as
a page-model reader does — then both live as long as the process, as the served store does).
A build runs once even when several threads ask at the same time: they wait for the first.

Every memo is registered by its builder's qualified name, so what one store holds can be read
out whole (:func:`held`) and given to another store loaded from the same graph (:func:`hold`):
:mod:`kg.store.snapshot` keeps it on disk per graph digest, so a server's start does not build
it again. :func:`per_process` is the same for a value built from the libraries alone (a word list
read from a library's files), once per process, kept in the same snapshot.
"""

from __future__ import annotations

import functools
import threading
import weakref
from typing import Callable, TypeVar

V = TypeVar("V")

_MEMOS: dict[str, "weakref.WeakKeyDictionary[object, object]"] = {}
_UNKEPT: dict[str, "weakref.WeakKeyDictionary[object, object]"] = {}  # per_store(kept=False)
_PROCESS: dict[str, list] = {}  # name → [] or [value]


def _name(build, known) -> str:
    name = f"{build.__module__}.{getattr(build, '__qualname__', type(build).__name__)}"
    count = sum(1 for other in known if other == name or other.startswith(name + "#"))
    return f"{name}#{count + 1}" if count else name  # two lambdas of one module: in definition order


def per_store(build: Callable[[object], V] | None = None, *, kept: bool = True):
    """Return ``build`` memoised per store (keyed weakly, built once under a lock); ``kept=False`` (as
    ``@per_store(kept=False)``): never read out by :func:`held` (a value that holds what no snapshot can).

    >>> class Store: pass
    >>> calls = []
    >>> size = per_store(lambda store: calls.append(store) or len(calls))
    >>> a, b = Store(), Store()
    >>> size(a), size(a), size(b), len(calls)
    (1, 1, 2, 2)
    """
    if build is None:
        return lambda function: per_store(function, kept=kept)
    memo: "weakref.WeakKeyDictionary[object, V]" = weakref.WeakKeyDictionary()
    lock = threading.RLock()
    (_MEMOS if kept else _UNKEPT)[_name(build, _MEMOS if kept else _UNKEPT)] = memo

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


def held(store) -> dict[str, object]:
    """Every value built for ``store`` so far, by its memo's name.

    >>> class Store: pass
    >>> twice = per_store(lambda store: 2)
    >>> s = Store()
    >>> _ = twice(s)
    >>> held(s)["kg.store.memo.<lambda>"]
    2
    """
    return {name: memo[store] for name, memo in _MEMOS.items() if store in memo}


def hold(store, values: dict[str, object]) -> int:
    """Give ``store`` the values :func:`held` read from another store of the same graph; return how many were taken.

    A name no memo has any more (the code changed) is passed over; a value already built for ``store`` is kept.
    """
    taken = 0
    for name, value in values.items():
        memo = _MEMOS.get(name)
        if memo is not None and store not in memo:
            memo[store] = value
            taken += 1
    return taken


def per_process(build: Callable[[], V]) -> Callable[[], V]:
    """Return ``build`` (no argument: a value of the libraries alone) memoised once per process, under a lock.

    >>> calls = []
    >>> table = per_process(lambda: calls.append(1) or {"a": 1})
    >>> table() is table(), len(calls)
    (True, 1)
    """
    box: list = []
    lock = threading.Lock()
    _PROCESS[_name(build, _PROCESS)] = box

    @functools.wraps(build)
    def get() -> V:
        if box:
            return box[0]
        with lock:
            if not box:
                box.append(build())
            return box[0]

    return get


def held_by_process() -> dict[str, object]:
    """Every :func:`per_process` value built so far, by name."""
    return {name: box[0] for name, box in _PROCESS.items() if box}


def hold_by_process(values: dict[str, object]) -> int:
    """Take the :func:`per_process` values :func:`held_by_process` read in another process; return how many were taken."""
    taken = 0
    for name, value in values.items():
        box = _PROCESS.get(name)
        if box is not None and not box:
            box.append(value)
            taken += 1
    return taken
