"""fupan killed with SIGKILL at random points: no corrupt file, no lost edit, no duplicate.

Each run is a real process killed at a numbered step of its writes (FUPAN_KILL_AT, chosen
at random among the steps a clean run takes) or after a random delay (which also lands in
its reading, importing and building). The next run repairs what the killed one left. The
counts are printed at the end of the test run ("kill and race tests").
"""

from __future__ import annotations

import os
import signal
from datetime import date

import pytest
from fupan.sync.flows.actions import sync_actions
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.samples import small_seller
from safety_harness import (
    TODAY,
    WEEK,
    Tally,
    copy_pair,
    copy_workspace,
    corrupt_files,
    finish,
    fupan,
    kill_after,
    kill_plan,
    leftovers,
    steps_of,
    sync_args,
    sync_findings,
    sync_template,
    tracker_args,
    tracker_findings,
    tracker_template,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="kills processes with SIGKILL"),
]


def _kill(args: list[str], how: str, at: float) -> bool:
    """Run fupan and kill it; whether it was killed (a delay may outlast the run)."""
    if how == "step":
        code, output = finish(fupan(*args, kill_at=int(at)))
    else:
        code = kill_after(fupan(*args), at)
        output = ""
    assert code in (0, -signal.SIGKILL), output
    return code == -signal.SIGKILL


def test_actions_sync_killed_at_random_points_loses_and_duplicates_nothing(tmp_path, safety_report):
    template = tracker_template(tmp_path / "template")
    ws, shared = copy_pair(template, tmp_path / "clean")
    steps, took = steps_of(tracker_args(ws, shared), tmp_path / "clean")
    assert steps >= 10, steps
    tally = Tally("fupan actions sync killed")
    for n, (how, at) in enumerate(kill_plan(steps, by_step=10, by_delay=2, duration=took)):
        tag = f"kill {n} ({how} {at})"
        ws, shared = copy_pair(template, tmp_path / f"kill{n}")
        tally.runs += _kill(tracker_args(ws, shared), how, at)
        tally.corrupt += corrupt_files(ws.root, shared.parent)
        sync_actions(ws, shared, today=TODAY)  # the next run
        tally.corrupt += corrupt_files(ws.root, shared.parent)
        tally.leftovers += leftovers(ws.root, shared.parent)
        tracker_findings(ws, shared, tally, tag)
    safety_report(tally.line().replace("runs", "kills"))
    assert tally.runs >= 10
    assert tally.clean(), (tally.corrupt, tally.lost, tally.duplicates, tally.leftovers)


def test_sync_killed_at_random_points_loses_nothing(tmp_path, safety_report):
    template = sync_template(tmp_path / "template", small_seller(date(2026, 11, 22)))
    ws = copy_workspace(template, tmp_path / "clean")
    steps, took = steps_of(sync_args(ws), tmp_path / "clean")
    tally = Tally("fupan sync killed")
    for n, (how, at) in enumerate(kill_plan(steps, by_step=steps, by_delay=6, duration=took)):
        tag = f"kill {n} ({how} {at})"
        ws = copy_workspace(template, tmp_path / f"kill{n}")
        tally.runs += _kill(sync_args(ws), how, at)
        tally.corrupt += corrupt_files(ws.root)
        sync_workbook(ws, period=WEEK, today=TODAY)  # the next run
        tally.corrupt += corrupt_files(ws.root)
        tally.leftovers += leftovers(ws.root)
        sync_findings(ws, tally, tag)
    safety_report(tally.line().replace("runs", "kills"))
    assert tally.runs >= 10
    assert tally.clean(), (tally.corrupt, tally.lost, tally.duplicates, tally.leftovers)
