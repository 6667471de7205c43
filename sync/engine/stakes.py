"""Money at stake: what a red KPI or a proposed action is worth per week, to rank them.

The meeting reads the biggest items first. Each estimate is simple and stated (its `why`), in
the marketplace's currency, from the review's own measures: per week for what recurs (ad
spend, a conversion gap), over the spell for a stock-out:

- ad spend over target: spend − target ACoS × ad sales (all of it when nothing sold);
- a stock-out: daily sales × the days without stock before the next shipment can arrive;
- conversion, Featured Offer and attainment gaps: the sales the gap stands for;
- returns over the band: the sales value of the returns above it;
- aged stock (and an IPI below its red line): the value of the units aged over 90 days, a
  tenth of it a week (markdown risk), plus a week's share of the long-term storage fee of
  the next monthly charge where the planning report gives it;
- a campaign that pays (ROAS over 3): the sales 20 % more budget would bring;
- account health: ranked above everything by policy (a suspended account sells nothing).

An item with no estimate (no data to price it) ranks after every priced one, never as 0.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

from ...addin.registry import Scope
from ..settings import Settings
from .review import Review

POLICY = 0  # account health: first, by policy
MONEY = 1  # ranked by money at stake
HEALTH_KPIS = frozenset(
    {
        "odr",
        "late_shipment_rate",
        "valid_tracking_rate",
        "cancel_rate",
        "account_health_rating",
        "policy_items",
    }
)
AGED_RISK_PER_WEEK = 0.10  # share of aged stock value at risk each week
WEEKS_PER_MONTH = 52 / 12  # the long-term storage fee is charged monthly
BUDGET_STEP = 0.20  # the budget shift a rule proposes for a campaign that pays


@dataclass(frozen=True)
class Stake:
    money: float | None  # per week, in the marketplace's currency; None: cannot be priced
    tier: int  # POLICY first, then MONEY
    why: str  # how it was estimated, in a few words

    @property
    def rank(self) -> tuple[int, float]:
        """Sort key: policy first, then the largest sums, unpriced last."""
        return (self.tier, -(self.money if self.money is not None else -math.inf))


def _weekly(review: Review) -> float:
    return 7.0 / review.period.days


def _m(review: Review, scope: Scope, key: str, measure: str) -> float | None:
    frame = review.measures.get(scope)
    if frame is None or measure not in frame or key not in frame.index:
        return None
    return _number(frame.at[key, measure])


def _number(v: object) -> float | None:
    """A measure's cell as a number: blank (NaN, NA, None) is unknown, never 0."""
    if not isinstance(v, numbers.Real) or math.isnan(v):
        return None
    return float(v)


def at_stake(
    review: Review,
    settings: Settings,
    kpi: str,
    scope: Scope,
    key: str,
    threshold: float | None = None,
    *,
    spend: float | None = None,
    sales: float | None = None,
    lead_time: float | None = None,
    target: float | None = None,
) -> Stake:
    """What one off-target KPI value is worth per week (see the module's list).

    `spend`/`sales` price objects the review has no measures for (ad groups, search terms);
    `lead_time` is the SKU's, for a stock-out; `target` the target ACoS of an ad group's
    campaign (a campaign's own is looked up; anything else: the account's).
    """
    if kpi in HEALTH_KPIS:
        return Stake(None, POLICY, "account health: at risk of suspension")
    week = _weekly(review)
    value = review.value(kpi, scope, key)

    def m(measure: str) -> float | None:
        return _m(review, scope, key, measure)

    if kpi == "roas":  # a campaign that pays: what more budget would bring
        sold = m("ad_sales") if sales is None else sales
        if sold is None:
            return Stake(None, MONEY, "no ad sales measured")
        return Stake(
            BUDGET_STEP * sold * week, MONEY, "sales from 20 % more budget at the same ROAS"
        )
    if kpi in ("acos", "tacos", "ctr", "cpc", "ad_cvr") or spend is not None:
        spend = m("ad_spend") if spend is None else spend
        sold = m("ad_sales") if sales is None else sales
        if spend is None:
            return Stake(None, MONEY, "no ad spend measured")
        if not sold:
            return Stake(spend * week, MONEY, "ad spend that sold nothing")
        if kpi == "tacos":
            target = threshold or settings.target_acos
        elif target is None:
            own = review.acos_targets.get(key) if scope is Scope.CAMPAIGN else None
            target = own.target if own is not None else settings.target_acos
        base = sold if kpi != "tacos" else (m("sales") or sold)
        return Stake(max(spend - target * base, 0.0) * week, MONEY, "ad spend over target")
    if kpi == "days_of_cover":
        units, sales_now, days = m("units"), m("sales"), review.period.days
        if value is None or not units or sales_now is None:
            return Stake(None, MONEY, "no sales to price a stock-out")
        lead = lead_time if lead_time is not None else settings.lead_time
        short = max(0.0, lead - value)
        return Stake(sales_now / days * short, MONEY, f"{short:.0f} days without stock")
    if kpi in ("cvr", "buy_box_pct") and value and threshold:
        sales_now = m("sales")
        if sales_now is None:
            return Stake(None, MONEY, "no sales measured")
        gap = max(threshold / value - 1.0, 0.0)
        return Stake(sales_now * gap * week, MONEY, "sales the gap to the band stands for")
    if kpi == "cvr_change" and value is not None:
        sales_now = m("sales")
        if sales_now is None or value >= 0:
            return Stake(None, MONEY, "no drop to price")
        return Stake(sales_now * (-value / (1.0 + value)) * week, MONEY, "sales lost to the drop")
    if kpi in ("sales_attainment", "sales_growth"):
        sales_now = m("sales")
        goal = m("sales_target") if kpi == "sales_attainment" else m("sales_prev")
        if sales_now is None or goal is None:
            return Stake(None, MONEY, "no target to measure against")
        return Stake(max(goal - sales_now, 0.0) * week, MONEY, "sales short of the target")
    if kpi == "return_rate" and value is not None and threshold is not None:
        units, sales_now = m("units"), m("sales")
        if not units or sales_now is None:
            return Stake(None, MONEY, "no sales measured")
        excess = max(value - threshold, 0.0)
        price = sales_now / units
        return Stake(excess * units * price * week, MONEY, "value of returns over the band")
    if kpi in ("aged_90_share", "inventory_turnover", "ipi"):
        return _aged(m("aged_90_units"), m("units"), m("sales"), m("ltsf"))
    return Stake(None, MONEY, "not priced")


def _aged(aged: float | None, units: float | None, sales: float | None, fee: float | None) -> Stake:
    """Aged stock: its value at risk a week, plus a week's share of the storage fee due."""
    parts: list[tuple[float, str]] = []
    if aged is not None and units and sales is not None:
        parts.append((aged * sales / units * AGED_RISK_PER_WEEK, "aged stock value at risk"))
    if fee is not None:
        parts.append((fee / WEEKS_PER_MONTH, "long-term storage fee due"))
    if not parts:
        return Stake(None, MONEY, "no price for the aged units")
    return Stake(sum(p for p, _ in parts), MONEY, " + ".join(why for _, why in parts))
