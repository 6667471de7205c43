"""Every KPI of the catalogue (../docs/kpi-catalogue.md) that reports or Settings can feed.

Each entry is the single definition of its KPI. Measures (the names inside `M(...)` and
`ratio(...)`) are additive quantities computed per scope by the engine (sync/engine/review.py) and
listed in MEASURES below. Bands marked "(ours)" are our own defaults where no seed gives one.
"""

from __future__ import annotations

from .expr import Expr, M, ratio, total
from .kpi import Direction, Kpi, Scope, Unit
from .thresholds import Bands

A, S, C = Scope.ACCOUNT, Scope.ASIN, Scope.CAMPAIGN
ACCOUNT_ASIN = frozenset({A, S})
ACCOUNT_ASIN_SKU = frozenset({A, S, Scope.SKU})
ACCOUNT_CAMPAIGN = frozenset({A, C})
ALL = frozenset({A, S, C})
ENTRIES: list[Kpi] = []  # in the catalogue's order; addin/registry.py registers them
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


def _k(
    id: str,
    en: str,
    zh: str,
    unit: Unit,
    direction: Direction,
    scopes: frozenset[Scope],
    expr: Expr,
    doc: str,
    bands: Bands | None = None,
    source: str = "",
    **categories: Bands,
) -> Kpi:
    cat = {name.replace("_", " "): b for name, b in categories.items()}
    kpi = Kpi(id, en, zh, unit, direction, scopes, expr, doc, bands, cat, source)
    ENTRIES.append(kpi)
    return kpi


INFO = Direction.NONE
HI, LO, RG = Direction.HIGHER, Direction.LOWER, Direction.RANGE

# 1. Sales and profit
_k(
    "sales",
    "Sales",
    "销售额",
    Unit.MONEY,
    INFO,
    ACCOUNT_ASIN,
    M("sales"),
    "Σ Ordered Product Sales",
    source="000, 002",
)
_k(
    "units",
    "Units ordered",
    "销量",
    Unit.COUNT,
    INFO,
    ACCOUNT_ASIN,
    M("units"),
    "Σ Units Ordered",
    source="004",
)
_k(
    "sales_attainment",
    "Sales attainment",
    "销售目标达成率",
    Unit.RATIO,
    HI,
    ACCOUNT_ASIN,
    ratio("sales", "sales_target"),
    "sales / sales target for the period (monthly target pro-rated by days)",
    Bands(green_min=0.95, yellow_min=0.80, source="000, 002; yellow/red (ours)"),
    "000, 002",
)
_k(
    "sales_growth",
    "Sales growth",
    "销售额增长率（较对比期）",
    Unit.RATIO,
    HI,
    ACCOUNT_ASIN,
    ratio(M("sales") - M("sales_prev"), "sales_prev"),
    "(sales − comparison sales) / comparison sales",
    Bands(green_min=0.0, yellow_min=-0.10, source="(ours); 001"),
    "001",
)
_k(
    "tacos",
    "TACoS",
    "TACoS（广告花费占比）",
    Unit.RATIO,
    LO,
    ACCOUNT_ASIN,
    ratio("ad_spend", "sales"),
    "ad spend / total ordered product sales",
    Bands(green_max=0.10, yellow_max=0.15, source="(ours)"),
    "002",
)
_k(
    "organic_share",
    "Organic share",
    "自然销售占比",
    Unit.RATIO,
    INFO,
    frozenset({A}),
    ratio(M("sales") - M("ad_sales"), "sales"),
    "(total sales − ad-attributed sales) / total sales",
    source="000",
)

# Money, as Amazon pays it out (Date Range report and settlements; rules: engine/money.py).
# In the marketplace's currency with Amazon's signs: fees and refunds are negative.
_k(
    "units_sold",
    "Units sold",
    "销量（结算）",
    Unit.COUNT,
    INFO,
    ACCOUNT_ASIN_SKU,
    M("units_sold"),
    "Σ quantity of order lines in the Date Range report or settlement",
    source="000, 003",
)
_k(
    "product_sales",
    "Product sales",
    "商品销售额",
    Unit.MONEY,
    INFO,
    ACCOUNT_ASIN_SKU,
    M("product_sales"),
    "Σ product sales (Principal) of order lines, tax and shipping excluded",
    source="000, 003",
)
_k(
    "refunds",
    "Refunds",
    "退款",
    Unit.MONEY,
    INFO,
    ACCOUNT_ASIN_SKU,
    M("refunds"),
    "Σ product sales (Principal) refunded, negative",
    source="000, 003",
)
_k(
    "selling_fees",
    "Selling fees",
    "销售佣金",
    Unit.MONEY,
    INFO,
    ACCOUNT_ASIN_SKU,
    M("selling_fees"),
    "Σ referral fees and closing fees, refunded commission netted in, negative",
    source="003",
)
_k(
    "fba_fees",
    "FBA fees",
    "FBA 配送费",
    Unit.MONEY,
    INFO,
    ACCOUNT_ASIN_SKU,
    M("fba_fees"),
    "Σ FBA fulfilment fees (per unit, per order, weight based), negative",
    source="003",
)
_k(
    "other_fees",
    "Other fees",
    "其他费用",
    Unit.MONEY,
    INFO,
    ACCOUNT_ASIN_SKU,
    M("other_fees"),
    "Σ every other charge or credit except transfers: ads, storage, service fees, adjustments",
    source="003",
)
_k(
    "net_proceeds",
    "Net proceeds",
    "结算净额",
    Unit.MONEY,
    INFO,
    ACCOUNT_ASIN_SKU,
    M("net_proceeds"),
    "Σ line totals, transfers to your bank account left out",
    source="000, 003",
)

