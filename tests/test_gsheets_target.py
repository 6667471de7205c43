"""The Google Sheets target against the stand-in: same workbook as .xlsx, few atomic requests."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
from fupan.sync.errors import AuthError, ChangedError, LeaseError, TargetError
from fupan.sync.targets.gsheets.dialect import rule_formula
from fupan.sync.targets.gsheets.target import GSheetsTarget
from fupan.sync.workbook.plan import Block, Cell, FrameBlock, Rule, Sheet, Style, WorkbookPlan
from google_standin import BOT
from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter
from target_contract import FORMULA, VALUE, Cells, Layout, Spreadsheet, run_contract, small_plan

pytestmark = pytest.mark.slow  # the demo into the Google stand-in


@pytest.fixture
def sid(fake_google):
    return fake_google.create_spreadsheet("Weekly review")


def google_spreadsheet(fake_google, gclient, sid) -> Spreadsheet:
    def cells(title: str) -> Cells:
        out: Cells = {}
        for r, row in fake_google.book(sid).sheet(title).cells.items():
            for c, cell in row.items():
                entered = cell.get("userEnteredValue")
                if entered:
                    kind = FORMULA if "formulaValue" in entered else VALUE
                    out[f"{get_column_letter(c + 1)}{r + 1}"] = (kind, *entered.values())
        return out

    def add_tab(title: str, cells: Cells) -> None:
        ws = gclient.open_by_key(sid).add_worksheet(title, rows=10, cols=5)
        for ref, (kind, v) in cells.items():
            ws.update([[v]], ref, raw=kind == VALUE)  # as typed: a formula, or plain text

    def target() -> GSheetsTarget:
        return GSheetsTarget(sid, gclient)

    def layout(title: str) -> Layout:
        sheet = fake_google.book(sid).sheet(title)
        hidden = {
            get_column_letter(c + 1) for c, p in sheet.column_props.items() if p.get("hiddenByUser")
        }
        dropdowns: dict[str, tuple[str, ...]] = {}
        notes: dict[str, str] = {}
        for r, row in sheet.cells.items():
            for c, cell in row.items():
                ref = f"{get_column_letter(c + 1)}{r + 1}"
                rule = cell.get("dataValidation")
                if rule:
                    values = rule["condition"]["values"]
                    dropdowns[ref] = tuple(v["userEnteredValue"] for v in values)
                if cell.get("note"):
                    notes[ref] = cell["note"]
        rows = {r + 1 for r, p in sheet.row_props.items() if p.get("hiddenByUser")}
        return Layout(hidden, dropdowns, notes, rows)

    return Spreadsheet(target, target, cells, add_tab, ("Sheet1",), layout=layout)


def test_google_target_keeps_the_contract(fake_google, gclient, sid):
    run_contract(google_spreadsheet(fake_google, gclient, sid))
    book = fake_google.book(sid)
    data = book.sheet("data")
    # Report text is typed text, fupan's formulas are formulas: Google parses neither.
    assert data.cell(3, 1)["userEnteredValue"] == {"stringValue": '=HYPERLINK("x")'}
    assert data.cell(4, 1)["userEnteredValue"] == {"stringValue": "+cmd"}
    assert book.sheet("Dashboard").cell(2, 2)["userEnteredValue"] == {"formulaValue": "=A2*2"}
    assert book.sheet("_fupan").properties["hidden"] is True
    assert data.basic_filter["range"]["endRowIndex"] == 4
    assert book.developer_metadata == []  # the lease went with the last write


def test_a_full_refresh_is_four_requests_and_one_write_of_the_workbook(fake_google, gclient, sid):
    GSheetsTarget(sid, gclient).apply(small_plan(), keep=[], state={"k": "v"})
    fake_google.log.clear()
    target = GSheetsTarget(sid, gclient)
    assert target.read_state() == {"k": "v"}
    target.apply(small_plan(2.0), keep=[], state={"k": "w"})
    target.close()
    kinds = [
        (e.method, e.path.rsplit(":", 1)[-1] if ":" in e.path else "get") for e in fake_google.log
    ]
    # The tabs read are read once more right before the write: an edit typed in between
    # stops it (test_an_edit_typed_while_fupan_writes_is_never_overwritten).
    assert len(fake_google.log) == 4, kinds
    assert [e.what for e in target.exchanges] == [
        "lease",
        "read tabs",
        "check for edits",
        "write workbook",
    ]


def test_a_second_refresh_waits_for_the_first_or_stops_with_who_holds_it(fake_google, gclient, sid):
    first = GSheetsTarget(sid, gclient, who="Li Wei@laptop")
    first.sheet_titles()  # holds the lease now
    second = GSheetsTarget(sid, gclient, who="Zhang Min@desk")
    with pytest.raises(LeaseError, match="Li Wei@laptop"):
        second.sheet_titles()
    first.apply(small_plan(), keep=[], state={})
    first.close()
    assert GSheetsTarget(sid, gclient).sheet_titles()[:2] == ["Dashboard", "data"]


def test_a_crashed_runs_lease_expires_and_is_taken_over(fake_google, gclient, sid):
    crashed = GSheetsTarget(sid, gclient, who="crashed@run")
    crashed.sheet_titles()  # never applies, never closes
    later = datetime.now().timestamp() + 3600
    target = GSheetsTarget(sid, gclient, who="next@run", clock=lambda: later)
    target.apply(small_plan(), keep=[], state={})
    assert fake_google.book(sid).developer_metadata == []


def test_a_lease_whose_answer_was_lost_is_recognised_as_ours(fake_google, gclient, sid):
    fake_google.script("lost")  # Google creates the lease; its answer never arrives
    target = GSheetsTarget(sid, gclient, who="Li Wei@laptop")
    target.apply(small_plan(), keep=[], state={"k": "v"})  # not "another refresh is writing"
    statuses = [e.status for e in fake_google.log[:3]]
    assert statuses == [0, 400, 200]  # lost, the retry refused (the id is taken), our lease
    assert fake_google.book(sid).developer_metadata == []  # released by the write
    assert GSheetsTarget(sid, gclient).read_state() == {"k": "v"}


def test_a_write_whose_answer_was_lost_is_recognised_as_written(fake_google, gclient, sid):
    GSheetsTarget(sid, gclient).apply(small_plan(), keep=[], state={"k": "v"})
    target = GSheetsTarget(sid, gclient)
    target.read_state()  # leased and read
    before = fake_google.count("write")

    def lose_the_final_write(method, path):
        if path.endswith(":batchUpdate") and fake_google.count("write") == before + 1:
            fake_google.script("lost")

    fake_google.on_request.append(lose_the_final_write)
    target.apply(small_plan(2.0), keep=[], state={"k": "w"})  # no error: it was written
    fake_google.on_request.clear()
    assert [e.status for e in fake_google.log[-3:]] == [0, 400, 200]  # lost, retry refused
    assert fake_google.book(sid).sheet("Dashboard").cell(2, 1)["userEnteredValue"] == {
        "numberValue": 2.0
    }
    assert fake_google.book(sid).developer_metadata == []
    assert GSheetsTarget(sid, gclient).read_state() == {"k": "w"}


def test_a_crashed_run_on_this_computer_leaves_no_lease_behind(fake_google, gclient, sid):
    import json
    import subprocess
    import sys

    from fupan.sync.targets.gsheets.lease import LEASE_ID, Lease

    crashed = subprocess.Popen([sys.executable, "-c", "pass"])
    crashed.wait()  # its pid is gone now
    lease = Lease(lambda body: None, lambda: None, who="crashed@this-computer")
    value = json.loads(lease._new_value())
    value["pid"] = crashed.pid
    book = fake_google.book(sid)
    book.developer_metadata.append(
        {
            "metadataId": LEASE_ID,
            "metadataKey": "fupan.lease",
            "metadataValue": json.dumps(value),
            "location": {"locationType": "SPREADSHEET", "spreadsheet": True},
            "visibility": "DOCUMENT",
        }
    )
    # Not expired for ten minutes, but its process is gone: taken over at once.
    GSheetsTarget(sid, gclient, who="next@run").apply(small_plan(), keep=[], state={})
    assert fake_google.book(sid).developer_metadata == []


def test_an_edit_typed_while_fupan_writes_is_never_overwritten(fake_google, gclient, sid):
    GSheetsTarget(sid, gclient).apply(small_plan(), keep=[], state={"k": "v"})
    target = GSheetsTarget(sid, gclient)
    assert target.read_sheet("Dashboard")[0][0] == "Review"
    gclient.open_by_key(sid).worksheet("Dashboard").update_cell(3, 2, "typed meanwhile")
    with pytest.raises(ChangedError, match="did not overwrite it: nothing is lost"):
        target.apply(small_plan(2.0), keep=[], state={"k": "w"})
    target.close()
    book = fake_google.book(sid)
    assert book.sheet("Dashboard").cell(3, 2)["userEnteredValue"] == {
        "stringValue": "typed meanwhile"
    }
    assert book.sheet("Dashboard").cell(2, 1)["userEnteredValue"] == {"numberValue": 1.0}
    assert book.developer_metadata == []  # the lease is released all the same


def failed_write(fake_google, gclient, sid):
    """The sheet before and after a refresh (Dashboard 9.0) whose write fails five times
    (retries exhausted), raising TargetError."""
    before = fake_google.book(sid)
    target = GSheetsTarget(sid, gclient)
    target.read_state()
    fake_google.script(*[503] * 5)
    with pytest.raises(TargetError, match="503"):
        target.apply(small_plan(9.0), keep=[], state={"k": "x"})
    target.close()
    return before, fake_google.book(sid)


def test_a_failed_write_changes_nothing_and_releases_the_lease(fake_google, gclient, sid):
    GSheetsTarget(sid, gclient).apply(small_plan(), keep=[], state={"k": "v"})
    before, after = failed_write(fake_google, gclient, sid)
    assert after.sheet("Dashboard").cell(2, 1) == before.sheet("Dashboard").cell(2, 1)
    assert after.developer_metadata == []


def test_rate_limits_and_timeouts_are_retried_within_bounds(fake_google, gclient, sid):
    fake_google.script(429, "timeout", 503)
    target = GSheetsTarget(sid, gclient)
    target.apply(small_plan(), keep=[], state={})
    assert [e.status for e in fake_google.log[:4]] == [429, 0, 503, 200]
    assert gclient.http_client.attempts == 5


def test_quota_exhaustion_ends_with_a_message_not_a_hang(fake_google, gclient, sid):
    fake_google.quota["write"] = 0
    with pytest.raises(TargetError, match="Quota exceeded"):
        GSheetsTarget(sid, gclient).apply(small_plan(), keep=[], state={})
    assert len(fake_google.log) == 5  # five attempts, then a clear error


def test_a_sheet_not_shared_with_fupan_says_whom_to_share_it_with(fake_google, gclient):
    private = fake_google.create_spreadsheet("Private", editors={"owner@example.com"})
    with pytest.raises(AuthError, match=f"add {BOT} as Editor"):
        GSheetsTarget(private, gclient, identity=BOT).sheet_titles()
    with pytest.raises(TargetError, match="No Google Sheet"):
        GSheetsTarget("1" + "x" * 43, gclient).sheet_titles()
    with pytest.raises(TargetError, match="not a Google Sheet URL"):
        GSheetsTarget("review.xlsx", gclient)


def test_the_cell_limit_is_checked_before_anything_is_written(fake_google, gclient, sid):
    huge = WorkbookPlan(
        [Sheet("dashboard", "Dashboard", rules=[Rule("A1:Z400000", "A1>0", "red")])], "en"
    )
    target = GSheetsTarget(sid, gclient)
    with pytest.raises(TargetError, match="10,000,000 cells"):
        target.apply(huge, keep=[], state={})
    target.close()
    assert [s.title for s in fake_google.book(sid).sheets] == ["Sheet1"]


def _big_plan(rows: int) -> WorkbookPlan:
    frame = pd.DataFrame(
        {
            "term": [f"search term number {n}" for n in range(rows)],
            "clicks": [float(n) for n in range(rows)],
            "day": pd.Timestamp("2026-11-16") + pd.to_timedelta([n % 7 for n in range(rows)], "D"),
        }
    )
    plan = small_plan()
    plan.sheets.append(Sheet("data_ads", "data_ads", [FrameBlock(frame)]))
    return plan


def test_a_write_too_big_for_one_request_is_staged_then_switched_atomically(
    fake_google, gclient, sid
):
    target = GSheetsTarget(sid, gclient, max_request_bytes=60_000)
    target.apply(_big_plan(2_000), keep=[], state={})
    book = fake_google.book(sid)
    assert [s.title for s in book.sheets] == ["Dashboard", "data", "data_ads", "_fupan"]
    ads = book.sheet("data_ads")
    assert ads.cell(2001, 1)["userEnteredValue"] == {"stringValue": "search term number 1999"}
    assert ads.cell(2, 3)["userEnteredFormat"]["numberFormat"]["type"] == "DATE"
    assert any("staging" in n for n in target.notes)
    writes = [e for e in fake_google.log if e.kind == "write"]
    assert all(e.body_bytes <= 60_000 for e in writes)
    assert len(writes) > 3  # lease, staging requests, the switch


def test_a_sync_killed_while_staging_leaves_the_visible_workbook_as_it_was(
    fake_google, gclient, sid
):
    GSheetsTarget(sid, gclient).apply(small_plan(1.0), keep=[], state={"k": "v"})
    target = GSheetsTarget(sid, gclient, max_request_bytes=60_000)
    target.sheet_titles()
    writes_before = fake_google.count("write")

    def kill_second_staging_request(method, path):
        if fake_google.count("write") == writes_before + 2:
            fake_google.script(*[500] * 5)  # every retry fails too: the run dies here

    fake_google.on_request.append(kill_second_staging_request)
    with pytest.raises(TargetError):
        target.apply(_big_plan(2_000), keep=[], state={})
    fake_google.on_request.clear()
    target.close()
    book = fake_google.book(sid)
    assert book.sheet("Dashboard").cell(2, 1)["userEnteredValue"] == {"numberValue": 1.0}
    assert "data_ads" not in [s.title for s in book.sheets]
    # The next sync removes the half-filled staging tab and writes everything.
    GSheetsTarget(sid, gclient).apply(small_plan(3.0), keep=[], state={})
    titles = [s.title for s in fake_google.book(sid).sheets]
    assert not any(t.startswith("_fupan_stage_") for t in titles)


# The demo review, written to .xlsx and to the Google Sheet in one run -----------------------


@pytest.fixture(scope="module")
def demo_both(tmp_path_factory):
    import google.oauth2.credentials
    from fupan.sync.flows.demo import run_demo
    from fupan.sync.targets.gsheets.auth import open_client
    from google_standin import FakeGoogle

    fake = FakeGoogle()
    sheet = fake.create_spreadsheet("Weekly review")
    client = open_client(google.oauth2.credentials.Credentials(token="t"))
    fake.mount(client.http_client.session)
    target = GSheetsTarget(sheet, client)
    result = run_demo(tmp_path_factory.mktemp("demo"), today=date(2026, 11, 23), gsheet=target)
    return fake, sheet, client, result


def _xlsx_value(v):
    if isinstance(v, datetime):
        serial = (v - datetime(1899, 12, 30)).total_seconds() / 86400
        return serial
    if isinstance(v, date):
        return float((v - date(1899, 12, 30)).days)
    return v


def _google_value(cell):
    if not cell or "userEnteredValue" not in cell:
        return None
    (v,) = cell["userEnteredValue"].values()
    return v


def test_the_google_sheet_equals_the_xlsx_tab_by_tab_and_formula_by_formula(demo_both):
    fake, sheet, _, result = demo_both
    wb = load_workbook(result.workspace.workbook)
    book = fake.book(sheet)
    assert [s.title for s in book.sheets] == wb.sheetnames
    for ws in wb.worksheets:
        g = book.sheet(ws.title)
        assert g.properties.get("hidden", False) == (ws.sheet_state == "hidden"), ws.title
        for row in ws.iter_rows():
            for c in row:
                want = _xlsx_value(c.value)
                got = _google_value(g.cell(c.row, c.column))
                fmt = c.number_format
                if fmt != "General" and c.value is not None and ws.title != "_fupan":
                    cell = g.cell(c.row, c.column) or {}
                    number = cell.get("userEnteredFormat", {}).get("numberFormat", {})
                    assert number.get("pattern") == fmt, (ws.title, c.coordinate)
                if want is None:
                    assert got in (None, ""), (ws.title, c.coordinate)
                elif isinstance(want, float | int) and not isinstance(want, bool):
                    assert got == pytest.approx(want), (ws.title, c.coordinate)
                else:
                    assert got == want, (ws.title, c.coordinate)
        # Colour rules: the same rules, in Google's dialect, over the same ranges.
        xl_rules = [
            (str(cf.sqref), r.formula[0]) for cf in ws.conditional_formatting for r in cf.rules
        ]
        assert len(g.conditional_formats) == len(xl_rules), ws.title
        for (ref, formula), rule in zip(xl_rules, g.conditional_formats, strict=True):
            anchor = ref.split()[0].split(":")[0]
            cond = rule["booleanRule"]["condition"]["values"][0]["userEnteredValue"]
            assert cond == rule_formula(formula, anchor)
        assert len(g.charts) == len(ws._charts), ws.title
        if ws.freeze_panes:
            frozen = g.properties["gridProperties"]
            assert frozen.get("frozenRowCount", 0) == ws[ws.freeze_panes].row - 1


def test_the_team_edits_the_google_sheet_and_the_next_refresh_keeps_every_edit(demo_both):
    from fupan.sync.flows.sync import sync_workbook
    from fupan.sync.i18n import t
    from fupan.sync.settings import row_key

    fake, sheet, client, result = demo_both
    sh = client.open_by_key(sheet)
    settings = sh.worksheet(t("settings", "en"))
    grid = settings.get_all_values()
    row = next(n for n, r in enumerate(grid, 1) if r and row_key(r, "thresholds") == "acos")
    col = grid[3].index("Green to") + 1
    settings.update_cell(row, col, "0.2")  # as a person types it (USER_ENTERED)
    notes = sh.add_worksheet("Team notes", 10, 3)
    notes.update([["keep me"]], "A1")
    actions = sh.worksheet(t("actions", "en"))
    first_free = len(actions.get_all_values()) + 1
    actions.update(
        [
            [
                "",
                "2026-11-23",
                "2026-11-23",
                "manual",
                "account",
                "",
                "Returns up",
                "",
                "Call 3PL",
                "Ana",
                "2026-11-27",
                "open",
            ]
        ],
        f"A{first_free}",
        raw=False,
    )
    fake.log.clear()
    again = sync_workbook(
        result.workspace, target=GSheetsTarget(sheet, client), today=date(2026, 11, 23)
    )
    assert len(fake.log) <= 5, [(e.method, e.path) for e in fake.log]
    book = fake.book(sheet)
    assert _google_value(book.sheet("Team notes").cell(1, 1)) == "keep me"
    assert _google_value(book.sheet(t("settings", "en")).cell(row, col)) == 0.2
    action_rows = book.sheet(t("actions", "en")).values()
    assert any("Call 3PL" in r for r in action_rows)
    assert again.review.period == result.sync.review.period


def test_google_out_of_reach_is_a_message_not_a_traceback(fake_google, gclient, sid):
    fake_google.script(*["timeout"] * 5)
    with pytest.raises(TargetError, match="Could not reach Google Sheets"):
        GSheetsTarget(sid, gclient).sheet_titles()


def test_a_second_refresh_with_wait_queues_behind_the_first(fake_google, gclient, sid):
    first = GSheetsTarget(sid, gclient, who="first@run")
    first.sheet_titles()
    second = GSheetsTarget(sid, gclient, who="second@run", wait=30)
    waited = []

    def first_finishes(seconds):
        waited.append(seconds)
        first.apply(small_plan(), keep=[], state={})  # releases the lease

    second._lease._sleep = first_finishes
    second.apply(small_plan(2.0), keep=[], state={})
    assert waited and fake_google.book(sid).sheet("Dashboard").cell(2, 1)["userEnteredValue"] == {
        "numberValue": 2.0
    }


def test_a_dry_run_reads_without_taking_the_lease(fake_google, gclient, sid):
    GSheetsTarget(sid, gclient).apply(small_plan(), keep=[], state={"k": "v"})
    fake_google.log.clear()
    target = GSheetsTarget(sid, gclient, lease=False)
    assert target.read_state() == {"k": "v"}
    target.close()
    assert fake_google.count("write") == 0


def test_a_time_written_with_a_date_format_reads_back_with_its_time(fake_google, gclient, sid):
    stamp = datetime(2026, 11, 23, 9, 30)
    plan = WorkbookPlan(
        [Sheet("notes", "Notes", [Block(1, 1, [[Cell(stamp, style=Style.DATE)]])])], "en"
    )
    GSheetsTarget(sid, gclient).apply(plan, keep=[], state={})
    assert GSheetsTarget(sid, gclient, lease=False).read_sheet("Notes") == [[stamp]]
