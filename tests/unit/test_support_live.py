"""The servers tests start die with the test run that started them, even when it is killed before any teardown."""

import os
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.unit

PARENT = """
import subprocess, sys
from webapp.front import die_with_parent
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True,
                         preexec_fn=die_with_parent)
print(child.pid, flush=True)
import os, signal
os.kill(os.getpid(), signal.SIGKILL)  # a run killed by a timeout: no teardown, no stop()
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_server_started_by_a_killed_run_does_not_outlive_it():
    parent = subprocess.run([sys.executable, "-c", PARENT], capture_output=True, text=True, timeout=30,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    child = int(parent.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = _alive(child)
    if alive:
        os.kill(child, 9)
    assert not alive, "the child outlived its killed parent"
