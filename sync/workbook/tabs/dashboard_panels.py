"""The Dashboard's right-hand panels: the top findings by money at stake, account health
against its Settings bands, and the ASINs that moved most."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from openpyxl.utils import get_column_letter

from ....addin.registry import KPIS, Scope, Unit
from ...engine.ranking import one_per_object
from ...i18n import scope_label, t
from ...ingest.health_metrics import POLICY_METRICS
from ..book import Book
from ..cells import formula, text_cell, value_cell
from ..objects import products, why_text
from ..plan import Block, Cell, Rule, Style
from .health import health_rows
from .suggestions import action_text, kpi_name, kpi_value

TOP = 5  # findings the Dashboard shows; the Suggestions tab has them all
MOVERS = 3  # ASINs up and down


@dataclass
class Panels:
    blocks: list[Block] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    bottom: int = 0  # the last row used


def _heading(text: str) -> list[Cell]:
    return [Cell(text, style=Style.TITLE)]


def _header(*labels: str) -> list[Cell]:
    return [Cell(x, style=Style.HEADER) for x in labels]


def top_findings(book: Book, row: int, col: int) -> Block:
    lang = book.lang
    catalogue = products(book.i.review, book.i.settings)
    rows = [
        _heading(t("top_findings", lang)),
        _header(
            t("finding", lang),
            t("object", lang),
            t("kpi", lang),
            t("value", lang),
            t("at_stake", lang),
        ),
    ]
    for s in one_per_object(book.i.suggestions)[:TOP]:
        p = catalogue.get(s.key) if s.scope == "asin" else None
        key = s.key or scope_label(s.scope, lang)
        rows.append(
            [
                Cell(action_text(s.rule, lang)),
                text_cell(f"{key} · {p.title}" if p and p.title else key),
                Cell(kpi_name(s.kpi, lang)),
                kpi_value(book, s.kpi, s.value),
                Cell(
                    s.stake.money,
                    style=Style.MONEY,
                    number_format=book.number_format(Unit.MONEY),
                    note=why_text(s.stake, lang),
                ),
            ]
        )
    return Block(row, col, rows)


def health_panel(book: Book, row: int, col: int) -> tuple[Block, list[Rule]]:
    """Each Account health metric, its Settings target and status, read from that tab."""
    lang = book.lang
    rows = [
        _heading(t("health", lang)),
        _header(t("metric", lang), t("value", lang), t("target", lang), t("status", lang)),
    ]
    # Each policy's items stay on the Health tab: the Dashboard shows their total.
    for h in (h for h in health_rows(book) if h.metric not in POLICY_METRICS):
        style = Style.COUNT if h.count else Style.RATIO
        rows.append(
            [
                Cell(h.label),
                formula(f'=IF({h.value}="","",{h.value})', style),
                formula(f'=IF({h.target}="","",{h.target})', style),
                formula(f'=IF({h.status}="","",{h.status})'),
            ]
        )
    first, last = row + 2, row + len(rows) - 1
    rules: list[Rule] = []
    if last >= first:
        value, status = get_column_letter(col + 1), get_column_letter(col + 3)
        for ref in (f"{value}{first}:{value}{last}", f"{status}{first}:{status}{last}"):
            rules += book.colour_rules(ref, status, first)
    return Block(row, col, rows), rules


def movers(book: Book) -> pd.DataFrame:
    """ASINs by sales change against the comparison period: the largest up, then down."""
    m = book.i.review.measures.get(Scope.ASIN)
    if m is None or "sales" not in m or "sales_prev" not in m:
        return pd.DataFrame()
    frame = m[["sales", "sales_prev"]].dropna().copy()
    frame["change"] = frame["sales"] - frame["sales_prev"]
    up = frame[frame.change > 0].nlargest(MOVERS, "change")
    down = frame[frame.change < 0].nsmallest(MOVERS, "change")
    return pd.concat([up, down])


def top_movers(book: Book, row: int, col: int) -> Block:
    lang = book.lang
    review, before = book.i.review, book.i.previous
    catalogue = products(review, book.i.settings)
    money = book.number_format(Unit.MONEY)
    rows = [
        _heading(t("top_movers", lang)),
        _header(
            t("title", lang),
            t("asin", lang),
            KPIS["sales"].name_zh if lang == "zh" else KPIS["sales"].name_en,
            t("sales_change", lang),
            t("profit_change_short", lang),
        ),
    ]
    for asin, r in movers(book).iterrows():
        now = review.value("net_profit", Scope.ASIN, str(asin))
        was = before.value("net_profit", Scope.ASIN, str(asin)) if before else None
        p = catalogue.get(str(asin))
        rows.append(
            [
                text_cell(p.title if p else None),
                text_cell(asin),
                value_cell(r["sales"], Style.MONEY, money),
                value_cell(r["change"], Style.MONEY, signed(money)),
                value_cell(
                    now - was if now is not None and was is not None else None,
                    Style.MONEY,
                    signed(money),
                ),
            ]
        )
    return Block(row, col, rows)


def signed(fmt: str | None) -> str | None:
    """A number format that shows + before a rise (a change, not a level)."""
    return f"+{fmt};-{fmt};{fmt}" if fmt else None


def panels(book: Book, row: int, col: int) -> Panels:
    out = Panels()
    findings = top_findings(book, row, col)
    health, rules = health_panel(book, row + findings.height + 1, col)
    moved = top_movers(book, health.row + health.height + 1, col)
    out.blocks = [findings, health, moved]
    out.rules = rules
    out.bottom = moved.row + moved.height - 1
    return out
