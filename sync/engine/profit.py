"""Profit measures: what the period's sales leave after Amazon's fees and the goods' cost.

Measures per account, SKU and child ASIN (the profit KPIs of addin/kpis.py are expressions
over them, so the engine and the workbook's formulas compute profit the same way):

* net_sales: product sales (Principal) of order lines + refunds (negative), from the Payments
  reports (engine/money.py); profit_units: units of the order lines;
* amazon_fees: selling fees + FBA fees + other fees (storage, inbound, service fees,
  adjustments, their taxes) without Amazon's advertising charges, which the ad reports count
  (net profit subtracts ad spend from them, so ads are never counted twice); negative;
* cogs: Σ units × (unit cost + other cost per unit) of the cost row in force on each order
  line's day (an as-of join on the dated rows of Settings' Products); freight: Σ units ×
  first-leg freight per unit, the same way. A blank freight or other cost counts as none; a
  SKU without a unit cost on the day (or with costs in another currency) has no cogs and no
  freight: unknown, never 0, so its profit stays blank and Issues lists it.

When the Payments reports do not cover every day of the period, the measures are estimated
for the whole period from the Business Report (ordered product sales and units per SKU) and
the latest FBA Fee Preview (referral + closing + fulfilment fee per unit × units), at the
costs in force on the period's last day; the review says so (`Profit.estimate`) and the
workbook's profit cells read "estimate". Refunds and account charges are not in an estimate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ...addin.registry import Scope
from .. import marketplaces
from ..errors import msg
from ..findings import Finding, Severity
from ..periods import Period
from ..settings import Settings
from .money import Money, Source, asin_of_sku, line_measures, listed

MEASURES = ("net_sales", "profit_units", "amazon_fees", "cogs", "freight")
# Measures that are unknown (NaN) for a key when a SKU behind it has no cost or no fee:
# never summed over as zero (kpi_frame.combine keeps these blanks).
NULLABLE = frozenset({"amazon_fees", "cogs", "freight"})
# How the Payments reports name Amazon's advertising charges (Cost of Advertising), by
# language: lines whose description or type says so are ad spend, not Amazon fees.
AD_CHARGE_WORDS = (
    "advertising",
    "werbekosten",
    "werbung",
    "publicité",
    "publicite",
    "pubblicità",
    "pubblicita",
    "publicidad",
    "広告",
    "广告",
)
FIRST_DAY = pd.Timestamp("1900-01-01")  # a cost row without valid-from: since always


@dataclass
class Profit:
    measures: dict[Scope, pd.DataFrame] = field(default_factory=dict)
    estimate: bool = False  # fees from the Fee Preview, sales from the Business Report
    uncosted: list[str] = field(default_factory=list)  # SKUs sold without a cost
    findings: list[Finding] = field(default_factory=list)

    @property
    def present(self) -> set[str]:
        return set(MEASURES) if self.measures else set()


def ad_charges(lines: pd.DataFrame) -> pd.Series:
    """Lines that are Amazon's advertising charges (Cost of Advertising), as a mask."""
    text = (lines.description.astype(str) + " " + lines.type_text.astype(str)).str.lower()
    words = "|".join(AD_CHARGE_WORDS)
    item = lines.type.isin(["order", "refund"])
    return text.str.contains(words, regex=True) & ~item


def cost_table(settings: Settings, currency: str) -> pd.DataFrame:
    """One row per usable dated cost: sku, valid_from, landed (unit + other), freight.

    Costs in another currency than the marketplace's are left out (NaN): fupan does not
    guess an exchange rate.
    """
    rows = []
    for sku, p in settings.products.items():
        for c in p.costs:
            if not c.usable:
                continue
            same = c.currency in ("", currency)
            landed = c.landed if same else None
            rows.append(
                {
                    "sku": sku,
                    "valid_from": pd.Timestamp(c.valid_from) if c.valid_from else FIRST_DAY,
                    "landed": float("nan") if landed is None else landed,
                    "freight_unit": (c.freight or 0.0) if landed is not None else float("nan"),
                    "foreign": "" if same else c.currency,
                }
            )
    columns = ["sku", "valid_from", "landed", "freight_unit", "foreign"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"valid_from": "datetime64[ns]", "landed": "float64", "freight_unit": "float64"}
    )


