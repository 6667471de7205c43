"""The measure table: where every measure comes from, read by the engine and the workbook.

A measure is an additive quantity (sales, ad spend, sellable units ...) summed over the rows
of one row set, per key of a scope. The engine sums the row sets it selected for a period
(`sum_measures`); the workbook writes the same sums as formulas over the data tab that
holds that row set: a key's own cells, or SUMIFS for account totals (workbook/measures.py).
Rows are the period's canonical rows, chosen by the engine's counting rules (each ad type
counted once, stock once per SKU ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from ...addin.kpi import Scope

Filter = tuple[tuple[str, object], ...]  # (column, value) pairs, all equal


@dataclass(frozen=True)
class Source:
    """One measure from one row set: a column summed per key of each scope."""

    rows: str  # row set: "sales", "daily", "ads", "returns", "stock", "health"
    column: str
    keys: Mapping[Scope, str] = field(default_factory=dict)  # scope -> key column
    where: Mapping[Scope, Filter] = field(default_factory=dict)  # scope -> rows that count

    @property
    def scopes(self) -> tuple[Scope, ...]:
        return (Scope.ACCOUNT, *self.keys)


ASIN, CAMPAIGN, ACCOUNT = Scope.ASIN, Scope.CAMPAIGN, Scope.ACCOUNT
COUNTED: Filter = (("counted", True),)  # the grain each ad type is counted from
SP_PRODUCTS: Filter = (("ad_type", "SP"), ("grain", "advertised_product"))
_AD_SPEND = {ACCOUNT: COUNTED, CAMPAIGN: COUNTED, ASIN: SP_PRODUCTS}
_AD_OTHER = {ACCOUNT: COUNTED, CAMPAIGN: COUNTED}
_BY_CHILD = {ASIN: "child_asin"}
_BY_ASIN = {ASIN: "asin"}

# measure -> its sources, in order of preference: the first whose row set the period has wins.
MEASURES: dict[str, tuple[Source, ...]] = {
    "sales": (Source("sales", "sales", _BY_CHILD), Source("daily", "sales")),
    "units": (Source("sales", "units", _BY_CHILD), Source("daily", "units")),
    "sessions": (Source("sales", "sessions", _BY_CHILD), Source("daily", "sessions")),
    "page_views": (Source("sales", "page_views", _BY_CHILD), Source("daily", "page_views")),
    "buy_box_views": (
        Source("sales", "buy_box_views", _BY_CHILD),
        Source("daily", "buy_box_views"),
    ),
    "feedback_received": (Source("daily", "feedback_received"),),
    "negative_feedback": (Source("daily", "negative_feedback_received"),),
    "ad_spend": (Source("ads", "spend", {CAMPAIGN: "campaign", ASIN: "asin"}, _AD_SPEND),),
    "ad_sales": (Source("ads", "sales", {CAMPAIGN: "campaign", ASIN: "asin"}, _AD_SPEND),),
    "impressions": (Source("ads", "impressions", {CAMPAIGN: "campaign"}, _AD_OTHER),),
    "clicks": (Source("ads", "clicks", {CAMPAIGN: "campaign"}, _AD_OTHER),),
    "ad_orders": (Source("ads", "orders", {CAMPAIGN: "campaign"}, _AD_OTHER),),
    "returned_units": (Source("returns", "quantity", _BY_ASIN),),
    "available_units": (Source("stock", "available", _BY_ASIN),),
    "aged_90_units": (Source("stock", "aged_90", _BY_ASIN),),
    "aged_base_units": (Source("stock", "aged_base", _BY_ASIN),),
    "ltsf": (Source("stock", "ltsf", _BY_ASIN),),
    **{
        m: (Source("health", m),)
        for m in (
            "odr_defects",
            "odr_orders",
            "late_shipments",
            "lsr_orders",
            "valid_tracking",
            "vtr_shipments",
            "cancellations",
            "cancel_orders",
            "ahr_score",
            "policy_items",
        )
    },
}


def source_of(measure: str, present: Mapping[str, set[str]]) -> Source | None:
    """The source a measure is taken from, given the columns each row set has data in."""
    for s in MEASURES.get(measure, ()):
        if s.column in present.get(s.rows, set()):
            return s
    return None


def sum_measures(
    rows: Mapping[str, pd.DataFrame],
    present: Mapping[str, set[str]],
    scopes: frozenset[Scope] = frozenset(Scope),
) -> dict[Scope, list[pd.DataFrame]]:
    """Every measure with data, summed per key of each scope it has (account key "")."""
    out: dict[Scope, list[pd.DataFrame]] = {s: [] for s in Scope}
    # Group the work: one groupby per (row set, scope, filter, key) for all its columns.
    jobs: dict[tuple[str, Scope, Filter, str | None], dict[str, str]] = {}
    for measure in MEASURES:
        s = source_of(measure, present)
        if s is None:
            continue
        for scope in s.scopes:
            if scope not in scopes:
                continue
            key = s.keys.get(scope)
            jobs.setdefault((s.rows, scope, s.where.get(scope, ()), key), {})[measure] = s.column
    for (name, scope, where, key), columns in jobs.items():
        frame = rows[name]
        for col, value in where:
            frame = frame[frame[col] == value]
        if where and frame.empty:
            continue  # the filtered report (SP advertised products, say) is not there: unknown
        out[scope].append(_sum_by(frame, key, columns))
    return out


def _sum_by(frame: pd.DataFrame, key: str | None, columns: dict[str, str]) -> pd.DataFrame:
    """Sum source columns into measures, per key ("" = the account)."""
    data = frame[list(columns.values())].fillna(0.0)
    data.columns = list(columns)
    if key is None:
        return data.sum().to_frame().T.set_axis([""])
    return data.groupby(frame[key].to_numpy()).sum()
