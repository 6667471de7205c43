"""batchUpdate's pasteData: delimited text pasted as if a person pasted it into the grid.

Google parses pasted text as typed in the browser (the same parse as USER_ENTERED values:
`values.user_entered`), in the spreadsheet's locale. What is modelled: plain text with an
explicit delimiter, in an English-style locale ("." decimals), types PASTE_NORMAL and
PASTE_VALUES (plain text carries no formats, formulas or merges, so both set values only:
an empty field empties its cell, a parse that infers a number format sets it where the cell
has none). Not modelled, so refused with 501: HTML, Google's guess of a delimiter,
quoted fields, "\\r", other paste types and locales, and a paste beyond the grid.
"""

from __future__ import annotations

from typing import Any

from . import ranges
from . import values as vals
from .batch import Ctx, Reply, kind
from .errors import Unimplemented, invalid


@kind("pasteData")
def paste_data(ctx: Ctx, req: dict[str, Any]) -> Reply:
    if req.get("html"):
        raise Unimplemented("pasteData with html")
    delimiter = req.get("delimiter")
    if not delimiter:
        raise Unimplemented("pasteData without a delimiter (Google guesses one)")
    paste = req.get("type") or "PASTE_NORMAL"
    if paste not in ("PASTE_NORMAL", "PASTE_VALUES"):
        raise Unimplemented(f"pasteData with type {paste}")
    locale = str(ctx.book.properties.get("locale") or "en_US")
    if not locale.startswith("en"):
        raise Unimplemented(f"pasteData parsing in locale {locale}")
    data = str(req.get("data") or "")
    if "\r" in data:
        raise Unimplemented('pasteData with "\\r" line ends')
    sheet, r0, c0 = ranges.coordinate(ctx.book, req.get("coordinate"))
    lines = [line.split(delimiter) for line in data.split("\n")]
    r1 = r0 + len(lines)
    c1 = c0 + max(len(fields) for fields in lines)
    if r1 > sheet.row_count or c1 > sheet.column_count:
        raise Unimplemented("pasteData beyond the grid (whether Google grows it)")
    for i, fields in enumerate(lines):
        for j, text in enumerate(fields):
            if text.startswith('"'):
                raise Unimplemented("pasteData with quoted fields")
            if len(text) > vals.MAX_CELL_CHARS:
                raise invalid(vals.TOO_LONG)
            value, number_format = vals.user_entered(text) if text else (None, None)
            old = sheet.get(r0 + i, c0 + j)
            if value is None and old is None:
                continue
            new = vals.store(old, value, number_format)
            sheet.put(r0 + i, c0 + j, new or None)
    return None
