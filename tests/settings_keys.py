"""A Settings row's key as a test finds it: the hidden key column (fupan.sync.settings)."""

from __future__ import annotations

from fupan.sync.settings import row_key


def key_of(row, section: str = "thresholds") -> str:
    """The key of a Settings row of openpyxl cells (a SKU or an ASIN: column A)."""
    return row_key([c.value for c in row], section)
