"""Google Sheet addresses: the id inside a URL, and telling a URL from a file path."""

from __future__ import annotations

import re

from ...errors import TargetError

_KEY = re.compile(r"/spreadsheets/d/([a-zA-Z0-9-_]+)|^([a-zA-Z0-9-_]{25,})$")


def looks_like_gsheet(text: str) -> bool:
    """A Google Sheets URL or a bare spreadsheet id (never an .xlsx path)."""
    return bool(_KEY.search(text.strip())) and not text.strip().lower().endswith(".xlsx")


def spreadsheet_key(sheet: str) -> str:
    """The id in a Google Sheets URL (or the id itself)."""
    m = _KEY.search(sheet.strip())
    if not m:
        raise TargetError(
            f'"{sheet}" is not a Google Sheet URL or id; copy the address from the browser '
            "(https://docs.google.com/spreadsheets/d/<id>/edit)."
        )
    return m.group(1) or m.group(2)
