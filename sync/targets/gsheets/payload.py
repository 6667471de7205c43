"""A workbook plan as Sheets API requests: pure functions, no network.

Every value goes in typed (`stringValue`, `numberValue`, `boolValue`, `formulaValue`), so
Google parses nothing: a shopper's `=HYPERLINK(...)` stays text and "0042" stays "0042".
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl.utils.cell import column_index_from_string

from ...workbook.cells import frame_values
from ...workbook.palette import FILLS, FONTS
from ...workbook.plan import Cell, Chart, FrameBlock, Sheet, Style, Validation, cell_rows
from . import a1
from .dialect import moved_down, rule_formula

EPOCH = datetime(1899, 12, 30)
PROTECTION_NOTE = "fupan: refreshed by every sync; edits here are replaced"
# Tabs the team types into: never protected.
TEAM_TABS = frozenset({"settings", "actions", "conflicts", "archive"})
SPARE_ROWS = 200  # room to type below a tab's rows (Settings products, Actions)


def rgb(hex_colour: str) -> dict[str, dict[str, float]]:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return {"rgbColor": {"red": round(r, 4), "green": round(g, 4), "blue": round(b, 4)}}


def _number(kind: str, pattern: str) -> dict[str, Any]:
    return {"numberFormat": {"type": kind, "pattern": pattern}}


STYLES: dict[Style, dict[str, Any]] = {
    Style.TITLE: {
        "textFormat": {"bold": True, "fontSize": 16, "foregroundColorStyle": rgb("1F4E79")}
    },
    Style.HEADER: {
        "textFormat": {"bold": True, "foregroundColorStyle": rgb("FFFFFF")},
        "backgroundColorStyle": rgb("1F4E79"),
        "wrapStrategy": "WRAP",
        "verticalAlignment": "TOP",
    },
    Style.NOTE: {"textFormat": {"italic": True, "foregroundColorStyle": rgb("595959")}},
    Style.MONEY: _number("NUMBER", "#,##0.00"),
    Style.COUNT: _number("NUMBER", "#,##0"),
    Style.RATIO: _number("PERCENT", "0.00%"),
    Style.MULTIPLE: _number("NUMBER", "0.00"),
    Style.DAYS: _number("NUMBER", "0"),
    Style.DATE: _number("DATE", "yyyy-mm-dd"),
    Style.TEXT: _number("TEXT", "@"),
    Style.INPUT: {"backgroundColorStyle": rgb("FFF2CC")},
}
DATE_TIME = _number("DATE_TIME", "yyyy-mm-dd hh:mm")
PROVISIONAL = {"textFormat": {"italic": True, "foregroundColorStyle": rgb("7F7F7F")}}


def serial(value: date) -> float:
    """A date as the spreadsheet serial number both Excel and Google use."""
    if isinstance(value, datetime):
        return (value.replace(tzinfo=None) - EPOCH).total_seconds() / 86400
    return float((value - EPOCH.date()).days)


def extended(value: Any, *, formula: str | None = None) -> dict[str, Any] | None:
    """An ExtendedValue for a plain Python value; None for an empty cell."""
    if formula is not None:
        return {"formulaValue": formula}
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int | float):
        return {"numberValue": value}
    if isinstance(value, date):
        return {"numberValue": serial(value)}
    return {"stringValue": str(value)}


def cell_data(cell: Cell | None) -> dict[str, Any]:
    if cell is None:
        return {}
    out: dict[str, Any] = {}
    value = extended(cell.value, formula=cell.formula)
    if value is not None:
        out["userEnteredValue"] = value
    kind = (
        "datetime"
        if isinstance(cell.value, datetime)
        else ("date" if isinstance(cell.value, date) else "")
    )
    fmt = _format(cell.style, kind, cell.provisional, cell.number_format)
    if fmt:
        out["userEnteredFormat"] = fmt
    if cell.note:
        out["note"] = cell.note
    return out


@functools.cache
def _format(
    style: Style | None, kind: str, provisional: bool, number_format: str | None = None
) -> dict[str, Any]:
    """One shared format object per kind of cell: cells sharing one compare by identity."""
    fmt: dict[str, Any] = {}
    if style is not None:
        fmt.update(STYLES[style])
    elif kind == "datetime":
        fmt.update(DATE_TIME)
    elif kind == "date":
        fmt.update(STYLES[Style.DATE])
    if number_format:
        fmt.update(_number("NUMBER", number_format))
    if provisional:
        fmt["textFormat"] = {**fmt.get("textFormat", {}), **PROVISIONAL["textFormat"]}
    return fmt


def row_data(values: list[Any]) -> dict[str, Any]:
    cells = []
    for v in values:
        ev = extended(v)
        cells.append({} if ev is None else {"userEnteredValue": ev})
    return {"values": cells}


@dataclass
class SheetContent:
    """One tab's cells as RowData, and the grid it needs."""

    rows: list[dict[str, Any]]
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


