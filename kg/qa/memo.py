"""One memo per store: what question answering reads from a store once and keeps while it lives.

The graph is immutable while it is served, so an index built from it (labels, the lexicon, the
ontology's relations) or a look-up about one entity (its relations, its evidence statements)
stays right for the store's lifetime. Entries go when the store goes (weak keys).
"""

from __future__ import annotations

import threading
import weakref
from typing import Any, Callable, Hashable

_memos: "weakref.WeakKeyDictionary[object, dict]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def per_store(store, key: Hashable, build: Callable[[], Any]) -> Any:
    """The value memoised for ``(store, key)``, built by ``build()`` the first time.

    >>> class Store: pass
    >>> s = Store()
    >>> per_store(s, "x", lambda: [1]) is per_store(s, "x", lambda: [2])
    True
    """
    with _lock:
        memo = _memos.get(store)
        if memo is None:
            memo = _memos[store] = {}
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = build()
        return value
