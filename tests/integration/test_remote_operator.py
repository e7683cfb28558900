"""Remote mode as an operator expects (issue 14): the app starts while its SPARQL server is down, /healthz
is liveness and /readyz asks the server; a server that trickles bytes is cut at one deadline per
request; an answer that is not SPARQL is a 502 in our words, the server's text only in our log.

The misbehaving servers are small socket servers on 127.0.0.1, started and stopped by each test.
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

import pytest

from kg.store.remote import RemoteError, RemoteStore, RemoteTimeout
from tests.support.live import free_port

SECRET = "internal-backend-detail-7f3a"


@contextmanager
def fake_server(answer):
    """A loopback server calling ``answer(conn)`` for each connection (after reading the request head); yields its URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        try:
            conn.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            answer(conn, stop)
        except OSError:
            pass
        finally:
            conn.close()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def trickle(conn: socket.socket, stop: threading.Event) -> None:
    """Headers promising a long JSON body, then one byte every 0.2 s for up to 30 s."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 1000\r\n\r\n")
    end = time.monotonic() + 30
    while time.monotonic() < end and not stop.is_set():
        conn.sendall(b" ")
        time.sleep(0.2)


def html_page(conn: socket.socket, stop: threading.Event) -> None:
    """A 200 that is not SPARQL: a proxy's HTML error page."""
    page = f"<html><body>Gateway says: {SECRET}</body></html>".encode()
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + str(len(page)).encode()
                 + b"\r\nConnection: close\r\n\r\n" + page)


def test_the_app_starts_while_its_server_is_down_and_says_so_on_readyz():
    from webapp import create_app

    app = create_app({"TESTING": True, "SPARQL_ENDPOINT": f"http://127.0.0.1:{free_port()}/sparql",
                      "QUERY_TIMEOUT": 2})
    client = app.test_client()
    assert client.get("/healthz").status_code == 200  # alive: it answers requests
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json["status"] == "unavailable"
    assert ready.json["reason"] and ready.headers["Retry-After"]


def test_a_trickling_server_is_cut_at_one_deadline_not_per_read():
    """Each byte arrives well within the 1 s limit; the whole answer never does: a timeout, not a hang."""
    with fake_server(trickle) as url:
        store = RemoteStore(url, timeout=1.0)
        with pytest.raises(RemoteTimeout):  # per read, it would read 30 s, then fail on the short body
            store.query("ASK { ?s ?p ?o }")


def test_a_non_sparql_answer_is_a_502_in_our_words(caplog):
    from webapp import create_app

    with fake_server(html_page) as url:
        with pytest.raises(RemoteError) as raised:
            RemoteStore(url, timeout=5).query("ASK { ?s ?p ?o }")
        assert SECRET not in str(raised.value)
        app = create_app({"TESTING": True, "SPARQL_ENDPOINT": url, "QUERY_TIMEOUT": 5, "QUERY_WORKERS": 0})
        client = app.test_client()
        for path in ("/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D", "/api/queries/causes-of?condition=kg:dehydration"):
            response = client.get(path)
            assert response.status_code == 502, (path, response.status_code)
            assert SECRET not in response.get_data(as_text=True)


@pytest.mark.oxigraph
def test_kneekg_serve_started_while_its_server_is_down_answers_questions_once_it_is_up(tmp_path):
    """The server starts (no traceback); until its SPARQL server answers, /readyz and a question say why (503, at
    once); then each server process builds question answering's indexes in the background, /readyz turns 200 and
    questions are answered — none of them built inside a request."""
    import subprocess

    import requests

    from kg import paths
    from tests.support.live import die_with_parent, kneekg_serve, stop
    from tests.support.oxigraph import oxigraph_binary
    from tests.support.sysdeps import missing_dependency

    binary = oxigraph_binary()
    if binary is None:
        missing_dependency("the Oxigraph server (PyPI oxigraph) is not installed")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}/query"
    question = {"q": "What causes knee twitching?"}
    with kneekg_serve("--endpoint", endpoint, "--front", "none", "--workers", "2",
                      env={"KG_QUERY_TIMEOUT": "5"}) as (base, _, output):
        ready = requests.get(base + "/readyz", timeout=10)
        assert ready.status_code == 503 and ready.json()["reason"]
        early = requests.get(base + "/api/ask", params=question, timeout=10)
        assert early.status_code == 503 and early.headers["Retry-After"] and "not yet" in early.json()["error"]
        subprocess.run([binary, "load", "--location", str(tmp_path / "db"), "--file",
                        str(paths.RELEASE_DIR / paths.GRAPH_NQ)], check=True, capture_output=True, timeout=120)
        backend = subprocess.Popen([binary, "serve-read-only", "--location", str(tmp_path / "db"), "--bind",
                                    f"127.0.0.1:{port}", "--union-default-graph"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True, preexec_fn=die_with_parent)
        try:
            deadline = time.monotonic() + 90
            while requests.get(base + "/readyz", timeout=10).status_code != 200:
                assert time.monotonic() < deadline, f"never ready:\n{output()}"
                time.sleep(0.5)
            answered = 0
            for n in range(40):  # each worker builds its own: one still building says "not yet", never fails
                answer = requests.get(base + "/api/ask", params={"q": question["q"] + " " * n}, timeout=10)
                if answer.status_code == 503 and "not yet" in answer.json()["error"]:
                    time.sleep(0.5)
                    continue
                assert answer.status_code == 200 and answer.json()["answered"], output()
                answered += 1
                if answered == 4:
                    break
            assert answered == 4, output()
        finally:
            stop(backend, 10)
