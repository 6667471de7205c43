"""Every KPI of the catalogue (../docs/kpi-catalogue.md) that reports or Settings can feed.

Each entry is the single definition of its KPI, written in the module of its family
(addin/catalogue/: sales, money, profit, traffic, ads, inventory, health). Measures (the
names inside `M(...)` and `ratio(...)`) are additive quantities computed per scope by the
engine (sync/engine/build.py) and listed in MEASURES below. Bands marked "(ours)" are our own
defaults where no seed gives one.
"""

from __future__ import annotations

from .catalogue import ads, health, inventory, money, profit, sales, traffic
from .kpi import Kpi

# In the catalogue's order, which docs/kpis.md, the workbook and the minutes follow;
# addin/registry.py registers them.
ENTRIES: tuple[Kpi, ...] = (
    *sales.ENTRIES,
    *money.ENTRIES,
    *profit.ENTRIES,
    *traffic.ENTRIES,
    *ads.ENTRIES,
    *inventory.ENTRIES,
    *health.ENTRIES,
)

# What a review leads with (the Dashboard's first block, the minutes' first table): the
# money of the period, in this order.
MONEY_BLOCK = (
    "sales",
    "net_profit",
    "margin",
    "sales_attainment",
    "profit_attainment",
    "sales_pace",
    "sales_forecast",
    "ad_spend",
    "tacos",
)

MEASURES: dict[str, str] = {
    "sales": "Σ Ordered Product Sales (Business Report)",
    "units": "Σ Units Ordered",
    "sessions": "Σ Sessions - Total, once per (parent, child) ASIN pair",
    "page_views": "Σ Page Views - Total, once per (parent, child)",
    "buy_box_views": "Σ Featured Offer % × Page Views, once per (parent, child)",
    "ad_spend": "Σ Spend, each ad type counted once (SP + SB + SD)",
    "ad_sales": "Σ N Day Total Sales (7-day SP, 14-day SB/SD)",
    "impressions": "Σ Impressions",
    "clicks": "Σ Clicks",
    "ad_orders": "Σ N Day Total Orders",
    "returned_units": "Σ returned quantity with a return date in the period",
    "available_units": "Σ sellable units at the latest snapshot, each SKU counted once",
    "aged_90_units": "Σ units aged over 90 days (planning report)",
    "aged_base_units": "Σ available units of the planning rows the ages come from",
    "days": "days in the period",
    "feedback_received": "Σ Feedback Received (Business Report by date)",
    "negative_feedback": "Σ Negative Feedback Received",
    "odr_defects": "orders with a defect (Account Health, AFN + MFN)",
    "odr_orders": "orders in the ODR window (AFN + MFN)",
    "late_shipments": "late shipments (Account Health)",
    "lsr_orders": "orders in the late-shipment window",
    "valid_tracking": "shipments with valid tracking",
    "vtr_shipments": "shipments in the valid-tracking window",
    "cancellations": "pre-fulfilment cancellations",
    "cancel_orders": "orders in the cancellation window",
    "ahr_score": "the Account Health Rating (0–1000) of the latest seller performance report",
    "policy_items": "Σ open items (defectsCount) of the policy compliance categories reported",
    "ltsf": "Σ estimated-ltsf-next-charge of each SKU's latest planning report row",
    "ipi": "the IPI typed in Settings (blank: unknown)",
    "sales_target": "the monthly sales target (Settings) × the share of each month's days in "
    "the period",
    "profit_target": "the monthly net profit target (Settings) × the share of each month's days "
    "in the period",
    "sales_prev": "sales of the comparison period",
    "units_prev": "units of the comparison period",
    "sessions_prev": "sessions of the comparison period",
    "units_sold": "Σ quantity of order lines (Date Range report / settlement, engine/money.py)",
    "product_sales": "Σ product sales (Principal) of order lines, tax and shipping excluded",
    "refunds": "Σ product sales (Principal) of refund lines, negative",
    "selling_fees": "Σ referral fees, commission, refund commission and closing fees, all lines",
    "fba_fees": "Σ FBA fulfilment fees (per unit, per order, weight based), all lines",
    "other_fees": "Σ every other amount except transfers and reserves (ads, storage, service "
    "fees, adjustments, their taxes)",
    "net_proceeds": "Σ line totals, transfers to the bank and reserves left out",
    "net_sales": "product sales + refunds (Principal; Payments reports), or, estimated, the "
    "Business Report's ordered product sales (engine/profit.py)",
    "profit_units": "units of the order lines (Payments reports), or, estimated, units ordered",
    "amazon_fees": "selling + FBA + other fees without Amazon's advertising charges, negative; "
    "estimated: −(referral + closing + fulfilment fee per unit, FBA Fee Preview) × units",
    "cogs": "Σ units × (unit cost + other cost per unit) in force on each order's day "
    "(Settings, Products); blank when a SKU sold has no cost",
    "freight": "Σ units × first-leg freight per unit in force on each order's day; blank when "
    "a SKU sold has no cost",
    "mtd_sales": "sales from the month's first day to the period's last (Business Report by date)",
    "mtd_profit": "net profit from the month's first day to the period's last",
    "mtd_days": "days from the month's first day to the period's last",
    "month_days": "days in the month of the period's last day",
    "month_sales_target": "the monthly sales target (Settings)",
    "month_profit_target": "the monthly net profit target (Settings)",
}
