"""`fupan actions sync`: the workbook's Actions tab and a shared tracker, kept in step.

Both files are read, merged (merge.py), then written: the shared tracker first, the
workbook second, each atomically and each with its own snapshot and a generation number. A
sync killed between the two writes is repaired by the next one (the newer side wins the
fields nobody edited), so nothing is lost. A file changed by someone while the sync runs is
not overwritten: the sync stops and asks to be run again.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..actions.merge import Conflict, MergeResult, Side, merge
from ..actions.sheets import SNAPSHOT_SHEET, Tracker, read_tracker, tracker_sheets
from ..errors import ActionSyncError
from ..targets.base import Target
from ..targets.gsheets.address import looks_like_gsheet
from ..targets.xlsx import XlsxTarget
from ..workbook.plan import WorkbookPlan
from ..workspace import Workspace

TRACKER_TITLES = (
    "Actions",
    "行动项",
    "Conflicts",
    "冲突",
    "Archive",
    "归档",
    SNAPSHOT_SHEET,
    "_fupan",
)


@dataclass
class ActionSyncResult:
    merge: MergeResult
    conflicts: list[Conflict]
    dry_run: bool

    def describe(self) -> str:
        prefix = "Dry run, nothing written: " if self.dry_run else ""
        return prefix + self.merge.describe()


def _open_conflicts(
    left: list[Conflict], right: list[Conflict], new: list[Conflict]
) -> list[Conflict]:
    """Conflicts still listed on both sides stay; one deleted on either side is resolved."""
    key = lambda c: (c.id, c.field)  # noqa: E731
    kept = {key(c) for c in right}
    out = {key(c): c for c in left if key(c) in kept}
    out.update({key(c): c for c in new})
    return list(out.values())


def open_side(where: str | Path | Target, credentials: str | Path | None = None) -> Target:
    """An .xlsx path or a Google Sheet URL (or an open target, reopened) as a target."""
    if not isinstance(where, str | Path):
        reopen = getattr(where, "reopen", None)
        return reopen() if reopen else XlsxTarget(Path(where.name))
    if isinstance(where, str) and looks_like_gsheet(where):
        from ..targets.gsheets import open_gsheet

        return open_gsheet(where, credentials=credentials)
    return XlsxTarget(Path(where))


def sync_actions(
    workspace: Workspace,
    shared: str | Path | Target,
    *,
    workbook: str | Path | Target | None = None,
    dry_run: bool = False,
    today: date,
    credentials: str | Path | None = None,
) -> ActionSyncResult:
    """Merge the review workbook's tracker with a shared tracker and write both.

    Either side may be an .xlsx file or a Google Sheet (URL); a Google side is leased for the
    whole sync, so two syncs never interleave.
    """
    from .review import sync_workbook

    book_target = open_side(workbook if workbook is not None else workspace.workbook, credentials)
    shared_target = open_side(shared, credentials)
    try:
        if isinstance(book_target, XlsxTarget) and not book_target.path.exists():
            raise ActionSyncError(f'"{book_target.path}" does not exist; run `fupan sync` first.')
        left, right = read_tracker(book_target), read_tracker(shared_target)
        extra = [t for t in shared_target.sheet_titles() if t not in TRACKER_TITLES]
        # Ids are handed out from one counter across both files, so they never collide.
        counter = max(left.next_id, right.next_id)
        left.number(counter)
        right.number(left.next_id)
        result = merge(left.side, right.side)
        conflicts = _open_conflicts(left.conflicts, right.conflicts, result.conflicts)
        outcome = ActionSyncResult(result, conflicts, dry_run)
        if dry_run:
            return outcome

        generation = max(left.side.generation, right.side.generation) + 1
        merged = Tracker(
            Side(result.rows, copy.deepcopy(result.rows), result.archive, generation),
            conflicts,
            max(left.next_id, right.next_id),
        )
        _unchanged(book_target)
        _unchanged(shared_target)
        lang = workspace.language
        plan = WorkbookPlan(tracker_sheets(merged, lang, today), lang)
        shared_target.apply(
            plan,
            keep=extra,
            state={"next_action_id": str(merged.next_id), "actions_generation": str(generation)},
        )
        _unchanged(book_target)  # an edit made meanwhile waits for the next sync
    finally:
        shared_target.close()
        book_target.close()
    # The review itself is rebuilt from a fresh look at the workbook, with the merged tracker.
    sync_workbook(workspace, [], target=open_side(book_target), tracker=merged, today=today)
    return outcome


def _unchanged(target: Target) -> None:
    if target.changed():
        raise ActionSyncError(
            f'"{target.name}" was changed while the sync was running, so it was not '
            "overwritten. Run `fupan actions sync` again: nothing is lost."
        )
