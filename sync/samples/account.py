"""Seller Central account files: seller feedback and Account Health (JSON)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from ..ingest.health_metrics import POLICY
from .rows import rows as typed_rows
from .seller import Seller
from .text_files import write_tsv


class _Feedback(NamedTuple):
    date: pd.Timestamp
    rating: int
    comments: str
    order_id: str


def write_feedback(path: Path, seller: Seller) -> Path:
    rows = [
        [
            f"{r.date.month}/{r.date.day}/{r.date.strftime('%y')}",
            r.rating,
            r.comments,
            "",
            r.order_id,
            f"buyer{i}@marketplace.amazon.com",
        ]
        for i, r in enumerate(typed_rows(seller.feedback, _Feedback))
    ]
    return write_tsv(
        path, ["Date", "Rating", "Comments", "Your Response", "Order ID", "Rater Email"], rows
    )


def write_performance(
    path: Path, seller: Seller, *, odr: float = 0.012, complete: bool = False
) -> Path:
    """Account Health (GET_V2_SELLER_PERFORMANCE_REPORT, JSON): the AFN order defect rate, the
    late shipment rate, the Account Health Rating (`AHR_SCORE`) and every policy compliance
    object (`POLICY_COUNTS`). complete: also the MFN order defect rate, valid tracking,
    on-time delivery and pre-fulfilment cancellation blocks, with the counts in
    `HEALTH_COUNTS`, in the layout of Amazon's schema."""
    end = seller.end.isoformat()
    start = (pd.Timestamp(seller.end) - pd.Timedelta(days=59)).date().isoformat()
    orders = 1800
    metric: dict[str, Any] = {  # a JSON object, as Amazon's schema nests it
        "marketplaceId": "ATVPDKIKX0DER",
        "orderDefectRate": {
            "afn": {
                "reportingDateRange": {
                    "reportingDateFrom": f"{start}T00:00Z",
                    "reportingDateTo": f"{end}T23:59Z",
                },
                "orderCount": orders,
                "orderWithDefects": {"count": round(orders * odr)},
                "status": "GOOD",
                "rate": round(round(orders * odr) / orders, 4),
                "targetValue": 0.01,
                "targetCondition": "LESS_THAN",
            },
        },
        "lateShipmentRate": {
            "reportingDateRange": {
                "reportingDateFrom": f"{start}T00:00Z",
                "reportingDateTo": f"{end}T23:59Z",
            },
            "orderCount": 60,
            "lateShipmentCount": 1,
            "rate": 0.0167,
            "targetValue": 0.04,
            "targetCondition": "LESS_THAN",
            "status": "GOOD",
        },
    }
    metric.update(_rating_and_policies(start, end))
    if complete:
        more = _complete_health(start, end)
        metric["orderDefectRate"]["mfn"] = more.pop("mfn")
        metric.update(more)
    doc = {
        "accountStatuses": [{"marketplaceId": "ATVPDKIKX0DER", "status": "NORMAL"}],
        "performanceMetrics": [metric],
    }
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


# Counts of the blocks `write_performance(complete=True)` adds: (numerator, denominator).
HEALTH_COUNTS = {
    "odr_mfn": (1, 140),
    "valid_tracking_rate": (68, 69),
    "on_time_delivery_rate": (63, 68),
    "cancel_rate": (1, 40),
}


def _complete_health(start: str, end: str) -> dict[str, Any]:
    def window(first: str = start) -> dict[str, str]:
        return {"reportingDateFrom": f"{first}T00:00Z", "reportingDateTo": f"{end}T23:59Z"}

    def block(rate_of: str, target: float, condition: str, **counts: int) -> dict[str, Any]:
        num, den = HEALTH_COUNTS[rate_of]
        return {
            "reportingDateRange": window(),
            **counts,
            "status": "GOOD",
            "rate": round(num / den, 4),
            "targetValue": target,
            "targetCondition": condition,
        }

    mfn_defects, mfn_orders = HEALTH_COUNTS["odr_mfn"]
    vt, shipments = HEALTH_COUNTS["valid_tracking_rate"]
    on_time, tracked = HEALTH_COUNTS["on_time_delivery_rate"]
    cancelled, orders = HEALTH_COUNTS["cancel_rate"]
    return {
        "mfn": {
            "reportingDateRange": window(),
            "orderCount": mfn_orders,
            "orderWithDefects": {"count": mfn_defects, "status": "GOOD"},
            "fulfillmentType": "mfn",
            "status": "GOOD",
            "rate": round(mfn_defects / mfn_orders, 4),
            "targetValue": 0.01,
            "targetCondition": "LESS_THAN",
        },
        "validTrackingRate": block(
            "valid_tracking_rate",
            0.95,
            "GREATER_THAN",
            shipmentCount=shipments,
            validTrackingCount=vt,
        ),
        "onTimeDeliveryRate": block(
            "on_time_delivery_rate",
            0.9,
            "GREATER_THAN",
            shipmentCountWithValidTracking=tracked,
            onTimeDeliveryCount=on_time,
        ),
        "preFulfillmentCancellationRate": block(
            "cancel_rate", 0.025, "LESS_THAN", orderCount=orders, cancellationCount=cancelled
        ),
    }


# The demo seller's Account Health Rating and open policy items: healthy, but one listing
# policy violation open, so the review has a red policy item to show.
AHR_SCORE = 236
POLICY_COUNTS = {key: 0 for key in POLICY} | {"listingPolicyViolations": 1}


def _rating_and_policies(start: str, end: str) -> dict[str, Any]:
    window = {"reportingDateFrom": f"{start}T00:00Z", "reportingDateTo": f"{end}T23:59Z"}
    out: dict[str, Any] = {
        "accountHealthRating": {
            "ahrStatus": "GOOD",
            "reportingDateRange": window,
            "ahrScore": AHR_SCORE,
        }
    }
    for key, count in POLICY_COUNTS.items():
        out[key] = {
            "reportingDateRange": window,
            "status": "AT_RISK" if count else "NONE",
            "targetValue": 0,
            "targetCondition": "LESS_THAN_OR_EQUAL",
            "defectsCount": count,
        }
    return out
