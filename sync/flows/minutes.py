"""`fupan minutes`: write the minutes and freeze the workbook the meeting reviewed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..actions.model import Action
from ..actions.sheets import read_tracker
from ..minutes.model import Minutes, changes_since, gather
from ..minutes.render import markdown, to_html
from ..targets.base import Target
from ..targets.registry import open_target
from ..workspace import Workspace


def read_tracker_rows(target: Target) -> list[Action]:
    rows = list(read_tracker(target).side.rows.values())
    target.close()
    return rows


def write_minutes(
    workspace: Workspace,
    *,
    workbook: str | Path | Target | None = None,
    gsheet: str | Target | None = None,
    credentials: str | Path | None = None,
    out: Path | None = None,
    lang: str | None = None,
    fmt: str = "md",
    today: date,
    meeting: date | None = None,
    snapshot_folder: str | None = None,
) -> tuple[Path, Minutes]:
    """Write the minutes (Markdown or HTML) of the meeting held on `meeting` (default:
    `today`, the run's day) and a snapshot of the reviewed workbook, dated the meeting.

    The workbook is `gsheet` (the meeting's Google Sheet), else `workbook`, else the
    workspace's review.xlsx; it is only read. An .xlsx is copied into the workspace's
    snapshots/ folder, a Google Sheet in Drive (into the Shared Drive folder
    `snapshot_folder` when given); the minutes say what changed since the last snapshot.
    """
    folder = workspace.root / "snapshots"
    where = gsheet or workbook or workspace.workbook
    kind = "gsheet" if gsheet else None
    target = (
        open_target(where, credentials=credentials, dry_run=True, kind=kind)  # reads only
        if isinstance(where, str | Path)
        else where
    )
    minutes = gather(workspace, target=target, today=today, meeting=meeting, lang=lang)
    last = target.earlier_snapshot(folder, minutes.meeting)
    if last is not None:
        day, frozen = last
        actions = read_tracker_rows(target.reopen())
        minutes.since = (day, changes_since(frozen, actions))
    minutes.snapshot = target.snapshot(folder, minutes.meeting, drive_folder=snapshot_folder)
    text = markdown(minutes) if fmt == "md" else to_html(minutes)
    out_path = out or workspace.root / "minutes" / f"minutes-{minutes.meeting.isoformat()}.{fmt}"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text, encoding="utf-8")
    return out_path, minutes
