"""The .xlsx file target (openpyxl): written whole to a temporary file, then renamed.

The file is streamed in openpyxl's write-only mode, so a large seller's data tabs cost about
what the data alone costs. Tabs fupan does not own are copied over with their values, number
formats and column widths; the previous file is kept as `<name>.bak`.

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
import warnings
import zipfile
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final
from weakref import WeakKeyDictionary

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from ..errors import ChangedError, WorkbookError
from ..locks import FileLock, checkpoint, fsync_dir, real_path, temp_name
from ..workbook.cells import FORMULA_LEADS, frame_values
from ..workbook.palette import FILLS, FONTS
from ..workbook.plan import Cell, FrameBlock, Sheet, Style, WorkbookPlan, cell_rows
from .base import STATE_SHEET, Grid, Target, state_of

PROVISIONAL_FONT = Font(italic=True, color="7F7F7F")


def _named_styles() -> list[NamedStyle]:
    def ns(name: str, fmt: str = "General", **kw: Any) -> NamedStyle:
        s = NamedStyle(name=f"fupan {name}", number_format=fmt)
        for k, v in kw.items():
            setattr(s, k, v)
        return s

    return [
        ns(Style.TITLE, font=Font(bold=True, size=16, color="1F4E79")),
        ns(
            Style.HEADER,
            font=Font(bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor="1F4E79"),
            alignment=Alignment(wrap_text=True, vertical="top"),
        ),
        ns(Style.NOTE, font=Font(italic=True, color="595959")),
        ns(Style.MONEY, "#,##0.00"),
        ns(Style.COUNT, "#,##0"),
        ns(Style.RATIO, "0.00%"),
        ns(Style.MULTIPLE, "0.00"),
        ns(Style.DAYS, "0"),
        ns(Style.DATE, "yyyy-mm-dd"),
        ns(Style.TEXT, "@"),
        ns(Style.INPUT, fill=PatternFill("solid", fgColor="FFF2CC")),
    ]


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
    raise WorkbookError(
        f'"{path.name}" kept changing while fupan read it; wait until it is saved and run '
        "again. Nothing was changed."
    )


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

    def _existing(self):
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
                    f'"{self.path.name}" cannot be read ({exc.strerror}); check its '
                    "permissions or pass another --workbook."
                ) from None
            if self._seen is UNREAD:
                self._seen = seen
            try:
                self._book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
                raise WorkbookError(
                    f'"{self.path.name}" is not a readable .xlsx workbook ({exc}); move it '
                    "away or pass another --workbook."
                ) from None
        return self._book

    def sheet_titles(self) -> list[str]:
        book = self._existing()
        return [] if book is None else list(book.sheetnames)

    def read_sheet(self, title: str) -> Grid | None:
        book = self._existing()
        if book is None or title not in book.sheetnames:
            return None
        return [list(r) for r in book[title].iter_rows(values_only=True)]

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
            what = "was moved away or deleted"
        elif self._seen is None:
            what = f"was created by someone else (at {now.when()})"
        else:
            what = f"was saved by someone else or another fupan run (at {now.when()})"
        raise ChangedError(
            f'"{self.path.name}" {what} after fupan read it, so fupan did not overwrite it: '
            "nothing is lost. Run the same command again to include that change.",
            where=self.path.name,
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
                raise WorkbookError(
                    f'"{self.path.name}" is open in a spreadsheet program ({lock.name} exists); '
                    "close it and run the sync again. Nothing was changed."
                )
        if self.path.exists():
            try:
                with self.path.open("r+b"):
                    pass
            except OSError as exc:
                raise WorkbookError(
                    f'"{self.path.name}" cannot be written ({exc.strerror}); close it in Excel '
                    "or check its permissions. Nothing was changed."
                ) from None

    def apply(self, plan: WorkbookPlan, *, keep: list[str], state: dict[str, str]) -> None:
        with self.lock():
            self._apply(plan, keep=keep, state=state)

    def _apply(self, plan: WorkbookPlan, *, keep: list[str], state: dict[str, str]) -> None:
        self.check_writable()
        wb = Workbook(write_only=True)
        for style in _named_styles():
            wb.add_named_style(style)
        for sheet in plan.sheets:
            self._write_sheet(wb, sheet)
        old = self._existing()
        for title in keep:
            if old is not None and title in old.sheetnames:
                self._copy_sheet(wb, old[title], title)
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
                    f'"{self.path.name}" cannot be replaced ({exc.strerror}); close it in '
                    "Excel and run again. Nothing was changed."
                ) from None
            checkpoint("replaced")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        fsync_dir(file.parent)
        self._seen = fingerprint(file)  # a second write by this target expects its own file

    def _write_sheet(self, wb: Workbook, sheet: Sheet) -> None:
        ws = wb.create_sheet(sheet.title)
        if sheet.tab_color:
            ws.sheet_properties.tabColor = sheet.tab_color
        if sheet.hidden:
            ws.sheet_state = "hidden"
        for col, width in sheet.widths.items():
            ws.column_dimensions[col].width = width
        if sheet.freeze:
            ws.freeze_panes = sheet.freeze
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if sheet.print_area:
            ws.print_area = sheet.print_area
        for rule in sheet.rules:
            ws.conditional_formatting.add(
                rule.ref,
                FormulaRule(
                    formula=[rule.formula],
                    fill=PatternFill("solid", bgColor=FILLS[rule.fill]),
                    font=Font(color=FONTS[rule.fill]),
                ),
            )
        for table in sheet.tables:
            t = Table(displayName=table.name, ref=table.ref, autoFilter=AutoFilter(ref=table.ref))
            t.tableColumns = [TableColumn(id=i + 1, name=c) for i, c in enumerate(table.columns)]
            t.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            with warnings.catch_warnings():
                # openpyxl warns in write-only mode even when the columns are given, as here.
                warnings.filterwarnings("ignore", "In write-only mode")
                ws.add_table(t)
        for chart in sheet.charts:
            ws.add_chart(_chart(chart), chart.anchor)
        frames = [b for b in sheet.blocks if isinstance(b, FrameBlock)]
        if frames:
            _stream(ws, frames[0])
            return
        rows = cell_rows(sheet.blocks)  # type: ignore[arg-type]
        _dimension(ws, rows)
        for row in rows:
            ws.append([_cell(ws, c) for c in row])

    def _copy_sheet(self, wb: Workbook, src, title: str) -> None:
        ws = wb.create_sheet(title)
        for key, dim in src.column_dimensions.items() if hasattr(src, "column_dimensions") else []:
            if dim.width:
                ws.column_dimensions[key].width = dim.width
        for row in src.iter_rows():
            out = []
            for c in row:
                cell = WriteOnlyCell(ws, value=getattr(c, "value", None))
                if getattr(c, "data_type", None) == "s":
                    cell.data_type = "s"  # the team's text stays text, even "=..." typed as text
                fmt = getattr(c, "number_format", None)
                if fmt:
                    cell.number_format = fmt
                out.append(cell)
            ws.append(out)

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


def _stream(ws, block: FrameBlock) -> None:
    """Rows of a data tab; text that looks like a formula is written as text."""
    values = frame_values(block.frame)
    _dimension(ws, values)
    ws.append([_cell(ws, Cell(v, style=Style.HEADER)) for v in values[0]])
    for row in values[1:]:
        # openpyxl gives plain dates the yyyy-mm-dd format itself: only text needs a cell.
        if any(isinstance(v, str) and v.startswith(FORMULA_LEADS) for v in row):
            row = [_as_text(ws, v) for v in row]
        ws.append(row)


def _dimension(ws, rows: Sequence[Sequence[Any]]) -> None:
    """Write the sheet's size up front, as Excel does (openpyxl's write-only mode leaves it
    out): a reader then sizes the tab from its first lines instead of parsing all of it, which
    was most of opening a large review to read back the team's edits."""
    width = max((len(r) for r in rows), default=0)
    if rows and width:
        ref = f"A1:{get_column_letter(width)}{len(rows)}"
        ws.calculate_dimension = lambda: ref


