"""The Target interface: read what the team typed, apply a plan, close. Small on purpose."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from ..workbook.plan import WorkbookPlan

Grid = list[list[Any]]
STATE_SHEET = "_fupan"  # the hidden tab of fupan's own bookkeeping, in every target


@runtime_checkable
class Target(Protocol):
    """A spreadsheet fupan writes: an .xlsx file, a live Excel workbook, a Google Sheet."""

    name: str  # for messages: the file path or sheet URL

    def sheet_titles(self) -> list[str]:
        """Titles of the tabs that exist now (empty for a new workbook)."""
        ...

    def read_sheet(self, title: str) -> Grid | None:
        """Cell values of a tab (formulas as their text), or None when it does not exist."""
        ...

    def read_state(self) -> dict[str, str]:
        """fupan's own bookkeeping kept inside the workbook (hidden state tab)."""
        ...

    def changed(self) -> bool:
        """Whether someone else changed the spreadsheet since fupan read it."""
        ...

    def apply(self, plan: WorkbookPlan, *, keep: list[str], state: dict[str, str]) -> None:
        """Write every tab of the plan, keep the tabs named in `keep` as they are, and store
        `state`; all or nothing."""
        ...

    def close(self) -> None: ...


def state_of(grid: Grid | None) -> dict[str, str]:
    """fupan's bookkeeping as kept in its hidden state tab: one key and value per row."""
    return {
        str(r[0]): str(r[1])
        for r in grid or []
        if r and r[0] is not None and len(r) > 1 and r[1] is not None
    }