def costs_on(days: pd.Series, skus: pd.Series, table: pd.DataFrame) -> pd.DataFrame:
    """The cost in force on each (day, SKU): an as-of join (landed, freight_unit, foreign)."""
    left = pd.DataFrame(
        {"day": pd.to_datetime(days).astype("datetime64[ns]"), "sku": skus.astype(str)}
    ).reset_index(names="_row")
    if table.empty:
        nan = float("nan")
        return left.assign(landed=nan, freight_unit=nan, foreign="").set_index("_row")
    joined = pd.merge_asof(
        left.sort_values("day"),
        table.sort_values("valid_from"),
        left_on="day",
        right_on="valid_from",
        by="sku",
        direction="backward",
    )
    return joined.set_index("_row").sort_index()[["landed", "freight_unit", "foreign"]]


def strict_sum(frame: pd.DataFrame, keys: pd.Series | None) -> pd.DataFrame:
    """Sums per key in which one unknown (NaN) makes the sum unknown (None: the account,
    key "")."""
    if keys is None:
        sums = frame.sum().to_frame().T.set_axis([""])
        unknown = frame.isna().any().to_frame().T.set_axis([""])
    else:
        by = keys.astype(str).to_numpy()
        sums = frame.groupby(by).sum()
        unknown = frame.isna().groupby(by).any()
    return sums.mask(unknown).astype("float64")


def profit_measures(
    source: Source, period: Period, marketplace: str, settings: Settings, money: Money
) -> Profit:
    """Profit measures of the period per account, SKU and child ASIN (see the module)."""
    currency = marketplaces.get(marketplace).currency
    table = cost_table(settings, currency)
    if not any(p.costs for p in settings.products.values()):
        if not money.days:
            return Profit()
        note = msg("finding:profit_no_costs")
        return Profit(findings=[Finding.of(Severity.INFO, "profit-no-costs", note)])
    if money.days and len(money.days) == period.days:
        return _settled(source, period, marketplace, money.lines, table)
    return _estimated(source, period, marketplace, table, covered=bool(money.days))


def _settled(
    source: Source, period: Period, marketplace: str, lines: pd.DataFrame, table: pd.DataFrame
) -> Profit:
    per = line_measures(lines)
    ads = ad_charges(lines)
    order = (lines.type == "order") & (lines.quantity.fillna(0) != 0)
    cost = costs_on(lines.date, lines.sku, table)
    units = per.units_sold
    rows = pd.DataFrame(
        {
            "net_sales": per.product_sales + per.refunds,
            "profit_units": units,
            "amazon_fees": per.selling_fees + per.fba_fees + per.other_fees.where(~ads, 0.0),
            "cogs": (units * cost.landed).where(order, 0.0),
            "freight": (units * cost.freight_unit).where(order, 0.0),
        },
        index=lines.index,
    )
    profit = Profit()
    uncosted = order & rows.cogs.isna()
    profit.measures = _scopes(source, period, marketplace, rows, lines.sku)
    profit.uncosted = sorted(set(lines.sku[uncosted]))
    profit.findings = _uncosted(lines[uncosted], cost[uncosted], period)
    return profit


