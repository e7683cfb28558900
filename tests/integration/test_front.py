"""``kneekg serve`` with nginx in front of gunicorn (webapp/front.py): what is too large is refused in
front, slow clients cost only themselves, the client's address is believed only from our nginx, and
stopping the server stops nginx and removes the instance's private directory."""

from __future__ import annotations

import os
import re
import socket
import time
from pathlib import Path

import pytest
import requests

from tests.support.attack import Attack, get, measure
from tests.support.live import kneekg_serve
from tests.support.sysdeps import missing_dependency
from webapp.front import FrontError, find_nginx

ENV = {"KG_QUERY_TIMEOUT": "2"}


def _require_nginx() -> None:
    try:
        find_nginx()
    except FrontError as exc:
        missing_dependency(str(exc))


@pytest.fixture(scope="module")
def served():
    _require_nginx()
    with kneekg_serve("--front", "nginx", "--workers", "1", env=ENV) as (base, process, output):
        yield base, process, output


def _runtime_dir(output) -> Path:
    """The instance's private directory, from gunicorn's line about where it listens."""
    match = re.search(r"Listening at: unix:(\S+)/app\.sock", output())
    assert match, output()
    return Path(match.group(1))


def test_nginx_answers_in_front_of_the_app(served):
    base, _, output = served
    response = requests.get(base + "/healthz", timeout=10)
    assert response.status_code == 200 and response.json()["status"] == "ok"
    assert response.headers["Server"] == "nginx"  # server_tokens off: no version
    assert "nginx in front of gunicorn" in output()
    directory = _runtime_dir(output)
    assert (directory / "app.sock").is_socket() and (directory / "nginx.conf").is_file()
    assert os.stat(directory).st_mode & 0o007 == 0  # nothing for other users
    assert (directory / "nginx.conf").stat().st_mode & 0o077 == 0  # it holds the front's secret


def test_a_20_mb_body_is_refused_in_front_with_the_limit(served):
    base, _, _ = served
    body = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * (20 << 20)
    response = requests.post(base + "/sparql", data=body, timeout=30,
                             headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413
    assert "1,048,576 bytes" in response.text and response.headers["Content-Type"].startswith("text/plain")


def test_a_request_target_over_the_limit_is_414_with_the_limit(served):
    base, _, _ = served
    response = requests.get(base + "/sparql", params={"query": "ASK {}" + " " * (70 << 10)}, timeout=30)
    assert response.status_code == 414
    assert "65,536 bytes" in response.text


def test_slow_clients_hold_no_app_thread(served):
    """50 sockets trickling header lines (slowloris) against one worker: every other request still answers."""
    base, _, _ = served
    with Attack(base, clients=(), tricklers=50) as attack:
        deadline = time.monotonic() + 10
        while attack.connected < 50 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert attack.connected == 50
        samples = measure(base, {"health": "/healthz", "page": "/id/knee-muscle-spasm",
                                 "query": "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"}, seconds=4)
    for name, rows in samples.items():
        assert rows, name
        assert all(status == 200 for status, _, _ in rows), (name, [r[:2] for r in rows if r[0] != 200][:5])


def test_nginx_closes_a_request_whose_headers_never_end(served):
    """client_header_timeout: a trickling socket is answered 408, closed or reset, never kept for ever."""
    base, _, _ = served
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        deadline = time.monotonic() + 25
        closed = False
        while time.monotonic() < deadline:
            try:
                sock.sendall(b"X-Slow: 1\r\n")
            except OSError:
                closed = True
                break
            sock.settimeout(2)
            try:
                data = sock.recv(100)
                closed = data == b"" or data.startswith(b"HTTP/1.1 408")
                if closed:
                    break
            except socket.timeout:
                pass
            except OSError:  # reset (reset_timedout_connection)
                closed = True
                break
        assert closed


def test_stopping_the_server_stops_nginx_and_removes_its_directory():
    _require_nginx()
    with kneekg_serve("--front", "nginx", "--workers", "1", env=ENV) as (base, process, output):
        directory = _runtime_dir(output)
        nginx_pid = int((directory / "nginx.pid").read_text())
        assert get(base, "/healthz")[0] == 200
    assert process.returncode is not None
    assert not directory.exists()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{nginx_pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{nginx_pid}").exists(), "nginx outlived the server"


def test_a_port_in_use_is_refused_before_the_graph_is_loaded():
    import subprocess
    import sys

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        kneekg = Path(sys.executable).with_name("kneekg")
        result = subprocess.run([str(kneekg), "serve", "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"127.0.0.1:{port} is in use" in result.stderr


def test_without_a_front_gunicorn_serves_alone():
    """``--front none`` (what ``auto`` falls back to without nginx, with a warning): the app still serves."""
    with kneekg_serve("--front", "none", "--workers", "1", env=ENV) as (base, _, output):
        response = requests.get(base + "/healthz", timeout=10)
        assert response.status_code == 200
        assert response.headers.get("Server", "").startswith("gunicorn")
        assert "gunicorn alone, no front" in output()
