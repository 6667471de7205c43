"""Shared test fixtures. Files from ../shared are read in place and skipped when absent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fupan.sync.samples import Seller, small_seller

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


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


@pytest.fixture(scope="session")
def seller() -> Seller:
    """The demo's simulated seller: eight weeks ending Sunday 2026-11-22."""
    return small_seller(date(2026, 11, 22))


@pytest.fixture
def fake_google():
    """The Google Sheets/Drive stand-in (tests/google_standin), with one shared spreadsheet."""
    from google_standin import FakeGoogle

    return FakeGoogle()


@pytest.fixture
def gclient(fake_google):
    """A real gspread client, with fupan's retrying HTTP client, talking to the stand-in."""
    import google.oauth2.credentials
    from fupan.sync.google.auth import open_client

    client = open_client(google.oauth2.credentials.Credentials(token="test-token"))
    client.http_client._sleep = lambda seconds: None  # retries without waiting
    fake_google.mount(client.http_client.session)
    return client
