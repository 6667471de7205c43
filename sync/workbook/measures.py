"""A measure as a spreadsheet formula: a sum over the data tab holding its row set.

Which row set, column, key and filter: the engine's measure table (engine/measures.py), the
same entry the engine summed, so the workbook and the engine cannot count differently.
"""

from __future__ import annotations

from collections.abc import Callable

from ...addin.registry import Scope
from ..engine.measures import source_of
from .book import Book, Key

TAB_OF = {
    "sales": "data_sales",
    "ads": "data_ads",
    "stock": "data_stock",
    "returns": "data_returns",
}


def criterion(value: object) -> str:
    """A SUMIFS criterion for an equality filter (data tabs hold flags as 1/0)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def as_text(value: object) -> str:
    """An equality filter's value as the data tab's text holds it (flags as 1/0)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def measure_formula(
    book: Book, scope: Scope, measure: str, key_cell: str, key: str | None = None
) -> str | None:
    """A formula giving one measure for one key, or None when no data tab holds its rows.

    With the key's value, the formula references only that key's rows (Book.sumifs)."""
    of = measure_sum(book, scope, measure)
    return None if of is None else of(key_cell, key)


def measure_sum(book: Book, scope: Scope, measure: str) -> Callable[[str, str | None], str] | None:
    """measure_formula for every key of a table: the measure's source, tab and filters found
    once (a table asks for thousands of keys), or None when no data tab holds its rows."""
    source = source_of(measure, book.i.review.has)
    if source is None or source.rows not in TAB_OF or scope not in source.scopes:
        return None
    tab = TAB_OF[source.rows]
    column = source.keys.get(scope)
    filters = [Key(col, criterion(v), as_text(v)) for col, v in source.where.get(scope, ())]

    def of(key_cell: str, key: str | None) -> str:
        criteria: list[tuple[str, str] | Key] = []
        if column is not None:  # the lookup key first: its rows are adjacent (Book.sumifs)
            criteria.append(Key(column, key_cell, key) if key is not None else (column, key_cell))
        return book.sumifs(tab, source.column, [*criteria, *filters])

    return of
