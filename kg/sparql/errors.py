"""Every way a query can fail, each with a ``kind`` that says why.

The domain names the failure; the web entrypoint decides what HTTP status each kind is
(``webapp/errors.py``), the command line what exit code. No error here knows about HTTP.
"""

from __future__ import annotations


class EngineError(Exception):
    """A query that cannot be answered; ``kind`` says why (see the subclasses)."""

    kind = "error"

    def __init__(self, message: str = "", kind: str | None = None):
        super().__init__(message)
        if kind is not None:
            self.kind = kind

    def to_dict(self) -> dict:
        return {"error": self.kind, "message": str(self)}


class QueryRefused(EngineError):
    """The query asks for something this read-only endpoint does not do (update, SERVICE, foreign graph).

    ``kind`` is ``refused`` (not done here), or ``forbidden`` for a query that would make the
    server open a connection (``SERVICE``).
    """

    kind = "refused"


class QuerySyntaxError(EngineError):
    """The query does not parse; ``line`` and ``column`` (1-based) say where it broke."""

    kind = "syntax"

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line = line
        self.column = column

    def to_dict(self) -> dict:
        return {**super().to_dict(), "line": self.line, "column": self.column}


class QueryTooComplex(QuerySyntaxError):
    """The query is nested too deep, or has too long a path or chain, for a parser to read safely."""

    kind = "too-complex"


class QueryTimeout(EngineError):
    """The query ran past the time limit and was stopped."""

    kind = "timeout"


class EngineBusy(EngineError):
    """No query process is free (every one busy, or as many queries waiting as may wait): retry shortly."""

    kind = "busy"


class TooManyQueries(EngineError):
    """The client runs as many queries at once as one client may; ``retry_after`` seconds is a fair wait."""

    kind = "rate-limited"
    retry_after = 1


class QueryCancelled(EngineError):
    """The client went away while its query ran; the query was stopped (nobody reads the answer)."""

    kind = "cancelled"


class NotAcceptable(EngineError, ValueError):
    """No offered format matches the request; ``offered`` lists the media types that can be sent."""

    kind = "not-acceptable"

    def __init__(self, message: str, offered: list[str]):
        super().__init__(message)
        self.offered = offered


class QueryError(ValueError):
    """A named query cannot be run as asked: ``unknown-query``, or a ``bad-parameter`` that ``param`` names."""

    kind = "bad-parameter"

    def __init__(self, message: str, param: str | None = None, kind: str | None = None):
        super().__init__(message)
        self.param = param
        if kind is not None:
            self.kind = kind