def _estimated(
    source: Source, period: Period, marketplace: str, table: pd.DataFrame, *, covered: bool
) -> Profit:
    biz = source.table("business_asin", marketplace=marketplace, period=period)
    biz = biz[
        (biz.period_start >= pd.Timestamp(period.start))
        & (biz.period_end <= pd.Timestamp(period.end))
        & (biz.sku != "")
    ]
    fees = source.table("fee_preview", marketplace=marketplace)
    if biz.empty or fees.empty:
        if biz.empty and not covered:
            return Profit()  # nothing sold that fupan knows of: no profit to speak of
        missing = msg(
            "finding:profit_missing_fees" if fees.empty else "finding:profit_missing_skus"
        )
        note = msg("finding:profit_unknown", period=period, missing=missing)
        return Profit(findings=[Finding.of(Severity.INFO, "profit-unknown", note)])
    fees = fees[fees.snapshot_date <= pd.Timestamp(period.end)] if covered else fees
    latest = fees.sort_values("snapshot_date").groupby("sku").tail(1).set_index("sku")
    per_unit = latest.referral_fee.fillna(0.0) + latest.closing_fee.fillna(0.0)
    per_unit = per_unit + latest.fulfillment_fee  # a fulfilment fee Amazon left out: unknown
    sku = biz.sku.astype(str)
    units = biz.units.fillna(0.0)
    fee = sku.map(per_unit).astype("float64")
    cost = costs_on(pd.Series(pd.Timestamp(period.end), index=biz.index), sku, table)
    rows = pd.DataFrame(
        {
            "net_sales": biz.sales.fillna(0.0),
            "profit_units": units,
            "amazon_fees": (-units * fee).where(units != 0, 0.0),
            "cogs": (units * cost.landed).where(units != 0, 0.0),
            "freight": (units * cost.freight_unit).where(units != 0, 0.0),
        },
        index=biz.index,
    )
    profit = Profit(estimate=True)
    profit.measures = _scopes(source, period, marketplace, rows, sku, biz.child_asin.astype(str))
    sold = units != 0
    uncosted = sold & rows.cogs.isna()
    profit.uncosted = sorted(set(sku[uncosted]))
    day = latest.snapshot_date.max().date()
    profit.findings.append(
        Finding.of(
            Severity.INFO, "profit-estimate", msg("finding:profit_estimate", period=period, day=day)
        )
    )
    no_fee = sorted(set(sku[sold & fee.isna()]))
    if no_fee:
        profit.findings.append(
            Finding.of(
                Severity.WARNING,
                "profit-no-fee",
                msg("finding:profit_no_fee", n=len(no_fee), period=period, skus=listed(no_fee)),
            )
        )
    lines = biz[uncosted].assign(date=pd.Timestamp(period.end), quantity=units[uncosted])
    profit.findings += _uncosted(lines, cost[uncosted], period)
    return profit


def _scopes(
    source: Source,
    period: Period,
    marketplace: str,
    rows: pd.DataFrame,
    skus: pd.Series,
    asins: pd.Series | None = None,
) -> dict[Scope, pd.DataFrame]:
    out = {Scope.ACCOUNT: strict_sum(rows, None)}
    with_sku = skus != ""
    if with_sku.any():
        out[Scope.SKU] = strict_sum(rows[with_sku], skus[with_sku])
        if asins is None:
            asins = skus.map(asin_of_sku(source, period, marketplace))
        known = with_sku & asins.notna() & (asins.astype(str) != "")
        if known.any():
            out[Scope.ASIN] = strict_sum(rows[known], asins[known])
    for scope, frame in out.items():
        frame.index = frame.index.map(str)
        frame.index.name = None
        out[scope] = frame
    return out


def _uncosted(lines: pd.DataFrame, cost: pd.DataFrame, period: Period) -> list[Finding]:
    """One Issues line per SKU sold without a usable cost: the SKUs to cost."""
    out: list[Finding] = []
    if lines.empty:
        return out
    frame = lines.assign(_foreign=cost.foreign.fillna("").to_numpy())
    for sku, rows in frame.groupby("sku", sort=True):
        units = int(rows.quantity.fillna(0).sum())
        first: date = rows.date.min().date()
        foreign = sorted({f for f in rows._foreign if f})
        why = (
            msg("finding:profit_cost_foreign", currencies=", ".join(foreign))
            if foreign
            else msg("finding:profit_cost_missing", day=first)
        )
        words = msg("finding:profit_no_cost", sku=sku, units=units, period=period, why=why)
        out.append(Finding.of(Severity.WARNING, "profit-no-cost", words, column=str(sku)))
    return out
