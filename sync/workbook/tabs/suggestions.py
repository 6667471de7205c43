"""Suggestions: the rules that fired, with their evidence."""

from __future__ import annotations

from ....addin.registry import KPIS
from ...engine.rules import RULES, RuleSpec
from ...i18n import scope_label, t
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
                Cell(scope_label(s.scope, lang)),
                text_cell(s.key),
                Cell(_kpi_name(s.kpi, lang)),
                value_cell(s.value),
                value_cell(s.threshold),
                Cell(s.text(lang)),
                Cell(None, style=Style.INPUT),
            ]
        )
    fired = {s.rule for s in book.i.suggestions}
    idle = [_idle(r, lang) for r in RULES if r.id not in fired]
    return Sheet(
        "suggestions",
        book.titles["suggestions"],
        [book.title_rows("suggestions", "; ".join(idle)), Block(FIRST - 1, 1, rows)],
        widths={"A": 6, "C": 40, "G": 50},
    )


def _kpi_name(kpi: str, lang: str) -> str:
    if kpi not in KPIS:
        return kpi
    return KPIS[kpi].name_zh if lang == "zh" else KPIS[kpi].name_en


def _idle(r: RuleSpec, lang: str) -> str:
    """A rule that did not fire, for the tab's note: its trigger (English) or, in Chinese,
    the action it would propose; and the data it still lacks."""
    if lang == "zh":
        return f"{r.id}：{r.action_zh}" + (f"（{t('rule_needs_data', lang)}）" if r.needs else "")
    return f"{r.id}: {r.trigger}" + (f" (needs {r.needs})" if r.needs else "")
