"""Shared pieces of the kill and race tests (test_kill_safety.py, test_race_safety.py).

fupan runs as a real process (`python -c "...main()" ARGS`) and is killed with SIGKILL at a
numbered step of its writes (FUPAN_KILL_AT, see sync/locks.py) or after a random delay.
The tests then count corrupt files, lost edits and duplicated actions, and print the counts.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from fupan.sync.actions.model import LABEL_KEYS
from fupan.sync.api import init_workspace
from fupan.sync.flows.actions import sync_actions
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.i18n import t
from fupan.sync.locks import LOCK_SUFFIX, TEMP_MARK
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from fupan.sync.settings import row_key
from fupan.sync.workspace import Workspace
from openpyxl import load_workbook
from settings_keys import key_of

WEEK = Period.parse("2026-11-16..2026-11-22")
TODAY = date(2026, 11, 23)
SEED = 20261123  # every random choice of these tests comes from this seed: runs repeat
MAIN = "from fupan.sync.cli.app import main; main()"


@dataclass
class Tally:
    """What one kill or race test found; `line()` is printed and asserted to be all zero."""

    name: str
    runs: int = 0
    corrupt: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.name}: {self.runs} runs, {len(self.corrupt)} corrupt files, "
            f"{len(self.lost)} lost edits, {len(self.duplicates)} duplicates, "
            f"{len(self.leftovers)} leftover temp files"
        )

    def clean(self) -> bool:
        return not (self.corrupt or self.lost or self.duplicates or self.leftovers)


def fupan(
    *args: str, kill_at: int | None = None, step_log: Path | None = None, cwd: Path | None = None
) -> subprocess.Popen:
    """Start `fupan ARGS` as a process of its own."""
    env = dict(os.environ, FUPAN_TODAY=TODAY.isoformat(), FUPAN_LOCK_WAIT="60")
    env.pop("FUPAN_KILL_AT", None)
    if kill_at is not None:
        env["FUPAN_KILL_AT"] = str(kill_at)
    if step_log is not None:
        env["FUPAN_STEP_LOG"] = str(step_log)
    return subprocess.Popen(
        [sys.executable, "-c", MAIN, *args],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen, timeout: float = 120) -> tuple[int, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out + err


def kill_after(proc: subprocess.Popen, delay: float) -> int:
    """SIGKILL the process `delay` seconds after it started (if it still runs)."""
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
    proc.communicate()
    return proc.returncode


def steps_of(args: list[str], folder: Path) -> tuple[int, float]:
    """How many write steps a clean run takes (and how long it takes), in a copy."""
    log = folder / "steps.log"
    started = time.monotonic()
    code, output = finish(fupan(*args, step_log=log))
    assert code == 0, output
    return len(log.read_text().splitlines()), time.monotonic() - started


def kill_plan(steps: int, by_step: int, by_delay: int, duration: float) -> list[tuple[str, float]]:
    """Seeded kill points: `by_step` distinct step numbers, `by_delay` random delays."""
    rng = random.Random(SEED + steps)
    points = [("step", float(n)) for n in sorted(rng.sample(range(1, steps + 1), by_step))]
    # Within the first 80 % of a clean run's time, so that nearly every delay lands.
    points += [("delay", round(rng.uniform(0.3, 0.8 * duration), 2)) for _ in range(by_delay)]
    return points


def readable(path: Path) -> bool:
    """Whether openpyxl opens the file and reads every tab (a .bak is read by content)."""
    try:
        book = load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
        for sheet in book.worksheets:
            for _ in sheet.iter_rows(values_only=True):
                pass
        book.close()
        return True
    except Exception:  # any failure to read is what this counts
        return False


def corrupt_files(*folders: Path) -> list[str]:
    """Every workbook and backup in the folders that openpyxl cannot open."""
    bad = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            ours = path.name.endswith((".xlsx", ".xlsx.bak")) and not path.name.startswith(".")
            if ours and not readable(path):
                bad.append(str(path))
    return bad


def leftovers(*folders: Path) -> list[str]:
    """fupan's temporary and lock files still there after a clean run."""
    return [
        str(p)
        for folder in folders
        for p in sorted(folder.iterdir())
        if TEMP_MARK in p.name or p.name.endswith(LOCK_SUFFIX)
    ]


