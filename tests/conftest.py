"""Shared test fixtures. Files from ../shared are read in place and skipped when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_REPORTS = SHARED / "fixtures" / "reports"
SHARED_REAL = SHARED / "fixtures" / "real"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared is absent here ({'/'.join(parts)} not found)")
    return path


@pytest.fixture
def shared_reports() -> Path:
    return shared_path("fixtures", "reports")


@pytest.fixture
def shared_real() -> Path:
    return shared_path("fixtures", "real")
