"""Sync 5,000 actions with 100 edits on each side (run: python benchmarks/actions_sync.py)."""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fupan.sync.actions.model import Action, to_row
from fupan.sync.actions.sync import sync_actions
from fupan.sync.api import import_into_workspace, init_workspace
from fupan.sync.periods import Period
from fupan.sync.samples import small_seller, writers
from fupan.sync.sync_workbook import sync_workbook
from openpyxl import load_workbook

WEEK = Period.parse("2026-11-16..2026-11-22")
ACTIONS, EDITS = 5000, 100


def edit(path: Path, rng: random.Random, who: str) -> None:
    wb = load_workbook(path)
    ws = wb["Actions"]
    owner = [c.value for c in ws[3]].index("owner") + 1
    for row in rng.sample(range(5, 5 + ACTIONS), EDITS):
        ws.cell(row, owner, who)
    wb.save(path)


def main() -> None:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "shop")
        seller = small_seller(WEEK.end)
        br = writers.write_business_asin(ws.reports / "br.csv", seller, WEEK)
        import_into_workspace(ws, [br], period=WEEK)
        sync_workbook(ws, period=WEEK)
        wb = load_workbook(ws.workbook)
        for n in range(ACTIONS):
            wb["Actions"].append(
                to_row(
                    Action(
                        id=f"A-{n + 1:04d}",
                        meeting=date(2026, 11, 2),
                        owner="Li",
                        problem=f"p{n}",
                        action="act",
                        due=date(2026, 11, 2) + timedelta(days=n % 40),
                        status="open",
                    )
                )
            )
        wb.save(ws.workbook)
        shared = Path(tmp) / "tracker.xlsx"
        t = time.perf_counter()
        sync_actions(ws, shared)
        first = time.perf_counter() - t
        edit(ws.workbook, rng, "Zhang")
        edit(shared, rng, "Chen")
        t = time.perf_counter()
        result = sync_actions(ws, shared)
        second = time.perf_counter() - t
    print(f"first sync of {ACTIONS:,} actions (creates the shared tracker): {first:.1f} s")
    print(f"sync with {EDITS} edits on each side: {second:.1f} s ({result.merge.describe()})")


if __name__ == "__main__":
    main()
