"""`fupan minutes`: write the minutes and freeze the workbook the meeting reviewed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from ..workspace import Workspace
from .model import Minutes, gather
from .render import markdown, to_html


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
    minutes.snapshot = snapshot(minutes.workbook, workspace.root / "snapshots", minutes.meeting)
    text = markdown(minutes) if fmt == "md" else to_html(minutes)
    path = out or workspace.root / "minutes" / f"minutes-{minutes.meeting.isoformat()}.{fmt}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path, minutes
