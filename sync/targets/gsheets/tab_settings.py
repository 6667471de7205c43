"""A tab's settings as Sheets API requests: properties, widths, folds, hidden rows,
dropdowns, the filter, the warning on tabs fupan rewrites, named ranges. No network.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils.cell import column_index_from_string

from ...workbook.plan import FrameBlock, Sheet, Style, Validation
from . import a1
from .grid import TEAM_TABS, box
from .values import JSON, rgb

PROTECTION_NOTE = "fupan: refreshed by every sync; edits here are replaced"


def sheet_properties(sheet: Sheet, sheet_id: int, index: int, size: tuple[int, int]) -> JSON:
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


def widths(sheet: Sheet, sheet_id: int) -> list[JSON]:
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


def _columns(sheet_id: int, start: int, end: int) -> JSON:
    return {"sheetId": sheet_id, "dimension": "COLUMNS", "startIndex": start, "endIndex": end}


def folds(sheet: Sheet, sheet_id: int, columns: int) -> list[JSON]:
    """Helper columns hidden (the team unhides them from the arrows at the fold); every other
    column of the tab shown, so a column fupan folded at an earlier sync comes back."""
    out: list[JSON] = [
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


def heights(sheet: Sheet, sheet_id: int) -> list[JSON]:
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


def row_visibility(sheet: Sheet, sheet_id: int, rows: int) -> list[JSON]:
    """The tab's machine rows hidden, every other row shown (one an earlier sync hid)."""

    def rows_of(start: int, end: int, hidden: bool) -> JSON:
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


def validation(v: Validation, sheet_id: int) -> JSON:
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


def basic_filter(sheet: Sheet, sheet_id: int) -> list[JSON]:
    """Excel tables become the sheet's filter (Google allows one per tab)."""
    return [
        {"setBasicFilter": {"filter": {"range": a1.parse(t.ref).grid_range(sheet_id)}}}
        for t in sheet.tables[:1]
    ]


def protection(sheet: Sheet, sheet_id: int) -> list[JSON]:
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


def named_range(name: str, ref: str, ids: dict[str, int]) -> JSON:
    r = a1.parse(ref)
    return {
        "addNamedRange": {"namedRange": {"name": name, "range": r.grid_range(ids[str(r.sheet)])}}
    }
