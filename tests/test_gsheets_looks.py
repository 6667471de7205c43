"""A refresh restores fupan's tabs as fupan drew them after format-only edits in the browser.

Against the stand-in (tests/google_standin, which echoes formats as Google does: colour
twins, zero channels left out): a review tab recoloured, emphasised, given another kind of
number, another note or resized in the browser is written again on the next refresh,
though its values did not change; the team's own tabs keep whatever they were given; and
a tab left as drawn is not resent.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from fupan.sync.targets.gsheets import looks
from fupan.sync.workbook.plan import Block, Cell, Style, WorkbookPlan
from target_contract import small_plan
from test_gsheets_refresh import refresh, sent_bytes, sheets_written, spy_writes


@pytest.fixture
def writes(monkeypatch) -> list[list[dict[str, Any]]]:
    return spy_writes(monkeypatch)


def _plan() -> WorkbookPlan:
    plan = small_plan()
    # A column sharing one format, one cell with a note: the format goes once for the run.
    counts = [[Cell(float(n), style=Style.COUNT, note="why" if n == 2 else None)] for n in range(4)]
    blocks = [*plan.sheets[0].blocks, Block(9, 1, counts)]
    dashboard = dataclasses.replace(plan.sheets[0], heights={1: 30}, blocks=blocks)
    return dataclasses.replace(plan, sheets=[dashboard, *plan.sheets[1:]])


def _dimension(sheet_id: int, dimension: str, pixels: int) -> dict[str, Any]:
    span = {"sheetId": sheet_id, "dimension": dimension, "startIndex": 0, "endIndex": 1}
    return {
        "updateDimensionProperties": {
            "range": span,
            "properties": {"pixelSize": pixels},
            "fields": "pixelSize",
        }
    }


def _clear_formats(sheet_id: int) -> dict[str, Any]:
    grid = {"sheetId": sheet_id, "startRowIndex": 0, "endRowIndex": 2, "startColumnIndex": 0}
    return {
        "repeatCell": {
            "range": {**grid, "endColumnIndex": 3},
            "cell": {},
            "fields": "userEnteredFormat",
        }
    }


EDITS = {
    "recoloured": lambda ws: ws.format("A2:C2", {"backgroundColor": {"red": 1, "green": 0.8}}),
    "text coloured": lambda ws: ws.format("B2", {"textFormat": {"foregroundColor": {"red": 1}}}),
    "bold": lambda ws: ws.format("C2", {"textFormat": {"bold": True}}),
    "a percent": lambda ws: ws.format("A2", {"numberFormat": {"type": "PERCENT"}}),
    "formats cleared": lambda ws: ws.spreadsheet.batch_update(
        {"requests": [_clear_formats(ws.id)]}
    ),
    "note rewritten": lambda ws: ws.update_note("A1", "typed in the browser"),
    "note removed": lambda ws: ws.clear_note("A1"),
    "column widened": lambda ws: ws.spreadsheet.batch_update(
        {"requests": [_dimension(ws.id, "COLUMNS", 300)]}
    ),
    "row heightened": lambda ws: ws.spreadsheet.batch_update(
        {"requests": [_dimension(ws.id, "ROWS", 80)]}
    ),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_format_edit_on_a_review_tab_is_undone_by_the_next_refresh(
    fake_google, gclient, writes, edit
):
    sid = fake_google.create_spreadsheet("Weekly review")
    refresh(gclient, sid, _plan())
    drawn = fake_google.book(sid).sheet("Dashboard")
    want = (drawn.cells, dict(drawn.column_props), dict(drawn.row_props))
    EDITS[edit](gclient.open_by_key(sid).worksheet("Dashboard"))
    edited = fake_google.book(sid).sheet("Dashboard")
    assert (edited.cells, edited.column_props, edited.row_props) != want  # the edit landed
    refresh(gclient, sid, _plan())
    book = fake_google.book(sid)
    assert sheets_written(writes[-1], book) == {"Dashboard"}
    again = book.sheet("Dashboard")
    assert (again.cells, again.column_props, again.row_props) == want
    fake_google.log.clear()
    refresh(gclient, sid, _plan())  # restored, it is left out again
    assert sheets_written(writes[-1], fake_google.book(sid)) == set()
    fake_google.check()


def test_the_teams_own_tab_keeps_its_colours(fake_google, gclient, writes):
    sid = fake_google.create_spreadsheet("Weekly review")
    refresh(gclient, sid, _plan())
    mine = gclient.open_by_key(sid).add_worksheet("Team notes", rows=5, cols=2)
    mine.update([["keep me"]], "A1")
    mine.format("A1", {"backgroundColor": {"green": 1}, "textFormat": {"bold": True}})
    want = fake_google.book(sid).sheet("Team notes").cells
    first = refresh(gclient, sid, _plan(), keep=["Team notes"])
    assert sheets_written(writes[-1], fake_google.book(sid)) == set()
    assert fake_google.book(sid).sheet("Team notes").cells == want
    assert sent_bytes(first) < 2_000


def test_what_a_read_sees_of_a_format_is_what_fupan_drew():
    """Google's echo of a format (twins, zero channels left out, floats) reads as drawn."""
    sent = {
        "numberFormat": {"type": "NUMBER", "pattern": "#,##0"},
        "backgroundColorStyle": {"rgbColor": {"red": 0.1216, "green": 0.3059, "blue": 0.4745}},
        "textFormat": {
            "bold": True,
            "fontSize": 16,
            "foregroundColorStyle": {"rgbColor": {"red": 1.0, "green": 1.0, "blue": 1.0}},
        },
    }
    echoed = {
        "numberFormat": {"type": "NUMBER"},
        "backgroundColorStyle": {
            "rgbColor": {"red": 0.12156863, "green": 0.30588236, "blue": 0.4745098}
        },
        "textFormat": {
            "bold": True,
            "fontSize": 16,
            "foregroundColorStyle": {"rgbColor": {"red": 1, "green": 1, "blue": 1}},
        },
    }
    assert looks.signature(sent) == looks.signature(echoed)
    black = {"textFormat": {"foregroundColorStyle": {"rgbColor": {}}, "fontSize": 10}}
    assert looks.signature(black) == looks.signature({}) == ()
    assert looks.signature({"textFormat": {"italic": True}}) != ()
    assert looks.signature({"backgroundColorStyle": {"rgbColor": {}}}) != ()  # black fill
