"""The tabs' layout as Sheets API requests: tabs added, emptied of fupan's old rules and
charts, resized, ordered; stale tabs gone. Pure functions, no network."""

from __future__ import annotations

import random

from ...workbook.plan import Block, Cell, Sheet
from ..base import STATE_SHEET
from .book import Book
from .tab_settings import PROPERTY_FIELDS, sheet_properties
from .values import JSON


def layout(
    book: Book,
    sheets: list[Sheet],
    sizes: dict[str, tuple[int, int]],
    ids: dict[str, int],
    keep: list[str],
    same: frozenset[str] = frozenset(),
) -> list[JSON]:
    """Tabs added, emptied of fupan's old rules and charts, resized, ordered; stale tabs gone.

    Tabs in `same` are in the sheet as planned (diff.py): left as they are, only moved.
    """
    plan_titles = {s.title for s in sheets}
    stale = [t for t in book.ids if t not in plan_titles and t not in keep]
    head: list[JSON] = []
    # Shrink before growing: Google checks the cell limit after every request.
    for s in sheets:
        if s.title in book.ids and s.title not in same:
            head += _clear_extras(book, s.title)
            old = book.props[s.title]["gridProperties"]
            small = (
                min(old["rowCount"], sizes[s.title][0]),
                min(old["columnCount"], sizes[s.title][1]),
            )
            head.append(_resize(ids[s.title], small))
    deletions = [{"deleteSheet": {"sheetId": book.ids[t]}} for t in stale]
    if len(stale) < len(book.ids):
        head += deletions
    order = [s.title for s in sheets[:-1]] + keep + [STATE_SHEET]
    for s in sheets:
        if s.title in same:
            continue
        props = sheet_properties(s, ids[s.title], order.index(s.title), sizes[s.title])
        if s.title in book.ids:
            head.append({"updateSheetProperties": {"properties": props, "fields": PROPERTY_FIELDS}})
        else:
            head.append({"addSheet": {"properties": props}})
    if len(stale) == len(book.ids):
        head += deletions  # a fresh sheet's "Sheet1": only once ours exist
    now = sorted(book.ids, key=lambda t: book.props[t].get("index", 0))
    if now == order:
        return head  # every tab already where it belongs
    return head + [_index(ids[t], n) for n, t in enumerate(order)]


def new_id(used: set[int]) -> int:
    while True:
        n = random.randrange(1, 2**31 - 1)
        if n not in used:
            used.add(n)
            return n


def _resize(sheet_id: int, size: tuple[int, int]) -> JSON:
    return {
        "updateSheetProperties": {
            "properties": {
                "sheetId": sheet_id,
                "gridProperties": {"rowCount": max(size[0], 1), "columnCount": max(size[1], 1)},
            },
            "fields": "gridProperties.rowCount,gridProperties.columnCount",
        }
    }


def _index(sheet_id: int, index: int) -> JSON:
    return {
        "updateSheetProperties": {
            "properties": {"sheetId": sheet_id, "index": index},
            "fields": "index",
        }
    }


def _clear_extras(book: Book, title: str) -> list[JSON]:
    """fupan owns its tabs' rules, charts, filter and warnings: all rebuilt every sync."""
    sid = book.ids[title]
    out: list[JSON] = [
        {"deleteConditionalFormatRule": {"sheetId": sid, "index": 0}}
        for _ in range(book.rules.get(title, 0))
    ]
    out += [{"deleteEmbeddedObject": {"objectId": c}} for c in book.charts.get(title, [])]
    out += [{"deleteProtectedRange": {"protectedRangeId": p}} for p in book.protections[title]]
    if title in book.filters:
        out.append({"clearBasicFilter": {"sheetId": sid}})
    return out


def state_sheet(state: dict[str, str]) -> Sheet:
    rows = [[Cell(k, text=True), Cell(v, text=True)] for k, v in sorted(state.items())]
    return Sheet("state", STATE_SHEET, [Block(1, 1, rows)] if rows else [], hidden=True)
