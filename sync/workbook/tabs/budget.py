"""Campaign budgets where the ads reports carry them: the latest daily budget, and how much of
the period's budget was spent (a campaign near 100 % runs out of budget and stops serving)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Budget:
    daily: float  # the latest daily budget
    use: float | None  # spend on the days with a budget ÷ their budgets


def budgets(ads: pd.DataFrame) -> dict[str, Budget]:
    """Per campaign, from its campaign-grain rows with a budget (empty: no report has one)."""
    if ads.empty or "budget" not in ads:
        return {}
    rows = ads[(ads.grain == "campaign") & ads.budget.notna() & (ads.budget > 0)]
    out: dict[str, Budget] = {}
    for campaign, g in rows.sort_values("end_date").groupby("campaign", sort=False):
        days = (g.end_date - g.start_date).dt.days + 1
        planned = float((g.budget * days).sum())
        spent = float(g.spend.sum())
        out[str(campaign)] = Budget(float(g.budget.iloc[-1]), spent / planned if planned else None)
    return out
