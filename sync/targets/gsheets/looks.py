"""How fupan's tabs look: cell formats, column widths and row heights, as one read sees them.

A tab left out of a refresh (diff.py) must also look as fupan drew it: someone who
recoloured, emphasised or resized cells of fupan's tabs in the browser gets them back as
fupan wrote them on the next refresh, as when the tab's values change. What is compared is
what the read that checks for edits returns anyway, with a fields mask kept narrow
(CHECK_FIELDS): each cell's number format type, fill and text colour, bold, italic and font
size, each cell's note, and the widths and heights fupan sets. Not read, so not compared:
number patterns, borders, alignment, fonts and wrapping (each would cost bytes on every
formatted cell).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .values import JSON

CHECK_FIELDS = (
    "sheets(properties(title),data(rowData(values(userEnteredValue,note,userEnteredFormat("
    "numberFormat(type),backgroundColorStyle,"
    "textFormat(bold,italic,fontSize,foregroundColorStyle)))),"
    "rowMetadata(pixelSize),columnMetadata(pixelSize)))"
)
DEFAULT_FONT_SIZE = 10  # Google's: a cell set to it looks like one never set
BLACK = (0, 0, 0)  # the text colour of a cell with none set

Signature = tuple[tuple[str, Any], ...]


@dataclass
class Look:
    """Cell formats by (row, column), and pixel sizes by column and by row (zero-based)."""

    cells: dict[tuple[int, int], Signature] = field(default_factory=dict)
    columns: dict[int, int] = field(default_factory=dict)
    rows: dict[int, int] = field(default_factory=dict)


def signature(fmt: JSON | None) -> Signature:
    """What CHECK_FIELDS reads of a CellFormat, defaults left out ("" for none)."""
    if not fmt:
        return ()
    text = fmt.get("textFormat", {})
    parts = {
        "type": fmt.get("numberFormat", {}).get("type"),
        "fill": _rgb(fmt.get("backgroundColorStyle")),
        "ink": _rgb(text.get("foregroundColorStyle")),
        "bold": text.get("bold") or None,
        "italic": text.get("italic") or None,
        "size": text.get("fontSize"),
    }
    if parts["ink"] == BLACK:
        parts["ink"] = None
    if parts["size"] == DEFAULT_FONT_SIZE:
        parts["size"] = None
    return _sorted(parts)


def _drawn_cell(cell: JSON) -> Signature:
    """A cell's format and note, as an updateCells writes them."""
    return _sorted({**dict(signature(cell.get("userEnteredFormat"))), "note": cell.get("note")})


def _sorted(parts: dict[str, Any]) -> Signature:
    """Parts in one order, unset ones left out: signatures compare as tuples."""
    return tuple(sorted((k, v) for k, v in parts.items() if v is not None))


def _rgb(style: JSON | None) -> tuple[int, int, int] | None:
    """A ColorStyle as 8-bit channels: Google leaves zero channels out and keeps floats."""
    if not style or "rgbColor" not in style:
        return None
    rgb = style["rgbColor"]
    red, green, blue = (round(float(rgb.get(k, 0)) * 255) for k in ("red", "green", "blue"))
    return red, green, blue


def drawn(requests: list[JSON]) -> Look:
    """The look a tab's own requests leave on an empty grid (they start by clearing it)."""
    look = Look()
    cells = look.cells
    for request in requests:
        ((kind, body),) = request.items()
        if kind == "updateCells" and "userEnteredFormat" in body["fields"]:
            where = body.get("range") or body["start"]
            r0 = where.get("startRowIndex", where.get("rowIndex", 0))
            c0 = where.get("startColumnIndex", where.get("columnIndex", 0))
            if "range" in body:
                for key in [k for k in cells if _inside(k, body["range"])]:
                    del cells[key]
            for i, row in enumerate(body.get("rows", [])):
                for j, cell in enumerate(row.get("values", [])):
                    _put(cells, (r0 + i, c0 + j), _drawn_cell(cell))
        elif kind == "repeatCell" and body["fields"].startswith("userEnteredFormat"):
            fmt = body["cell"]["userEnteredFormat"]
            whole = signature(fmt)
            only_type = body["fields"] == "userEnteredFormat.numberFormat"
            kind_of = dict(signature({"numberFormat": fmt.get("numberFormat", {})}))
            g = body["range"]
            for r in range(g.get("startRowIndex", 0), g["endRowIndex"]):
                for c in range(g.get("startColumnIndex", 0), g["endColumnIndex"]):
                    had = dict(cells.get((r, c), ()))
                    # A format written over a cell keeps its note (and, for a kind of
                    # number alone, the rest of its format).
                    kept = {**had, **kind_of} if only_type else dict(whole)
                    kept["note"] = had.get("note")
                    _put(cells, (r, c), _sorted(kept))
        elif kind == "updateDimensionProperties" and "pixelSize" in body["properties"]:
            span = body["range"]
            sizes = look.columns if span["dimension"] == "COLUMNS" else look.rows
            for i in range(span.get("startIndex", 0), span["endIndex"]):
                sizes[i] = body["properties"]["pixelSize"]
    return look


def _put(cells: dict[tuple[int, int], Signature], key: tuple[int, int], sig: Signature) -> None:
    if sig:
        cells[key] = sig
    else:
        cells.pop(key, None)


def _inside(key: tuple[int, int], g: JSON) -> bool:
    r, c = key
    rows = range(g.get("startRowIndex", 0), g["endRowIndex"])
    return r in rows and c in range(g.get("startColumnIndex", 0), g["endColumnIndex"])


def looks_of(answer: JSON) -> dict[str, Look]:
    """Each tab's look from a CHECK_FIELDS answer (whole tabs, read from A1)."""
    out: dict[str, Look] = {}
    for s in answer.get("sheets", []):
        look = Look()
        for data in s.get("data", [])[:1]:
            for r, row in enumerate(data.get("rowData", [])):
                for c, cell in enumerate(row.get("values", [])):
                    _put(look.cells, (r, c), _drawn_cell(cell))
            look.rows = _sizes(data.get("rowMetadata", []))
            look.columns = _sizes(data.get("columnMetadata", []))
        out[s["properties"]["title"]] = look
    return out


def _sizes(metadata: list[JSON]) -> dict[int, int]:
    return {i: m.get("pixelSize", 0) for i, m in enumerate(metadata)}


def same_look(read: Look | None, want: Look) -> bool:
    """The tab read back looks as drawn: every cell's format, and fupan's widths and heights."""
    if read is None:
        return False
    return (
        read.cells == want.cells
        and all(read.columns.get(i) == px for i, px in want.columns.items())
        and all(read.rows.get(i) == px for i, px in want.rows.items())
    )
