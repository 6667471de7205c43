"""A Google refresh sends only what changed, verified against what the sheet holds.

Against the stand-in (tests/google_standin): a second refresh with nothing changed sends a
small fraction of the first one's bytes; a changed tab, or a tab someone edited in the
browser, is written again; the write stays one atomic request.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pandas as pd
import pytest
from fupan.sync.targets.gsheets.sheets_api import SheetsAPI
from fupan.sync.targets.gsheets.target import GSheetsTarget
from fupan.sync.workbook.plan import Block, Cell, FrameBlock, Sheet, Style, WorkbookPlan
from target_contract import small_plan
from test_gsheets_target import failed_write


@pytest.fixture
def sid(fake_google):
    return fake_google.create_spreadsheet("Weekly review")


@pytest.fixture
def writes(monkeypatch) -> list[list[dict[str, Any]]]:
    return spy_writes(monkeypatch)


def spy_writes(monkeypatch) -> list[list[dict[str, Any]]]:
    """The requests of every final write ("write workbook"), decoded."""
    sent: list[list[dict[str, Any]]] = []
    real = SheetsAPI.batch_update

    def spy(self: SheetsAPI, body: Any, *, what: str, fields: str | None = None) -> Any:
        if what == "write workbook":
            sent.append(json.loads(body)["requests"] if isinstance(body, bytes) else body)
        return real(self, body, what=what, fields=fields)

    monkeypatch.setattr(SheetsAPI, "batch_update", spy)
    return sent


def refresh(
    gclient, sid, plan: WorkbookPlan, state: dict[str, str] | None = None, keep=()
) -> GSheetsTarget:
    target = GSheetsTarget(sid, gclient)
    target.read_state()  # as the flows do: the team's tabs are read first
    target.apply(plan, keep=list(keep), state=state or {"k": "v"})
    target.close()
    return target


def sent_bytes(target: GSheetsTarget) -> int:
    return sum(e.body_bytes for e in target.exchanges)


def sheets_written(requests: list[dict[str, Any]], book) -> set[str]:
    """Titles of the tabs whose cells a write sends."""
    titles = {s.sheet_id: s.title for s in book.sheets}
    out = set()
    for r in requests:
        for kind in ("updateCells", "pasteData"):
            if kind in r:
                where = r[kind].get("range") or r[kind].get("start") or r[kind]["coordinate"]
                out.add(titles[where.get("sheetId", 0)])
    return out


def test_an_unchanged_second_refresh_sends_under_a_tenth_of_the_first(
    fake_google, gclient, sid, writes
):
    first = refresh(gclient, sid, small_plan())
    before = fake_google.book(sid)
    fake_google.log.clear()
    second = refresh(gclient, sid, small_plan())
    assert len(fake_google.log) <= 4
    assert sent_bytes(second) <= 0.10 * sent_bytes(first), (sent_bytes(second), sent_bytes(first))
    assert sheets_written(writes[-1], fake_google.book(sid)) == set()
    after = fake_google.book(sid)
    for title in ("Dashboard", "data", "_fupan"):
        assert after.sheet(title).cells == before.sheet(title).cells, title
        assert after.sheet(title).conditional_formats == before.sheet(title).conditional_formats


def test_a_changed_tab_is_written_again_and_only_it(fake_google, gclient, sid, writes):
    refresh(gclient, sid, small_plan())
    fake_google.log.clear()
    refresh(gclient, sid, small_plan(2.0), state={"k": "w"})
    assert len(fake_google.log) <= 4
    book = fake_google.book(sid)
    assert sheets_written(writes[-1], book) == {"Dashboard", "_fupan"}
    assert book.sheet("Dashboard").cell(2, 1)["userEnteredValue"] == {"numberValue": 2}
    assert book.sheet("_fupan").cell(1, 2)["userEnteredValue"] == {"stringValue": "w"}
    # The tab left out is still whole: its filter, its values, its dates.
    data = book.sheet("data")
    assert data.basic_filter["range"]["endRowIndex"] == 4
    assert data.cell(3, 1)["userEnteredValue"] == {"stringValue": '=HYPERLINK("x")'}


@pytest.mark.parametrize(
    ("title", "row", "col"),
    # a number, a formula, an empty cell below the review
    [("data", 2, 2), ("Dashboard", 2, 2), ("Dashboard", 7, 1)],
)
def test_a_tab_edited_in_the_browser_is_written_again(
    fake_google, gclient, sid, writes, title, row, col
):
    refresh(gclient, sid, small_plan())
    want = fake_google.book(sid).sheet(title).cells
    gclient.open_by_key(sid).worksheet(title).update_cell(row, col, "typed in the browser")
    refresh(gclient, sid, small_plan())
    book = fake_google.book(sid)
    assert title in sheets_written(writes[-1], book)
    assert book.sheet(title).cells == want


def test_a_tab_resized_or_stripped_of_its_filter_in_the_browser_is_written_again(
    fake_google, gclient, sid, writes
):
    refresh(gclient, sid, small_plan())
    sheet = gclient.open_by_key(sid)
    sheet.worksheet("data").clear_basic_filter()
    sheet.worksheet("Dashboard").resize(rows=300)
    refresh(gclient, sid, small_plan())
    book = fake_google.book(sid)
    assert sheets_written(writes[-1], book) == {"data", "Dashboard"}
    assert book.sheet("data").basic_filter is not None
    assert book.sheet("Dashboard").row_count < 300


def test_a_failed_write_changes_nothing_and_the_next_refresh_still_sends_the_change(
    fake_google, gclient, sid, writes
):
    refresh(gclient, sid, small_plan())
    before, after = failed_write(fake_google, gclient, sid)
    for s in before.sheets:
        assert after.sheet(s.title).cells == s.cells, s.title
        assert after.sheet(s.title).developer_metadata == s.developer_metadata, s.title
    refresh(gclient, sid, small_plan(9.0), state={"k": "x"})
    book = fake_google.book(sid)
    assert book.sheet("Dashboard").cell(2, 1)["userEnteredValue"] == {"numberValue": 9}
    assert sheets_written(writes[-1], book) == {"Dashboard", "_fupan"}


def test_the_teams_own_tabs_are_neither_stamped_nor_written(fake_google, gclient, sid, writes):
    refresh(gclient, sid, small_plan())
    mine = gclient.open_by_key(sid).add_worksheet("Team notes", rows=5, cols=2)
    mine.update([["keep me", "=1+1"]], "A1", raw=False)
    want = fake_google.book(sid).sheet("Team notes").cells
    refresh(gclient, sid, small_plan(), keep=["Team notes"])
    refresh(gclient, sid, small_plan(2.0), keep=["Team notes"])
    book = fake_google.book(sid)
    assert book.sheet("Team notes").cells == want
    assert book.sheet("Team notes").developer_metadata == []
    assert all("Team notes" not in sheets_written(w, book) for w in writes)
    assert all(len(book.sheet(t).developer_metadata) == 1 for t in ("Dashboard", "data"))


def test_a_tab_the_team_renamed_to_fupans_name_is_not_trusted(fake_google, gclient, sid, writes):
    """A fingerprint belongs to the tab it was written on: a lookalike gets written."""
    refresh(gclient, sid, small_plan())
    sheet = gclient.open_by_key(sid)
    sheet.worksheet("data").update_title("old data")
    copy = sheet.add_worksheet("data", rows=4, cols=3)
    copy.update([["term", "clicks", "day"]], "A1")
    refresh(gclient, sid, small_plan(), keep=["old data"])
    book = fake_google.book(sid)
    assert "data" in sheets_written(writes[-1], book)
    assert book.sheet("data").cell(2, 1)["userEnteredValue"] == {"stringValue": "mat"}
    assert book.sheet("old data").cell(2, 1)["userEnteredValue"] == {"stringValue": "mat"}


# pasteData: a data tab's plain values as text, the rest typed --------------------------------

AWKWARD = [
    "plain text",
    "0042",  # a SKU: Google would read 42
    "=1+2",  # report text, not a formula
    "TRUE",  # text, not a checkbox
    "1/2",  # a date to Google
    "Jan 5",
    "50%",
    "$5",
    "#N/A",
    " padded ",
    'say "hi"',
    "tab\there",
    "line\nbreak",
    "B07XYZ1234",
    "last",
]
DAYS: list[str | None] = ["2026-11-16"] * 14 + [None]
FLAGS = [True, False] * 7 + [True]
NUMBERS = [3.0, -1.5, 0.1, 1e20, 123456789.125, -0.0, 2.5e-7, 7, 0, 1, 2, 3, 4, 5, 6]


def _frame_plan() -> WorkbookPlan:
    frame = pd.DataFrame(
        {
            "text": AWKWARD,
            "number": NUMBERS,
            "flag": FLAGS,
            "day": pd.to_datetime(pd.Series(DAYS)),
        }
    )
    return WorkbookPlan([Sheet("data", "data", [FrameBlock(frame)])], "en")


def _read_back(fake_google, sid) -> list[list[Any]]:
    sheet = fake_google.book(sid).sheet("data")
    out = []
    for r in range(1, len(AWKWARD) + 1):
        row = []
        for c in range(4):
            cell = sheet.cell(r + 1, c + 1) or {}
            value = cell.get("userEnteredValue")
            row.append(next(iter(value.items())) if value else None)
        out.append(row)
    return out


def _wanted() -> list[list[Any]]:
    days = date(2026, 11, 16) - date(1899, 12, 30)
    return [
        [
            ("stringValue", t),
            ("numberValue", n),
            ("boolValue", b),
            ("numberValue", days.days) if r < 14 else None,
        ]
        for r, (t, n, b) in enumerate(zip(AWKWARD, NUMBERS, FLAGS, strict=True))
    ]


def test_a_data_tab_is_pasted_and_reads_back_exactly_as_typed_cells_would(
    fake_google, gclient, sid, writes
):
    refresh(gclient, sid, _frame_plan())
    data = fake_google.book(sid).sheet("data").sheet_id
    pastes = [
        r["pasteData"]
        for r in writes[-1]
        if "pasteData" in r and r["pasteData"]["coordinate"]["sheetId"] == data
    ]
    assert len(pastes) == 1 and pastes[0]["delimiter"] == "\t"
    assert "0042" not in pastes[0]["data"] and "=1+2" not in pastes[0]["data"]
    assert _read_back(fake_google, sid) == _wanted()
    fake_google.check()  # nothing the stand-in does not model was sent


def test_a_sheet_in_a_comma_decimal_locale_gets_typed_cells_not_a_paste(
    fake_google, gclient, writes
):
    sid = fake_google.create_spreadsheet("Wochenbericht", locale="de_DE")
    refresh(gclient, sid, _frame_plan())
    assert not any("pasteData" in r for r in writes[-1])
    assert _read_back(fake_google, sid) == _wanted()


def _review_plan() -> WorkbookPlan:
    """A review tab: a typed header row, plain values and formulas, and awkward cells."""
    header = [Cell(f"Week {n}", style=Style.HEADER) for n in range(1, 7)]
    rows = [header] + [
        [
            Cell(f"B0{n:08d}"),
            Cell(float(n) / 4),
            Cell(formula=f"=B{n + 2}*{n}+'data'!B{n + 2}"),  # not a fill-down: its own
            Cell(formula=f'=IF(B{n + 2}=0,"",1/B{n + 2})'),  # quotes: typed
            Cell("0042" if n % 2 else "Text only"),  # digits: typed
            Cell("=not a formula", text=True),
        ]
        for n in range(8)
    ]
    rows.append([Cell(3.0, note="a note"), Cell(date(2026, 11, 16))])
    rows.append([Cell(5.0, style=Style.MONEY)])  # its own format
    data = Sheet("data", "data", [Block(1, 1, [[Cell("x"), Cell(1.0)]] * 12)])
    return WorkbookPlan([Sheet("dashboard", "Dashboard", [Block(1, 1, rows)]), data], "en")


def test_a_review_tab_is_pasted_and_reads_back_exactly_as_typed_cells_would(
    fake_google, gclient, sid, writes
):
    """Plain values and quote-free formulas pasted; a cell Google could read otherwise, or
    with a format or note of its own, typed; cell for cell what a typed write leaves."""
    refresh(gclient, sid, _review_plan())
    pasted = writes[-1]
    typed_sid = fake_google.create_spreadsheet("Wochenbericht", locale="de_DE")
    refresh(gclient, typed_sid, _review_plan())
    assert not any("pasteData" in r for r in writes[-1])
    dashboard = fake_google.book(sid).sheet("Dashboard")
    (paste,) = [
        r["pasteData"]
        for r in pasted
        if "pasteData" in r and r["pasteData"]["coordinate"]["sheetId"] == dashboard.sheet_id
    ]
    assert "=B3*1+'data'!B3" in paste["data"] and "B000000007" in paste["data"]
    assert "0042" not in paste["data"] and "IF(" not in paste["data"]
    assert "=not a formula" not in paste["data"]
    # The header row, typed across its six columns, goes as one request.
    header = [
        r["updateCells"]
        for r in pasted
        if "updateCells" in r
        and r["updateCells"].get("range", {}).get("sheetId") == dashboard.sheet_id
    ]
    assert len(header) == 1 and len(header[0]["rows"]) == 1
    typed = fake_google.book(typed_sid).sheet("Dashboard")
    assert dashboard.cells == typed.cells
    assert dashboard.cell(3, 3)["userEnteredValue"] == {"formulaValue": "=B3*1+'data'!B3"}
    assert dashboard.cell(2, 6)["userEnteredValue"] == {"stringValue": "=not a formula"}
    fake_google.check()  # nothing the stand-in does not model was sent


# What counts as the same: pure functions ------------------------------------------------------


def test_a_read_back_grid_matches_what_the_requests_wrote():
    from datetime import datetime

    from fupan.sync.targets.gsheets import grid
    from fupan.sync.targets.gsheets.diff import values_match

    rows = [[Cell("ASIN"), Cell("Units")]] + [
        [Cell(f"B0{n:08d}"), Cell(formula=f"=SUMIFS(data!B:B,data!A:A,A{n + 2})")] for n in range(4)
    ]
    rows.append([Cell(datetime(2026, 11, 16, 10, 30)), Cell(3.0)])
    body = grid.content(Sheet("sales", "Sales", [Block(1, 1, rows)]))
    assert body.fills  # the formula column goes as one fill-down
    read = [["ASIN", "Units"]] + [
        [f"B0{n:08d}", f"=SUMIFS(data!B:B,data!A:A,A{n + 2})"] for n in range(4)
    ]
    read.append([datetime(2026, 11, 16, 10, 29, 59, 999999), 3, None])  # as Google gives it
    assert values_match(read, body)
    assert not values_match(read[:-1], body)  # a row gone
    edited = [list(r) for r in read]
    edited[3][1] = "=SUMIFS(data!B:B,data!A:A,A9)"
    assert not values_match(edited, body)
    typed = [list(r) for r in read]
    typed[-1][1] = "3"  # the same digits, as text
    assert not values_match(typed, body)
    extra = [list(r) for r in read] + [[None, "a note typed below"]]
    assert not values_match(extra, body)
