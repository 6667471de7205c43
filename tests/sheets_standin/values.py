"""The values endpoints: typed storage, RAW vs USER_ENTERED, render options, trimming."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from .a1 import label
from .errors import bad_field, invalid
from .model import Book, Cell, SheetModel

EPOCH = date(1899, 12, 30)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ARITH = re.compile(r"^[\d.+\-*/() ]+$")
MAX_CHARS = 50_000


def entered(value: Any, option: str) -> Cell | None:
    """One input value as stored CellData; None leaves the cell unchanged."""
    if value is None:
        return None
    if isinstance(value, bool):
        return {"userEnteredValue": {"boolValue": value}}
    if isinstance(value, int | float):
        return {"userEnteredValue": {"numberValue": value}}
    text = str(value)
    if len(text) > MAX_CHARS:
        raise invalid(
            f"Your input contains more than the maximum of {MAX_CHARS} characters in a single cell."
        )
    if text == "":
        return {}
    if option == "RAW":
        return {"userEnteredValue": {"stringValue": text}}
    if text.startswith("'"):
        return {"userEnteredValue": {"stringValue": text[1:]}}
    if text.startswith("=") and len(text) > 1:
        return {"userEnteredValue": {"formulaValue": text}}
    if text.upper() in ("TRUE", "FALSE"):
        return {"userEnteredValue": {"boolValue": text.upper() == "TRUE"}}
    plain = text.replace(",", "") if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", text) else text
    if _NUMBER.match(plain):
        return {"userEnteredValue": {"numberValue": _num(float(plain))}}
    if text.endswith("%") and _NUMBER.match(text[:-1]):
        return {
            "userEnteredValue": {"numberValue": float(text[:-1]) / 100},
            "userEnteredFormat": {"numberFormat": {"type": "PERCENT", "pattern": "0%"}},
        }
    m = _ISO_DAY.match(text)
    if m:
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            day = None
        if day is not None:
            return {
                "userEnteredValue": {"numberValue": (day - EPOCH).days},
                "userEnteredFormat": {"numberFormat": {"type": "DATE", "pattern": "yyyy-mm-dd"}},
            }
    return {"userEnteredValue": {"stringValue": text}}


def _num(x: float) -> int | float:
    return int(x) if x.is_integer() and abs(x) < 2**53 else x


def evaluate(formula: str) -> Any:
    """Formula results only for plain arithmetic; anything else renders as an empty value."""
    body = formula[1:]
    if _ARITH.match(body):
        try:
            result = eval(body, {"__builtins__": {}}, {})  # digits and operators only
        except (SyntaxError, ZeroDivisionError):
            return None
        return _num(float(result))
    return None


def render(cell: Cell | None, option: str, dates: str) -> Any:
    if not cell or "userEnteredValue" not in cell:
        return ""
    v = cell["userEnteredValue"]
    if "formulaValue" in v:
        if option == "FORMULA":
            return v["formulaValue"]
        result = evaluate(v["formulaValue"])
        return "" if result is None else _show(result, cell, option, dates)
    if "stringValue" in v:
        return v["stringValue"]
    if "boolValue" in v:
        return v["boolValue"] if option != "FORMATTED_VALUE" else str(v["boolValue"]).upper()
    return _show(v.get("numberValue"), cell, option, dates)


def _show(n: Any, cell: Cell, option: str, dates: str) -> Any:
    kind = cell.get("userEnteredFormat", {}).get("numberFormat", {}).get("type")
    if kind in ("DATE", "DATE_TIME") and (
        option == "FORMATTED_VALUE" or dates == "FORMATTED_STRING"
    ):
        day = datetime(1899, 12, 30) + timedelta(days=float(n))
        return day.strftime("%Y-%m-%d") if kind == "DATE" else day.strftime("%Y-%m-%d %H:%M:%S")
    if option == "FORMATTED_VALUE":
        if kind == "PERCENT":
            return f"{float(n) * 100:g}%"
        return f"{_num(float(n))}" if isinstance(n, int | float) else str(n)
    return _num(float(n)) if isinstance(n, int | float) else n


def read_rows(sheet: SheetModel, box: tuple[int, int, int, int], option: str, dates: str) -> list:
    r0, c0, r1, c1 = box
    rows = []
    for r in range(r0, min(r1, sheet.rows)):
        row = [
            render(sheet.cells.get((r, c)), option, dates) for c in range(c0, min(c1, sheet.cols))
        ]
        while row and row[-1] == "":
            row.pop()
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def value_range(book: Book, text: str, q: dict[str, str]) -> dict[str, Any]:
    sheet, box = book.find(text)
    major = q.get("majorDimension", "ROWS")
    rows = read_rows(
        sheet,
        box,
        q.get("valueRenderOption", "FORMATTED_VALUE"),
        q.get("dateTimeRenderOption", "SERIAL_NUMBER"),
    )
    r1 = min(box[2], sheet.rows)
    c1 = min(box[3], sheet.cols)
    out: dict[str, Any] = {
        "range": label(sheet.title, box[0], box[1], r1, c1),
        "majorDimension": major,
    }
    if rows:
        if major == "COLUMNS":
            width = max(len(r) for r in rows)
            rows = [[r[c] if c < len(r) else "" for r in rows] for c in range(width)]
        out["values"] = rows
    return out


def write(
    book: Book, text: str, body: dict[str, Any], option: str, *, append: bool = False
) -> dict[str, Any]:
    values = body.get("values") or []
    if not isinstance(values, list) or any(not isinstance(r, list) for r in values):
        raise bad_field("data.values", "Invalid value at 'data.values'")
    if body.get("majorDimension") == "COLUMNS":
        height = max((len(c) for c in values), default=0)
        values = [[c[r] if r < len(c) else None for c in values] for r in range(height)]
    sheet, (r0, c0, _r1, c1) = book.find(text)
    if append:
        used = [r for (r, c) in sheet.cells if c0 <= c < c1 or c1 - c0 == sheet.cols]
        r0 = (max(used) + 1) if used else r0
        need = r0 + len(values)
        if need > sheet.rows:
            sheet.properties["gridProperties"]["rowCount"] = need
    height = len(values)
    width = max((len(r) for r in values), default=0)
    if (r0 + height > sheet.rows or c0 + width > sheet.cols) and not append:
        raise invalid(
            f"Requested writing within range [{text}], but tried writing to row [{r0 + height}]"
            if r0 + height > sheet.rows
            else f"Requested writing within range [{text}], but tried writing to column "
            f"[{c0 + width}]"
        )
    for r, row in enumerate(values):
        for c, v in enumerate(row):
            cell = entered(v, option)
            if cell is None:
                continue
            key = (r0 + r, c0 + c)
            if cell == {}:
                sheet.cells.pop(key, None)
            else:
                old = sheet.cells.get(key, {})
                fmt = old.get("userEnteredFormat")
                if fmt and "userEnteredFormat" not in cell:
                    cell["userEnteredFormat"] = fmt
                sheet.cells[key] = cell
    cells = sum(1 for row in values for v in row if v is not None)
    return {
        "spreadsheetId": book.id,
        "updatedRange": label(sheet.title, r0, c0, r0 + max(height, 1), c0 + max(width, 1)),
        "updatedRows": height,
        "updatedColumns": width,
        "updatedCells": cells,
    }


def clear(book: Book, text: str) -> dict[str, Any]:
    sheet, (r0, c0, r1, c1) = book.find(text)
    for key in [k for k in sheet.cells if r0 <= k[0] < r1 and c0 <= k[1] < c1]:
        cell = sheet.cells[key]
        cell.pop("userEnteredValue", None)
        if not cell:
            del sheet.cells[key]
    return label(sheet.title, r0, c0, min(r1, sheet.rows), min(c1, sheet.cols))
