"""`=AMZ_*()` Excel functions: one per KPI of the registry, plus status and restock helpers.

Classic xlwings UDFs (BSD, free for commercial use): the decorators only attach metadata on
Windows and are no-ops elsewhere, so this module imports and tests on Linux. Each function
takes single cells or whole columns; given columns it returns one column that spills, so a
sheet makes one call per column instead of one round trip per row. The functions are thin:
they evaluate the registry's expression, the same one the sync and the native formulas use.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import xlwings as xw

from .ad_targets import resolve, target_bands
from .registry import Kpi, all_kpis, get

PREFIX = "AMZ_"
CATEGORY = "fupan"


def _column(x: Any, blank: float = 0.0) -> tuple[np.ndarray, bool]:
    """Cells as floats (blank -> `blank`, text -> NaN) and whether they came as a range."""
    if isinstance(x, (list, tuple)):
        flat = [v[0] if isinstance(v, (list, tuple)) and len(v) == 1 else v for v in x]
        return np.array([_number(v, blank) for v in flat], dtype="float64"), True
    return np.array([_number(x, blank)], dtype="float64"), False


def _number(v: Any, blank: float = 0.0) -> float:
    if v is None or v == "":
        return blank  # a blank cell counts as zero, as in Excel's own arithmetic, unless
        # its measure may be unknown (a product cost): then it is unknown
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    return math.nan  # text: the result for that row is empty


def _out(values: np.ndarray, as_column: bool) -> Any:
    cells = [None if math.isnan(v) else float(v) for v in values]
    return [[c] for c in cells] if as_column else cells[0]


def _broadcast(args: Sequence[Any], unknown: Sequence[bool] = ()) -> tuple[list[np.ndarray], bool]:
    """Columns of equal length; `unknown[i]`: a blank in argument i is unknown (NaN)."""
    blanks = [math.nan if i < len(unknown) and unknown[i] else 0.0 for i in range(len(args))]
    cols = [_column(a, b) for a, b in zip(args, blanks, strict=True)]
    as_column = any(c[1] for c in cols)
    n = max(len(c[0]) for c in cols)
    out = []
    for values, _ in cols:
        if len(values) not in (1, n):
            raise ValueError(f"ranges of different lengths ({len(values)} and {n} rows)")
        out.append(np.resize(values, n) if len(values) == 1 else values)
    return out, as_column


def _make(kpi: Kpi) -> Callable[..., Any]:
    measures = kpi.measures
    unknown = [m in kpi.nullable for m in measures]

    def udf(*args: Any) -> Any:
        cols, as_column = _broadcast(args, unknown)
        values = np.asarray(kpi.compute(dict(zip(measures, cols, strict=True))), dtype="float64")
        return _out(np.resize(values, len(cols[0])), as_column)

    name = PREFIX + kpi.id.upper()
    udf.__name__ = udf.__qualname__ = name
    udf.__doc__ = f"{kpi.name_en} ({kpi.name_zh}): {kpi.doc}."
    udf.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(m, inspect.Parameter.POSITIONAL_OR_KEYWORD) for m in measures]
    )
    return xw.func(category=CATEGORY)(udf)


# The Excel functions' parameters and results are annotated `Any` on purpose: xlwings reads a
# UDF's annotations as converters (`convert=` the hint, udfs.xlfunc), and `Any` is registered
# as its default converter, as no annotation is: Excel's cells arrive as they are (a value, or
# a list of rows for a range). A narrower hint would choose another converter.
def AMZ_STATUS(kpi: Any, value: Any, category: Any = None, target: Any = None) -> Any:
    """Traffic light of a KPI value by the registry's thresholds: green, yellow, red or "".
    An ACoS given its campaign's `target` (AMZ_TARGET_ACOS) is judged against it."""
    k = get(str(kpi).strip().lower())
    values, as_column = _column(value)
    if as_column:  # a blank row has no light, unlike a blank operand of a ratio
        flat = [v[0] if isinstance(v, (list, tuple)) else v for v in value]
        values = np.where([v in (None, "") for v in flat], np.nan, values)
    elif value in (None, ""):
        values = np.array([math.nan])
    cat = str(category).strip() if category not in (None, "") else None
    goal = _number(target, math.nan)
    if k.id == "acos" and not math.isnan(goal):
        bands = target_bands(goal, k.bands_for(cat))
        out = [bands.status(None if math.isnan(v) else float(v)).value for v in values]
    else:
        out = [k.status(None if math.isnan(v) else float(v), cat).value for v in values]
    out = ["" if s == "none" else s for s in out]
    return [[s] for s in out] if as_column else out[0]


def AMZ_TARGET_ACOS(ad_type: Any, category: Any, targets: Any, account: Any) -> Any:
    """A campaign's target ACoS: `targets` is Settings' target ACoS rows (ad type, name,
    category, target); its ad type and category's row, else its ad type's, else `account`."""
    table: dict[tuple[str, str], float | None] = {}
    for row in targets if isinstance(targets, (list, tuple)) else []:
        cells = [*row, None, None, None, None][:4] if isinstance(row, (list, tuple)) else []
        if cells and str(cells[0] or "").strip():
            n = _number(cells[3], math.nan)
            key = (str(cells[0]).strip(), str(cells[2] or "").strip())
            table[key] = None if math.isnan(n) else n
    kind = str(ad_type or "").strip()
    return resolve(table, kind, str(category or "").strip(), _number(account))


def AMZ_SAFETY_STOCK(daily_units: Any, lead_time_days: Any) -> Any:
    """Average daily units × lead time × 1.5 (seed 001), rounded up."""
    (d, lead), col = _broadcast([daily_units, lead_time_days])
    return _out(np.ceil(d * lead * 1.5), col)


def AMZ_REORDER_POINT(daily_units: Any, lead_time_days: Any) -> Any:
    """Daily units × lead time + safety stock, rounded up."""
    (d, lead), col = _broadcast([daily_units, lead_time_days])
    return _out(np.ceil(d * lead + np.ceil(d * lead * 1.5)), col)


def AMZ_RESTOCK_QTY(
    daily_units: Any, lead_time_days: Any, review_cycle_days: Any, available: Any, inbound: Any
) -> Any:
    """max(0, reorder point + daily units × review cycle − available − inbound)."""
    (d, lead, cycle, a, i), col = _broadcast(
        [daily_units, lead_time_days, review_cycle_days, available, inbound]
    )
    reorder = np.ceil(d * lead + np.ceil(d * lead * 1.5))
    return _out(np.maximum(0, np.ceil(reorder + d * cycle - a - i)), col)


for _f in (AMZ_STATUS, AMZ_TARGET_ACOS, AMZ_SAFETY_STOCK, AMZ_REORDER_POINT, AMZ_RESTOCK_QTY):
    xw.func(category=CATEGORY)(_f)

# AMZ_DAYS_OF_COVER is the registry's days_of_cover(available_units, days, units).
KPI_FUNCTIONS: dict[str, Callable[..., Any]] = {PREFIX + k.id.upper(): _make(k) for k in all_kpis()}
globals().update(KPI_FUNCTIONS)

EXPORTED: tuple[str, ...] = (
    *KPI_FUNCTIONS,
    "AMZ_STATUS",
    "AMZ_TARGET_ACOS",
    "AMZ_SAFETY_STOCK",
    "AMZ_REORDER_POINT",
    "AMZ_RESTOCK_QTY",
)
