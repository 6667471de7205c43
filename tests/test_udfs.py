"""The AMZ_* functions as plain Python (xlwings' decorators are no-ops off Windows)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from fupan.addin import udfs
from fupan.addin.registry import all_kpis


def test_one_function_per_kpi():
    assert {f"AMZ_{k.id.upper()}" for k in all_kpis()} <= set(udfs.EXPORTED)
    assert udfs.AMZ_ACOS.__name__ == "AMZ_ACOS"


def test_scalars_columns_blanks_text_and_zeros():
    assert udfs.AMZ_ACOS(30, 120) == 0.25
    assert udfs.AMZ_ACOS(30, 0) is None  # zero denominator: empty, never 0 or an error
    assert udfs.AMZ_ACOS(30, None) is None  # a blank cell is zero
    assert udfs.AMZ_ACOS("n/a", 100) is None  # text gives an empty result
    col = udfs.AMZ_ACOS([[30], [10], [None], ["x"]], [[120], [0], [5], [5]])
    assert col == [[0.25], [None], [0.0], [None]]
    assert udfs.AMZ_ACOS([30, 60], 120) == [[0.25], [0.5]]  # a scalar broadcasts


def test_mismatched_ranges_are_refused():
    with pytest.raises(ValueError, match="different lengths"):
        udfs.AMZ_ACOS([[1], [2]], [[1], [2], [3]])


def _div(a: float, b: float) -> float | None:
    return None if b == 0 else a / b


def _net(m: dict[str, float]) -> float:
    return m["net_sales"] + m["amazon_fees"] - m["cogs"] - m["freight"] - m["ad_spend"]


# Each KPI written again by hand from its catalogue definition, not from the registry, so a
# wrong registry expression (or a UDF that drifts from it) is caught. A new KPI needs a line.
BY_HAND = {
    "sales_attainment": lambda m: _div(m["sales"], m["sales_target"]),
    "sales_growth": lambda m: _div(m["sales"] - m["sales_prev"], m["sales_prev"]),
    "tacos": lambda m: _div(m["ad_spend"], m["sales"]),
    "organic_share": lambda m: _div(m["sales"] - m["ad_sales"], m["sales"]),
    "cvr": lambda m: _div(m["units"], m["sessions"]),
    "cvr_change": lambda m: (
        None
        if m["sessions"] == 0 or m["units_prev"] == 0
        else (m["units"] / m["sessions"]) / (m["units_prev"] / m["sessions_prev"]) - 1
    ),
    "buy_box_pct": lambda m: _div(m["buy_box_views"], m["page_views"]),
    "acos": lambda m: _div(m["ad_spend"], m["ad_sales"]),
    "roas": lambda m: _div(m["ad_sales"], m["ad_spend"]),
    "ctr": lambda m: _div(m["clicks"], m["impressions"]),
    "cpc": lambda m: _div(m["ad_spend"], m["clicks"]),
    "ad_cvr": lambda m: _div(m["ad_orders"], m["clicks"]),
    "days_of_cover": lambda m: _div(m["available_units"], m["units"] / m["days"]),
    "aged_90_share": lambda m: _div(m["aged_90_units"], m["aged_base_units"]),
    "inventory_turnover": lambda m: _div(m["units"] * 365 / m["days"], m["available_units"]),
    "return_rate": lambda m: _div(m["returned_units"], m["units"]),
    "negative_feedback_rate": lambda m: _div(m["negative_feedback"], m["feedback_received"]),
    "odr": lambda m: _div(m["odr_defects"], m["odr_orders"]),
    "late_shipment_rate": lambda m: _div(m["late_shipments"], m["lsr_orders"]),
    "valid_tracking_rate": lambda m: _div(m["valid_tracking"], m["vtr_shipments"]),
    "cancel_rate": lambda m: _div(m["cancellations"], m["cancel_orders"]),
    "gross_profit": lambda m: m["net_sales"] + m["amazon_fees"] - m["cogs"] - m["freight"],
    "net_profit": lambda m: _net(m),
    "margin": lambda m: _div(_net(m), m["net_sales"]),
    "roi": lambda m: _div(_net(m), m["cogs"] + m["freight"]),
    "profit_per_unit": lambda m: _div(_net(m), m["profit_units"]),
    "profit_attainment": lambda m: _div(_net(m), m["profit_target"]),
    "sales_pace": lambda m: (
        _div(m["mtd_sales"], m["month_sales_target"] * m["mtd_days"] / m["month_days"])
        if m["month_days"]
        else None
    ),
    "sales_forecast": lambda m: _div(m["mtd_sales"] * m["month_days"], m["mtd_days"]),
    "profit_pace": lambda m: (
        _div(m["mtd_profit"], m["month_profit_target"] * m["mtd_days"] / m["month_days"])
        if m["month_days"]
        else None
    ),
    "profit_forecast": lambda m: _div(m["mtd_profit"] * m["month_days"], m["mtd_days"]),
}
ROWS = [  # (value of every measure, value of the last measure): zeros, small, large, odd
    (0.0, 0.0),
    (3.0, 0.0),
    (250.5, 17.25),
    (12.0, 40.0),
    (7.0, 7.0),
]


@pytest.mark.parametrize("kpi", all_kpis(), ids=lambda k: k.id)
def test_udf_equals_the_definition_written_by_hand(kpi):
    if len(kpi.measures) == 1:  # a sum passes through: the UDF returns the measure
        m = kpi.measures[0]
        assert udfs.KPI_FUNCTIONS[f"AMZ_{kpi.id.upper()}"]([[5.5], [None]]) == [[5.5], [0.0]], m
        return
    assert kpi.id in BY_HAND, f"write {kpi.id} by hand in BY_HAND"
    rows = [{m: a for m in kpi.measures} | {kpi.measures[-1]: b} for a, b in ROWS]
    rows = [r | {"days": 7.0} if "days" in r else r for r in rows]
    got = udfs.KPI_FUNCTIONS[f"AMZ_{kpi.id.upper()}"](
        *[[[r[m]] for r in rows] for m in kpi.measures]
    )
    for (g,), r in zip(got, rows, strict=True):
        want = BY_HAND[kpi.id](r)
        assert (g is None and want is None) or g == pytest.approx(want), (kpi.id, r, g, want)
    # The engine evaluates the same entry over columns.
    engine = kpi.compute({m: pd.Series([r[m] for r in rows]) for m in kpi.measures})
    for (g,), w in zip(got, engine, strict=True):
        assert (g is None and math.isnan(w)) or g == pytest.approx(w)


def test_status_and_restock_helpers():
    assert udfs.AMZ_STATUS("acos", 0.22) == "green"
    assert udfs.AMZ_STATUS("acos", 0.22, "home") == "yellow"
    assert udfs.AMZ_STATUS("ACOS", [[0.5], [None]]) == [["red"], [""]]
    assert udfs.AMZ_SAFETY_STOCK(10, 30) == 450
    assert udfs.AMZ_REORDER_POINT(10, 30) == 750
    assert udfs.AMZ_RESTOCK_QTY(10, 30, 7, 200, 100) == 520
    assert udfs.AMZ_RESTOCK_QTY(1, 30, 7, 500, 0) == 0
    assert udfs.AMZ_DAYS_OF_COVER(100, 7, 70) == 10


def test_a_cost_nobody_typed_leaves_profit_blank_never_zero():
    assert udfs.AMZ_NET_PROFIT(100, -20, 30, 5, 10) == 35.0
    assert udfs.AMZ_NET_PROFIT(100, -20, None, 5, 10) is None  # blank cost: unknown profit
    assert udfs.AMZ_MARGIN([[100], [100]], -20, [[30], [None]], 5, 10) == [[0.35], [None]]
