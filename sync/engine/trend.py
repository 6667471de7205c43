"""The weekly trend behind the Dashboard's charts and the minutes."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from ..periods import Period
from .review import Source, build_review


def weekly_trend(store: Source, period: Period, marketplace: str, weeks: int = 8) -> pd.DataFrame:
    rows = []
    for n in range(weeks - 1, -1, -1):
        end = period.end - timedelta(days=7 * n)
        week = Period(end - timedelta(days=6), end)
        r = build_review(store, week, marketplace=marketplace)
        if r.kpis.empty:
            continue
        rows.append(
            {
                "week": f"{week.start:%m-%d}",
                "sales": r.value("sales") or 0.0,
                "sessions": r.value("sessions") or 0.0,
                "acos": r.value("acos"),
                "tacos": r.value("tacos"),
            }
        )
    return pd.DataFrame(rows, columns=["week", "sales", "sessions", "acos", "tacos"])
