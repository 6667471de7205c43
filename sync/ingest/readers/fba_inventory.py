"""Manage FBA Inventory (GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA): API TSV or UI CSV."""

from __future__ import annotations

import pandas as pd

from ...errors import msg
from ...findings import Finding, Severity
from ..raw import RawReport
from ..schema import INVENTORY
from ._snapshot import dated_result, snapshot_day
from .base import Field, ReadContext, Reader, ReadResult, has_all
from .extract import read_frame

FIELDS: tuple[Field, ...] = (
    Field("sku", ("sku",), required=True),
    Field("fnsku", ("fnsku",)),
    Field("asin", ("asin",), required=True),
    Field("title", ("product-name",)),
    Field("condition", ("condition",)),
    Field("price", ("your-price",), "money"),
    Field("available", ("afn-fulfillable-quantity",), "count", required=True),
    Field("reserved", ("afn-reserved-quantity",), "count"),
    Field("unsellable", ("afn-unsellable-quantity",), "count"),
    Field("inbound_working", ("afn-inbound-working-quantity",), "count"),
    Field("inbound_shipped", ("afn-inbound-shipped-quantity",), "count"),
    Field("inbound_receiving", ("afn-inbound-receiving-quantity",), "count"),
)


class ManageFbaInventory(Reader):
    kind = "fba_inventory"
    title = "Manage FBA Inventory (MYI, API flat file or Seller Central CSV)"
    table = INVENTORY
    formats = frozenset({"csv", "tsv", "xlsx"})

    def detect(self, raw: RawReport) -> int:
        return 10 if has_all(raw, "sku", "afn-fulfillable-quantity", "afn-total-quantity") else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        frame, market = read_frame(raw, FIELDS, ctx)
        marketplace = market.code
        inbound = [
            c for c in ("inbound_working", "inbound_shipped", "inbound_receiving") if c in frame
        ]
        frame["inbound"] = frame[inbound].fillna(0).sum(axis=1) if inbound else 0.0
        day, guessed = snapshot_day(raw, ctx.period, ctx.today)
        frame["snapshot_date"] = pd.Timestamp(day)
        frame["source"] = "myi"
        findings = []
        if guessed:
            findings.append(
                Finding.of(
                    Severity.INFO,
                    "snapshot-today",
                    msg("err:snapshot_today", day=day),
                    file=str(raw.path),
                    framed=True,
                )
            )
        return dated_result(
            self.kind, self.table, raw, frame, marketplace, "snapshot_date", findings
        )
