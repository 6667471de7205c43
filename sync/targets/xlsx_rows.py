"""A write-only tab's rows as sheet XML, written straight into openpyxl's stream.

openpyxl's write-only mode still makes a cell object and an XML element per value, most of
the time of writing a large review. The common values (numbers, text, formulas, plain dates,
fupan's styled cells) are written here as the very same XML text openpyxl writes for them;
anything else (booleans, error texts, dates in styled cells, notes, rows with a height) goes
through openpyxl's own cell writer in place, so the file is the one openpyxl would write
(tests/test_xlsx_rows.py compares them byte for byte).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet

from ..workbook.plan import Cell

_LETTERS: list[str] = [""]  # column number -> letters, grown on demand
_MAX_TEXT = 32767  # openpyxl cuts longer text to Excel's limit: left to openpyxl


def _letter(col: int) -> str:
    while len(_LETTERS) <= col:
        _LETTERS.append(get_column_letter(len(_LETTERS)))
    return _LETTERS[col]


def _escape(text: str) -> str:
    """What ElementTree does to element text (openpyxl's serializer)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _xml(ref: str, v: Any, sid: int | None, text: bool) -> str | None:
    """One cell's XML as openpyxl writes it, or None when openpyxl must write it."""
    s = "" if sid is None else f' s="{sid}"'
    kind = type(v)
    if v is None:  # a styled blank (an unstyled one is not written at all)
        return f'<c r="{ref}"{s} t="n" />' if sid is not None and not text else None
    if kind is int or kind is float:
        if v != v or v in (float("inf"), float("-inf")):
            return None
        return f'<c r="{ref}"{s} t="n"><v>{format(v, ".16g")}</v></c>'
    if kind is not str or len(v) > _MAX_TEXT or ILLEGAL_CHARACTERS_RE.search(v):
        return None
    if not text:
        if len(v) > 1 and v[0] == "=":
            return f'<c r="{ref}"{s}><f>{_escape(v[1:])}</f><v /></c>'
        if v in ERROR_CODES:
            return None
    if v == "":
        return f'<c r="{ref}"{s} t="inlineStr" />'
    space = ' xml:space="preserve"' if v != v.strip() and v.strip() else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{_escape(v)}</t></is></c>'


def stream_rows(
    ws: Worksheet,
    rows: Iterable[Sequence[Any]],
    style_id: Callable[[Cell], int | None],
    openpyxl_cell: Callable[[Any], Any],
) -> None:
    """Write every row of the write-only tab `ws` (instead of `ws.append` per row).

    A row holds plain values and plan Cells: `style_id` is the id a styled Cell is written
    with, `openpyxl_cell` what `ws.append` would be given for a value this module leaves to
    openpyxl (a plan Cell with a note, a date, text a data tab keeps as text).
    """
    ws._get_writer()  # type: ignore[attr-defined]  # write-only internals, absent from the stubs
    writer = ws._writer  # type: ignore[attr-defined]
    xf = writer.xf.send(True)
    raw = xf._file  # the stream's own write: the text goes out as it is
    dims = ws.row_dimensions
    epoch = ws.parent.epoch  # type: ignore[union-attr]  # a tab is made by its workbook
    day_style: int | None = None  # registered at the first date, as openpyxl does
    serials: dict[date, str] = {}
    with xf.element("sheetData"):
        for r, row in enumerate(rows, 1):
            if r in dims:  # a height or a hidden row: openpyxl writes the row's attributes
                cells = [openpyxl_cell(v) for v in row]
                writer.write_row(xf, ws._values_to_row(cells, r), r)  # type: ignore[attr-defined]
                continue
            out = [f'<row r="{r}">']
            for c, v in enumerate(row, 1):
                if v is None:
                    continue
                if type(v) is Cell:
                    value = v.formula if v.formula is not None else v.value
                    fast = type(value) in _FAST and not v.note
                    fast = fast and (type(value) is str or not v.text)
                    xml = _xml(f"{_letter(c)}{r}", value, style_id(v), v.text) if fast else None
                elif type(v) is date:  # openpyxl's own format for a plain date, its day number
                    if day_style is None:
                        probe = WriteOnlyCell(ws, value=v)  # type: ignore[arg-type]  # stubs: no date
                        day_style = probe.style_id
                    serial = serials.get(v)
                    if serial is None:
                        day = to_excel(v, epoch)  # type: ignore[no-untyped-call]  # untyped upstream
                        serial = serials[v] = format(day, ".16g")
                    xml = f'<c r="{_letter(c)}{r}" s="{day_style}" t="n"><v>{serial}</v></c>'
                else:  # a data tab's value: text that starts like a formula stays text
                    xml = _xml(f"{_letter(c)}{r}", v, None, type(v) is str and v[:1] == "=")
                if xml is not None:
                    out.append(xml)
                    continue
                raw("".join(out))
                out = []
                _write_one(xf, ws, openpyxl_cell(v), r, c)
            out.append("</row>")
            raw("".join(out))
    writer.xf.send(None)
    ws._rows = _Written()  # type: ignore[attr-defined]  # close() then only ends the tab


_FAST = (int, float, str, type(None))


class _Written:
    """Stands for the row stream openpyxl's `close()` ends: everything is written already."""

    def close(self) -> None:
        return None


def _write_one(xf: Any, ws: Worksheet, v: Any, r: int, c: int) -> None:
    """One value through openpyxl's own cell writer, as its write-only `append` does."""
    if v is None:
        return
    cell = v if isinstance(v, XlCell) else WriteOnlyCell(ws, value=v)
    cell.column = c
    cell.row = r
    if cell.hyperlink is not None:
        cell.hyperlink.ref = cell.coordinate
    if cell.comment is not None:
        ws._comments.append(CommentRecord.from_cell(cell))  # type: ignore[attr-defined]
    if cell.value is None and not cell.has_style and cell.comment is None:
        return
    write_cell(xf, ws, cell, cell.has_style)
