"""Races: an edit saved while fupan writes, and two fupan runs at once.

An edit is injected at a step between fupan's read and its rename (in this process, at
the checkpoints of sync/locks.py, as a person's save in Excel would land); two runs are two
real processes started together. The counts are printed at the end of the test run.
"""

from __future__ import annotations

import os
import random
from datetime import date

import pytest
from fupan.sync import locks
from fupan.sync.errors import ChangedError
from fupan.sync.flows.actions import sync_actions
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.samples import small_seller
from fupan.sync.targets import xlsx
from openpyxl import load_workbook
from safety_harness import (
    SEED,
    TODAY,
    WEEK,
    Tally,
    columns,
    copy_pair,
    copy_workspace,
    corrupt_files,
    finish,
    fupan,
    leftovers,
    set_field,
    sync_args,
    sync_findings,
    sync_template,
    tracker_args,
    tracker_findings,
    tracker_rows,
    tracker_template,
    type_row,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="runs fupan as real processes"),
]


def inject_at(monkeypatch, step_number: int, edit) -> list[str]:
    """Call `edit()` once, at the N-th write step of the next fupan call in this process."""
    seen: list[str] = []

    def checkpoint(step: str) -> None:
        seen.append(step)
        if len(seen) == step_number:
            edit()

    monkeypatch.setattr(locks, "checkpoint", checkpoint)
    monkeypatch.setattr(xlsx, "checkpoint", checkpoint)
    return seen


def test_an_edit_saved_while_sync_writes_is_never_overwritten(tmp_path, monkeypatch, safety_report):
    template = sync_template(tmp_path / "template", small_seller(date(2026, 11, 22)))
    tally = Tally("edit saved during fupan sync's write")
    # The steps of one write: lock taken, temp created, temp written, backup made, backup
    # kept, replaced. An edit saved before the rename must stop it.
    for step in range(1, 6):
        tag = f"edit at step {step}"
        ws = copy_workspace(template, tmp_path / f"step{step}")
        text = f"typed during step {step}"
        steps = inject_at(monkeypatch, step, lambda ws=ws, text=text: type_row(ws.workbook, text))
        with pytest.raises(ChangedError, match="did not overwrite it: nothing is lost"):
            sync_workbook(ws, period=WEEK, today=TODAY)
        assert len(steps) >= step
        monkeypatch.undo()
        tally.runs += 1
        tally.corrupt += corrupt_files(ws.root)
        book = load_workbook(ws.workbook, read_only=True)
        if text not in [r[columns(book)["action"]] for r in tracker_rows(book)]:
            tally.lost.append(f"{tag}: the edit was overwritten")
        sync_workbook(ws, period=WEEK, today=TODAY)  # run again, as the message says
        book = load_workbook(ws.workbook, read_only=True)
        if [r[columns(book)["action"]] for r in tracker_rows(book)].count(text) != 1:
            tally.lost.append(f"{tag}: the next sync did not keep the edit once")
        tally.leftovers += leftovers(ws.root)
        sync_findings(ws, tally, tag)
    safety_report(tally.line())
    assert tally.clean(), (tally.corrupt, tally.lost, tally.duplicates, tally.leftovers)


def test_an_edit_saved_while_actions_sync_writes_is_kept(tmp_path, monkeypatch, safety_report):
    template = tracker_template(tmp_path / "template")
    rng = random.Random(SEED)
    tally = Tally("edit saved during fupan actions sync's writes")
    ws, shared = copy_pair(template, tmp_path / "clean")
    counted = inject_at(monkeypatch, 0, lambda: None)
    sync_actions(ws, shared, today=TODAY)
    monkeypatch.undo()
    steps = len(counted)  # 2 locks taken, then the steps of each of the 3 writes
    for n, step in enumerate(sorted(rng.sample(range(1, steps + 1), 5))):
        ws, shared = copy_pair(template, tmp_path / f"step{step}")
        side = (ws.workbook, shared)[n % 2]
        text = f"edited during step {step}"
        tag = f"{text} in {side.name}"
        seen = inject_at(
            monkeypatch,
            step,
            lambda side=side, text=text: set_field(side, "A-0002", "result", text),
        )
        sync_actions(ws, shared, today=TODAY)  # notices the edit, reads again: no error
        assert len(seen) >= step
        monkeypatch.undo()
        tally.runs += 1
        tally.corrupt += corrupt_files(ws.root, shared.parent)
        sync_actions(ws, shared, today=TODAY)  # an edit saved after the last write: next sync
        for path in (ws.workbook, shared):
            book = load_workbook(path, read_only=True)
            row = {r[0]: r for r in tracker_rows(book)}.get("A-0002")
            if row is None or row[columns(book)["result"]] != text:
                tally.lost.append(f"{tag}: {path.name} does not hold it")
        tally.leftovers += leftovers(ws.root, shared.parent)
        tracker_findings(ws, shared, tally, tag)
    safety_report(tally.line())
    assert tally.clean(), (tally.corrupt, tally.lost, tally.duplicates, tally.leftovers)


def test_two_actions_syncs_at_once_claim_each_id_once(tmp_path, safety_report):
    template = tracker_template(tmp_path / "template")
    tally = Tally("two fupan actions sync at once")
    for n in range(3):
        ws, shared = copy_pair(template, tmp_path / f"race{n}")
        runs = [fupan(*tracker_args(ws, shared)) for _ in range(2)]
        for code, output in map(finish, runs):
            assert code == 0, output  # the second waits for the first's lock, then syncs
            tally.runs += 1
        tally.corrupt += corrupt_files(ws.root, shared.parent)
        tally.leftovers += leftovers(ws.root, shared.parent)
        tracker_findings(ws, shared, tally, f"race {n}")
    safety_report(tally.line())
    assert tally.clean(), (tally.corrupt, tally.lost, tally.duplicates, tally.leftovers)


def test_two_syncs_at_once_lose_nothing(tmp_path, safety_report):
    template = sync_template(tmp_path / "template", small_seller(date(2026, 11, 22)))
    tally = Tally("two fupan sync at once")
    for n in range(2):
        ws = copy_workspace(template, tmp_path / f"race{n}")
        runs = [fupan(*sync_args(ws)) for _ in range(2)]
        codes = []
        for code, output in map(finish, runs):
            # Each one writes, or stops with a message (the store or the workbook was busy).
            errors = [line for line in output.splitlines() if line.startswith("Error: ")]
            assert code == 0 or (code == 1 and len(errors) == 1), output
            assert "Traceback" not in output, output
            codes.append(code)
            tally.runs += 1
        assert 0 in codes
        tally.corrupt += corrupt_files(ws.root)
        tally.leftovers += leftovers(ws.root)
        sync_findings(ws, tally, f"race {n}")
    safety_report(tally.line())
    assert tally.clean(), (tally.corrupt, tally.lost, tally.duplicates, tally.leftovers)
