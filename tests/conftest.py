"""Shared test fixtures. Files from ../shared are read in place and skipped when absent.

A fresh clone elsewhere has no ../shared. Every test that reads it (through `shared_path`,
`shared_reports`, `shared_real`, or the gspread cassettes) then skips, and a twin on files
the project writes itself (sync/samples) checks the same reader, KPI or workbook behaviour;
each shared test names its twin. To run that view here, hide ../shared without moving it:

    FUPAN_NO_SHARED=1 .venv/bin/python -m pytest -q -n 2 -m "not slow"

(any value but empty or "0"); the shared tests then skip, saying so, and the twins run.
"""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest
from fupan.sync.flows.demo import DemoResult
from fupan.sync.samples import Seller, small_seller
from shared_files import shared_dir, why_absent

ROOT = Path(__file__).resolve().parents[1]


# The day every CLI run in the tests happens on (fupan's clock reads it); a test that needs
# another day passes --today or today=. CI runs the suite under other system dates too.
RUN_DAY = "2026-11-25"


@pytest.fixture(autouse=True)
def _pinned_run_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FUPAN_TODAY", RUN_DAY)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every LibreOffice test is slow too: `pytest -m "not slow"` is the everyday subset.
    for item in items:
        if item.get_closest_marker("libreoffice"):
            item.add_marker(pytest.mark.slow)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason (absent, or FUPAN_NO_SHARED)."""
    path = shared_dir(*parts)
    if path is None:
        pytest.skip(why_absent(*parts))
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


def own_copy(demo: DemoResult, folder: Path) -> DemoResult:
    """The demo's workspace copied into `folder`: a test that writes sees no other's files."""
    root = folder / demo.workspace.root.name
    shutil.copytree(demo.workspace.root, root)
    moved = [root / p.relative_to(demo.workspace.root) for p in demo.files]
    return dataclasses.replace(
        demo, workspace=dataclasses.replace(demo.workspace, root=root), files=moved
    )


@pytest.fixture
def fake_google():
    """The Google Sheets/Drive stand-in (tests/google_standin), with one shared spreadsheet."""
    from google_standin import FakeGoogle

    return FakeGoogle()


@pytest.fixture
def gclient(fake_google):
    """A real gspread client, with fupan's retrying HTTP client, talking to the stand-in."""
    import google.oauth2.credentials
    from fupan.sync.targets.gsheets.auth import open_client

    client = open_client(google.oauth2.credentials.Credentials(token="test-token"))
    client.http_client._sleep = lambda seconds: None  # retries without waiting
    fake_google.mount(client.http_client.session)
    return client


# Kill and race tests (test_kill_safety.py, test_race_safety.py) print their counts here, at
# the end of the run, whatever pytest's capture: "N runs, 0 corrupt files, 0 lost edits ...".
_SAFETY_KEY = pytest.StashKey[list[str]]()


@pytest.fixture
def safety_report(request: pytest.FixtureRequest):
    lines = request.config.stash.setdefault(_SAFETY_KEY, [])

    def report(line: str) -> None:
        print(line)
        lines.append(line)

    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    lines = config.stash.get(_SAFETY_KEY, [])
    if lines:
        terminalreporter.section("kill and race tests")
        for line in lines:
            terminalreporter.write_line(line)
