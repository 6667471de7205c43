"""`fupan costs import FILE`: the team's cost sheet into the workbook's Settings."""

from __future__ import annotations

from pathlib import Path

import click

from .. import api
from .group import FupanGroup
from .lang import cli_lang
from .options import echo_findings, today, workspace_of, workspace_option


@click.group(cls=FupanGroup)
def costs() -> None:
    """Product costs (unit cost, first-leg freight, other cost per unit) for profit."""


@costs.command(name="import")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@workspace_option
@click.option(
    "--workbook",
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option(
    "--dry-run",
    is_flag=True,
)
def import_command(
    sheet: Path, workspace: Path | None, workbook: Path | None, dry_run: bool
) -> None:
    """Read a cost sheet (.xlsx or .csv; headers such as SKU, unit cost / 采购价 / 成本,
    freight / 头程, valid from / 生效日期) into Settings, then refresh the review."""
    ws = workspace_of(workspace, workbook)
    done = api.import_costs(ws, sheet, today=today(), workbook=workbook, dry_run=dry_run)
    lang = cli_lang()
    echo_findings(done.findings, lang=lang)
    click.echo(done.describe(lang))
