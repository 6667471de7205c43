"""The Dashboard's weekly profit trend: net profit (bars) and net margin (line, right scale),
once the review has profit. A week with a cost nobody typed has a blank profit, never 0: its
bar is missing, not flat. Weeks inside Amazon's 14-day restatement window are grey italics
(net profit subtracts their ad spend), and the legend under the table says so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ....addin.registry import KPIS, Unit
from ...i18n import t
from ..book import Book
from ..cells import plain, sheet_ref
from ..plan import Block, Cell, Chart, Style


@dataclass(frozen=True)
class ProfitTrend:
    blocks: list[Block]
    chart: Chart
    bottom: int  # the last row it fills


def has_profit(trend: pd.DataFrame) -> bool:
    """Whether any week of the trend has a net profit (the chart is drawn from then on)."""
    return "net_profit" in trend and bool(trend.net_profit.notna().any())


def profit_trend(book: Book, trend: pd.DataFrame, top: int, anchor: str) -> ProfitTrend:
    """The table from row `top` (its title) in columns A:C, and its chart at `anchor`."""
    lang = book.lang
    money = book.number_format(Unit.MONEY)
    since = book.i.provisional_from
    header = [
        Cell(t("week", lang), style=Style.HEADER),
        *[
            Cell(KPIS[k].name_zh if lang == "zh" else KPIS[k].name_en, style=Style.HEADER)
            for k in ("net_profit", "margin")
        ],
    ]
    rows = [header]
    grey = False
    for w in trend.itertuples(index=False):
        late = since is not None and isinstance(w.end, date) and w.end >= since
        grey |= late
        rows.append(
            [
                Cell(w.week),
                Cell(plain(w.net_profit), style=Style.MONEY, number_format=money, provisional=late),
                Cell(plain(w.margin), style=Style.RATIO, provisional=late),
            ]
        )
    head = top + 1
    first, last = head + 1, head + len(trend)
    blocks = [
        Block(top, 1, [[Cell(t("profit_trend", lang), style=Style.HEADER)]]),
        Block(head, 1, rows),
    ]
    bottom = last
    if grey:
        bottom = last + 1
        blocks.append(Block(bottom, 1, [[Cell(t("provisional_legend", lang), style=Style.NOTE)]]))
    d = sheet_ref(book.titles["dashboard"])
    chart = Chart(
        "bar",
        t("profit_trend_chart", lang),
        anchor,
        f"{d}!$A${first}:$A${last}",
        ((f"{d}!$B${head}", f"{d}!$B${first}:$B${last}"),),
        y_format=money or "General",
        secondary=((f"{d}!$C${head}", f"{d}!$C${first}:$C${last}"),),
        y2_format="0%",
        from_zero=not (trend.net_profit.astype(float) < 0).any(),
    )
    return ProfitTrend(blocks, chart, bottom)
