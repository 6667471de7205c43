"""Opening the history store's DuckDB file: waiting for another process to let go of it
($FUPAN_STORE_WAIT), and saying which process holds it or why the system refused."""

from __future__ import annotations

import errno
import os
import re
import time
from pathlib import Path

import duckdb

from ..errors import Msg, StoreError, StoreLockedError, UsageError, msg

WAIT_ENV = "FUPAN_STORE_WAIT"
DEFAULT_WAIT = 30.0  # seconds a command waits for another process to let go of the store


def lock_wait(wait: float | None = None) -> float:
    """Seconds to wait for the store: `wait`, else $FUPAN_STORE_WAIT, else 30."""
    if wait is not None:
        return max(0.0, wait)
    text = os.environ.get(WAIT_ENV, "").strip()
    if not text:
        return DEFAULT_WAIT
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:  # also refuses nan
        raise UsageError(msg("err:store_wait", env=WAIT_ENV, text=text))
    return seconds


_LOCK = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


def connect(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Connect, retrying with back-off while another process holds the file's lock."""
    deadline = time.monotonic() + wait
    pause = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            text = str(exc)
            if "Could not set lock" not in text and "Conflicting lock" not in text:
                raise open_failed(path, read_only, exc) from None
            left = deadline - time.monotonic()
            if left <= 0:
                raise StoreLockedError(_held(path, read_only, text, wait)) from None
            time.sleep(min(pause, left))
            pause = min(pause * 2, 1.0)
        except duckdb.ConnectionException as exc:
            if "different configuration" not in str(exc):
                raise open_failed(path, read_only, exc) from None
            mode = msg("err:store_mode_read" if not read_only else "err:store_mode_write")
            raise StoreError(msg("err:store_open_twice", path=path, mode=mode)) from None
        except duckdb.Error as exc:
            raise open_failed(path, read_only, exc) from None


def _held(path: Path, read_only: bool, text: str, wait: float) -> Msg:
    """Who holds the store, and what to do about it."""
    found = _LOCK.search(text)
    if found is None:
        holder, pid = msg("err:store_holder_unknown"), None
    else:
        pid = int(found["pid"])
        name = _command_line(pid) or found["program"]
        holder = msg("err:store_holder", pid=pid, name=name)
    # A writer is refused by a reader too; DuckDB then says reading is still possible.
    writing = read_only or "read-only mode" not in text
    return msg(
        "err:store_in_use",
        path=path,
        what=msg("err:store_held_writing" if writing else "err:store_held_reading", who=holder),
        waited=msg("err:store_waited", wait=f"{wait:g}") if wait else "",
        env=WAIT_ENV,
        fix=msg("err:store_fix_wait" if writing else "err:store_fix_close"),
        kill=msg("err:store_kill", pid=pid) if pid is not None else "",
    )


def _command_line(pid: int) -> str:
    """The command line of process `pid` when the system shows it (Linux), else ""."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    words = [w.decode(errors="replace") for w in raw.split(b"\0") if w]
    if not words:
        return ""
    words[0] = Path(words[0]).name
    if len(words) > 1 and words[0].startswith("python") and words[1].endswith("fupan"):
        words = ["fupan", *words[2:]]  # python …/bin/fupan sync: the fupan command
    line = " ".join(" ".join(words).split())  # a `python -c` script on one line
    return line if len(line) <= 200 else line[:197] + "..."


def system_reason(exc: BaseException) -> str | None:
    """The operating system's words for a failed read or write ("No space left on device")."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return os.strerror(exc.errno)
    text = str(exc)
    for code in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT, errno.EIO, errno.EFBIG):
        if os.strerror(code) in text:
            return os.strerror(code)
    return None


def open_failed(path: Path, read_only: bool, exc: duckdb.Error) -> StoreError:
    reason = system_reason(exc)
    detail = reason or re.sub(r"^[A-Za-z ]+Error: ", "", str(exc)).rstrip(".!")
    denied = reason in (os.strerror(errno.EACCES), os.strerror(errno.EROFS))
    if denied and read_only:
        fix = "err:store_fix_readable"
    elif denied:
        fix = "err:store_fix_writable"
    elif reason == os.strerror(errno.ENOSPC):
        fix = "err:store_fix_space"
    else:
        fix = "err:store_fix_damaged"
    return StoreError(msg("err:store_cannot_open", path=path, detail=detail, fix=msg(fix)))
