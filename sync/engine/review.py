"""The KPI engine: canonical rows of a period in, measures and KPIs per scope out.

Measures are additive quantities (sales, sessions, ad spend ...) summed per scope; every KPI
is then evaluated from measures by its registry entry (addin/kpis.py), never by averaging
ratios across rows. The counting rules where tools disagree with Seller Central live here:
each ad type's money is counted once whichever of its reports are given, stock is counted
once per SKU, and rows that cannot be split by day are left out of a period they straddle.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple, Protocol

import numpy as np
import pandas as pd

from ...addin.registry import Kpi, Scope, all_kpis
from ...addin.thresholds import Status
from ..errors import UsageError
from ..findings import Finding, Severity
from ..ingest.schema import TABLES
from ..periods import Period
from ..settings import Settings
from .measures import MEASURES, source_of, sum_measures
from .money import money_measures
from .pacing import TARGET_MEASURES, pacing, target_measures
from .profit import NULLABLE, profit_measures

# When several reports of one ad type cover the period equally well, the first one here wins.
GRAIN_PREFERENCE = ("campaign", "advertised_product", "targeting", "search_term")
BUSINESS_COLUMNS = ("sales", "units", "sessions", "page_views", "buy_box_views")
DAILY_COLUMNS = ("sales", "units", "sessions", "page_views")
HEALTH = {
    "odr_afn": ("odr_defects", "odr_orders"),
    "odr_mfn": ("odr_defects", "odr_orders"),
    "late_shipment_rate": ("late_shipments", "lsr_orders"),
    "valid_tracking_rate": ("valid_tracking", "vtr_shipments"),
    "cancel_rate": ("cancellations", "cancel_orders"),
}
# The store table each row set's rows come from (stock: inventory, one row per SKU).
ROW_TABLES = {
    "sales": "business_asin",
    "daily": "business_daily",
    "ads": "ads",
    "returns": "returns",
}
# Measures that are a state on one day, not a sum over the period: two reviews compare them
# only when their snapshots are of different days.
SNAPSHOT_OF = {
    "available_units": "stock",
    "aged_90_units": "stock",
    "aged_base_units": "stock",
    **{m: "health" for pair in HEALTH.values() for m in pair},
}


class Source(Protocol):
    """Anything that hands out canonical rows: the store, or a test double."""

    def table(
        self, name: str, *, marketplace: str | None = None, period: Period | None = None
    ) -> pd.DataFrame: ...

    def spans(self, name: str, marketplace: str | None = None) -> list[Period]: ...


class KpiRow(NamedTuple):
    """One row of a review's tidy KPI frame (`Review.kpis`)."""

    scope: str
    key: str
    kpi: str
    value: float
    status: str


def kpi_rows(kpis: pd.DataFrame) -> Iterator[KpiRow]:
    """The rows of `Review.kpis`, or of a selection of it, in order."""
    return map(KpiRow._make, kpis[list(KpiRow._fields)].itertuples(index=False, name=None))


@dataclass
class Review:
    """Everything computed for one period: the input of `fupan kpis` and of the workbook."""

    period: Period
    marketplace: str
    compare: Period | None
    measures: dict[Scope, pd.DataFrame]  # index: key ("" for account); columns: measure ids
    kpis: pd.DataFrame  # scope, key, kpi, value, status
    ads: pd.DataFrame  # the period's ad rows with a boolean `counted` column
    findings: list[Finding] = field(default_factory=list)
    as_of: dict[str, date] = field(default_factory=dict)  # snapshot ("stock", "health") -> day
    rows: dict[str, pd.DataFrame] = field(default_factory=dict)  # row sets counted (measures.py)
    has: dict[str, set[str]] = field(default_factory=dict)  # row set -> columns with data
    previous: Review | None = None  # the comparison period's review, when one was asked for
    estimate: bool = False  # profit from the Fee Preview and Business Report (engine/profit)
    uncosted: list[str] = field(default_factory=list)  # SKUs sold without a cost
    straddled: set[str] = field(default_factory=set)  # tables with rows left out (straddling)

    def frame(self, name: str) -> pd.DataFrame:
        """The rows of a row set this review counted (no rows when it had none)."""
        if name in self.rows:
            return self.rows[name]
        if name == "stock":
            empty = TABLES["inventory"].empty()
            return stock_frame(empty, empty)
        return TABLES[ROW_TABLES[name]].empty()

    @property
    def has_data(self) -> bool:
        return not self.kpis.empty

    def value(self, kpi: str, scope: Scope = Scope.ACCOUNT, key: str = "") -> float | None:
        v = self._index().get((kpi, str(scope), key))
        return None if v is None or pd.isna(v) else float(v)

    def _index(self) -> dict[tuple[str, str, str], object]:
        """(kpi, scope, key) -> its first value, built once per `kpis` frame (the rules price
        hundreds of values: a scan of every KPI row each was most of their time)."""
        cached = self.__dict__.get("_value_index")
        if cached is None or cached[0] is not self.kpis:
            k = self.kpis
            pairs = zip(k.kpi, k.scope.astype(str), k.key, k.value, strict=True)
            index: dict[tuple[str, str, str], object] = {}
            for kpi, scope, key, value in pairs:
                index.setdefault((kpi, scope, key), value)
            cached = (self.kpis, index)
            self.__dict__["_value_index"] = cached
        return cached[1]


