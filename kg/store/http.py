"""HTTP to a triplestore, shared by the remote store and push: credentials, auth, one-line messages, deadlines.

Credentials (``--user/--password`` or ``http://user:pass@host/``) go only into the HTTP auth
(Basic or Digest, as the server asks); every URL shown or logged is redacted first.

**One deadline per request.** ``requests``' timeout bounds each read, so a server that trickles
a byte a second never times out. :func:`deadline` sets a point in time for the calling thread
(the web app sets one per HTTP request, a store per query; the earliest wins) and a session from
:func:`deadline_session` re-arms its sockets' timeout before every read and write with the time
left, so the whole exchange — connecting, sending, headers, body — ends by then.
"""

from __future__ import annotations

import os
import re
import socket
import ssl
import threading
import time
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import unquote, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_state = threading.local()


def current_deadline() -> float | None:
    """The calling thread's deadline (``time.monotonic()`` seconds), if one is set in this process.

    A deadline belongs to the process that set it: a process forked while one was set (a query
    process forked during a web request) does not inherit it, or every query it ran later would
    find it long past.
    """
    if getattr(_state, "pid", None) != os.getpid():
        return None
    return getattr(_state, "deadline", None)


def _set(at: float | None) -> None:
    _state.deadline, _state.pid = at, os.getpid()


def time_left(default: float) -> float:
    """Seconds until the calling thread's deadline (``default`` when none is set).

    >>> time_left(7.0)
    7.0
    >>> with deadline(5.0):
    ...     0 < time_left(60.0) <= 5.0
    True
    """
    at = current_deadline()
    return default if at is None else max(0.0, at - time.monotonic())


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Everything HTTP this thread does in the block ends within ``seconds`` (or an earlier deadline already set)."""
    previous = current_deadline()
    if seconds is not None:
        at = time.monotonic() + seconds
        _set(at if previous is None else min(previous, at))
    try:
        yield
    finally:
        _set(previous)


def set_deadline(seconds: float | None) -> None:
    """Set (or with None clear) the calling thread's deadline outside a ``with`` block (a web request's hooks)."""
    _set(None if seconds is None else time.monotonic() + seconds)


def _arm(sock: socket.socket) -> None:
    at = current_deadline()
    if at is None:
        return
    left = at - time.monotonic()
    if left <= 0:
        raise socket.timeout("the request's deadline passed")
    socket.socket.settimeout(sock, left)


class _Armed:
    """Every read and write of a socket gets the thread's time left as its timeout."""

    __slots__ = ()

    def recv_into(self, *args, **kwargs):
        _arm(self)
        return super().recv_into(*args, **kwargs)

    def recv(self, *args, **kwargs):
        _arm(self)
        return super().recv(*args, **kwargs)

    def send(self, *args, **kwargs):
        _arm(self)
        return super().send(*args, **kwargs)

    def sendall(self, *args, **kwargs):
        _arm(self)
        return super().sendall(*args, **kwargs)


class _DeadlineSocket(_Armed, socket.socket):
    """A plain socket with a deadline."""

    __slots__ = ()


class _DeadlineSSLSocket(_Armed, ssl.SSLSocket):
    """The same for a TLS socket (its reads and writes go through these methods too)."""


def _adopt(sock) -> None:
    if isinstance(sock, ssl.SSLSocket):
        sock.__class__ = _DeadlineSSLSocket
    elif type(sock) is socket.socket:
        sock.__class__ = _DeadlineSocket


class _Connection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _adopt(self.sock)


class _TLSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _adopt(self.sock)


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _TLSPool(HTTPSConnectionPool):
    ConnectionCls = _TLSConnection


class _DeadlineAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _TLSPool}


def deadline_session() -> requests.Session:
    """A ``requests.Session`` that keeps the calling thread's :func:`deadline` on every read and write."""
    session = requests.Session()
    adapter = _DeadlineAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def redact_url(url: str) -> str:
    """Drop the user and password from a URL, so it can be shown or logged.

    >>> redact_url("http://dba:secret@127.0.0.1:8890/sparql")
    'http://***@127.0.0.1:8890/sparql'
    >>> redact_url("http://example.org/sparql")
    'http://example.org/sparql'
    """
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, "***@" + host, parts.path, parts.query, parts.fragment))


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """Return ``url`` without its userinfo, and the user and password it carried."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, None, None
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    bare = urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return bare, unquote(parts.username), unquote(parts.password) if parts.password is not None else None


class ChallengeAuth(requests.auth.AuthBase):
    """HTTP auth that answers the server's challenge: Digest (Virtuoso's ``*-auth`` endpoints) or Basic."""

    def __init__(self, user: str, password: str):
        self.user = user
        self.password = password
        self._digest = requests.auth.HTTPDigestAuth(user, password)
        self._scheme: str | None = None

    def __call__(self, request):
        if self._scheme == "digest":
            return self._digest(request)
        if self._scheme == "basic":
            return requests.auth.HTTPBasicAuth(self.user, self.password)(request)
        request.register_hook("response", self._on_response)
        return request

    def _on_response(self, response, **kwargs):
        if response.status_code != 401 or self._scheme is not None:
            return response
        challenge = response.headers.get("www-authenticate", "").lower()
        self._scheme = "digest" if "digest" in challenge else "basic"
        response.content  # drain, so the connection can be reused
        response.close()
        request = response.request.copy()
        if self._scheme == "digest":
            # Let the digest handler see the challenge and answer it.
            self._digest.init_per_thread_state()
            self._digest._thread_local.num_401_calls = 1
            self._digest._thread_local.pos = None
            self._digest._thread_local.chal = requests.utils.parse_dict_header(
                response.headers["www-authenticate"].split(" ", 1)[1])
            request.headers["Authorization"] = self._digest.build_digest_header(request.method, request.url)
        else:
            requests.auth.HTTPBasicAuth(self.user, self.password)(request)
        new = response.connection.send(request, **kwargs)
        new.history.append(response)
        new.request = request
        return new


def server_message(response: requests.Response, limit: int = 200) -> str:
    """The first meaningful line of an error body (HTML tags dropped), shortened."""
    text = response.text if response.content else ""
    text = re.sub(r"<[^>]+>", " ", text)
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line[:limit] + ("…" if len(line) > limit else "")
    return response.reason or ""
