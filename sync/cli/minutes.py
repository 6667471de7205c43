"""`fupan minutes`: the meeting's minutes (复盘纪要), and the reviewed workbook frozen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..flows.minutes import write_minutes
from ..i18n import t
from .group import FupanCommand
from .options import credentials_option, gsheet_option, today, workspace_of, workspace_option


@click.command(cls=FupanCommand)
@click.option(
    "--workbook",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
)
@click.option(
    "--meeting-date",
    "meeting",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
)
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@gsheet_option
@credentials_option
@click.option(
    "--snapshot-folder",
    metavar="FOLDER_ID",
)
@workspace_option
def minutes(
    workbook: Path | None,
    out: Path | None,
    lang: str | None,
    meeting: datetime | None,
    fmt: str,
    gsheet: str | None,
    credentials: Path | None,
    snapshot_folder: str | None,
    workspace: Path | None,
) -> None:
    """Write the meeting's minutes (复盘纪要) and freeze the reviewed workbook.

    With --gsheet the minutes are of the meeting's Google Sheet, and the snapshot is a dated
    copy of it in Google Drive.
    """
    path, m = write_minutes(
        workspace_of(workspace, near=workbook),
        workbook=workbook,
        gsheet=gsheet,
        credentials=credentials,
        out=out,
        lang=lang,
        fmt=fmt,
        snapshot_folder=snapshot_folder,
        today=today(),
        meeting=meeting.date() if meeting is not None else None,
    )
    click.echo(t("cli_minutes_done", m.lang, path=path, snapshot=m.snapshot))
