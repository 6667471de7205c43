"""Build the review workbook plan from a review, the store's rows, Settings and Actions.

KPI cells are formulas: measures are SUMIFS over the data tabs (the period's canonical rows),
and each KPI is its registry formula over the measure cells of its row. Status cells compare
a KPI with the thresholds in the Settings tab, so an edited threshold recolours at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd
from openpyxl.utils import get_column_letter

from ..addin.registry import KPIS, Kpi, Scope, Unit, all_kpis
from .actions.model import COLUMNS as ACTION_COLUMNS
from .actions.sheets import Tracker, tracker_sheets
from .cells import formula, plain, sheet_ref, text_cell, value_cell
from .engine import Review, _stock
from .findings import Finding
from .i18n import t
from .plan import Block, Cell, Chart, FrameBlock, Rule, Sheet, Style, Table, WorkbookPlan
from .rules import RULES, Suggestion
from .settings import Settings

UNIT_STYLE = {
    Unit.MONEY: Style.MONEY,
    Unit.COUNT: Style.COUNT,
    Unit.RATIO: Style.RATIO,
    Unit.MULTIPLE: Style.MULTIPLE,
    Unit.DAYS: Style.DAYS,
}
ADS_KPIS = frozenset(
    {
        "ad_spend",
        "ad_sales",
        "acos",
        "roas",
        "tacos",
        "ctr",
        "cpc",
        "ad_orders",
        "ad_cvr",
        "impressions",
        "clicks",
        "organic_share",
    }
)
# Every tab fupan owns, by stable key (titles are translated, see i18n.LABELS).
SHEET_KEYS = (
    "dashboard",
    "actions",
    "sales",
    "ads",
    "search_terms",
    "inventory",
    "health",
    "suggestions",
    "scorecard",
    "settings",
    "issues",
    "conflicts",
    "archive",
    "data_sales",
    "data_ads",
    "data_stock",
    "data_returns",
)
FIRST = 5  # first data row of the report tabs (title, note, blank, header above)


@dataclass
class Inputs:
    """Everything a plan is built from; gathered by sync_workbook from the store."""

    review: Review
    previous: Review | None
    settings: Settings
    sales_rows: pd.DataFrame  # business_asin rows of the period
    ads_rows: pd.DataFrame  # ads rows of the period with `counted`
    stock_rows: pd.DataFrame  # inventory rows at the review's snapshot, one per SKU
    planning_rows: pd.DataFrame
    returns_rows: pd.DataFrame
    health_rows: pd.DataFrame
    trend: pd.DataFrame  # week, sales, sessions, acos, tacos
    suggestions: list[Suggestion]
    tracker: Tracker
    findings: list[Finding]
    today: date
    notes: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet key -> key -> note
    extra_sheets: list[str] = field(default_factory=list)
    provisional_from: date | None = None
    every_kpi: bool = False  # the empty template shows every KPI, not only those with data


def status_words(lang: str) -> dict[str, str]:
    return {s: t(s, lang) for s in ("green", "yellow", "red")}


class _Builder:
    def __init__(self, inputs: Inputs) -> None:
        self.i = inputs
        self.lang = inputs.settings.language
        self.words = status_words(self.lang)
        self.titles = {k: t(k, self.lang) for k in SHEET_KEYS}
        self.threshold_rows: dict[tuple[str, str], int] = {}
        self.target_cells: dict[str, str] = {}
        self.product_rows: dict[str, int] = {}
        self.data_sizes: dict[str, int] = {}
        self.data_cols: dict[str, dict[str, str]] = {}
        self.status_ranges: list[str] = []

    # References -------------------------------------------------------------------------

    def ref(self, key: str, cell: str) -> str:
        return f"{sheet_ref(self.titles[key])}!{cell}"

    def data_range(self, tab: str, column: str) -> str:
        letter = self.data_cols[tab][column]
        last = max(self.data_sizes[tab] + 1, 2)
        return self.ref(tab, f"${letter}$2:${letter}${last}")

    def sumifs(self, tab: str, column: str, criteria: list[tuple[str, str]]) -> str:
        if not criteria:
            return f"SUM({self.data_range(tab, column)})"
        parts = [self.data_range(tab, column)]
        for col, crit in criteria:
            parts += [self.data_range(tab, col), crit]
        return f"SUMIFS({','.join(parts)})"

    def status_formula(self, value: str, kpi: str, category: str = "") -> str:
        row = self.threshold_rows.get((kpi, category)) or self.threshold_rows[(kpi, "")]
        s = sheet_ref(self.titles["settings"])
        gmin, gmax, ymin, ymax = (f"{s}!${c}${row}" for c in "DEFG")
        w = self.words

        def within(lo: str, hi: str) -> str:
            return f'AND(OR({lo}="",{value}>={lo}),OR({hi}="",{value}<={hi}))'

        return (
            f'=IF({value}="","",IF({within(gmin, gmax)},"{w["green"]}",'
            f'IF({within(ymin, ymax)},"{w["yellow"]}","{w["red"]}")))'
        )

    def colour_rules(self, ref: str, status_col: str, first_row: int) -> list[Rule]:
        """Fill a KPI range by the status cell of its row."""
        return [
            Rule(ref, f'${status_col}{first_row}="{self.words[c]}"', c)
            for c in ("green", "yellow", "red")
        ]

    # Tabs ---------------------------------------------------------------------------------

    def build(self) -> WorkbookPlan:
        settings = self.settings_sheet()  # first: everything else points at its rows
        data = self.data_sheets()
        sheets = [
            self.dashboard(),
            *tracker_sheets(self.i.tracker, self.lang, self.i.today)[:1],
            self.kpi_table("sales", Scope.ASIN, self.i.review.measures.get(Scope.ASIN)),
            self.kpi_table("ads", Scope.CAMPAIGN, self.i.review.measures.get(Scope.CAMPAIGN)),
            self.search_terms(),
            self.inventory(),
            self.health(),
            self.suggestions(),
            self.scorecard(),
            settings,
            self.issues(),
            *tracker_sheets(self.i.tracker, self.lang, self.i.today)[1:],
            *data,
        ]
        # Counted after the tables exist: the dashboard's red count reads every status column.
        dash = sheets[0]
        dash.blocks.append(
            Block(
                4,
                4,
                [
                    [
                        Cell(t("red_items", self.lang), style=Style.HEADER),
                        formula(self.red_count(), Style.COUNT),
                    ]
                ],
            )
        )
        return WorkbookPlan(sheets, self.lang, names={"period_days": self.ref("dashboard", "$B$4")})

    def red_count(self) -> str:
        parts = [f'COUNTIF({r},"{self.words["red"]}")' for r in self.status_ranges]
        return "=" + ("+".join(parts) if parts else "0")

    def title_rows(self, key: str, note: str) -> Block:
        return Block(
            1, 1, [[Cell(self.titles[key], style=Style.TITLE)], [Cell(note, style=Style.NOTE)]]
        )

    # Settings -------------------------------------------------------------------------------

    def settings_sheet(self) -> Sheet:
        s, lang = self.i.settings, self.lang
        rows: list[list[Cell]] = [
            [Cell(self.titles["settings"], style=Style.TITLE)],
            [],
            [
                Cell("#thresholds", style=Style.HEADER),
                Cell(t("thresholds", lang), style=Style.HEADER),
            ],
            [
                Cell(x, style=Style.HEADER)
                for x in (
                    "id",
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
            self.threshold_rows[(kpi_id, cat)] = len(rows) + 1
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
            ("target_acos", s.target_acos, Style.RATIO),
            ("default_lead_time", s.lead_time, Style.DAYS),
            ("review_cycle", s.review_cycle, Style.DAYS),
            ("formula_mode", s.formula_mode, Style.INPUT),
            ("language", s.language, Style.INPUT),
            ("shared_tracker", s.shared_tracker, Style.INPUT),
            ("workspace", s.workspace, Style.INPUT),
        ]
        for key, value, style in targets:
            self.target_cells[key] = f"{sheet_ref(self.titles['settings'])}!$C${len(rows) + 1}"
            value = _as_typed(s, "targets", (key, ""), "value", value)
            rows.append([Cell(key), Cell(t(key, lang)), Cell(value, style=style)])
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
                )
            ],
        ]
        for sku, p in sorted(s.products.items()):
            self.product_rows[sku] = len(rows) + 1
            rows.append(
                [
                    text_cell(sku),
                    text_cell(p.asin),
                    text_cell(p.title),
                    Cell(p.category, style=Style.INPUT),
                    Cell(
                        _as_typed(s, "products", (sku, ""), "lead_time", p.lead_time),
                        style=Style.INPUT,
                    ),
                    Cell(
                        _as_typed(s, "products", (sku, ""), "unit_cost", p.unit_cost),
                        style=Style.MONEY,
                    ),
                ]
            )
        return Sheet(
            "settings",
            self.titles["settings"],
            [Block(1, 1, rows)],
            widths={"A": 22, "B": 30, "C": 24, "D": 12, "E": 12, "F": 12, "G": 12, "H": 40},
            tab_color="808080",
        )

    # Data tabs ------------------------------------------------------------------------------

    def data_sheets(self) -> list[Sheet]:
        i = self.i
        stock = i.stock_rows
        aged = i.planning_rows.assign(
            aged_90=i.planning_rows[["age_91_180", "age_181_270", "age_271_365", "age_365_plus"]]
            .fillna(0)
            .sum(axis=1)
        )[["sku", "aged_90", "available"]].rename(columns={"available": "aged_base"})
        stock = (
            stock[["sku", "asin", "snapshot_date", "source", "available", "inbound"]]
            .merge(aged, on="sku", how="outer")
            .fillna(
                {
                    "available": 0,
                    "inbound": 0,
                    "aged_90": 0,
                    "aged_base": 0,
                    "asin": "",
                    "source": "",
                }
            )
        )
        if not i.planning_rows.empty:
            missing = stock.asin == ""
            lookup = dict(zip(i.planning_rows.sku, i.planning_rows.asin, strict=False))
            stock.loc[missing, "asin"] = stock.loc[missing, "sku"].map(lookup)
        frames = {
            "data_sales": sales_by_key(i.sales_rows),
            "data_ads": ads_by_key(i.ads_rows),  # columns in the order the tab shows them
            "data_stock": stock,
            "data_returns": i.returns_rows[["return_date", "asin", "sku", "quantity", "reason"]],
        }
        self.stock_frame = stock
        sheets = []
        for key, frame in frames.items():
            frame = frame.reset_index(drop=True)
            self.data_sizes[key] = len(frame)
            self.data_cols[key] = {c: get_column_letter(n + 1) for n, c in enumerate(frame.columns)}
            last = get_column_letter(len(frame.columns))
            tables = (
                [Table(key, f"A1:{last}{len(frame) + 1}", tuple(map(str, frame.columns)))]
                if len(frame)
                else []
            )
            sheets.append(
                Sheet(
                    key,
                    self.titles[key],
                    [FrameBlock(frame)],
                    tables=tables,
                    freeze="A2",
                    tab_color="C0C0C0",
                )
            )
        return sheets

    # Measures and KPI tables -----------------------------------------------------------------

    def measure_formula(self, scope: Scope, measure: str, key_cell: str) -> str | None:
        """A SUMIFS giving one measure for one key, or None when it is not from data rows."""
        by_key = {
            Scope.ASIN: {
                "data_sales": "child_asin",
                "data_ads": "asin",
                "data_stock": "asin",
                "data_returns": "asin",
            },
            Scope.CAMPAIGN: {"data_ads": "campaign"},
            Scope.ACCOUNT: {},
        }[scope]

        def crit(tab: str) -> list[tuple[str, str]]:
            return [(by_key[tab], key_cell)] if tab in by_key else []

        sales_source = "data_sales" if self.data_sizes["data_sales"] else None
        if measure in ("sales", "units", "sessions", "page_views", "buy_box_views"):
            if sales_source is None:
                return None
            return self.sumifs("data_sales", measure, crit("data_sales"))
        ad_col = {
            "ad_spend": "spend",
            "ad_sales": "sales",
            "impressions": "impressions",
            "clicks": "clicks",
            "ad_orders": "orders",
        }.get(measure)
        if ad_col:
            if scope is Scope.ASIN:
                return self.sumifs(
                    "data_ads",
                    ad_col,
                    [("ad_type", '"SP"'), ("grain", '"advertised_product"'), *crit("data_ads")],
                )
            return self.sumifs("data_ads", ad_col, [("counted", "1"), *crit("data_ads")])
        if measure == "returned_units":
            return self.sumifs("data_returns", "quantity", crit("data_returns"))
        col = {
            "available_units": "available",
            "aged_90_units": "aged_90",
            "aged_base_units": "aged_base",
        }.get(measure)
        if col:
            return self.sumifs("data_stock", col, crit("data_stock"))
        return None

    def kpi_table(self, key: str, scope: Scope, measures: pd.DataFrame | None) -> Sheet:
        lang = self.lang
        measures = measures if measures is not None else pd.DataFrame()
        kpis = [k for k in all_kpis() if scope in k.scopes and self._has(k, scope)]
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
        note_col = get_column_letter(len(header) + 1)
        header.append(t("note", lang))
        rows: list[list[Cell]] = [[Cell(h, style=Style.HEADER) for h in header]]
        notes = self.i.notes.get(key, {})
        days = self.ref("dashboard", "$B$4")
        keys = list(measures.index) if not measures.empty else []
        for n, k_value in enumerate(keys):
            r = FIRST + n
            key_cell = f"$A{r}"
            row: list[Cell] = [text_cell(k_value)]
            category = ""
            if scope is Scope.ASIN:
                category = self.i.settings.category_of(k_value)
                row.append(Cell(category))
            for m in needed:
                f = self.measure_formula(scope, m, key_cell)
                if f is None:
                    row.append(
                        value_cell(measures.at[k_value, m] if m in measures else 0, Style.COUNT)
                    )
                else:
                    row.append(formula(f, Style.COUNT))
            for k in kpis:
                refs = {m: f"{mcol[m]}{r}" for m in needed} | {"days": days}
                row.append(
                    formula(
                        self.kpi_formula(k, refs, scope),
                        UNIT_STYLE.get(k.unit),
                        provisional=self._provisional(k),
                    )
                )
                if k.id in scol:
                    row.append(formula(self.status_formula(f"{kcol[k.id]}{r}", k.id, category)))
            row.append(Cell(notes.get(str(k_value)), style=Style.INPUT))
            rows.append(row)
        last = FIRST + len(keys) - 1
        rules: list[Rule] = []
        for k_id, s in scol.items():
            if keys:
                rules += self.colour_rules(f"{kcol[k_id]}{FIRST}:{kcol[k_id]}{last}", s, FIRST)
                self.status_ranges.append(self.ref(key, f"${s}${FIRST}:${s}${last}"))
        blocks = [
            self.title_rows(key, f"{t('period', lang)}: {self.i.review.period}"),
            Block(FIRST - 1, 1, rows),
        ]
        if scope is Scope.CAMPAIGN:
            blocks.append(self.ad_groups(last + 3))
        widths = {"A": 28} | {c: 13 for c in mcol.values()} | {note_col: 40}
        return Sheet(key, self.titles[key], blocks, rules=rules, widths=widths, freeze=f"B{FIRST}")

    def _has(self, kpi: Kpi, scope: Scope) -> bool:
        if self.i.every_kpi:
            return True
        return bool(
            ((self.i.review.kpis.kpi == kpi.id) & (self.i.review.kpis.scope == scope.value)).any()
        )

    def _provisional(self, kpi: Kpi) -> bool:
        p = self.i.provisional_from
        return kpi.id in ADS_KPIS and p is not None and self.i.review.period.end >= p

    def kpi_formula(self, k: Kpi, refs: dict[str, str], scope: Scope) -> str:
        if self.i.settings.formula_mode == "udf" and len(k.measures) > 1:
            args = ",".join(refs[m] for m in k.measures)
            return f"=AMZ_{k.id.upper()}({args})"
        return "=" + k.formula(lambda m: refs[m])

    def ad_groups(self, start: int) -> Block:
        lang = self.lang
        ads = self.i.ads_rows
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
            crit = [("counted", "1"), ("campaign", f"$A{r}"), ("ad_group", f"$B{r}")]
            rows.append(
                [
                    text_cell(camp),
                    text_cell(group),
                    *[
                        formula(self.sumifs("data_ads", c, crit), st)
                        for c, st in (
                            ("spend", Style.MONEY),
                            ("sales", Style.MONEY),
                            ("clicks", Style.COUNT),
                            ("impressions", Style.COUNT),
                        )
                    ],
                    formula(
                        "="
                        + KPIS["acos"].formula(
                            lambda m, r=r: {"ad_spend": f"C{r}", "ad_sales": f"D{r}"}[m]
                        ),
                        Style.RATIO,
                    ),
                    formula(
                        "="
                        + KPIS["ctr"].formula(
                            lambda m, r=r: {"clicks": f"E{r}", "impressions": f"F{r}"}[m]
                        ),
                        Style.RATIO,
                    ),
                ]
            )
        return Block(start, 1, rows)

    # Dashboard --------------------------------------------------------------------------------

    def dashboard(self) -> Sheet:
        i, lang = self.i, self.lang
        review = i.review
        account = review.measures.get(Scope.ACCOUNT, pd.DataFrame())
        prev = i.previous.measures.get(Scope.ACCOUNT) if i.previous else None
        notes = [
            f"{t('period', lang)}: {review.period}"
            + (f"   {t('compare', lang)}: {review.compare}" if review.compare else "")
        ]
        if i.provisional_from and review.period.end >= i.provisional_from:
            notes.append(t("provisional_note", lang, start=i.provisional_from.isoformat()))
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
                        Cell(t("period", lang) + " (days)", style=Style.HEADER),
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
                        formula(self.overdue_formula(), Style.COUNT),
                    ]
                ],
            ),
        ]
        # Account measures, beside the cards: the cards' formulas read them.
        kpis = [k for k in all_kpis() if Scope.ACCOUNT in k.scopes and self._has(k, Scope.ACCOUNT)]
        needed = list(dict.fromkeys(m for k in kpis for m in k.measures if m != "days"))
        mrow = 8
        mrefs: dict[str, str] = {"days": "$B$4"}
        prefs: dict[str, str] = {"days": "$B$4"}
        mblock = [
            [
                Cell("measure", style=Style.HEADER),
                Cell(t("period", lang), style=Style.HEADER),
                Cell(t("compare", lang), style=Style.HEADER),
            ]
        ]
        for n, m in enumerate(needed):
            r = mrow + 1 + n
            mrefs[m] = f"$R${r}"
            prefs[m] = f"$S${r}"
            f = self.measure_formula(Scope.ACCOUNT, m, "")
            if m == "sales_target":
                cell = formula(
                    "=" + self.target_cells["sales_target"].replace("!", "!", 1), Style.MONEY
                )
            elif f is None:
                cell = value_cell(account.at["", m] if m in account else 0, Style.COUNT)
            else:
                cell = formula(f, Style.COUNT)
            pv = prev.at["", m] if prev is not None and m in prev and "" in prev.index else None
            mblock.append([Cell(m), cell, value_cell(pv, Style.COUNT)])
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
            now = self.kpi_formula(k, mrefs, Scope.ACCOUNT)
            comparable = (
                prev is not None
                and all(m in prefs and (m in prev or m == "days") for m in k.measures)
                and not any(m.endswith("_prev") or m == "sales_target" for m in k.measures)
            )
            was = ("=" + k.formula(lambda m: prefs[m])) if comparable else None
            cards.append(
                [
                    Cell(k.name_zh if lang == "zh" else k.name_en),
                    formula(now, UNIT_STYLE.get(k.unit), provisional=self._provisional(k)),
                    formula(was, UNIT_STYLE.get(k.unit)) if was else Cell(None),
                    formula(f'=IF(OR(B{r}="",C{r}=""),"",B{r}-C{r})', UNIT_STYLE.get(k.unit)),
                    formula(self.status_formula(f"B{r}", k.id)) if k.bands else Cell(None),
                ]
            )
        last = first + len(kpis) - 1
        blocks.append(Block(mrow, 1, cards))
        rules: list[Rule] = []
        if kpis:
            rules = self.colour_rules(f"B{first}:B{last}", "E", first) + self.colour_rules(
                f"E{first}:E{last}", "E", first
            )
            self.status_ranges.append(self.ref("dashboard", f"$E${first}:$E${last}"))
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
                    Cell(
                        KPIS["sessions"].name_zh if lang == "zh" else "Sessions", style=Style.HEADER
                    ),
                    Cell("ACoS", style=Style.HEADER),
                    Cell("TACoS", style=Style.HEADER),
                ]
            ]
            for w in trend.itertuples(index=False):
                rows.append(
                    [
                        Cell(w.week),
                        value_cell(w.sales, Style.MONEY),
                        value_cell(w.sessions, Style.COUNT),
                        value_cell(w.acos, Style.RATIO),
                        value_cell(w.tacos, Style.RATIO),
                    ]
                )
            blocks.append(Block(tr - 1, 1, [[Cell(t("trend", lang), style=Style.HEADER)]]))
            blocks.append(Block(tr, 1, rows))
            d = sheet_ref(self.titles["dashboard"])
            a, b = tr + 1, tr + len(trend)
            charts = [
                Chart(
                    "bar",
                    t("sales_sessions_chart", lang),
                    "G8",
                    f"{d}!$A${a}:$A${b}",
                    (
                        (f"{d}!$B${tr}", f"{d}!$B${a}:$B${b}"),
                        (f"{d}!$C${tr}", f"{d}!$C${a}:$C${b}"),
                    ),
                ),
                Chart(
                    "line",
                    t("acos_tacos_chart", lang),
                    "G25",
                    f"{d}!$A${a}:$A${b}",
                    (
                        (f"{d}!$D${tr}", f"{d}!$D${a}:$D${b}"),
                        (f"{d}!$E${tr}", f"{d}!$E${a}:$E${b}"),
                    ),
                    y_format="0%",
                ),
            ]
        bottom = max(last, (last + 3 + len(trend)) if not trend.empty else last, 42)
        return Sheet(
            "dashboard",
            self.titles["dashboard"],
            blocks,
            rules=rules,
            charts=charts,
            widths={"A": 30, "B": 16, "C": 16, "D": 16, "E": 10, "Q": 18, "R": 14, "S": 14},
            tab_color="1F4E79",
            print_area=f"A1:O{bottom}",
        )

    def overdue_formula(self) -> str:
        a = sheet_ref(self.titles["actions"])
        due = ACTION_COLUMNS.index("due") + 1
        st = ACTION_COLUMNS.index("status") + 1
        dl, sl = get_column_letter(due), get_column_letter(st)
        rng = lambda c: f"{a}!${c}$5:${c}$5000"  # noqa: E731
        return (
            f'=COUNTIFS({rng(dl)},"<"&TODAY(),{rng(sl)},"<>done",{rng(sl)},"<>dropped",'
            f'{rng(sl)},"<>")'
        )

    # Other tabs ---------------------------------------------------------------------------------

    def search_terms(self) -> Sheet:
        lang = self.lang
        ads = self.i.ads_rows
        st = ads[ads.grain == "search_term"]
        g = (
            st.groupby(["campaign", "ad_group", "match_type", "search_term"], sort=False)[
                ["impressions", "clicks", "spend", "sales", "orders"]
            ]
            .sum()
            .reset_index()
            .sort_values("spend", ascending=False)
        )
        header = [
            t("campaign", lang),
            t("ad_group", lang),
            "match",
            t("search_term", lang),
            "impressions",
            "clicks",
            "spend",
            "sales",
            "orders",
            "CTR",
            "ACoS",
            "CVR",
            t("candidate", lang),
        ]
        rows = [[Cell(h, style=Style.HEADER) for h in header]]
        target = self.target_cells["target_acos"]
        neg, harvest = t("negative", lang), t("harvest", lang)
        for n, r in enumerate(g.itertuples(index=False)):
            x = FIRST + n
            rows.append(
                [
                    text_cell(r.campaign),
                    text_cell(r.ad_group),
                    text_cell(r.match_type),
                    text_cell(r.search_term),
                    value_cell(r.impressions, Style.COUNT),
                    value_cell(r.clicks, Style.COUNT),
                    value_cell(r.spend, Style.MONEY),
                    value_cell(r.sales, Style.MONEY),
                    value_cell(r.orders, Style.COUNT),
                    formula(f'=IF(E{x}=0,"",F{x}/E{x})', Style.RATIO),
                    formula(f'=IF(H{x}=0,"",G{x}/H{x})', Style.RATIO),
                    formula(f'=IF(F{x}=0,"",I{x}/F{x})', Style.RATIO),
                    formula(
                        f'=IF(AND(F{x}>=10,I{x}=0),"{neg}",IF(AND(I{x}>=2,K{x}<>"",'
                        f'K{x}<={target},C{x}<>"EXACT"),"{harvest}",""))'
                    ),
                ]
            )
        return Sheet(
            "search_terms",
            self.titles["search_terms"],
            [
                self.title_rows(
                    "search_terms", f"R4 / {t('period', lang)}: {self.i.review.period}"
                ),
                Block(FIRST - 1, 1, rows),
            ],
            freeze=f"E{FIRST}",
            widths={"A": 28, "B": 18, "D": 34, "M": 20},
        )

    def inventory(self) -> Sheet:
        lang = self.lang
        stock = self.stock_frame
        header = [
            t("sku", lang),
            t("asin", lang),
            "available",
            t("inbound", lang),
            t("daily_units", lang),
            t("lead_time", lang),
            t("safety_stock", lang),
            t("reorder_point", lang),
            t("restock_qty", lang),
            KPIS["days_of_cover"].name_zh if lang == "zh" else "Days of cover",
            KPIS["aged_90_share"].name_zh if lang == "zh" else "Aged > 90 days",
            KPIS["inventory_turnover"].name_zh if lang == "zh" else "Turnover",
        ]
        rows = [[Cell(h, style=Style.HEADER) for h in header]]
        days = self.ref("dashboard", "$B$4")
        cycle = self.target_cells["review_cycle"]
        default_lead = self.target_cells["default_lead_time"]
        settings = sheet_ref(self.titles["settings"])
        for n, r in enumerate(stock.itertuples(index=False)):
            x = FIRST + n
            crit = [("sku", f"$A{x}")]
            prow = self.product_rows.get(r.sku)
            lead = (
                f'=IF({settings}!$E${prow}="",{default_lead},{settings}!$E${prow})'
                if prow
                else f"={default_lead}"
            )
            units = self.sumifs("data_sales", "units", crit)
            rows.append(
                [
                    text_cell(r.sku),
                    text_cell(r.asin),
                    formula(self.sumifs("data_stock", "available", crit), Style.COUNT),
                    formula(self.sumifs("data_stock", "inbound", crit), Style.COUNT),
                    formula(f"={units}/{days}", Style.MULTIPLE),
                    formula(lead, Style.DAYS),
                    formula(f"=ROUNDUP(E{x}*F{x}*1.5,0)", Style.COUNT),
                    formula(f"=ROUNDUP(E{x}*F{x}+G{x},0)", Style.COUNT),
                    formula(f"=MAX(0,ROUNDUP(H{x}+E{x}*{cycle}-C{x}-D{x},0))", Style.COUNT),
                    formula(f'=IF(E{x}=0,"",C{x}/E{x})', Style.DAYS),
                    formula(
                        f'=IF({self.sumifs("data_stock", "aged_base", crit)}=0,"",'
                        f"{self.sumifs('data_stock', 'aged_90', crit)}/"
                        f"{self.sumifs('data_stock', 'aged_base', crit)})",
                        Style.RATIO,
                    ),
                    formula(f'=IF(C{x}=0,"",E{x}*365/C{x})', Style.MULTIPLE),
                ]
            )
        last = FIRST + len(stock) - 1
        rules = []
        if len(stock):
            lead_rule = Rule(f"J{FIRST}:J{last}", f'AND(J{FIRST}<>"",J{FIRST}<F{FIRST})', "red")
            rules = [lead_rule]
        return Sheet(
            "inventory",
            self.titles["inventory"],
            [self.title_rows("inventory", "R9 / R10 / R11"), Block(FIRST - 1, 1, rows)],
            rules=rules,
            freeze=f"C{FIRST}",
            widths={"A": 20, "B": 14},
        )

    def health(self) -> Sheet:
        lang = self.lang
        h = self.i.health_rows
        rows = [
            [
                Cell(x, style=Style.HEADER)
                for x in (
                    t("metric", lang),
                    t("value", lang),
                    t("target", lang),
                    "Amazon",
                    t("window", lang),
                )
            ]
        ]
        for r in h.itertuples(index=False):
            rows.append(
                [
                    Cell(r.metric),
                    value_cell(r.rate, Style.RATIO),
                    value_cell(r.target, Style.RATIO),
                    Cell(r.status),
                    Cell(f"{plain(r.period_start)}..{plain(r.period_end)}"),
                ]
            )
        return Sheet(
            "health",
            self.titles["health"],
            [self.title_rows("health", "R16"), Block(FIRST - 1, 1, rows)],
            widths={"A": 28, "E": 26},
        )

    def suggestions(self) -> Sheet:
        lang = self.lang
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
        for s in self.i.suggestions:
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
        fired = {s.rule for s in self.i.suggestions}
        idle = [
            f"{r.id}: {r.trigger}" + (f" (needs {r.needs})" if r.needs else "")
            for r in RULES
            if r.id not in fired
        ]
        return Sheet(
            "suggestions",
            self.titles["suggestions"],
            [self.title_rows("suggestions", "; ".join(idle)), Block(FIRST - 1, 1, rows)],
            widths={"A": 6, "C": 40, "G": 50},
        )

    def scorecard(self) -> Sheet:
        lang = self.lang
        a = sheet_ref(self.titles["actions"])
        col = {
            c: get_column_letter(ACTION_COLUMNS.index(c) + 1) for c in ("meeting", "due", "status")
        }
        rng = {c: f"{a}!${v}$5:${v}$5000" for c, v in col.items()}
        meetings = sorted({x.meeting for x in self.i.tracker.side.rows.values() if x.meeting})
        rows = [
            [
                Cell(x, style=Style.HEADER)
                for x in (
                    t("meeting", lang),
                    t("actions_due", lang),
                    t("actions_done", lang),
                    t("closure_rate", lang),
                    t("minutes_sent", lang),
                )
            ]
        ]
        for n, m in enumerate(meetings):
            x = FIRST + n
            due = f'COUNTIFS({rng["meeting"]},A{x},{rng["due"]},"<="&TODAY())'
            done = (
                f'COUNTIFS({rng["meeting"]},A{x},{rng["due"]},"<="&TODAY(),{rng["status"]},"done")'
            )
            rows.append(
                [
                    Cell(m, style=Style.DATE),
                    formula(f"={due}", Style.COUNT),
                    formula(f"={done}", Style.COUNT),
                    formula(f'=IF(B{x}=0,"",C{x}/B{x})', Style.RATIO),
                    Cell(None, style=Style.INPUT),
                ]
            )
        return Sheet(
            "scorecard",
            self.titles["scorecard"],
            [self.title_rows("scorecard", "000: 41 % → 76 %"), Block(FIRST - 1, 1, rows)],
            widths={"A": 14, "B": 14, "C": 16, "D": 30, "E": 26},
        )

    def issues(self) -> Sheet:
        lang = self.lang
        rows = [
            [
                Cell(x, style=Style.HEADER)
                for x in (
                    t("severity", lang),
                    t("file", lang),
                    t("row", lang),
                    t("column", lang),
                    t("message", lang),
                )
            ]
        ]
        for f in self.i.findings:
            rows.append(
                [
                    Cell(str(f.severity)),
                    text_cell(f.file),
                    Cell(f.row),
                    text_cell(f.column),
                    text_cell(f.message),
                ]
            )
        note = "" if self.i.findings else t("no_issues", lang)
        return Sheet(
            "issues",
            self.titles["issues"],
            [self.title_rows("issues", note), Block(FIRST - 1, 1, rows)],
            widths={"B": 36, "E": 90},
        )


def _as_typed(s: Settings, section: str, key: tuple[str, str], name: str, value: Any) -> Any:
    """A Settings cell the team typed and fupan could not read is written back as typed."""
    typed = s.typed(section, key, name)
    return value if typed is None else typed


AD_KEYS = [
    "ad_type",
    "grain",
    "counted",
    "campaign",
    "ad_group",
    "targeting",
    "match_type",
    "search_term",
    "asin",
    "sku",
]
AD_SUMS = ["impressions", "clicks", "spend", "sales", "orders", "units"]


def over_period(
    rows: pd.DataFrame,
    keys: list[str],
    sums: list[str],
    span: tuple[str, str],
    columns: list[str],
    last: tuple[str, ...] = (),
) -> pd.DataFrame:
    """One row per key over the whole period: sums added, first and last day kept.

    The review's formulas sum the period, never a single day or week, so daily rows would
    only make the data tabs bigger: a 90-day search-term report is 90x the rows and would not
    fit a Google Sheet (10 million cells), while the sums stay exactly the same. `last`
    columns keep the key's latest value (a product title that changed).
    """
    if rows.empty:
        return rows[columns]
    blanks = rows[keys].fillna("")
    grouped = rows.assign(**{k: blanks[k] for k in keys}).groupby(keys, sort=False)
    out = grouped[sums].sum(min_count=1)
    for col in last:
        out[col] = grouped[col].last()
    out[span[0]] = grouped[span[0]].min()
    out[span[1]] = grouped[span[1]].max()
    return out.reset_index()[columns]


def ads_by_key(ads: pd.DataFrame) -> pd.DataFrame:
    columns = ["ad_type", "grain", "counted", "start_date", "end_date", *AD_KEYS[3:], *AD_SUMS]
    ads = ads.assign(counted=ads["counted"].astype(int))
    return over_period(ads, AD_KEYS, AD_SUMS, ("start_date", "end_date"), columns)


SALES_KEYS = ["child_asin", "parent_asin", "sku"]
SALES_SUMS = ["sales", "units", "sessions", "page_views", "buy_box_views"]


def sales_by_key(sales: pd.DataFrame) -> pd.DataFrame:
    columns = [*SALES_KEYS, "title", *SALES_SUMS, "period_start", "period_end"]
    span = ("period_start", "period_end")
    return over_period(sales, SALES_KEYS, SALES_SUMS, span, columns, last=("title",))


def build_plan(inputs: Inputs) -> WorkbookPlan:
    """The whole review workbook as a plan (pure: reads nothing, writes nothing)."""
    return _Builder(inputs).build()


def stock_rows(inventory: pd.DataFrame, review: Review) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stock rows the engine counted: one per SKU, and the planning rows for ages."""
    stock, planning = _stock(inventory, review.period)
    cols = list(inventory.columns)
    return stock[cols].reset_index(drop=True), planning[cols].reset_index(drop=True)
