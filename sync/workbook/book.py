"""What every tab needs to know of the others: titles, where Settings and data rows are.

A Book is made once the Settings tab and the data tabs are laid out (their layouts are
arguments, so nothing depends on the order methods happen to run in); tabs then write
formulas that point at those rows, and register their status ranges for the red count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from ...addin.ad_targets import DEFAULT_MARGIN
from ...addin.registry import Kpi, Scope, Unit
from .. import marketplaces
from ..engine.pacing import month_share
from ..i18n import t
from .cells import UNIT_STYLE, formula, sheet_ref
from .inputs import ADS_KPIS, MONEY_MEASURES, SHEET_KEYS, Inputs
from .plan import Block, Cell, Rule, Style


@dataclass(frozen=True)
class SettingsLayout:
    threshold_rows: dict[tuple[str, str], int]  # (kpi, category) -> row
    target_cells: dict[str, str]  # target key -> absolute reference
    product_rows: dict[str, int]  # sku -> row (its first row)
    asin_target_rows: dict[str, int] = field(default_factory=dict)  # asin -> row
    acos_target_rows: dict[tuple[str, str], int] = field(default_factory=dict)  # (type, cat)


@dataclass(frozen=True)
class DataLayout:
    sizes: dict[str, int]  # data tab -> rows
    columns: dict[str, dict[str, str]]  # data tab -> column name -> letter
    frames: Mapping[str, pd.DataFrame] = field(default_factory=dict)  # data tab -> its rows

    def runs(self, tab: str, column: str) -> dict[str, list[tuple[int, int]]]:
        """Each value of a data tab's column -> its runs of adjacent rows (sheet rows)."""
        values = self.frames[tab][column].fillna("").astype(str).to_numpy()
        if not len(values):
            return {}
        starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
        ends = np.r_[starts[1:], len(values)] - 1
        out: dict[str, list[tuple[int, int]]] = {}
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
            out.setdefault(str(values[a]), []).append((a + 2, b + 2))  # row 1: the header
        return out

    def rows_of(
        self, columns: tuple[str, ...], tab: str
    ) -> dict[tuple[str, ...], list[tuple[int, int]]]:
        """Each combination of values of a data tab's columns -> its runs of sheet rows."""
        frame = self.frames[tab]
        if not len(frame):
            return {}
        text = pd.DataFrame({n: cell_text(frame[c]) for n, c in enumerate(columns)})
        # The rows in order of their combination, then of position: a run starts where the
        # combination changes or a row is not the one after the last (all at once, not per
        # combination: a catalogue has thousands).
        codes = text.groupby(list(text.columns), sort=False).ngroup().to_numpy()
        at = np.argsort(codes, kind="stable")
        code = codes[at]
        starts = np.flatnonzero(np.r_[True, (code[1:] != code[:-1]) | (at[1:] != at[:-1] + 1)])
        ends = np.r_[starts[1:], len(at)] - 1
        keys = text.to_numpy()[at[starts]].tolist()
        out: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for key, a, b in zip(keys, at[starts].tolist(), at[ends].tolist(), strict=True):
            out.setdefault(tuple(map(str, key)), []).append((a + 2, b + 2))  # row 1: the header
        return out


def cell_text(column: pd.Series) -> pd.Series:
    """A data column as the text a Key's value is compared with (flags as 1/0, blank "")."""
    if column.dtype == bool:
        column = column.astype(int)
    return column.astype(object).where(column.notna(), "").astype(str)


class Key(NamedTuple):
    """An equality criterion whose value is known when the formula is written: `cell` (a
    report cell holding `value`, or a literal) is the SUMIFS criterion; `value` is the data
    tab's text for it. With known values the formula references the matching rows directly
    (see Book.sumifs)."""

    column: str
    cell: str
    value: str


# More separate runs of matching rows than this (a campaign's counted rows interleaved with
# its other grains): a SUMIFS over the runs of the first Key's rows instead, and more runs of
# those than this (an ASIN advertised in many campaigns): one SUMIFS over the whole tab.
MAX_RUNS = 8


def status_words(lang: str) -> dict[str, str]:
    return {s: t(s, lang) for s in ("green", "yellow", "red")}