# Profit (engine/profit.py): what sales leave after Amazon's fees, the goods and the ads.
# Costs may be unknown (a SKU nobody costed): such a measure is blank, and so is the profit.
_FEES, _COGS, _FREIGHT = M("amazon_fees", True), M("cogs", True), M("freight", True)
GROSS_PROFIT: Expr = total((+1, "net_sales"), (+1, _FEES), (-1, _COGS), (-1, _FREIGHT))
NET_PROFIT: Expr = total(
    (+1, "net_sales"), (+1, _FEES), (-1, _COGS), (-1, _FREIGHT), (-1, "ad_spend")
)
_attainment = Bands(green_min=0.95, yellow_min=0.80, source="000, 002; yellow/red (ours)")
_k(
    "gross_profit",
    "Gross profit",
    "毛利润",
    Unit.MONEY,
    INFO,
    ACCOUNT_ASIN_SKU,
    GROSS_PROFIT,
    "product sales − refunds + Amazon fees (negative) − COGS − first-leg freight, before ads",
    source="000, 003",
)
_k(
    "net_profit",
    "Net profit",
    "净利润",
    Unit.MONEY,
    INFO,
    ACCOUNT_ASIN,
    NET_PROFIT,
    "gross profit − ad spend (per ASIN: its Sponsored Products spend; SB and SD at account)",
    source="000, 003",
)
_k(
    "margin",
    "Net margin",
    "净利润率",
    Unit.RATIO,
    HI,
    ACCOUNT_ASIN,
    ratio(NET_PROFIT, "net_sales"),
    "net profit / net sales (after fees, COGS, freight and the ad share)",
    Bands(green_min=0.15, yellow_min=0.05, source="(ours); 000 gives home ≥ 35 %"),
    "000, 003",
    home=Bands(green_min=0.35, yellow_min=0.25, source="000 (home ≥ 35 %); yellow (ours)"),
)
_k(
    "roi",
    "ROI",
    "投资回报率（ROI）",
    Unit.RATIO,
    INFO,
    ACCOUNT_ASIN,
    ratio(NET_PROFIT, total((+1, _COGS), (+1, _FREIGHT))),
    "net profit / (COGS + first-leg freight): the return on the money put into the goods",
    source="003",
)
_k(
    "profit_per_unit",
    "Net profit per unit",
    "单件净利润",
    Unit.MONEY,
    INFO,
    ACCOUNT_ASIN,
    ratio(NET_PROFIT, "profit_units"),
    "net profit / units sold",
    source="003",
)
_k(
    "profit_attainment",
    "Profit attainment",
    "利润目标达成率",
    Unit.RATIO,
    HI,
    ACCOUNT_ASIN,
    ratio(NET_PROFIT, "profit_target"),
    "net profit / net profit target for the period (monthly target pro-rated by days)",
    _attainment,
    "000, 002",
)
_k(
    "sales_pace",
    "Month-to-date sales attainment",
    "本月销售进度达成率",
    Unit.RATIO,
    HI,
    frozenset({A}),
    ratio(M("mtd_sales") * M("month_days"), M("mtd_days") * M("month_sales_target")),
    "month-to-date sales / (monthly target × days so far / days in month)",
    _attainment,
    "000, 002",
)
_k(
    "sales_forecast",
    "Sales forecast (month)",
    "本月预计销售额",
    Unit.MONEY,
    INFO,
    frozenset({A}),
    ratio(M("mtd_sales") * M("month_days"), "mtd_days"),
    "month-to-date sales / days so far × days in month",
    source="000, 002",
)
_k(
    "profit_pace",
    "Month-to-date profit attainment",
    "本月利润进度达成率",
    Unit.RATIO,
    HI,
    frozenset({A}),
    ratio(M("mtd_profit") * M("month_days"), M("mtd_days") * M("month_profit_target")),
    "month-to-date net profit / (monthly target × days so far / days in month)",
    _attainment,
    "000, 002",
)
_k(
    "profit_forecast",
    "Net profit forecast (month)",
    "本月预计净利润",
    Unit.MONEY,
    INFO,
    frozenset({A}),
    ratio(M("mtd_profit") * M("month_days"), "mtd_days"),
    "month-to-date net profit / days so far × days in month",
    source="000, 002",
)

