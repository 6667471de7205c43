"""What a workbook plan is built from, and the constants every tab shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..actions.sheets import Tracker
from ..engine.review import Review
from ..engine.rules import Suggestion
from ..findings import Finding
from ..settings import Settings

ADS_KPIS = frozenset(
    {
        "ad_spend",
        "ad_sales",
        "acos",
        "roas",
        "tacos",
        "ctr",
        "cpc",
        "ad_orders",
        "ad_cvr",
        "impressions",
        "clicks",
        "organic_share",
    }
)
# Measures that are amounts of money: their cells show the marketplace's currency.
MONEY_MEASURES = frozenset(
    {
        "sales",
        "sales_prev",
        "ad_spend",
        "ad_sales",
        "product_sales",
        "refunds",
        "selling_fees",
        "fba_fees",
        "other_fees",
        "net_proceeds",
        "net_sales",
        "amazon_fees",
        "cogs",
        "freight",
        "sales_target",
        "profit_target",
        "mtd_sales",
        "mtd_profit",
        "month_sales_target",
        "month_profit_target",
        "ltsf",
    }
)
# Every tab fupan owns, by stable key (titles are translated, see i18n.LABELS).
SHEET_KEYS = (
    "dashboard",
    "actions",
    "sales",
    "ads",
    "search_terms",
    "inventory",
    "health",
    "suggestions",
    "scorecard",
    "settings",
    "issues",
    "conflicts",
    "archive",
    "data_sales",
    "data_ads",
    "data_stock",
    "data_returns",
)
FIRST = 5  # first data row of the report tabs (title, note, blank, header above)


@dataclass
class Inputs:
    """Everything a plan is built from; gathered by the review flow from the store.

    The data tabs hold the review's own rows (Review.frame), so the workbook's formulas sum
    exactly what the engine summed.
    """

    review: Review
    previous: Review | None
    settings: Settings
    health_rows: pd.DataFrame  # every account-health metric as reported
    trend: pd.DataFrame  # week, sales, sessions, acos, tacos, net_profit, margin, end
    suggestions: list[Suggestion]
    tracker: Tracker
    findings: list[Finding]
    today: date
    notes: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet key -> key -> note
    provisional_from: date | None = None
    # The store's inventory snapshots (age buckets of the planning report; empty: none).
    stock_ages: pd.DataFrame = field(default_factory=pd.DataFrame)
