"""Customers and account health: returns, feedback and Amazon's health metrics."""

from __future__ import annotations

from ..expr import ratio
from ..kpi import Kpi, Unit
from ..thresholds import Bands
from .entry import (
    ACCOUNT_ASIN,
    HI,
    LO,
    A,
    entry,
)

ENTRIES: tuple[Kpi, ...] = (
    entry(
        "return_rate",
        "Return rate",
        "退货率",
        Unit.RATIO,
        LO,
        ACCOUNT_ASIN,
        ratio("returned_units", "units"),
        "units returned in the period / units ordered",
        Bands(green_max=0.03, yellow_max=0.05, source="002, 001"),
        "002, 001",
    ),
    entry(
        "negative_feedback_rate",
        "Negative feedback rate",
        "Feedback 差评率",
        Unit.RATIO,
        LO,
        frozenset({A}),
        ratio("negative_feedback", "feedback_received"),
        "negative feedback received / feedback received",
        Bands(green_max=0.005, yellow_max=0.01, source="000"),
        "000",
    ),
    entry(
        "odr",
        "Order defect rate",
        "订单缺陷率（ODR）",
        Unit.RATIO,
        LO,
        frozenset({A}),
        ratio("odr_defects", "odr_orders"),
        "orders with a defect / orders (AFN + MFN)",
        Bands(green_max=0.01, yellow_max=0.01, source="002, 004"),
        "002, 004",
    ),
    entry(
        "late_shipment_rate",
        "Late shipment rate",
        "迟发率",
        Unit.RATIO,
        LO,
        frozenset({A}),
        ratio("late_shipments", "lsr_orders"),
        "late shipments / orders (seller-fulfilled)",
        Bands(green_max=0.04, yellow_max=0.04, source="001, 004"),
        "001, 004",
    ),
    entry(
        "valid_tracking_rate",
        "Valid tracking rate",
        "有效追踪率",
        Unit.RATIO,
        HI,
        frozenset({A}),
        ratio("valid_tracking", "vtr_shipments"),
        "shipments with valid tracking / shipments",
        Bands(green_min=0.95, yellow_min=0.95, source="001, 004"),
        "001, 004",
    ),
    entry(
        "cancel_rate",
        "Pre-fulfilment cancel rate",
        "配送前取消率",
        Unit.RATIO,
        LO,
        frozenset({A}),
        ratio("cancellations", "cancel_orders"),
        "cancellations / orders (seller-fulfilled)",
        Bands(green_max=0.025, yellow_max=0.025, source="001"),
        "001",
    ),
)
