"""`fupan init`, `fupan sync`, `fupan demo`: a workspace, and its review workbook refreshed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .. import api
from ..flows.demo import run_demo
from ..flows.pull import pull_and_sync
from ..flows.sync import sync_workbook
from ..i18n import t
from .group import FupanCommand
from .options import (
    WritesWorkbooks,
    echo_findings,
    gsheet_options,
    marketplace_option,
    parse_period,
    period_option,
    progress,
    summary,
    today,
    workspace_of,
    workspace_option,
)

PULL_WAIT = 60.0  # seconds `sync --pull` waits for the reports it requests now


@click.command(cls=FupanCommand)
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@marketplace_option
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
def init(directory: Path, marketplace: str | None, lang: str) -> None:
    """Create a workspace: history store, report inbox and review workbook."""
    ws = api.init_workspace(directory, marketplace=marketplace or "US", language=lang)
    click.echo(
        t(
            "cli_workspace_ready",
            lang,
            root=ws.root,
            reports=ws.reports,
            workbook=ws.workbook,
        )
    )


@click.command(cls=FupanCommand)
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("fupan-demo"),
    show_default=True,
)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@gsheet_options
def demo(
    folder: Path, lang: str, gsheet: str | None, credentials: Path | None, wait: float
) -> None:
    """Build sample reports of a realistic seller and write a complete review workbook.

    With --gsheet the same review also goes to a Google Sheet.
    """
    result = run_demo(
        folder, lang=lang, today=today(), gsheet=gsheet, credentials=credentials, wait=wait
    )
    n, folder = len(result.files), result.workspace.reports
    click.echo(t("cli_demo_reports", lang, n=n, folder=folder))
    click.echo(t("cli_review_workbook", lang, path=result.workspace.workbook))
    if result.gsheet is not None:
        click.echo(t("cli_google_sheet", lang, url=result.gsheet))
    click.echo(summary(result.sync, lang))


@click.command(name="sync", cls=WritesWorkbooks)
@click.argument("reports", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--workbook",
    type=click.Path(dir_okay=False),
)
@period_option
@click.option(
    "--compare",
    type=click.Choice(["previous", "yoy", "none"]),
    default="previous",
    show_default=True,
)
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
)
@gsheet_options
@click.option(
    "--dry-run",
    is_flag=True,
)
@click.option(
    "--pull",
    is_flag=True,
)
@workspace_option
def sync_command(
    reports: tuple[Path, ...],
    workbook: str | None,
    period: str | None,
    compare: str,
    lang: str | None,
    gsheet: str | None,
    credentials: Path | None,
    wait: float,
    dry_run: bool,
    pull: bool,
    workspace: Path | None,
) -> None:
    """Import new reports and refresh the review workbook.

    Rewrites only fupan's ranges: Settings edits, Actions, notes and extra tabs are kept.
    With --gsheet the Google Sheet is the workbook the team edits; add --workbook to write
    an .xlsx copy of the same review in the same run.
    """
    ws = workspace_of(workspace)
    said = lang or ws.language
    pulled = None
    with click.progressbar(length=1, label=t("cli_importing", said), file=sys.stderr) as bar:
        options: dict[str, Any] = {
            "workbook": workbook,
            "gsheet": gsheet,
            "credentials": credentials,
            "wait": wait,
            "period": parse_period(period),
            "compare": compare,
            "language": lang,
            "dry_run": dry_run,
            "progress": progress(bar),
            "today": today(),
        }
        if pull and not dry_run:
            done = pull_and_sync(ws, pull_options={"wait": PULL_WAIT}, reports=reports, **options)
            pulled, result = done.pulled, done.synced
        else:
            result = sync_workbook(ws, reports, **options)
    if pulled is not None:
        click.echo(pulled.describe())
    echo_findings(result.findings, lang=said)
    if dry_run:
        click.echo(t("cli_dry_run", said))
        for line in result.would_import:
            click.echo(f"would import {line}")
        click.echo(result.plan.describe())
    else:
        if result.imported:
            for o in result.imported.imported:
                click.echo(t("cli_imported", said, file=Path(o.file).name, rows=o.rows))
        click.echo(t("cli_wrote", said, where=result.target))
        for name in result.copies:
            click.echo(t("cli_wrote", said, where=name))
        for note in result.notes:
            click.echo(note)
    click.echo(summary(result, said))
    if result.actions is not None:
        click.echo(t("cli_shared_tracker", said, text=result.actions.describe()))


COMMANDS = [init, demo, sync_command]
