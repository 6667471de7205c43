"""`fupan sync`: refresh the review, then the shared action tracker its Settings name."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ..workspace import Workspace
from .actions import sync_actions
from .review import SyncResult, refresh_review


def sync_workbook(
    workspace: Workspace,
    reports: Iterable[str | Path] = (),
    *,
    today: date,
    credentials: str | Path | None = None,
    **options: Any,
) -> SyncResult:
    """Import new reports and refresh the review workbook (`options`: see refresh_review),
    then sync the shared action tracker its Settings name, if any (`credentials` are for
    the Google Sheets among them)."""
    result = refresh_review(workspace, reports, today=today, credentials=credentials, **options)
    if result.shared_tracker is not None:
        result.actions = sync_actions(
            workspace,
            result.shared_tracker,
            workbook=result.written_to,
            today=today,
            credentials=credentials,
        )
    return result


__all__ = ["SyncResult", "sync_workbook"]
