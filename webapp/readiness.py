"""Question answering's indexes are built before the first question, never inside it.

``kneekg serve`` builds them once at start, before it forks (:func:`webapp.server.warm`), or reads
them from its snapshot (:mod:`kg.store.snapshot`). When the store does not answer then (a remote
SPARQL server that is down), each server process builds them in a thread of its own as soon as the
store answers, trying again every few seconds; until then ``/readyz`` is 503 saying so, and a
question gets 503 with ``Retry-After`` at once — no request builds them (on a remote server that
took 2.5–5 s inside the first question). An app that is not served by ``kneekg serve`` (a test's,
``kneekg ask``'s) builds them on its first question, as before: :func:`pending` is then None.
"""

from __future__ import annotations

import logging
import threading

from kg.sparql.errors import EngineError

log = logging.getLogger(__name__)

BUILDING = "question answering's indexes are being built"


class Questions:
    """Whether question answering's indexes are built for one app's store, and the thread that builds them."""

    def __init__(self) -> None:
        self.ready = threading.Event()
        self.reason = BUILDING
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def prepare(self, store) -> bool:
        """Build them now; True when built, False (and why, in :meth:`pending`) when the store does not answer."""
        from kg.qa.ask import prepare

        try:
            prepare(store)
        except (EngineError, OSError) as exc:
            self.reason = f"{BUILDING} once the store answers ({exc})"
            return False
        self.ready.set()
        return True

    def prepare_in_background(self, store, pause: float = 1.0, longest: float = 10.0) -> None:
        """Unless built, build them in a daemon thread, trying again after ``pause`` (doubling up to ``longest``) s."""
        if self.ready.is_set() or self._thread is not None:
            return

        def build() -> None:
            wait = pause
            while not self._stop.is_set() and not self.prepare(store):
                log.warning("%s; trying again in %.0f s", self.reason, wait)
                self._stop.wait(wait)
                wait = min(longest, wait * 2)

        self._thread = threading.Thread(target=build, name="kg-questions", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop trying (tests)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def pending(self) -> str | None:
        """None when built, else why questions cannot be answered yet."""
        return None if self.ready.is_set() else self.reason
