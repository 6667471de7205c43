"""The KPI engine: canonical rows of a period in, measures and KPIs per scope out.

Measures are additive quantities (sales, sessions, ad spend ...) summed per scope; every KPI
is then evaluated from measures by its registry entry (addin/kpis.py), never by averaging
ratios across rows. Which rows count is engine/counting.py; the KPI frames are
engine/kpi_frame.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple

import pandas as pd

from ...addin.registry import Scope
from ..errors import msg
from ..findings import Finding, Severity
from ..periods import Period
from ..settings import Settings
from .ad_targets import campaign_targets
from .counting import (
    HEALTH,
    counted_ads,
    health_counts,
    latest_stock,
    stock_frame,
    straddling,
    within,
)
from .kpi_frame import combine, evaluate_kpis
from .measures import MEASURES, source_of, sum_measures
from .money import money_measures
from .pacing import pacing, target_measures
from .profit import NULLABLE, profit_measures
from .review import Review, Source

BUSINESS_COLUMNS = ("sales", "units", "sessions", "page_views", "buy_box_views")
DAILY_COLUMNS = ("sales", "units", "sessions", "page_views")
AD_COLUMNS = ("spend", "sales", "impressions", "clicks", "orders")
# The columns `sales_and_ads` and `counting.counted_ads` read, with each table's days: all a
# week's account figures need (the weekly trend reads only these).
SALES_AND_ADS_READS = {
    "business_asin": ("period_start", "period_end", *BUSINESS_COLUMNS),
    "business_daily": (
        "date",
        *DAILY_COLUMNS,
        "buy_box_pct",
        "feedback_received",
        "negative_feedback_received",
    ),
    "ads": ("ad_type", "grain", "start_date", "end_date", *AD_COLUMNS),
}


class _HealthRow(NamedTuple):
    """One account health metric's latest window, as reported (blank: not reported)."""

    metric: str
    numerator: float
    denominator: float


def _health_rows(latest: pd.DataFrame) -> Iterator[_HealthRow]:
    columns = list(_HealthRow._fields)
    return map(_HealthRow._make, latest[columns].itertuples(index=False, name=None))


def _or_zero(v: float) -> float:
    """A health count as summed: a blank one adds nothing."""
    return 0.0 if pd.isna(v) else v


def sales_and_ads(
    biz: pd.DataFrame, daily: pd.DataFrame, ads: pd.DataFrame
) -> Iterator[tuple[str, pd.DataFrame, list[str]]]:
    """The row sets of a period's Business Report and ad rows, with the columns holding data.

    `ads` carries its `counted` column (counting.counted_ads). Shared with the weekly trend
    (engine/trend.py), so a trend week sums exactly the rows its own review would.
    """
    # Business Report: by ASIN when it covers the period, else by date for the account.
    if not biz.empty:
        yield "sales", biz, list(BUSINESS_COLUMNS)
    if not daily.empty:
        columns = [c for c in DAILY_COLUMNS if daily[c].notna().any()]
        # Buy Box % of the account: each day's share weighted by its page views.
        viewed = daily.page_views.notna()
        if viewed.any() and daily.buy_box_pct[viewed].notna().all():
            daily = daily.assign(buy_box_views=daily.buy_box_pct * daily.page_views)
            columns.append("buy_box_views")
        if daily.feedback_received.notna().any():
            columns += ["feedback_received", "negative_feedback_received"]
        yield "daily", daily, columns
    # Advertising: each ad type once; per ASIN from the SP advertised product rows.
    if not ads.empty:
        yield "ads", ads, list(AD_COLUMNS)


