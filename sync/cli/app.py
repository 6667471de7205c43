"""The `fupan` command line: a thin shell over the Python API in fupan.sync.api.

Each command parses its options, calls one API function and prints the result. Our own
errors (FupanError) become a one-line message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from ... import __version__
from .. import api
from ..clock import ENV, command_day
from ..errors import FupanError
from ..findings import Finding
from ..periods import Period
from ..workspace import Workspace
from . import amazon as amazon_cli
from . import render
from .auth import auth

F = TypeVar("F", bound=Callable[..., Any])


def friendly(fn: F) -> F:
    """Turn FupanError into `Error: <message>` and the error's exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except FupanError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps fn's signature


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fupan")
@click.option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help=f"Run as of this day (what is overdue, which ad days are provisional); "
    f"default: ${ENV} or the system's date.",
)
def cli(today: datetime | None) -> None:
    """fupan (复盘): your Amazon operations review in the spreadsheet you already use."""


_today = command_day  # the run's day, read once per run and passed to every flow


def main() -> None:
    cli()


# Commands are defined below, one section per command, each calling one API function.


credentials_option = click.option(
    "--credentials",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Service-account key (.json) for Google Sheets; default: $FUPAN_GOOGLE_CREDENTIALS, "
    "$GOOGLE_APPLICATION_CREDENTIALS, or the login of `fupan auth login`.",
)


def gsheet_option(text: str) -> Callable[[F], F]:
    return click.option("--gsheet", metavar="URL_OR_ID", help=text)


def gsheet_options(fn: F) -> F:
    """--gsheet, --credentials and --wait: writing to a Google Sheet."""
    fn = click.option(
        "--wait",
        type=float,
        default=0.0,
        show_default=True,
        help="Seconds to wait when someone else is refreshing the Google Sheet.",
    )(fn)
    fn = credentials_option(fn)
    text = "Write the review to this Google Sheet (share it with fupan's identity first)."
    return gsheet_option(text)(fn)


def _period(text: str | None) -> Period | None:
    return Period.parse(text) if text else None


period_option = click.option(
    "--period", metavar="START..END", help="Days the reports cover, e.g. 2026-11-16..2026-11-22."
)
marketplace_option = click.option(
    "--marketplace", metavar="CODE", help="US, UK (or GB), DE, JP ... (default: from the data)."
)
workspace_option = click.option(
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    help="Workspace folder (default: the one containing the current folder).",
)


def _workspace(path: Path | None) -> Workspace:
    return Workspace.load(path) if path else Workspace.find()


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@marketplace_option
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@friendly
def init(directory: Path, marketplace: str | None, lang: str) -> None:
    """Create a workspace: history store, report inbox and review workbook."""
    ws = api.init_workspace(directory, marketplace=marketplace or "US", language=lang)
    click.echo(
        f"Workspace ready in {ws.root}: drop downloaded reports into {ws.reports}, then run "
        f"`fupan sync --workspace {ws.root}`; the review workbook is {ws.workbook}."
    )


def _supported_reports() -> str:
    from ..ingest.registry import READERS

    return "Supported reports:\n\n\b\n" + "\n".join(f"  {r.title}" for r in READERS)


@cli.command(name="check", epilog=_supported_reports())
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@period_option
@marketplace_option
@friendly
def check_command(reports: tuple[Path, ...], period: str | None, marketplace: str | None) -> None:
    """Name each report's type, marketplace, period and rows, and every problem found.

    Exits with 1 when any file cannot be used. Writes nothing.
    """
    results = api.check_reports(
        reports, period=_period(period), marketplace=marketplace, today=_today()
    )
    for r in results:
        if r.usable:
            span = str(r.period) if r.period else "no dates"
            window = "".join(f", {d}-day attribution" for d in r.attribution_days)
            click.echo(f"{r.file.name}: {r.report}, {r.marketplace}, {span}, {r.rows} rows{window}")
        else:
            click.echo(click.style(f"{r.file.name}: cannot be used", fg="red"))
        _echo_findings(r.findings, indent="  ")
    if not all(r.usable for r in results):
        sys.exit(1)


@cli.command(name="import")
@click.argument("reports", nargs=-1, type=click.Path(exists=True, path_type=Path))
@period_option
@workspace_option
@friendly
def import_command(reports: tuple[Path, ...], period: str | None, workspace: Path | None) -> None:
    """Import reports (default: the workspace's reports/ inbox) into the history store."""
    ws = _workspace(workspace)
    with click.progressbar(length=1, label="Reading reports", file=sys.stderr) as bar:
        summary = api.import_into_workspace(
            ws, reports, period=_period(period), progress=_progress(bar), today=_today()
        )
    for o in summary.outcomes:
        state = "already imported" if o.skipped else f"{o.rows} rows, {o.replaced} replaced"
        click.echo(f"{Path(o.file).name}: {o.reader}, {state}")
    _echo_findings(summary.findings)


