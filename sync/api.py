"""The public Python API: one function per CLI command (the CLI is a thin shell over these)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from . import marketplaces
from .engine.build import build_review
from .engine.review import Review
from .engine.window import comparison, default_period
from .errors import UsageError, msg
from .findings import Finding
from .flows.costs import CostImport
from .flows.costs import import_costs as run_cost_import
from .flows.workspace import import_into_workspace, init_workspace
from .ingest.check import CheckResult, check_reports
from .periods import Period
from .settings import Settings
from .settings_sheet import team_settings
from .store.history import Store
from .store.importer import ImportSummary, Progress, import_reports
from .targets.registry import open_target
from .workspace import Workspace

__all__ = [
    "CheckResult",
    "ImportSummary",
    "Review",
    "check_reports",
    "compute_kpis",
    "import_costs",
    "import_into_workspace",
    "import_reports",
    "init_workspace",
]


def resolve_marketplace(store: Store, marketplace: str | None) -> str:
    if marketplace:
        return marketplaces.get(marketplace).code
    found = store.marketplaces()
    if len(found) > 1:
        raise UsageError(msg("err:several_markets_data", found=", ".join(found)))
    return found[0] if found else marketplaces.DEFAULT


def compute_kpis(
    paths: Iterable[str | Path] = (),
    *,
    workspace: Workspace | None = None,
    period: Period | None = None,
    marketplace: str | None = None,
    compare: str | None = None,
    sales_target: float | None = None,  # monthly, pro-rated to the period
    progress: Progress | None = None,
    today: date | None = None,
) -> Review:
    """KPIs of report files (read into a throw-away store) or of a workspace's store."""
    paths = list(paths)
    read_findings: list[Finding] = []
    if paths:
        store = Store.memory()
        read_findings = import_reports(
            paths,
            store=store,
            period=period,
            marketplace=marketplace,
            progress=progress,
            today=today,
        ).findings
    elif workspace is not None:
        store = Store.open(workspace.store_path, read_only=True)  # reads: shares the store
        marketplace = marketplace or workspace.marketplace
    else:
        raise UsageError(msg("err:give_reports"))
    # The statuses of a workspace's KPIs follow the bands its team set in the workbook.
    settings = Settings.defaults()
    if workspace is not None and workspace.workbook.exists():
        book = open_target(workspace.workbook)
        settings = team_settings(book, workspace.language)
        book.close()
    if sales_target:
        settings.sales_target = sales_target
    with store:
        market = resolve_marketplace(store, marketplace)
        chosen = period or default_period(store, market)
        review = build_review(
            store,
            chosen,
            marketplace=market,
            compare=comparison(chosen, compare),
            settings=settings,
        )
    review.findings[:0] = read_findings  # what reading the files found comes first
    return review


def import_costs(
    workspace: Workspace,
    sheet: str | Path,
    *,
    today: date,
    workbook: str | Path | None = None,
    dry_run: bool = False,
) -> CostImport:
    """`fupan costs import`: a team's cost sheet (.xlsx/.csv, English or Chinese headers)
    into the workbook's Settings (Products, dated rows), then the review refreshed."""
    return run_cost_import(workspace, sheet, today=today, workbook=workbook, dry_run=dry_run)
