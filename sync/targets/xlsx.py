"""The .xlsx file target (openpyxl): written whole to a temporary file, then renamed.

The file is streamed in openpyxl's write-only mode (tabs: xlsx_sheets.py); tabs fupan does
not own are copied over; the previous file is kept as `<name>.bak`. Tabs are read back by
scanning their XML (xlsx_scan.py), as openpyxl reads them; openpyxl reads what the scan is
unsure of.

A write never loses an edit saved after fupan read the file: under the file's lock
(sync/locks.py), right before the rename, the file's size, modification time and content
hash are compared with what was read, and a file that changed is not replaced (ChangedError).
The temporary file and the folder are fsynced around the rename; a symlink is written
through to its target and stays a link.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final

from openpyxl import Workbook, load_workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from ..errors import ChangedError, WorkbookError, msg
from ..locks import FileLock, checkpoint, fsync_dir, real_path, temp_name
from ..workbook.plan import WorkbookPlan
from .base import STATE_SHEET, Grid, Target, state_of
from .xlsx_columns import read_columns
from .xlsx_scan import Chooser, scan_rows
from .xlsx_sheets import copy_sheet, named_styles, write_sheet
from .xlsx_xml import Unsure


class _Unread:
    def __repr__(self) -> str:
        return "UNREAD"


UNREAD: Final = _Unread()  # a target that has not looked at its file yet


@dataclass(frozen=True)
class Fingerprint:
    """What a file was when fupan read it: any save by anyone changes one of these."""

    size: int
    mtime_ns: int
    sha256: str

    def when(self) -> str:
        return datetime.fromtimestamp(self.mtime_ns / 1e9).strftime("%H:%M:%S")


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint now (None when there is no file)."""
    try:
        return _snapshot(path)[1]
    except FileNotFoundError:
        return None


def _snapshot(path: Path) -> tuple[bytes, Fingerprint]:
    """The file's bytes and their fingerprint, read while nobody was saving it."""
    for _ in range(20):
        before = os.stat(path)
        data = path.read_bytes()
        after = os.stat(path)
        stable = (before.st_size, before.st_mtime_ns, before.st_ino) == (
            after.st_size,
            after.st_mtime_ns,
            after.st_ino,
        )
        if stable and len(data) == after.st_size:
            digest = hashlib.sha256(data).hexdigest()
            return data, Fingerprint(after.st_size, after.st_mtime_ns, digest)
    raise WorkbookError(msg("err:book_kept_changing", file=path.name))


