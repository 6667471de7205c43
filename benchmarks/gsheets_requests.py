"""HTTP requests and bytes of a Google Sheets refresh: python benchmarks/gsheets_requests.py.

Writes the large seller's reports (or --scale small, the demo seller), imports them, and
writes the review into the Google stand-in of the tests (tests/google_standin, which counts
every request and its body) three times: a first refresh into a new sheet, a second one
with nothing changed, and one a week later (the same window moved on a week). For
comparison the same tabs' values go through gspread-dataframe's per-tab approach
(`pip install gspread-dataframe`; values only: no formats, colour rules or charts).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import google.oauth2.credentials
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fupan.sync.flows.sync import sync_workbook
from fupan.sync.periods import Period
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports
from fupan.sync.targets.gsheets.auth import open_client
from fupan.sync.targets.gsheets.target import GSheetsTarget
from fupan.sync.targets.memory import grid
from fupan.sync.workspace import Workspace, init
from google_standin import FakeGoogle
from large_seller import END, write_files


def client_on(fake: FakeGoogle):
    client = open_client(google.oauth2.credentials.Credentials(token="bench"))
    fake.mount(client.http_client.session)
    fake.quota = None  # count requests, do not throttle them
    return client


def measured(fake: FakeGoogle, step) -> tuple[int, int, int, int, float]:
    """Requests, total body bytes, largest body, bytes received, seconds of one step."""
    start = len(fake.log)
    t = time.perf_counter()
    step()
    seconds = time.perf_counter() - t
    sent = fake.log[start:]
    up, down = sum(e.body_bytes for e in sent), sum(e.answer_bytes for e in sent)
    return len(sent), up, max(e.body_bytes for e in sent), down, seconds


def per_tab(fake: FakeGoogle, plan) -> tuple[int, int, int, int, float]:
    """gspread-dataframe: add each tab, then set_with_dataframe (resize + values) per tab."""
    from gspread_dataframe import set_with_dataframe

    sid = fake.create_spreadsheet("per-tab")
    sh = client_on(fake).open_by_key(sid)

    def write() -> None:
        for sheet in plan.sheets:
            rows = grid(sheet)
            frame = pd.DataFrame(rows[1:], columns=[str(c) for c in rows[0]]) if rows else None
            ws = sh.add_worksheet(sheet.title[:99], rows=1, cols=1)
            if frame is not None:
                set_with_dataframe(ws, frame, resize=True)

    return measured(fake, write)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=["large", "small"], default="large")
    parser.add_argument(
        "--workdir", type=Path, help="Keep the reports and store here, and reuse them next time."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.workdir or Path(tmp)
        days = {"large": 90, "small": 56}[args.scale]
        if not (folder / "ws" / "fupan.toml").exists():
            _, files, _ = write_files(folder / "reports", args.scale)
            ws = init(folder / "ws", marketplace="US")
            with Store.open(ws.store_path) as store:
                for path, period in files:
                    import_reports([path], store=store, period=period)
        ws = Workspace.find(folder / "ws")
        # The review up to a week ago, then the same window a week on: the weekly refresh.
        before = Period(END - timedelta(days=days - 1), END - timedelta(days=7))
        period = Period(before.start + timedelta(days=7), END)
        fake = FakeGoogle()
        sid = fake.create_spreadsheet("Review")
        client = client_on(fake)
        result = {}

        def refresh(window: Period) -> None:
            result["sync"] = sync_workbook(
                ws, [], target=GSheetsTarget(sid, client), period=window, today=END
            )

        first = measured(fake, lambda: refresh(before))
        second = measured(fake, lambda: refresh(before))
        weekly = measured(fake, lambda: refresh(period))
        plan = result["sync"].plan
        cells = sum(s.cell_count() for s in plan.sheets)
        print(f"{args.scale} seller: {len(plan.sheets)} tabs, {cells:,} cells written")
        print("| refresh | requests | bytes sent | largest request | bytes received | seconds |")
        print("|---|---|---|---|---|---|")
        for name, (n, total, big, down, sec) in (
            ("fupan, new sheet", first),
            ("fupan, second refresh, nothing changed", second),
            ("fupan, a week later (the window moved one week)", weekly),
            ("gspread-dataframe per tab (values only)", per_tab(fake, plan)),
        ):
            print(f"| {name} | {n} | {total:,} | {big:,} | {down:,} | {sec:.1f} |")


if __name__ == "__main__":
    main()
