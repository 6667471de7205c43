"""Which rows of a period count: the counting rules where tools disagree with Seller Central.

Each ad type's money is counted once whichever of its reports are given, stock is counted once
per SKU, and rows that cannot be split by day are left out of a period they straddle.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..ingest.health_metrics import AHR, POLICY_METRICS
from ..periods import Period

# When several reports of one ad type cover the period equally well, the first one here wins.
GRAIN_PREFERENCE = ("campaign", "advertised_product", "targeting", "search_term")
# Account health metric -> its (numerator, denominator) measures.
HEALTH = {
    "odr_afn": ("odr_defects", "odr_orders"),
    "odr_mfn": ("odr_defects", "odr_orders"),
    "late_shipment_rate": ("late_shipments", "lsr_orders"),
    "valid_tracking_rate": ("valid_tracking", "vtr_shipments"),
    "cancel_rate": ("cancellations", "cancel_orders"),
}

# Account health measures that are counts as reported, not sums of a rate's parts.
HEALTH_COUNTS = ("ahr_score", "policy_items")


def health_counts(latest: pd.DataFrame) -> dict[str, float]:
    """The Account Health Rating and the open policy items (the sum over the policies the
    report gives a count for), from each metric's latest row; missing ones stay unknown."""
    known = latest[latest["value"].notna()]
    out: dict[str, float] = {}
    rating = known[known.metric == AHR]
    if not rating.empty:
        out["ahr_score"] = float(rating["value"].iloc[-1])
    policies = known[known.metric.isin(list(POLICY_METRICS))]
    if not policies.empty:
        out["policy_items"] = float(policies["value"].sum())
    return out


class _Span(NamedTuple):
    """The days one ad report row covers."""

    start_date: pd.Timestamp
    end_date: pd.Timestamp


def _spans(rows: pd.DataFrame) -> Iterator[_Span]:
    return map(_Span._make, rows[list(_Span._fields)].itertuples(index=False, name=None))


def within(frame: pd.DataFrame, start: str, end: str, period: Period) -> pd.Series:
    """Rows whose whole span lies inside the period."""
    lo, hi = pd.Timestamp(period.start), pd.Timestamp(period.end)
    return (frame[start] >= lo) & (frame[end] <= hi)


def straddling(frame: pd.DataFrame, start: str, end: str, period: Period) -> pd.Series:
    lo, hi = pd.Timestamp(period.start), pd.Timestamp(period.end)
    return (frame[start] <= hi) & (frame[end] >= lo) & ~within(frame, start, end, period)


def counted_ads(ads: pd.DataFrame, period: Period) -> pd.Series:
    """Which ad rows count: per ad type, the grain whose rows cover the most days."""
    counted = pd.Series(False, index=ads.index)
    if ads.empty:
        return counted
    for _ad_type, rows in ads.groupby("ad_type"):
        best: tuple[int, int, Hashable] | None = None
        for grain, g in rows.groupby("grain"):
            days: set[pd.Timestamp] = set()
            for span in _spans(g[list(_Span._fields)].drop_duplicates()):
                days.update(pd.date_range(span.start_date, span.end_date))
            rank = GRAIN_PREFERENCE.index(grain) if grain in GRAIN_PREFERENCE else 99
            cand = (len(days), -rank, grain)
            if best is None or cand[:2] > best[:2]:
                best = cand
        assert best is not None
        counted[rows.index[rows.grain == best[2]]] = True
    return counted


def latest_stock(inventory: pd.DataFrame, period: Period) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per SKU at its latest snapshot, planning rows for ages), period end or before."""
    if inventory.empty:
        return inventory, inventory
    end = pd.Timestamp(period.end)
    inv = inventory.assign(
        _before=inventory.snapshot_date <= end,
        _planning=inventory.source == "planning",
    )
    # Latest snapshot on or before the period's end; failing that, the earliest after it.
    inv["_order"] = np.where(
        inv._before, inv.snapshot_date.astype("int64"), -inv.snapshot_date.astype("int64")
    )
    order = ["_before", "_order", "_planning"]
    stock = inv.sort_values(order).groupby("sku", sort=False).tail(1)
    planning = inv[inv._planning].sort_values(order).groupby("sku", sort=False).tail(1)
    return stock, planning


def stock_frame(stock: pd.DataFrame, planning: pd.DataFrame) -> pd.DataFrame:
    """One row per SKU: sellable and inbound units at its snapshot, its aged units and the
    long-term storage fee of its next charge (planning report).

    The engine sums it, and the workbook's stock data tab holds it as it is.
    """
    aged = planning.assign(
        aged_90=planning[["age_91_180", "age_181_270", "age_271_365", "age_365_plus"]]
        .fillna(0)
        .sum(axis=1)
    )[["sku", "asin", "aged_90", "available", "ltsf_next_charge"]].rename(
        columns={"available": "aged_base", "asin": "planning_asin", "ltsf_next_charge": "ltsf"}
    )
    # The fee stays blank where the planning report gave none: unknown, not free.
    out = (
        stock[["sku", "asin", "snapshot_date", "source", "available", "inbound"]]
        .merge(aged, on="sku", how="outer")
        .fillna({"available": 0, "inbound": 0, "aged_90": 0, "aged_base": 0, "source": ""})
    )
    out["asin"] = out["asin"].fillna(out.pop("planning_asin")).fillna("")
    return out.reset_index(drop=True)
