"""Resolving A1 text and GridRanges against a spreadsheet, with Google's refusals."""

from __future__ import annotations

from typing import Any

from . import a1
from .errors import Reject
from .model import SheetModel, Spreadsheet

Bounds = tuple[int, int, int, int]  # r0, r1, c0, c1: 0-based, half-open, inside the grid


def unable(text: str) -> Reject:
    return Reject(f"Unable to parse range: {text}")


def resolve_a1(book: Spreadsheet, text: str) -> tuple[SheetModel, a1.Area]:
    """`'Tab'!A1:B2`, `Tab`, `A1:B2` (first tab), a named range -> (tab, area)."""
    try:
        title, area = a1.split(text)
    except ValueError:
        raise unable(text) from None
    if title is None:
        assert area is not None
        sheet = book.find(area)
        if sheet is not None:
            return sheet, a1.Area()
        for named in book.named_ranges:
            if named.get("name") == area:
                gr = named.get("range", {})
                sheet = book.by_id(gr.get("sheetId", 0))
                if sheet is None:
                    raise unable(text)
                return sheet, a1.Area(
                    gr.get("startRowIndex", 0),
                    gr.get("endRowIndex"),
                    gr.get("startColumnIndex", 0),
                    gr.get("endColumnIndex"),
                )
        if not book.sheets:
            raise unable(text)
        sheet = book.sheets[0]
    else:
        found = book.find(title)
        if found is None:
            raise unable(text)
        sheet = found
        if area is None:
            return sheet, a1.Area()
    try:
        return sheet, a1.parse_area(area)
    except ValueError:
        raise unable(text) from None


def clip(sheet: SheetModel, area: a1.Area) -> Bounds:
    """Open ends run to the grid's edge; everything is cut to the grid."""
    rows, cols = sheet.row_count, sheet.column_count
    r1 = rows if area.r1 is None else min(area.r1, rows)
    c1 = cols if area.c1 is None else min(area.c1, cols)
    return area.r0, max(r1, area.r0), area.c0, max(c1, area.c0)


def describe(sheet: SheetModel, area: a1.Area) -> str:
    """How Sheets echoes a range it read or cleared (`Sheet1!A1:Z1000`)."""
    r0, r1, c0, c1 = clip(sheet, area)
    if r1 <= r0 or c1 <= c0:  # wholly outside the grid: echo what was asked
        r1 = area.r1 if area.r1 is not None else r0 + 1
        c1 = area.c1 if area.c1 is not None else c0 + 1
    return a1.format_range(sheet.title, r0, r1, c0, c1)


def exceeds(sheet: SheetModel, r0: int, r1: int, c0: int, c1: int) -> Reject:
    where = "'" + sheet.title.replace("'", "''") + "'!" + a1.cell_name(r0, c0)
    if r1 - r0 != 1 or c1 - c0 != 1:
        where += ":" + a1.cell_name(r1 - 1, c1 - 1)
    return Reject(
        f"Range ({where}) exceeds grid limits. Max rows: {sheet.row_count}, "
        f"max columns: {sheet.column_count}"
    )


def sheet_of(book: Spreadsheet, sheet_id: Any) -> SheetModel:
    sheet = book.by_id(int(sheet_id or 0))
    if sheet is None:
        raise Reject(f"No grid with id: {int(sheet_id or 0)}")
    return sheet


def grid(book: Spreadsheet, gr: dict[str, Any] | None) -> tuple[SheetModel, Bounds]:
    """A GridRange: open ends run to the edge; anything outside the grid is refused."""
    gr = gr or {}
    sheet = sheet_of(book, gr.get("sheetId"))
    rows, cols = sheet.row_count, sheet.column_count
    r0 = int(gr.get("startRowIndex") or 0)
    c0 = int(gr.get("startColumnIndex") or 0)
    r1 = rows if gr.get("endRowIndex") is None else int(gr["endRowIndex"])
    c1 = cols if gr.get("endColumnIndex") is None else int(gr["endColumnIndex"])
    if r0 < 0 or c0 < 0:
        raise Reject("GridRange start indexes must not be negative")
    if r1 < r0 or c1 < c0:
        raise Reject(f"The range's end ({r1}, {c1}) must not be before its start ({r0}, {c0})")
    if r1 > rows or c1 > cols:
        raise exceeds(sheet, r0, max(r1, r0 + 1), c0, max(c1, c0 + 1))
    return sheet, (r0, r1, c0, c1)


def coordinate(book: Spreadsheet, gc: dict[str, Any] | None) -> tuple[SheetModel, int, int]:
    gc = gc or {}
    sheet = sheet_of(book, gc.get("sheetId"))
    return sheet, int(gc.get("rowIndex") or 0), int(gc.get("columnIndex") or 0)