# The action tracker scenario -------------------------------------------------------------------


def tracker_rows(book, title: str = "Actions") -> list[list]:
    """The rows under a tracker tab's two header rows (`book`: an open workbook or a path)."""
    if isinstance(book, Path):
        book = load_workbook(book, read_only=True)
    return [list(r) for r in book[title].iter_rows(min_row=5, values_only=True) if any(r)]


def columns(book, title: str = "Actions") -> dict[str, int]:
    """Column keys (the row above the labels) to their index."""
    keys = next(book[title].iter_rows(min_row=3, max_row=3, values_only=True))
    return {k: n for n, k in enumerate(keys) if k}


def type_row(path: Path, text: str) -> None:
    """A person types an action without an id (as in the sheet: the id is fupan's job)."""
    wb = load_workbook(path)
    wb["Actions"].append(
        [None, None, None, "manual", "account", "", "p", "", text, "Li", date(2026, 11, 30), "open"]
    )
    wb.save(path)


def set_field(path: Path, row_id: str, name: str, value) -> None:
    wb = load_workbook(path)
    ws = wb["Actions"]
    col = [c.value for c in ws[3]].index(name) + 1
    for r in ws.iter_rows(min_row=5):
        if r[0].value == row_id:
            ws.cell(r[0].row, col, value)
    wb.save(path)


def delete_row(path: Path, row_id: str) -> None:
    wb = load_workbook(path)
    ws = wb["Actions"]
    for r in ws.iter_rows(min_row=5):
        if r[0].value == row_id:
            ws.delete_rows(r[0].row)
            break
    wb.save(path)


def tracker_template(folder: Path) -> tuple[Workspace, Path]:
    """A workbook and a shared tracker in step (A-0001..A-0003), then edits on both sides:

    typed without id: "typed in workbook" (workbook), "typed in shared" (shared);
    fields: A-0001 status done (workbook), A-0002 owner Chen (shared); A-0003 deleted in the
    shared tracker; A-0001 result edited on both sides (a conflict: both values must stay).
    The store is empty: the tracker is what these tests are about (and each sync is quick).
    """
    ws = init_workspace(folder / "shop")
    sync_workbook(ws, period=WEEK, today=TODAY)
    for text in ("Air freight 600 units", "New main image", "Coupon 10%"):
        type_row(ws.workbook, text)
    shared = folder / "team-tracker.xlsx"
    sync_actions(ws, shared, today=TODAY)
    type_row(ws.workbook, "typed in workbook")
    type_row(shared, "typed in shared")
    set_field(ws.workbook, "A-0001", "status", "done")
    set_field(shared, "A-0002", "owner", "Chen")
    delete_row(shared, "A-0003")
    set_field(ws.workbook, "A-0001", "result", "result typed in workbook")
    set_field(shared, "A-0001", "result", "result typed in shared")
    return ws, shared


def tracker_args(ws: Workspace, shared: Path) -> list[str]:
    return ["actions", "sync", "--workbook", str(ws.workbook), "--shared", str(shared)]


def copy_pair(template: tuple[Workspace, Path], folder: Path) -> tuple[Workspace, Path]:
    ws, shared = template
    folder.mkdir(parents=True)
    shutil.copytree(ws.root, folder / ws.root.name)
    shutil.copy2(shared, folder / shared.name)
    return Workspace.find(folder / ws.root.name), folder / shared.name


