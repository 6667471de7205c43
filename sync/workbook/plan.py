"""The workbook plan: pure data describing every tab fupan writes, printable for --dry-run.

Building a plan touches no file and no network; a Target only applies it. Formulas are
Excel-dialect A1 formulas (with the leading `=`); text that came from a report is marked as
text so that no target ever turns `=HYPERLINK(...)` typed by a shopper into a formula.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import pandas as pd

from ..i18n import t


class Style(StrEnum):
    """Named cell styles; each target maps them to its own formatting."""

    TITLE = "title"
    HEADER = "header"
    NOTE = "note"
    MONEY = "money"
    COUNT = "count"
    RATIO = "ratio"
    MULTIPLE = "multiple"
    DAYS = "days"
    DATE = "date"
    TEXT = "text"
    INPUT = "input"  # cells the team edits (Settings, Actions)


@dataclass(frozen=True)
class Cell:
    value: Any = None  # str, float, int, bool, date, datetime or None
    formula: str | None = None  # "=SUM(A1:A3)"; wins over value
    style: Style | None = None
    text: bool = False  # write as literal text even if it starts with = + - @
    provisional: bool = False  # an ads figure still inside the 14-day attribution window
    number_format: str | None = None  # overrides the style's (money in its own currency)
    note: str | None = None  # a cell note (comment): where a number comes from, how to read it


@dataclass
class Block:
    """A rectangle of cells anchored at (row, col), both 1-based."""

    row: int
    col: int
    rows: list[list[Cell]]

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class FrameBlock:
    """A data tab's rows straight from a DataFrame (header row first), at A1.

    Kept as a frame so that half a million rows do not become half a million Cell objects;
    text columns are still written as text, whatever their first character.
    """

    frame: pd.DataFrame
    row: int = 1
    col: int = 1

    @property
    def height(self) -> int:
        return len(self.frame) + 1

    @property
    def width(self) -> int:
        return len(self.frame.columns)


def cell_rows(blocks: list[Block]) -> list[list[Cell | None]]:
    """Blocks merged into full rows, top to bottom (write-only mode writes rows in order)."""
    cells: dict[int, dict[int, Cell]] = {}
    for b in blocks:
        for r, row in enumerate(b.rows):
            line = cells.setdefault(b.row + r, {})
            for c, cell in enumerate(row):
                line[b.col + c] = cell
    if not cells:
        return []
    out: list[list[Cell | None]] = []
    for r in range(1, max(cells) + 1):
        line = cells.get(r, {})
        out.append([line.get(c) for c in range(1, max(line, default=0) + 1)])
    return out


@dataclass(frozen=True)
class Table:
    """An Excel table over a range (header row included)."""

    name: str
    ref: str  # "A1:F200"
    columns: tuple[str, ...]  # the header row's texts, in order


@dataclass(frozen=True)
class Rule:
    """A conditional-format rule: `formula` is written for the top-left cell of `ref`."""

    ref: str
    formula: str
    fill: str  # "green", "yellow", "red", "overdue"


@dataclass(frozen=True)
class Validation:
    """A dropdown: each cell of `ref` takes one of `values`. Not `strict`: another value is
    accepted after a warning (a new owner's name, typed before the next sync lists it)."""

    ref: str  # "L5:L400"
    values: tuple[str, ...]
    strict: bool = True


@dataclass(frozen=True)
class Chart:
    kind: str  # "line" or "bar"
    title: str
    anchor: str  # top-left cell, "H3"
    categories: str  # "Dashboard!$A$30:$A$37"
    series: tuple[tuple[str, str], ...]  # (title cell or text, values ref)
    y_format: str = "General"
    # Series drawn as lines against a second axis on the right (sessions beside sales).
    secondary: tuple[tuple[str, str], ...] = ()
    y2_format: str = "General"
    # The left axis starts at 0, so a bar is as tall as its value (left to the spreadsheet,
    # it starts near the smallest bar and a 3 % dip looks like a halving). Only where no
    # value is below 0: the automatic axis of a series crossing 0 includes 0 already.
    from_zero: bool = False


@dataclass
class Sheet:
    key: str  # stable id: "dashboard", "actions", ... (titles are translated)
    title: str
    blocks: Sequence[Block | FrameBlock] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    widths: Mapping[str, float] = field(default_factory=dict)
    freeze: str | None = None
    hidden: bool = False
    tab_color: str | None = None
    print_area: str | None = None  # "A1:O60"; printing fits the width to one page
    # Helper columns ("Q:S"): folded away (an outline group, collapsed; hidden in Google),
    # so the team sees the KPIs and can still unfold the sums behind them.
    folded: tuple[str, ...] = ()
    validations: list[Validation] = field(default_factory=list)
    heights: Mapping[int, float] = field(default_factory=dict)  # row -> points (headers)
    # Rows the team never needs to see (the Actions tab's column keys, which let a sync read
    # the tab back whatever its language): hidden, not deleted.
    hidden_rows: tuple[int, ...] = ()

    def cell_count(self) -> int:
        return sum(b.height * b.width for b in self.blocks)


@dataclass
class WorkbookPlan:
    sheets: list[Sheet]
    language: str
    names: dict[str, str] = field(default_factory=dict)  # defined names -> refs

    def sheet(self, key: str) -> Sheet:
        for s in self.sheets:
            if s.key == key:
                return s
        raise KeyError(key)

    def describe(self, lang: str = "en") -> str:
        """What a sync would write, for --dry-run, in `lang`."""
        language = t(f"say:language_{self.language}", lang)
        lines = [t("say:plan", lang, language=language, n=len(self.sheets))]
        sep = t("say:list_sep", lang)
        hidden = [s for s in self.sheets if s.hidden]
        for s in self.sheets:
            if s.hidden:
                continue  # fupan's own data, read back by the formulas: one line below
            extras = [
                t(key, lang, n=len(things))
                for key, things in (
                    ("say:plan_tables", s.tables),
                    ("say:plan_rules", s.rules),
                    ("say:plan_charts", s.charts),
                )
                if things
            ]
            more = sep + sep.join(extras) if extras else ""
            cells = f"{s.cell_count():,}"
            lines.append(t("say:plan_tab", lang, title=s.title, cells=cells, more=more))
        if hidden:
            cells = f"{sum(s.cell_count() for s in hidden):,}"
            lines.append(t("say:plan_hidden", lang, n=len(hidden), cells=cells))
        return "\n".join(lines)
