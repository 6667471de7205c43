"""Targets and pacing: the team's monthly targets against the period and the month so far.

Targets are monthly (Settings: the account's sales and net profit targets, optionally per
ASIN). A period's target is the monthly target × the share of each month's days it covers
(a week of November: 7/30 of November's target), so attainment of a week and of a month are
judged alike. Pacing looks at the month of the period's last day: month-to-date (MTD) sales
and net profit against the target pro-rated to the days so far, and the month's forecast at
the MTD daily rate. Nothing is paced without MTD numbers that cover every day so far.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

import pandas as pd

from ...addin.registry import Scope
from ..errors import msg
from ..findings import Finding, Severity
from ..periods import Period
from ..settings import Settings
from .money import Source

TARGET_MEASURES = frozenset(
    {
        "sales_target",
        "profit_target",
        "mtd_sales",
        "mtd_profit",
        "mtd_days",
        "month_days",
        "month_sales_target",
        "month_profit_target",
    }
)


def month_days(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def month_share(period: Period) -> float:
    """How many months' worth of days the period holds: Σ 1 / days in the day's month."""
    return sum(1.0 / month_days(period.start + timedelta(days=i)) for i in range(period.days))


def target_measures(settings: Settings, period: Period) -> dict[Scope, pd.DataFrame]:
    """The period's pro-rated targets: account ("") and the ASINs Settings gives one."""
    share = month_share(period)
    out: dict[Scope, pd.DataFrame] = {}
    account = {
        m: [v * share]
        for m, v in (
            ("sales_target", settings.sales_target),
            ("profit_target", settings.profit_target),
        )
        if v
    }
    if account:
        out[Scope.ACCOUNT] = pd.DataFrame(account, index=[""], dtype="float64")
    rows = {
        asin: {
            "sales_target": (s or 0.0) * share,
            "profit_target": (p or 0.0) * share,
        }
        for asin, (s, p) in settings.asin_targets.items()
        if s or p
    }
    if rows:
        out[Scope.ASIN] = pd.DataFrame.from_dict(rows, orient="index", dtype="float64")
    return out


def month_to_date(period: Period) -> Period:
    end = period.end
    return Period(end.replace(day=1), end)


def pacing(
    source: Source,
    period: Period,
    marketplace: str,
    settings: Settings,
    review_of: Callable[[Period], tuple[float | None, float | None, list[str]]],
) -> tuple[pd.DataFrame | None, list[Finding]]:
    """Month-to-date measures of the account (one row, key ""), or None with no target.

    `review_of(mtd)` gives (sales, net profit, finding codes and `straddles:<table>` for
    tables with rows left out) of a review of the month so far. The Business Report by date
    gives MTD sales when it covers every day; else the review's, when no Business Report
    straddles the days (a weekly one that began in the month before). MTD profit counts
    when the Payments reports cover every day and no ad report straddles them.
    """
    if not (settings.sales_target or settings.profit_target):
        return None, []
    mtd = month_to_date(period)
    row: dict[str, float] = {
        "mtd_days": float(mtd.days),
        "month_days": float(month_days(mtd.end)),
    }
    sales, profit, codes = review_of(mtd)
    daily = source.table("business_daily", marketplace=marketplace, period=mtd)
    daily = daily[daily.sales.notna()]
    days = set(daily.date.dt.date)
    findings: list[Finding] = []
    missing: list[str] = []
    if settings.sales_target:
        if len(days) == mtd.days:
            row["mtd_sales"] = float(daily.sales.sum())
        elif sales is not None and not any(c.startswith("straddles:business") for c in codes):
            row["mtd_sales"] = sales
        else:
            missing.append("sales")
        row["month_sales_target"] = float(settings.sales_target)
    if settings.profit_target:
        unknown = {"straddles:ads", "money-partial", "profit-estimate"} & set(codes)
        if profit is not None and not unknown:
            row["mtd_profit"] = profit
        else:
            missing.append("profit")
        row["month_profit_target"] = float(settings.profit_target)
    if missing:
        what = "both" if len(missing) == 2 else missing[0]
        findings.append(
            Finding.of(
                Severity.INFO,
                "pacing-unknown",
                msg("finding:pacing_unknown", what=msg(f"finding:pacing_{what}"), period=mtd),
            )
        )
    return pd.DataFrame([row], index=[""], dtype="float64"), findings
