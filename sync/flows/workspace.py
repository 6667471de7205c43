"""A workspace's life: created with its store and workbook, fed with report files."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ...workbook_templates.build import template_path
from .. import marketplaces
from ..periods import Period
from ..store.history import Store
from ..store.importer import ImportSummary, Progress, import_reports
from ..workspace import Workspace, init


def init_workspace(
    root: str | Path, *, marketplace: str = marketplaces.DEFAULT, language: str = "en"
) -> Workspace:
    """Create a workspace folder: settings, history store, report inbox."""
    ws = init(root, marketplace=marketplace, language=language)
    Store.open(ws.store_path).close()
    if not ws.workbook.exists():
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
