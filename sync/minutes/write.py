"""`fupan minutes`: write the minutes and freeze the workbook the meeting reviewed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from ..actions.model import Action
from ..actions.sheets import read_tracker
from ..targets.xlsx import XlsxTarget
from ..workspace import Workspace
from .model import Minutes, changes_since, gather
from .render import markdown, to_html


def read_tracker_rows(workbook: Path) -> list[Action]:
    target = XlsxTarget(workbook)
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
    out: Path | None = None,
    lang: str | None = None,
    fmt: str = "md",
    today: date | None = None,
) -> tuple[Path, Minutes]:
    """Write the minutes (Markdown or HTML) and a snapshot of the reviewed workbook."""
    minutes = gather(workspace, workbook=workbook, today=today, lang=lang)
    folder = workspace.root / "snapshots"
    earlier = (
        sorted(
            p
            for p in folder.glob(f"{minutes.workbook.stem}-*.xlsx")
            if p.stem[-10:] < minutes.meeting.isoformat()
        )
        if folder.exists()
        else []
    )
    if earlier:
        last = earlier[-1]
        actions = list(read_tracker_rows(minutes.workbook))
        minutes.since = (date.fromisoformat(last.stem[-10:]), changes_since(last, actions))
    minutes.snapshot = snapshot(minutes.workbook, folder, minutes.meeting)
    text = markdown(minutes) if fmt == "md" else to_html(minutes)
    path = out or workspace.root / "minutes" / f"minutes-{minutes.meeting.isoformat()}.{fmt}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path, minutes
