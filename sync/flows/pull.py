"""Pull, then import and refresh: what `fupan sync --pull` and a "Refresh data" button run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..amazon.pull import PullResult, pull
from ..workspace import Workspace
from .review import SyncResult
from .sync import sync_workbook


@dataclass
class PullAndSync:
    pulled: PullResult
    synced: SyncResult


def pull_and_sync(
    workspace: Workspace,
    *,
    today: date,
    pull_options: dict[str, Any] | None = None,
    **sync_options: Any,
) -> PullAndSync:
    """Pull what Amazon has ready into the inbox, then import it and refresh the workbook.

    A pull that could only request (reports still queued) still refreshes from what the
    store has: the button never waits for Amazon beyond the pull's own `wait`.
    """
    pulled = pull(workspace, today=today, **(pull_options or {}))
    synced = sync_workbook(workspace, today=today, **sync_options)
    return PullAndSync(pulled, synced)