# 2. Traffic and conversion
_k(
    "sessions",
    "Sessions",
    "会话数",
    Unit.COUNT,
    INFO,
    ACCOUNT_ASIN,
    M("sessions"),
    "Σ Sessions, once per parent/child pair",
    source="004",
)
_k(
    "page_views",
    "Page views",
    "页面浏览量",
    Unit.COUNT,
    INFO,
    ACCOUNT_ASIN,
    M("page_views"),
    "Σ Page Views, once per parent/child pair",
    source="004",
)
_k(
    "cvr",
    "Conversion rate",
    "转化率（商品会话百分比）",
    Unit.RATIO,
    HI,
    ACCOUNT_ASIN,
    ratio("units", "sessions"),
    "units ordered / sessions (Unit Session Percentage)",
    Bands(green_min=0.10, yellow_min=0.08, source="000, 001"),
    "000, 001",
)
_k(
    "cvr_change",
    "CVR change",
    "转化率变化",
    Unit.RATIO,
    HI,
    ACCOUNT_ASIN,
    ratio(M("units") * M("sessions_prev"), M("sessions") * M("units_prev")) - 1,
    "CVR / CVR of the comparison period − 1",
    Bands(green_min=-0.05, yellow_min=-0.15, source="004; bands (ours)"),
    "004",
)
_k(
    "buy_box_pct",
    "Featured Offer (Buy Box) %",
    "Buy Box 赢得率",
    Unit.RATIO,
    HI,
    ACCOUNT_ASIN,
    ratio("buy_box_views", "page_views"),
    "page-view-weighted Featured Offer percentage",
    Bands(green_min=0.80, yellow_min=0.70, source="002, 001; yellow/red (ours)"),
    "002, 001",
)

# 3. Advertising
_k(
    "ad_spend",
    "Ad spend",
    "广告花费",
    Unit.MONEY,
    INFO,
    ALL,
    M("ad_spend"),
    "Σ Spend over SP, SB and SD, each ad type counted once",
    source="002",
)
_k(
    "ad_sales",
    "Ad sales",
    "广告销售额",
    Unit.MONEY,
    INFO,
    ALL,
    M("ad_sales"),
    "Σ attributed sales (7-day SP, 14-day SB/SD)",
    source="002",
)
_acos_home = Bands(green_max=0.20, yellow_max=0.30, source="004 (home 12–20 %), 000")
_acos_elec = Bands(green_max=0.25, yellow_max=0.30, source="004 (electronics 18–25 %)")
_k(
    "acos",
    "ACoS",
    "ACoS（广告投入产出比）",
    Unit.RATIO,
    LO,
    ALL,
    ratio("ad_spend", "ad_sales"),
    "ad spend / ad-attributed sales",
    Bands(green_max=0.25, yellow_max=0.30, source="000 (15–25 %), 001, 004"),
    "000, 001, 004",
    home=_acos_home,
    electronics_accessories=_acos_elec,
)
_k(
    "roas",
    "ROAS",
    "ROAS（广告支出回报率）",
    Unit.MULTIPLE,
    HI,
    ALL,
    ratio("ad_sales", "ad_spend"),
    "ad sales / ad spend",
    Bands(green_min=3.0, yellow_min=2.0, source="002; yellow/red (ours)"),
    "002",
)
_k(
    "impressions",
    "Impressions",
    "展示量",
    Unit.COUNT,
    INFO,
    ACCOUNT_CAMPAIGN,
    M("impressions"),
    "Σ Impressions",
    source="004",
)
_k(
    "clicks",
    "Clicks",
    "点击量",
    Unit.COUNT,
    INFO,
    ACCOUNT_CAMPAIGN,
    M("clicks"),
    "Σ Clicks",
    source="004",
)
_k(
    "ctr",
    "CTR",
    "点击率（CTR）",
    Unit.RATIO,
    HI,
    ACCOUNT_CAMPAIGN,
    ratio("clicks", "impressions"),
    "clicks / impressions",
    Bands(green_min=0.005, yellow_min=0.003, source="004, 002; (ours)"),
    "004, 002",
)
_k(
    "cpc",
    "CPC",
    "单次点击成本（CPC）",
    Unit.MONEY,
    INFO,
    ACCOUNT_CAMPAIGN,
    ratio("ad_spend", "clicks"),
    "spend / clicks (compare with your budgeted CPC)",
    source="004",
)
_k(
    "ad_orders",
    "Ad orders",
    "广告订单量",
    Unit.COUNT,
    INFO,
    ACCOUNT_CAMPAIGN,
    M("ad_orders"),
    "Σ N Day Total Orders",
    source="000",
)
_k(
    "ad_cvr",
    "Ad conversion rate",
    "广告转化率",
    Unit.RATIO,
    INFO,
    ACCOUNT_CAMPAIGN,
    ratio("ad_orders", "clicks"),
    "ad orders / clicks",
    source="000",
)

