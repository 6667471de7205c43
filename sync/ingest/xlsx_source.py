"""A workbook report (.xlsx) as a RawReport: its first sheet, after checking that the zip
cannot exhaust the machine.

The sheet is read by python-calamine (the engine pandas itself uses for .xlsx) and turned
into a frame column by column: pandas' `read_excel` converts each of the ~900,000 cells of a
week's search-term report in Python, and reads text like "NA" or "null" (a customer's search
term, a campaign name) as missing, which a report's cell never means.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
from python_calamine import CalamineWorkbook

from ..errors import ReportError, UnknownReportError, msg
from ..findings import Finding
from .file_bytes import file_size
from .raw import RawReport, remove_controls

# Resource bounds (see file_bytes.MAX_FILE_BYTES).
MAX_XLSX_UNPACKED_BYTES = 1024 * 1024 * 1024  # all parts of a workbook, once unzipped
MAX_XLSX_PARTS = 10_000
MAX_XLSX_CELLS = 40_000_000  # rows x columns of a sheet, as a spreadsheet reader lays it out
_XLSX_ESCAPED_CONTROL = re.compile(rb"_x00[01][0-9A-Fa-f]_")  # how a workbook stores them


def load_xlsx(path: Path, blob: bytes, findings: list[Finding]) -> RawReport:
    escaped_controls = _check_zip(path, blob)
    try:
        sheets = first_sheet(blob)
    except Exception as exc:
        raise ReportError(
            path, msg("err:bad_xlsx", why=type(exc).__name__), fix=msg("err:fix_resave_xlsx")
        ) from None
    frame = sheets.dropna(how="all").reset_index(drop=True)
    frame = frame.dropna(axis=1, how="all")
    if frame.empty:
        raise ReportError(path, msg("err:first_sheet_empty"), fix=msg("err:fix_download_again"))
    header = [_cell_text(v) for v in frame.iloc[0].tolist()]
    data = frame.iloc[1:].reset_index(drop=True)
    data.columns = pd.RangeIndex(data.shape[1])
    raw = RawReport(path, "xlsx", "binary", header, data)
    if escaped_controls:
        remove_controls(raw)
    return raw


def first_sheet(blob: bytes) -> pd.DataFrame:
    """The workbook's first sheet from A1, every cell as an object: a number as int when it
    is whole and a date as a datetime (as pandas reads them), text as typed, and an empty
    cell as NaN."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(blob))
    rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    cells = np.empty((len(rows), len(rows[0]) if rows else 0), dtype=object)
    if cells.size:
        cells[:] = rows
        _convert(cells)
    return pd.DataFrame(cells, dtype=object)


_TYPE_OF = np.frompyfunc(type, 1, 1)


def _convert(cells: np.ndarray) -> None:
    """pandas' per-cell conversion of calamine's values, done on the whole grid at once."""
    kinds = _TYPE_OF(cells)
    cells[_is(kinds, str) & (cells == "")] = np.nan
    floats = _is(kinds, float)
    if floats.any():
        values = cells[floats].astype(float)
        whole = np.isfinite(values) & (values == np.trunc(values))
        at = np.argwhere(floats)[whole]
        cells[at[:, 0], at[:, 1]] = _objects([int(v) for v in values[whole]])
    days = _is(kinds, date)
    if days.any():
        cells[days] = _objects([datetime(d.year, d.month, d.day) for d in cells[days]])


def _is(kinds: np.ndarray, kind: type) -> np.ndarray:
    """Where the cells' types (from _TYPE_OF) are exactly `kind` (a subclass is not)."""
    return np.asarray(kinds == np.array(kind, dtype=object))


def _objects(values: list[object]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _check_zip(path: Path, blob: bytes) -> bool:
    """Refuse a zip bomb before anything inflates it; True when cells hold control characters.

    The sizes the zip declares are checked first (the workbook reader never inflates a part
    past its declared size). Then the parts holding cells are inflated in bounded memory, to
    bound the rows x columns of each sheet (see _SheetExtent) and to look for escaped
    control characters; a part that lies about its size fails its checksum.
    """
    damaged = ReportError(path, msg("err:damaged_xlsx"), fix=msg("err:fix_resave_xlsx"))
    try:
        zf = zipfile.ZipFile(io.BytesIO(blob))
        parts = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise damaged from None
    names = {i.filename for i in parts}
    if "mimetype" in names and b"opendocument" in _head(zf, "mimetype"):
        raise ReportError(path, msg("err:ods"), fix=msg("err:fix_ods"))
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise UnknownReportError(path, msg("err:zip"), fix=msg("err:fix_zip"))
    unpacked = sum(i.file_size for i in parts)
    if len(parts) > MAX_XLSX_PARTS or unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ReportError(
            path,
            msg(
                "err:unpacks_too_large",
                size=file_size(unpacked),
                parts=len(parts),
                limit=file_size(MAX_XLSX_UNPACKED_BYTES),
            ),
            fix=msg("err:fix_not_amazon_download"),
        )
    escaped = False
    try:
        for info in parts:
            sheet = bool(_WORKSHEET.match(info.filename))
            if not (sheet or info.filename == "xl/sharedStrings.xml"):
                continue
            extent = _SheetExtent(exact=False)
            for chunk in _chunks(zf, info):
                escaped = escaped or bool(_XLSX_ESCAPED_CONTROL.search(chunk))
                if sheet:
                    extent.feed(chunk)
            if sheet and extent.cells() > MAX_XLSX_CELLS:  # a bound: count exactly
                extent = _SheetExtent(exact=extent.plain)
                for chunk in _chunks(zf, info):
                    extent.feed(chunk)
                if extent.cells() > MAX_XLSX_CELLS:
                    raise ReportError(
                        path,
                        msg(
                            "err:sheet_too_large",
                            rows=f"{extent.rows:,}",
                            cols=f"{extent.cols:,}",
                            cells=f"{MAX_XLSX_CELLS:,}",
                        ),
                        fix=msg("err:fix_not_amazon_download"),
                    )
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError):
        raise damaged from None
    return escaped


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part's bytes in pieces that end just before a tag (so no tag is split), and a
    last piece that closes the last tag."""
    tail = b""
    with zf.open(info) as part:
        while chunk := part.read(1 << 20):
            data = tail + chunk
            cut = data.rfind(b"<")
            body, tail = (data, b"") if cut < 0 else (data[:cut], data[cut:])
            if len(tail) > 1 << 16:
                body, tail = data, b""  # no tag is that long
            yield body
    yield tail + b"<"


_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_ROW_REF = re.compile(rb'<row r="(\d+)')
_CELL_ROW = re.compile(rb'<c r="[A-Z]*(\d+)')
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]+)')
_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,})')
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")  # <x:c ...>: any namespace prefix
_ANY_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)\b([^>]*)>")
_REF_ATTR = re.compile(rb'\br="([A-Z]*)(\d*)"')


def _column_number(letters: bytes) -> int:
    """Spreadsheet column letters to a number: B -> 2, AA -> 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


