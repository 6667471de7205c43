"""The public Python API: one function per CLI command (the CLI is a thin shell over these)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from . import marketplaces
from .engine.review import Review, build_review, comparison, default_period
from .errors import UsageError
from .findings import Finding
from .ingest.check import CheckResult, check_reports
from .periods import Period
from .settings import Settings, team_settings
from .store.history import Store
from .store.importer import ImportSummary, Progress, import_reports
from .targets.registry import open_target
from .workspace import Workspace, init

__all__ = [
    "CheckResult",
    "ImportSummary",
    "Review",
    "check_reports",
    "compute_kpis",
    "import_into_workspace",
    "import_reports",
    "init_workspace",
]


def init_workspace(
    root: str | Path, *, marketplace: str = marketplaces.DEFAULT, language: str = "en"
) -> Workspace:
    """Create a workspace folder: settings, history store, report inbox."""
    ws = init(root, marketplace=marketplace, language=language)
    Store.open(ws.store_path).close()
    if not ws.workbook.exists():
        from ..workbook_templates.build import template_path

        shutil.copyfile(template_path(ws.language), ws.workbook)
    return ws


def import_into_workspace(
    workspace: Workspace,
    paths: Iterable[str | Path] = (),
    *,
    period: Period | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> ImportSummary:
    """Import the given reports (default: the workspace's inbox) into its store."""
    targets = list(paths) or [workspace.reports]
    with Store.open(workspace.store_path) as store:
        return import_reports(
            targets,
            store=store,
            period=period,
            marketplace=workspace.marketplace,
            progress=progress,
            today=today,
        )


def resolve_marketplace(store: Store, marketplace: str | None) -> str:
    if marketplace:
        return marketplaces.get(marketplace).code
    found = store.marketplaces()
    if len(found) > 1:
        raise UsageError(
            f"The data holds several marketplaces ({', '.join(found)}); pick one with "
            "--marketplace."
        )
    return found[0] if found else marketplaces.DEFAULT


def compute_kpis(
    paths: Iterable[str | Path] = (),
    *,
    workspace: Workspace | None = None,
    period: Period | None = None,
    marketplace: str | None = None,
    compare: str | None = None,
    sales_target: float | None = None,
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
        raise UsageError("Give report files or folders, or run inside a workspace.")
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
