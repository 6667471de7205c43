"""The KPI tables: Sales by ASIN and Ads by campaign (with its ad groups)."""

from __future__ import annotations

import pandas as pd
from openpyxl.utils import get_column_letter

from ....addin.registry import KPIS, Scope, Unit, all_kpis
from ...i18n import t
from ..book import Book, Key
from ..cells import formula, text_cell, value_cell
from ..inputs import FIRST
from ..measures import measure_formula
from ..plan import Block, Cell, Rule, Sheet, Style


def kpi_table(book: Book, key: str, scope: Scope, measures: pd.DataFrame | None) -> Sheet:
    lang = book.lang
    measures = measures if measures is not None else pd.DataFrame()
    kpis = [k for k in all_kpis() if scope in k.scopes and book.has(k, scope)]
    needed = list(dict.fromkeys(m for k in kpis for m in k.measures if m != "days"))
    key_label = t("asin" if scope is Scope.ASIN else "campaign", lang)
    header = [key_label]
    if scope is Scope.ASIN:
        header += [t("category", lang)]
    mcol: dict[str, str] = {}
    for m in needed:
        mcol[m] = get_column_letter(len(header) + 1)
        header.append(m)
    kcol: dict[str, str] = {}
    scol: dict[str, str] = {}
    for k in kpis:
        kcol[k.id] = get_column_letter(len(header) + 1)
        header.append(k.name_zh if lang == "zh" else k.name_en)
        if k.bands is not None:
            scol[k.id] = get_column_letter(len(header) + 1)
            header.append(t("status", lang))
    # Net profit beside the comparison period's, and the change (Sales by ASIN).
    before = book.i.previous
    profit_cols: tuple[str, str] | None = None
    if scope is Scope.ASIN and "net_profit" in kcol and before is not None:
        profit_cols = (get_column_letter(len(header) + 1), get_column_letter(len(header) + 2))
        header += [t("profit_compare", lang), t("profit_change", lang)]
    note_col = get_column_letter(len(header) + 1)
    header.append(t("note", lang))
    rows: list[list[Cell]] = [[Cell(h, style=Style.HEADER) for h in header]]
    notes = book.i.notes.get(key, {})
    days = book.ref("dashboard", "$B$4")
    keys = list(measures.index) if not measures.empty else []
    for n, k_value in enumerate(keys):
        r = FIRST + n
        key_cell = f"$A{r}"
        row: list[Cell] = [text_cell(k_value)]
        category = ""
        if scope is Scope.ASIN:
            category = book.i.settings.category_of(k_value)
            row.append(Cell(category))
        for m in needed:
            f = measure_formula(book, scope, m, key_cell, str(k_value))
            style, fmt = book.measure_style(m)
            target = book.target_formula(m, scope, str(k_value))
            if target is not None:
                row.append(formula(target, style, number_format=fmt))
            elif f is None:
                value = measures.at[k_value, m] if m in measures else 0
                row.append(value_cell(value, style, fmt))
            else:
                row.append(formula(f, style, number_format=fmt))
        for k in kpis:
            refs = {m: f"{mcol[m]}{r}" for m in needed} | {"days": days}
            row.append(book.kpi_cell(k, book.kpi_formula(k, refs, scope)))
            if k.id in scol:
                row.append(formula(book.status_formula(f"{kcol[k.id]}{r}", k.id, category)))
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
        row.append(Cell(notes.get(str(k_value)), style=Style.INPUT))
        rows.append(row)
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
    if scope is Scope.CAMPAIGN:
        blocks.append(ad_groups(book, last + 3))
    widths = {"A": 28} | {c: 13 for c in mcol.values()} | {note_col: 40}
    return Sheet(key, book.titles[key], blocks, rules=rules, widths=widths, freeze=f"B{FIRST}")


def ad_groups(book: Book, start: int) -> Block:
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
        "ad_spend",
        "ad_sales",
        "clicks",
        "impressions",
        "ACoS",
        "CTR",
    ]
    rows = [[Cell(h, style=Style.HEADER) for h in header]]
    for n, (camp, group) in enumerate(groups.itertuples(index=False)):
        r = start + 1 + n
        crit: list[tuple[str, str] | Key] = [
            ("counted", "1"),
            Key("campaign", f"$A{r}", str(camp)),
            ("ad_group", f"$B{r}"),
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
                    "="
                    + KPIS["ctr"].formula({"clicks": f"E{r}", "impressions": f"F{r}"}.__getitem__),
                    Style.RATIO,
                ),
            ]
        )
    return Block(start, 1, rows)


# Dashboard --------------------------------------------------------------------------------
