"""Canonical tables: what every reader produces and what the store keeps.

After a reader, every column has one of these names, a numeric type (float64, NaN when
missing), a text type or a date (datetime64, midnight, naive). Nothing downstream knows
about `7 Day Total Sales ` or `US$`. Ratios are fractions (31.78 % is 0.3178).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from enum import StrEnum

import pandas as pd


class ColumnKind(StrEnum):
    TEXT = "text"
    DATE = "date"
    NUMBER = "number"


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind
    doc: str


@dataclass(frozen=True)
class TableSpec:
    name: str
    doc: str
    columns: tuple[Column, ...]
    # Columns that place a row in time: (start, end); a one-day row has start == end.
    span: tuple[str, str]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def empty(self) -> pd.DataFrame:
        return conform(pd.DataFrame({c.name: [] for c in self.columns}), self)

    def only(self, names: Collection[str]) -> TableSpec:
        """The spec of some of its columns (in its order): a read of just those."""
        return replace(self, columns=tuple(c for c in self.columns if c.name in names))


def _t(name: str, doc: str) -> Column:
    return Column(name, ColumnKind.TEXT, doc)


def _d(name: str, doc: str) -> Column:
    return Column(name, ColumnKind.DATE, doc)


def _n(name: str, doc: str) -> Column:
    return Column(name, ColumnKind.NUMBER, doc)


MARKETPLACE = _t("marketplace", "marketplace code as sellers know it: US, UK, DE, JP ...")

BUSINESS_ASIN = TableSpec(
    "business_asin",
    "Business Report, Detail Page Sales and Traffic by Child Item: one row per parent, child, SKU.",
    (
        MARKETPLACE,
        _d("period_start", "first day the report covers (from --period: the file has no dates)"),
        _d("period_end", "last day the report covers"),
        _t("parent_asin", "(Parent) ASIN"),
        _t("child_asin", "(Child) ASIN"),
        _t("sku", "SKU, empty when the report has no SKU column"),
        _t("title", "product title"),
        _n(
            "sessions",
            "Sessions - Total, counted once per (parent, child): 0 on repeated SKU rows",
        ),
        _n("sessions_b2b", "Sessions - Total - B2B, once per (parent, child)"),
        _n("page_views", "Page Views - Total, once per (parent, child)"),
        _n("page_views_b2b", "Page Views - Total - B2B, once per (parent, child)"),
        _n("buy_box_pct", "Featured Offer (Buy Box) Percentage as a fraction, as reported"),
        _n(
            "buy_box_views",
            "buy_box_pct x page_views, once per (parent, child): sum it and divide by page views",
        ),
        _n("units", "Units Ordered (per SKU row)"),
        _n("units_b2b", "Units Ordered - B2B"),
        _n("sales", "Ordered Product Sales in marketplace currency"),
        _n("sales_b2b", "Ordered Product Sales - B2B"),
        _n("order_items", "Total Order Items"),
        _n("order_items_b2b", "Total Order Items - B2B"),
        _n("sessions_mobile", "Sessions - Mobile App, once per (parent, child); NaN if not split"),
        _n("sessions_browser", "Sessions - Browser, once per (parent, child); NaN if not split"),
        _n("page_views_mobile", "Page Views - Mobile App, once per (parent, child)"),
        _n("page_views_browser", "Page Views - Browser, once per (parent, child)"),
    ),
    span=("period_start", "period_end"),
)

BUSINESS_DAILY = TableSpec(
    "business_daily",
    "Business Report, Sales and Traffic by date: one row per day.",
    (
        MARKETPLACE,
        _d("date", "the day"),
        _n("sales", "Ordered Product Sales"),
        _n("units", "Units Ordered"),
        _n("order_items", "Total Order Items"),
        _n("sessions", "Sessions (- Total)"),
        _n("page_views", "Page Views - Total; NaN when not in the file"),
        _n("buy_box_pct", "Featured Offer (Buy Box) Percentage as a fraction; NaN when absent"),
        _n("sales_b2b", "Ordered Product Sales - B2B"),
        _n("units_b2b", "Units Ordered - B2B"),
        _n("units_refunded", "Units Refunded"),
        _n("feedback_received", "Feedback Received"),
        _n("negative_feedback_received", "Negative Feedback Received"),
        _n("claims_granted", "A-to-z Claims Granted"),
        _n("shipped_sales", "Shipped Product Sales"),
        _n("units_shipped", "Units Shipped"),
        _n("orders_shipped", "Orders Shipped"),
    ),
    span=("date", "date"),
)

ADS = TableSpec(
    "ads",
    "Sponsored Products, Brands and Display reports at every grain, one row per report row.",
    (
        MARKETPLACE,
        _t("ad_type", "SP, SB or SD"),
        _t("grain", "campaign, targeting, search_term or advertised_product"),
        _d("start_date", "row's first day (Date, or Start Date for summary rows)"),
        _d("end_date", "row's last day (Date, or End Date)"),
        _t("currency", "ISO currency code as reported"),
        _t("portfolio", "Portfolio name"),
        _t("campaign", "Campaign Name exactly as Amazon shows it (CSV's \\\" undone)"),
        _t("ad_group", "Ad Group Name; empty at campaign grain"),
        _t("targeting", "Targeting (keyword, ASIN or auto target)"),
        _t("match_type", "Match Type: BROAD, PHRASE, EXACT or -"),
        _t("search_term", "Customer Search Term"),
        _t("asin", "Advertised ASIN"),
        _t("sku", "Advertised SKU"),
        _t("campaign_status", "Status (campaign report)"),
        _n("budget", "daily Budget (campaign report)"),
        _n("impressions", "Impressions"),
        _n("clicks", "Clicks"),
        _n("spend", "Spend / Total cost"),
        _n("sales", "N Day Total Sales (attributed, includes other-SKU sales)"),
        _n("orders", "N Day Total Orders (#)"),
        _n("units", "N Day Total Units (#)"),
        _n("sku_sales", "N Day Advertised SKU Sales (promoted)"),
        _n("sku_units", "N Day Advertised SKU Units (promoted)"),
        _n("attribution_days", "N of the 'N Day' headers: 7 for SP sellers, 14 for SB/SD"),
        _n("top_of_search_share", "Top-of-search Impression Share as a fraction"),
    ),
    span=("start_date", "end_date"),
)

INVENTORY = TableSpec(
    "inventory",
    "FBA stock per SKU at a snapshot: Manage FBA Inventory and FBA Inventory (planning).",
    (
        MARKETPLACE,
        _d("snapshot_date", "day the stock was counted"),
        _t("source", "myi or planning: one SKU's stock is counted from one source only"),
        _t("sku", "seller SKU"),
        _t("fnsku", "FNSKU"),
        _t("asin", "ASIN"),
        _t("title", "product name"),
        _t("condition", "condition"),
        _n("price", "your-price"),
        _n("available", "sellable units: afn-fulfillable-quantity / available"),
        _n("inbound", "inbound units: working + shipped + receiving"),
        _n("reserved", "reserved units"),
        _n("unsellable", "unfulfillable / unsellable units"),
        _n("age_0_90", "units aged 0-90 days (planning)"),
        _n("age_91_180", "units aged 91-180 days"),
        _n("age_181_270", "units aged 181-270 days"),
        _n("age_271_365", "units aged 271-365 days"),
        _n("age_365_plus", "units aged over 365 days (one bucket family only)"),
        _n("units_shipped_t30", "units shipped in the last 30 days"),
        _n("units_shipped_t90", "units shipped in the last 90 days"),
        _n("days_of_supply", "Amazon's days-of-supply, as reported"),
        _n("ltsf_next_charge", "estimated-ltsf-next-charge: the next long-term storage fee"),
    ),
    span=("snapshot_date", "snapshot_date"),
)

RETURNS = TableSpec(
    "returns",
    "FBA customer returns: one row per returned unit batch (license plate).",
    (
        MARKETPLACE,
        _d("return_date", "day the return was received"),
        _t("order_id", "Amazon order id"),
        _t("sku", "SKU"),
        _t("asin", "ASIN"),
        _t("fnsku", "FNSKU"),
        _n("quantity", "units returned"),
        _t("fulfillment_center", "fulfillment-center-id"),
        _t("disposition", "detailed-disposition"),
        _t("reason", "return reason code"),
        _t("status", "status"),
        _t("license_plate", "license-plate-number"),
        _t("customer_comments", "customer-comments"),
    ),
    span=("return_date", "return_date"),
)

FEEDBACK = TableSpec(
    "feedback",
    "Seller feedback (1-3 stars only, as Amazon delivers it). Rater e-mails are not kept.",
    (
        MARKETPLACE,
        _d("date", "feedback date"),
        _n("rating", "1 to 5"),
        _t("comments", "buyer's comment"),
        _t("response", "your response"),
        _t("order_id", "order id"),
    ),
    span=("date", "date"),
)

ACCOUNT_HEALTH = TableSpec(
    "account_health",
    "Account Health metrics (seller performance report): one row per metric.",
    (
        MARKETPLACE,
        _d("period_start", "first day of the metric's window"),
        _d("period_end", "last day of the metric's window"),
        _t("metric", "odr, odr_afn, odr_mfn, late_shipment_rate, valid_tracking_rate, ..."),
        _n("rate", "the rate as a fraction"),
        _n("numerator", "defects / late / valid / cancelled count"),
        _n("denominator", "orders or shipments counted"),
        _n("target", "Amazon's target value"),
        _t("target_condition", "LESS_THAN or GREATER_THAN"),
        _t("status", "Amazon's status (GOOD, FAIR, ...)"),
        _n("value", "a metric that is not a rate: the rating's score, a policy's open items"),
    ),
    span=("period_start", "period_end"),
)

ORDERS = TableSpec(
    "orders",
    "All Orders: one row per order line. Buyer addresses are not kept beyond country.",
    (
        MARKETPLACE,
        _d("purchase_date", "purchase day (UTC)"),
        _t("order_id", "amazon-order-id"),
        _t("order_status", "Pending, Shipped, Cancelled ..."),
        _t("fulfillment_channel", "Amazon (FBA) or Merchant (FBM)"),
        _t("sales_channel", "Amazon.com, ... or Non-Amazon (multi-channel)"),
        _t("sku", "SKU"),
        _t("asin", "ASIN"),
        _t("item_status", "Shipped, Unshipped, Cancelled"),
        _n("quantity", "units on the line"),
        _t("currency", "currency code"),
        _n("item_price", "line total (not unit price)"),
        _n("item_tax", "item tax"),
        _n("shipping_price", "shipping price"),
        _n("promotion_discount", "item-promotion-discount"),
        _t("ship_country", "ship-country"),
        _t("is_business_order", "true/false"),
    ),
    span=("purchase_date", "purchase_date"),
)

# Money: the Payments Date Range report and settlement files, one row per posted line, in the
# file's currency with Amazon's signs (fees, refunds and charges negative). Both tables have the
# same columns; the engine counts each day from one of them (engine/money.py).
_MONEY_LINE = (
    MARKETPLACE,
    _d("date", "posted day, in the marketplace's local time (settlement: posted-date)"),
    _t("time", "posted time of day, local, HH:MM:SS; empty when the file gives only a date"),
    _t("settlement_id", "settlement id (the statement the line is paid out in)"),
    _t(
        "type",
        "order, refund, transfer, reserve, adjustment, service_fee, inventory_fee, deal_fee, "
        "liquidation, retrocharge or other",
    ),
    _t("type_text", "the type as written in the file (Order, Bestellung, 注文, other-transaction)"),
    _t("description", "description / amount-description as written"),
    _t("order_id", "order id"),
    _t("sku", "SKU; empty on lines that are not about one product"),
    _n("quantity", "units on the line (order and refund lines; a settlement item's units once)"),
    _t("sales_channel", "the file's marketplace column: amazon.com, Amazon.de, ..."),
    _t("currency", "ISO currency code of the amounts"),
    _n("product_sales", "product sales / ItemPrice Principal (tax and shipping excluded)"),
    _n("shipping", "shipping (UK: postage) credits"),
    _n("gift_wrap", "gift wrap credits"),
    _n("promotions", "promotional rebates (Promotion lines)"),
    _n("taxes", "taxes collected from the buyer: product, shipping, gift wrap, promotion tax"),
    _n("withheld_tax", "tax the marketplace withholds (marketplace facilitator tax)"),
    _n("selling_fees", "referral fees, commission, refund commission and closing fees"),
    _n("fba_fees", "FBA fulfilment fees (per unit, per order, weight based)"),
    _n(
        "other",
        "every other amount: other transaction fees, other, ads, storage, reimbursements ...",
    ),
    _n("total", "the line's total: the sum of its amounts"),
)

TRANSACTIONS = TableSpec(
    "transactions",
    "Payments Date Range report (transaction view): one row per posted transaction line.",
    (*_MONEY_LINE, _t("status", "Transaction Status of 2025+ files: Released, Deferred ...")),
    span=("date", "date"),
)

SETTLEMENTS = TableSpec(
    "settlements",
    "Settlement report flat file (V1 or V2): one row per settlement line, summary row left out.",
    (
        *_MONEY_LINE,
        _t("settlement_start", "settlement-start-date, local time, YYYY-MM-DDTHH:MM:SS"),
        _t("settlement_end", "settlement-end-date, local time, YYYY-MM-DDTHH:MM:SS"),
    ),
    span=("date", "date"),
)

FEE_PREVIEW = TableSpec(
    "fee_preview",
    "FBA Fee Preview: Amazon's fee estimate per SKU (and per store in Europe) at a snapshot.",
    (
        MARKETPLACE,
        _d("snapshot_date", "day the estimate applies to (--period's end, else the run's day)"),
        _t("sku", "seller SKU"),
        _t("fnsku", "FNSKU"),
        _t("asin", "ASIN"),
        _t("title", "product-name"),
        _t("size_band", "product-size-tier (NA) / product-size-weight-band (EU), as written"),
        _t("currency", "currency of the amounts"),
        _n("your_price", "your-price"),
        _n("sales_price", "sales-price; NaN when Amazon writes --"),
        _n("fee_total", "estimated-fee-total (Amazon's sum per unit)"),
        _n("referral_fee", "estimated-referral-fee-per-unit"),
        _n("closing_fee", "estimated-variable-closing-fee"),
        _n(
            "fulfillment_fee",
            "expected-fulfillment-fee-per-unit (NA) or expected-domestic-fulfilment-fee-per-unit "
            "(EU); NaN when --",
        ),
    ),
    span=("snapshot_date", "snapshot_date"),
)

TABLES: dict[str, TableSpec] = {
    t.name: t
    for t in (
        BUSINESS_ASIN,
        BUSINESS_DAILY,
        ADS,
        INVENTORY,
        RETURNS,
        FEEDBACK,
        ACCOUNT_HEALTH,
        ORDERS,
        TRANSACTIONS,
        SETTLEMENTS,
        FEE_PREVIEW,
    )
}


def conform(frame: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Return `frame` with exactly the spec's columns, in order, with the spec's types."""
    out: dict[str, pd.Series] = {}
    n = len(frame)
    for col in spec.columns:
        if col.name in frame.columns:
            values = frame[col.name]
        else:
            values = pd.Series([None] * n, index=frame.index)
        if col.kind is ColumnKind.NUMBER:
            out[col.name] = pd.to_numeric(values, errors="raise").astype("float64")
        elif col.kind is ColumnKind.DATE:
            out[col.name] = pd.to_datetime(values).astype("datetime64[ns]").dt.normalize()
        elif values.dtype == _TEXT and not values.hasnans:
            out[col.name] = values  # text already, none missing: a conformed frame, the store's
        else:
            out[col.name] = values.astype("object").where(values.notna(), "").astype(str)
    return pd.DataFrame(out, index=frame.index).reset_index(drop=True)


_TEXT = pd.Series([], dtype=object).astype(str).dtype  # what conform makes of a text column
