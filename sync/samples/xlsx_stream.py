"""A report's rows written as sheet XML into openpyxl's write-only stream, column by column.

The console reports of a large seller hold a million cells a week; openpyxl makes a cell
object and an XML element for each, which made generating the 8,000-ASIN benchmark take
hours. Here each column's cells are formatted at once (its style id, its type) and each row
is joined as text: the very XML openpyxl writes for the same `WriteOnlyCell`s (text as an
inline string, numbers as `%.16g`, datetimes as Excel serials, a styled empty cell kept).
A value outside those (NaN, a mixed column) goes through openpyxl's own cell writer in
place. tests/test_samples_xlsx_stream.py compares the files with openpyxl's byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

_INF = (float("inf"), float("-inf"))


def _escape(text: str) -> str:
    """What ElementTree does to element text (openpyxl's serializer)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(v: Any, style: str) -> str | None:
    """A text cell after its reference (`<c r="A2"` + this); None: openpyxl writes it."""
    if v is None:  # openpyxl keeps a styled empty cell and drops a plain one
        return f'{style} t="n" />' if style else ""
    if type(v) is not str or ILLEGAL_CHARACTERS_RE.search(v):
        return None
    if v == "":
        return f'{style} t="inlineStr" />'
    space = ' xml:space="preserve"' if v != v.strip() and v.strip() else ""
    return f'{style} t="inlineStr"><is><t{space}>{_escape(v)}</t></is></c>'


def _number(v: Any, style: str) -> str | None:
    """A number cell after its reference, as `_text`; NaN, infinity and anything but a plain
    int or float are left to openpyxl."""
    if v is None:
        return f'{style} t="n" />' if style else ""
    if type(v) not in (int, float) or v != v or v in _INF:
        return None
    return f'{style} t="n"><v>{format(v, ".16g")}</v></c>'


def _column(values: pd.Series, style: str, epoch: datetime) -> list[str | None]:
    """Each cell of a column as `_text`/`_number` write it."""
    kind = values.dtype.kind
    if kind == "M":  # the same few days all down the column: each converted once
        serials: dict[Any, str | None] = {}
        for day in values.unique().tolist():
            if day is pd.NaT:  # left to openpyxl
                serials[day] = None
                continue
            day_number = to_excel(day.to_pydatetime(), epoch)  # type: ignore[no-untyped-call]  # untyped upstream
            serial = format(day_number, ".16g")
            serials[day] = f'{style} t="n"><v>{serial}</v></c>'
        return [serials[v] for v in values.tolist()]
    items = values.tolist()
    if kind in "iuf":
        return [_number(v, style) for v in items]
    if all(v is None or type(v) is str for v in items):
        return [_text(v, style) for v in items]
    return [_number(v, style) for v in items]  # text among numbers: left to openpyxl


def stream_report(
    ws: WriteOnlyWorksheet,
    header: Sequence[str],
    frame: pd.DataFrame,
    formats: Sequence[str | None],
) -> None:
    """Write `header` and `frame`'s rows into the new write-only tab `ws` (instead of
    `ws.append` per row), every text as text (as the consoles write names and terms) and
    column i in number format `formats[i]`: the XML of a `WriteOnlyCell` per value."""
    # Write-only internals (absent from the stubs), started as openpyxl's own append does.
    ws._get_writer()  # type: ignore[attr-defined]
    writer = ws._writer  # type: ignore[attr-defined]
    xf = writer.xf.send(True)
    raw = xf._file  # the stream's own write: the text goes out as it is
    with xf.element("sheetData"):
        writer.write_row(xf, ws._values_to_row(list(header), 1), 1)  # type: ignore[attr-defined]
        if not frame.empty:
            _rows(ws, xf, raw, frame, formats)
    writer.xf.send(None)
    ws._rows = _Written()  # type: ignore[attr-defined]  # close() then only ends the tab


def _rows(ws: Any, xf: Any, raw: Any, frame: pd.DataFrame, formats: Sequence[str | None]) -> None:
    """The data rows, from sheet row 2, as text into the stream's own `raw` write."""
    styles = []
    for v, fmt in zip(frame.iloc[0].tolist(), formats, strict=True):
        # The first row's cells register their formats (a datetime's default one first) and
        # styles in column order: the same ids as openpyxl's.
        probe = WriteOnlyCell(ws, value=v.to_pydatetime() if isinstance(v, pd.Timestamp) else v)
        if fmt is not None:
            probe.number_format = fmt
        styles.append(f' s="{probe.style_id}"' if probe.has_style else "")
    epoch = ws.parent.epoch
    columns = [_column(v, s, epoch) for (_, v), s in zip(frame.items(), styles, strict=True)]
    letters = [get_column_letter(c) for c in range(1, len(columns) + 1)]
    for i, cells in enumerate(zip(*columns, strict=True)):
        r = i + 2
        out = [f'<row r="{r}">']
        for c, xml in enumerate(cells):
            if xml is None:
                raw("".join(out))
                out = []
                _write_one(xf, ws, frame.iat[i, c], formats[c], r, c + 1)
            elif xml:
                out.append(f'<c r="{letters[c]}{r}"{xml}')
        out.append("</row>")
        raw("".join(out))


class _Written:
    """Stands for the row stream openpyxl's `close()` ends: everything is written already."""

    def close(self) -> None:
        return None


def _write_one(xf: Any, ws: Any, v: Any, fmt: str | None, r: int, c: int) -> None:
    """One value through openpyxl's own cell writer, as the per-cell report writer did."""
    if isinstance(v, pd.Timestamp):
        v = v.to_pydatetime()
    cell = WriteOnlyCell(ws, value=v)
    if isinstance(v, str):
        cell.data_type = "s"
    if fmt is not None:
        cell.number_format = fmt
    cell.column = c
    cell.row = r
    if cell.value is None and not cell.has_style:
        return
    write_cell(xf, ws, cell, cell.has_style)
