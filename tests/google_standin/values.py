"""Cell values: RAW vs USER_ENTERED input, render options on output, a tiny formula subset.

Formulas are stored as typed; only arithmetic on literal numbers (`=4/2`, `=(1+2)*3`) is
evaluated. Any other formula reads back as its text under FORMULA and as empty otherwise:
assert on formula text, not on computed values.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from .errors import invalid
from .model import Cell, SheetModel

MAX_CELL_CHARS = 50_000
EPOCH = dt.datetime(1899, 12, 30)
TOO_LONG = "Your input contains more than the maximum of 50000 characters in a single cell."

_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:[eE][+-]?\d+)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_DATE_TIME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


# Input ------------------------------------------------------------------------------------


def _as_number(text: str) -> float | None:
    t = text.strip()
    if not t or not any(ch.isdigit() for ch in t) or not _NUMBER.fullmatch(t):
        return None
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None


def _num(value: float) -> int | float:
    """JSON numbers as Google prints them: 53, not 53.0."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def serial(moment: dt.datetime) -> float:
    """Sheets' date serial number (days since 1899-12-30)."""
    delta = moment - EPOCH
    return delta.days + delta.seconds / 86400


def _date_input(text: str) -> tuple[float, dict[str, str]] | None:
    t = text.strip()
    try:
        if m := _ISO_DATE.fullmatch(t):
            when = dt.datetime(int(m[1]), int(m[2]), int(m[3]))
            return serial(when), {"type": "DATE", "pattern": "yyyy-mm-dd"}
        if m := _ISO_DATE_TIME.fullmatch(t):
            when = dt.datetime(
                int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0)
            )
            return serial(when), {"type": "DATE_TIME", "pattern": "yyyy-mm-dd hh:mm:ss"}
        if m := _US_DATE.fullmatch(t):
            when = dt.datetime(int(m[3]), int(m[1]), int(m[2]))
            return serial(when), {"type": "DATE", "pattern": "m/d/yyyy"}
        if m := _TIME.fullmatch(t):
            hours, minutes, seconds = int(m[1]), int(m[2]), int(m[3] or 0)
            if hours < 24 and minutes < 60 and seconds < 60:
                value = (hours * 3600 + minutes * 60 + seconds) / 86400
                return value, {"type": "TIME", "pattern": "h:mm:ss am/pm"}
    except ValueError:
        return None
    return None


def user_entered(text: str) -> tuple[dict[str, Any], dict[str, str] | None]:
    """Parse a string as if typed into the Sheets UI: (ExtendedValue, numberFormat or None)."""
    if text.startswith("'"):
        return {"stringValue": text[1:]}, None
    if text.startswith("=") and len(text) > 1:
        return {"formulaValue": text}, None
    number = _as_number(text)
    if number is not None:
        return {"numberValue": _num(number)}, None
    if text.startswith("+") and len(text) > 1:
        return {"formulaValue": "=" + text}, None
    upper = text.strip().upper()
    if upper in ("TRUE", "FALSE"):
        return {"boolValue": upper == "TRUE"}, None
    stripped = text.strip()
    if stripped.endswith("%"):
        number = _as_number(stripped[:-1])
        if number is not None:
            pattern = "0.00%" if "." in stripped else "0%"
            return {"numberValue": _num(number / 100)}, {"type": "PERCENT", "pattern": pattern}
    if stripped.startswith("$"):
        number = _as_number(stripped[1:])
        if number is not None:
            return {"numberValue": _num(number)}, {
                "type": "CURRENCY",
                "pattern": '"$"#,##0.00',
            }
    found = _date_input(text)
    if found is not None:
        return {"numberValue": _num(found[0])}, found[1]
    return {"stringValue": text}, None


