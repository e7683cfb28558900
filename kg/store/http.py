"""HTTP to a triplestore, shared by the remote store and push: credentials, auth, one-line messages.

Credentials (``--user/--password`` or ``http://user:pass@host/``) go only into the HTTP auth
(Basic or Digest, as the server asks); every URL shown or logged is redacted first.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

import requests


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
