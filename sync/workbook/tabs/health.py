"""Account health: every metric of the seller performance report, each coloured against its
band in Settings (Amazon's own target and status beside it)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ....addin.kpi import Direction
from ....addin.registry import KPIS
from ...i18n import LABELS, shown, t
from ..book import Book
from ..cells import formula, plain, value_cell
from ..inputs import FIRST
from ..plan import Block, Cell, Rule, Sheet, Style

# The report's metric -> the KPI whose Settings band judges it (engine/counting.py HEALTH).
KPI_OF = {
    "odr_afn": "odr",
    "odr_mfn": "odr",
    "late_shipment_rate": "late_shipment_rate",
    "valid_tracking_rate": "valid_tracking_rate",
    "cancel_rate": "cancel_rate",
}


@dataclass(frozen=True)
class HealthRow:
    """Where one metric landed on the Health tab: the Dashboard points at these cells."""

    label: str
    value: str  # absolute refs
    target: str
    status: str


def metric_label(metric: str, lang: str) -> str:
    if f"health_{metric}" in LABELS:
        return t(f"health_{metric}", lang)
    k = KPIS.get(KPI_OF.get(metric, metric))
    if k is not None:
        return k.name_zh if lang == "zh" else k.name_en
    return metric.replace("_", " ").capitalize()


def amazon_status(status: object, lang: str) -> str | None:
    text = str(plain(status) or "").strip()
    if not text:
        return None
    return shown("health", text.upper().replace(" ", "_"), lang)


def latest(rows: pd.DataFrame) -> pd.DataFrame:
    """The latest window of each metric (reports are snapshots; older ones are history)."""
    if rows.empty:
        return rows
    rows = rows.sort_values("period_end").groupby("metric", sort=False).tail(1)
    order = {m: n for n, m in enumerate(KPI_OF)}
    return rows.sort_values("metric", key=lambda s: s.map(lambda m: order.get(m, len(order))))


def health_rows(book: Book) -> list[HealthRow]:
    """The Health tab's rows (laid out the same way `health` writes them)."""
    out = []
    for n, r in enumerate(latest(book.i.health_rows).itertuples(index=False)):
        x = FIRST + n
        out.append(
            HealthRow(
                metric_label(str(r.metric), book.lang),
                book.ref("health", f"$B${x}"),
                book.ref("health", f"$C${x}"),
                book.ref("health", f"$D${x}"),
            )
        )
    return out


def health(book: Book) -> Sheet:
    lang = book.lang
    header = [
        t("metric", lang),
        t("value", lang),
        t("target", lang),
        t("our_status", lang),
        t("amazon_target", lang),
        t("amazon_status", lang),
        t("orders_counted", lang),
        t("window", lang),
    ]
    rows = [[Cell(x, style=Style.HEADER) for x in header]]
    thresholds = book.settings.threshold_rows
    rules: list[Rule] = []
    for n, r in enumerate(latest(book.i.health_rows).itertuples(index=False)):
        x = FIRST + n
        kpi = KPI_OF.get(str(r.metric))
        judged = kpi is not None and (kpi, "") in thresholds
        row = thresholds.get((kpi, "")) if kpi else None
        # Our target: the band's green edge in Settings (edit it: the colour follows).
        edge = "D" if kpi and KPIS[kpi].direction is Direction.HIGHER else "E"
        settings_cell = book.ref("settings", f"${edge}${row}") if row else None
        counted = (
            f"{plain(r.numerator):,.0f} / {plain(r.denominator):,.0f}"
            if plain(r.numerator) is not None and plain(r.denominator) is not None
            else None
        )
        start, end = plain(r.period_start), plain(r.period_end)
        rows.append(
            [
                Cell(metric_label(str(r.metric), lang)),
                value_cell(r.rate, Style.RATIO),
                # A band the team left blank is no target: blank, not 0 %.
                formula(f'=IF({settings_cell}="","",{settings_cell})', Style.RATIO)
                if settings_cell
                else Cell(None),
                formula(book.status_formula(f"B{x}", kpi)) if judged and kpi else Cell(None),
                value_cell(r.target, Style.RATIO),
                Cell(amazon_status(r.status, lang)),
                Cell(counted),
                Cell(f"{start} – {end}" if start and end else None),
            ]
        )
    last = FIRST + len(rows) - 2
    if len(rows) > 1:  # not in the red count: the Dashboard's cards already count ODR
        rules = book.colour_rules(f"B{FIRST}:B{last}", "D", FIRST) + book.colour_rules(
            f"D{FIRST}:D{last}", "D", FIRST
        )
    return Sheet(
        "health",
        book.titles["health"],
        [book.title_rows("health", t("health_note", lang)), Block(FIRST - 1, 1, rows)],
        rules=rules,
        widths={"A": 36, "B": 11, "C": 11, "D": 22, "E": 14, "F": 14, "G": 16, "H": 24},
    )
