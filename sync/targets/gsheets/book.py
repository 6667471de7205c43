"""Reading back a Google Sheet: its tabs, fupan's old rules and charts, the team's cells.

What the spreadsheet's metadata says is gathered into a `Book`, the one place the write
protocol looks up sheet ids, sizes and what fupan must clear before rebuilding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from ..base import Grid
from .looks import Look
from .tab_settings import PROTECTION_NOTE
from .values import EPOCH, JSON

STAGE_PREFIX = "_fupan_stage_"
STAMP_KEY = "fupan.tab"  # developer metadata on each of fupan's tabs: its fingerprint
DEFAULT_TAB = re.compile(r"Sheet\d+|工作表\d+|シート\d+")
DATA_PREFIX = "data_"
META_FIELDS = (
    "spreadsheetId,properties(title,locale),"
    "sheets(properties,conditionalFormats(ranges(sheetId)),charts(chartId),"
    "protectedRanges(protectedRangeId,description),basicFilter(range(sheetId)),"
    "developerMetadata(metadataId,metadataKey,metadataValue)),"
    "namedRanges(namedRangeId,name,range)"
)
GRID_FIELDS = (
    "sheets(properties(title),"
    "data(rowData(values(userEnteredValue,userEnteredFormat(numberFormat(type))))))"
)


@dataclass
class Book:
    """The spreadsheet by tab title: sheet ids, properties, what fupan drew, grids read."""

    ids: dict[str, int]
    props: dict[str, JSON]
    rules: dict[str, int]
    charts: dict[str, list[int]]
    protections: dict[str, list[int]]
    filters: set[str]
    names: dict[str, str]
    title: str = ""
    locale: str = ""
    # fupan's tabs as last written: title -> (developer metadata id, fingerprint)
    stamps: dict[str, tuple[int, str]] = field(default_factory=dict)
    name_ranges: dict[str, JSON] = field(default_factory=dict)  # named range -> GridRange
    grids: dict[str, Grid] = field(default_factory=dict)
    looks: dict[str, Look] = field(default_factory=dict)  # fupan's tabs read to be left out


def book_of(meta: JSON) -> Book:
    """The spreadsheet's metadata (META_FIELDS) as a Book; no grids read yet."""
    about = meta.get("properties", {})
    book = Book({}, {}, {}, {}, {}, set(), {}, about.get("title", ""), about.get("locale", ""))
    for s in meta.get("sheets", []):
        p = s["properties"]
        title = p["title"]
        book.ids[title] = p["sheetId"]
        book.props[title] = p
        book.rules[title] = len(s.get("conditionalFormats", []))
        book.charts[title] = [c["chartId"] for c in s.get("charts", [])]
        book.protections[title] = [
            r["protectedRangeId"]
            for r in s.get("protectedRanges", [])
            if r.get("description") == PROTECTION_NOTE
        ]
        if "basicFilter" in s:
            book.filters.add(title)
        for m in s.get("developerMetadata", []):
            if m.get("metadataKey") == STAMP_KEY:
                book.stamps[title] = (m["metadataId"], m.get("metadataValue", ""))
    book.names = {n["name"]: n["namedRangeId"] for n in meta.get("namedRanges", [])}
    book.name_ranges = {n["name"]: n.get("range", {}) for n in meta.get("namedRanges", [])}
    return book


def grids_of(answer: JSON) -> dict[str, Grid]:
    """Each tab's values from a GRID_FIELDS answer, trailing empty rows dropped."""
    out: dict[str, Grid] = {}
    for s in answer.get("sheets", []):
        rows: Grid = []
        for data in s.get("data", [])[:1]:
            for row in data.get("rowData", []):
                rows.append([_value(c) for c in row.get("values", [])])
        while rows and not any(v is not None for v in rows[-1]):
            rows.pop()
        out[s["properties"]["title"]] = rows
    return out


def _value(cell: JSON) -> Any:
    v = cell.get("userEnteredValue")
    if not v:
        return None
    if "formulaValue" in v:
        return v["formulaValue"]
    if "stringValue" in v:
        return v["stringValue"]
    if "boolValue" in v:
        return v["boolValue"]
    if "numberValue" in v:
        n = v["numberValue"]
        kind = cell.get("userEnteredFormat", {}).get("numberFormat", {}).get("type")
        if kind in ("DATE", "DATE_TIME"):
            moment = EPOCH + timedelta(days=n)
            # A time shown with a date-only format is still kept (as .xlsx files keep it).
            return moment.date() if float(n).is_integer() else moment
        return int(n) if float(n).is_integer() else n
    return None


def blank_default(book: Book, title: str) -> bool:
    """A new spreadsheet's empty "Sheet1": not a tab the team made, so not kept."""
    return bool(DEFAULT_TAB.fullmatch(title)) and book.grids.get(title) == []
