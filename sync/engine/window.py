"""Which period a review covers, what it is compared with, and Amazon's attribution window."""

from __future__ import annotations

from datetime import date, timedelta

from ..errors import UsageError, msg
from ..periods import Period
from .review import Source


def default_period(source: Source, marketplace: str) -> Period:
    """The period the data describes: the latest Business Report period, else the dated span."""
    biz = source.table("business_asin", marketplace=marketplace)
    if not biz.empty:
        last = biz.sort_values("period_end").iloc[-1]
        return Period(last.period_start.date(), last.period_end.date())
    spans = []
    for name, start, end in (
        ("business_daily", "date", "date"),
        ("ads", "start_date", "end_date"),
        ("returns", "return_date", "return_date"),
        ("orders", "purchase_date", "purchase_date"),
        ("transactions", "date", "date"),
        ("settlements", "date", "date"),
    ):
        df = source.table(name, marketplace=marketplace)
        if not df.empty:
            spans.append((df[start].min().date(), df[end].max().date()))
    if not spans:
        raise UsageError(msg("err:no_dated_data"))
    return Period(min(s for s, _ in spans), max(e for _, e in spans))


def comparison(period: Period, mode: str | None) -> Period | None:
    if mode in (None, "", "none"):
        return None
    if mode == "previous":
        return period.previous()
    if mode == "yoy":
        return period.year_over_year()
    raise UsageError(msg("err:unknown_comparison", mode=mode))


def attribution_cutoff(today: date, days: int = 14) -> date:
    """The first ad day still inside Amazon's attribution window on `today` (may be restated)."""
    return today - timedelta(days=days - 1)
