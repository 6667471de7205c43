"""The Dashboard: KPI cards beside their comparison, trend charts, red items, overdue actions."""

from __future__ import annotations

import pandas as pd
from openpyxl.utils import get_column_letter

from ....addin.kpis import MONEY_BLOCK
from ....addin.registry import KPIS, Scope, Unit, all_kpis
from ...actions.model import COLUMNS as ACTION_COLUMNS
from ...engine.review import comparable
from ...i18n import status_label, t
from ..book import Book
from ..cells import UNIT_STYLE, formula, sheet_ref, value_cell
from ..measures import measure_formula
from ..objects import measure_label
from ..palette import NUMBER_FORMATS
from ..plan import Block, Cell, Chart, Rule, Sheet, Style
from .dashboard_panels import panels, signed
from .profit_trend import has_profit, profit_trend


def dashboard(book: Book) -> Sheet:
    i, lang = book.i, book.lang
    review = i.review
    account = review.measures.get(Scope.ACCOUNT, pd.DataFrame())
    prev = i.previous.measures.get(Scope.ACCOUNT) if i.previous else None
    notes = [
        f"{t('period', lang)}: {review.period}"
        + (f"   {t('compare', lang)}: {review.compare}" if review.compare else "")
    ]
    if i.provisional_from and review.period.end >= i.provisional_from:
        notes.append(
            t("provisional_note", lang, start=i.provisional_from.isoformat())
            + " "
            + t("provisional_legend", lang)
        )
    if review.estimate:
        notes.append(t("estimate_note", lang))
    blocks = [
        Block(
            1,
            1,
            [
                [Cell(t("review_title", lang), style=Style.TITLE)],
                *[[Cell(n, style=Style.NOTE)] for n in notes],
            ],
        ),
        Block(
            4,
            1,
            [
                [
                    Cell(t("period_days", lang), style=Style.HEADER),
                    Cell(review.period.days, style=Style.COUNT),
                ]
            ],
        ),
        Block(
            5,
            4,
            [
                [
                    Cell(t("overdue_actions", lang), style=Style.HEADER),
                    formula(overdue_formula(book), Style.COUNT),
                ]
            ],
        ),
    ]
    # Account measures, beside the cards: the cards' formulas read them. The money of the
    # period leads (MONEY_BLOCK), then every other KPI in the catalogue's order.
    kpis = [k for k in all_kpis() if Scope.ACCOUNT in k.scopes and book.has(k, Scope.ACCOUNT)]
    lead = {kpi: n for n, kpi in enumerate(MONEY_BLOCK)}
    kpis.sort(key=lambda k: lead.get(k.id, len(lead)))
    needed = list(dict.fromkeys(m for k in kpis for m in k.measures if m != "days"))
    mrow = 8
    mrefs: dict[str, str] = {"days": "$B$4"}
    prefs: dict[str, str] = {"days": "$B$4"}
    mblock = [
        [
            Cell(t("measure", lang), style=Style.HEADER),
            Cell(t("period", lang), style=Style.HEADER),
            Cell(t("compare", lang), style=Style.HEADER),
        ]
    ]
    for n, m in enumerate(needed):
        r = mrow + 1 + n
        mrefs[m] = f"$R${r}"
        prefs[m] = f"$S${r}"
        f = measure_formula(book, Scope.ACCOUNT, m, "")
        style, fmt = book.measure_style(m)
        target = book.target_formula(m)
        if target is not None:
            cell = formula(target, style, number_format=fmt)
        elif f is None:
            value = account.at["", m] if m in account and "" in account.index else 0
            cell = value_cell(value, style, fmt)
        else:
            cell = formula(f, style, number_format=fmt)
        pv = prev.at["", m] if prev is not None and m in prev and "" in prev.index else None
        mblock.append([Cell(measure_label(m, lang)), cell, value_cell(pv, style, fmt)])
    blocks.append(Block(mrow, 17, mblock))
    # KPI cards.
    cards = [
        [
            Cell(t(x, lang), style=Style.HEADER)
            for x in ("kpi", "period", "compare", "delta", "status")
        ]
    ]
    first = mrow + 1
    for n, k in enumerate(kpis):
        r = first + n
        now = book.kpi_formula(k, mrefs, Scope.ACCOUNT)
        was = (
            "=" + k.formula(lambda m: prefs[m])
            if prev is not None
            and comparable(k, review, i.previous)
            and all(m in prefs and (m in prev or m == "days") for m in k.measures)
            else None
        )
        fmt = book.number_format(k.unit)
        cards.append(
            [
                Cell(k.name_zh if lang == "zh" else k.name_en),
                book.kpi_cell(k, now),
                formula(was, UNIT_STYLE.get(k.unit), number_format=fmt) if was else Cell(None),
                change_cell(book, k.unit, r),
                formula(book.status_formula(f"B{r}", k.id)) if k.bands else Cell(None),
            ]
        )
    last = first + len(kpis) - 1
    blocks.append(Block(mrow, 1, cards))
    rules: list[Rule] = []
    if kpis:
        rules = book.colour_rules(f"B{first}:B{last}", "E", first) + book.colour_rules(
            f"E{first}:E{last}", "E", first
        )
        book.status_ranges.append(book.ref("dashboard", f"$E${first}:$E${last}"))
    side = panels(book, mrow, 7)
    blocks += side.blocks
    rules += side.rules
    charts = []
    trend = i.trend
    if not trend.empty:
        tr = last + 3
        rows = [
            [
                Cell(t("week", lang), style=Style.HEADER),
                Cell(
                    KPIS["sales"].name_en if lang == "en" else KPIS["sales"].name_zh,
                    style=Style.HEADER,
                ),
                Cell(KPIS["sessions"].name_zh if lang == "zh" else "Sessions", style=Style.HEADER),
                Cell("ACoS", style=Style.HEADER),
                Cell("TACoS", style=Style.HEADER),
            ]
        ]
        for w in trend.itertuples(index=False):
            rows.append(
                [
                    Cell(w.week),
                    value_cell(w.sales, Style.MONEY, book.number_format(Unit.MONEY)),
                    value_cell(w.sessions, Style.COUNT),
                    value_cell(w.acos, Style.RATIO),
                    value_cell(w.tacos, Style.RATIO),
                ]
            )
        blocks.append(Block(tr - 1, 1, [[Cell(t("trend", lang), style=Style.HEADER)]]))
        blocks.append(Block(tr, 1, rows))
        d = sheet_ref(book.titles["dashboard"])
        a, b = tr + 1, tr + len(trend)
        weeks = f"{d}!$A${a}:$A${b}"
        charts = [
            Chart(  # sales against sessions: two scales, so each has its own axis
                "bar",
                t("sales_sessions_chart", lang),
                f"G{side.bottom + 2}",
                weeks,
                ((f"{d}!$B${tr}", f"{d}!$B${a}:$B${b}"),),
                y_format=book.number_format(Unit.MONEY) or "General",
                secondary=((f"{d}!$C${tr}", f"{d}!$C${a}:$C${b}"),),
                y2_format="#,##0",
                from_zero=True,  # sales are never below 0
            ),
            Chart(
                "line",
                t("acos_tacos_chart", lang),
                f"G{side.bottom + 19}",
                weeks,
                (
                    (f"{d}!$D${tr}", f"{d}!$D${a}:$D${b}"),
                    (f"{d}!$E${tr}", f"{d}!$E${a}:$E${b}"),
                ),
                y_format="0%",
            ),
        ]
    bottom = max(last, (last + 3 + len(trend)) if not trend.empty else last, side.bottom + 36, 42)
    if has_profit(trend):  # below the sales trend, its chart below the ACoS chart
        profit = profit_trend(book, trend, last + 5 + len(trend), f"G{side.bottom + 36}")
        blocks += profit.blocks
        charts.append(profit.chart)
        bottom = max(bottom, profit.bottom, side.bottom + 53)
    return Sheet(
        "dashboard",
        book.titles["dashboard"],
        blocks,
        rules=rules,
        charts=charts,
        widths={
            "A": 30,
            "B": 16,
            "C": 16,
            "D": 16,
            "E": 10,
            "G": 40,
            "H": 30,
            "I": 20,
            "J": 13,
            "K": 16,
            "Q": 30,
            "R": 14,
            "S": 14,
        },
        folded=("Q:S",),
        tab_color="1F4E79",
        print_area=f"A1:O{bottom}",
    )


