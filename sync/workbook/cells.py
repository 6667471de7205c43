"""The one edge between frames and cells: NaN to empty, dates, text that must stay text."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from ...addin.registry import Unit
from .plan import Cell, Style

# A KPI's unit -> the cell style that formats it (one definition for every tab).
UNIT_STYLE = {
    Unit.MONEY: Style.MONEY,
    Unit.COUNT: Style.COUNT,
    Unit.RATIO: Style.RATIO,
    Unit.MULTIPLE: Style.MULTIPLE,
    Unit.DAYS: Style.DAYS,
}

# A shopper's search term such as `=HYPERLINK(...)`, `+cmd` or `@x` is text, never a formula.
FORMULA_LEADS = ("=", "+", "-", "@")
# Characters no spreadsheet cell can hold. Readers take them out of reports (with a warning);
# rows stored before they did are cleaned here, so one NUL can never stop a workbook write.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def printable(text: str) -> str:
    return _ILLEGAL.sub("", text) if _ILLEGAL.search(text) else text


def plain(value: Any) -> Any:
    """A value a spreadsheet can hold: None for NaN/NaT, date for day timestamps, floats."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | np.datetime64):
        ts = pd.Timestamp(value)
        if pd.isna(ts):
            return None
        return ts.date() if ts == ts.normalize() else ts.to_pydatetime()
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        f = float(value)
        return None if math.isnan(f) else f
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, str):
        return printable(value)
    return value


def text_cell(value: Any, style: Style | None = None) -> Cell:
    """Report text: written as literal text whatever its first character."""
    v = plain(value)
    if isinstance(v, str):
        return Cell(v, style=style, text=v.startswith(FORMULA_LEADS))
    return Cell(v, style=style)


def value_cell(value: Any, style: Style | None = None, number_format: str | None = None) -> Cell:
    v = plain(value)
    if isinstance(v, str):
        return text_cell(v, style)
    return Cell(v, style=style, number_format=number_format)


def formula(
    text: str,
    style: Style | None = None,
    *,
    provisional: bool = False,
    number_format: str | None = None,
) -> Cell:
    return Cell(
        formula=text if text.startswith("=") else f"={text}",
        style=style,
        provisional=provisional,
        number_format=number_format,
    )


def frame_values(frame: pd.DataFrame) -> list[list[Any]]:
    """A header row plus one row of plain values per frame row."""
    columns = []
    for c in frame.columns:
        s = frame[c]
        if isinstance(s.dtype, np.dtype) and s.dtype.kind == "M":  # naive: numpy gives days
            columns.append(s.to_numpy().astype("datetime64[D]").tolist())
        elif pd.api.types.is_datetime64_any_dtype(s):
            columns.append([None if pd.isna(v) else v.date() for v in s])
        elif s.dtype == np.float64:  # what plain() gives, without a call per value
            columns.append([None if v != v else v for v in s.to_numpy().tolist()])
        elif s.dtype in (np.int64, np.bool_):
            columns.append(s.to_numpy().tolist())
        elif pd.api.types.is_numeric_dtype(s):
            columns.append([plain(v) for v in s.to_numpy()])
        else:
            # pandas 3 keeps a missing text as NaN or NA, which str() would write as "nan".
            missing = s.isna().to_numpy().tolist()
            columns.append(
                [None if m else printable(str(v)) for v, m in zip(s, missing, strict=True)]
            )
    body = [list(r) for r in zip(*columns, strict=True)] if columns else []
    return [[str(c) for c in frame.columns], *body]


def sheet_ref(title: str) -> str:
    """A sheet name quoted for formulas: 'Sales by ASIN'!A1, with ' doubled."""
    return "'" + title.replace("'", "''") + "'"
