"""An in-memory Target for tests: keeps what a plan says, cell by cell."""

from __future__ import annotations

from typing import Any

from ..workbook.cells import frame_values
from ..workbook.plan import Block, FrameBlock, Sheet, Validation, WorkbookPlan
from .base import Grid, Target


class Formula(str):
    """A formula's text: equal to the text, but told apart from text that only looks like one."""

    __slots__ = ()


class MemoryTarget(Target):
    name = "memory"
    key = "memory"

    def __init__(self) -> None:
        self.sheets: dict[str, Grid] = {}
        self.state: dict[str, str] = {}
        self.plans: list[WorkbookPlan] = []
        # What a tab shows besides its values: folded columns ("C:D"), dropdowns, notes.
        self.folded: dict[str, tuple[str, ...]] = {}
        self.validations: dict[str, list[Validation]] = {}
        self.cell_notes: dict[str, dict[tuple[int, int], str]] = {}
        self.hidden_rows: dict[str, tuple[int, ...]] = {}

    def sheet_titles(self) -> list[str]:
        return list(self.sheets)

    def read_sheet(self, title: str) -> Grid | None:
        return self.sheets.get(title)

    def changed(self) -> bool:
        return False

    def read_state(self) -> dict[str, str]:
        return dict(self.state)

    def apply(self, plan: WorkbookPlan, *, keep: list[str], state: dict[str, str]) -> None:
        kept = {t: self.sheets[t] for t in keep if t in self.sheets}
        self.sheets = {s.title: grid(s) for s in plan.sheets} | kept
        self.folded = {s.title: s.folded for s in plan.sheets}
        self.validations = {s.title: list(s.validations) for s in plan.sheets}
        self.cell_notes = {s.title: notes(s) for s in plan.sheets}
        self.hidden_rows = {s.title: s.hidden_rows for s in plan.sheets}
        self.state = dict(state)
        self.plans.append(plan)

    def reopen(self) -> MemoryTarget:
        return self  # the memory is the spreadsheet: there is nothing to read afresh

    def close(self) -> None:
        pass


def grid(sheet: Sheet) -> Grid:
    """A sheet's cells as rows of values (formulas as their text, a `Formula`)."""
    cells: dict[tuple[int, int], Any] = {}
    for b in sheet.blocks:
        if isinstance(b, FrameBlock):
            return frame_values(b.frame)
        for r, row in enumerate(b.rows):
            for c, cell in enumerate(row):
                kept = Formula(cell.formula) if cell.formula else cell.value
                cells[(b.row + r, b.col + c)] = kept
    if not cells:
        return []
    height = max(r for r, _ in cells)
    width = max(c for _, c in cells)
    return [[cells.get((r, c)) for c in range(1, width + 1)] for r in range(1, height + 1)]


def notes(sheet: Sheet) -> dict[tuple[int, int], str]:
    """A sheet's cell notes by (row, column), both 1-based."""
    return {
        (b.row + r, b.col + c): cell.note
        for b in sheet.blocks
        if isinstance(b, Block)
        for r, row in enumerate(b.rows)
        for c, cell in enumerate(row)
        if cell is not None and cell.note
    }