def build_review(
    source: Source,
    period: Period,
    *,
    marketplace: str,
    compare: Period | None = None,
    settings: Settings | None = None,
    scopes: frozenset[Scope] = frozenset(Scope),
    pace: bool = True,
) -> Review:
    """Measures and KPIs for every scope of one period (and a comparison period).

    Statuses follow `settings`' bands (the team's Settings tab; default: the registry's), per
    category for ASINs, exactly as the workbook's formulas colour them. `scopes` limits the
    work to some scopes (the trend needs the account's figures only). With `pace`, the
    month of the period's end is paced against the monthly targets (engine/pacing.py).
    """
    settings = settings or Settings.defaults()
    findings: list[Finding] = []
    as_of: dict[str, date] = {}
    straddled: set[str] = set()  # tables with rows left out of the period

    def inside(name: str, start: str, end: str, p: Period = period) -> pd.DataFrame:
        df = source.table(name, marketplace=marketplace, period=p)
        cut = straddling(df, start, end, p)
        if cut.any():
            straddled.add(name)
            findings.append(
                Finding.of(
                    Severity.WARNING,
                    "straddles-period",
                    msg(
                        "finding:straddles_period",
                        n=int(cut.sum()),
                        report=msg(f"finding:table_{name}"),
                        period=p,
                    ),
                )
            )
        return df[within(df, start, end, p)]

    # The period's rows of each row set, and the columns that hold data (measures.py).
    rows: dict[str, pd.DataFrame] = {}
    has: dict[str, set[str]] = {}

    def take(name: str, frame: pd.DataFrame, columns: Iterable[str]) -> None:
        rows[name] = frame
        has[name] = set(columns)

    biz = inside("business_asin", "period_start", "period_end")
    daily = inside("business_daily", "date", "date")
    ads = inside("ads", "start_date", "end_date")
    ads = ads.assign(counted=counted_ads(ads, period))
    for name, frame, columns in sales_and_ads(biz, daily, ads):
        take(name, frame, columns)

    # Returns with a return date in the period, when a returns report covers the period: no
    # returns report means an unknown return rate, not a zero one.
    spans = [s for s in source.spans("returns", marketplace) if s.overlaps(period)]
    if spans:
        take("returns", inside("returns", "return_date", "return_date"), ("quantity",))
        if not period.covered_by(spans):
            days = ", ".join(str(s) for s in sorted(spans))
            findings.append(
                Finding.of(
                    Severity.WARNING,
                    "returns-partial",
                    msg("finding:returns_partial", days=days, period=period),
                )
            )

    # Stock at the latest snapshot, each SKU once; ages from the planning report.
    stock, planning = latest_stock(source.table("inventory", marketplace=marketplace), period)
    if not stock.empty or not planning.empty:
        frame = stock_frame(stock, planning)
        columns = (["available"] if not stock.empty else []) + (
            ["aged_90", "aged_base"] if not planning.empty else []
        )
        if frame["ltsf"].notna().any():
            columns.append("ltsf")
        take("stock", frame, columns)
        if not stock.empty:
            as_of["stock"] = stock.snapshot_date.max().date()

    # Account health: the latest window of each metric, as reported.
    health = source.table("account_health", marketplace=marketplace)
    health = health[health.period_end <= pd.Timestamp(period.end) + pd.Timedelta(days=30)]
    if not health.empty:
        latest = health.sort_values("period_end").groupby("metric").tail(1)
        sums: dict[str, float] = health_counts(latest)
        latest = latest[latest.metric.isin(list(HEALTH))]
        for row in _health_rows(latest):
            n_id, d_id = HEALTH[row.metric]
            sums[n_id] = sums.get(n_id, 0.0) + _or_zero(row.numerator)
            sums[d_id] = sums.get(d_id, 0.0) + _or_zero(row.denominator)
        if sums:
            as_of["health"] = latest.period_end.max().date()
            take("health", pd.DataFrame([sums]), sums)

    measures = sum_measures(rows, has, scopes)
    present = {m for m in MEASURES if source_of(m, has) is not None}

    # Money from the Payments reports, each day from one of them (engine/money.py).
    money = money_measures(source, period, marketplace)
    for scope, frame in money.measures.items():
        if scope in scopes:
            measures[scope].append(frame)
    present.update(money.present)
    findings += money.findings

    # Profit: fees and the goods' cost per account, SKU and ASIN (engine/profit.py).
    profit = profit_measures(source, period, marketplace, settings, money)
    unknown: dict[Scope, pd.DataFrame] = {}
    for scope, frame in profit.measures.items():
        measures[scope].append(frame)
        unknown[scope] = frame[sorted(NULLABLE)].isna()
    present.update(profit.present)
    findings += profit.findings

    # Comparison period and Settings inputs.
    prev = None
    if compare is not None:
        prev = build_review(source, compare, marketplace=marketplace, settings=settings, pace=False)
        if not prev.has_data:
            findings.append(
                Finding.of(
                    Severity.INFO,
                    "comparison-empty",
                    msg("finding:comparison_empty", period=compare),
                )
            )
        for scope in (Scope.ACCOUNT, Scope.ASIN):
            m = prev.measures.get(scope)
            if m is not None and {"sales", "units", "sessions"} <= set(m.columns):
                present.update(("sales_prev", "units_prev", "sessions_prev"))
                measures[scope].append(m[["sales", "units", "sessions"]].add_suffix("_prev"))
    # The IPI the team typed in Settings: a state of the account, unknown when left blank.
    if settings.ipi is not None:
        measures[Scope.ACCOUNT].append(pd.DataFrame({"ipi": [settings.ipi]}, index=[""]))
        present.add("ipi")
    # Targets (monthly, pro-rated to the period) and the month's pacing.
    for scope, frame in target_measures(settings, period).items():
        measures[scope].append(frame)
        present.update(frame.columns)
    if pace:

        def month_so_far(mtd: Period) -> tuple[float | None, float | None, list[str]]:
            r = build_review(source, mtd, marketplace=marketplace, settings=settings, pace=False)
            codes = [f.code for f in r.findings] + [f"straddles:{t}" for t in r.straddled]
            return r.value("sales"), r.value("net_profit"), codes

        month, paced = pacing(source, period, marketplace, settings, month_so_far)
        if month is not None:
            measures[Scope.ACCOUNT].append(month)
            present.update(month.columns)
        findings += paced

    frames = {s: combine(parts, period, unknown.get(s)) for s, parts in measures.items()}
    targets = campaign_targets(ads, settings)
    kpis = evaluate_kpis(frames, present, settings, scopes, targets)
    return Review(
        period,
        marketplace,
        compare,
        frames,
        kpis,
        ads,
        findings,
        as_of,
        rows,
        has,
        prev,
        profit.estimate,
        profit.uncosted,
        straddled,
        targets,
    )
