"""One writer per file: the lock every fupan process takes before it replaces a file.

The lock is `<file>.fupan-lock` beside the real file (a symlink's target), locked with the
operating system's own file lock (`flock` on Linux and macOS, `msvcrt.locking` on Windows).
The kernel drops that lock when its process ends, even under `kill -9`, so a crashed run
never leaves a lock that blocks the next one: the leftover file is simply locked again. The
holder writes its pid, host, command and start time into the file, so a run that has to
wait can say who is writing and since when. Waiting is bounded (`FUPAN_LOCK_WAIT` seconds,
30 by default), then the run stops with that message and changes nothing.

A lock is re-entrant inside one process: `fupan actions sync` holds the workbook from its
read to its last write, and the workbook refresh it calls takes the same lock again.

`checkpoint(step)` marks each step of a write. Tests run fupan as a real process with
`FUPAN_KILL_AT=N`, and it kills itself (SIGKILL) at its N-th step; `FUPAN_STEP_LOG=FILE`
appends each step's name to FILE, so a test can count the steps of a clean run first.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import ClassVar

from .errors import BusyError, WorkbookError, msg

LOCK_SUFFIX = ".fupan-lock"
TEMP_MARK = ".fupan-tmp-"
DEFAULT_WAIT = 30.0

_steps = 0


def checkpoint(step: str) -> None:
    """A step of a write (see the module's docstring): free unless a test asks for a kill."""
    global _steps
    _steps += 1
    log = os.environ.get("FUPAN_STEP_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {_steps} {step}\n")
    if os.environ.get("FUPAN_KILL_AT") == str(_steps):
        os.kill(os.getpid(), signal.SIGKILL)


def real_path(path: str | Path) -> Path:
    """The file a path names, through symlinks (a link to the workbook stays a link)."""
    return Path(os.path.realpath(path))


def temp_name(path: Path) -> str:
    """The prefix of fupan's temporary files for `path`, beside it (same filesystem)."""
    return f".{path.name}{TEMP_MARK}"


def remove_leftovers(path: Path) -> list[Path]:
    """Temporary files a killed run left beside `path`; call only while holding its lock."""
    removed = []
    for name in (path.name, path.name + ".bak"):
        for leftover in path.parent.glob(f".{name}{TEMP_MARK}*"):
            try:
                leftover.unlink()
                removed.append(leftover)
            except FileNotFoundError:
                pass
    return removed


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    since: float
    command: str

    def describe(self) -> str:
        when = datetime.fromtimestamp(self.since).strftime("%Y-%m-%d %H:%M:%S")
        return f"`{self.command}` (pid {self.pid} on {self.host}, since {when})"


def _me() -> Holder:
    command = "fupan " + " ".join(a for a in sys.argv[1:3] if not a.startswith("-"))
    return Holder(os.getpid(), socket.gethostname(), time.time(), command.strip())


def _read_holder(fd: int) -> Holder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096).decode("utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), float(data["since"]), data["command"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # being written right now, or not ours


# sys.platform (os.name "nt" is the same machine): type checkers read it, and check the
# branch of the platform they check for.
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError as exc:
            # A network share without locks: go on unlocked. The check right before the
            # rename (targets/xlsx.py) still refuses a file someone changed meanwhile.
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL):
                return True
            raise

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_wait() -> float:
    try:
        return float(os.environ.get("FUPAN_LOCK_WAIT", DEFAULT_WAIT))
    except ValueError:
        return DEFAULT_WAIT


class FileLock:
    """The lock of one file (by its real path); a context manager, re-entrant per process."""

    _held: ClassVar[dict[Path, tuple[int, int]]] = {}  # lock path -> (fd, depth), this process

    def __init__(self, path: str | Path, *, wait: float | None = None) -> None:
        self.file = real_path(path)
        self.path = self.file.with_name(self.file.name + LOCK_SUFFIX)
        self.wait = lock_wait() if wait is None else wait
        self.depth = 0

    def acquire(self) -> FileLock:
        held = FileLock._held.get(self.path)
        if held is not None:
            FileLock._held[self.path] = (held[0], held[1] + 1)
            self.depth += 1
            return self
        deadline = time.monotonic() + self.wait
        holder: Holder | None = None
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError as exc:
                raise WorkbookError(
                    msg("err:lock_create", file=self.file.name, lock=self.path, why=exc.strerror)
                ) from None
            if _try_lock(fd):
                if self._still_there(fd):
                    break
            else:
                holder = _read_holder(fd) or holder
            os.close(fd)  # locked by another run, or removed by it as we opened it
            if time.monotonic() >= deadline:
                who = holder.describe() if holder else msg("err:lock_someone")
                raise BusyError(
                    msg(
                        "err:lock_busy",
                        file=self.file.name,
                        who=who,
                        wait=f"{self.wait:.0f}",
                        lock=self.path.name,
                    )
                )
            time.sleep(0.05)
        me = json.dumps(_me().__dict__).encode("utf-8")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, me)
        FileLock._held[self.path] = (fd, 1)
        self.depth += 1
        remove_leftovers(self.file)  # nobody else writes this file now: temps are leftovers
        checkpoint("lock taken")
        return self

    def _still_there(self, fd: int) -> bool:
        """The lock file we locked is the one at the path (a releasing run may unlink it)."""
        if os.name != "posix":
            return True
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path))
        except FileNotFoundError:
            return False

    def release(self) -> None:
        if self.depth == 0:
            return
        self.depth -= 1
        fd, depth = FileLock._held[self.path]
        if depth > 1:
            FileLock._held[self.path] = (fd, depth - 1)
            return
        del FileLock._held[self.path]
        try:
            if os.name == "posix":
                self.path.unlink(missing_ok=True)  # while still locked: see _still_there
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> FileLock:
        return self.acquire()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        while self.depth:
            self.release()


__all__ = ["FileLock", "checkpoint", "fsync_dir", "real_path", "remove_leftovers"]
