"""A KPI value as people read it: percentages, money, days. The terminal and the minutes."""

from __future__ import annotations

import math

from ..addin.registry import KPIS, Unit
from .i18n import t
from .marketplaces import money_text


def format_value(kpi_id: str, value: float | None, currency: str = "", lang: str = "en") -> str:
    """A KPI value as text; money in `currency`'s own format ($1,234.56, 1.234,56 €, ¥1,235)
    when given; days in `lang` (6 d, 6 天)."""
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
        return f"{value:.0f} {t('unit_days', lang)}"
    return f"{value:,.0f}"


def format_change(kpi_id: str, change: float | None, currency: str = "", lang: str = "en") -> str:
    """A change with its sign and unit: +1.20 pt (percentage points), +$35.10, −1.234,00 €."""
    if change is None or math.isnan(change):
        return "—"
    unit = KPIS[kpi_id].unit
    if unit is Unit.RATIO:
        return f"{change * 100:+.2f} {t('unit_points', lang)}"
    if unit is Unit.MONEY and currency:
        text = money_text(change, currency)
        return text if text.startswith("-") else "+" + text
    if unit is Unit.DAYS:
        return f"{change:+.0f} {t('unit_days', lang)}"
    if unit is Unit.COUNT:
        return f"{change:+,.0f}"
    return f"{change:+,.2f}"
