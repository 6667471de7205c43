"""Sync 5,000 actions with 100 edits on each side: python benchmarks/actions_sync.py [--google].

With --google the shared tracker is a Google Sheet on the tests' Google stand-in
(tests/google_standin), which counts the HTTP requests and bytes of each sync.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fupan.sync.actions.model import Action, to_row
from fupan.sync.api import import_into_workspace, init_workspace
from fupan.sync.flows.actions import sync_actions
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.periods import Period
from fupan.sync.samples import small_seller, writers
from openpyxl import load_workbook

WEEK = Period.parse("2026-11-16..2026-11-22")
MEETING = WEEK.end + timedelta(days=1)  # the run's day: the Monday after the week
ACTIONS, EDITS = 5000, 100


def edit(path: Path, rng: random.Random, who: str) -> None:
    wb = load_workbook(path)
    ws = wb["Actions"]
    owner = [c.value for c in ws[3]].index("owner") + 1
    for row in rng.sample(range(5, 5 + ACTIONS), EDITS):
        ws.cell(row, owner, who)
    wb.save(path)


def edit_google(sheet, rng: random.Random, who: str) -> None:
    """A person's 100 edits in the browser, sent as one batch of cell updates."""
    ws = sheet.worksheet("Actions")
    header = ws.row_values(3)
    col = header.index("owner") + 1
    letter = chr(64 + col)
    data = [
        {"range": f"{letter}{row}", "values": [[who]]}
        for row in rng.sample(range(5, 5 + ACTIONS), EDITS)
    ]
    ws.batch_update(data)


def google_shared():
    """A Google Sheet tracker on the stand-in, and a gspread client for 'people'."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import google.oauth2.credentials
    from fupan.sync.targets.gsheets.auth import open_client
    from fupan.sync.targets.gsheets.target import GSheetsTarget
    from google_standin import FakeGoogle

    fake = FakeGoogle()
    fake.quota = None  # count requests, do not throttle them
    sid = fake.create_spreadsheet("Team tracker")
    client = open_client(google.oauth2.credentials.Credentials(token="bench"))
    fake.mount(client.http_client.session)
    return fake, GSheetsTarget(sid, client), client.open_by_key(sid)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--google", action="store_true", help="Shared tracker in Google Sheets.")
    args = parser.parse_args()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "shop")
        seller = small_seller(WEEK.end)
        br = writers.write_business_asin(ws.reports / "br.csv", seller, WEEK)
        import_into_workspace(ws, [br], period=WEEK)
        sync_workbook(ws, period=WEEK, today=MEETING)
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
        fake = None
        if args.google:
            fake, shared, sheet = google_shared()
        else:
            shared = Path(tmp) / "tracker.xlsx"
        t = time.perf_counter()
        sync_actions(ws, shared, today=MEETING)
        first = time.perf_counter() - t
        first_http = _http(fake, 0)
        edit(ws.workbook, rng, "Zhang")
        if fake is not None:
            edit_google(sheet, rng, "Chen")
            mark = len(fake.log)
        else:
            edit(shared, rng, "Chen")
        t = time.perf_counter()
        result = sync_actions(ws, shared, today=MEETING)
        second = time.perf_counter() - t
        second_http = _http(fake, mark) if fake is not None else ""
    where = "a Google Sheet" if args.google else "an .xlsx file"
    print(f"shared tracker: {where}")
    print(
        f"first sync of {ACTIONS:,} actions (creates the shared tracker): {first:.1f} s{first_http}"
    )
    print(
        f"sync with {EDITS} edits on each side: {second:.1f} s{second_http} "
        f"({result.merge.describe()})"
    )


def _http(fake, start: int) -> str:
    if fake is None:
        return ""
    sent = fake.log[start:]
    return f", {len(sent)} HTTP requests, {sum(e.body_bytes for e in sent):,} bytes sent"


if __name__ == "__main__":
    main()
