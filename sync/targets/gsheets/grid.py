"""A tab's cells as Sheets API requests: the grid written whole, shared runs sent once.

Pure functions, no network. Formats shared by a run of cells and columns of one formula
filled down leave the cells and go as one repeatCell each (a large tab shrinks by half).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.cell import column_index_from_string

from ...workbook.cells import frame_values
from ...workbook.plan import Cell, FrameBlock, Sheet, Style, cell_rows
from . import a1
from .dialect import moved_down
from .values import JSON, STYLES, cell_data, row_data

# Tabs the team types into: never protected.
TEAM_TABS = frozenset({"settings", "actions", "conflicts", "archive"})
SPARE_ROWS = 200  # room to type below a tab's rows (Settings products, Actions)


@dataclass
class SheetContent:
    """One tab's cells as RowData, and the grid it needs."""

    rows: list[JSON]
    height: int
    width: int
    date_columns: list[int] = field(default_factory=list)  # frames: columns of dates
    frame: bool = False
    # (row0, row1, col0, col1, format): blocks of cells sharing a format, sent once each
    blocks: list[tuple[int, int, int, int, dict[str, Any]]] = field(default_factory=list)
    # (row0, row1, col, formula): a column of one formula filled down, sent once
    fills: list[tuple[int, int, int, str]] = field(default_factory=list)


def content(sheet: Sheet) -> SheetContent:
    frames = [b for b in sheet.blocks if isinstance(b, FrameBlock)]
    if frames:
        values = frame_values(frames[0].frame)
        header = [cell_data(Cell(v, style=Style.HEADER)) for v in values[0]]
        rows = [{"values": header}, *(row_data(r) for r in values[1:])]
        dates = [
            i
            for i, name in enumerate(frames[0].frame.columns)
            if str(frames[0].frame[name].dtype).startswith("datetime")
        ]
        return SheetContent(rows, len(values), len(values[0]), dates, frame=True)
    grid = cell_rows(sheet.blocks)  # type: ignore[arg-type]  # no FrameBlock: returned above
    rows = [{"values": [cell_data(c) for c in line]} for line in grid]
    width = max((len(line) for line in grid), default=0)
    fills = filled_formulas(rows, width)
    return SheetContent(rows, len(grid), width, blocks=shared_formats(rows, width), fills=fills)


def filled_formulas(rows: list[JSON], width: int) -> list[tuple[int, int, int, str]]:
    """Take out columns of one formula filled down (SUMIFS per ASIN, a status per row).

    repeatCell writes such a run from its first formula, moving relative rows the way a
    fill-down does: a 2,000-ASIN table costs a few requests' worth of bytes, not megabytes.
    """

    def formula(r: int, col: int) -> str | None:
        cells = rows[r]["values"]
        value = cells[col].get("userEnteredValue", {}) if col < len(cells) else {}
        return value.get("formulaValue")

    out = []
    for col in range(width):
        r = 0
        while r < len(rows):
            first = formula(r, col)
            end = r + 1
            if first is not None:
                while end < len(rows) and formula(end, col) == moved_down(first, end - r):
                    end += 1
            if first is not None and end - r >= MIN_RUN:
                out.append((r, end, col, first))
                for k in range(r, end):
                    del rows[k]["values"][col]["userEnteredValue"]
            r = end
    return out


MIN_RUN = 3  # shorter runs cost more as a request than as per-cell formats


def shared_formats(rows: list[JSON], width: int) -> list[tuple[int, int, int, int, JSON]]:
    """Take formats shared by a run of cells out of the cells: one repeatCell per block.

    A KPI table repeats the same few formats down thousands of rows; sent once per block
    they shrink the request by about half.
    """
    runs: dict[tuple[int, int, int], list[int]] = {}  # (row0, row1, format id) -> columns
    formats: dict[int, dict[str, Any]] = {}
    for col in range(width):
        start, key = 0, None
        for r in range(len(rows) + 1):
            cells = rows[r]["values"] if r < len(rows) else []
            fmt = cells[col].get("userEnteredFormat") if col < len(cells) else None
            here = id(fmt) if fmt else None  # formats are shared objects (see _format)
            if here != key:
                if key is not None and r - start >= MIN_RUN:
                    runs.setdefault((start, r, key), []).append(col)
                start, key = r, here
                if here:
                    formats[here] = fmt  # type: ignore[assignment]  # here: fmt is set
    out = []
    for (r0, r1, key), cols in sorted(runs.items(), key=lambda kv: (kv[0][0], kv[1][0])):
        # Neighbouring columns with the same run become one rectangle.
        spans: list[list[int]] = []
        for c in cols:
            if spans and spans[-1][1] == c:
                spans[-1][1] = c + 1
            else:
                spans.append([c, c + 1])
        for c0, c1 in spans:
            out.append((r0, r1, c0, c1, formats[key]))
            for r in range(r0, r1):
                for c in range(c0, c1):
                    rows[r]["values"][c].pop("userEnteredFormat", None)
    return out


def extent(sheet: Sheet, body: SheetContent) -> tuple[int, int]:
    """Rows and columns the tab's grid needs: its cells, rules, tables, charts, typing room."""
    rows, cols = body.height, body.width
    refs = [r.ref for r in sheet.rules] + [t.ref for t in sheet.tables]
    refs += [v.ref for v in sheet.validations]
    for ref in refs:
        for part in ref.split():
            r = a1.parse(part)
            rows, cols = max(rows, r.last_row), max(cols, r.last_col)
    for span in sheet.folded:
        cols = max(cols, column_index_from_string(span.partition(":")[2] or span))
    for chart in sheet.charts:
        r = a1.parse(chart.anchor)
        rows, cols = max(rows, r.last_row + 15), max(cols, r.last_col + 8)
    if sheet.key in TEAM_TABS:
        rows += SPARE_ROWS
    return max(rows, 1), max(cols, 1)


def box(sheet_id: int, r0: int, r1: int, c0: int, c1: int) -> dict[str, int]:
    """A GridRange from zero-based, half-open bounds."""
    return a1.Ref(None, r0, c0, r1, c1).grid_range(sheet_id)


def _repeat(grid: dict[str, int], cell: dict[str, Any], fields: str) -> JSON:
    return {"repeatCell": {"range": grid, "cell": cell, "fields": fields}}


def write_cells(sheet_id: int, body: SheetContent, size: tuple[int, int]) -> list[JSON]:
    """The whole grid: rows written, everything else in it cleared."""
    out: list[JSON] = [
        {
            "updateCells": {
                "rows": body.rows,
                "fields": "userEnteredValue,userEnteredFormat,note,dataValidation",
                "range": box(sheet_id, 0, size[0], 0, size[1]),
            }
        }
    ]
    for r0, r1, col, text in body.fills:
        grid = box(sheet_id, r0, r1, col, col + 1)
        out.append(_repeat(grid, {"userEnteredValue": {"formulaValue": text}}, "userEnteredValue"))
    for r0, r1, c0, c1, fmt in body.blocks:
        out.append(
            _repeat(box(sheet_id, r0, r1, c0, c1), {"userEnteredFormat": fmt}, "userEnteredFormat")
        )
    for col in body.date_columns:
        grid = box(sheet_id, 1, max(body.height, 1), col, col + 1)
        date_format = {"userEnteredFormat": STYLES[Style.DATE]}
        out.append(_repeat(grid, date_format, "userEnteredFormat.numberFormat"))
    return out
