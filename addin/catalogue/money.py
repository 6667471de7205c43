"""Money as Amazon pays it out: the Date Range report and settlements (rules: engine/money.py).

In the marketplace's currency with Amazon's signs: fees and refunds are negative.
"""

from __future__ import annotations

from ..expr import M
from ..kpi import Kpi, Unit
from .entry import (
    ACCOUNT_ASIN_SKU,
    INFO,
    entry,
)

ENTRIES: tuple[Kpi, ...] = (
    entry(
        "units_sold",
        "Units sold",
        "销量（结算）",
        Unit.COUNT,
        INFO,
        ACCOUNT_ASIN_SKU,
        M("units_sold"),
        "Σ quantity of order lines in the Date Range report or settlement",
        source="000, 003",
    ),
    entry(
        "product_sales",
        "Product sales",
        "商品销售额",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN_SKU,
        M("product_sales"),
        "Σ product sales (Principal) of order lines, tax and shipping excluded",
        source="000, 003",
    ),
    entry(
        "refunds",
        "Refunds",
        "退款",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN_SKU,
        M("refunds"),
        "Σ product sales (Principal) refunded, negative",
        source="000, 003",
    ),
    entry(
        "selling_fees",
        "Selling fees",
        "销售佣金",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN_SKU,
        M("selling_fees"),
        "Σ referral fees and closing fees, refunded commission netted in, negative",
        source="003",
    ),
    entry(
        "fba_fees",
        "FBA fees",
        "FBA 配送费",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN_SKU,
        M("fba_fees"),
        "Σ FBA fulfilment fees (per unit, per order, weight based), negative",
        source="003",
    ),
    entry(
        "other_fees",
        "Other fees",
        "其他费用",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN_SKU,
        M("other_fees"),
        "Σ every other charge or credit except transfers: ads, storage, service fees, adjustments",
        source="003",
    ),
    entry(
        "net_proceeds",
        "Net proceeds",
        "结算净额",
        Unit.MONEY,
        INFO,
        ACCOUNT_ASIN_SKU,
        M("net_proceeds"),
        "Σ line totals, transfers to your bank account left out",
        source="000, 003",
    ),
)