def tracker_findings(ws: Workspace, shared: Path, tally: Tally, tag: str) -> None:
    """After a repair run: both files hold every edit once, with the same ids."""
    sides = {"workbook": ws.workbook, "shared": shared}
    seen: dict[str, dict[str, list]] = {}
    for side, path in sides.items():
        book = load_workbook(path, read_only=True)
        rows = tracker_rows(book)
        col = columns(book)
        by_text: dict[str, list[list]] = {}
        for r in rows:
            by_text.setdefault(r[col["action"]], []).append(r)
        for text, found in by_text.items():
            if len(found) > 1:
                tally.duplicates.append(f"{tag}: {side} holds {text!r} {len(found)} times")
        ids = {r[0]: r for r in rows}
        seen[side] = {r[col["action"]]: r[0] for r in rows}
        for text in ("typed in workbook", "typed in shared"):
            if text not in by_text:
                tally.lost.append(f"{tag}: {side} lost the row {text!r}")
        a1, a2 = ids.get("A-0001"), ids.get("A-0002")
        if a1 is None or a1[col["status"]] != "done":
            tally.lost.append(f"{tag}: {side} lost A-0001 status done")
        if a2 is None or a2[col["owner"]] != "Chen":
            tally.lost.append(f"{tag}: {side} lost A-0002 owner Chen")
        if "A-0003" in ids or "A-0003" not in {r[0] for r in tracker_rows(book, "Archive")}:
            tally.lost.append(f"{tag}: {side} lost the deletion of A-0003")
        conflicts = {(r[0], r[1]): r[2:4] for r in tracker_rows(book, "Conflicts")}
        both = ["result typed in workbook", "result typed in shared"]
        if conflicts.get(("A-0001", t(LABEL_KEYS["result"], "en"))) != both:
            tally.lost.append(f"{tag}: {side} lost a value of the A-0001 result conflict")
        book.close()
    if seen["workbook"] != seen["shared"]:
        tally.duplicates.append(f"{tag}: the two files give rows different ids")


# The review workbook scenario ------------------------------------------------------------------

TEAM_NOTE = "keep me"
SALES_TARGET = 12345


def sync_template(folder: Path, seller) -> Workspace:
    """A review workbook the team has edited since the last sync, and a report to import:

    Settings' sales target typed in, an action typed without id, a tab of the team's own.
    """
    ws = init_workspace(folder / "shop")
    sync_workbook(ws, period=WEEK, today=TODAY)
    wb = load_workbook(ws.workbook)
    for r in wb["Settings"].iter_rows():
        if key_of(r) == "sales_target":
            r[2].value = SALES_TARGET
    wb.create_sheet("Team notes")["B2"] = TEAM_NOTE
    wb.save(ws.workbook)
    type_row(ws.workbook, "typed before the sync")
    writers.write_business_asin(ws.reports / "br.csv", seller, WEEK)
    return ws


def copy_workspace(template: Workspace, folder: Path) -> Workspace:
    folder.mkdir(parents=True)
    shutil.copytree(template.root, folder / template.root.name)
    return Workspace.find(folder / template.root.name)


def sync_args(ws: Workspace) -> list[str]:
    return ["sync", "--workspace", str(ws.root), "--period", str(WEEK)]


def sync_findings(ws: Workspace, tally: Tally, tag: str) -> None:
    """After a repair run: the team's edits are all there, the typed action once."""
    book = load_workbook(ws.workbook, read_only=True)
    settings = book["Settings"].iter_rows(values_only=True)
    target = [
        r[2] for r in settings if r and row_key(list(r), "targets") == "sales_target" and len(r) > 2
    ]
    if target != [SALES_TARGET]:
        tally.lost.append(f"{tag}: the Settings edit (sales target) is gone: {target}")
    if "Team notes" not in book.sheetnames:
        tally.lost.append(f"{tag}: the team's own tab is gone")
    elif book["Team notes"]["B2"].value != TEAM_NOTE:
        tally.lost.append(f"{tag}: the team's own tab lost its note")
    col = columns(book)
    typed = [r for r in tracker_rows(book) if r[col["action"]] == "typed before the sync"]
    if not typed:
        tally.lost.append(f"{tag}: the action typed in the workbook is gone")
    elif len(typed) > 1:
        tally.duplicates.append(f"{tag}: the typed action is there {len(typed)} times")
    elif not typed[0][0]:
        tally.lost.append(f"{tag}: the typed action got no id")
    state = {r[0]: r[1] for r in book["_fupan"].iter_rows(values_only=True)}
    if state.get("period") != str(WEEK):
        tally.lost.append(f"{tag}: the review is not the one asked for: {state.get('period')}")
    book.close()
