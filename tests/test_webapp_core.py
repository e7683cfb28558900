"""The app factory, health check and home page; and `kneekg serve` as a real server."""

import os
import socket
import subprocess
import sys
import time

import requests


def test_healthz_answers_once_the_graph_is_loaded(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_home_shows_counts_and_the_not_medical_advice_note(client):
    html = client.get("/").get_data(as_text=True)
    assert "not medical advice" in html
    assert "entities" in html


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_kneekg_serve_binds_loopback_and_serves_healthz():
    port = free_port()
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--port", str(port), "--workers", "1"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except requests.ConnectionError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start in 60 s"
                time.sleep(0.2)
        assert response.status_code == 200
        assert response.json()["status"] == "ok"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
