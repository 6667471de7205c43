"""`fupan check`, `fupan import`, `fupan kpis`: what reports hold, into the store, as KPIs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import api, marketplaces
from ..i18n import t
from ..ingest.registry import READERS
from . import render
from .group import FupanCommand
from .help import name_zh, report_title
from .lang import cli_lang
from .options import (
    echo_findings,
    marketplace_option,
    parse_period,
    period_option,
    progress,
    today,
    workspace_of,
    workspace_option,
)


class ListsReports(FupanCommand):
    """A command whose help ends with the report families fupan reads (the registry's)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = cli_lang(ctx)
        titles = [name_zh("report", type(r).__name__, r.title, lang) for r in READERS]
        with formatter.section(t("help:check:supported", lang)):
            formatter.write_text("\b\n" + "\n".join(titles))


@click.command(name="check", cls=ListsReports)
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@period_option
@marketplace_option
def check_command(reports: tuple[Path, ...], period: str | None, marketplace: str | None) -> None:
    """Name each report's type, marketplace, period and rows, and every problem found.

    Exits with 1 when any file cannot be used. Writes nothing.
    """
    results = api.check_reports(
        reports, period=parse_period(period), marketplace=marketplace, today=today()
    )
    lang = cli_lang()
    names = {reader.title: type(reader).__name__ for reader in READERS}
    for r in results:
        if r.usable:
            span = str(r.period) if r.period else t("cli_no_dates", lang)
            window = "".join(t("cli_attribution", lang, days=d) for d in r.attribution_days)
            title = name_zh("report", names.get(r.report, ""), r.report, lang)
            click.echo(
                t(
                    "cli_checked",
                    lang,
                    file=r.file.name,
                    report=title,
                    marketplace=r.marketplace,
                    span=span,
                    rows=r.rows,
                    window=window,
                )
            )
        else:
            click.echo(click.style(t("cli_unusable", lang, file=r.file.name), fg="red"))
        echo_findings(r.findings, indent="  ", lang=lang)
    if not all(r.usable for r in results):
        sys.exit(1)


@click.command(name="import", cls=FupanCommand)
@click.argument("reports", nargs=-1, type=click.Path(exists=True, path_type=Path))
@period_option
@workspace_option
def import_command(reports: tuple[Path, ...], period: str | None, workspace: Path | None) -> None:
    """Import reports (default: the workspace's reports/ inbox) into the history store."""
    ws = workspace_of(workspace)
    lang = cli_lang()
    label = t("say:reading_reports", lang)
    with click.progressbar(length=1, label=label, file=sys.stderr) as bar:
        summary = api.import_into_workspace(
            ws, reports, period=parse_period(period), progress=progress(bar), today=today()
        )
    for o in summary.outcomes:
        said = {"file": Path(o.file).name, "report": report_title(o.reader, lang)}
        if o.skipped:
            click.echo(t("say:already_imported", lang, **said))
        else:
            click.echo(t("say:imported", lang, rows=o.rows, replaced=o.replaced, **said))
    echo_findings(summary.findings, lang=lang)


@click.command(cls=FupanCommand)
@click.argument("reports", nargs=-1, type=click.Path(exists=True, path_type=Path))
@period_option
@marketplace_option
@click.option(
    "--compare",
    type=click.Choice(["previous", "yoy"]),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option("--lang", type=click.Choice(["en", "zh"]))
@workspace_option
def kpis(
    reports: tuple[Path, ...],
    period: str | None,
    marketplace: str | None,
    compare: str | None,
    fmt: str,
    lang: str | None,
    workspace: Path | None,
) -> None:
    """KPIs of report files or folders, or of the workspace's history when none are given.

    Ratios are fractions (ACoS 31.78 % is 0.3178); money is in the marketplace currency.
    """
    ws = None if reports else workspace_of(workspace)
    review = api.compute_kpis(
        reports,
        workspace=ws,
        period=parse_period(period),
        marketplace=marketplace,
        compare=compare,
        today=today(),
    )
    if fmt == "json":
        click.echo(render.to_json(review.kpis))
    elif fmt == "csv":
        click.echo(render.to_csv(review.kpis), nl=False)
    else:
        click.echo(f"{review.marketplace} {review.period}")
        currency = marketplaces.get(review.marketplace).currency
        said = lang or cli_lang()
        click.echo(render.to_table(review.kpis, lang=said, currency=currency), nl=False)
    echo_findings(review.findings, lang=lang or cli_lang())


COMMANDS = [check_command, import_command, kpis]
