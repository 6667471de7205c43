"""Account health: each metric of the seller performance report."""

from __future__ import annotations

from ....addin.registry import KPIS
from ...i18n import shown, t
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
                t("amazon_status", lang),
                t("window", lang),
            )
        ]
    ]
    for r in h.itertuples(index=False):
        rows.append(
            [
                Cell(_metric(str(r.metric), lang)),
                value_cell(r.rate, Style.RATIO),
                value_cell(r.target, Style.RATIO),
                Cell(shown("health", str(r.status), lang)),
                Cell(f"{plain(r.period_start)}..{plain(r.period_end)}"),
            ]
        )
    return Sheet(
        "health",
        book.titles["health"],
        [book.title_rows("health", "R16"), Block(FIRST - 1, 1, rows)],
        widths={"A": 28, "E": 26},
    )


def _metric(metric: str, lang: str) -> str:
    """A metric of the performance report by its name: the KPI's (one definition), else the
    report's own metrics' labels (ODR by fulfilment channel ...)."""
    if metric in KPIS:
        k = KPIS[metric]
        return k.name_zh if lang == "zh" else k.name_en
    return shown("health", metric, lang)
