"""Traffic-light bands and the status function shared by the sync, the UDFs and the workbook."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd


class Status(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"  # no value, or an informational KPI


@dataclass(frozen=True)
class Bands:
    """Green when green_min <= v <= green_max; else yellow when within the yellow bounds;
    else red. A None bound is open. Inclusive bounds match the catalogue's wording
    ("green >= 10 %, red < 8 %": green_min=0.10, yellow_min=0.08).
    """

    green_min: float | None = None
    green_max: float | None = None
    yellow_min: float | None = None
    yellow_max: float | None = None
    source: str = ""  # seed file(s) the figures come from, or "ours"

    def status(self, value: float | None) -> Status:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return Status.NONE
        if _within(value, self.green_min, self.green_max):
            return Status.GREEN
        if _within(value, self.yellow_min, self.yellow_max):
            return Status.YELLOW
        return Status.RED

    def statuses(self, values: pd.Series) -> pd.Series:
        """Vectorised `status` over a float column."""
        v = values.to_numpy(dtype="float64")
        green = _within_arr(v, self.green_min, self.green_max)
        yellow = _within_arr(v, self.yellow_min, self.yellow_max)
        out = np.where(
            np.isnan(v),
            Status.NONE.value,
            np.where(green, Status.GREEN.value, np.where(yellow, Status.YELLOW.value, "red")),
        )
        return pd.Series(out, index=values.index, dtype="object")


def _within(v: float, lo: float | None, hi: float | None) -> bool:
    return (lo is None or v >= lo) and (hi is None or v <= hi)


def _within_arr(v: np.ndarray, lo: float | None, hi: float | None) -> np.ndarray:
    ok = np.ones(v.shape, dtype=bool)
    if lo is not None:
        ok &= v >= lo
    if hi is not None:
        ok &= v <= hi
    return ok
