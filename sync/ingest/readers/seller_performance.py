"""Account Health: the seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT, JSON)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...errors import ReportError, msg
from ...findings import Finding, Severity
from ...marketplaces import by_amazon_id
from ..health_metrics import AHR, POLICY
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
                raw.path,
                msg("err:not_a_list", name="performanceMetrics"),
                fix=msg("err:fix_download_again"),
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
            rows += _counts(raw, block, code)
        if others and not rows:
            raise ReportError(
                raw.path,
                msg("err:health_other_market", others=", ".join(sorted(others)), given=given),
                fix=msg("err:fix_health_other_market", given=given, own=sorted(others)[0]),
            )
        findings: list[Finding] = []
        if others:
            findings.append(
                Finding.of(
                    Severity.INFO,
                    "other-marketplaces",
                    msg("err:health_left_out", others=", ".join(sorted(others)), given=given),
                    file=str(raw.path),
                    framed=True,
                )
            )
        frame = pd.DataFrame(rows, columns=ACCOUNT_HEALTH.names)
        codes = sorted(set(frame["marketplace"]))
        if len(codes) > 1:
            raise ReportError(
                raw.path,
                msg("err:health_several", codes=", ".join(codes)),
                fix=msg("err:fix_health_several"),
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


def _counts(raw: RawReport, block: dict[str, Any], code: str) -> list[dict[str, Any]]:
    """The Account Health Rating (ahrScore, 0-1000) and each policy's open items
    (defectsCount) the block carries; a missing score or count stays blank, never 0."""
    out = []
    # A policy object may carry no window of its own: it counts as of the block's latest day.
    ends = [
        _day(raw, _dig(obj, "reportingDateRange.reportingDateTo"))
        for obj in (_dig(block, path) for path, *_ in _METRICS)
        if isinstance(obj, dict)
    ]
    known = [d for d in ends if d is not None]
    as_of = max(known) if known else None
    objects = [(AHR, "accountHealthRating", "ahrScore")] + [
        (metric, key, "defectsCount") for key, metric in POLICY.items()
    ]
    for metric, key, field in objects:
        obj = block.get(key)
        if not isinstance(obj, dict):
            continue
        window = obj.get("reportingDateRange") or {}
        start, end = window.get("reportingDateFrom"), window.get("reportingDateTo")
        status = obj.get("ahrStatus", "") if metric == AHR else obj.get("status", "")
        out.append(
            {
                "marketplace": code,
                "period_start": _day(raw, start) if start else as_of,
                "period_end": _day(raw, end) if end else as_of,
                "metric": metric,
                "value": _count(raw, key, obj.get(field)),
                "target": obj.get("targetValue"),
                "target_condition": obj.get("targetCondition", ""),
                "status": status or "",
            }
        )
    return out


def _count(raw: RawReport, key: str, value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ReportError(
            raw.path,
            msg("err:health_count", name=key, value=value),
            fix=msg("err:fix_download_again"),
        ) from None


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
            msg("err:health_date", value=text),
            fix=msg("err:fix_download_again"),
        )
    return day
