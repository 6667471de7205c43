"""Inventory and supply: stock, cover, age and turnover."""

from __future__ import annotations

from ..expr import M, ratio
from ..kpi import Kpi, Unit
from ..thresholds import Bands
from .entry import (
    ACCOUNT_ASIN,
    HI,
    INFO,
    LO,
    RG,
    A,
    S,
    entry,
)

ENTRIES: tuple[Kpi, ...] = (
    entry(
        "available_units",
        "Available units",
        "可售库存",
        Unit.COUNT,
        INFO,
        ACCOUNT_ASIN,
        M("available_units"),
        "sellable FBA units at the latest snapshot",
        source="004",
    ),
    entry(
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
    ),
    entry(
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
    ),
    entry(
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
    ),
    entry(
        "ltsf",
        "Est. long-term storage fee",
        "预估长期仓储费",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN,
        M("ltsf"),
        "Σ estimated-ltsf-next-charge of the latest planning report: the next monthly charge",
        source="001",
    ),
    entry(
        "ipi",
        "IPI",
        "库存绩效指标（IPI）",
        Unit.COUNT,
        HI,
        frozenset({A}),
        M("ipi"),
        "the Inventory Performance Index the team types in Settings (FBA dashboard)",
        Bands(green_min=500, yellow_min=400, source="001 (500 line), 002 and 004 (400 line)"),
        "001, 002, 004",
    ),
)