def _as_text(ws, v):
    if isinstance(v, str) and v.startswith(FORMULA_LEADS):
        cell = WriteOnlyCell(ws, value=v)
        cell.data_type = "s"
        return cell
    return v


# A workbook's style arrays by (style, number format, provisional): openpyxl registers a
# named style, number format and font per assignment, a third of the write of a large review;
# each combination is registered once and later cells take a copy of its array.
_STYLE_ARRAYS: WeakKeyDictionary[Workbook, dict[tuple[Any, ...], Any]] = WeakKeyDictionary()


def _cell(ws, c: Cell | None):
    if c is None:
        return None
    if c.formula is None and c.style is None and not c.text and not c.number_format:
        return c.value
    cell = WriteOnlyCell(ws, value=c.formula if c.formula is not None else c.value)
    if c.text:
        cell.data_type = "s"  # a shopper's `=HYPERLINK(...)` stays text
    styles = _STYLE_ARRAYS.setdefault(ws.parent, {})
    key = (c.style, c.number_format, c.provisional)
    known = styles.get(key)
    if known is not None:
        cell._style = copy(known)  # type: ignore[attr-defined]  # StyleableObject slot
        return cell
    if c.style is not None:
        cell.style = f"fupan {c.style}"
    if c.number_format:
        cell.number_format = c.number_format
    if c.provisional:
        cell.font = PROVISIONAL_FONT
    styles[key] = copy(cell._style)  # type: ignore[attr-defined]
    return cell


def _chart(spec):
    chart = LineChart() if spec.kind == "line" else BarChart()
    chart.title = spec.title
    chart.height, chart.width = 7.5, 16
    for title_ref, values in spec.series:
        s = Series(Reference(range_string=values), title_from_data=False)
        s.tx = SeriesLabel(strRef=StrRef(title_ref))
        chart.series.append(s)
    chart.set_categories(Reference(range_string=spec.categories))
    chart.y_axis.number_format = spec.y_format
    return chart
