"""The KPI tables: Sales by ASIN and Ads by campaign (with its ad groups)."""

from __future__ import annotations

from typing import Any

import pandas as pd
from openpyxl.utils import get_column_letter

from ....addin.registry import KPIS, Scope, Unit, all_kpis
from ...i18n import t
from ..book import Book, Key
from ..cells import formula, text_cell, value_cell
from ..copies import Copies
from ..inputs import FIRST
from ..measures import measure_sum
from ..objects import measure_label, products
from ..plan import Block, Cell, Rule, Sheet, Style
from .budget import budgets

# Stands for a row's number in a formula written once for every row (no formula holds it).
# Letters, as a row number is digits: a KPI's formula wraps a reference in parentheses by
# how it looks (addin/expr.py, _is_atom), so the stand-in must look like one.
ROW = "ZQROWQZ"


def kpi_table(book: Book, key: str, scope: Scope, measures: pd.DataFrame | None) -> Sheet:
    lang = book.lang
    measures = measures if measures is not None else pd.DataFrame()
    kpis = [k for k in all_kpis() if scope in k.scopes and book.has(k, scope)]
    needed = list(dict.fromkeys(m for k in kpis for m in k.measures if m != "days"))
    key_label = t("asin" if scope is Scope.ASIN else "campaign", lang)
    header = [key_label]
    if scope is Scope.ASIN:
        header += [t("title", lang), t("sku", lang), t("category", lang)]
    lead = len(header)
    # The KPIs first, then the notes, then the measures they are computed from (folded away:
    # the team reads KPIs and can still unfold the sums behind them).
    kcol: dict[str, str] = {}
    scol: dict[str, str] = {}
    target_col = ""
    for k in kpis:
        kcol[k.id] = get_column_letter(len(header) + 1)
        header.append(k.name_zh if lang == "zh" else k.name_en)
        if k.bands is not None:
            scol[k.id] = get_column_letter(len(header) + 1)
            header.append(t("status", lang))
        if k.id == "acos" and scope is Scope.CAMPAIGN:  # the target each row is judged by
            target_col = get_column_letter(len(header) + 1)
            header.append(t("target_acos", lang))
    # Net profit beside the comparison period's, and the change (Sales by ASIN).
    before = book.i.previous
    profit_cols: tuple[str, str] | None = None
    if scope is Scope.ASIN and "net_profit" in kcol and before is not None:
        profit_cols = (get_column_letter(len(header) + 1), get_column_letter(len(header) + 2))
        header += [t("profit_compare", lang), t("profit_change", lang)]
    spend = budgets(book.i.review.ads) if scope is Scope.CAMPAIGN else {}
    if spend:
        header += [t("daily_budget", lang), t("budget_use", lang)]
    note_col = get_column_letter(len(header) + 1)
    header.append(t("note", lang))
    mcol: dict[str, str] = {}
    for m in needed:
        mcol[m] = get_column_letter(len(header) + 1)
        header.append(measure_label(m, lang))
    rows: list[list[Cell]] = [[Cell(h, style=Style.HEADER) for h in header]]
    copies = Copies(book, FIRST - 2, len(header) + 1)
    notes = book.i.notes.get(key, {})
    uses_days = any("days" in k.measures for k in kpis)
    days = copies.of(book.ref("dashboard", "$B$4")) if uses_days else ""
    keys = ranked_keys(measures, "sales" if scope is Scope.ASIN else "ad_spend")
    catalogue = products(book.i.review, book.i.settings) if scope is Scope.ASIN else {}
    # A measure's value where no formula gives it, read by key (not a pandas lookup per cell).
    given = {m: dict(zip(measures.index, measures[m].array, strict=True)) for m in measures}
    # A KPI's formula and status differ from row to row only in the row number: each is
    # written once with ROW in its place (its copies of Settings cells then registered in
    # the order the rows first use them, as before).
    refs = {m: f"{mcol[m]}{ROW}" for m in needed} | {"days": days}
    texts = {k.id: book.kpi_formula(k, refs, scope) for k in kpis}
    kpi_cells = {k.id: book.kpi_cell(k, texts[k.id]) for k in kpis}
    statuses: dict[tuple[str, str], str] = {}
    sums = {m: measure_sum(book, scope, m) for m in needed}
    for n, k_value in enumerate(keys):
        r = FIRST + n
        at = str(r)
        key_cell = f"$A{r}"
        row: list[Cell] = [text_cell(k_value)]
        category = ""
        if scope is Scope.ASIN:
            category = book.i.settings.category_of(k_value)
            p = catalogue.get(str(k_value))
            row += [text_cell(p.title if p else None), text_cell(p.sku if p else None)]
            row.append(Cell(category))
        helpers: list[Cell] = []
        for m in needed:
            of = sums[m]
            f = None if of is None else of(key_cell, str(k_value))
            style, fmt = book.measure_style(m)
            target = book.target_formula(m, scope, str(k_value))
            if target is not None:
                helpers.append(formula(target, style, number_format=fmt))
            elif f is None:
                value = given[m][k_value] if m in given else 0
                helpers.append(value_cell(value, style, fmt))
            else:
                helpers.append(formula(f, style, number_format=fmt))
        for k in kpis:
            like = kpi_cells[k.id]
            row.append(
                Cell(
                    formula=texts[k.id].replace(ROW, at),
                    style=like.style,
                    provisional=like.provisional,
                    number_format=like.number_format,
                )
            )
            value = f"{kcol[k.id]}{r}"
            if k.id == "acos" and target_col:
                own = book.i.review.acos_targets.get(str(k_value))
                cat = own.category if own is not None else ""
                target = f"{target_col}{r}"
                row.append(formula(book.target_status_formula(value, target, cat)))
                row.append(formula("=" + book.acos_target(str(k_value)), Style.RATIO))
            elif k.id in scol:
                status = statuses.get((k.id, category))
                if status is None:
                    status = copies.status(f"{kcol[k.id]}{ROW}", k.id, category)
                    statuses[k.id, category] = status
                row.append(formula(status.replace(ROW, at)))
        if profit_cols is not None and before is not None:
            was = profit_cols[0]
            fmt = book.number_format(Unit.MONEY)
            now = f"{kcol['net_profit']}{r}"
            row += [
                value_cell(before.value("net_profit", scope, str(k_value)), Style.MONEY, fmt),
                formula(
                    f'=IF(OR({now}="",{was}{r}=""),"",{now}-{was}{r})',
                    Style.MONEY,
                    number_format=fmt,
                ),
            ]
        if spend:
            b = spend.get(str(k_value))
            row += [
                value_cell(b.daily if b else None, Style.MONEY, book.number_format(Unit.MONEY)),
                value_cell(b.use if b else None, Style.RATIO),
            ]
        row.append(Cell(notes.get(str(k_value)), style=Style.INPUT))
        rows.append(row + helpers)
    last = FIRST + len(keys) - 1
    rules: list[Rule] = []
    for k_id, s in scol.items():
        if keys:
            rules += book.colour_rules(f"{kcol[k_id]}{FIRST}:{kcol[k_id]}{last}", s, FIRST)
            book.status_ranges.append(book.ref(key, f"${s}${FIRST}:${s}${last}"))
    blocks = [
        book.title_rows(key, f"{t('period', lang)}: {book.i.review.period}"),
        Block(FIRST - 1, 1, rows),
    ]
    if copies:
        blocks.append(copies.block())
    if scope is Scope.CAMPAIGN:
        groups, group_rules = ad_groups(book, last + 3)
        blocks.append(groups)
        rules += group_rules
    widths = {"A": 28} | {c: 13 for c in [*kcol.values(), *mcol.values()]} | {note_col: 40}
    if target_col:
        widths[target_col] = 12
    if scope is Scope.ASIN:
        widths |= {"B": 34, "C": 12, "D": 11}
    folded = copies.folded(mcol[needed[0]] if needed else None)
    return Sheet(
        key,
        book.titles[key],
        blocks,
        rules=rules,
        widths=widths,
        freeze=f"{get_column_letter(lead + 1)}{FIRST}",
        folded=folded,
    )