class _SheetExtent:
    """How many rows and columns a spreadsheet reader lays out for a sheet, from its XML.

    Readers allocate every cell from A1 to the last row and column used, so one cell at
    XFD1048576 in a 5 KB file asks for 17 billion cells and kills the process (the
    allocation aborts; nothing can catch it). A first pass bounds the extent with counts
    and a few C-speed regexes (every row up to the next power of ten; cells without a
    reference as if all in one row); only a sheet over the limit is counted exactly, with
    regexes when every cell and row carries its reference (`<c r="B2"`), else tag by tag.
    """

    def __init__(self, *, exact: bool | None) -> None:
        self.exact = exact  # False: bound; True: exact by regex; None: exact tag by tag
        self.rows = 0
        self.cols = 0
        self._row_cap = 0  # bound mode: cells could reach this row unseen
        self._bare_rows = 0  # rows and cells without a reference, laid out one after another
        self._bare_cells = 0
        self._odd = False  # tags with a namespace prefix (<x:c ...>)
        self._in_data = False
        self._row = 0  # tag-by-tag state: the current row, the last column in it
        self._col = 0

    @property
    def plain(self) -> bool | None:
        """True when the exact count may use regexes, None when it must go tag by tag."""
        return True if not (self._odd or self._bare_rows or self._bare_cells) else None

    def cells(self) -> int:
        rows = max(self.rows, self._row_cap) + self._bare_rows
        return rows * (self.cols + self._bare_cells)

    def feed(self, body: bytes) -> None:
        if self.exact is None:
            self._tag_by_tag(body)
            return
        rows = _ROW_REF.findall(body)
        if rows:
            self.rows = max(self.rows, *map(int, rows))
        if self.exact:
            cell_rows = set(_CELL_ROW.findall(body))
            columns = set(_CELL_COLUMN.findall(body))
        else:
            self._odd = self._odd or bool(_PREFIXED.search(body))
            data = self._sheet_data(body)  # cells and rows live there, and nothing else
            refs = data.count(b'<c r="')
            self._bare_cells += data.count(b"<c") - refs
            self._bare_rows += data.count(b"<row") - len(rows)
            digits = len(str(max(self.rows, 1)))
            if refs:
                self._row_cap = max(self._row_cap, 10**digits - 1)
                self.cols = max(self.cols, 26)
            longer = re.compile(rb'<c r="[A-Z]*(\d{%d,})' % (digits + 1))
            cell_rows = set(longer.findall(body))
            columns = set(_WIDE_COLUMN.findall(body))
        if cell_rows:
            self.rows = max(self.rows, *map(int, cell_rows))
        if columns:
            self.cols = max(self.cols, *map(_column_number, columns))

    def _sheet_data(self, body: bytes) -> bytes:
        """The part of `body` inside <sheetData>...</sheetData> (kept across pieces)."""
        start = 0
        if not self._in_data:
            found = body.find(b"<sheetData")
            if found < 0:
                return b""
            self._in_data, start = True, found
        end = body.find(b"</sheetData>", start)
        if end >= 0:
            self._in_data = False
            return body[start:end]
        return body[start:] if start else body

    def _tag_by_tag(self, body: bytes) -> None:
        for m in _ANY_TAG.finditer(body):
            ref = _REF_ATTR.search(m.group(2))
            letters, digits = (ref.group(1), ref.group(2)) if ref else (b"", b"")
            if m.group(1) == b"row":
                self._row = int(digits) if digits else self._row + 1
                self._col = 0
            else:
                self._col = _column_number(letters) if letters else self._col + 1
                if digits:
                    self._row = max(self._row, int(digits))
            self.rows = max(self.rows, self._row)
            self.cols = max(self.cols, self._col)


def _head(zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        with zf.open(name) as part:
            return part.read(100)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError):
        return b""


def _cell_text(v: object) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    return str(v)
