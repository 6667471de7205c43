"""The Target interface: read what the team typed, apply a plan, close. Small on purpose.

Callers never ask which kind of target they hold: what differs between an .xlsx file, a
live Excel workbook and a Google Sheet (a file lock or a lease, a file copy or a Drive copy
for the minutes) is a method here. A target class subclasses `Target` to inherit the
defaults of the optional methods (a target with nothing to check, lock or copy).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..errors import TargetError, msg
from ..workbook.plan import WorkbookPlan

Grid = list[list[Any]]
STATE_SHEET = "_fupan"  # the hidden tab of fupan's own bookkeeping, in every target


@dataclass(frozen=True)
class Opening:
    """How a target is opened: the user's credentials, read-only or not, how long to wait."""

    credentials: str | Path | None = None
    dry_run: bool = False  # reads only: a Google Sheet is not leased
    wait: float = 0.0  # seconds to wait for another refresh of a Google Sheet


@runtime_checkable
class Target(Protocol):
    """A spreadsheet fupan writes: an .xlsx file, a live Excel workbook, a Google Sheet."""

    name: str  # for messages: the file path or sheet URL
    key: str  # the spreadsheet itself (a file's real path, a sheet's id): the order of locks
    notes: Sequence[str] = ()  # what the user should know about the last write

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

    def reopen(self) -> Target:
        """A fresh target on the same spreadsheet that still guards what this one read."""
        ...

    # Optional: the defaults fit a target with nothing to check, lock or copy. -------------

    @property
    def location(self) -> Path | str:
        """Where the spreadsheet is: a file's path, or an address (the minutes link to it)."""
        return self.name

    def exists(self) -> bool:
        """Whether the spreadsheet is there yet (a file fupan has not written is not)."""
        return True

    def preflight(self) -> None:
        """Refuse now, before any work, when the spreadsheet cannot be written (a file open
        in Excel); nothing to check by default."""
        return None

    def lock(self) -> contextlib.AbstractContextManager[object]:
        """Held across a read and its write (a file's lock); a Google Sheet is leased as it
        is read instead, so nothing by default."""
        return contextlib.nullcontext()

    def check_unchanged(self) -> None:
        """Raise ChangedError when someone saved the spreadsheet since it was read, where
        that is cheap to tell (a file); a target that checks as it writes does nothing."""
        return None

    def earlier_snapshot(self, folder: Path, before: date) -> tuple[date, Target] | None:
        """The last meeting snapshot of this spreadsheet taken before `before` (its day, and
        a target reading it), from the workspace's `folder` of snapshots."""
        return None

    def snapshot(self, folder: Path, day: date, *, drive_folder: str | None = None) -> Path | str:
        """A dated copy of the spreadsheet for the minutes (a file in `folder`, or a copy in
        Drive, into `drive_folder` when given); returns where the copy is."""
        raise TargetError(msg("err:target_no_snapshot", name=self.name))


def state_of(grid: Grid | None) -> dict[str, str]:
    """fupan's bookkeeping as kept in its hidden state tab: one key and value per row."""
    return {
        str(r[0]): str(r[1])
        for r in grid or []
        if r and r[0] is not None and len(r) > 1 and r[1] is not None
    }
