"""The Settings tab: thresholds, targets and products the team edits.

Every other tab points at its rows (statuses read the bands, the inventory reads lead
times), so it is laid out first and its layout handed to the Book.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from ....addin.ad_targets import AD_TYPES
from ....addin.registry import KPIS
from ...i18n import t
from ...settings import KEY_COLUMN, Cost, Settings
from ...settings_acos import SECTION, with_categories
from ..book import SettingsLayout
from ..cells import UNIT_STYLE, sheet_ref, text_cell
from ..plan import Block, Cell, Sheet, Style

V = TypeVar("V")


def settings_sheet(settings: Settings, titles: dict[str, str]) -> tuple[Sheet, SettingsLayout]:
    lang = settings.language
    threshold_rows: dict[tuple[str, str], int] = {}
    target_cells: dict[str, str] = {}
    product_rows: dict[str, int] = {}
    asin_rows: dict[str, int] = {}
    s = settings
    rows: list[list[Cell]] = [
        [Cell(titles["settings"], style=Style.TITLE)],
        [],
        [
            Cell("#thresholds", style=Style.HEADER),
            Cell(t("thresholds", lang), style=Style.HEADER),
        ],
        [
            Cell(x, style=Style.HEADER)
            for x in (
                None,
                t("kpi", lang),
                t("category", lang),
                t("green_min", lang),
                t("green_max", lang),
                t("yellow_min", lang),
                t("yellow_max", lang),
                t("source", lang),
            )
        ],
    ]
    for (kpi_id, cat), b in s.bands.items():
        k = KPIS[kpi_id]
        threshold_rows[(kpi_id, cat)] = len(rows) + 1
        style = UNIT_STYLE.get(k.unit, Style.INPUT)
        rows.append(
            [
                Cell(kpi_id),
                Cell(k.name_zh if lang == "zh" else k.name_en),
                Cell(cat),
                *[
                    Cell(_as_typed(s, "thresholds", (kpi_id, cat), name, v), style=style)
                    for name, v in (
                        ("green_min", b.green_min),
                        ("green_max", b.green_max),
                        ("yellow_min", b.yellow_min),
                        ("yellow_max", b.yellow_max),
                    )
                ],
                Cell(b.source, style=Style.NOTE),
            ]
        )
    rows += [
        [],
        [Cell("#targets", style=Style.HEADER), Cell(t("targets", lang), style=Style.HEADER)],
    ]
    targets = [
        ("sales_target", s.sales_target, Style.MONEY),
        ("profit_target", s.profit_target, Style.MONEY),
        ("target_acos", s.target_acos, Style.RATIO),
        ("default_lead_time", s.lead_time, Style.DAYS),
        ("review_cycle", s.review_cycle, Style.DAYS),
        ("ipi", s.ipi, Style.COUNT),
        ("formula_mode", s.formula_mode, Style.INPUT),
        ("language", s.language, Style.INPUT),
        ("shared_tracker", s.shared_tracker, Style.INPUT),
        ("workspace", s.workspace, Style.INPUT),
    ]
    for key, value, style in targets:
        target_cells[key] = f"{sheet_ref(titles['settings'])}!$C${len(rows) + 1}"
        shown = _as_typed(s, "targets", (key, ""), "value", value)
        rows.append([Cell(key), Cell(t(key, lang)), Cell(shown, style=style)])
    rows += [
        [],
        [Cell("#products", style=Style.HEADER), Cell(t("products", lang), style=Style.HEADER)],
        [
            Cell(x, style=Style.HEADER)
            for x in (
                t("sku", lang),
                t("asin", lang),
                t("title", lang),
                t("category", lang),
                t("lead_time", lang),
                t("unit_cost", lang),
                t("freight", lang),
                t("other_cost", lang),
                t("currency", lang),
                t("valid_from", lang),
            )
        ],
    ]
    for sku, p in sorted(s.products.items()):
        product_rows[sku] = len(rows) + 1
        costs: list[Cost | None] = [
            *sorted(p.costs, key=lambda c: (c.valid_from or date.min, c.typed))
        ] or [None]
        for n, c in enumerate(costs):
            cost_key = (sku, c.day_text if c else "")
            head = [
                text_cell(p.asin),
                text_cell(p.title),
                Cell(p.category, style=Style.INPUT),
                Cell(
                    _as_typed(s, "products", cost_key, "lead_time", p.lead_time),
                    style=Style.INPUT,
                ),
            ]
            rows.append(
                [
                    text_cell(sku),
                    *(head if n == 0 else [Cell(None)] * 4),
                    *[
                        Cell(
                            _as_typed(
                                s, "products", cost_key, name, getattr(c, name) if c else None
                            ),
                            style=Style.MONEY,
                        )
                        for name in ("unit_cost", "freight", "other")
                    ],
                    Cell(c.currency if c else None, style=Style.INPUT),
                    Cell(
                        (c.typed or c.valid_from) if c else None,
                        style=Style.DATE if c and c.valid_from else Style.INPUT,
                    ),
                ]
            )
    rows += [
        [],
        [
            Cell("#asin_targets", style=Style.HEADER),
            Cell(t("asin_targets", lang), style=Style.HEADER),
        ],
        [
            Cell(x, style=Style.HEADER)
            for x in (t("asin", lang), t("sales_target", lang), t("profit_target", lang))
        ],
    ]
    for asin, (sales, profit) in sorted(s.asin_targets.items()):
        asin_rows[asin] = len(rows) + 1
        asin_key = (asin, "")
        rows.append(
            [
                text_cell(asin),
                Cell(
                    _as_typed(s, "asin_targets", asin_key, "sales_target", sales), style=Style.MONEY
                ),
                Cell(
                    _as_typed(s, "asin_targets", asin_key, "profit_target", profit),
                    style=Style.MONEY,
                ),
            ]
        )
    acos_rows: dict[tuple[str, str], int] = {}
    rows += [
        [],
        [
            Cell(f"#{SECTION}", style=Style.HEADER),
            Cell(t(SECTION, lang), style=Style.HEADER),
            Cell(t("acos_targets_note", lang), style=Style.NOTE),
        ],
        [
            Cell(x, style=Style.HEADER)
            for x in (t("ad_type", lang), None, t("category", lang), t("target_acos", lang))
        ],
    ]
    categories = {p.category for p in s.products.values()}
    for ad_type, cat in with_categories(s.acos_targets, categories):
        acos_rows[(ad_type, cat)] = len(rows) + 1
        value = _as_typed(s, SECTION, (ad_type, cat), "value", s.acos_targets.get((ad_type, cat)))
        rows.append(
            [
                Cell(ad_type),
                Cell(t(f"ad_type_{ad_type}", lang)),
                Cell(cat),
                Cell(value, style=Style.RATIO),
            ]
        )
    sheet = Sheet(
        "settings",
        titles["settings"],
        [Block(1, 1, _keys_aside(rows))],
        widths={"A": 22, "B": 30, "C": 24, "D": 12, "E": 12, "F": 12, "G": 12, "H": 40, "J": 12},
        tab_color="808080",
        # Machinery, folded away: the thresholds' sources (catalogue codes; docs/kpis.md says
        # them in words) and the keys a sync reads the tab by.
        folded=("H:H", f"{KEY_COLUMN}:{KEY_COLUMN}"),
    )
    return sheet, SettingsLayout(threshold_rows, target_cells, product_rows, asin_rows, acos_rows)


def _keys_aside(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The section markers, KPI ids and target keys moved from column A to the hidden key
    column (read back by settings.row_key); column A keeps the team's SKUs and ASINs."""
    width = ord(KEY_COLUMN) - ord("A")
    out, section = [], ""
    for row in rows:
        first = row[0].value if row else None
        marker = isinstance(first, str) and first.startswith("#")
        section = first[1:] if marker and isinstance(first, str) else section
        keyed = section in ("thresholds", "targets") or (section == SECTION and first in AD_TYPES)
        if marker or (keyed and first is not None):
            pad = [Cell(None)] * (width - len(row))
            row = [Cell(None), *row[1:], *pad, Cell(first, style=Style.NOTE)]
        out.append(row)
    return out


def _as_typed(s: Settings, section: str, key: tuple[str, str], name: str, value: V) -> V | str:
    """A Settings cell the team typed and fupan could not read is written back as typed."""
    typed = s.typed(section, key, name)
    return value if typed is None else typed
