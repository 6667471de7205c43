"""`fupan actions sync`: the workbook's Actions tab and a shared tracker, kept in step."""

from __future__ import annotations

from pathlib import Path

import click

from ..actions.sheets import field_label
from ..flows.actions import sync_actions
from ..i18n import t
from .group import FupanGroup
from .lang import cli_lang
from .options import WritesWorkbooks, credentials_option, today, workspace_of, workspace_option


@click.group(cls=FupanGroup)
def actions() -> None:
    """The action tracker: keep the workbook's Actions tab and a shared tracker in step."""


@actions.command(name="sync", cls=WritesWorkbooks)
@click.option(
    "--workbook",
    metavar="PATH_OR_URL",
)
@click.option(
    "--shared",
    required=True,
    metavar="PATH_OR_URL",
)
@credentials_option
@click.option(
    "--dry-run",
    is_flag=True,
)
@workspace_option
def actions_sync(
    workbook: str | None,
    shared: str,
    credentials: Path | None,
    dry_run: bool,
    workspace: Path | None,
) -> None:
    """Three-way merge of both trackers: no edit is ever lost.

    A field changed on both sides is a conflict: both values are listed in the Conflicts tab
    until a person resolves it. Rows deleted on one side move to the Archive tab on both.
    """
    result = sync_actions(
        workspace_of(workspace, near=workbook),
        shared,
        workbook=workbook,
        dry_run=dry_run,
        credentials=credentials,
        today=today(),
    )
    lang = cli_lang()
    click.echo(result.describe(lang))
    for c in result.conflicts:
        sides = {k: _shown(v, lang) for k, v in (("workbook", c.workbook), ("shared", c.shared))}
        field = field_label(c.field, lang)
        click.echo(t("say:actions_conflict", lang, id=c.id, field=field, **sides))


def _shown(value: object, lang: str) -> str:
    """A conflicting value as the team typed it, quoted; nothing typed said as such."""
    return f"“{value}”" if value not in (None, "") else t("say:empty_value", lang)
