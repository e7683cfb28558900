"""A real HTTP server for an app, on a free loopback port, for as long as a ``with`` block lasts."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from webapp.front import die_with_parent  # the nginx front's own: a server a test starts dies with the run


@contextmanager
def serving(app) -> Iterator[str]:
    """Serve ``app`` with a threaded WSGI server on 127.0.0.1; yield its base URL; stop it on exit."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (for a server started as a subprocess)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen, timeout: float) -> None:
    """Stop a server started as a subprocess: terminate, and kill it if it has not gone in ``timeout`` s."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


@contextmanager
def kneekg_serve(*args: str, env: dict[str, str] | None = None, start_timeout: float = 120.0):
    """Run ``kneekg serve ARGS`` on a free port of 127.0.0.1 (in its own session); once /healthz answers
    yield ``(base URL, process, output())`` where ``output()`` is what it printed so far; stop it
    (SIGTERM, then SIGKILL) and every process it started on exit."""
    import requests

    port = free_port()
    kneekg = Path(sys.executable).with_name("kneekg")
    log = tempfile.TemporaryFile()
    process = subprocess.Popen([str(kneekg), "serve", "--host", "127.0.0.1", "--port", str(port), *args],
                               env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True, preexec_fn=die_with_parent)
    base = f"http://127.0.0.1:{port}"

    def output(tail: int | None = 4000) -> str:
        """What it printed so far: the last ``tail`` characters (all with None)."""
        log.seek(0)
        text = log.read().decode(errors="replace")
        return text if tail is None else text[-tail:]

    try:
        deadline = time.monotonic() + start_timeout
        while True:
            assert process.poll() is None, f"kneekg serve stopped:\n{output()}"
            assert time.monotonic() < deadline, f"kneekg serve did not answer within {start_timeout:g} s:\n{output()}"
            try:
                if requests.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.25)
        yield base, process, output
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()
