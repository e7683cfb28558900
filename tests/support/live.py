"""A real HTTP server for an app, on a free loopback port, for as long as a ``with`` block lasts."""

from __future__ import annotations

import socket
import subprocess
import threading
from contextlib import contextmanager
from typing import Iterator


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