class XlsxTarget(Target):
    """An .xlsx file. `expect` is the fingerprint a write must still find (see `reopen`)."""

    def __init__(self, path: str | Path, *, expect: Fingerprint | _Unread | None = UNREAD) -> None:
        self.path = Path(path)
        self.name = str(self.path)
        self.key = str(real_path(self.path))
        self._book: Workbook | None = None
        self._seen: Fingerprint | _Unread | None = expect

    @property
    def file(self) -> Path:
        """The file written: the path itself, or a symlink's target."""
        return real_path(self.path)

    @property
    def location(self) -> Path:
        return self.path

    def exists(self) -> bool:
        return self.path.exists()

    def reopen(self) -> XlsxTarget:
        """A fresh reader of the same file that still guards what this one read."""
        return XlsxTarget(self.path, expect=self._seen)

    # Reading ----------------------------------------------------------------------------

    def _existing(self) -> Workbook | None:
        if self._book is None:
            file = self.file
            try:
                data, seen = _snapshot(file)
            except FileNotFoundError:
                if self._seen is UNREAD:
                    self._seen = None
                return None
            except OSError as exc:
                raise WorkbookError(
                    msg("err:book_unreadable", file=self.path.name, why=exc.strerror)
                ) from None
            if self._seen is UNREAD:
                self._seen = seen
            try:
                self._book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
                raise WorkbookError(
                    msg("err:book_not_xlsx", file=self.path.name, why=exc)
                ) from None
        return self._book

    def sheet_titles(self) -> list[str]:
        book = self._existing()
        return [] if book is None else list(book.sheetnames)

    def read_sheet(self, title: str) -> Grid | None:
        book = self._existing()
        if book is None or title not in book.sheetnames:
            return None
        ws = book[title]
        if isinstance(ws, ReadOnlyWorksheet):
            try:
                return scan_rows(ws)  # the tab's XML scanned, as openpyxl would read it
            except Unsure:
                pass
        return [list(r) for r in ws.iter_rows(values_only=True)]

    def read_columns(self, title: str, head: int, choose: Chooser) -> Grid | None:
        """The tab's first `head` rows whole, then only the columns `choose` picks from them
        (see xlsx_columns.py): what a team edits in one column of a large tab."""
        book = self._existing()
        if book is None or title not in book.sheetnames:
            return None
        ws = book[title]
        assert isinstance(ws, ReadOnlyWorksheet)  # a chartsheet is no tab of fupan's
        return read_columns(ws, head, choose)

    def read_state(self) -> dict[str, str]:
        return state_of(self.read_sheet(STATE_SHEET))

    # Writing ----------------------------------------------------------------------------

    def lock(self) -> FileLock:
        """The file's lock, to hold (`with target.lock():`) across a read and its write."""
        self.file.parent.mkdir(parents=True, exist_ok=True)
        return FileLock(self.path)

    def changed(self) -> bool:
        """Whether the file was saved by someone else since fupan read it."""
        return self._seen is not UNREAD and fingerprint(self.file) != self._seen

    def check_unchanged(self) -> None:
        if self._seen is UNREAD:
            return  # written without being read: there is no edit to lose
        now = fingerprint(self.file)
        if now == self._seen:
            return
        if now is None:
            what = msg("err:book_moved")
        elif self._seen is None:
            what = msg("err:book_created", when=now.when())
        else:
            what = msg("err:book_saved", when=now.when())
        raise ChangedError(
            msg("err:book_changed", file=self.path.name, what=what), where=self.path.name
        )

    def preflight(self) -> None:
        self.check_writable()  # before any work: a file open in Excel changes nothing at all

    def check_writable(self) -> None:
        """Refuse when Excel or LibreOffice has the file open (their lock files say so)."""
        locks = []
        for path in dict.fromkeys([self.path, self.file]):
            locks += [path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")]
        for lock in locks:
            if lock.exists():
                raise WorkbookError(msg("err:book_open", file=self.path.name, lock=lock.name))
        if self.path.exists():
            try:
                with self.path.open("r+b"):
                    pass
            except OSError as exc:
                raise WorkbookError(
                    msg("err:book_unwritable", file=self.path.name, why=exc.strerror)
                ) from None

    def apply(self, plan: WorkbookPlan, *, keep: list[str], state: dict[str, str]) -> None:
        with self.lock():
            self._apply(plan, keep=keep, state=state)

    def _apply(self, plan: WorkbookPlan, *, keep: list[str], state: dict[str, str]) -> None:
        self.check_writable()
        wb = Workbook(write_only=True)
        for style in named_styles():
            wb.add_named_style(style)
        for sheet in plan.sheets:
            write_sheet(wb, sheet)
        old = self._existing()
        for title in keep:
            if old is not None and title in old.sheetnames:
                kept = old[title]
                # a read-only book's tabs (a chartsheet has no cells to copy)
                assert isinstance(kept, ReadOnlyWorksheet)
                copy_sheet(wb, kept, title)
        st = wb.create_sheet(STATE_SHEET)
        st.sheet_state = "hidden"
        for k, v in sorted(state.items()):
            st.append([k, v])
        for name, ref in plan.names.items():
            wb.defined_names[name] = DefinedName(name, attr_text=ref)
        file = self.file
        fd, tmp = tempfile.mkstemp(prefix=temp_name(file), dir=file.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                checkpoint("temp created")
                wb.save(out)
                out.flush()
                os.fsync(out.fileno())
            checkpoint("temp written")
            if self._book is not None:
                self._book.close()
                self._book = None
            if file.exists():
                mode = file.stat().st_mode & 0o777
                _backup(file)
            else:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(tmp, mode)  # mkstemp makes 0600 files; keep the workbook's own mode
            self.check_writable()  # opened in Excel meanwhile?
            self.check_unchanged()  # saved by someone meanwhile? (last look before rename)
            try:
                os.replace(tmp, file)
            except PermissionError as exc:  # Windows: opened in Excel a moment ago
                raise WorkbookError(
                    msg("err:book_unreplaceable", file=self.path.name, why=exc.strerror)
                ) from None
            checkpoint("replaced")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        fsync_dir(file.parent)
        self._seen = fingerprint(file)  # a second write by this target expects its own file

    def close(self) -> None:
        """Done with the file: used again, the target reads it afresh."""
        if self._book is not None:
            self._book.close()
            self._book = None
        self._seen = UNREAD

    # Meeting snapshots: dated copies beside the other snapshots -----------------------------

    def earlier_snapshot(self, folder: Path, before: date) -> tuple[date, XlsxTarget] | None:
        if not folder.exists():
            return None
        earlier = sorted(
            p for p in folder.glob(f"{self.path.stem}-*.xlsx") if p.stem[-10:] < before.isoformat()
        )
        if not earlier:
            return None
        last = earlier[-1]
        return date.fromisoformat(last.stem[-10:]), XlsxTarget(last)

    def snapshot(self, folder: Path, day: date, *, drive_folder: str | None = None) -> Path:
        """`<folder>/<name>-<day>.xlsx`: the minutes point at the numbers the meeting saw."""
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"{self.path.stem}-{day.isoformat()}{self.path.suffix}"
        shutil.copy2(self.path, out)
        return out


def _backup(file: Path) -> None:
    """`<name>.bak`: the file as it is now, swapped in atomically (a hard link when possible)."""
    bak = file.with_name(file.name + ".bak")
    fd, tmp = tempfile.mkstemp(prefix=temp_name(bak), dir=file.parent)
    os.close(fd)
    try:
        os.unlink(tmp)
        try:
            os.link(file, tmp)
        except OSError:  # no hard links here (FAT, some network shares): a copy
            shutil.copy2(file, tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
        checkpoint("backup made")
        os.replace(tmp, bak)
    finally:
        # Also after a rename that did nothing: when the .bak is already a link to the same
        # file (a run stopped between its backup and its rename), POSIX leaves both names.
        Path(tmp).unlink(missing_ok=True)
    checkpoint("backup kept")
