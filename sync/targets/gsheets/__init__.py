"""Google Sheets: auth, the HTTP seam with bounded retries, the lease and the Sheets target."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .target import GSheetsTarget


def open_gsheet(
    sheet: str,
    *,
    credentials: str | Path | None = None,
    dry_run: bool = False,
    wait: float = 0.0,
) -> GSheetsTarget:
    """The Google Sheet at `sheet` (URL or id), with the team's credentials."""
    from . import auth
    from .target import GSheetsTarget

    creds = auth.load_credentials(credentials)
    client = auth.open_client(creds)
    return GSheetsTarget(sheet, client, lease=not dry_run, wait=wait, identity=auth.identity(creds))


__all__ = ["open_gsheet"]
