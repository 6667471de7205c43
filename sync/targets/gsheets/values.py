"""Cell values and formats as Google's CellData: pure functions, no network.

Every value goes in typed (`stringValue`, `numberValue`, `boolValue`, `formulaValue`), so
Google parses nothing: a shopper's `=HYPERLINK(...)` stays text and "0042" stays "0042".
"""

from __future__ import annotations

import functools
import math
from datetime import date, datetime
from typing import Any

from ...workbook.plan import Cell, Style

# A JSON object of Google's Sheets API (a request, a CellData, a GridRange...): its shape is
# Google's discovery document, checked by the stand-in the tests run against.
JSON = dict[str, Any]

EPOCH = datetime(1899, 12, 30)


def rgb(hex_colour: str) -> dict[str, dict[str, float]]:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return {"rgbColor": {"red": round(r, 4), "green": round(g, 4), "blue": round(b, 4)}}


def _number(kind: str, pattern: str) -> JSON:
    return {"numberFormat": {"type": kind, "pattern": pattern}}


STYLES: dict[Style, JSON] = {
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
PROVISIONAL: JSON = {"textFormat": {"italic": True, "foregroundColorStyle": rgb("7F7F7F")}}


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
        return {"numberValue": _whole(value)}
    if isinstance(value, date):
        return {"numberValue": _whole(serial(value))}
    return {"stringValue": str(value)}


def _whole(n: float) -> float:
    """30.0 sent as 30: the same number to Google, fewer bytes, and the same fingerprint
    whether a value came as an int or a float (a Settings value read back, say)."""
    if isinstance(n, float) and n.is_integer() and abs(n) < 2**53:
        return int(n)
    return n


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
