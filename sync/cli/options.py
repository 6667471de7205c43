"""What the commands share: options, the run's day, the workspace, and how results print."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..clock import command_day
from ..findings import Finding
from ..i18n import t
from ..periods import Period
from ..targets.registry import kinds, local_file
from ..workspace import Workspace
from .group import FupanCommand
from .help import name_zh
from .lang import cli_lang

F = TypeVar("F", bound=Callable[..., Any])

today = command_day  # the run's day, read once per run and passed to every flow


def parse_period(text: str | None) -> Period | None:
    return Period.parse(text) if text else None


def workspace_of(path: Path | None, near: str | Path | None = None) -> Workspace:
    """The workspace --workspace names; else the one containing the workbook `near` names,
    when that is a file; else the one containing the current folder."""
    if path:
        return Workspace.load(path)
    file = local_file(near) if near is not None else None
    return Workspace.find(file.parent) if file is not None else Workspace.find()


credentials_option = click.option(
    "--credentials",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
)


gsheet_option = click.option("--gsheet", metavar="URL_OR_ID")


def gsheet_options(fn: F) -> F:
    """--gsheet, --credentials and --wait: writing to a Google Sheet."""
    fn = click.option(
        "--wait",
        type=float,
        default=0.0,
        show_default=True,
    )(fn)
    fn = credentials_option(fn)
    return gsheet_option(fn)


period_option = click.option(
    "--period",
    metavar="START..END",
)
marketplace_option = click.option(
    "--marketplace",
    metavar="CODE",
)
workspace_option = click.option(
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
)


class WritesWorkbooks(FupanCommand):
    """A command whose help ends with the kinds of workbook fupan writes (the registry's)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        lang = cli_lang(ctx)
        with formatter.section(t("help:sync:workbooks", lang)):
            formatter.write_dl([(k.name, name_zh("kind", k.name, k.about, lang)) for k in kinds()])


def echo_findings(findings: Iterable[Finding], indent: str = "", lang: str | None = None) -> None:
    """Every problem found in a file, on stderr, naming the file (and row and column), in
    the command line's language."""
    lang = lang or cli_lang()
    for f in findings:
        # A refused file's message already says 'Report "x.csv", row 3, ...'.
        if f.framed:
            text = f.render_in(lang)
        elif f.message.startswith("Report ") or f.words is not None:
            text = t("cli_finding", lang, severity=f.severity_text(lang), message=f.text(lang))
        else:
            text = f.render()
        click.echo(indent + text, err=True)


def progress(bar: Any) -> Callable[[int, int, str], None]:
    def update(done: int, total: int, name: str) -> None:
        bar.length = max(total, 1)
        bar.update(done - bar.pos)

    return update
