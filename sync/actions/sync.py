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

from ..errors import ActionSyncError
from ..plan import WorkbookPlan
from ..targets.xlsx import XlsxTarget
from ..workspace import Workspace
from .merge import Conflict, MergeResult, Side, merge
from .sheets import SNAPSHOT_SHEET, Tracker, read_tracker, tracker_sheets

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


def _stamp(path: Path) -> tuple[int, int] | None:
    return (path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else None


def _open_conflicts(
    left: list[Conflict], right: list[Conflict], new: list[Conflict]
) -> list[Conflict]:
    """Conflicts still listed on both sides stay; one deleted on either side is resolved."""
    key = lambda c: (c.id, c.field)  # noqa: E731
    kept = {key(c) for c in right}
    out = {key(c): c for c in left if key(c) in kept}
    out.update({key(c): c for c in new})
    return list(out.values())


def sync_actions(
    workspace: Workspace,
    shared: str | Path,
    *,
    workbook: str | Path | None = None,
    dry_run: bool = False,
    today: date | None = None,
) -> ActionSyncResult:
    """Merge the review workbook's tracker with a shared tracker (.xlsx) and write both."""
    from ..sync_workbook import sync_workbook

    today = today or date.today()
    book_path = Path(workbook) if workbook else workspace.workbook
    shared_path = Path(shared)
    if not book_path.exists():
        raise ActionSyncError(f'"{book_path}" does not exist; run `fupan sync` first.')
    book_target, shared_target = XlsxTarget(book_path), XlsxTarget(shared_path)
    stamps = (_stamp(book_path), _stamp(shared_path))
    left, right = read_tracker(book_target), read_tracker(shared_target)
    extra = [t for t in shared_target.sheet_titles() if t not in TRACKER_TITLES]
    book_target.close()
    shared_target.close()
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
    _unchanged(book_path, stamps[0])
    _unchanged(shared_path, stamps[1])
    lang = workspace.language
    plan = WorkbookPlan(tracker_sheets(merged, lang, today), lang)
    XlsxTarget(shared_path).apply(
        plan,
        keep=extra,
        state={"next_action_id": str(merged.next_id), "actions_generation": str(generation)},
    )
    _unchanged(book_path, stamps[0])  # an edit made meanwhile waits for the next sync
    sync_workbook(workspace, [], workbook=book_path, tracker=merged, today=today)
    return outcome


def _unchanged(path: Path, stamp: tuple[int, int] | None) -> None:
    if _stamp(path) != stamp:
        raise ActionSyncError(
            f'"{path.name}" was changed while the sync was running, so it was not '
            "overwritten. Run `fupan actions sync` again: nothing is lost."
        )
