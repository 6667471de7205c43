"""What a KPI is: its unit, direction, scopes, expression and traffic-light bands."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from .expr import Env, Expr, Values
from .thresholds import Bands, Status


class Unit(StrEnum):
    MONEY = "money"  # marketplace currency
    COUNT = "count"  # units, sessions, clicks ...
    RATIO = "ratio"  # a fraction, shown as a percentage (ACoS 0.3178 = 31.78 %)
    MULTIPLE = "multiple"  # ROAS 3.15, turnover 4.2 per year
    DAYS = "days"


class Direction(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"
    RANGE = "range"  # a healthy band (days of cover)
    NONE = "none"  # informational


class Scope(StrEnum):
    ACCOUNT = "account"
    ASIN = "asin"
    CAMPAIGN = "campaign"
    SKU = "sku"  # seller SKU, as the money reports name it


@dataclass(frozen=True)
class Kpi:
    id: str  # snake_case, also the UDF name: AMZ_<ID upper>
    name_en: str
    name_zh: str
    unit: Unit
    direction: Direction
    scopes: frozenset[Scope]
    expr: Expr
    doc: str  # one line: the definition as the catalogue states it
    bands: Bands | None = None  # None for informational KPIs
    category_bands: Mapping[str, Bands] = field(default_factory=dict)
    source: str = ""  # seed file(s) behind the definition

    @property
    def measures(self) -> tuple[str, ...]:
        return self.expr.measures()

    def compute(self, env: Env) -> Values:
        """Evaluate over measure columns (pandas), arrays or plain numbers."""
        return self.expr.evaluate(env)

    def formula(self, ref: Callable[[str], str]) -> str:
        """Native spreadsheet formula (no leading `=`) over measure cell references."""
        return self.expr.formula(ref)

    def bands_for(self, category: str | None = None) -> Bands | None:
        if category and category in self.category_bands:
            return self.category_bands[category]
        return self.bands

    def status(self, value: float | None, category: str | None = None) -> Status:
        bands = self.bands_for(category)
        return Status.NONE if bands is None else bands.status(value)

    def statuses(self, values: pd.Series, categories: pd.Series | None = None) -> pd.Series:
        if self.bands is None:
            return pd.Series(Status.NONE.value, index=values.index, dtype="object")
        out = self.bands.statuses(values)
        if categories is not None:
            for cat, bands in self.category_bands.items():
                mask = categories == cat
                if mask.any():
                    out[mask] = bands.statuses(values[mask])
        return out
