"""Some columns of an .xlsx tab, read without converting the other cells.

Reading back a note column of a 2,000-ASIN tab through openpyxl's read-only worksheet turns
each of its 90,000 cells into a value. The first rows are read whole (the headers say which
columns are wanted) and, below them, only the wanted cells; the grid has the shape
`iter_rows(values_only=True)` gives, with None in the other columns (a tab without its size
written has rows that end at their last cell read). The tab's XML is scanned (xlsx_scan.py);
a tab that scan is unsure of is read by openpyxl's own sheet parser, below.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from openpyxl.utils import column_index_from_string
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

from .xlsx_scan import Chooser, Row, scan_rows
from .xlsx_xml import Unsure

_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_DIGITS = "0123456789"


class _ColumnParser(WorkSheetParser):
    """openpyxl's parser, reading rows past `head` only in the columns `choose` names."""

    def __init__(self, ws: ReadOnlyWorksheet, src: Any, head: int, choose: Chooser) -> None:
        book: Any = ws.parent  # its read-only internals are absent from the stubs
        super().__init__(
            src,
            ws._shared_strings,  # type: ignore[attr-defined]
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        self.head = head
        self.choose = choose
        self.top: list[Row] = []  # the head rows, as read
        self.width = ws.max_column  # the tab's size, when it says it
        self.wanted: Collection[int] | None = None  # 1-based columns, once the head is read
        self.columns: dict[str, int] = {}

    def parse_row(self, row: Any) -> tuple[int, list[dict[str, Any]]]:
        number = row.get("r")
        upcoming = int(float(number)) if number else self.row_counter + 1
        if upcoming <= self.head or (self.wanted is None and not self._headed(upcoming)):
            return super().parse_row(row)
        self.row_counter = upcoming
        self.col_counter = 0
        if {k for k in row.attrib if not k.startswith("{")} - {"r", "spans"}:
            self.row_dimensions[str(upcoming)] = dict(row.attrib)
        cells = []
        for el in row:
            ref = el.get("r")
            column = self._column(ref) if ref else self.col_counter + 1
            if column in self.wanted:  # type: ignore[operator]  # set by _headed
                cells.append(self.parse_cell(el))
                continue
            self.col_counter = column
            f = el.find(_FORMULA)  # a skipped cell can start a shared formula a wanted one uses
            if f is not None and f.get("t") == "shared" and f.text:
                self.parse_formula(el)  # type: ignore[no-untyped-call]
        return upcoming, cells

    def _headed(self, upcoming: int) -> bool:
        """Past the head: choose the columns (True), or still in it (False)."""
        if upcoming <= self.head:
            return False
        while len(self.top) < self.head:  # head rows the file leaves out are empty
            self.top.append([None] * (self.width or 0))
        self.wanted = {c + 1 for c in self.choose(self.top)}
        return True

    def _column(self, ref: str) -> int:
        letters = ref.rstrip(_DIGITS)
        column = self.columns.get(letters)
        if column is None:
            column = self.columns[letters] = column_index_from_string(letters)
        return column


def read_columns(ws: ReadOnlyWorksheet, head: int, choose: Chooser) -> list[Row]:
    """The tab's rows as `iter_rows(values_only=True)` gives them; rows past the first `head`
    hold only the columns (0-based) `choose` picks from the head rows, None elsewhere."""
    try:
        return scan_rows(ws, head, choose)
    except Unsure:
        return parse_columns(ws, head, choose)


def parse_columns(ws: ReadOnlyWorksheet, head: int, choose: Chooser) -> list[Row]:
    """read_columns by openpyxl's sheet parser: for a tab the scan is unsure of."""
    with ws._get_source() as src:  # type: ignore[attr-defined]
        parser = _ColumnParser(ws, src, head, choose)
        return list(_rows(parser, ws.max_row))


def _rows(parser: _ColumnParser, max_row: int | None) -> Iterator[Row]:
    """ReadOnlyWorksheet._cells_by_row's rows (from A1, values only), from `parser`."""
    width = parser.width
    empty: Row = [None] * width if width is not None else []
    counter = 1
    idx = 0
    for idx, cells in parser.parse():
        if max_row is not None and idx > max_row:
            break
        while counter < idx:
            counter += 1
            yield list(empty)
            _keep_head(parser, empty)
        if counter <= idx:
            row = _values(cells, width)
            counter += 1
            _keep_head(parser, row)
            yield row
    if max_row is not None and max_row < idx:
        for _ in range(counter, max_row + 1):
            yield list(empty)


def _keep_head(parser: _ColumnParser, row: Row) -> None:
    if len(parser.top) < parser.head:
        parser.top.append(list(row))


def _values(cells: list[dict[str, Any]], width: int | None) -> Row:
    """One row's values, placed by column (openpyxl's `_get_row`, values only)."""
    if not cells and not width:
        return []
    last = width or cells[-1]["column"]
    row: Row = [None] * last
    for cell in cells:
        column = cell["column"]
        if 1 <= column <= last:
            row[column - 1] = cell["value"]
    return row