def comparable(kpi: Kpi, now: Review, before: Review | None) -> bool:
    """Whether a KPI of `now` can be set against `before`: both measured, snapshots of
    different days (a stock count is not compared with itself)."""
    if before is None or not before.has_data:
        return False
    if any(m.endswith("_prev") or m in TARGET_MEASURES for m in kpi.measures):
        return False  # already a comparison, or a target
    for snap in {SNAPSHOT_OF[m] for m in kpi.measures if m in SNAPSHOT_OF}:
        day, was = now.as_of.get(snap), before.as_of.get(snap)
        if day is None or was is None or was == day:
            return False
    return True


def change(
    kpi: Kpi, now: Review, before: Review | None, scope: Scope = Scope.ACCOUNT, key: str = ""
) -> float | None:
    """now − before for one KPI value, or None when there is nothing comparable."""
    if before is None or not comparable(kpi, now, before):
        return None
    a, b = now.value(kpi.id, scope, key), before.value(kpi.id, scope, key)
    return None if a is None or b is None else a - b


def within(frame: pd.DataFrame, start: str, end: str, period: Period) -> pd.Series:
    """Rows whose whole span lies inside the period."""
    lo, hi = pd.Timestamp(period.start), pd.Timestamp(period.end)
    return (frame[start] >= lo) & (frame[end] <= hi)


def straddling(frame: pd.DataFrame, start: str, end: str, period: Period) -> pd.Series:
    lo, hi = pd.Timestamp(period.start), pd.Timestamp(period.end)
    return (frame[start] <= hi) & (frame[end] >= lo) & ~within(frame, start, end, period)


def counted_ads(ads: pd.DataFrame, period: Period) -> pd.Series:
    """Which ad rows count: per ad type, the grain whose rows cover the most days."""
    counted = pd.Series(False, index=ads.index)
    if ads.empty:
        return counted
    for _ad_type, rows in ads.groupby("ad_type"):
        best: tuple[int, int, Hashable] | None = None
        for grain, g in rows.groupby("grain"):
            spans = g[["start_date", "end_date"]].drop_duplicates()
            days: set[pd.Timestamp] = set()
            for s, e in spans.itertuples(index=False):
                days.update(pd.date_range(s, e))
            rank = GRAIN_PREFERENCE.index(grain) if grain in GRAIN_PREFERENCE else 99
            cand = (len(days), -rank, grain)
            if best is None or cand[:2] > best[:2]:
                best = cand
        assert best is not None
        counted[rows.index[rows.grain == best[2]]] = True
    return counted