def _echo_findings(findings: Iterable[Finding], indent: str = "") -> None:
    """Every problem found in a file, on stderr, naming the file (and row and column)."""
    for f in findings:
        # A refused file's message already says 'Report "x.csv", row 3, ...'.
        text = f"{f.severity}: {f.message}" if f.message.startswith("Report ") else f.render()
        click.echo(indent + text, err=True)


def _progress(bar: Any) -> Callable[[int, int, str], None]:
    def update(done: int, total: int, name: str) -> None:
        bar.length = max(total, 1)
        bar.update(done - bar.pos)

    return update


@cli.command()
@click.argument("reports", nargs=-1, type=click.Path(exists=True, path_type=Path))
@period_option
@marketplace_option
@click.option("--compare", type=click.Choice(["previous", "yoy"]), help="Comparison period.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@workspace_option
@friendly
def kpis(
    reports: tuple[Path, ...],
    period: str | None,
    marketplace: str | None,
    compare: str | None,
    fmt: str,
    lang: str,
    workspace: Path | None,
) -> None:
    """KPIs of report files or folders, or of the workspace's history when none are given.

    Ratios are fractions (ACoS 31.78 % is 0.3178); money is in the marketplace currency.
    """
    ws = None if reports else _workspace(workspace)
    review = api.compute_kpis(
        reports,
        workspace=ws,
        period=_period(period),
        marketplace=marketplace,
        compare=compare,
        today=_today(),
    )
    if fmt == "json":
        click.echo(render.to_json(review.kpis))
    elif fmt == "csv":
        click.echo(render.to_csv(review.kpis), nl=False)
    else:
        click.echo(f"{review.marketplace} {review.period}")
        click.echo(render.to_table(review.kpis, lang=lang), nl=False)
    _echo_findings(review.findings)


@cli.command()
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("fupan-demo"),
    show_default=True,
    help="Where to create the demo workspace.",
)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@gsheet_options
@friendly
def demo(
    folder: Path, lang: str, gsheet: str | None, credentials: Path | None, wait: float
) -> None:
    """Build sample reports of a realistic seller and write a complete review workbook.

    With --gsheet the same review also goes to a Google Sheet.
    """
    from ..flows.demo import run_demo

    sheet = None
    if gsheet:
        from ..targets.gsheets import open_gsheet

        sheet = open_gsheet(gsheet, credentials=credentials, wait=wait)
    result = run_demo(folder, lang=lang, today=_today(), gsheet=sheet)
    s = result.sync
    click.echo(f"{len(result.files)} sample reports in {result.workspace.reports}")
    click.echo(f"Review workbook: {result.workspace.workbook}")
    if sheet is not None:
        click.echo(f"Google Sheet: {sheet.name}")
    click.echo(_summary(s))


def _summary(s: Any) -> str:
    empty = any(f.code == "comparison-empty" for f in s.review.findings)
    return (
        f"Review of {s.review.period}"
        + (f" against {s.review.compare}" if s.review.compare else "")
        + (" (no data in the comparison period: changes are n/a)" if empty else "")
        + f": {s.reds} red and {s.yellows} yellow KPI values, {s.suggestions} proposed "
        f"actions, {s.overdue} overdue action(s)."
    )