def titles_of(lang: str) -> dict[str, str]:
    return {k: t(k, lang) for k in SHEET_KEYS}


@dataclass
class Book:
    i: Inputs
    settings: SettingsLayout
    data: DataLayout
    status_ranges: list[str] = field(default_factory=list)  # every status column, for counts
    _runs: dict[tuple[str, str], dict[str, list[tuple[int, int]]]] = field(
        default_factory=dict, init=False, repr=False
    )
    _rows: dict[tuple[str, tuple[str, ...]], dict[tuple[str, ...], list[tuple[int, int]]]] = field(
        default_factory=dict, init=False, repr=False
    )
    _has: set[tuple[str, str]] | None = field(default=None, init=False, repr=False)
    _quoted: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _columns: dict[tuple[str, str], tuple[str, str]] = field(
        default_factory=dict, init=False, repr=False
    )

    def __post_init__(self) -> None:
        self.lang = self.i.settings.language
        self.words = status_words(self.lang)
        self.titles = titles_of(self.lang)
        self.target_cells = self.settings.target_cells
        self.product_rows = self.settings.product_rows
        self.currency = marketplaces.get(self.i.review.marketplace).currency
        self.share = month_share(self.i.review.period)  # months' worth of days in the period

    # Money and estimates ----------------------------------------------------------------------

    def estimated(self, kpi: Kpi) -> bool:
        """A profit KPI of a review whose fees are estimated (engine/profit.py)."""
        return self.i.review.estimate and "amazon_fees" in kpi.measures

    def number_format(self, unit: Unit | None, estimate: bool = False) -> str | None:
        """Money in the marketplace's currency; an estimate says so after the number."""
        mark = f" ({t('estimate', self.lang)})" if estimate else ""
        if unit is Unit.MONEY:
            return marketplaces.money_format(self.currency, mark)
        if mark and unit is Unit.RATIO:
            return f'0.00%"{mark}"'
        return None

    def kpi_cell(self, k: Kpi, text: str | None) -> Cell:
        """A KPI's formula cell in its unit's style (None: an empty cell)."""
        if text is None:
            return Cell(None)
        return formula(
            text,
            UNIT_STYLE.get(k.unit),
            provisional=self.provisional(k),
            number_format=self.number_format(k.unit, self.estimated(k)),
        )

    def measure_style(self, measure: str) -> tuple[Style, str | None]:
        if measure in MONEY_MEASURES:
            return Style.MONEY, self.number_format(Unit.MONEY)
        return Style.COUNT, None

    def target_formula(
        self, measure: str, scope: Scope = Scope.ACCOUNT, key: str = ""
    ) -> str | None:
        """A target measure as a formula over Settings (edit the target: attainment follows):
        the monthly target × the months' worth of days in the period, or as typed. The IPI
        is read as typed; blank stays blank (unknown, never 0)."""
        if measure == "ipi" and scope is Scope.ACCOUNT:
            cell = self.target_cells["ipi"]
            return f'=IF({cell}="","",{cell})'
        monthly = {
            "sales_target": "sales_target",
            "profit_target": "profit_target",
            "month_sales_target": "sales_target",
            "month_profit_target": "profit_target",
        }.get(measure)
        if monthly is None:
            return None
        if scope is Scope.ASIN:
            row = self.settings.asin_target_rows.get(key)
            if row is None or measure.startswith("month_"):
                return None
            col = "B" if monthly == "sales_target" else "C"
            cell = f"{sheet_ref(self.titles['settings'])}!${col}${row}"
        else:
            cell = self.target_cells[monthly]
        if measure.startswith("month_"):
            return f"=N({cell})"
        return f"=N({cell})*{self.share!r}"

    # References ---------------------------------------------------------------------------

    def ref(self, key: str, cell: str) -> str:
        quoted = self._quoted.get(key)
        if quoted is None:  # a tab's quoted title, made once (tens of thousands of references)
            quoted = self._quoted[key] = sheet_ref(self.titles[key])
        return f"{quoted}!{cell}"

    def data_range(self, tab: str, column: str, rows: tuple[int, int] | None = None) -> str:
        at = self._columns.get((tab, column))
        if at is None:  # a column's quoted reference, made once (tens of thousands of formulas)
            at = self._columns[tab, column] = (self.ref(tab, "$"), self.data.columns[tab][column])
        quoted, letter = at
        first, last = rows or (2, max(self.data.sizes[tab] + 1, 2))
        if first == last:
            return f"{quoted}{letter}${first}"
        return f"{quoted}{letter}${first}:${letter}${last}"

    def sumifs(self, tab: str, column: str, criteria: Sequence[tuple[str, str] | Key]) -> str:
        """The sum of a data tab's column over the rows meeting every criterion.

        When every criterion is a Key, the rows are known now: the formula is a SUM of those
        cells (the data tabs are sorted by their lookup keys, so a key's rows are a run or a
        few), no criteria evaluated per cell and no rows but the key's referenced: editing
        one of them changes the sum, and recalculation grows with the rows, not keys x rows.
        A key with no rows sums to 0, as the SUMIFS over the whole tab did. Otherwise a
        SUMIFS over the first Key's runs of rows, or over the whole tab.
        """
        if not criteria:
            return f"SUM({self.data_range(tab, column)})"
        keys = [c for c in criteria if type(c) is Key]
        if len(keys) == len(criteria) and tab in self.data.frames:
            columns = tuple([k.column for k in keys])
            runs = self.key_rows(tab, columns).get(tuple([k.value for k in keys]), [])
            if not runs:
                return "0"
            if len(runs) == 1 and runs[0][0] == runs[0][1]:
                # One cell: the cell itself. LibreOffice recalculates a plain reference faster
                # than a SUM of it (2,000 ASINs: about 8,000 such formulas), and the data tabs
                # hold numbers or nothing, which both read the same.
                return self.data_range(tab, column, runs[0])
            if len(runs) <= MAX_RUNS:
                return f"SUM({','.join(self.data_range(tab, column, r) for r in runs)})"
        spans: list[tuple[int, int] | None] = [None]
        if keys and tab in self.data.frames:
            first = self.key_runs(tab, keys[0].column).get(keys[0].value, [(2, 2)])
            if len(first) <= MAX_RUNS:
                spans = list(first)
        terms = []
        for span in spans:
            parts = [self.data_range(tab, column, span)]
            for c in criteria:
                col, crit = (c.column, c.cell) if isinstance(c, Key) else c
                parts += [self.data_range(tab, col, span), crit]
            terms.append(f"SUMIFS({','.join(parts)})")
        return terms[0] if len(terms) == 1 else f"({'+'.join(terms)})"

    def key_runs(self, tab: str, column: str) -> dict[str, list[tuple[int, int]]]:
        if (tab, column) not in self._runs:
            self._runs[tab, column] = self.data.runs(tab, column)
        return self._runs[tab, column]

    def key_rows(
        self, tab: str, columns: tuple[str, ...]
    ) -> dict[tuple[str, ...], list[tuple[int, int]]]:
        """Each combination of values of a data tab's columns -> its runs of sheet rows."""
        rows = self._rows.get((tab, columns))
        if rows is None:
            rows = self._rows[tab, columns] = self.data.rows_of(columns, tab)
        return rows

    # Formulas shared by the tabs ------------------------------------------------------------

    def threshold_row(self, kpi: str, category: str = "") -> int:
        """The Settings row of a KPI's bands for a category (the KPI's own row without)."""
        rows = self.settings.threshold_rows
        return rows.get((kpi, category)) or rows[(kpi, "")]

    def band_cells(self, row: int) -> tuple[str, str, str, str]:
        """A Settings threshold row's green min/max and yellow min/max cells."""
        s = sheet_ref(self.titles["settings"])
        gmin, gmax, ymin, ymax = (f"{s}!${c}${row}" for c in "DEFG")
        return gmin, gmax, ymin, ymax

    def status_formula(self, value: str, kpi: str, category: str = "") -> str:
        return self.status_of(value, self.band_cells(self.threshold_row(kpi, category)))

    def status_of(self, value: str, bands: tuple[str, str, str, str]) -> str:
        """Green within the green band, else yellow within the yellow band, else red; a blank
        bound is no bound, a blank value no status."""
        gmin, gmax, ymin, ymax = bands
        w = self.words

        def within(lo: str, hi: str) -> str:
            return f'AND(OR({lo}="",{value}>={lo}),OR({hi}="",{value}<={hi}))'

        return (
            f'=IF({value}="","",IF({within(gmin, gmax)},"{w["green"]}",'
            f'IF({within(ymin, ymax)},"{w["yellow"]}","{w["red"]}")))'
        )

    def status_within(self, value: str, bands: tuple[str, str, str, str]) -> str:
        """status_of() for bands whose open bounds are numbers beyond every value (a tab's
        copies, workbook/copies.py): two comparisons per band."""
        gmin, gmax, ymin, ymax = bands
        w = self.words
        return (
            f'=IF({value}="","",IF(AND({value}>={gmin},{value}<={gmax}),"{w["green"]}",'
            f'IF(AND({value}>={ymin},{value}<={ymax}),"{w["yellow"]}","{w["red"]}")))'
        )

    def acos_target(self, campaign: str) -> str:
        """A campaign's target ACoS as an expression over Settings (engine/ad_targets.py's
        resolution: its ad type and category's row, its ad type's, the account's): editing a
        target recolours the row at once. A cell that holds no number passes on."""
        own = self.i.review.acos_targets.get(campaign)
        s = sheet_ref(self.titles["settings"])
        rows = self.settings.acos_target_rows
        keys = [(own.ad_type, own.category), (own.ad_type, "")] if own is not None else []
        cells = [f"{s}!$D${rows[k]}" for k in dict.fromkeys(keys) if k[0] and k in rows]
        out = self.target_cells["target_acos"]
        for cell in reversed(cells):
            out = f"IF(ISNUMBER({cell}),{cell},{out})"
        return out

    def target_status_formula(self, value: str, target: str, category: str = "") -> str:
        """ACoS against a target cell: green up to it, yellow up to the ACoS band's margin
        above it (addin/ad_targets.py), red beyond."""
        rows = self.settings.threshold_rows
        row = rows.get(("acos", category)) or rows[("acos", "")]
        s = sheet_ref(self.titles["settings"])
        green, yellow = f"{s}!$E${row}", f"{s}!$G${row}"
        both = f"AND(ISNUMBER({green}),ISNUMBER({yellow}))"
        margin = f"IF({both},MAX({yellow}-{green},0),{DEFAULT_MARGIN!r})"
        w = self.words
        return (
            f'=IF(OR({value}="",{target}=""),"",IF({value}<={target},"{w["green"]}",'
            f'IF({value}<={target}+{margin},"{w["yellow"]}","{w["red"]}")))'
        )

    def colour_rules(self, ref: str, status_col: str, first_row: int) -> list[Rule]:
        """Fill a KPI range by the status cell of its row."""
        return [
            Rule(ref, f'${status_col}{first_row}="{self.words[c]}"', c)
            for c in ("green", "yellow", "red")
        ]

    def kpi_formula(self, k: Kpi, refs: dict[str, str], scope: Scope) -> str:
        if self.i.settings.formula_mode == "udf" and len(k.measures) > 1:
            args = ",".join(refs[m] for m in k.measures)
            return f"=AMZ_{k.id.upper()}({args})"
        return "=" + k.formula(lambda m: refs[m])

    def title_rows(self, key: str, note: str) -> Block:
        return Block(
            1, 1, [[Cell(self.titles[key], style=Style.TITLE)], [Cell(note, style=Style.NOTE)]]
        )

    def has(self, kpi: Kpi, scope: Scope) -> bool:
        if self._has is None:  # the review's (kpi, scope) pairs, found once for every tab
            kpis = self.i.review.kpis
            self._has = set(zip(map(str, kpis.kpi), map(str, kpis.scope), strict=True))
        return (kpi.id, scope.value) in self._has

    def provisional(self, kpi: Kpi) -> bool:
        p = self.i.provisional_from
        return kpi.id in ADS_KPIS and p is not None and self.i.review.period.end >= p
