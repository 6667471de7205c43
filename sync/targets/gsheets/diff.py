"""Which of fupan's tabs a refresh can leave out: the sheet holds them exactly as planned.

Each tab fupan writes carries, in developer metadata on the tab, a fingerprint of the
requests that wrote it. A tab is left out only when its new requests have the same
fingerprint and what Google gives back still matches: every value and formula (read in the
request that checks for edits anyway), the grid's size, frozen rows and columns, hidden or
not, and fupan's colour rules, charts, filter and warning, and how it looks (looks.py:
cell colours, emphasis, kinds of number, notes, fupan's widths and heights). A tab someone
edited in the browser, or without a fingerprint, is written whole again.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from datetime import date
from typing import Any

from ..base import Grid
from .book import STAMP_KEY, Book
from .dialect import moved_down
from .grid import SheetContent
from .sheets_api import encode
from .values import JSON, serial


def fingerprint(requests: list[JSON]) -> str:
    """A digest of the requests that write one tab (sheet ids included: a new tab differs)."""
    return hashlib.sha256(encode(requests)).hexdigest()


def unchanged(book: Book, title: str, stamp: str, own: list[JSON], props: JSON) -> bool:
    """The tab is in the sheet as `own` (its requests, fingerprint `stamp`) would write it.

    `props` are the tab's properties as written; the tab's grid must have been read.
    """
    if title not in book.ids or book.stamps.get(title, (0, ""))[1] != stamp:
        return False
    have = book.props[title]
    grid = have.get("gridProperties", {})
    if any(grid.get(k, 0) != v for k, v in props["gridProperties"].items()):
        return False
    if have.get("hidden", False) != props.get("hidden", False):
        return False
    kinds = Counter(next(iter(r)) for r in own)
    drawn = (
        book.rules.get(title, 0),
        len(book.charts.get(title, [])),
        title in book.filters,
        len(book.protections.get(title, [])),
    )
    wanted = (
        kinds["addConditionalFormatRule"],
        kinds["addChart"],
        kinds["setBasicFilter"] > 0,
        kinds["addProtectedRange"],
    )
    return drawn == wanted


def values_match(read: Grid, body: SheetContent) -> bool:
    """The grid read back holds every value and formula of `body`, and nothing else."""
    have, want = normal(read), normal(expected(body))
    return len(have) == len(want) and all(
        len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
        for a, b in zip(have, want, strict=True)
    )


def expected(body: SheetContent) -> Grid:
    """The values a tab's requests leave in the grid, as a read of it gives them."""
    rows: Grid = [[_entered(c.get("userEnteredValue")) for c in r["values"]] for r in body.rows]
    for r0, r1, col, formula in body.fills:
        for r in range(r0, r1):
            line = rows[r]
            line.extend([None] * (col + 1 - len(line)))
            line[col] = moved_down(formula, r - r0)
    return rows


def _entered(value: JSON | None) -> Any:
    if not value:
        return None
    (v,) = value.values()
    return v


def normal(grid: Grid) -> Grid:
    """Values compared as Google keeps them: numbers and dates as numbers, no trailing blanks."""
    out: Grid = []
    for row in grid:
        line = [_plain(v) for v in row]
        while line and line[-1] is None:
            line.pop()
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _plain(v: Any) -> Any:
    if v is None or v == "" or isinstance(v, bool | str):
        return v if v != "" else None
    if isinstance(v, date):
        return serial(v)
    return float(v)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)  # a time read back as a date
    return type(a) is type(b) and a == b


def stamp(book: Book, title: str, sheet_id: int, value: str) -> JSON:
    """The request that records a written tab's fingerprint on the tab."""
    if title in book.stamps and book.ids.get(title) == sheet_id:
        lookup = {"developerMetadataLookup": {"metadataId": book.stamps[title][0]}}
        return {
            "updateDeveloperMetadata": {
                "dataFilters": [lookup],
                "developerMetadata": {"metadataValue": value},
                "fields": "metadataValue",
            }
        }
    return {
        "createDeveloperMetadata": {
            "developerMetadata": {
                "metadataKey": STAMP_KEY,
                "metadataValue": value,
                "location": {"sheetId": sheet_id},
                "visibility": "DOCUMENT",
            }
        }
    }
