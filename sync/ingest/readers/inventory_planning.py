"""FBA Inventory planning (GET_FBA_INVENTORY_PLANNING_DATA) and the legacy Inventory Age report."""

from __future__ import annotations

import pandas as pd

from ...errors import msg
from ...findings import Finding, Severity
from ..raw import RawReport
from ..schema import INVENTORY
from ._snapshot import dated_result, snapshot_day
from .base import Field, ReadContext, Reader, ReadResult
from .extract import read_frame

FIELDS: tuple[Field, ...] = (
    Field("snapshot_date", ("snapshot-date",), "date"),
    Field("sku", ("sku",), required=True),
    Field("fnsku", ("fnsku",)),
    Field("asin", ("asin",), required=True),
    Field("title", ("product-name",)),
    Field("condition", ("condition",)),
    Field("currency", ("currency",)),
    Field("price", ("your-price",), "money"),
    Field("available", ("available", "avaliable-quantity(sellable)"), "count", required=True),
    Field("reserved", ("reserved-quantity", "total reserved quantity"), "count"),
    Field("unsellable", ("unfulfillable-quantity",), "count"),
    Field("inbound", ("inbound-quantity",), "count"),
    # One bucket family only: the file also carries overlapping 0-30/31-60/61-90, 181-330 ...
    Field("age_0_90", ("inv-age-0-to-90-days",), "count"),
    Field("age_91_180", ("inv-age-91-to-180-days",), "count"),
    Field("age_181_270", ("inv-age-181-to-270-days",), "count"),
    Field("age_271_365", ("inv-age-271-to-365-days",), "count"),
    Field("age_365_plus", ("inv-age-365-plus-days",), "count"),
    Field("age_366_455", ("inv-age-366-to-455-days",), "count"),
    Field("age_456_plus", ("inv-age-456-plus-days",), "count"),
    Field("units_shipped_t30", ("units-shipped-t30", "units-shipped-last-30-days"), "count"),
    Field("units_shipped_t90", ("units-shipped-t90", "units-shipped-last-90-days"), "count"),
    Field("days_of_supply", ("days-of-supply",), "number"),
    Field("ltsf_next_charge", ("estimated-ltsf-next-charge",), "money"),
)


class InventoryPlanning(Reader):
    kind = "fba_inventory_planning"
    title = "FBA Inventory (planning, inventory age)"
    table = INVENTORY
    formats = frozenset({"csv", "tsv", "xlsx"})

    def detect(self, raw: RawReport) -> int:
        keys = set(raw.keys)
        aged = "inv-age-91-to-180-days" in keys
        stock = bool(keys & {"available", "avaliable-quantity(sellable)"})
        return 10 if aged and stock and "sku" in keys else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        frame, market = read_frame(raw, FIELDS, ctx, currency_fields=("currency",))
        marketplace = market.code
        if "age_365_plus" not in frame and "age_366_455" in frame:
            later = frame.get("age_456_plus", pd.Series(0.0, index=frame.index))
            frame["age_365_plus"] = frame["age_366_455"].fillna(0) + later.fillna(0)
        findings = []
        if "snapshot_date" not in frame or frame["snapshot_date"].isna().all():
            day, guessed = snapshot_day(raw, ctx.period, ctx.today)
            frame["snapshot_date"] = pd.Timestamp(day)
            if guessed:
                findings.append(
                    Finding.of(
                        Severity.INFO,
                        "snapshot-today",
                        msg("err:planning_today", day=day),
                        file=str(raw.path),
                        framed=True,
                    )
                )
        frame["source"] = "planning"
        return dated_result(
            self.kind, self.table, raw, frame, marketplace, "snapshot_date", findings
        )
