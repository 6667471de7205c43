"""Account health: each metric of the seller performance report."""

from __future__ import annotations

from ...i18n import t
from ..book import Book
from ..cells import plain, value_cell
from ..inputs import FIRST
from ..plan import Block, Cell, Sheet, Style


def health(book: Book) -> Sheet:
    lang = book.lang
    h = book.i.health_rows
    rows = [
        [
            Cell(x, style=Style.HEADER)
            for x in (
                t("metric", lang),
                t("value", lang),
                t("target", lang),
                "Amazon",
                t("window", lang),
            )
        ]
    ]
    for r in h.itertuples(index=False):
        rows.append(
            [
                Cell(r.metric),
                value_cell(r.rate, Style.RATIO),
                value_cell(r.target, Style.RATIO),
                Cell(r.status),
                Cell(f"{plain(r.period_start)}..{plain(r.period_end)}"),
            ]
        )
    return Sheet(
        "health",
        book.titles["health"],
        [book.title_rows("health", "R16"), Block(FIRST - 1, 1, rows)],
        widths={"A": 28, "E": 26},
    )
