"""Sales: what the Business Report says was ordered, against target and last period."""

from __future__ import annotations

from ..expr import M, ratio
from ..kpi import Kpi, Unit
from ..thresholds import Bands
from .entry import (
    ACCOUNT_ASIN,
    HI,
    INFO,
    LO,
    A,
    entry,
)

ENTRIES: tuple[Kpi, ...] = (
    entry(
        "sales",
        "Sales",
        "销售额",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN,
        M("sales"),
        "Σ Ordered Product Sales",
        source="000, 002",
    ),
    entry(
        "units",
        "Units ordered",
        "销量",
        Unit.COUNT,
        INFO,
        ACCOUNT_ASIN,
        M("units"),
        "Σ Units Ordered",
        source="004",
    ),
    entry(
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
    ),
    entry(
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
    ),
    entry(
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
    ),
    entry(
        "organic_share",
        "Organic share",
        "自然销售占比",
        Unit.RATIO,
        INFO,
        frozenset({A}),
        ratio(M("sales") - M("ad_sales"), "sales"),
        "(total sales − ad-attributed sales) / total sales",
        source="000",
    ),
)
