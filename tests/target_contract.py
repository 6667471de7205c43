"""The contract every Target keeps: xlsx, memory, live Excel (tests/excel_standin.py) and
Google Sheets (tests/google_standin), each through `run_contract(spreadsheet)`.

A target reads formulas back as their text, so its own read-back cannot tell a formula from
text that only looks like one. A `Spreadsheet` therefore also says how to look at the
spreadsheet behind the target the way its program holds it (every cell a formula or a
value, read without fupan) and how a person adds a tab of their own to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from fupan.sync.targets.base import STATE_SHEET, Target
from fupan.sync.workbook.plan import (
    Block,
    Cell,
    FrameBlock,
    Sheet,
    Style,
    Table,
    Validation,
    WorkbookPlan,
)
from openpyxl.utils.cell import get_column_letter, range_boundaries

FORMULA, VALUE = "formula", "value"
Kind = tuple[str, Any]  # (FORMULA, "=A2*2") or (VALUE, 1)
Cells = dict[str, Kind]  # a tab's non-empty cells by A1 reference


def formula(text: str) -> Kind:
    return (FORMULA, text)


def value(v: Any) -> Kind:
    return (VALUE, v)


@dataclass
class Layout:
    """What a tab shows besides its cells, as its program holds it."""

    hidden: set[str]  # column letters folded away or hidden
    dropdowns: dict[str, tuple[str, ...]]  # cell -> the values its dropdown offers
    notes: dict[str, str]  # cell -> its note
    hidden_rows: set[int]  # row numbers hidden (machine rows)


def cells_of(ref: str) -> list[str]:
    """Every cell of a range ("A5:A7" -> A5, A6, A7)."""
    min_col, min_row, max_col, max_row = bounds(ref)
    return [
        f"{get_column_letter(c)}{r}"
        for r in range(min_row, max_row + 1)
        for c in range(min_col, max_col + 1)
    ]


@dataclass
class Spreadsheet:
    """A spreadsheet behind a target, as a test reaches it without fupan."""

    make: Callable[[], Target]  # a target on a new, empty spreadsheet
    reopen: Callable[[], Target]  # a new target on the same spreadsheet
    cells: Callable[[str], Cells]  # a tab's cells as its program holds them
    add_tab: Callable[[str, Cells], None]  # a tab the team adds by hand
    blank: tuple[str, ...] = ()  # the tabs a new spreadsheet starts with (Google's "Sheet1")
    drops_unkept: bool = True  # a live Excel workbook keeps every tab the team opened
    layout: Callable[[str], Layout] | None = None  # folds, dropdowns and notes of a tab


STATUSES = ("open", "in progress", "done")
NOTE = "Sums of the data tab; unfold C:D to see them"


def small_plan(value: float = 1.0, *, fold: bool = True) -> WorkbookPlan:
    frame = pd.DataFrame(
        {
            "term": ["mat", '=HYPERLINK("x")', "+cmd"],
            "clicks": [3.0, 1.0, 2.0],
            "day": pd.to_datetime(["2026-11-16", "2026-11-17", "2026-11-18"]),
        }
    )
    return WorkbookPlan(
        [
            Sheet(
                "dashboard",
                "Dashboard",
                [
                    Block(
                        1,
                        1,
                        [
                            [Cell("Review", style=Style.TITLE, note=NOTE)],
                            [
                                Cell(value, style=Style.COUNT),
                                Cell(formula="=A2*2"),
                                Cell(7, style=Style.COUNT),
                            ],
                            [Cell(date(2026, 11, 23), style=Style.DATE)],
                            [Cell("=typed, not computed", text=True), Cell("-5 units")],
                        ],
                    ),
                ],
                widths={"A": 12, "C": 9},
                folded=("C:D",) if fold else (),
                hidden_rows=(4,) if fold else (),
                validations=[Validation("B5:B7", STATUSES, strict=False)],
            ),
            Sheet(
                "data",
                "data",
                [FrameBlock(frame)],
                tables=[Table("data", "A1:C4", ("term", "clicks", "day"))],
            ),
        ],
        "en",
    )


# A tab the team made: a formula of theirs, and text that only looks like one.
TEAM_TAB = "Team notes"
TEAM_CELLS: Cells = {
    "A1": value("keep me"),
    "B1": formula("=1+1"),
    "A2": value("=not a formula"),
    "B2": value("+also text"),
    "C2": value(42),
}


def _formulas(cells: Cells) -> set[str]:
    return {ref for ref, (kind, _) in cells.items() if kind == FORMULA}


def run_contract(sheet: Spreadsheet) -> None:
    """Apply, read back, compare cell kinds, keep the team's own tab, re-apply, drop it."""
    target = sheet.make()
    assert target.sheet_titles() == list(sheet.blank)
    assert target.read_sheet("Dashboard") is None
    target.apply(small_plan(), keep=[], state={"k": "v"})
    target.close()

    target = sheet.reopen()
    assert target.sheet_titles()[:2] == ["Dashboard", "data"]
    grid = target.read_sheet("Dashboard")
    assert grid is not None
    assert grid[0][0] == "Review" and grid[1][0] == 1 and grid[1][1] == "=A2*2"
    data = target.read_sheet("data")
    assert data is not None
    assert data[0] == ["term", "clicks", "day"]
    assert [r[0] for r in data[1:]] == ["mat", '=HYPERLINK("x")', "+cmd"]
    assert target.read_state() == {"k": "v"}
    has_state_tab = STATE_SHEET in target.sheet_titles()
    target.close()

    # What the spreadsheet program holds: fupan's formulas are formulas, and nothing else is.
    dash = sheet.cells("Dashboard")
    assert dash["A1"] == value("Review")
    assert dash["B2"] == formula("=A2*2")
    assert dash["A2"][0] == VALUE and dash["A2"][1] == 1
    assert dash["A3"][0] == VALUE
    assert dash["A4"] == value("=typed, not computed") and dash["B4"] == value("-5 units")
    assert _formulas(dash) == {"B2"}, dash
    cells = sheet.cells("data")
    assert cells["A3"] == value('=HYPERLINK("x")') and cells["A4"] == value("+cmd")
    assert cells["A2"] == value("mat") and cells["B2"][0] == VALUE
    assert _formulas(cells) == set(), cells  # report text never runs as a formula
    if has_state_tab:
        assert _formulas(sheet.cells(STATE_SHEET)) == set()
    if sheet.layout is not None:  # helper columns folded, a dropdown, a note
        layout = sheet.layout("Dashboard")
        assert {"C", "D"} <= layout.hidden and "A" not in layout.hidden, layout
        assert layout.dropdowns == {c: STATUSES for c in cells_of("B5:B7")}, layout
        assert layout.notes == {"A1": NOTE}, layout
        assert layout.hidden_rows == {4}, layout

    # A tab the team added survives a sync that keeps it, with its formulas and its text.
    sheet.add_tab(TEAM_TAB, TEAM_CELLS)
    target = sheet.reopen()
    assert TEAM_TAB in target.sheet_titles()
    target.apply(small_plan(2.0), keep=[TEAM_TAB], state={"k": "w"})
    target.close()
    target = sheet.reopen()
    assert TEAM_TAB in target.sheet_titles()
    assert (target.read_sheet("Dashboard") or [[], [None]])[1][0] == 2
    assert target.read_state() == {"k": "w"}
    target.close()
    kept = sheet.cells(TEAM_TAB)
    assert kept == TEAM_CELLS, kept
    assert sheet.cells("Dashboard")["B2"] == formula("=A2*2")

    # A tab neither planned nor kept goes (a live workbook keeps every tab as it is); a
    # column folded by an earlier write shows again when the plan no longer folds it.
    target = sheet.reopen()
    target.apply(small_plan(3.0, fold=False), keep=[], state={"k": "x"})
    target.close()
    target = sheet.reopen()
    titles = target.sheet_titles()
    assert (target.read_sheet("Dashboard") or [[], [None]])[1][0] == 3
    target.close()
    if sheet.drops_unkept:
        assert TEAM_TAB not in titles
    else:
        assert TEAM_TAB in titles
        assert sheet.cells(TEAM_TAB) == TEAM_CELLS
    if sheet.layout is not None:
        layout = sheet.layout("Dashboard")
        assert not layout.hidden & {"A", "B", "C", "D"}, layout
        assert not layout.hidden_rows, layout  # a row hidden earlier shows again
        assert layout.dropdowns == {c: STATUSES for c in cells_of("B5:B7")}, layout
        assert layout.notes == {"A1": NOTE}, layout


def bounds(ref: str) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row) of a range of cells, 1-based."""
    found = range_boundaries(ref)
    assert None not in found, ref
    return found  # type: ignore[return-value]