def filled_formulas(rows: list[dict[str, Any]], width: int) -> list[tuple[int, int, int, str]]:
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


def shared_formats(rows: list[dict[str, Any]], width: int) -> list[tuple]:
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


def sheet_properties(sheet: Sheet, sheet_id: int, index: int, size: tuple[int, int]) -> dict:
    frozen_rows = frozen_cols = 0
    if sheet.freeze:
        corner = a1.parse(sheet.freeze)
        frozen_rows, frozen_cols = corner.row0 or 0, corner.col0 or 0
    props: dict[str, Any] = {
        "sheetId": sheet_id,
        "title": sheet.title,
        "index": index,
        "hidden": sheet.hidden,
        "gridProperties": {
            "rowCount": size[0],
            "columnCount": size[1],
            "frozenRowCount": frozen_rows,
            "frozenColumnCount": frozen_cols,
        },
    }
    if sheet.tab_color:
        props["tabColorStyle"] = rgb(sheet.tab_color)
    return props


PROPERTY_FIELDS = "title,index,hidden,gridProperties,tabColorStyle"


def box(sheet_id: int, r0: int, r1: int, c0: int, c1: int) -> dict[str, int]:
    """A GridRange from zero-based, half-open bounds."""
    return a1.Ref(None, r0, c0, r1, c1).grid_range(sheet_id)


def _repeat(grid: dict[str, int], cell: dict[str, Any], fields: str) -> dict:
    return {"repeatCell": {"range": grid, "cell": cell, "fields": fields}}


