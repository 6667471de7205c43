"""What brought gains: the largest positive contributions against the comparison period."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ...addin.registry import KPIS, Direction, Scope
from ..engine.review import Review, comparable, kpi_rows

TOP_GAINS = 5


@dataclass(frozen=True)
class Gain:
    """A positive contribution against the comparison period: one object's sales or profit."""

    scope: str
    key: str
    kpi: str  # sales, net_profit (ASIN) or ad_sales (campaign)
    now: float
    before: float

    @property
    def delta(self) -> float:
        return self.now - self.before


def better_by(kpi: str, now: float, before: float) -> float:
    """How much better `now` is than `before` (positive = improved)."""
    d = KPIS[kpi].direction
    return (
        (now - before) if d is Direction.HIGHER else (before - now) if d is Direction.LOWER else 0.0
    )


def largest_gains(review: Review, before: Review) -> list[Gain]:
    """The largest positive contributions: ASINs whose sales or net profit rose, campaigns
    whose ad sales rose, biggest first."""
    out: list[Gain] = []

    def rise(scope: Scope, measure: str, kpi: str) -> None:
        now = review.measures.get(scope)
        was = before.measures.get(scope)
        if now is None or was is None or measure not in now or measure not in was:
            return
        both = pd.concat([now[measure].rename("now"), was[measure].rename("was")], axis=1)
        for key, r in both.dropna().iterrows():
            if r.now > r.was and str(key):
                out.append(Gain(scope.value, str(key), kpi, float(r.now), float(r.was)))

    rise(Scope.ASIN, "sales", "sales")
    rise(Scope.CAMPAIGN, "ad_sales", "ad_sales")
    profit = KPIS["net_profit"]
    if comparable(profit, review, before):
        k, b = review.kpis, before.kpis
        now = k[(k.kpi == "net_profit") & (k.scope == "asin")].set_index("key").value
        was = b[(b.kpi == "net_profit") & (b.scope == "asin")].set_index("key").value
        for key, v in now.dropna().items():
            w = was.get(key)
            if w is not None and not pd.isna(w) and v > w:
                out.append(Gain("asin", str(key), "net_profit", float(v), float(w)))
    out.sort(key=lambda g: (-g.delta, g.scope, g.key, g.kpi))
    return out[:TOP_GAINS]


def improved_kpis(review: Review, before: Review) -> list[tuple[str, float, float]]:
    """The account KPIs that improved most against the comparison period (relative)."""
    out: list[tuple[float, str, float, float]] = []
    for r in kpi_rows(review.kpis[review.kpis.scope == "account"]):
        kpi = KPIS[r.kpi]
        was = before.value(r.kpi) if comparable(kpi, review, before) else None
        if was is None or math.isnan(r.value) or kpi.direction is Direction.NONE:
            continue
        gain = better_by(r.kpi, float(r.value), was)
        if gain > 0:
            out.append((gain / (abs(was) or 1), r.kpi, float(r.value), was))
    out.sort(reverse=True)
    return [(kpi, now, was) for _, kpi, now, was in out[:3]]