def ranked_keys(measures: pd.DataFrame, by: str) -> list[Any]:
    """The table's keys, biggest first (sales for ASINs, ad spend for campaigns); keys
    without the measure last, in their own order."""
    if measures.empty:
        return []
    if by not in measures:
        return list(measures.index)
    order = measures[by].astype(float).fillna(float("-inf"))
    return list(order.sort_values(ascending=False, kind="stable").index)


def ad_groups(book: Book, start: int) -> tuple[Block, list[Rule]]:
    """Each ad group's sums, ACoS judged by its campaign's target, and CTR; with the rules
    that colour its ACoS."""
    lang = book.lang
    ads = book.i.review.ads
    groups = (
        ads[ads.counted & (ads.ad_group != "")][["campaign", "ad_group"]]
        .drop_duplicates()
        .sort_values(["campaign", "ad_group"])
    )
    header = [
        t("campaign", lang),
        t("ad_group", lang),
        measure_label("ad_spend", lang),
        measure_label("ad_sales", lang),
        measure_label("clicks", lang),
        measure_label("impressions", lang),
        "ACoS",
        t("status", lang),
        t("target_acos", lang),
        "CTR",
    ]
    rows = [[Cell(h, style=Style.HEADER) for h in header]]
    for n, (camp, group) in enumerate(groups.itertuples(index=False)):
        r = start + 1 + n
        # An ad group is judged by its campaign's target (the rules R1/R2 read the same one).
        own = book.i.review.acos_targets.get(str(camp))
        crit = [
            Key("campaign", f"$A{r}", str(camp)),
            Key("counted", "1", "1"),
            Key("ad_group", f"$B{r}", str(group)),
        ]
        rows.append(
            [
                text_cell(camp),
                text_cell(group),
                *[
                    formula(
                        book.sumifs("data_ads", c, crit),
                        st,
                        number_format=book.number_format(Unit.MONEY) if st is Style.MONEY else None,
                    )
                    for c, st in (
                        ("spend", Style.MONEY),
                        ("sales", Style.MONEY),
                        ("clicks", Style.COUNT),
                        ("impressions", Style.COUNT),
                    )
                ],
                formula(
                    "="
                    + KPIS["acos"].formula({"ad_spend": f"C{r}", "ad_sales": f"D{r}"}.__getitem__),
                    Style.RATIO,
                ),
                formula(
                    book.target_status_formula(
                        f"G{r}", f"I{r}", own.category if own is not None else ""
                    )
                ),
                formula("=" + book.acos_target(str(camp)), Style.RATIO),
                formula(
                    "="
                    + KPIS["ctr"].formula({"clicks": f"E{r}", "impressions": f"F{r}"}.__getitem__),
                    Style.RATIO,
                ),
            ]
        )
    first, last = start + 1, start + len(rows) - 1
    rules = book.colour_rules(f"G{first}:G{last}", "H", first) if len(rows) > 1 else []
    return Block(start, 1, rows), rules


# Dashboard --------------------------------------------------------------------------------
