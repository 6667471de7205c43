"""Account Health: the seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT, JSON)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...errors import ReportError
from ...marketplaces import by_amazon_id
from ..schema import ACCOUNT_HEALTH
from ..sources import RawReport
from ._snapshot import dated_result
from .base import ReadContext, Reader, ReadResult, resolve_marketplace

# JSON object -> (metric id, numerator key, denominator key)
_METRICS: tuple[tuple[str, str, str, str], ...] = (
    ("orderDefectRate.afn", "odr_afn", "orderWithDefects.count", "orderCount"),
    ("orderDefectRate.mfn", "odr_mfn", "orderWithDefects.count", "orderCount"),
    ("lateShipmentRate", "late_shipment_rate", "lateShipmentCount", "orderCount"),
    ("validTrackingRate", "valid_tracking_rate", "validTrackingCount", "shipmentCount"),
    ("preFulfillmentCancellationRate", "cancel_rate", "cancellationCount", "orderCount"),
    ("onTimeDeliveryRate", "on_time_delivery_rate", "onTimeDeliveryCount", "shipmentCount"),
    ("invoiceDefectRate", "invoice_defect_rate", "invoiceDefect.count", "orderCount"),
)


def _dig(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


class SellerPerformance(Reader):
    kind = "seller_performance"
    title = "Account Health: seller performance report (JSON)"
    table = ACCOUNT_HEALTH
    formats = frozenset({"json"})

    def detect(self, raw: RawReport) -> int:
        return 10 if isinstance(raw.data, dict) and "performanceMetrics" in raw.data else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        metrics = raw.data.get("performanceMetrics")
        if not isinstance(metrics, list):
            raise ReportError(
                raw.path, '"performanceMetrics" is not a list', fix="Download the report again."
            )
        rows = []
        marketplace = ""
        for block in metrics:
            m = by_amazon_id(str(block.get("marketplaceId", "")))
            code = resolve_marketplace(ctx) if ctx.marketplace or m is None else m.code
            marketplace = marketplace or code
            for path, metric, num, den in _METRICS:
                obj = _dig(block, path)
                if not isinstance(obj, dict) or obj.get("rate") is None:
                    continue
                window = obj.get("reportingDateRange") or {}
                rows.append(
                    {
                        "marketplace": code,
                        "period_start": _day(window.get("reportingDateFrom")),
                        "period_end": _day(window.get("reportingDateTo")),
                        "metric": metric,
                        "rate": obj.get("rate"),
                        "numerator": _dig(obj, num),
                        "denominator": obj.get(den),
                        "target": obj.get("targetValue"),
                        "target_condition": obj.get("targetCondition", ""),
                        "status": obj.get("status", ""),
                    }
                )
        frame = pd.DataFrame(rows, columns=ACCOUNT_HEALTH.names)
        return dated_result(
            self.kind,
            self.table,
            raw,
            frame,
            marketplace or resolve_marketplace(ctx),
            "period_end",
        )


def _day(text: Any) -> pd.Timestamp | None:
    if not text:
        return None
    return pd.Timestamp(str(text).replace("Z", "")).normalize()