def _stock(inventory: pd.DataFrame, period: Period) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per SKU at its latest snapshot, planning rows for ages), period end or before."""
    if inventory.empty:
        return inventory, inventory
    end = pd.Timestamp(period.end)
    inv = inventory.assign(
        _before=inventory.snapshot_date <= end,
        _planning=inventory.source == "planning",
    )
    # Latest snapshot on or before the period's end; failing that, the earliest after it.
    inv["_order"] = np.where(
        inv._before, inv.snapshot_date.astype("int64"), -inv.snapshot_date.astype("int64")
    )
    order = ["_before", "_order", "_planning"]
    stock = inv.sort_values(order).groupby("sku", sort=False).tail(1)
    planning = inv[inv._planning].sort_values(order).groupby("sku", sort=False).tail(1)
    return stock, planning


def stock_frame(stock: pd.DataFrame, planning: pd.DataFrame) -> pd.DataFrame:
    """One row per SKU: sellable and inbound units at its snapshot, and its aged units.

    The engine sums it, and the workbook's stock data tab holds it as it is.
    """
    aged = planning.assign(
        aged_90=planning[["age_91_180", "age_181_270", "age_271_365", "age_365_plus"]]
        .fillna(0)
        .sum(axis=1)
    )[["sku", "asin", "aged_90", "available"]].rename(
        columns={"available": "aged_base", "asin": "planning_asin"}
    )
    out = (
        stock[["sku", "asin", "snapshot_date", "source", "available", "inbound"]]
        .merge(aged, on="sku", how="outer")
        .fillna({"available": 0, "inbound": 0, "aged_90": 0, "aged_base": 0, "source": ""})
    )
    out["asin"] = out["asin"].fillna(out.pop("planning_asin")).fillna("")
    return out.reset_index(drop=True)


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
                Finding(
                    Severity.WARNING,
                    "straddles-period",
                    f"{int(cut.sum())} {name} row(s) cover days outside {p} and cannot be "
                    "split by day; they were left out. Download reports for exactly this "
                    "period, or with the Daily time unit",
                )
            )
        return df[within(df, start, end, p)]

    # The period's rows of each row set, and the columns that hold data (measures.py).
    rows: dict[str, pd.DataFrame] = {}
    has: dict[str, set[str]] = {}

    def take(name: str, frame: pd.DataFrame, columns: Iterable[str]) -> None:
        rows[name] = frame
        has[name] = set(columns)

    # Business Report: by ASIN when it covers the period, else by date for the account.
    biz = inside("business_asin", "period_start", "period_end")
    if not biz.empty:
        take("sales", biz, BUSINESS_COLUMNS)
    daily = inside("business_daily", "date", "date")
    if not daily.empty:
        columns = [c for c in DAILY_COLUMNS if daily[c].notna().any()]
        # Buy Box % of the account: each day's share weighted by its page views.
        viewed = daily.page_views.notna()
        if viewed.any() and daily.buy_box_pct[viewed].notna().all():
            daily = daily.assign(buy_box_views=daily.buy_box_pct * daily.page_views)
            columns.append("buy_box_views")
        if daily.feedback_received.notna().any():
            columns += ["feedback_received", "negative_feedback_received"]
        take("daily", daily, columns)

    # Advertising: each ad type once; per ASIN from the SP advertised product rows.
    ads = inside("ads", "start_date", "end_date")
    ads = ads.assign(counted=counted_ads(ads, period))
    if not ads.empty:
        take("ads", ads, ("spend", "sales", "impressions", "clicks", "orders"))

    # Returns with a return date in the period, when a returns report covers the period: no
    # returns report means an unknown return rate, not a zero one.
    spans = [s for s in source.spans("returns", marketplace) if s.overlaps(period)]
    if spans:
        take("returns", inside("returns", "return_date", "return_date"), ("quantity",))
        if not period.covered_by(spans):
            days = ", ".join(str(s) for s in sorted(spans))
            findings.append(
                Finding(
                    Severity.WARNING,
                    "returns-partial",
                    f"the returns reports cover {days}, not all of {period}: returns on the "
                    "other days are not counted. Download the returns report for the whole "
                    "period",
                )
            )

    # Stock at the latest snapshot, each SKU once; ages from the planning report.
    stock, planning = _stock(source.table("inventory", marketplace=marketplace), period)
    if not stock.empty or not planning.empty:
        columns = (["available"] if not stock.empty else []) + (
            ["aged_90", "aged_base"] if not planning.empty else []
        )
        take("stock", stock_frame(stock, planning), columns)
        if not stock.empty:
            as_of["stock"] = stock.snapshot_date.max().date()

    # Account health: the latest window of each metric, as reported.
    health = source.table("account_health", marketplace=marketplace)
    health = health[health.period_end <= pd.Timestamp(period.end) + pd.Timedelta(days=30)]
    if not health.empty:
        latest = health.sort_values("period_end").groupby("metric").tail(1)
        latest = latest[latest.metric.isin(list(HEALTH))]
        sums: dict[str, float] = {}
        for metric, num, den in latest[["metric", "numerator", "denominator"]].itertuples(
            index=False
        ):
            n_id, d_id = HEALTH[metric]
            sums[n_id] = sums.get(n_id, 0.0) + (0.0 if pd.isna(num) else num)
            sums[d_id] = sums.get(d_id, 0.0) + (0.0 if pd.isna(den) else den)
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
                Finding(
                    Severity.INFO,
                    "comparison-empty",
                    f"the comparison period {compare} has no data, so every change is n/a. "
                    "Import the reports of those days to compare",
                )
            )
        for scope in (Scope.ACCOUNT, Scope.ASIN):
            m = prev.measures.get(scope)
            if m is not None and {"sales", "units", "sessions"} <= set(m.columns):
                present.update(("sales_prev", "units_prev", "sessions_prev"))
                measures[scope].append(m[["sales", "units", "sessions"]].add_suffix("_prev"))
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

    frames = {s: _combine(parts, period, unknown.get(s)) for s, parts in measures.items()}
    kpis = _evaluate(frames, present, settings, scopes)
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
    )


def _combine(
    parts: list[pd.DataFrame], period: Period, unknown: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The parts' measures side by side; a key a part does not name has 0 of its measures,
    except the cells `unknown` marks (a cost nobody typed): those stay NaN."""
    if not parts:
        return pd.DataFrame(index=pd.Index([], dtype=object))
    frame = pd.concat(parts, axis=1).T.groupby(level=0).sum(min_count=1).T
    frame = frame.fillna(0.0)
    if unknown is not None and not unknown.empty:
        mask = unknown.reindex(index=frame.index, columns=frame.columns, fill_value=False)
        frame = frame.mask(mask.astype(bool))
    frame["days"] = float(period.days)
    frame.index = frame.index.map(str)
    return frame.sort_index()


