"""Suggestions: one action per object, ranked by the money at stake per week.

The ranking is the engine's (engine/ranking.py, engine/stakes.py): account health first by
policy, then the largest sums, unpriced last; the same action on several objects is one row
with their count. Rule and source codes stay in the cell notes, never in a cell.
"""

from __future__ import annotations

import math

from ....addin.registry import KPIS, Unit
from ...engine.ranking import RuleRow, by_rule
from ...engine.rules import RULES, Suggestion
from ...i18n import scope_label, t
from ..book import Book
from ..cells import UNIT_STYLE, text_cell, value_cell
from ..inputs import FIRST
from ..objects import Product, products, why_text
from ..plan import Block, Cell, Sheet, Style

SPECS = {r.id: r for r in RULES}


def kpi_name(kpi: str, lang: str) -> str:
    k = KPIS.get(kpi)
    if k is None:
        return kpi
    return k.name_zh if lang == "zh" else k.name_en


def kpi_value(book: Book, kpi: str, value: float | None) -> Cell:
    """A KPI's value in its unit's format (an infinite ACoS, nothing sold, is blank)."""
    if value is None or math.isinf(value) or math.isnan(value):
        return Cell(None)
    k = KPIS.get(kpi)
    unit = k.unit if k else None
    return value_cell(value, UNIT_STYLE.get(unit) if unit else None, book.number_format(unit))


def action_text(rule: str, lang: str) -> str:
    return SPECS[rule].action_text(lang)


def money_cell(book: Book, s: Suggestion | RuleRow, lang: str) -> Cell:
    stake = s.stake
    return Cell(
        stake.money,
        style=Style.MONEY,
        number_format=book.number_format(Unit.MONEY),
        note=why_text(stake, lang),
    )


def object_cells(s: Suggestion, catalogue: dict[str, Product], lang: str) -> list[Cell]:
    """Scope, key and (for an ASIN) its title and SKU."""
    p = catalogue.get(s.key) if s.scope == "asin" else None
    key = s.key or scope_label(s.scope, lang)
    return [
        Cell(scope_label(s.scope, lang)),
        text_cell(key),
        text_cell(p.title if p else None),
        text_cell(p.sku if p else None),
    ]


def suggestions(book: Book) -> Sheet:
    lang = book.lang
    catalogue = products(book.i.review, book.i.settings)
    header = [
        t("action", lang),
        t("at_stake", lang),
        t("objects", lang),
        t("applies_to", lang),
        t("object", lang),
        t("title", lang),
        t("sku", lang),
        t("kpi", lang),
        t("value", lang),
        t("target", lang),
        t("also", lang),
        t("promote", lang),
    ]
    rows = [[Cell(h, style=Style.HEADER) for h in header]]
    for row in by_rule(book.i.suggestions):
        s, spec = row.first, SPECS[row.first.rule]
        note = t("rule_note", lang, trigger=spec.trigger_text(lang), sources=spec.source)
        count = Cell(row.count, style=Style.COUNT)
        if row.count > 1:
            listed = "\n".join(row.keys[:30]) + ("\n…" if row.count > 30 else "")
            count = Cell(
                row.count,
                style=Style.COUNT,
                note=t("more_objects", lang, n=row.count) + "\n" + listed,
            )
        also = "; ".join(action_text(r, lang) for r in s.also)
        rows.append(
            [
                Cell(action_text(s.rule, lang), note=f"{spec.id} · {note}"),
                money_cell(book, row, lang),
                count,
                *object_cells(s, catalogue, lang),
                Cell(kpi_name(s.kpi, lang)),
                kpi_value(book, s.kpi, s.value),
                kpi_value(book, s.kpi, s.threshold),
                Cell(also or None),
                Cell(None, style=Style.INPUT),
            ]
        )
    return Sheet(
        "suggestions",
        book.titles["suggestions"],
        [book.title_rows("suggestions", t("suggestions_note", lang)), Block(FIRST - 1, 1, rows)],
        widths={
            "A": 46,
            "B": 16,
            "C": 8,
            "D": 12,
            "E": 30,
            "F": 26,
            "G": 12,
            "H": 18,
            "I": 11,
            "J": 11,
            "K": 40,
            "L": 12,
        },
        freeze=f"B{FIRST}",
    )
