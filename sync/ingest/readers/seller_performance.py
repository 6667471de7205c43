"""Account Health: the seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT, JSON)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...errors import ReportError
from ...findings import Finding, Severity
from ...marketplaces import by_amazon_id
from ..parsing import DATE_MAX, DATE_MIN
from ..raw import RawReport
from ..schema import ACCOUNT_HEALTH
from ._snapshot import dated_result
from .base import ReadContext, Reader, ReadResult
from .market import resolve_marketplace

# JSON object -> (metric id, numerator key, denominator key)
_METRICS: tuple[tuple[str, str, str, str], ...] = (
    ("orderDefectRate.afn", "odr_afn", "orderWithDefects.count", "orderCount"),
    ("orderDefectRate.mfn", "odr_mfn", "orderWithDefects.count", "orderCount"),
    ("lateShipmentRate", "late_shipment_rate", "lateShipmentCount", "orderCount"),
    ("validTrackingRate", "valid_tracking_rate", "validTrackingCount", "shipmentCount"),
    ("preFulfillmentCancellationRate", "cancel_rate", "cancellationCount", "orderCount"),
    # Amazon's schema counts on-time deliveries among the shipments with valid tracking.
    (
        "onTimeDeliveryRate",
        "on_time_delivery_rate",
        "onTimeDeliveryCount",
        "shipmentCountWithValidTracking",
    ),
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
        given = resolve_marketplace(ctx) if ctx.marketplace else ""
        others: set[str] = set()
        for block in metrics:
            if not isinstance(block, dict):
                continue
            m = by_amazon_id(str(block.get("marketplaceId", "")))
            code = m.code if m is not None else (given or resolve_marketplace(ctx))
            if given and code != given:
                others.add(code)  # another marketplace's health: never counted as this one's
                continue
            for path, metric, num, den in _METRICS:
                obj = _dig(block, path)
                if not isinstance(obj, dict) or obj.get("rate") is None:
                    continue
                window = obj.get("reportingDateRange") or {}
                rows.append(
                    {
                        "marketplace": code,
                        "period_start": _day(raw, window.get("reportingDateFrom")),
                        "period_end": _day(raw, window.get("reportingDateTo")),
                        "metric": metric,
                        "rate": obj.get("rate"),
                        "numerator": _dig(obj, num),
                        "denominator": obj.get(den),
                        "target": obj.get("targetValue"),
                        "target_condition": obj.get("targetCondition", ""),
                        "status": obj.get("status", ""),
                    }
                )
        if others and not rows:
            raise ReportError(
                raw.path,
                f"holds the account health of {', '.join(sorted(others))}, but it was given "
                f"for the {given} marketplace",
                fix=f"Download the report for {given}, or import it into a workspace of "
                f"its own marketplace (fupan init DIR --marketplace {sorted(others)[0]}).",
            )
        findings: list[Finding] = []
        if others:
            findings.append(
                Finding(
                    Severity.INFO,
                    "other-marketplaces",
                    f"the metrics of {', '.join(sorted(others))} were left out: this is the "
                    f"{given} marketplace's review",
                    file=str(raw.path),
                )
            )
        frame = pd.DataFrame(rows, columns=ACCOUNT_HEALTH.names)
        codes = sorted(set(frame["marketplace"]))
        if len(codes) > 1:
            raise ReportError(
                raw.path,
                f"holds the account health of several marketplaces ({', '.join(codes)})",
                fix="Read it with --marketplace CODE, or into a workspace of one marketplace.",
            )
        return dated_result(
            self.kind,
            self.table,
            raw,
            frame,
            codes[0] if codes else given or resolve_marketplace(ctx),
            "period_end",
            findings,
        )


def _day(raw: RawReport, text: Any) -> pd.Timestamp | None:
    if not text:
        return None
    try:
        day = pd.Timestamp(str(text).replace("Z", "")).normalize()
    except (ValueError, OverflowError):
        day = None
    if day is None or pd.isna(day) or not DATE_MIN <= day <= DATE_MAX:
        raise ReportError(
            raw.path,
            f'the reporting date "{text}" is not a date between 2000 and 2100',
            fix="Download the report again.",
        )
    return day