# 4. Inventory and supply
_k(
    "available_units",
    "Available units",
    "可售库存",
    Unit.COUNT,
    INFO,
    ACCOUNT_ASIN,
    M("available_units"),
    "sellable FBA units at the latest snapshot",
    source="004",
)
_k(
    "days_of_cover",
    "Days of cover",
    "可售天数",
    Unit.DAYS,
    RG,
    frozenset({S}),
    ratio(M("available_units") * M("days"), "units"),
    "available / (units / days in period)",
    Bands(
        green_min=30,
        green_max=180,
        yellow_min=14,
        source="004 (restock under 30 days); 180-day slow line and 14-day red line (ours)",
    ),
    "004, 001",
)
_k(
    "aged_90_share",
    "Aged > 90 days share",
    "库龄 > 90 天占比",
    Unit.RATIO,
    LO,
    ACCOUNT_ASIN,
    ratio("aged_90_units", "aged_base_units"),
    "units aged over 90 days / available units (planning report)",
    Bands(green_max=0.10, yellow_max=0.25, source="(ours); 001"),
    "001",
)
_k(
    "inventory_turnover",
    "Inventory turnover",
    "库存周转率",
    Unit.MULTIPLE,
    HI,
    ACCOUNT_ASIN,
    ratio(M("units") * 365, M("days") * M("available_units")),
    "units sold × (365 / period days) / units on hand, per year",
    Bands(green_min=4.0, yellow_min=3.0, source="000, 002"),
    "000, 002",
)

# 5. Customers and account health
_k(
    "return_rate",
    "Return rate",
    "退货率",
    Unit.RATIO,
    LO,
    ACCOUNT_ASIN,
    ratio("returned_units", "units"),
    "units returned in the period / units ordered",
    Bands(green_max=0.03, yellow_max=0.05, source="002, 001"),
    "002, 001",
)
_k(
    "negative_feedback_rate",
    "Negative feedback rate",
    "Feedback 差评率",
    Unit.RATIO,
    LO,
    frozenset({A}),
    ratio("negative_feedback", "feedback_received"),
    "negative feedback received / feedback received",
    Bands(green_max=0.005, yellow_max=0.01, source="000"),
    "000",
)
_k(
    "odr",
    "Order defect rate",
    "订单缺陷率（ODR）",
    Unit.RATIO,
    LO,
    frozenset({A}),
    ratio("odr_defects", "odr_orders"),
    "orders with a defect / orders (AFN + MFN)",
    Bands(green_max=0.01, yellow_max=0.01, source="002, 004"),
    "002, 004",
)
_k(
    "late_shipment_rate",
    "Late shipment rate",
    "迟发率",
    Unit.RATIO,
    LO,
    frozenset({A}),
    ratio("late_shipments", "lsr_orders"),
    "late shipments / orders (seller-fulfilled)",
    Bands(green_max=0.04, yellow_max=0.04, source="001, 004"),
    "001, 004",
)
_k(
    "valid_tracking_rate",
    "Valid tracking rate",
    "有效追踪率",
    Unit.RATIO,
    HI,
    frozenset({A}),
    ratio("valid_tracking", "vtr_shipments"),
    "shipments with valid tracking / shipments",
    Bands(green_min=0.95, yellow_min=0.95, source="001, 004"),
    "001, 004",
)
_k(
    "cancel_rate",
    "Pre-fulfilment cancel rate",
    "配送前取消率",
    Unit.RATIO,
    LO,
    frozenset({A}),
    ratio("cancellations", "cancel_orders"),
    "cancellations / orders (seller-fulfilled)",
    Bands(green_max=0.025, yellow_max=0.025, source="001"),
    "001",
)
