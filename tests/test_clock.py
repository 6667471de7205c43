"""Time is an input: only the clock module reads the system date; the CLI sets the run's day."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fupan.sync.cli.app import cli
from fupan.sync.clock import run_day
from fupan.sync.errors import UsageError

pytestmark = pytest.mark.dates  # the run's day itself: CI runs it under other dates too

ROOT = Path(__file__).resolve().parents[1]
WALL_CLOCK = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("time", "time"),
    ("time", "localtime"),
    ("Timestamp", "now"),
    ("Timestamp", "today"),
}
# Where real time is the point, not the run's day (each reason in the module itself).
ALLOWED = {
    "sync/clock.py": "the run's day, read once by the entry points",
    "sync/targets/gsheets/auth.py": "whether a Google token has expired is a fact of real time",
    "sync/targets/gsheets/lease.py": "a lease expires in real time, for every process alike",
    "sync/targets/gsheets/target.py": "the lease's clock (real time, as above)",
    "sync/amazon/http.py": "Amazon's rate limits and back-off run in real time",
    "sync/store/history.py": "the audit stamp of an import; no computation reads it",
    "sync/locks.py": "since when a file's lock is held, told to whoever waits (real time)",
}


def wall_clock_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name | ast.Attribute):
            owner = node.value.id if isinstance(node.value, ast.Name) else node.value.attr
            if (owner, node.attr) in WALL_CLOCK:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {owner}.{node.attr}")
    return found


def test_nothing_but_the_clock_reads_the_system_date():
    reads = []
    for folder in ("sync", "addin", "workbook_templates"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.relative_to(ROOT).as_posix() not in ALLOWED:
                reads += wall_clock_reads(path)
    assert reads == []


def test_the_run_day_comes_from_the_option_then_the_environment(monkeypatch):
    monkeypatch.setenv("FUPAN_TODAY", "2027-01-04")
    assert run_day(date(2026, 11, 23)) == date(2026, 11, 23)
    assert run_day() == date(2027, 1, 4)
    monkeypatch.setenv("FUPAN_TODAY", "next monday")
    with pytest.raises(UsageError, match="FUPAN_TODAY"):
        run_day()
    monkeypatch.delenv("FUPAN_TODAY")
    assert run_day() == date.today()  # the system's date is only the default


@pytest.mark.slow  # the whole demo
def test_cli_today_sets_the_day_of_the_demo(tmp_path):
    folder = tmp_path / "demo"
    run = CliRunner().invoke(cli, ["--today", "2027-01-06", "demo", "--dir", str(folder)])
    assert run.exit_code == 0, run.output
    # The last full week before Wednesday 6 January 2027, with one action overdue that day.
    assert "Review of 2026-12-28..2027-01-03" in run.output
    assert "1 overdue action(s)" in run.output
    bad = CliRunner().invoke(cli, ["--today", "06/01/2027", "demo", "--dir", str(folder)])
    assert bad.exit_code != 0 and "%Y-%m-%d" in bad.output
