"""Profit: what sales leave after Amazon's fees, the goods and the ads (engine/profit.py)."""

from __future__ import annotations

from ..expr import Expr, M, ratio, total
from ..kpi import Kpi, Unit
from ..thresholds import Bands
from .entry import (
    ACCOUNT_ASIN,
    ACCOUNT_ASIN_SKU,
    HI,
    INFO,
    A,
    entry,
)

# Costs may be unknown (a SKU nobody costed): such a measure is blank, and so is the profit.
_FEES, _COGS, _FREIGHT = M("amazon_fees", True), M("cogs", True), M("freight", True)
GROSS_PROFIT: Expr = total((+1, "net_sales"), (+1, _FEES), (-1, _COGS), (-1, _FREIGHT))
NET_PROFIT: Expr = total(
    (+1, "net_sales"), (+1, _FEES), (-1, _COGS), (-1, _FREIGHT), (-1, "ad_spend")
)
_attainment = Bands(green_min=0.95, yellow_min=0.80, source="000, 002; yellow/red (ours)")


ENTRIES: tuple[Kpi, ...] = (
    entry(
        "gross_profit",
        "Gross profit",
        "毛利润",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN_SKU,
        GROSS_PROFIT,
        "product sales − refunds + Amazon fees (negative) − COGS − first-leg freight, before ads",
        source="000, 003",
    ),
    entry(
        "net_profit",
        "Net profit",
        "净利润",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN,
        NET_PROFIT,
        "gross profit − ad spend (per ASIN: its Sponsored Products spend; SB and SD at account)",
        source="000, 003",
    ),
    entry(
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
    ),
    entry(
        "roi",
        "ROI",
        "投资回报率（ROI）",
        Unit.RATIO,
        INFO,
        ACCOUNT_ASIN,
        ratio(NET_PROFIT, total((+1, _COGS), (+1, _FREIGHT))),
        "net profit / (COGS + first-leg freight): the return on the money put into the goods",
        source="003",
    ),
    entry(
        "profit_per_unit",
        "Net profit per unit",
        "单件净利润",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN,
        ratio(NET_PROFIT, "profit_units"),
        "net profit / units sold",
        source="003",
    ),
    entry(
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
    ),
    entry(
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
    ),
    entry(
        "sales_forecast",
        "Sales forecast (month)",
        "本月预计销售额",
        Unit.MONEY,
        INFO,
        frozenset({A}),
        ratio(M("mtd_sales") * M("month_days"), "mtd_days"),
        "month-to-date sales / days so far × days in month",
        source="000, 002",
    ),
    entry(
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
    ),
    entry(
        "profit_forecast",
        "Net profit forecast (month)",
        "本月预计净利润",
        Unit.MONEY,
        INFO,
        frozenset({A}),
        ratio(M("mtd_profit") * M("month_days"), "mtd_days"),
        "month-to-date net profit / days so far × days in month",
        source="000, 002",
    ),
)
