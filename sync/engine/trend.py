"""The weekly trend behind the Dashboard's charts and the minutes.

The store is read once for all the weeks (a Window); each week is then counted by the same
rules as any review, for the account only.
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from ...addin.registry import Scope
from ..ingest.schema import TABLES
from ..periods import Period
from ..settings import Settings
from .build import build_review
from .review import Source

COLUMNS = ["week", "sales", "sessions", "acos", "tacos", "net_profit", "margin", "end"]


class Window:
    """A source's rows over a span, read once; asked for a period inside it, filters them."""

    def __init__(self, source: Source, span: Period, marketplace: str) -> None:
        self._source = source
        self._span = span
        self._marketplace = marketplace
        self._tables: dict[tuple[str, bool], pd.DataFrame] = {}
        self._spans: dict[str, list[Period]] = {}

    def table(
        self, name: str, *, marketplace: str | None = None, period: Period | None = None
    ) -> pd.DataFrame:
        assert marketplace in (None, self._marketplace), "a window holds one marketplace"
        key = (name, period is not None)
        if key not in self._tables:
            self._tables[key] = self._source.table(
                name, marketplace=self._marketplace, period=self._span if period else None
            )
        rows = self._tables[key]
        if period is None:
            return rows
        start, end = TABLES[name].span
        return rows[
            (rows[start] <= pd.Timestamp(period.end)) & (rows[end] >= pd.Timestamp(period.start))
        ]

    def spans(self, name: str, marketplace: str | None = None) -> list[Period]:
        if name not in self._spans:
            self._spans[name] = self._source.spans(name, self._marketplace)
        return self._spans[name]


def weekly_trend(
    store: Source,
    period: Period,
    marketplace: str,
    weeks: int = 8,
    settings: Settings | None = None,
) -> pd.DataFrame:
    """Sales, sessions, ACoS, TACoS, net profit and margin of the weeks ending with the
    period's end. Profit needs `settings`' product costs: a week with a cost unknown has a
    blank profit (None), never 0."""
    ends = [period.end - timedelta(days=7 * n) for n in range(weeks - 1, -1, -1)]
    window = Window(store, Period(ends[0] - timedelta(days=6), ends[-1]), marketplace)
    account = frozenset({Scope.ACCOUNT})
    rows = []
    for end in ends:
        week = Period(end - timedelta(days=6), end)
        r = build_review(
            window, week, marketplace=marketplace, settings=settings, scopes=account, pace=False
        )
        if r.kpis.empty:
            continue
        rows.append(
            {
                "week": f"{week.start:%m-%d}",
                "sales": r.value("sales") or 0.0,
                "sessions": r.value("sessions") or 0.0,
                "acos": r.value("acos"),
                "tacos": r.value("tacos"),
                "net_profit": r.value("net_profit"),
                "margin": r.value("margin"),
                "end": week.end,  # the week's last day (provisional from Amazon's 14 days)
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