def change_cell(book: Book, unit: Unit, r: int) -> Cell:
    """This period less the comparison: a ratio's change in percentage points, anything
    else in its own unit, signed."""
    if unit is Unit.RATIO:
        pp = t("pp", book.lang)
        return formula(
            f'=IF(OR(B{r}="",C{r}=""),"",(B{r}-C{r})*100)',
            Style.MULTIPLE,
            number_format=f'+0.00" {pp}";-0.00" {pp}";0.00" {pp}"',
        )
    return formula(
        f'=IF(OR(B{r}="",C{r}=""),"",B{r}-C{r})',
        UNIT_STYLE.get(unit),
        number_format=signed(
            book.number_format(unit) or NUMBER_FORMATS.get(UNIT_STYLE[unit], "#,##0.00")
            if unit in UNIT_STYLE
            else "#,##0.00"
        ),
    )


def overdue_formula(book: Book) -> str:
    a = sheet_ref(book.titles["actions"])
    due = ACTION_COLUMNS.index("due") + 1
    st = ACTION_COLUMNS.index("status") + 1
    dl, sl = get_column_letter(due), get_column_letter(st)

    def rng(c: str) -> str:
        return f"{a}!${c}$5:${c}$5000"

    done, dropped = status_label("done", book.lang), status_label("dropped", book.lang)
    return (
        f'=COUNTIFS({rng(dl)},"<"&TODAY(),{rng(sl)},"<>{done}",{rng(sl)},"<>{dropped}",'
        f'{rng(sl)},"<>")'
    )


# Other tabs ---------------------------------------------------------------------------------
