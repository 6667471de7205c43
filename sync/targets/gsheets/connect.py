"""A Google Sheet opened with the team's credentials: what `open_target` calls for one."""

from __future__ import annotations

from pathlib import Path

from . import auth
from .target import GSheetsTarget


def open_gsheet(
    sheet: str,
    *,
    credentials: str | Path | None = None,
    dry_run: bool = False,
    wait: float = 0.0,
) -> GSheetsTarget:
    """The Google Sheet at `sheet` (URL or id), with the team's credentials.

    A dry run reads only: it takes no lease, so it never waits for another refresh.
    """
    creds = auth.load_credentials(credentials)
    client = auth.open_client(creds)
    return GSheetsTarget(sheet, client, lease=not dry_run, wait=wait, identity=auth.identity(creds))


__all__ = ["open_gsheet"]
