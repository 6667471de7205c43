"""The lock every fupan process takes before it replaces a file (sync/locks.py)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from fupan.sync.errors import BusyError
from fupan.sync.locks import FileLock
from fupan.sync.targets.xlsx import XlsxTarget
from openpyxl import load_workbook
from target_contract import small_plan

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kills a process with SIGKILL")

HOLD = """
import sys, time
from fupan.sync.locks import FileLock
FileLock(sys.argv[1]).acquire()
print("held", flush=True)
time.sleep(60)
"""


@pytest.fixture
def holder(tmp_path):
    """Another fupan process that holds the lock of review.xlsx (until killed)."""
    path = tmp_path / "review.xlsx"
    XlsxTarget(path).apply(small_plan(1.0), keep=[], state={})
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield path, proc
    proc.kill()
    proc.wait()
    proc.stdout.close()


def test_a_write_waits_a_bounded_time_then_names_who_holds_the_lock(holder, monkeypatch):
    path, proc = holder
    monkeypatch.setenv("FUPAN_LOCK_WAIT", "0.5")
    started = time.monotonic()
    with pytest.raises(BusyError) as exc:
        XlsxTarget(path).apply(small_plan(2.0), keep=[], state={})
    assert time.monotonic() - started < 5
    message = str(exc.value)
    assert f"pid {proc.pid} on {socket.gethostname()}, since " in message
    assert "waited 0 s" in message or "waited 1 s" in message
    assert "Nothing was changed" in message
    assert load_workbook(path)["Dashboard"]["A2"].value == 1


def test_the_lock_of_a_killed_run_is_taken_over_at_once(holder, monkeypatch):
    path, proc = holder
    proc.send_signal(signal.SIGKILL)  # kill -9: no clean-up ran
    proc.wait()
    assert path.with_name("review.xlsx.fupan-lock").exists()  # left behind
    monkeypatch.setenv("FUPAN_LOCK_WAIT", "0")
    XlsxTarget(path).apply(small_plan(2.0), keep=[], state={})
    assert load_workbook(path)["Dashboard"]["A2"].value == 2
    assert not path.with_name("review.xlsx.fupan-lock").exists()


def test_a_write_waits_for_the_holder_to_finish(holder, monkeypatch):
    path, proc = holder
    monkeypatch.setenv("FUPAN_LOCK_WAIT", "30")
    threading.Timer(0.5, proc.terminate).start()  # the other run finishes in half a second
    XlsxTarget(path).apply(small_plan(2.0), keep=[], state={})
    assert load_workbook(path)["Dashboard"]["A2"].value == 2


def test_a_lock_is_re_entrant_in_one_process_and_shared_by_links(tmp_path):
    path = tmp_path / "review.xlsx"
    link = tmp_path / "link.xlsx"
    link.symlink_to(path)
    with FileLock(path) as outer:
        with FileLock(link, wait=0):  # the same file through a link: the same lock
            XlsxTarget(link).apply(small_plan(), keep=[], state={})
        assert outer.path.exists()
    assert not outer.path.exists()
