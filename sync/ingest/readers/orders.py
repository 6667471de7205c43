"""All Orders (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL), TSV."""

from __future__ import annotations

from ..raw import RawReport
from ..schema import ORDERS
from ._snapshot import dated_result
from .base import Field, ReadContext, Reader, ReadResult, has_all
from .extract import read_frame

# Buyer city, state and postal code are read by nobody and not kept.
FIELDS: tuple[Field, ...] = (
    Field("purchase_date", ("purchase-date",), "date", required=True),
    Field("order_id", ("amazon-order-id",), required=True),
    Field("order_status", ("order-status",)),
    Field("fulfillment_channel", ("fulfillment-channel",)),
    Field("sales_channel", ("sales-channel",)),
    Field("sku", ("sku",)),
    Field("asin", ("asin",)),
    Field("item_status", ("item-status",)),
    Field("quantity", ("quantity",), "count", required=True),
    Field("currency", ("currency",)),
    Field("item_price", ("item-price",), "money"),
    Field("item_tax", ("item-tax",), "money"),
    Field("shipping_price", ("shipping-price",), "money"),
    Field("promotion_discount", ("item-promotion-discount",), "money"),
    Field("ship_country", ("ship-country",)),
    Field("is_business_order", ("is-business-order",)),
)


class AllOrders(Reader):
    kind = "all_orders"
    title = "All Orders"
    table = ORDERS
    formats = frozenset({"csv", "tsv", "xlsx"})

    def detect(self, raw: RawReport) -> int:
        return 10 if has_all(raw, "amazon-order-id", "purchase-date", "order-status") else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        frame, market = read_frame(raw, FIELDS, ctx, currency_fields=("currency",))
        marketplace = market.code
        return dated_result(self.kind, self.table, raw, frame, marketplace, "purchase_date")
