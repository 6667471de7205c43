"""One tab's requests, and the workbook's named ranges: pure functions, no network.

A tab's requests are its cells (pasted where its values and formulas allow: paste.py) and everything
fupan draws on it; together they are what its fingerprint covers (diff.py).
"""

from __future__ import annotations

from ...workbook.plan import Sheet
from . import grid, paste, rules_charts, tab_settings
from .book import Book
from .grid import SheetContent
from .values import JSON


def tab_requests(
    s: Sheet,
    sid: int,
    body: SheetContent,
    size: tuple[int, int],
    ids: dict[str, int],
    *,
    pasted: bool,
) -> tuple[list[JSON], list[JSON]]:
    """(cells, the rest): the cells first clear the whole grid; the rest sets widths,
    folds, dropdowns, colour rules, charts, the filter and the warning."""
    cells = grid.write_cells(sid, body, size)
    if pasted:
        cells = paste.write_pasted(sid, body, size) + cells[1:]
    rest = tab_settings.widths(s, sid)
    rest += tab_settings.folds(s, sid, size[1])
    rest += tab_settings.heights(s, sid)
    rest += tab_settings.row_visibility(s, sid, size[0])
    rest += [tab_settings.validation(v, sid) for v in s.validations]
    rest += rules_charts.colour_rules(s, sid)
    rest += [rules_charts.chart(c, sid, ids) for c in s.charts]
    rest += tab_settings.basic_filter(s, sid)
    rest += tab_settings.protection(s, sid)
    return cells, rest


def named_ranges(book: Book, names: dict[str, str], ids: dict[str, int]) -> list[JSON]:
    """The plan's named ranges; one already in the sheet over the same cells is left as is."""
    out: list[JSON] = []
    for name, ref in names.items():
        add = tab_settings.named_range(name, ref, ids)
        if name in book.names:
            if _nonzero(book.name_ranges.get(name, {})) == _nonzero(
                add["addNamedRange"]["namedRange"]["range"]
            ):
                continue
            out.append({"deleteNamedRange": {"namedRangeId": book.names[name]}})
        out.append(add)
    return out


def _nonzero(grid_range: JSON) -> JSON:
    """A GridRange as Google answers it: zero indexes (and sheet id 0) left out."""
    return {k: v for k, v in grid_range.items() if v}
