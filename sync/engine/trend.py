"""The weekly trend behind the Dashboard's charts and the minutes.

The store is read once for the whole span; the Business Report and ad rows are grouped by the
trend week they lie in, and each week is summed by the engine's own rules (its counted ad grain,
its row sets, the same sums in the same row order), with the week's money and profit read
through the Window as a review reads them, so every figure is the one a review of that week
gives, to the last digit. Summing in SQL, or in one pandas groupby, would change last
digits: each week's rows are summed as a review sums them.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import NamedTuple, cast

import numpy as np
import pandas as pd

from ...addin.registry import Scope, get
from ..ingest.schema import TABLES
from ..periods import Period
from ..settings import Settings
from .build import SALES_AND_ADS_READS, build_review, sales_and_ads
from .counting import counted_ads
from .kpi_frame import combine
from .measures import MEASURES, source_of, sum_measures
from .money import money_measures
from .profit import NULLABLE, profit_measures
from .review import Source

COLUMNS = ["week", "sales", "sessions", "acos", "tacos", "net_profit", "margin", "end"]
KPIS = ("sales", "sessions", "acos", "tacos", "net_profit", "margin")
ACCOUNT = frozenset({Scope.ACCOUNT})


class Window:
    """A source's rows over a span, read once; asked for a period inside it, filters them."""

    def __init__(self, source: Source, span: Period, marketplace: str) -> None:
        self._source = source
        self.span = span
        self._marketplace = marketplace
        self._tables: dict[tuple[str, bool, tuple[str, ...] | None], pd.DataFrame] = {}
        self._spans: dict[str, list[Period]] = {}

    def table(
        self,
        name: str,
        *,
        marketplace: str | None = None,
        period: Period | None = None,
        columns: Collection[str] | None = None,
    ) -> pd.DataFrame:
        assert marketplace in (None, self._marketplace), "a window holds one marketplace"
        key = (name, period is not None, None if columns is None else tuple(columns))
        if key not in self._tables:
            self._tables[key] = self._source.table(
                name,
                marketplace=self._marketplace,
                period=self.span if period else None,
                columns=columns,
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
    settings = settings or Settings.defaults()
    first = period.end - timedelta(days=7 * weeks - 1)
    window = Window(store, Period(first, period.end), marketplace)
    by_week = {name: _weeks_of(name, _read(window, name), first) for name in SALES_AND_ADS_READS}
    rows = []
    for n in range(weeks):
        week = Period(first + timedelta(days=7 * n), first + timedelta(days=7 * n + 6))
        ads = by_week["ads"].get(n, _empty("ads", window))
        values = _week_values(
            by_week["business_asin"].get(n, _empty("business_asin", window)),
            by_week["business_daily"].get(n, _empty("business_daily", window)),
            ads.assign(counted=counted_ads(ads, week)),
            week,
            _money_and_profit(window, week, marketplace, settings),
        )
        if values is None:
            # No sales, ad or profit figure: whether the week shows at all (stock, health ...)
            # is the whole review's to say; its figures are blank.
            r = build_review(
                window, week, marketplace=marketplace, settings=settings, scopes=ACCOUNT, pace=False
            )
            if r.kpis.empty:
                continue
            values = {k: r.value(k) for k in KPIS}
        rows.append(
            {
                "week": f"{week.start:%m-%d}",
                "sales": values["sales"] or 0.0,
                "sessions": values["sessions"] or 0.0,
                "acos": values["acos"],
                "tacos": values["tacos"],
                "net_profit": values["net_profit"],
                "margin": values["margin"],
                "end": week.end,  # the week's last day (provisional from Amazon's 14 days)
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def _weeks_of(name: str, rows: pd.DataFrame, first: date) -> dict[int, pd.DataFrame]:
    """Trend week number -> the rows lying wholly inside that week, in the rows' order.

    A row inside week n starts on or after its first day and ends by its last: the engine's
    `within` test for that week. Rows crossing a week's edge are in no week, as in a review.
    """
    start, end = TABLES[name].span
    origin = pd.Timestamp(first)
    n = np.floor(((rows[start] - origin) / pd.Timedelta(days=7)).to_numpy(dtype="float64"))
    last = origin + pd.to_timedelta(np.nan_to_num(n, nan=0.0) * 7 + 6, unit="D")
    inside = ~np.isnan(n) & (n >= 0) & (rows[end] <= last).to_numpy()
    kept = rows[inside]
    week = n[inside].astype("int64")
    return {int(cast(int, k)): g for k, g in kept.groupby(week, sort=True)}


def _read(window: Window, name: str) -> pd.DataFrame:
    """The span's rows of a table, only the columns a week's figures are counted from."""
    return window.table(name, period=window.span, columns=SALES_AND_ADS_READS[name])


def _empty(name: str, window: Window) -> pd.DataFrame:
    """No rows of the table: a week without any."""
    return _read(window, name).iloc[0:0]


class _Account(NamedTuple):
    """A week's account money and profit measures, as its review adds them."""

    parts: list[pd.DataFrame]
    present: set[str]
    unknown: pd.DataFrame | None  # the costs nobody typed: blank, never 0


def _money_and_profit(
    window: Window, week: Period, marketplace: str, settings: Settings
) -> _Account:
    """The week's money (Payments reports) and profit measures of the account, read through
    the Window with the same calls, in the same order, as build_review makes them."""
    money = money_measures(window, week, marketplace)
    profit = profit_measures(window, week, marketplace, settings, money)
    cash, account = money.measures.get(Scope.ACCOUNT), profit.measures.get(Scope.ACCOUNT)
    parts = [f for f in (cash, account) if f is not None]
    unknown = None if account is None else account[sorted(NULLABLE)].isna()
    return _Account(parts, money.present | profit.present, unknown)


def _week_values(
    biz: pd.DataFrame, daily: pd.DataFrame, ads: pd.DataFrame, week: Period, money: _Account
) -> dict[str, float | None] | None:
    """The week's figures as its review gives them; None when it has none of them to give
    (the review then decides whether the week shows)."""
    rows: dict[str, pd.DataFrame] = {}
    has: dict[str, set[str]] = {}
    for name, part, cols in sales_and_ads(biz, daily, ads):
        rows[name] = part
        has[name] = set(cols)
    present = {m for m in MEASURES if source_of(m, has) is not None} | money.present
    parts = sum_measures(rows, has, ACCOUNT)[Scope.ACCOUNT] + money.parts
    frame = combine(parts, week, money.unknown)
    values: dict[str, float | None] = dict.fromkeys(KPIS)
    shown = False
    for kpi_id in KPIS:
        kpi = get(kpi_id)
        needs = set(kpi.measures)
        if Scope.ACCOUNT not in kpi.scopes or not needs <= present | {"days"}:
            continue
        if frame.empty or not needs <= set(frame.columns):
            continue
        columns = {m: frame[m] for m in kpi.measures}  # as kpi_frame.evaluate_kpis reads them
        value = pd.Series(kpi.compute(columns), index=frame.index, dtype="float64")
        values[kpi_id] = None if pd.isna(value.iloc[0]) else float(value.iloc[0])
        shown = True
    return values if shown else None