def write_cells(sheet_id: int, body: SheetContent, size: tuple[int, int]) -> list[dict]:
    """The whole grid: rows written, everything else in it cleared."""
    out: list[dict] = [
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


def chunks(rows: list[dict], budget: int) -> Iterator[tuple[int, list[dict]]]:
    """Consecutive slices of rows whose JSON stays under `budget` bytes (start row, slice)."""
    start, size = 0, 0
    part: list[dict] = []
    for n, row in enumerate(rows):
        cost = approx_size(row)
        if part and size + cost > budget:
            yield start, part
            start, size, part = n, 0, []
        part.append(row)
        size += cost
    if part:
        yield start, part


def approx_size(obj: Any) -> int:
    """JSON size of a RowData without serialising it (close enough to plan request splits)."""
    if isinstance(obj, dict):
        return 2 + sum(len(k) + 4 + approx_size(v) for k, v in obj.items())
    if isinstance(obj, list):
        return 2 + sum(approx_size(v) + 1 for v in obj)
    if isinstance(obj, str):
        return len(obj.encode()) + 2 + obj.count('"') + obj.count("\\")
    return len(repr(obj))


def widths(sheet: Sheet, sheet_id: int) -> list[dict]:
    out = []
    for col, width in sorted(sheet.widths.items()):
        i = column_index_from_string(col) - 1
        out.append(
            {
                "updateDimensionProperties": {
                    "range": {
                        "sheetId": sheet_id,
                        "dimension": "COLUMNS",
                        "startIndex": i,
                        "endIndex": i + 1,
                    },
                    "properties": {"pixelSize": round(width * 7 + 5)},
                    "fields": "pixelSize",
                }
            }
        )
    return out


def _columns(sheet_id: int, start: int, end: int) -> dict[str, Any]:
    return {"sheetId": sheet_id, "dimension": "COLUMNS", "startIndex": start, "endIndex": end}


def folds(sheet: Sheet, sheet_id: int, columns: int) -> list[dict]:
    """Helper columns hidden (the team unhides them from the arrows at the fold); every other
    column of the tab shown, so a column fupan folded at an earlier sync comes back."""
    out: list[dict] = [
        {
            "updateDimensionProperties": {
                "range": _columns(sheet_id, 0, columns),
                "properties": {"hiddenByUser": False},
                "fields": "hiddenByUser",
            }
        }
    ]
    for span in sheet.folded:
        first, _, last = span.partition(":")
        start = column_index_from_string(first) - 1
        end = min(column_index_from_string(last or first), columns)
        if start >= end:
            continue
        out.append(
            {
                "updateDimensionProperties": {
                    "range": _columns(sheet_id, start, end),
                    "properties": {"hiddenByUser": True},
                    "fields": "hiddenByUser",
                }
            }
        )
    return out


def heights(sheet: Sheet, sheet_id: int) -> list[dict]:
    """Rows taller than one line (a header whose labels wrap)."""
    return [
        {
            "updateDimensionProperties": {
                "range": {
                    "sheetId": sheet_id,
                    "dimension": "ROWS",
                    "startIndex": row - 1,
                    "endIndex": row,
                },
                "properties": {"pixelSize": round(points * 4 / 3)},
                "fields": "pixelSize",
            }
        }
        for row, points in sorted(sheet.heights.items())
    ]


def row_visibility(sheet: Sheet, sheet_id: int, rows: int) -> list[dict]:
    """The tab's machine rows hidden, every other row shown (one an earlier sync hid)."""

    def rows_of(start: int, end: int, hidden: bool) -> dict:
        return {
            "updateDimensionProperties": {
                "range": {
                    "sheetId": sheet_id,
                    "dimension": "ROWS",
                    "startIndex": start,
                    "endIndex": end,
                },
                "properties": {"hiddenByUser": hidden},
                "fields": "hiddenByUser",
            }
        }

    out = [rows_of(0, rows, False)]
    out += [rows_of(r - 1, r, True) for r in sorted(sheet.hidden_rows) if r <= rows]
    return out


def validation(v: Validation, sheet_id: int) -> dict:
    """A dropdown (ONE_OF_LIST); not strict: another value is kept, with a warning mark."""
    return {
        "setDataValidation": {
            "range": a1.parse(v.ref).grid_range(sheet_id),
            "rule": {
                "condition": {
                    "type": "ONE_OF_LIST",
                    "values": [{"userEnteredValue": x} for x in v.values],
                },
                "strict": v.strict,
                "showCustomUi": True,
            },
        }
    }


def colour_rules(sheet: Sheet, sheet_id: int) -> list[dict]:
    out = []
    for n, rule in enumerate(sheet.rules):
        ranges = [a1.parse(p) for p in rule.ref.split()]
        anchor = rule.ref.split()[0].split(":")[0]
        out.append(
            {
                "addConditionalFormatRule": {
                    "index": n,
                    "rule": {
                        "ranges": [r.grid_range(sheet_id) for r in ranges],
                        "booleanRule": {
                            "condition": {
                                "type": "CUSTOM_FORMULA",
                                "values": [
                                    {"userEnteredValue": rule_formula(rule.formula, anchor)}
                                ],
                            },
                            "format": {
                                "backgroundColorStyle": rgb(FILLS[rule.fill]),
                                "textFormat": {"foregroundColorStyle": rgb(FONTS[rule.fill])},
                            },
                        },
                    },
                }
            }
        )
    return out


def chart(spec: Chart, sheet_id: int, ids: dict[str, int]) -> dict:
    """A basic chart; series titles come from the header cell above each series."""
    domain = a1.parse(spec.categories)
    series = [(a1.parse(t), a1.parse(v)) for t, v in spec.series]
    right = [(a1.parse(t), a1.parse(v)) for t, v in spec.secondary]
    headed = all(t.row0 is not None and t.row0 + 1 == v.row0 for t, v in series + right)

    def source(ref: a1.Ref) -> dict:
        grown = a1.Ref(
            ref.sheet, (ref.row0 or 0) - 1 if headed else ref.row0, ref.col0, ref.row1, ref.col1
        )
        return {"sourceRange": {"sources": [grown.grid_range(ids[str(ref.sheet)])]}}

    anchor = a1.parse(spec.anchor)
    kind = "LINE" if spec.kind == "line" else "COLUMN"
    lines: list[dict[str, Any]] = [
        {"series": source(v), "targetAxis": "LEFT_AXIS", "type": kind} for _, v in series
    ]
    lines += [{"series": source(v), "targetAxis": "RIGHT_AXIS", "type": "LINE"} for _, v in right]
    axes: list[dict[str, Any]] = [
        {"position": "BOTTOM_AXIS"},
        {"position": "LEFT_AXIS", "format": {"bold": False}},
    ]
    if right:
        axes.append({"position": "RIGHT_AXIS", "format": {"bold": False}})
    return {
        "addChart": {
            "chart": {
                "spec": {
                    "title": spec.title,
                    "basicChart": {
                        "chartType": "COMBO" if right else kind,
                        "legendPosition": "BOTTOM_LEGEND",
                        "headerCount": 1 if headed else 0,
                        "axis": axes,
                        "domains": [{"domain": source(domain)}],
                        "series": lines,
                    },
                },
                "position": {
                    "overlayPosition": {
                        "anchorCell": {
                            "sheetId": sheet_id,
                            "rowIndex": anchor.row0 or 0,
                            "columnIndex": anchor.col0 or 0,
                        },
                        "widthPixels": 600,
                        "heightPixels": 285,
                    }
                },
            }
        }
    }


def basic_filter(sheet: Sheet, sheet_id: int) -> list[dict]:
    """Excel tables become the sheet's filter (Google allows one per tab)."""
    return [
        {"setBasicFilter": {"filter": {"range": a1.parse(t.ref).grid_range(sheet_id)}}}
        for t in sheet.tables[:1]
    ]


def protection(sheet: Sheet, sheet_id: int) -> list[dict]:
    """A warning (not a lock) on tabs fupan rewrites; the team's input columns stay open."""
    if sheet.key in TEAM_TABS:
        return []
    spans: dict[int, list[int]] = {}
    for block in sheet.blocks:
        if isinstance(block, FrameBlock):
            continue
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                if cell is not None and cell.style is Style.INPUT:
                    span = spans.setdefault(block.col + c - 1, [block.row + r - 1, block.row + r])
                    span[0] = min(span[0], block.row + r - 1)
                    span[1] = max(span[1], block.row + r)
    open_ranges = [box(sheet_id, lo, hi, col, col + 1) for col, (lo, hi) in sorted(spans.items())]
    return [
        {
            "addProtectedRange": {
                "protectedRange": {
                    "range": {"sheetId": sheet_id},
                    "description": PROTECTION_NOTE,
                    "warningOnly": True,
                    "unprotectedRanges": open_ranges,
                }
            }
        }
    ]


def named_range(name: str, ref: str, ids: dict[str, int]) -> dict:
    r = a1.parse(ref)
    return {
        "addNamedRange": {"namedRange": {"name": name, "range": r.grid_range(ids[str(r.sheet)])}}
    }
