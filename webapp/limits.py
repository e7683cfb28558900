"""What every request meets before any work is done, and who its client is.

* **Size limits, before anything is read.** A request target longer than ``MAX_URL_BYTES`` gets
  414 and a body larger than ``MAX_BODY_BYTES`` 413 (the ``Content-Length`` is checked before a
  byte of the body is read; a chunked body is cut at the limit by werkzeug), each saying the
  limit — in the app, so they hold behind any front; ``kneekg serve``'s nginx says the same
  before the request reaches Python.
* **The client's address.** Behind the server's own nginx every request comes from nginx; the
  address that counts (for the per-client query limit) is nginx's ``X-Real-IP`` — believed only
  when the request also carries the secret ``FRONT_TOKEN`` that nginx was configured with, so a
  client cannot claim another's address by sending the header itself.
* **One deadline per request.** Whatever a request asks of a remote SPARQL server (a page makes
  several queries) ends within ``QUERY_TIMEOUT`` in all (:func:`kg.store.http.deadline`).
* **A client that went away.** Under gunicorn, :func:`disconnected` tells a running query that
  its client closed the connection (nginx closes its side when its client leaves), so the query
  is stopped rather than run to its time limit for nobody.
"""

from __future__ import annotations

import hmac
import select
import socket
from typing import Callable

from flask import Flask, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from kg.store.http import set_deadline

from webapp import config as settings
from webapp.errors import protocol_error

FRONT_HEADER = "X-Kneekg-Front"
_FRONT_KEY = "HTTP_" + FRONT_HEADER.upper().replace("-", "_")


def _bytes(n: int) -> str:
    """A byte count as people read it.

    >>> _bytes(1 << 20), _bytes(65536), _bytes(1000)
    ('1,048,576 bytes (1 MiB)', '65,536 bytes (64 KiB)', '1,000 bytes')
    """
    for unit, size in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n:,} bytes ({n // size} {unit})"
    return f"{n:,} bytes"


def too_large_message(limit: int, length: int | None = None) -> str:
    if length:
        return f"the request body is {length:,} bytes; the limit is {_bytes(limit)}: send a shorter query"
    return f"the request body is larger than the limit of {_bytes(limit)}: send a shorter query"


def too_long_message(limit: int, length: int | None = None) -> str:
    sent = f"is {length:,} bytes; the limit is" if length else "is longer than the limit of"
    return (f"the request target (path and query string) {sent} {_bytes(limit)}: "
            "send a long query by POST (application/sparql-query or a form)")


def check_sizes():
    """``before_request``: 414 for a request target over the limit, 413 for a declared body over it."""
    config = current_app.config
    url_limit = int(settings.get(config, "MAX_URL_BYTES"))
    environ = request.environ
    target = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    length = len(target) if target is not None else \
        len(environ.get("PATH_INFO", "")) + 1 + len(environ.get("QUERY_STRING", ""))
    if url_limit and length > url_limit:
        return protocol_error(414, too_long_message(url_limit, length))
    body_limit = int(settings.get(config, "MAX_BODY_BYTES"))
    declared = request.content_length
    if body_limit and declared is not None and declared > body_limit:
        response = protocol_error(413, too_large_message(body_limit, declared))
        response.headers["Connection"] = "close"  # the body is not read: the connection cannot be reused
        return response
    return None


def too_large(error: RequestEntityTooLarge):
    """A body that turned out larger than the limit while it was read (chunked, or a form field)."""
    return protocol_error(413, too_large_message(int(settings.get(current_app.config, "MAX_BODY_BYTES"))))


def client_address() -> str:
    """Who sent the current request: nginx's X-Real-IP when it comes from our nginx, else the peer address."""
    return address_of(current_app.config, request.environ)


def address_of(config, environ) -> str:
    """:func:`client_address` of a WSGI ``environ`` under an app's ``config`` (for code outside a request context)."""
    token = config.get("FRONT_TOKEN")
    if token:
        real = environ.get("HTTP_X_REAL_IP")
        sent = environ.get(_FRONT_KEY, "")
        if real and hmac.compare_digest(sent.encode(), str(token).encode()):
            return real
    return environ.get("REMOTE_ADDR") or "unknown"


def disconnected() -> Callable[[], bool] | None:
    """A test of whether the current request's client closed its connection (None when the server cannot tell)."""
    sock = request.environ.get("gunicorn.socket")
    if not isinstance(sock, socket.socket):
        return None
    try:
        fileno = sock.fileno()
    except OSError:
        return None

    def gone() -> bool:
        try:
            poller = select.poll()
            poller.register(fileno, select.POLLIN | select.POLLPRI)
            events = poller.poll(0)
            if not events:
                return False
            if any(flag & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, flag in events):
                return True
            return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False
        except OSError:
            return True

    return gone


def init_app(app: Flask) -> None:
    """Check sizes before every request; let werkzeug cut bodies (and form fields) at the same limit."""
    limit = int(settings.get(app.config, "MAX_BODY_BYTES")) or None
    app.config["MAX_CONTENT_LENGTH"] = limit
    app.config["MAX_FORM_MEMORY_SIZE"] = limit
    app.before_request(check_sizes)
    timeout = float(settings.get(app.config, "QUERY_TIMEOUT"))
    app.before_request(lambda: set_deadline(timeout))
    app.teardown_request(lambda error: set_deadline(None))
    app.register_error_handler(RequestEntityTooLarge, too_large)
