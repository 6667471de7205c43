"""Traffic and conversion: sessions, page views, conversion and the Featured Offer."""

from __future__ import annotations

from ..expr import M, ratio
from ..kpi import Kpi, Unit
from ..thresholds import Bands
from .entry import (
    ACCOUNT_ASIN,
    HI,
    INFO,
    entry,
)

ENTRIES: tuple[Kpi, ...] = (
    entry(
        "sessions",
        "Sessions",
        "会话数",
        Unit.COUNT,
        INFO,
        ACCOUNT_ASIN,
        M("sessions"),
        "Σ Sessions, once per parent/child pair",
        source="004",
    ),
    entry(
        "page_views",
        "Page views",
        "页面浏览量",
        Unit.COUNT,
        INFO,
        ACCOUNT_ASIN,
        M("page_views"),
        "Σ Page Views, once per parent/child pair",
        source="004",
    ),
    entry(
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
    ),
    entry(
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
    ),
    entry(
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
    ),
)
