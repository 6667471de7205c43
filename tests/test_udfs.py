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


@pytest.mark.parametrize("kpi", all_kpis(), ids=lambda k: k.id)
def test_udf_equals_the_engine(kpi):
    env = {m: pd.Series([0.0, 3.0, 250.5, 12.0]) for m in kpi.measures}
    env[kpi.measures[-1]] = pd.Series([0.0, 0.0, 17.25, 40.0])
    want = kpi.compute(env)
    got = udfs.KPI_FUNCTIONS[f"AMZ_{kpi.id.upper()}"](
        *[[[v] for v in env[m]] for m in kpi.measures]
    )
    for (g,), w in zip(got, want, strict=True):
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