@cli.command(name="sync")
@click.argument("reports", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--workbook",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The review workbook (default: review.xlsx in the workspace).",
)
@period_option
@click.option(
    "--compare",
    type=click.Choice(["previous", "yoy", "none"]),
    default="previous",
    show_default=True,
    help="Comparison period.",
)
@click.option("--lang", type=click.Choice(["en", "zh"]), help="Workbook language.")
@gsheet_options
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option("--pull", is_flag=True, help="First pull new reports from Amazon (`fupan pull`).")
@workspace_option
@friendly
def sync_command(
    reports: tuple[Path, ...],
    workbook: Path | None,
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
    from ..flows.sync import sync_workbook

    ws = _workspace(workspace)
    if pull and not dry_run:
        from ..amazon.pull import pull as pull_reports

        click.echo(pull_reports(ws, today=_today(), wait=60.0).describe())
    target, also, seed = None, [], None
    if gsheet:
        from ..targets import XlsxTarget
        from ..targets.gsheets import open_gsheet

        target = open_gsheet(gsheet, credentials=credentials, dry_run=dry_run, wait=wait)
        also = [XlsxTarget(workbook)] if workbook else []
        local = also[0] if also else XlsxTarget(ws.workbook)  # one reader for one file
        seed = local if local.path.exists() else None
    with click.progressbar(length=1, label="Importing reports", file=sys.stderr) as bar:
        result = sync_workbook(
            ws,
            reports,
            workbook=workbook,
            target=target,
            also=also,
            period=_period(period),
            compare=compare,
            language=lang,
            dry_run=dry_run,
            progress=_progress(bar),
            credentials=credentials,
            seed=seed,
            today=_today(),
        )
    _echo_findings(result.findings)
    if dry_run:
        click.echo("Dry run: nothing was written.")
        for line in result.would_import:
            click.echo(f"would import {line}")
        click.echo(result.plan.describe())
    else:
        if result.imported:
            for o in result.imported.imported:
                click.echo(f"imported {Path(o.file).name}: {o.rows} rows")
        click.echo(f"Wrote {result.target}")
        for other in also:
            click.echo(f"Wrote {other.name}")
        for note in getattr(target, "notes", []):
            click.echo(note)
    click.echo(_summary(result))
    if result.actions is not None:
        click.echo(f"Shared action tracker: {result.actions.describe()}")


@cli.group()
def excel() -> None:
    """The Excel add-in: =AMZ_*() functions and the "Refresh data" ribbon button."""


@excel.command(name="build")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("fupan.xlam"),
    show_default=True,
)
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Language of the ribbon button.",
)
@friendly
def excel_build(out: Path, lang: str) -> None:
    """Build the fupan.xlam add-in (works on any OS; install it in Excel on Windows)."""
    from ...addin.build import build_addin

    path = build_addin(out, lang=lang)
    click.echo(f"Wrote {path}. See docs/excel.md to install it in Excel.")


@cli.group()
def actions() -> None:
    """The action tracker: keep the workbook's Actions tab and a shared tracker in step."""


@actions.command(name="sync")
@click.option(
    "--workbook",
    metavar="PATH_OR_URL",
    help="The review workbook: .xlsx or Google Sheet (default: review.xlsx in the workspace).",
)
@click.option(
    "--shared",
    required=True,
    metavar="PATH_OR_URL",
    help="The shared tracker: an .xlsx file (created when missing) or a Google Sheet URL.",
)
@credentials_option
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@workspace_option
@friendly
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
    from ..flows.actions import sync_actions
    from ..targets.gsheets.address import looks_like_gsheet

    def side(text: str) -> str | Path:
        return text if looks_like_gsheet(text) else Path(text)

    book = side(workbook) if workbook else None
    start = book.parent if isinstance(book, Path) else None
    ws = _workspace(workspace) if workspace or not start else Workspace.find(start)
    result = sync_actions(
        ws,
        side(shared),
        workbook=book,
        dry_run=dry_run,
        credentials=credentials,
        today=_today(),
    )
    click.echo(result.describe())
    for c in result.conflicts:
        click.echo(f"  conflict {c.id} {c.field}: workbook {c.workbook!r}, shared {c.shared!r}")


@cli.command()
@click.option(
    "--workbook",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The reviewed workbook (default: review.xlsx in the workspace).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the minutes (default: minutes/minutes-<date>.<format>).",
)
@click.option("--lang", type=click.Choice(["en", "zh"]), help="Language (default: workbook's).")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@gsheet_option("The meeting's Google Sheet, instead of --workbook.")
@credentials_option
@click.option(
    "--snapshot-folder",
    metavar="FOLDER_ID",
    help="Drive folder for the Google Sheet's snapshot copy (a Shared Drive folder for a "
    "service account).",
)
@workspace_option
@friendly
def minutes(
    workbook: Path | None,
    out: Path | None,
    lang: str | None,
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
    from ..flows.minutes import write_minutes

    ws = _workspace(workspace) if workspace or not workbook else Workspace.find(workbook.parent)
    sheet = None
    if gsheet:
        from ..targets.gsheets import open_gsheet

        sheet = open_gsheet(gsheet, credentials=credentials, dry_run=True)  # reads only
    path, m = write_minutes(
        ws,
        workbook=workbook,
        gsheet=sheet,
        out=out,
        lang=lang,
        fmt=fmt,
        snapshot_folder=snapshot_folder,
        today=_today(),
    )
    click.echo(f"Minutes: {path}\nSnapshot of the reviewed workbook: {m.snapshot}")


@excel.command(name="install")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@friendly
def excel_install(lang: str) -> None:
    """Install fupan.xlam into Excel's start-up folder (Windows, macOS)."""
    from ...addin.build import install_addin

    path = install_addin(lang=lang)
    click.echo(f"Installed {path}. Restart Excel, then import the functions (docs/excel.md).")


cli.add_command(auth)
cli.add_command(amazon_cli.amazon)
cli.add_command(amazon_cli.pull_command)
