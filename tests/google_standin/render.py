"""spreadsheets.get answers: metadata, grid data and the default format Google adds."""

from __future__ import annotations

import copy
from typing import Any

from . import values as vals
from .fields import Tree
from .formats import grid_range
from .model import Cell, SheetModel, Spreadsheet
from .ranges import Bounds

DEFAULT_FORMAT = {
    "backgroundColor": {"red": 1, "green": 1, "blue": 1},
    "padding": {"top": 2, "right": 3, "bottom": 2, "left": 3},
    "verticalAlignment": "BOTTOM",
    "wrapStrategy": "OVERFLOW_CELL",
    "textFormat": {
        "foregroundColor": {},
        "fontFamily": "arial,sans,sans-serif",
        "fontSize": 10,
        "bold": False,
        "italic": False,
        "strikethrough": False,
        "underline": False,
        "foregroundColorStyle": {"rgbColor": {}},
    },
    "backgroundColorStyle": {"rgbColor": {"red": 1, "green": 1, "blue": 1}},
}

THEME = {
    "primaryFontFamily": "Arial",
    "themeColors": [
        {"colorType": "TEXT", "color": {"rgbColor": {}}},
        {"colorType": "BACKGROUND", "color": {"rgbColor": {"red": 1, "green": 1, "blue": 1}}},
        {
            "colorType": "ACCENT1",
            "color": {"rgbColor": {"red": 0.25882354, "green": 0.52156866, "blue": 0.95686275}},
        },
        {
            "colorType": "ACCENT2",
            "color": {"rgbColor": {"red": 0.91764706, "green": 0.2627451, "blue": 0.20784314}},
        },
        {
            "colorType": "ACCENT3",
            "color": {"rgbColor": {"red": 0.9843137, "green": 0.7372549, "blue": 0.015686275}},
        },
        {
            "colorType": "ACCENT4",
            "color": {"rgbColor": {"red": 0.20392157, "green": 0.65882355, "blue": 0.3254902}},
        },
        {
            "colorType": "ACCENT5",
            "color": {"rgbColor": {"red": 1, "green": 0.42745098, "blue": 0.003921569}},
        },
        {
            "colorType": "ACCENT6",
            "color": {"rgbColor": {"red": 0.27450982, "green": 0.7411765, "blue": 0.7764706}},
        },
        {
            "colorType": "LINK",
            "color": {"rgbColor": {"red": 0.06666667, "green": 0.33333334, "blue": 0.8}},
        },
    ],
}

URL = "https://docs.google.com/spreadsheets/d/{}/edit"


def cell_json(cell: Cell | None, want: Tree | None) -> dict[str, Any]:
    """CellData as spreadsheets.get prints it (stored fields + effective/formatted value)."""
    if not cell:
        return {}
    everything = not want or "*" in want
    out = dict(cell) if everything else {k: cell[k] for k in want or {} if k in cell}
    if everything or "effectiveValue" in want:  # type: ignore[operator]
        eff = vals.effective(cell)
        if eff is not None:
            out["effectiveValue"] = eff
    if everything or "formattedValue" in want:  # type: ignore[operator]
        shown = vals.formatted(cell)
        if shown is not None:
            out["formattedValue"] = shown
    if (everything or "effectiveFormat" in want) and "userEnteredFormat" in cell:  # type: ignore[operator]
        out["effectiveFormat"] = {**DEFAULT_FORMAT, **cell["userEnteredFormat"]}
    return out


def grid_data(sheet: SheetModel, bounds: Bounds, want: Tree | None) -> dict[str, Any]:
    """One GridData block: rows up to the last one holding anything, trailing cells trimmed."""
    r0, r1, c0, c1 = bounds
    out: dict[str, Any] = {}
    if r0:
        out["startRow"] = r0
    if c0:
        out["startColumn"] = c0
    rows = sorted(r for r in sheet.cells if r0 <= r < r1)
    row_data: list[dict[str, Any]] = []
    if rows:
        lines: dict[int, list[dict[str, Any]]] = {}
        for r in rows:
            found = sheet.cells[r]
            cols = sorted(c for c in found if c0 <= c < c1)
            if not cols:
                continue
            line: list[dict[str, Any]] = [{} for _ in range(cols[-1] - c0 + 1)]
            for c in cols:
                line[c - c0] = cell_json(found[c], want)
            lines[r] = line
        if lines:
            for r in range(r0, max(lines) + 1):
                got = lines.get(r)
                row_data.append({"values": got} if got else {})
    if row_data:
        out["rowData"] = row_data
    out["rowMetadata"] = [{"pixelSize": 21, **sheet.row_props.get(r, {})} for r in range(r0, r1)]
    out["columnMetadata"] = [
        {"pixelSize": 100, **sheet.column_props.get(c, {})} for c in range(c0, c1)
    ]
    return out


def sheet_json(sheet: SheetModel, data: list[Bounds] | None, want: Tree | None) -> dict[str, Any]:
    out: dict[str, Any] = {"properties": copy.deepcopy(sheet.properties)}
    if data is not None:
        out["data"] = [grid_data(sheet, b, want) for b in data]
    if sheet.merges:
        out["merges"] = copy.deepcopy(sheet.merges)
    if sheet.conditional_formats:
        out["conditionalFormats"] = copy.deepcopy(sheet.conditional_formats)
    if sheet.protected_ranges:
        out["protectedRanges"] = copy.deepcopy(sheet.protected_ranges)
    if sheet.basic_filter is not None:
        out["basicFilter"] = copy.deepcopy(sheet.basic_filter)
    if sheet.charts:
        out["charts"] = copy.deepcopy(sheet.charts)
    on_sheet = [
        m for m in sheet.developer_metadata if m.get("location", {}).get("locationType") == "SHEET"
    ]
    if on_sheet:
        out["developerMetadata"] = copy.deepcopy(on_sheet)
    return out


def spreadsheet_json(
    book: Spreadsheet,
    *,
    ranges: list[tuple[SheetModel, Bounds]] | None = None,
    grid: bool = False,
    want: Tree | None = None,
) -> dict[str, Any]:
    """The Spreadsheet resource; with `ranges`, only the tabs they name."""
    props = copy.deepcopy(book.properties)
    props["defaultFormat"] = copy.deepcopy(DEFAULT_FORMAT)
    props["spreadsheetTheme"] = copy.deepcopy(THEME)
    sheets: list[dict[str, Any]] = []
    if ranges:
        chosen: dict[int, list[Bounds]] = {}
        for sheet, bounds in ranges:
            chosen.setdefault(sheet.sheet_id, []).append(bounds)
        for sheet in book.sheets:
            if sheet.sheet_id in chosen:
                sheets.append(sheet_json(sheet, chosen[sheet.sheet_id] if grid else None, want))
    else:
        for sheet in book.sheets:
            whole = [(0, sheet.row_count, 0, sheet.column_count)]
            sheets.append(sheet_json(sheet, whole if grid else None, want))
    out: dict[str, Any] = {
        "spreadsheetId": book.spreadsheet_id,
        "properties": props,
        "sheets": sheets,
    }
    if book.named_ranges:
        out["namedRanges"] = [
            {**n, "range": grid_range(n.get("range", {}))} for n in copy.deepcopy(book.named_ranges)
        ]
    if book.developer_metadata:
        out["developerMetadata"] = copy.deepcopy(book.developer_metadata)
    out["spreadsheetUrl"] = URL.format(book.spreadsheet_id)
    return out
