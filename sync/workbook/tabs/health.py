"""Account health: every metric of the seller performance report, each coloured against its
band in Settings (Amazon's own target and status beside it)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ....addin.kpi import Direction
from ....addin.registry import KPIS
from ...i18n import LABELS, shown, t
from ...ingest.health_metrics import AHR, POLICY, POLICY_METRICS
from ...ingest.schema import ACCOUNT_HEALTH
from ..book import Book
from ..cells import formula, plain, value_cell
from ..inputs import FIRST
from ..plan import Block, Cell, Rule, Sheet, Style

# The report's metric -> the KPI whose Settings band judges it (engine/counting.py HEALTH),
# in the tab's order: the rates, the Account Health Rating, then each policy's open items.
KPI_OF = {
    "odr_afn": "odr",
    "odr_mfn": "odr",
    "late_shipment_rate": "late_shipment_rate",
    "valid_tracking_rate": "valid_tracking_rate",
    "cancel_rate": "cancel_rate",
    AHR: "account_health_rating",
    **{metric: "policy_items" for metric in POLICY.values()},
}
POLICY_TOTAL = "policy_items"  # the row summing the policies' open items


@dataclass(frozen=True)
class HealthRow:
    """Where one metric landed on the Health tab: the Dashboard points at these cells."""

    label: str
    value: str  # absolute refs
    target: str
    status: str
    metric: str = ""
    count: bool = False  # a score or a count, not a rate


def _counted(metric: str) -> bool:
    return metric in (AHR, POLICY_TOTAL) or metric in POLICY_METRICS


def _reported(book: Book) -> pd.DataFrame:
    """The latest row of each metric reported (none: an empty frame with the columns)."""
    rows = book.i.health_rows
    return latest(rows) if len(rows) else pd.DataFrame(columns=ACCOUNT_HEALTH.names)


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
    """The latest window of each metric (reports are snapshots; older ones are history):
    the rates first, then the rating and the policies (Seller Central's order)."""
    if rows.empty:
        return rows
    rows = rows.sort_values("period_end").groupby("metric", sort=False).tail(1)
    order = {m: n for n, m in enumerate(KPI_OF)}

    def rank(m: str) -> tuple[bool, int]:
        return (_counted(m), order.get(m, len(order)))

    return rows.sort_values("metric", key=lambda s: s.map(rank), kind="stable")


def metrics(book: Book) -> list[str]:
    """The metric of each row of the tab, in order: every metric reported, then the total
    of the open policy items when the report gives any policy."""
    shown = [str(m) for m in _reported(book)["metric"]]
    return shown + ([POLICY_TOTAL] if POLICY_METRICS & set(shown) else [])


def health_rows(book: Book) -> list[HealthRow]:
    """The Health tab's rows (laid out the same way `health` writes them)."""
    out = []
    for n, metric in enumerate(metrics(book)):
        x = FIRST + n
        out.append(
            HealthRow(
                metric_label(metric, book.lang),
                book.ref("health", f"$B${x}"),
                book.ref("health", f"$C${x}"),
                book.ref("health", f"$D${x}"),
                metric,
                _counted(metric),
            )
        )
    return out


def _judged(book: Book, metric: str, x: int, style: Style) -> list[Cell]:
    """Our target (the band's green edge in Settings: edit it, the colour follows) and the
    status of row x's value against the band."""
    kpi = KPI_OF.get(metric, metric if metric in KPIS else None)
    row = book.settings.threshold_rows.get((kpi, "")) if kpi else None
    if kpi is None or row is None:
        return [Cell(None), Cell(None)]
    edge = "D" if KPIS[kpi].direction is Direction.HIGHER else "E"
    cell = book.ref("settings", f"${edge}${row}")
    return [
        # A band the team left blank is no target: blank, not 0.
        formula(f'=IF({cell}="","",{cell})', style),
        formula(book.status_formula(f"B{x}", kpi)),
    ]


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
    rules: list[Rule] = []
    reported = _reported(book)
    policies = [FIRST + n for n, m in enumerate(reported["metric"]) if m in POLICY_METRICS]
    for r in reported.itertuples(index=False):
        metric = str(r.metric)
        style = Style.COUNT if _counted(metric) else Style.RATIO
        counted = (
            f"{plain(r.numerator):,.0f} / {plain(r.denominator):,.0f}"
            if plain(r.numerator) is not None and plain(r.denominator) is not None
            else None
        )
        start, end = plain(r.period_start), plain(r.period_end)
        x = FIRST + len(rows) - 1
        rows.append(
            [
                Cell(metric_label(metric, lang)),
                value_cell(r.value if _counted(metric) else r.rate, style),
                *_judged(book, metric, x, style),
                value_cell(r.target, style),
                Cell(amazon_status(r.status, lang)),
                Cell(counted),
                Cell(f"{start} – {end}" if start and end else None),
            ]
        )
    if policies:  # the open policy items, summed over the policies the report counts
        x = FIRST + len(rows) - 1
        span = f"B{policies[0]}:B{policies[-1]}"
        rows.append(
            [
                Cell(metric_label(POLICY_TOTAL, lang), style=Style.HEADER),
                formula(f'=IF(COUNT({span})=0,"",SUM({span}))', Style.COUNT),
                *_judged(book, POLICY_TOTAL, x, Style.COUNT),
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
        widths={"A": 44, "B": 11, "C": 11, "D": 22, "E": 14, "F": 14, "G": 16, "H": 24},
    )
