"""`fupan minutes`: write the minutes and freeze the workbook the meeting reviewed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from ..actions.model import Action
from ..actions.sheets import read_tracker
from ..minutes.model import Minutes, changes_since, gather
from ..minutes.render import markdown, to_html
from ..targets.base import Target
from ..targets.gsheets.target import GSheetsTarget
from ..targets.xlsx import XlsxTarget
from ..workspace import Workspace


def read_tracker_rows(target: Target) -> list[Action]:
    rows = list(read_tracker(target).side.rows.values())
    target.close()
    return rows


def snapshot(workbook: Path, folder: Path, day: date) -> Path:
    """A dated copy of the reviewed workbook, so the minutes point at the numbers seen."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{workbook.stem}-{day.isoformat()}{workbook.suffix}"
    shutil.copy2(workbook, out)
    return out


def write_minutes(
    workspace: Workspace,
    *,
    workbook: Path | None = None,
    gsheet: GSheetsTarget | None = None,
    out: Path | None = None,
    lang: str | None = None,
    fmt: str = "md",
    today: date,
    snapshot_folder: str | None = None,
) -> tuple[Path, Minutes]:
    """Write the minutes (Markdown or HTML) and a snapshot of the reviewed workbook.

    With `gsheet` the meeting's Google Sheet is read and copied in Drive (into the Shared
    Drive folder `snapshot_folder` when given); otherwise the .xlsx is copied beside it.
    """
    folder = workspace.root / "snapshots"
    if gsheet is not None:
        minutes = gather(workspace, target=gsheet, today=today, lang=lang)
        from ..targets.gsheets import snapshot as google_snapshot

        last = google_snapshot.earlier(folder, gsheet, minutes.meeting)
        if last is not None:
            frozen = GSheetsTarget(last.id, gsheet.client, lease=False)
            actions = read_tracker_rows(gsheet.reopen())
            minutes.since = (date.fromisoformat(last.day), changes_since(frozen, actions))
        taken = google_snapshot.take(gsheet, folder, minutes.meeting, snapshot_folder)
        minutes.snapshot = taken.url
    else:
        minutes = gather(workspace, workbook=workbook, today=today, lang=lang)
        path = Path(minutes.workbook)
        earlier = (
            sorted(
                p
                for p in folder.glob(f"{path.stem}-*.xlsx")
                if p.stem[-10:] < minutes.meeting.isoformat()
            )
            if folder.exists()
            else []
        )
        if earlier:
            last_file = earlier[-1]
            actions = read_tracker_rows(XlsxTarget(path))
            minutes.since = (
                date.fromisoformat(last_file.stem[-10:]),
                changes_since(XlsxTarget(last_file), actions),
            )
        minutes.snapshot = snapshot(path, folder, minutes.meeting)
    text = markdown(minutes) if fmt == "md" else to_html(minutes)
    out_path = out or workspace.root / "minutes" / f"minutes-{minutes.meeting.isoformat()}.{fmt}"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text, encoding="utf-8")
    return out_path, minutes
