"""Start and stop servers for the HTTP benchmarks: ours under gunicorn, and load generation with wrk."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from bench.common import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, timeout: float = 60, proc: subprocess.Popen | None = None) -> float:
    """Wait until ``url`` answers (any HTTP status); return the seconds waited."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return time.perf_counter() - start
        except urllib.error.HTTPError:
            return time.perf_counter() - start
        except OSError:
            time.sleep(0.02)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def stop(proc: subprocess.Popen) -> None:
    """Stop a server we started (its whole process group), politely then firmly."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=5)


@contextmanager
def ours(workers: int | None = None, graph: Path | None = None, log: Path | None = None, endpoint: str | None = None,
         front: str = "auto", settings: dict | None = None, root: Path = ROOT, startup_timeout: float = 120):
    """Our app as ``kneekg serve`` runs it (nginx in front of gunicorn gthread when nginx is installed) on
    127.0.0.1 (no access log), on the embedded store or ``endpoint``, with ``settings`` (app settings, e.g.
    ``{"QUERIES_PER_CLIENT": 0}``) over the defaults; yields ``(base_url, startup_seconds, proc)``.
    ``root``: the source tree whose app is served (another revision's, exported, to compare with);
    ``startup_timeout``: seconds it may take to answer (a first start on a large graph makes its tables)."""
    port = free_port()
    entries = [f"{key!r}: {value!r}" for key, value in (settings or {}).items()]
    if graph:
        entries.append(f"'GRAPH_PATH': __import__('pathlib').Path({str(graph)!r})")
    if endpoint:
        entries.append(f"'SPARQL_ENDPOINT': {endpoint!r}")
    config = "{" + ", ".join(entries) + "}" if entries else "None"
    code = (f"from webapp.server import run; run(host='127.0.0.1', port={port}, workers={workers!r}, "
            f"config={config}, accesslog=None, front={front!r})")
    out = open(log, "w") if log else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=root, stdout=out, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", timeout=startup_timeout, proc=proc)
        yield f"http://127.0.0.1:{port}", time.perf_counter() - start, proc
    finally:
        stop(proc)
        if log:
            out.close()


_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def _seconds(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")


def wrk(url: str, threads: int = 2, connections: int = 8, duration: int = 10, script: Path | None = None,
        script_args: tuple[str, ...] = (), timeout: int = 2) -> dict:
    """Run ``wrk --latency`` against ``url`` (with a Lua ``script`` and its arguments if given); return
    requests/s, p50, p99 (s) and error counts. ``timeout`` is wrk's per-request timeout in seconds."""
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is not installed (Debian package wrk; `make bench` installs it)")
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", f"--timeout={timeout}s", "--latency"]
    cmd += ["-s", str(script)] if script else []
    cmd += [url] + (["--", *script_args] if script_args else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + timeout + 60)
    out = proc.stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    requests = re.search(r"(\d+) requests in", out)
    return {
        "rps": float(rps.group(1)) if rps else float("nan"),
        "p50": _seconds(p50.group(1)) if p50 else float("nan"),
        "p99": _seconds(p99.group(1)) if p99 else float("nan"),
        "requests": int(requests.group(1)) if requests else 0,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(g) for g in errors.groups()) if errors else 0,
        "socket_detail": errors.group(0) if errors else "",
    }