def _evaluate(
    frames: dict[Scope, pd.DataFrame],
    present: set[str],
    settings: Settings,
    scopes: frozenset[Scope],
) -> pd.DataFrame:
    out = []
    categories = settings.categories()
    available = present | {"days"}
    for kpi in all_kpis():
        if not set(kpi.measures) <= available:
            continue
        for scope in kpi.scopes & scopes:
            frame = frames.get(scope)
            if frame is None or frame.empty or not set(kpi.measures) <= set(frame.columns):
                continue
            values = pd.Series(kpi.compute(frame), index=frame.index, dtype="float64")
            cats = (
                values.index.map(lambda k: categories.get(k, "")) if scope is Scope.ASIN else None
            )
            out.append(_tidy(kpi, scope, values, statuses(kpi, values, settings, cats)))
    if not out:
        return pd.DataFrame(columns=["scope", "key", "kpi", "value", "status"])
    tidy = pd.concat(out, ignore_index=True)
    order = {kpi.id: i for i, kpi in enumerate(all_kpis())}
    scopes = {s.value: i for i, s in enumerate(Scope)}
    return (
        tidy.assign(_s=tidy.scope.map(scopes), _k=tidy.kpi.map(order))
        .sort_values(["_s", "key", "_k"], kind="stable")
        .drop(columns=["_s", "_k"])
        .reset_index(drop=True)
    )


def statuses(
    kpi: Kpi, values: pd.Series, settings: Settings, categories: pd.Index | None = None
) -> pd.Series:
    """Traffic lights by the team's bands: the category's where the ASIN has one."""
    base = settings.bands_for(kpi.id)
    if base is None:
        return pd.Series(Status.NONE.value, index=values.index, dtype="object")
    out = base.statuses(values)
    if categories is not None:
        for cat in set(categories) - {""}:
            bands = settings.bands.get((kpi.id, cat))
            if bands is not None:
                mask = (categories == cat).tolist()
                out[mask] = bands.statuses(values[mask])
    return out


def _tidy(kpi: Kpi, scope: Scope, values: pd.Series, status: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "scope": scope.value,
            "key": values.index,
            "kpi": kpi.id,
            "value": values.to_numpy(),
            "status": status.to_numpy(),
        }
    )


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
        raise UsageError(
            "There is no dated data to compute KPIs for; import reports first, or pass --period."
        )
    return Period(min(s for s, _ in spans), max(e for _, e in spans))


def comparison(period: Period, mode: str | None) -> Period | None:
    if mode in (None, "", "none"):
        return None
    if mode == "previous":
        return period.previous()
    if mode == "yoy":
        return period.year_over_year()
    raise UsageError(f'Unknown comparison "{mode}"; use previous or yoy.')


def attribution_cutoff(today: date, days: int = 14) -> date:
    """The first ad day still inside Amazon's attribution window on `today` (may be restated)."""
    return today - timedelta(days=days - 1)
