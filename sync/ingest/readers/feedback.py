"""Seller feedback (GET_SELLER_FEEDBACK_DATA). Rater e-mails are personal data: not kept."""

from __future__ import annotations

from ..raw import RawReport
from ..schema import FEEDBACK
from ._snapshot import dated_result
from .base import Field, ReadContext, Reader, ReadResult, has_all
from .extract import read_frame

FIELDS: tuple[Field, ...] = (
    Field("date", ("date",), "date", required=True),
    Field("rating", ("rating",), "count", required=True),
    Field("comments", ("comments",)),
    Field("response", ("your response",)),
    Field("order_id", ("order id",)),
)


class SellerFeedback(Reader):
    kind = "seller_feedback"
    title = "Seller feedback (negative and neutral)"
    table = FEEDBACK
    formats = frozenset({"csv", "tsv", "xlsx"})

    def detect(self, raw: RawReport) -> int:
        return 10 if has_all(raw, "date", "rating", "order id") else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        frame, market = read_frame(raw, FIELDS, ctx)
        marketplace = market.code
        return dated_result(self.kind, self.table, raw, frame, marketplace, "date")
