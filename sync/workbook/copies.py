"""A per-row tab's own copy of the cells of other tabs that every row reads.

LibreOffice recalculates a formula reading a cell on its own tab far faster than one reading
a cell on another tab (2,000 ASINs: the 28,000 status cells reading their bands on Settings
took about a quarter of the review's recalculation). So Sales by ASIN, Ads by campaign and
Inventory copy each such cell once (a KPI's bands on Settings, the period's days on the
Dashboard) into a row of their own, folded away with the helper columns, and their rows
read the copy: editing a threshold on Settings still recolours every row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from openpyxl.utils import get_column_letter

from .book import Book
from .cells import formula
from .plan import Block

Bound = Literal["min", "max"]
BOUNDS: tuple[Bound, ...] = ("min", "max", "min", "max")  # Settings' D:G: green, yellow
# An open bound: beyond any value a report holds (Excel's numbers end near 1.8E+308). The
# status formula then compares twice per band instead of testing each bound for blank
# first: the status cells are a tenth of a 2,000-ASIN review's recalculation.
OPEN: dict[Bound, str] = {"min": "-9.99E+307", "max": "9.99E+307"}


@dataclass
class Copies:
    book: Book
    row: int  # the sheet row holding the copies (above the table's header)
    col: int  # the copies' first column (1-based), right of everything else on the tab
    _at: dict[str, Bound | None] = field(default_factory=dict)  # source -> what blank means
    _refs: dict[str, str] = field(default_factory=dict)  # source -> its copy's reference

    def of(self, source: str, bound: Bound | None = None) -> str:
        """This tab's copy of `source` (an absolute reference to another tab's cell); a
        `bound` of a band that holds no number copies as a bound nothing passes (below
        every value for a "min", above for a "max"): the open band."""
        if source not in self._refs:
            self._refs[source] = f"${get_column_letter(self.col + len(self._at))}${self.row}"
            self._at[source] = bound
        return self._refs[source]

    def status(self, value: str, kpi: str, category: str = "") -> str:
        """The status formula of `value`, reading this tab's copy of the KPI's bands."""
        cells = self.book.band_cells(self.book.threshold_row(kpi, category))
        gmin, gmax, ymin, ymax = (
            self.of(cell, bound) for cell, bound in zip(cells, BOUNDS, strict=True)
        )
        return self.book.status_within(value, (gmin, gmax, ymin, ymax))

    def __bool__(self) -> bool:
        return bool(self._at)

    def block(self) -> Block:
        cells = [
            formula(f"=IF(ISNUMBER({ref}),{ref},{OPEN[bound]})" if bound else f"={ref}")
            for ref, bound in self._at.items()
        ]
        return Block(self.row, self.col, [cells])

    def folded(self, first: str | None) -> tuple[str, ...]:
        """The tab's folded columns: its helper columns from `first` (None: none), and the
        copies."""
        last = get_column_letter(self.col + len(self._at) - 1)
        if first is None:
            return (f"{get_column_letter(self.col)}:{last}",) if self._at else ()
        return (f"{first}:{last}",)
