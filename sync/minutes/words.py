"""The words and blocks the minutes are written in: a KPI's name, a value in its unit, the
object a line is about, a traffic light, money at stake. Every word comes from sync/i18n.py
(and the KPI registry); the Markdown and the HTML are written from the same blocks."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from ...addin.registry import KPIS
from ...addin.thresholds import Bands
from ..engine.rules import RULES
from ..engine.stakes import POLICY, Stake
from ..formats import format_value
from ..i18n import scope_label, t
from ..marketplaces import money_text
from ..periods import Period
from .model import Minutes

COLOURS = {"red": "#FFC7CE", "yellow": "#FFEB9C", "green": "#C6EFCE"}
ICONS = {"red": "🔴", "yellow": "🟡", "green": "🟢"}
TITLE_CHARS = 32  # a listing title is cut to this many characters after the ASIN
ACTIONS = {r.id: r for r in RULES}


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[list[str], str]] = field(default_factory=list)  # cells, light ("" none)
    wide: frozenset[int] = frozenset()  # columns of prose, which may wrap


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Chart:
    """Where the HTML shows the weekly trend (Markdown has no picture)."""


Block = Heading | Para | Table | Chart


def kpi_name(kpi: str, lang: str) -> str:
    k = KPIS[kpi]
    return k.name_zh if lang == "zh" else k.name_en


def value_text(kpi: str, value: float | None, m: Minutes) -> str:
    if value is not None and math.isinf(value):
        return "—"  # an ACoS with no sales
    return format_value(kpi, value, m.currency, m.lang)


def threshold_text(b: Bands | None, kpi: str, lang: str = "en") -> str:
    """The green band in the KPI's own unit: `≤ 25.00 %`, `≥ 30 d and ≤ 180 d`."""
    if b is None:
        return ""
    parts = []
    if b.green_min is not None:
        parts.append(f"≥ {format_value(kpi, b.green_min, lang=lang)}")
    if b.green_max is not None:
        parts.append(f"≤ {format_value(kpi, b.green_max, lang=lang)}")
    return f" {t('and', lang)} ".join(parts) if lang != "zh" else f"{t('and', lang)} ".join(parts)


def day_text(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def span_text(p: Period, lang: str) -> str:
    return t("minutes_span", lang, start=p.start.isoformat(), end=p.end.isoformat())


def light_text(status: str, lang: str) -> str:
    """A traffic light as chat apps show it: a coloured dot and the word."""
    if status not in ICONS:
        return ""
    return f"{ICONS[status]} {t(status, lang)}"


def where_text(scope: str, key: str, m: Minutes) -> str:
    """The object a line is about, as a seller names it: 店铺整体, ASIN B0… 硅胶烘焙垫."""
    lang = m.lang
    if scope == "account":
        return scope_label(scope, lang)
    text = f"{scope_label(scope, lang)} {key}"
    name = m.names.get(key, "") if scope == "asin" else ""
    if name:
        text += " " + (name if len(name) <= TITLE_CHARS else name[: TITLE_CHARS - 1] + "…")
    return text


def stake_text(s: Stake | None, m: Minutes) -> str:
    if s is None or (s.money is None and s.tier != POLICY):
        return t("minutes_unpriced", m.lang)
    if s.tier == POLICY:
        return t("minutes_policy", m.lang)
    assert s.money is not None
    return money_text(s.money, m.currency, whole=True) if m.currency else f"{s.money:,.0f}"


def title_text(m: Minutes) -> str:
    lang = m.lang
    weekday = t("weekdays", lang).split()[m.meeting.weekday()]
    day = m.meeting.isoformat()
    if lang == "zh":
        return f"{t('minutes_title', lang)} · {day}（{weekday}）"
    return f"{t('minutes_title', lang)} · {weekday} {day}"


def action_text(rule: str, lang: str) -> str:
    return ACTIONS[rule].action_text(lang)
