"""Where ../shared is, and whether the tests may read it (see tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"

# FUPAN_NO_SHARED=1 hides ../shared from the tests: the view of a fresh clone elsewhere.
HIDDEN = os.environ.get("FUPAN_NO_SHARED", "").strip() not in ("", "0")


def shared_dir(*parts: str) -> Path | None:
    """A path under ../shared, or None when it is absent or hidden, with why."""
    path = SHARED.joinpath(*parts)
    return None if HIDDEN or not path.exists() else path


def why_absent(*parts: str) -> str:
    where = "/".join(parts)
    if HIDDEN:
        return f"../shared is hidden by FUPAN_NO_SHARED ({where} not read)"
    return f"../shared is absent here ({where} not found)"
