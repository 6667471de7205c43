"""A review: everything computed for one period, its lookups, and what compares with what.

Built by engine/build.py; read by the rules, the workbook, the minutes and `fupan kpis`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple, Protocol

import pandas as pd

from ...addin.registry import Kpi, Scope
from ..findings import Finding
from ..ingest.schema import TABLES
from ..periods import Period
from .ad_targets import CampaignTarget
from .counting import HEALTH, HEALTH_COUNTS, stock_frame
from .pacing import TARGET_MEASURES

# The store table each row set's rows come from (stock: inventory, one row per SKU).
ROW_TABLES = {
    "sales": "business_asin",
    "daily": "business_daily",
    "ads": "ads",
    "returns": "returns",
}
# Measures that are a state on one day, not a sum over the period: two reviews compare them
# only when their snapshots are of different days.
SNAPSHOT_OF = {
    "available_units": "stock",
    "aged_90_units": "stock",
    "aged_base_units": "stock",
    "ltsf": "stock",
    "ipi": "settings",  # as typed, no day: never compared with itself
    **{m: "health" for pair in HEALTH.values() for m in pair},
    **{m: "health" for m in HEALTH_COUNTS},
}


class Source(Protocol):
    """Anything that hands out canonical rows: the store, or a test double."""

    def table(
        self,
        name: str,
        *,
        marketplace: str | None = None,
        period: Period | None = None,
        columns: Collection[str] | None = None,
    ) -> pd.DataFrame: ...

    def spans(self, name: str, marketplace: str | None = None) -> list[Period]: ...


class KpiRow(NamedTuple):
    """One row of a review's tidy KPI frame (`Review.kpis`)."""

    scope: str
    key: str
    kpi: str
    value: float
    status: str


def kpi_rows(kpis: pd.DataFrame) -> Iterator[KpiRow]:
    """The rows of `Review.kpis`, or of a selection of it, in order."""
    return map(KpiRow._make, kpis[list(KpiRow._fields)].itertuples(index=False, name=None))


@dataclass
class Review:
    """Everything computed for one period: the input of `fupan kpis` and of the workbook."""

    period: Period
    marketplace: str
    compare: Period | None
    measures: dict[Scope, pd.DataFrame]  # index: key ("" for account); columns: measure ids
    kpis: pd.DataFrame  # scope, key, kpi, value, status
    ads: pd.DataFrame  # the period's ad rows with a boolean `counted` column
    findings: list[Finding] = field(default_factory=list)
    as_of: dict[str, date] = field(default_factory=dict)  # snapshot ("stock", "health") -> day
    rows: dict[str, pd.DataFrame] = field(default_factory=dict)  # row sets counted (measures.py)
    has: dict[str, set[str]] = field(default_factory=dict)  # row set -> columns with data
    previous: Review | None = None  # the comparison period's review, when one was asked for
    estimate: bool = False  # profit from the Fee Preview and Business Report (engine/profit)
    uncosted: list[str] = field(default_factory=list)  # SKUs sold without a cost
    straddled: set[str] = field(default_factory=set)  # tables with rows left out (straddling)
    acos_targets: dict[str, CampaignTarget] = field(default_factory=dict)  # campaign -> target

    def frame(self, name: str) -> pd.DataFrame:
        """The rows of a row set this review counted (no rows when it had none)."""
        if name in self.rows:
            return self.rows[name]
        if name == "stock":
            empty = TABLES["inventory"].empty()
            return stock_frame(empty, empty)
        return TABLES[ROW_TABLES[name]].empty()

    @property
    def has_data(self) -> bool:
        return not self.kpis.empty

    def value(self, kpi: str, scope: Scope = Scope.ACCOUNT, key: str = "") -> float | None:
        return self._index().get((kpi, str(scope), key))

    def _index(self) -> dict[tuple[str, str, str], float | None]:
        """(kpi, scope, key) -> its first value (None: blank), built once per `kpis` frame (the
        rules price hundreds of values: a scan of every KPI row each was most of their time)."""
        cached: tuple[pd.DataFrame, dict[tuple[str, str, str], float | None]] | None
        cached = self.__dict__.get("_value_index")
        if cached is None or cached[0] is not self.kpis:
            index: dict[tuple[str, str, str], float | None] = {}
            k = self.kpis
            # Whole columns as lists: iterating a pandas string column value by value was
            # most of the time here at 2,000 ASINs.
            columns = (k["kpi"].tolist(), k["scope"].tolist(), k["key"].tolist())
            values, missing = k["value"].tolist(), k["value"].isna().tolist()
            for kpi, scope, key, value, blank in zip(*columns, values, missing, strict=True):
                index.setdefault((kpi, str(scope), key), None if blank else float(value))
            cached = (self.kpis, index)
            self.__dict__["_value_index"] = cached
        return cached[1]


def comparable(kpi: Kpi, now: Review, before: Review | None) -> bool:
    """Whether a KPI of `now` can be set against `before`: both measured, snapshots of
    different days (a stock count is not compared with itself)."""
    if before is None or not before.has_data:
        return False
    if any(m.endswith("_prev") or m in TARGET_MEASURES for m in kpi.measures):
        return False  # already a comparison, or a target
    for snap in {SNAPSHOT_OF[m] for m in kpi.measures if m in SNAPSHOT_OF}:
        day, was = now.as_of.get(snap), before.as_of.get(snap)
        if day is None or was is None or was == day:
            return False
    return True


def change(
    kpi: Kpi, now: Review, before: Review | None, scope: Scope = Scope.ACCOUNT, key: str = ""
) -> float | None:
    """now − before for one KPI value, or None when there is nothing comparable."""
    if before is None or not comparable(kpi, now, before):
        return None
    a, b = now.value(kpi.id, scope, key), before.value(kpi.id, scope, key)
    return None if a is None or b is None else a - b
