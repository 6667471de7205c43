"""A KPI value as people read it: percentages, money, days. The terminal and the minutes."""

from __future__ import annotations

import math

from ..addin.registry import KPIS, Unit
from .marketplaces import money_text


def format_value(kpi_id: str, value: float | None, currency: str = "") -> str:
    """A KPI value as text; money in `currency`'s own format ($1,234.56, 1.234,56 €, ¥1,235)
    when given."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    unit = KPIS[kpi_id].unit
    if unit is Unit.RATIO:
        return f"{value * 100:.2f} %"
    if unit is Unit.MONEY:
        return money_text(value, currency) if currency else f"{value:,.2f}"
    if unit is Unit.MULTIPLE:
        return f"{value:.2f}"
    if unit is Unit.DAYS:
        return f"{value:.0f} d"
    return f"{value:,.0f}"