def input_value(
    value: Any, option: str, where: str
) -> tuple[dict[str, Any] | None, dict[str, str] | None] | None:
    """One cell of a values write: None = skip (JSON null); ({}, None)-like = clear.

    Returns (ExtendedValue or None to clear, numberFormat to set or None).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return {"boolValue": value}, None
    if isinstance(value, (int, float)):
        return {"numberValue": _num(value)}, None
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            raise invalid(TOO_LONG)
        if value == "":
            return None, None
        if option == "RAW":
            return {"stringValue": value}, None
        return user_entered(value)
    kind = "list_value" if isinstance(value, list) else "struct_value"
    raise invalid(f"Invalid {where}: {kind}")


def store(cell: Cell | None, value: dict[str, Any] | None, number_format: dict | None) -> Cell:
    """A new cell dict with its userEnteredValue replaced (formats kept)."""
    out = dict(cell) if cell else {}
    if value is None:
        out.pop("userEnteredValue", None)
    else:
        out["userEnteredValue"] = value
    if number_format is not None:
        fmt = dict(out.get("userEnteredFormat") or {})
        if "numberFormat" not in fmt:
            fmt["numberFormat"] = number_format
            out["userEnteredFormat"] = fmt
    return out


# Formulas -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|(.))")


def evaluate(formula: str) -> float | None:
    """`=4/2` -> 2.0; anything beyond + - * / ^ and parentheses on numbers -> None."""
    tokens: list[str | float] = []
    for number, op in _TOKEN.findall(formula[1:]):
        if number:
            tokens.append(float(number))
        elif op:
            if op not in "+-*/^()":
                return None
            tokens.append(op)
    pos = 0

    def peek() -> str | float | None:
        return tokens[pos] if pos < len(tokens) else None

    def take() -> str | float | None:
        nonlocal pos
        pos += 1
        return tokens[pos - 1] if pos <= len(tokens) else None

    def atom() -> float:
        tok = take()
        if isinstance(tok, float):
            return tok
        if tok == "-":
            return -atom()
        if tok == "+":
            return atom()
        if tok == "(":
            value = expr()
            if take() != ")":
                raise ValueError
            return value
        raise ValueError

    def power() -> float:
        value = atom()
        while peek() == "^":
            take()
            value = value ** atom()
        return value

    def term() -> float:
        value = power()
        while peek() in ("*", "/"):
            if take() == "*":
                value *= power()
            else:
                value /= power()
        return value

    def expr() -> float:
        value = term()
        while peek() in ("+", "-"):
            value = value + term() if take() == "+" else value - term()
        return value

    try:
        result = expr()
    except (ValueError, ZeroDivisionError, OverflowError):
        return None
    if pos != len(tokens) or not math.isfinite(result):
        return None
    return result


def effective(cell: Cell | None) -> dict[str, Any] | None:
    """The effectiveValue of a cell (None: empty or not computable here)."""
    if not cell:
        return None
    value = cell.get("userEnteredValue")
    if not value:
        return None
    if "formulaValue" in value:
        result = evaluate(value["formulaValue"])
        return None if result is None else {"numberValue": _num(result)}
    return value


# Formatting ---------------------------------------------------------------------------------


def _general(number: float) -> str:
    if float(number).is_integer() and abs(number) < 1e15:
        return str(int(number))
    if abs(number) >= 1e15 or abs(number) < 1e-10:
        return f"{number:.5E}".replace("E+", "E+")
    text = f"{number:.10f}".rstrip("0").rstrip(".")
    return text


def _date_text(number: float, pattern: str) -> str:
    moment = EPOCH + dt.timedelta(days=number)
    moment = moment.replace(microsecond=0) + dt.timedelta(seconds=round(moment.microsecond / 1e6))
    out = ""
    i = 0
    low = pattern
    saw_hour = False
    ampm = "am/pm" in pattern.lower()
    while i < len(low):
        chunk = low[i:]
        lower = chunk.lower()
        if lower.startswith("yyyy"):
            out += f"{moment.year:04d}"
            i += 4
        elif lower.startswith("yy"):
            out += f"{moment.year % 100:02d}"
            i += 2
        elif lower.startswith("am/pm"):
            out += "AM" if moment.hour < 12 else "PM"
            i += 5
        elif lower.startswith("mm") or lower.startswith("m"):
            width = 2 if lower.startswith("mm") else 1
            rest = lower[width:].lstrip(":")
            minutes = saw_hour or rest.startswith("s")
            value = moment.minute if minutes else moment.month
            out += f"{value:0{width}d}"
            i += width
        elif lower.startswith("dd") or lower.startswith("d"):
            width = 2 if lower.startswith("dd") else 1
            out += f"{moment.day:0{width}d}"
            i += width
        elif lower.startswith("hh") or lower.startswith("h"):
            width = 2 if lower.startswith("hh") else 1
            hour = moment.hour % 12 or 12 if ampm else moment.hour
            out += f"{hour:0{width}d}"
            saw_hour = True
            i += width
        elif lower.startswith("ss") or lower.startswith("s"):
            width = 2 if lower.startswith("ss") else 1
            out += f"{moment.second:0{width}d}"
            i += width
        else:
            out += chunk[0]
            i += 1
    return out


def _pattern_number(number: float, pattern: str) -> str:
    sections = pattern.split(";")
    if number < 0 and len(sections) > 1:
        pattern, number, sign = sections[1], -number, ""
    else:
        pattern, sign = sections[0], "-" if number < 0 else ""
        number = abs(number)
    literal = re.sub(r'"([^"]*)"|\\(.)', lambda m: m.group(1) or m.group(2) or "", pattern)
    match = re.search(r"[0#?][0#?,]*(?:\.[0#?]+)?(?:E\+0+)?", literal)
    if not match:
        return sign + literal
    core = match.group(0)
    if "%" in literal:
        number *= 100
    if "E+" in core:
        decimals = len(core.split(".")[1].split("E")[0]) if "." in core else 0
        text = f"{number:.{decimals}E}"
    else:
        decimals = len(core.split(".")[1]) if "." in core else 0
        grouping = "," in core.split(".")[0]
        text = f"{number:,.{decimals}f}" if grouping else f"{number:.{decimals}f}"
    return sign + literal[: match.start()] + text + literal[match.end() :]


def _is_datetime(number_format: dict | None) -> bool:
    return bool(number_format and number_format.get("type") in ("DATE", "TIME", "DATE_TIME"))


def formatted(cell: Cell | None) -> str | None:
    """The formattedValue: what the UI shows."""
    value = effective(cell)
    if value is None:
        return None
    if "stringValue" in value:
        return value["stringValue"]
    if "boolValue" in value:
        return "TRUE" if value["boolValue"] else "FALSE"
    if "errorValue" in value:
        return value["errorValue"].get("type", "#ERROR!")
    number = value.get("numberValue", 0)
    fmt = ((cell or {}).get("userEnteredFormat") or {}).get("numberFormat")
    if fmt:
        kind = fmt.get("type")
        pattern = fmt.get("pattern")
        if kind in ("DATE", "TIME", "DATE_TIME"):
            default = {"DATE": "m/d/yyyy", "TIME": "h:mm:ss am/pm"}.get(kind, "m/d/yyyy h:mm:ss")
            return _date_text(number, pattern or default)
        if pattern:
            return _pattern_number(number, pattern)
        if kind == "PERCENT":
            return _pattern_number(number, "0.00%")
        if kind == "CURRENCY":
            return _pattern_number(number, '"$"#,##0.00')
    return _general(number)


def render(cell: Cell | None, option: str, date_time: str) -> Any:
    """One cell under valueRenderOption / dateTimeRenderOption (None: empty)."""
    if not cell:
        return None
    if option == "FORMATTED_VALUE":
        return formatted(cell)
    user = cell.get("userEnteredValue")
    if not user:
        return None
    if option == "FORMULA" and "formulaValue" in user:
        return user["formulaValue"]
    value = effective(cell)
    if value is None:
        return ""
    if "numberValue" in value:
        fmt = (cell.get("userEnteredFormat") or {}).get("numberFormat")
        if date_time == "FORMATTED_STRING" and _is_datetime(fmt):
            return formatted(cell)
        return _num(value["numberValue"])
    if "stringValue" in value:
        return value["stringValue"]
    if "boolValue" in value:
        return value["boolValue"]
    return value.get("errorValue", {}).get("type", "#ERROR!")


def read_matrix(
    sheet: SheetModel,
    r0: int,
    r1: int,
    c0: int,
    c1: int,
    option: str = "FORMATTED_VALUE",
    date_time: str = "SERIAL_NUMBER",
    major: str = "ROWS",
) -> list[list[Any]]:
    """values.get's `values`: trailing empty cells and rows trimmed (inner ones are "")."""
    rows: list[list[Any]] = []
    last_row = -1
    wanted = sorted(r for r in sheet.cells if r0 <= r < r1)
    by_row: dict[int, list[Any]] = {}
    for r in wanted:
        found = sheet.cells[r]
        line: list[Any] = []
        last = -1
        for c in sorted(c for c in found if c0 <= c < c1):
            shown = render(found[c], option, date_time)
            if shown is None or shown == "":
                continue
            while len(line) < c - c0:
                line.append("")
            line.append(shown)
            last = c
        if last >= 0:
            by_row[r] = line
            last_row = r
    if last_row < 0:
        return []
    for r in range(r0, last_row + 1):
        rows.append(by_row.get(r, []))
    if major == "COLUMNS":
        width = max(len(line) for line in rows)
        columns = [[line[c] if c < len(line) else "" for line in rows] for c in range(width)]
        for col in columns:
            while col and col[-1] == "":
                col.pop()
        return columns
    return rows
