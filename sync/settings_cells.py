"""What a team types into Settings cells, as values: numbers (a percentage also as text,
"25%"), days (a date cell, or 2026-10-01 typed as text) and blanks."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

_PERCENT = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$")


def number_in(v: Any) -> float | None:
    """The number typed in a cell (25%, "25%" or 0.25), None when it holds none."""
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return None
    if isinstance(v, str):
        m = _PERCENT.match(v)
        if m:  # "25%" typed as text (a Google Sheet cell formatted as plain text)
            return float(m.group(1)) / 100
        v = v.strip()
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def blank(v: Any) -> bool:
    """An empty cell, or one holding only spaces."""
    return v is None or (isinstance(v, str) and not v.strip())


def shown(v: float | str | None) -> str:
    """A value as a message quotes it."""
    if v is None or v == "":
        return "(empty)"
    return f"{v:g}" if isinstance(v, float) else str(v)


_DAY = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$")


def day_in(v: Any) -> date | None:
    """A typed day: a date cell, or text such as 2026-10-01 or 2026/10/01."""
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, str):
        m = _DAY.match(v)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None
