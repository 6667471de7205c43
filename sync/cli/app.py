"""The `fupan` command line: a thin shell over the flows and the Python API (fupan.sync.api).

Each command parses its options, calls one flow or API function and prints the result; one
module per command group. Our own errors (FupanError) become a one-line message and a
non-zero exit, never a traceback (group.py).
"""

from __future__ import annotations

from datetime import datetime

import click

from ... import __version__
from . import actions, amazon, auth, costs, excel, minutes, reports, review
from .group import FupanGroup


@click.group(cls=FupanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fupan", message="%(prog)s %(version)s")
@click.option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
)
@click.option("--lang", type=click.Choice(["en", "zh"]))
def cli(today: datetime | None, lang: str | None) -> None:
    """fupan (复盘): your Amazon operations review in the spreadsheet you already use."""


for command in [
    *reports.COMMANDS,
    *review.COMMANDS,
    actions.actions,
    minutes.minutes,
    excel.excel,
    auth.auth,
    costs.costs,
    amazon.amazon,
    amazon.pull_command,
]:
    cli.add_command(command)


def main() -> None:
    cli()
