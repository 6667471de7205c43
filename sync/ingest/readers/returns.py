"""FBA customer returns (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA): API TSV or UI CSV."""

from __future__ import annotations

from ..raw import RawReport
from ..schema import RETURNS
from ._snapshot import dated_result
from .base import Field, ReadContext, Reader, ReadResult, has_all
from .extract import read_frame

FIELDS: tuple[Field, ...] = (
    Field("return_date", ("return-date",), "date", required=True),
    Field("order_id", ("order-id",)),
    Field("sku", ("sku",)),
    Field("asin", ("asin",), required=True),
    Field("fnsku", ("fnsku",)),
    Field("quantity", ("quantity",), "count", required=True),
    Field("fulfillment_center", ("fulfillment-center-id",)),
    Field("disposition", ("detailed-disposition",)),
    Field("reason", ("reason",)),
    Field("status", ("status",)),
    Field("license_plate", ("license-plate-number",)),
    Field("customer_comments", ("customer-comments",)),
)


class CustomerReturns(Reader):
    kind = "fba_returns"
    title = "FBA customer returns"
    table = RETURNS
    formats = frozenset({"csv", "tsv", "xlsx"})

    def detect(self, raw: RawReport) -> int:
        return 10 if has_all(raw, "return-date", "asin", "quantity") else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        frame, market = read_frame(raw, FIELDS, ctx)
        marketplace = market.code
        return dated_result(self.kind, self.table, raw, frame, marketplace, "return_date")
