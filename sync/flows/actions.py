"""`fupan actions sync`: the workbook's Actions tab and a shared tracker, kept in step.

Both files are read, merged (merge.py), then written, each atomically, each with its own
snapshot and a generation number one above both sides' (the third write, below, one more),
while fupan holds the lock of every .xlsx side
(sync/locks.py) or the lease of a Google side: two syncs never interleave.

The order of the writes is what makes a sync safe to kill at any moment:

1. the shared tracker, without the rows typed in the workbook that got their ids in this
   run (the shared tracker's counter moves past those ids all the same);
2. the workbook, with everything (the whole review is rebuilt around the merged tracker);
3. only when the workbook had such rows: the shared tracker once more, re-read and merged
   with what step 2 wrote, so the new rows reach it.

A row gets its id written into the file where it was typed before any other file has it,
so a run killed between two writes leaves the other file without the row, never with the
row under a second id: the next run adds it (ids are claimed once, never reused). A sync
killed between the writes is repaired by the next one (merge.py: the newer side holds the
truth nobody edited). A file someone saves while the sync runs is never overwritten: the
sync starts again from a fresh read (up to three times), then stops and says so.
"""

from __future__ import annotations

import contextlib
import copy
from datetime import date
from pathlib import Path

from ..actions.merge import ActionSyncResult, Conflict, Side, merge
from ..actions.sheets import SNAPSHOT_SHEET, Tracker, read_tracker, tracker_sheets
from ..errors import ActionSyncError, ChangedError, msg
from ..targets.base import Target
from ..targets.registry import open_target
from ..workbook.plan import WorkbookPlan
from ..workspace import Workspace
from .review import refresh_review

ATTEMPTS = 3  # fresh reads when someone keeps saving a side while the sync runs

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


def _open_conflicts(left: Tracker, right: Tracker, new: list[Conflict]) -> list[Conflict]:
    """Conflicts still listed on both sides stay; one deleted on either side is resolved.

    After a sync that stopped between its writes, the side written last lists conflicts the
    other side never saw: those stay too (the other value exists only there).
    """

    def key(c: Conflict) -> tuple[str, str]:
        return (c.id, c.field)

    lgen, rgen = left.side.generation, right.side.generation
    kept = {key(c) for c in right.conflicts}
    out = {key(c): c for c in left.conflicts if key(c) in kept}
    if lgen != rgen:
        newer, older = (left, right) if lgen > rgen else (right, left)
        known = {key(c) for c in older.conflicts}
        out.update({key(c): c for c in newer.conflicts if key(c) not in known})
    out.update({key(c): c for c in new})
    return list(out.values())


def open_side(where: str | Path | Target, credentials: str | Path | None = None) -> Target:
    """An .xlsx path or a Google Sheet URL (or an open target, reopened) as a target."""
    if isinstance(where, str | Path):
        return open_target(where, credentials=credentials)
    return where.reopen()


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

    Either side may be an .xlsx file or a Google Sheet (URL); an .xlsx side is locked and a
    Google side leased for the whole sync, so two syncs never interleave.
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _sync_once(workspace, shared, workbook, dry_run, today, credentials)
        except ChangedError as exc:
            changed = exc
            if attempt == ATTEMPTS:
                break
    raise ActionSyncError(msg("err:actions_changed_meanwhile", where=changed.where, n=ATTEMPTS))


def _sync_once(
    workspace: Workspace,
    shared: str | Path | Target,
    workbook: str | Path | Target | None,
    dry_run: bool,
    today: date,
    credentials: str | Path | None,
) -> ActionSyncResult:
    book_target = open_side(workbook if workbook is not None else workspace.workbook, credentials)
    shared_target = open_side(shared, credentials)
    with contextlib.ExitStack() as held:
        if not dry_run:  # always in the same order: two syncs never wait for each other
            for t in sorted((book_target, shared_target), key=lambda t: t.key):
                held.enter_context(t.lock())  # a file's lock; a Google Sheet leases as it reads
        held.callback(book_target.close)
        held.callback(shared_target.close)
        if not book_target.exists():
            raise ActionSyncError(msg("err:actions_no_workbook", name=book_target.name))
        left, right = read_tracker(book_target), read_tracker(shared_target)
        extra = [t for t in shared_target.sheet_titles() if t not in TRACKER_TITLES]
        # Ids are handed out from one counter across both files, so they never collide.
        typed_in_workbook = list(left.unnumbered)
        counter = max(left.next_id, right.next_id)
        left.number(counter)
        right.number(left.next_id)
        result = merge(left.side, right.side)
        conflicts = _open_conflicts(left, right, result.conflicts)
        outcome = ActionSyncResult(result, conflicts, dry_run)
        if dry_run:
            return outcome

        generation = max(left.side.generation, right.side.generation) + 1
        next_id = max(left.next_id, right.next_id)
        merged = Tracker(
            Side(result.rows, copy.deepcopy(result.rows), result.archive, generation),
            conflicts,
            next_id,
        )
        lang = workspace.language
        # Saved since it was read? Nothing is written yet: a fresh start costs nothing (a
        # Google side checks as it writes).
        book_target.check_unchanged()
        # 1. The shared tracker, without the workbook's rows numbered just now.
        pending = {a.id for a in typed_in_workbook}
        first = {i: a for i, a in result.rows.items() if i not in pending}
        _write(
            shared_target,
            Tracker(Side(first, copy.deepcopy(first), result.archive, generation), conflicts),
            next_id,
            extra,
            lang,
            today,
        )
        # 2. The workbook: the review itself is rebuilt from a fresh look at the workbook
        # (its baseline is still what was read above), with the merged tracker.
        refresh_review(workspace, [], target=open_side(book_target), tracker=merged, today=today)
        # 3. The rows typed in the workbook, into the shared tracker: read it again (someone
        # may have typed there since step 1) and merge it with what step 2 wrote.
        if pending:
            again = open_side(shared, credentials)
            held.callback(again.close)
            current = read_tracker(again)
            current.number(next_id)
            wrote = Side(
                copy.deepcopy(result.rows), copy.deepcopy(result.rows), result.archive, generation
            )
            last = merge(wrote, current.side)
            _write(
                again,
                Tracker(
                    Side(last.rows, copy.deepcopy(last.rows), last.archive, generation + 1),
                    _open_conflicts(Tracker(wrote, conflicts), current, last.conflicts),
                ),
                max(next_id, current.next_id),
                extra,
                lang,
                today,
            )
    return outcome


def _write(
    target: Target, tracker: Tracker, next_id: int, keep: list[str], lang: str, today: date
) -> None:
    plan = WorkbookPlan(tracker_sheets(tracker, lang, today), lang)
    state = {"next_action_id": str(next_id), "actions_generation": str(tracker.side.generation)}
    target.apply(plan, keep=keep, state=state)
