"""The hostile clients of issue 14, shared by the attack tests and ``bench/hostile.py``.

* **Runaway queries**: clients, each from its own loopback address (127.0.0.2, .3, …), sending a
  cartesian-product query one at a time, again as soon as it is answered (a new text each time,
  so no cache answers it).
* **Header tricklers**: sockets (from 127.0.0.6) that send a request line, then one header line
  every 2 s and never finish; reconnecting when the server drops them (slowloris).
* A **measuring client** (127.0.0.1) whose requests are sent one after the other on fresh
  connections, each with its own timeout.

Every socket has a timeout and every thread is a daemon that ends with :meth:`Attack.stop`, so
a test or benchmark using them is bounded in time.
"""

from __future__ import annotations

import collections
import http.client
import socket
import threading
import time
from urllib.parse import urlencode, urlsplit

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
RUNAWAY_CLIENTS = tuple(f"127.0.0.{n}" for n in (2, 3, 4, 5))
TRICKLERS, TRICKLE_FROM, TRICKLE_EVERY = 50, "127.0.0.6", 2.0
VICTIM_FROM = "127.0.0.1"
JSON = "application/sparql-results+json"


def get(base: str, path: str, source: str = VICTIM_FROM, timeout: float = 60.0) -> tuple[object, float, str]:
    """One GET on a fresh connection from ``source``; returns (status or error name, seconds, body's start)."""
    parts = urlsplit(base)
    start = time.perf_counter()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(source, 0))
    body = ""
    try:
        conn.request("GET", path, headers={"Accept": JSON if "sparql" in path or "query" in path else "*/*"})
        response = conn.getresponse()
        body = response.read(2000).decode("utf-8", errors="replace")
        status: object = response.status
    except socket.timeout:
        status = "timeout"
    except (OSError, http.client.HTTPException) as exc:
        status = type(exc).__name__
    finally:
        conn.close()
    return status, time.perf_counter() - start, body


class Attack:
    """Runaway-query clients and header tricklers against ``base`` from :meth:`start` until :meth:`stop`.

    ``runaways`` collects what each runaway query got: (status, seconds, body's start).
    """

    def __init__(self, base: str, runaway_path: str = "/sparql?", clients=RUNAWAY_CLIENTS,
                 tricklers: int = TRICKLERS, request_timeout: float = 60.0):
        self.base, self.runaway_path, self.clients = base, runaway_path, tuple(clients)
        self.tricklers, self.request_timeout = tricklers, request_timeout
        self.running = threading.Event()
        self.runaways: list[tuple[object, float, str]] = []
        self.reconnects = 0
        self.connected = 0  # trickling sockets open now
        self.threads: list[threading.Thread] = []
        self.lock = threading.Lock()

    def _runaway(self, source: str) -> None:
        n = 0
        while self.running.is_set():
            n += 1
            path = self.runaway_path + urlencode({"query": f"{RUNAWAY}\n# {source} {n}"})
            answer = get(self.base, path, source, self.request_timeout)
            with self.lock:
                self.runaways.append(answer)

    def _trickle(self) -> None:
        parts = urlsplit(self.base)
        socks: list[socket.socket | None] = [None] * self.tricklers
        last = [0.0] * self.tricklers
        while self.running.is_set():
            now = time.monotonic()
            for i in range(self.tricklers):
                sock = socks[i]
                try:
                    if sock is None:
                        sock = socket.create_connection((parts.hostname, parts.port), timeout=5,
                                                        source_address=(TRICKLE_FROM, 0))
                        sock.setblocking(False)
                        sock.send(f"GET /healthz HTTP/1.1\r\nHost: {parts.hostname}\r\n".encode())
                        socks[i], last[i] = sock, now
                    elif now - last[i] >= TRICKLE_EVERY:
                        try:
                            if sock.recv(1, socket.MSG_PEEK) == b"":  # the server closed it
                                raise ConnectionResetError
                        except BlockingIOError:
                            pass
                        sock.send(f"X-Trickle-{int(now)}: x\r\n".encode())
                        last[i] = now
                except OSError:
                    if sock is not None:
                        sock.close()
                    socks[i] = None
                    with self.lock:
                        self.reconnects += 1
            self.connected = sum(s is not None for s in socks)
            time.sleep(0.05)
        for sock in socks:
            if sock is not None:
                sock.close()
        self.connected = 0

    def start(self) -> None:
        self.running.set()
        self.threads = [threading.Thread(target=self._runaway, args=(s,), daemon=True) for s in self.clients]
        if self.tricklers:
            self.threads.append(threading.Thread(target=self._trickle, daemon=True))
        for thread in self.threads:
            thread.start()

    def stop(self, wait: float = 1.0) -> None:
        """Stop sending; wait up to ``wait`` s for each thread (a runaway still waiting ends with its timeout)."""
        self.running.clear()
        for thread in self.threads:
            thread.join(timeout=wait)

    def __enter__(self) -> "Attack":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def measure(base: str, requests: dict[str, object], seconds: float, timeout: float = 15.0,
            pause: float = 0.05, source: str = VICTIM_FROM) -> dict[str, list]:
    """The measuring client: one thread per kind of request, each sending its requests one after the
    other for ``seconds``. ``requests`` maps a name to a path or a function returning a new path.

    Returns ``{name: [(status, seconds, body's start), …]}``; a request still waiting when the time is
    up is counted when it ends (at most ``timeout`` later).
    """
    samples: dict[str, list] = collections.defaultdict(list)
    stop_at = time.monotonic() + seconds

    def loop(name: str, path) -> None:
        while time.monotonic() < stop_at:
            samples[name].append(get(base, path() if callable(path) else path, source, timeout))
            time.sleep(pause)

    threads = [threading.Thread(target=loop, args=item, daemon=True) for item in requests.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + timeout + 5)
    return {name: samples[name] for name in requests}
