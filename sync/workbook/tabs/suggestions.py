"""Suggestions: the rules that fired, with their evidence."""

from __future__ import annotations

from ...engine.rules import RULES
from ...i18n import t
from ..book import Book
from ..cells import text_cell, value_cell
from ..inputs import FIRST
from ..plan import Block, Cell, Sheet, Style


def suggestions(book: Book) -> Sheet:
    lang = book.lang
    rows = [
        [
            Cell(x, style=Style.HEADER)
            for x in (
                t("rule", lang),
                t("scope", lang),
                t("key", lang),
                t("kpi", lang),
                t("value", lang),
                t("target", lang),
                t("action", lang),
                t("promote", lang),
            )
        ]
    ]
    for s in book.i.suggestions:
        rows.append(
            [
                Cell(s.rule),
                Cell(s.scope),
                text_cell(s.key),
                Cell(s.kpi),
                value_cell(s.value),
                value_cell(s.threshold),
                Cell(s.text(lang)),
                Cell(None, style=Style.INPUT),
            ]
        )
    fired = {s.rule for s in book.i.suggestions}
    idle = [
        f"{r.id}: {r.trigger}" + (f" (needs {r.needs})" if r.needs else "")
        for r in RULES
        if r.id not in fired
    ]
    return Sheet(
        "suggestions",
        book.titles["suggestions"],
        [book.title_rows("suggestions", "; ".join(idle)), Block(FIRST - 1, 1, rows)],
        widths={"A": 6, "C": 40, "G": 50},
    )
