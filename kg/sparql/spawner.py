"""The spawner: one single-threaded process that forks the query processes, and kills, renices and reaps them.

* **Forked before the server's threads.** The pool (:mod:`kg.sparql.pool`) forks the spawner when
  it is made, so a replacement query process is never forked from a process whose other threads
  may hold locks. The spawner lets go of the sockets and pipes it inherited but keeps their numbers
  taken (:func:`release_inherited_connections`), so no inherited object can close a query process's
  channel.
* **No pid is trusted after its process ends.** Once a process is reaped its pid may be another
  process's. The spawner sends the server, with each query process's socket, a *pidfd* on it (opened
  while the process is its unreaped child, so it is that process): the server kills through it, and
  a process that has ended cannot be signalled — a stranger never is. The spawner reaps a query
  process only once the server has let go of it (``RELEASE``), so until then its pid still names it,
  and the spawner, its parent, is the one that lowers its priority by pid (``DEMOTE``). Without pidfds
  (Linux before 5.3) the server asks the spawner to kill (``KILL``).
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import threading
from multiprocessing.connection import Connection
from typing import Callable

DEMOTED_NICE = 19
SPAWN, RELEASE, KILL, DEMOTE = b"s", b"r", b"k", b"n"  # the spawner's commands, each followed by a pid (8 bytes)


def release_inherited_connections(keep: set[int]) -> None:
    """Let go of the sockets and pipes a forked process inherited (clients' connections, other workers' pipes).

    Otherwise a connection the parent has closed stays open here, and whoever waits for its end (an HTTP
    client, a browser driver) waits for ever. Each is replaced by /dev/null, not closed: the objects that
    owned them are inherited too (a store's HTTP session, which the remote store replaces in a new process;
    garbage the parent had not yet collected) and close their number when they are finalised here. A
    closed number would be the next socket's — a query process's channel to its server — and that
    finaliser would cut it: the query process ended before it answered, and so did the fresh one it was
    retried on, forked from the same image (a 500 for a cheap query). Regular files (an on-disk store) stay.
    """
    import stat

    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 1024))
    devnull = os.open(os.devnull, os.O_RDWR | os.O_CLOEXEC)
    try:
        for fd in fds:
            if fd < 3 or fd in keep or fd == devnull:
                continue
            try:
                mode = os.fstat(fd).st_mode
            except OSError:
                continue
            if stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode):
                try:
                    os.dup2(devnull, fd, inheritable=False)  # the connection is let go; its number stays taken
                except OSError:
                    pass
    finally:
        os.close(devnull)


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (a query must not outlive its server)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _reaped(pid: int) -> bool:
    """Reap ``pid`` if it has ended (never waits); whether it is gone."""
    try:
        return os.waitpid(pid, os.WNOHANG)[0] != 0
    except ChildProcessError:
        return True


def _main(control: socket.socket, serve: Callable[[Connection], None]) -> None:
    """Serve the server's commands from ``control``: fork a query process (and send back its pid, its pidfd
    and its end of a socket pair), kill or renice one, reap one the server has let go of.

    Query processes are reaped only once released, so a pid the server holds always names its process.
    It ends when ``control`` closes (its server process ended); its query processes die with it.
    """
    release_inherited_connections({control.fileno()})
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # no reaping behind the server's back (SIG_IGN would)
    released: set[int] = set()
    while True:
        try:
            request = control.recv(9, socket.MSG_WAITALL)
        except OSError:
            request = b""
        if len(request) != 9:
            os._exit(0)
        command, pid = request[:1], int.from_bytes(request[1:], "big")
        if command == SPAWN:
            _spawn(control, serve)
        elif command in (RELEASE, KILL):
            if command == KILL:
                try:
                    os.kill(pid, signal.SIGKILL)  # our unreaped child: the pid is exact
                except ProcessLookupError:
                    pass
            released.add(pid)
        elif command == DEMOTE and pid not in released:
            try:
                os.setpriority(os.PRIO_PROCESS, pid, DEMOTED_NICE)
            except OSError:
                pass
        released = {pid for pid in released if not _reaped(pid)}


def _spawn(control: socket.socket, serve: Callable[[Connection], None]) -> None:
    """Fork one query process; send the server its pid, its end of a socket pair and a pidfd on it."""
    ours, theirs = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        try:
            control.close()
            ours.close()
            die_with_parent()
            serve(Connection(theirs.detach()))
        finally:
            os._exit(0)
    theirs.close()
    fds = [ours.fileno()]
    try:
        fds.append(os.pidfd_open(pid))  # our unreaped child: this pid is that process
    except (AttributeError, OSError):  # no pidfd (Linux before 5.3): the server asks us to kill it instead
        pass
    try:
        socket.send_fds(control, [pid.to_bytes(8, "big")], fds)
    except OSError:
        os._exit(0)
    finally:
        for fd in fds[1:]:
            os.close(fd)
        ours.close()


class Spawner:
    """The single-threaded process that forks the query processes (see the module's note); each serves
    its channel with ``serve`` (it runs in the query process, and the process ends when it returns)."""

    def __init__(self, serve: Callable[[Connection], None]):
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            try:
                ours.close()
                _main(theirs, serve)
            finally:
                os._exit(0)
        theirs.close()
        self.pid = pid
        self._control = ours
        self._lock = threading.Lock()

    def spawn(self) -> tuple[int, Connection, int | None]:
        """A fresh query process: its pid, its channel and a pidfd on it (None where Linux has none)."""
        with self._lock:
            self._control.sendall(SPAWN + bytes(8))
            message, fds, _, _ = socket.recv_fds(self._control, 8, 2)
        if len(message) != 8 or not fds:
            for fd in fds:
                os.close(fd)
            raise OSError("the query process spawner stopped")
        return int.from_bytes(message, "big"), Connection(fds[0]), fds[1] if len(fds) > 1 else None

    def tell(self, command: bytes, pid: int) -> None:
        """Send the spawner one command about query process ``pid`` (no answer awaited)."""
        with self._lock:
            try:
                self._control.sendall(command + pid.to_bytes(8, "big"))
            except OSError:  # the spawner has ended, and its query processes with it
                pass

    def stop(self) -> None:
        try:
            self._control.close()  # the spawner reads EOF and exits
        except OSError:
            pass
        try:
            os.kill(self.pid, signal.SIGKILL)  # our child, reaped only just below: the pid is exact
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
