"""What is built from one graph (question answering's indexes, page models, computed-once answers), kept on disk.

Everything :func:`kg.store.memo.per_store` builds is a function of the graph and of the code
that builds it, so a server that starts again on the same graph need not build it again: after
its warm-up, :func:`save` writes every value its store holds (:func:`kg.store.memo.held`) to one
file named by :func:`key` — the SHA-256 of the graph file's bytes, of every file under ``kg/``,
``queries/`` and ``article/``, of the Python version and of the libraries' versions — and the next
start on the same graph :func:`load`\\ s it into its fresh store instead (on the article graph
~0.1 s instead of ~1 s of building), with the word lists read from the libraries' files
(:func:`kg.store.memo.per_process`). Any change to the graph, the code or a library is another key,
so a stale snapshot is never read; one that cannot be read is passed over and built again.

The file is a pickle, so it is read only from a directory and a file that this user owns and no
one else may write (mode 0700 and 0600, checked before reading): whoever could write there could
already change the code it runs. The store itself is not in the file: it is written as a
reference and is the new store when read. Only a store loaded from a file has a digest; a remote
store is never snapshotted (its graph may change behind it).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from kg import paths
from kg.store import memo

log = logging.getLogger(__name__)

LIBRARIES = ("pyoxigraph", "simplemma", "lemminflect", "wordfreq", "rdflib", "PyYAML")
_CODE = Path(__file__).resolve().parent.parent  # kg/, wherever it is installed
KEEP = 4  # snapshots kept in a directory: the newest (one per graph and code version served lately)
_STORE = "store"
_code: list[str] = []


def code_digest() -> str:
    """The SHA-256 of every source file under ``kg/``, ``queries/`` and ``article/``, Python's and the libraries' versions."""
    if _code:
        return _code[0]
    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        try:
            digest.update(f"\0{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{name}=-".encode())
    for base in (_CODE, paths.QUERIES_DIR, paths.ARTICLE.parent):  # what the builders' results depend on
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"\0{base.name}/{path.relative_to(base)}\0".encode())
                digest.update(path.read_bytes())
    _code.append(digest.hexdigest())
    return _code[0]


def key(graph: Path) -> str:
    """The snapshot's name for the store loaded from ``graph``: its bytes' digest with :func:`code_digest`."""
    digest = hashlib.sha256(code_digest().encode())
    digest.update(hashlib.sha256(Path(graph).read_bytes()).digest())
    return digest.hexdigest()


class _Pickler(pickle.Pickler):
    def __init__(self, file, store):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._store = store

    def persistent_id(self, obj):
        return _STORE if obj is self._store else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, store):
        super().__init__(file)
        self._store = store

    def persistent_load(self, pid):
        if pid != _STORE:
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        return self._store


def _private(path: Path, directory: bool) -> bool:
    """Whether ``path`` is this user's and nobody else may write it (nor, for a directory, list or enter it)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    kind = stat.S_ISDIR if directory else stat.S_ISREG
    others = 0o077 if directory else 0o022
    return kind(st.st_mode) and st.st_uid == os.geteuid() and not st.st_mode & others


def path_for(directory: Path, name: str) -> Path:
    return Path(directory) / f"{name}.snapshot"


def load(store, directory: Path, name: str) -> int | None:
    """Give ``store`` the values kept under ``name`` in ``directory``; return how many, or None when there are none to read."""
    directory = Path(directory)
    path = path_for(directory, name)
    if not (_private(directory, True) and _private(path, False)):
        return None
    collecting = gc.isenabled()
    gc.disable()  # a million new objects, none of them garbage: the cycle collector would run ~100 times for nothing
    try:
        with open(path, "rb") as f:  # read as it is unpickled: no second copy of the file in memory (86 MB at 1M)
            kept = _Unpickler(f, store).load()
        values, by_process = kept["store"], kept["process"]
    except Exception as exc:  # noqa: BLE001 — a file that cannot be read is built again, whatever went wrong
        log.warning("snapshot %s not read (%s: %s); building again", path.name, type(exc).__name__, exc)
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(values, dict) or not isinstance(by_process, dict):
        return None
    return memo.hold(store, values) + memo.hold_by_process(by_process)


def save(store, directory: Path, name: str) -> Path | None:
    """Write what ``store`` holds under ``name`` in ``directory`` (made private if missing); return the file, or None."""
    directory = Path(directory)
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(directory, True):
            log.warning("snapshot directory %s is not private to this user (mode 0700): not written", directory)
            return None
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=".", suffix=".part")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as f:  # written as it is pickled: no copy of the whole in memory
                _Pickler(f, store).dump({"store": memo.held(store), "process": memo.held_by_process()})
        except BaseException:
            os.unlink(temporary)
            raise
        path = path_for(directory, name)
        os.replace(temporary, path)
        for old in sorted(directory.glob("*.snapshot"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
            old.unlink(missing_ok=True)
        return path
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.warning("snapshot not written (%s: %s)", type(exc).__name__, exc)
        return None
