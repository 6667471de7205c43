"""The Google stand-in, driven through real gspread 6.2.1 as production code drives Google."""

from __future__ import annotations

import json
import time
from typing import Any

import gspread
import pytest
import requests
from google.oauth2.credentials import Credentials
from google_standin import BOT, FakeGoogle
from google_standin.discovery import validator
from gspread.exceptions import APIError, SpreadsheetNotFound
from gspread.http_client import ParamsType
from gspread.utils import DateTimeOption, ValueRenderOption

SHEETS = "https://sheets.googleapis.com/v4/spreadsheets"
DRIVE = "https://www.googleapis.com/drive/v3/files"
ANA = "ana@example.com"
ROBOT = "copier@fupan-demo.iam.gserviceaccount.com"


@pytest.fixture
def fake() -> FakeGoogle:
    return FakeGoogle()


def client(fake: FakeGoogle, token: str = "t") -> gspread.Client:
    gc = gspread.Client(auth=Credentials(token=token))
    fake.mount(gc.http_client.session)
    return gc


@pytest.fixture
def gc(fake: FakeGoogle) -> gspread.Client:
    return client(fake)


@pytest.fixture
def sid(fake: FakeGoogle) -> str:
    return fake.create_spreadsheet(title="Review", editors={BOT})


def error_of(exc: pytest.ExceptionInfo[APIError]) -> dict[str, Any]:
    return exc.value.response.json()["error"]


def batch(gc: gspread.Client, sid: str, *requests_: dict[str, Any]) -> dict[str, Any]:
    return gc.http_client.batch_update(sid, {"requests": list(requests_)})


# spreadsheets.get and the model -------------------------------------------------------------


def test_a_fresh_spreadsheet_looks_like_googles(fake: FakeGoogle, gc: gspread.Client, sid: str):
    sh = gc.open_by_key(sid)
    assert len(sid) == 44 and sh.title == "Review"
    meta = sh.fetch_sheet_metadata()
    assert meta["properties"]["locale"] == "en_US"
    assert meta["properties"]["timeZone"] == "Etc/GMT"
    assert meta["sheets"] == [
        {
            "properties": {
                "sheetId": 0,
                "title": "Sheet1",
                "index": 0,
                "sheetType": "GRID",
                "gridProperties": {"rowCount": 1000, "columnCount": 26},
            }
        }
    ]
    assert fake.book(sid).cell_total() == 26_000


def test_add_worksheet_lands_in_the_model(fake: FakeGoogle, gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).add_worksheet("Data", rows=10, cols=5)
    sheet = fake.book(sid).sheet("Data")
    assert sheet.properties == {
        "sheetId": ws.id,
        "title": "Data",
        "index": 1,
        "sheetType": "GRID",
        "gridProperties": {"rowCount": 10, "columnCount": 5},
    }
    assert 0 < ws.id < 2**31
    assert [s.title for s in fake.book(sid).sheets] == ["Sheet1", "Data"]


def test_add_sheet_honours_a_given_id_and_refuses_duplicates(gc: gspread.Client, sid: str):
    reply = batch(gc, sid, {"addSheet": {"properties": {"sheetId": 77, "title": "Seven"}}})
    assert reply["replies"][0]["addSheet"]["properties"]["sheetId"] == 77
    with pytest.raises(APIError) as exc:
        batch(gc, sid, {"addSheet": {"properties": {"sheetId": 77, "title": "Again"}}})
    assert error_of(exc)["message"].startswith("Invalid requests[0].addSheet: ")
    with pytest.raises(APIError) as exc:
        batch(gc, sid, {"addSheet": {"properties": {"title": "seven"}}})
    assert error_of(exc)["message"] == (
        'Invalid requests[0].addSheet: A sheet with the name "seven" already exists. '
        "Please enter another name."
    )


# values ---------------------------------------------------------------------------------------


def test_raw_stores_text_as_typed(fake: FakeGoogle, gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).sheet1
    ws.update([["=1+2", "0042", "'x", "2020-01-01", True, 7]], "A1", raw=True)
    sheet = fake.book(sid).sheet("Sheet1")
    assert [(sheet.cell(1, c) or {})["userEnteredValue"] for c in range(1, 7)] == [
        {"stringValue": "=1+2"},
        {"stringValue": "0042"},
        {"stringValue": "'x"},
        {"stringValue": "2020-01-01"},
        {"boolValue": True},
        {"numberValue": 7},
    ]


def test_user_entered_parses_like_the_ui(fake: FakeGoogle, gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).sheet1
    ws.update([["=1+2", "0042", "'x", "2020-01-01", "TRUE", "+4*2"]], "A1", raw=False)
    sheet = fake.book(sid).sheet("Sheet1")
    assert [(sheet.cell(1, c) or {})["userEnteredValue"] for c in range(1, 7)] == [
        {"formulaValue": "=1+2"},
        {"numberValue": 42},
        {"stringValue": "x"},
        {"numberValue": 43831},
        {"boolValue": True},
        {"formulaValue": "=+4*2"},
    ]
    assert (sheet.cell(1, 4) or {})["userEnteredFormat"]["numberFormat"]["type"] == "DATE"
    assert sheet.values() == [["=1+2", 42, "x", 43831, True, "=+4*2"]]


def test_render_options(gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).sheet1
    rows = [["=4/2", "2020-01-01", "string", 53], ["=3/2", 0.12, "1999-01-02", ""]]
    ws.update(rows, "A1:D2", raw=False)
    assert ws.get("A1:D2") == [["2", "2020-01-01", "string", "53"], ["1.5", "0.12", "1999-01-02"]]
    assert ws.get("A1:D2", value_render_option=ValueRenderOption.unformatted) == [
        [2, 43831, "string", 53],
        [1.5, 0.12, 36162],
    ]
    assert ws.get("A1:D2", value_render_option=ValueRenderOption.formula) == [
        ["=4/2", 43831, "string", 53],
        ["=3/2", 0.12, 36162],
    ]
    assert ws.get(
        "A1:D2",
        value_render_option=ValueRenderOption.unformatted,
        date_time_render_option=DateTimeOption.formatted_string,
    ) == [[2, "2020-01-01", "string", 53], [1.5, 0.12, "1999-01-02"]]


def test_formulas_beyond_arithmetic_read_back_as_text_only(gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).sheet1
    ws.update([["=SUM(B1:B2)", "x"]], "A1", raw=False)
    assert ws.get("A1:B1", value_render_option=ValueRenderOption.formula) == [["=SUM(B1:B2)", "x"]]
    assert ws.get("A1:B1") == [["", "x"]]


def test_trailing_empties_are_trimmed_and_empty_ranges_have_no_values(gc: gspread.Client, sid: str):
    sh = gc.open_by_key(sid)
    sh.values_update(
        "Sheet1!A1",
        params={"valueInputOption": "RAW"},
        body={"values": [["a", "", "c", ""], [], ["", None, ""]]},
    )
    answer = sh.values_get("Sheet1!A1:E5")
    assert answer == {"range": "Sheet1!A1:E5", "majorDimension": "ROWS", "values": [["a", "", "c"]]}
    assert sh.values_get("Sheet1!H1:H3") == {"range": "Sheet1!H1:H3", "majorDimension": "ROWS"}
    whole = sh.values_get("Sheet1")
    assert whole["range"] == "Sheet1!A1:Z1000"


def test_value_input_option_is_required(gc: gspread.Client, sid: str):
    with pytest.raises(APIError) as exc:
        gc.open_by_key(sid).values_update("Sheet1!A1", params={}, body={"values": [[1]]})
    assert error_of(exc) == {
        "code": 400,
        "message": "'valueInputOption' is required but not specified",
        "status": "INVALID_ARGUMENT",
    }


def test_writes_outside_a_bounded_range_are_refused(gc: gspread.Client, sid: str):
    with pytest.raises(APIError) as exc:
        gc.open_by_key(sid).sheet1.update([[1, 2, 3]], "A1:B1")
    assert "tried writing to column [C]" in error_of(exc)["message"]


def test_append_finds_the_table_and_grows_the_grid(fake: FakeGoogle, gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).add_worksheet("Log", rows=2, cols=3)
    ws.append_row(["a", 1])
    ws.append_row(["b", 2])
    answer = ws.append_rows([["c", 3], ["d", 4]])
    assert answer["tableRange"] == "Log!A1:B2"
    assert answer["updates"]["updatedRange"] == "Log!A3:B4"
    assert fake.book(sid).sheet("Log").row_count == 4
    assert ws.get_all_values() == [["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"]]


def test_clear_and_batch_clear_echo_the_ranges(gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).sheet1
    ws.update([["x", "y"], ["z", "w"]], "A1")
    assert ws.batch_clear(["A1", "B2"])["clearedRanges"] == ["Sheet1!A1", "Sheet1!B2"]
    assert ws.get_all_values() == [["", "y"], ["z", ""]]  # gspread pads rows
    assert ws.clear()["clearedRange"] == "Sheet1!A1:Z1000"


def test_values_batch_get_and_batch_update(gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).sheet1
    answer = ws.batch_update(
        [{"range": "A1:B1", "values": [["A1", "B1"]]}, {"range": "A4", "values": [["A4"]]}]
    )
    assert answer["totalUpdatedCells"] == 3 and answer["totalUpdatedRows"] == 2
    assert ws.batch_get(["A1:B1", "A4"]) == [[["A1", "B1"]], [["A4"]]]


# batchUpdate ---------------------------------------------------------------------------------


def test_batch_update_is_atomic(fake: FakeGoogle, gc: gspread.Client, sid: str):
    before = fake.book(sid)
    sheet = before.sheet("Sheet1")
    with pytest.raises(APIError) as exc:
        batch(
            gc,
            sid,
            {"addSheet": {"properties": {"title": "New"}}},
            {
                "updateCells": {
                    "rows": [{"values": [{"userEnteredValue": {"stringValue": "hi"}}]}],
                    "fields": "userEnteredValue",
                    "start": {"sheetId": 0},
                }
            },
            {"deleteSheet": {"sheetId": 12345}},
        )
    assert error_of(exc) == {
        "code": 400,
        "message": "Invalid requests[2].deleteSheet: No grid with id: 12345",
        "status": "INVALID_ARGUMENT",
    }
    book = fake.book(sid)
    assert book is before and book.sheets[0] is sheet
    assert [s.title for s in book.sheets] == ["Sheet1"]
    assert book.sheet("Sheet1").cell(1, 1) is None


def test_unknown_fields_are_rejected_like_google(gc: gspread.Client, sid: str):
    with pytest.raises(APIError) as exc:
        batch(gc, sid, {"addSheet": {"propertys": {"title": "x"}}})
    message = (
        "Invalid JSON payload received. Unknown name \"propertys\" at 'requests[0].add_sheet': "
        "Cannot find field."
    )
    assert error_of(exc) == {
        "code": 400,
        "message": message,
        "status": "INVALID_ARGUMENT",
        "details": [
            {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                "fieldViolations": [{"field": "requests[0].add_sheet", "description": message}],
            }
        ],
    }


def test_wrong_types_and_enums_get_field_violations(gc: gspread.Client, sid: str):
    grid = {"rowCount": "many", "columnCount": 2}
    with pytest.raises(APIError) as exc:
        batch(gc, sid, {"addSheet": {"properties": {"gridProperties": grid}}})
    field = "requests[0].add_sheet.properties.grid_properties.row_count"
    assert error_of(exc)["message"] == f"Invalid value at '{field}' (TYPE_INT32), \"many\""
    assert error_of(exc)["details"][0]["fieldViolations"][0]["field"] == field
    with pytest.raises(APIError) as exc:
        batch(gc, sid, {"addSheet": {"properties": {"sheetType": "GRIDD"}}})
    assert "(type.googleapis.com/google.apps.sheets.v4." in error_of(exc)["message"]
    with pytest.raises(APIError) as exc:  # the add_validation cassette's real 400
        gc.open_by_key(sid).values_update(
            "Sheet1!A1", params={"valueInputOption": "RAW"}, body={"values": "X"}
        )
    assert error_of(exc)["message"] == (
        "Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), \"X\""
    )


def test_unknown_query_parameters_and_exactly_one_kind(gc: gspread.Client, sid: str):
    with pytest.raises(APIError) as exc:
        gc.http_client.request("get", f"{SHEETS}/{sid}", params={"data": "1"})
    assert 'Unknown name "data": Cannot bind query parameter' in error_of(exc)["message"]
    with pytest.raises(APIError) as exc:
        batch(gc, sid, {"deleteSheet": {"sheetId": 0}, "addSheet": {}})
    assert "oneof field 'kind' is already set" in error_of(exc)["message"]
    value = {"stringValue": "a", "numberValue": 1}
    with pytest.raises(APIError) as exc:
        batch(
            gc,
            sid,
            {
                "repeatCell": {
                    "range": {"sheetId": 0, "endRowIndex": 1, "endColumnIndex": 1},
                    "cell": {"userEnteredValue": value},
                    "fields": "userEnteredValue",
                }
            },
        )
    assert "oneof field 'value' is already set" in error_of(exc)["message"]


def test_nulls_mean_unset(fake: FakeGoogle, gc: gspread.Client, sid: str):
    pr = {"range": {"sheetId": 0, "endRowIndex": 2}, "description": None, "editors": None}
    reply = batch(gc, sid, {"addProtectedRange": {"protectedRange": pr}})
    assert reply["replies"][0]["addProtectedRange"]["protectedRange"]["requestingUserCanEdit"]
    assert fake.book(sid).sheet("Sheet1").protected_ranges[0]["editors"] == {"users": [BOT]}


def test_hiding_every_sheet_is_refused(gc: gspread.Client, sid: str):
    with pytest.raises(APIError) as exc:
        gc.open_by_key(sid).sheet1.hide()
    assert error_of(exc) == {
        "code": 400,
        "message": "Invalid requests[0].updateSheetProperties: You can't hide all the sheets "
        "in a document.",
        "status": "INVALID_ARGUMENT",
    }
    with pytest.raises(APIError) as exc:
        batch(gc, sid, {"deleteSheet": {"sheetId": 0}})
    assert "You can't remove all the sheets in a document." in error_of(exc)["message"]


def test_ten_million_cells_is_the_limit(fake: FakeGoogle, gc: gspread.Client, sid: str):
    def resize(rows: int) -> dict[str, Any]:
        props = {"sheetId": 0, "gridProperties": {"rowCount": rows, "columnCount": 26}}
        return {"updateSheetProperties": {"properties": props, "fields": "gridProperties"}}

    batch(gc, sid, resize(10_000_000 // 26))
    assert fake.book(sid).cell_total() == 9_999_990
    with pytest.raises(APIError) as exc:
        batch(gc, sid, resize(10_000_000 // 26 + 1))
    assert error_of(exc)["message"] == (
        "Invalid requests[0].updateSheetProperties: This action would increase the number of "
        "cells in the workbook above the limit of 10000000 cells."
    )
    assert fake.book(sid).cell_total() == 9_999_990


def test_payload_and_cell_text_limits(fake: FakeGoogle, gc: gspread.Client, sid: str):
    sh = gc.open_by_key(sid)
    big = [["x" * 40_000] * 10 for _ in range(30)]  # 12 MB
    with pytest.raises(APIError) as exc:
        sh.values_update("Sheet1!A1", params={"valueInputOption": "RAW"}, body={"values": big})
    assert error_of(exc)["message"] == "Request payload size exceeds the limit: 10485760 bytes."
    with pytest.raises(APIError) as exc:
        sh.sheet1.update([["y" * 50_001]], "A1")
    assert error_of(exc)["message"] == (
        "Your input contains more than the maximum of 50000 characters in a single cell."
    )
    assert fake.book(sid).sheet("Sheet1").cells == {}


def test_update_cells_range_clears_what_rows_do_not_cover(
    fake: FakeGoogle, gc: gspread.Client, sid: str
):
    gc.open_by_key(sid).sheet1.update([["a", "b"], ["c", "d"]], "A1")
    batch(
        gc,
        sid,
        {
            "updateCells": {
                "rows": [{"values": [{"userEnteredValue": {"numberValue": 1}}]}],
                "fields": "userEnteredValue",
                "range": {"sheetId": 0, "endRowIndex": 2, "endColumnIndex": 2},
            }
        },
    )
    assert fake.book(sid).sheet("Sheet1").values() == [[1]]


def test_values_writes_stay_inside_the_grid_but_append_grows_it(gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).add_worksheet("Small", rows=2, cols=2)
    with pytest.raises(APIError) as exc:
        ws.update([[1, 2, 3]], "A1")
    assert error_of(exc)["message"] == (
        "Range ('Small'!A1:C1) exceeds grid limits. Max rows: 2, max columns: 2"
    )
    with pytest.raises(APIError):
        ws.get("A3")
    ws.append_rows([[1, 2, 3]])
    grown = gc.open_by_key(sid).worksheet("Small")
    assert (grown.row_count, grown.col_count) == (2, 3)


def test_writing_outside_the_grid_needs_a_resize_first(gc: gspread.Client, sid: str):
    start = {"sheetId": 0, "rowIndex": 1000}
    rows = [{"values": [{"userEnteredValue": {"numberValue": 1}}]}]
    with pytest.raises(APIError) as exc:
        batch(gc, sid, {"updateCells": {"rows": rows, "fields": "*", "start": start}})
    assert error_of(exc)["message"] == (
        "Invalid requests[0].updateCells: Range ('Sheet1'!A1001) exceeds grid limits. "
        "Max rows: 1000, max columns: 26"
    )


def test_repeat_cell_formats_keep_colour_style_twins(
    fake: FakeGoogle, gc: gspread.Client, sid: str
):
    gc.open_by_key(sid).sheet1.format("A2:B2", {"backgroundColor": {"red": 0, "green": 1}})
    fmt = (fake.book(sid).sheet("Sheet1").cell(2, 2) or {})["userEnteredFormat"]
    assert fmt == {
        "backgroundColor": {"green": 1},
        "backgroundColorStyle": {"rgbColor": {"green": 1}},
    }


def test_conditional_formats_by_index(fake: FakeGoogle, gc: gspread.Client, sid: str):
    def rule(formula: str) -> dict[str, Any]:
        return {
            "ranges": [{"sheetId": 0, "startRowIndex": 1, "endRowIndex": 9}],
            "booleanRule": {
                "condition": {"type": "CUSTOM_FORMULA", "values": [{"userEnteredValue": formula}]},
                "format": {"backgroundColorStyle": {"rgbColor": {"red": 1}}},
            },
        }

    batch(
        gc,
        sid,
        {"addConditionalFormatRule": {"rule": rule("=$A2<1"), "index": 0}},
        {"addConditionalFormatRule": {"rule": rule("=$A2>2"), "index": 1}},
    )
    stored = fake.book(sid).sheet("Sheet1").conditional_formats
    assert stored[0]["ranges"] == [{"startRowIndex": 1, "endRowIndex": 9}]  # sheetId 0 omitted
    assert stored[0]["booleanRule"]["format"]["backgroundColor"] == {"red": 1}
    reply = batch(
        gc,
        sid,
        {"updateConditionalFormatRule": {"sheetId": 0, "index": 1, "rule": rule("=$A2>3")}},
        {"deleteConditionalFormatRule": {"sheetId": 0, "index": 0}},
    )
    assert reply["replies"][0]["updateConditionalFormatRule"]["newIndex"] == 1
    deleted = reply["replies"][1]["deleteConditionalFormatRule"]["rule"]
    assert deleted["booleanRule"]["condition"]["values"] == [{"userEnteredValue": "=$A2<1"}]
    assert len(fake.book(sid).sheet("Sheet1").conditional_formats) == 1
    with pytest.raises(APIError) as exc:
        batch(gc, sid, {"deleteConditionalFormatRule": {"sheetId": 0, "index": 5}})
    assert exc.value.response.status_code == 400


def test_charts_get_ids_and_can_be_deleted(fake: FakeGoogle, gc: gspread.Client, sid: str):
    chart = {
        "spec": {"title": "Sales", "basicChart": {"chartType": "LINE"}},
        "position": {"overlayPosition": {"anchorCell": {"sheetId": 0, "rowIndex": 2}}},
    }
    reply = batch(gc, sid, {"addChart": {"chart": chart}})
    chart_id = reply["replies"][0]["addChart"]["chart"]["chartId"]
    assert fake.book(sid).sheet("Sheet1").charts[0]["chartId"] == chart_id
    spec = {"title": "Units", "basicChart": {"chartType": "COLUMN"}}
    batch(gc, sid, {"updateChartSpec": {"chartId": chart_id, "spec": spec}})
    assert fake.book(sid).sheet("Sheet1").charts[0]["spec"]["title"] == "Units"
    assert batch(gc, sid, {"deleteEmbeddedObject": {"objectId": chart_id}})["replies"] == [{}]
    with pytest.raises(APIError):
        batch(gc, sid, {"deleteEmbeddedObject": {"objectId": chart_id}})


def test_copy_paste_moves_relative_references(fake: FakeGoogle, gc: gspread.Client, sid: str):
    sh = gc.open_by_key(sid)
    target = sh.add_worksheet("Target", rows=10, cols=5)
    sh.sheet1.update([["=A2*2", "=$A$2+B3", "text"]], "A1", raw=False)
    batch(
        gc,
        sid,
        {
            "copyPaste": {
                "source": {"sheetId": 0, "endRowIndex": 1, "endColumnIndex": 3},
                "destination": {"sheetId": target.id, "startRowIndex": 2, "endRowIndex": 3},
                "pasteType": "PASTE_NORMAL",
            }
        },
    )
    assert fake.book(sid).sheet("Target").values() == [[], [], ["=A4*2", "=$A$2+B5", "text"]]


def test_basic_filter_named_ranges_and_protection(fake: FakeGoogle, gc: gspread.Client, sid: str):
    reply = batch(
        gc,
        sid,
        {"setBasicFilter": {"filter": {"range": {"sheetId": 0, "endRowIndex": 5}}}},
        {"addNamedRange": {"namedRange": {"name": "kpis", "range": {"sheetId": 0}}}},
        {"addProtectedRange": {"protectedRange": {"range": {"sheetId": 0}, "warningOnly": True}}},
    )
    book = fake.book(sid)
    assert book.sheet("Sheet1").basic_filter == {"range": {"endRowIndex": 5}}
    named = reply["replies"][1]["addNamedRange"]["namedRange"]
    protection = reply["replies"][2]["addProtectedRange"]["protectedRange"]
    assert protection["requestingUserCanEdit"] is True and protection["editors"] == {}
    batch(
        gc,
        sid,
        {"clearBasicFilter": {"sheetId": 0}},
        {"deleteNamedRange": {"namedRangeId": named["namedRangeId"]}},
        {"deleteProtectedRange": {"protectedRangeId": protection["protectedRangeId"]}},
    )
    assert book is fake.book(sid)  # the model a test holds stays live
    assert book.sheet("Sheet1").basic_filter is None
    assert book.named_ranges == [] and book.sheet("Sheet1").protected_ranges == []


def test_dimensions(fake: FakeGoogle, gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).sheet1
    ws.update([["a"], ["b"], ["c"]], "A1")
    batch(
        gc,
        sid,
        {
            "insertDimension": {
                "range": {"sheetId": 0, "dimension": "ROWS", "startIndex": 1, "endIndex": 2}
            }
        },
        {"deleteDimension": {"range": {"sheetId": 0, "dimension": "COLUMNS", "startIndex": 25}}},
        {"appendDimension": {"sheetId": 0, "dimension": "ROWS", "length": 5}},
        {
            "updateDimensionProperties": {
                "range": {"sheetId": 0, "dimension": "COLUMNS", "startIndex": 0, "endIndex": 1},
                "properties": {"pixelSize": 250},
                "fields": "pixelSize",
            }
        },
    )
    sheet = fake.book(sid).sheet("Sheet1")
    assert (sheet.row_count, sheet.column_count) == (1006, 25)
    assert sheet.values() == [["a"], [], ["b"], ["c"]]
    assert sheet.column_metadata[0] == {"pixelSize": 250}
    assert sheet.column_metadata[1] == {"pixelSize": 100}


# developer metadata ----------------------------------------------------------------------------


def lease(value: str, metadata_id: int = 17) -> dict[str, Any]:
    return {
        "createDeveloperMetadata": {
            "developerMetadata": {
                "metadataId": metadata_id,
                "metadataKey": "fupan.lease",
                "metadataValue": value,
                "location": {"spreadsheet": True},
                "visibility": "DOCUMENT",
            }
        }
    }


def lookup(**kw: Any) -> dict[str, Any]:
    return {"developerMetadataLookup": kw}


def search(gc: gspread.Client, sid: str, *filters: dict[str, Any]) -> dict[str, Any]:
    url = f"{SHEETS}/{sid}/developerMetadata:search"
    return gc.http_client.request("post", url, json={"dataFilters": list(filters)}).json()


def test_developer_metadata_create_search_delete(fake: FakeGoogle, gc: gspread.Client, sid: str):
    reply = batch(gc, sid, lease("mine"))
    created = reply["replies"][0]["createDeveloperMetadata"]["developerMetadata"]
    assert created == {
        "metadataId": 17,
        "metadataKey": "fupan.lease",
        "metadataValue": "mine",
        "location": {"locationType": "SPREADSHEET", "spreadsheet": True},
        "visibility": "DOCUMENT",
    }
    assert fake.book(sid).developer_metadata == [created]
    found = search(gc, sid, lookup(metadataId=17))
    assert found["matchedDeveloperMetadata"][0]["developerMetadata"]["metadataValue"] == "mine"
    assert search(gc, sid, lookup(metadataKey="other")) == {}

    with pytest.raises(APIError) as exc:  # a fixed id makes creation a compare-and-set
        batch(gc, sid, lease("theirs"))
    assert error_of(exc)["status"] == "INVALID_ARGUMENT"
    assert error_of(exc)["message"].startswith("Invalid requests[0].createDeveloperMetadata: ")

    gone = {"deleteDeveloperMetadata": {"dataFilter": lookup(metadataId=17, metadataValue="x")}}
    with pytest.raises(APIError):  # deleting nothing is fine; the create still collides
        batch(gc, sid, gone, lease("theirs"))
    assert batch(gc, sid, gone)["replies"] == [
        {"deleteDeveloperMetadata": {"deletedDeveloperMetadata": []}}
    ]
    takeover = {
        "deleteDeveloperMetadata": {"dataFilter": lookup(metadataId=17, metadataValue="mine")}
    }
    reply = batch(gc, sid, takeover, lease("theirs"))
    assert reply["replies"][0]["deleteDeveloperMetadata"]["deletedDeveloperMetadata"] == [created]
    assert fake.book(sid).developer_metadata[0]["metadataValue"] == "theirs"


def test_developer_metadata_on_sheets_and_update(fake: FakeGoogle, gc: gspread.Client, sid: str):
    md = {
        "metadataKey": "tab",
        "metadataValue": "kpi",
        "location": {"sheetId": 0},
        "visibility": "DOCUMENT",
    }
    reply = batch(gc, sid, {"createDeveloperMetadata": {"developerMetadata": md}})
    mid = reply["replies"][0]["createDeveloperMetadata"]["developerMetadata"]["metadataId"]
    reply = batch(
        gc,
        sid,
        {
            "updateDeveloperMetadata": {
                "dataFilters": [lookup(metadataKey="tab", locationType="SHEET")],
                "developerMetadata": {"metadataValue": "kpi2"},
                "fields": "metadataValue",
            }
        },
    )
    updated = reply["replies"][0]["updateDeveloperMetadata"]["developerMetadata"]
    assert [m["metadataValue"] for m in updated] == ["kpi2"]
    assert fake.book(sid).sheet("Sheet1").developer_metadata[0]["metadataId"] == mid
    meta = gc.open_by_key(sid).fetch_sheet_metadata({"fields": "sheets.developerMetadata"})
    assert meta["sheets"][0]["developerMetadata"][0]["metadataValue"] == "kpi2"


# field masks and grid data ----------------------------------------------------------------------


def test_fields_masks_filter_spreadsheets_get(gc: gspread.Client, sid: str):
    sh = gc.open_by_key(sid)
    sh.add_worksheet("Data", 3, 3)
    fields = "spreadsheetId,properties.title,sheets(properties(title,gridProperties(rowCount)))"
    assert sh.fetch_sheet_metadata({"fields": fields}) == {
        "spreadsheetId": sid,
        "properties": {"title": "Review"},
        "sheets": [
            {"properties": {"title": "Sheet1", "gridProperties": {"rowCount": 1000}}},
            {"properties": {"title": "Data", "gridProperties": {"rowCount": 3}}},
        ],
    }
    with pytest.raises(APIError) as exc:
        sh.fetch_sheet_metadata({"fields": "sheets(propertys)"})
    assert exc.value.response.status_code == 400


def test_grid_data_for_ranges(gc: gspread.Client, sid: str):
    sh = gc.open_by_key(sid)
    sh.sheet1.update([["a", 1], ["", "=2*3"]], "B2", raw=False)
    params: ParamsType = {
        "ranges": ["'Sheet1'!A1:C3"],
        "includeGridData": "true",
        "fields": "sheets(properties(title),"
        "data(rowData(values(userEnteredValue,formattedValue))))",
    }
    answer = gc.http_client.request("get", f"{SHEETS}/{sid}", params=params).json()
    assert answer == {
        "sheets": [
            {
                "properties": {"title": "Sheet1"},
                "data": [
                    {
                        "rowData": [
                            {},
                            {
                                "values": [
                                    {},
                                    {
                                        "userEnteredValue": {"stringValue": "a"},
                                        "formattedValue": "a",
                                    },
                                    {"userEnteredValue": {"numberValue": 1}, "formattedValue": "1"},
                                ]
                            },
                            {
                                "values": [
                                    {},
                                    {},
                                    {
                                        "userEnteredValue": {"formulaValue": "=2*3"},
                                        "formattedValue": "6",
                                    },
                                ]
                            },
                        ]
                    }
                ],
            }
        ]
    }


# identities, errors, faults, quotas --------------------------------------------------------------


def test_not_found_and_no_access_map_to_gspread_exceptions(fake: FakeGoogle, gc: gspread.Client):
    with pytest.raises(SpreadsheetNotFound):
        gc.open_by_key("1" + "x" * 43)
    private = fake.create_spreadsheet("Private", editors=())
    with pytest.raises(PermissionError):
        gc.open_by_key(private)
    answer = gc.http_client.session.get(f"{SHEETS}/{private}")
    assert answer.json() == {
        "error": {
            "code": 403,
            "message": "The caller does not have permission",
            "status": "PERMISSION_DENIED",
        }
    }
    fake.share(private, BOT)
    assert gc.open_by_key(private).title == "Private"


def test_identities_come_from_bearer_tokens(fake: FakeGoogle, sid: str):
    fake.grant("tok-ana", ANA)
    ana = client(fake, "tok-ana")
    with pytest.raises(PermissionError):
        ana.open_by_key(sid)
    fake.share(sid, ANA, role="reader")
    sh = ana.open_by_key(sid)
    with pytest.raises(APIError) as exc:  # readers cannot write
        sh.sheet1.update([[1]], "A1")
    assert exc.value.response.status_code == 403
    assert {e.identity for e in fake.log} == {ANA}


def test_requests_without_credentials_are_unauthenticated(fake: FakeGoogle, sid: str):
    session = requests.Session()
    fake.mount(session)
    answer = session.get(f"{SHEETS}/{sid}")
    assert answer.status_code == 401
    assert answer.json()["error"]["status"] == "UNAUTHENTICATED"
    assert fake.log[-1].identity == "" and fake.log[-1].status == 401


def test_scripted_faults_do_not_apply_the_request(fake: FakeGoogle, gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).sheet1
    fake.script(429, 503, "timeout", "drop", 200)
    with pytest.raises(APIError) as exc:
        ws.update([[1]], "A1")
    error = error_of(exc)
    assert error["status"] == "RESOURCE_EXHAUSTED"
    assert error["details"][0]["reason"] == "RATE_LIMIT_EXCEEDED"
    assert error["details"][0]["metadata"]["quota_limit"] == "WriteRequestsPerMinutePerUser"
    with pytest.raises(APIError) as exc:
        ws.update([[1]], "A1")
    assert exc.value.response.status_code == 503 and error_of(exc)["status"] == "UNAVAILABLE"
    with pytest.raises(requests.ReadTimeout):
        ws.update([[1]], "A1")
    with pytest.raises(requests.ConnectionError):
        ws.update([[1]], "A1")
    assert fake.book(sid).sheet("Sheet1").cells == {}
    ws.update([[1]], "A1")  # 200: served normally
    assert fake.book(sid).sheet("Sheet1").values() == [[1]]
    assert [e.status for e in fake.log[-5:]] == [429, 503, 0, 0, 200]


def test_a_lost_answer_applies_the_request(fake: FakeGoogle, gc: gspread.Client, sid: str):
    ws = gc.open_by_key(sid).sheet1
    fake.script("lost")
    with pytest.raises(requests.ReadTimeout):
        ws.update([[1]], "A1")
    assert fake.book(sid).sheet("Sheet1").values() == [[1]]  # applied all the same
    assert fake.log[-1].status == 0


def test_per_minute_quotas_refill(fake: FakeGoogle, gc: gspread.Client, sid: str):
    fake.quota = {"read": 3, "write": 2}
    sh = gc.open_by_key(sid)  # 1 read
    sh.fetch_sheet_metadata()
    sh.fetch_sheet_metadata()
    with pytest.raises(APIError) as exc:
        sh.fetch_sheet_metadata()
    error = error_of(exc)
    assert exc.value.response.status_code == 429
    assert error["message"].startswith("Quota exceeded for quota metric 'Read requests'")
    assert error["details"][0]["metadata"]["quota_limit"] == "ReadRequestsPerMinutePerUser"
    # writes have their own budget
    sh.values_update("Sheet1!A1", params={"valueInputOption": "RAW"}, body={"values": [[1]]})
    fake.grant("tok-ana", ANA)
    fake.share(sid, ANA)
    client(fake, "tok-ana").open_by_key(sid)  # and every identity its own
    fake.advance(60)
    sh.fetch_sheet_metadata()
    assert [e.kind for e in fake.log[:4]] == ["read"] * 4


# Drive -----------------------------------------------------------------------------------------


def test_drive_copy_is_deep_for_people(fake: FakeGoogle, sid: str):
    fake.grant("tok-ana", ANA)
    fake.share(sid, ANA)
    ana = client(fake, "tok-ana")
    ana.open_by_key(sid).sheet1.update([["kept"]], "A1")
    copy = ana.copy(sid, title="Review copy", copy_comments=False)
    assert copy.id != sid and copy.title == "Review copy"
    copy.sheet1.update([["changed"]], "A1")
    assert fake.book(sid).sheet("Sheet1").values() == [["kept"]]
    assert fake.book(copy.id).sheet("Sheet1").values() == [["changed"]]
    assert fake.log[-1].api == "sheets"
    assert any(e.api == "drive" and e.path.endswith("/copy") for e in fake.log)


def test_service_accounts_have_no_drive_storage(fake: FakeGoogle, gc: gspread.Client, sid: str):
    with pytest.raises(APIError) as exc:
        gc.copy(sid, title="copy", copy_comments=False)
    error = error_of(exc)
    assert exc.value.response.status_code == 403
    assert error["errors"][0]["reason"] == "storageQuotaExceeded"
    assert error["errors"][0]["domain"] == "usageLimits"
    with pytest.raises(APIError):
        gc.create("New")
    fake.shared_drive_folder("folder-1", members={BOT})
    copy = gc.copy(sid, title="copy", folder_id="folder-1", copy_comments=False)
    assert fake.book(copy.id).title == "copy"


def test_drive_create_share_list_and_delete(fake: FakeGoogle):
    fake.grant("tok-ana", ANA)
    ana = client(fake, "tok-ana")
    sh = ana.create("Team review")
    assert fake.book(sh.id).sheets[0].title == "Sheet1"
    assert [s.id for s in ana.openall()] == [sh.id]
    assert ana.open("Team review").id == sh.id
    sh.share(BOT, perm_type="user", role="writer", notify=False)
    assert {p.get("emailAddress") for p in sh.list_permissions()} == {ANA, BOT}
    assert client(fake).open_by_key(sh.id).title == "Team review"
    sh.remove_permissions(BOT)
    with pytest.raises(PermissionError):
        client(fake).open_by_key(sh.id)
    ana.del_spreadsheet(sh.id)
    with pytest.raises(SpreadsheetNotFound):
        ana.open_by_key(sh.id)


def test_drive_files_get_with_fields(fake: FakeGoogle, gc: gspread.Client, sid: str):
    sh = gc.open_by_key(sid)
    assert sh.get_lastUpdateTime().endswith("Z")
    url = f"{DRIVE}/{sid}"
    answer = gc.http_client.request("get", url, params={"fields": "id,name,mimeType"}).json()
    assert answer == {
        "id": sid,
        "name": "Review",
        "mimeType": "application/vnd.google-apps.spreadsheet",
    }
    with pytest.raises(APIError) as exc:
        gc.http_client.request("get", f"{DRIVE}/nope")
    assert error_of(exc)["errors"][0]["reason"] == "notFound"


# the edges of the stand-in -----------------------------------------------------------------------


def test_other_hosts_are_refused(fake: FakeGoogle, gc: gspread.Client):
    with pytest.raises(requests.ConnectionError, match=r"stand-in refuses example\.com"):
        gc.http_client.session.get("https://example.com/")
    with pytest.raises(requests.ConnectionError, match=r"refuses oauth2\.googleapis\.com"):
        gc.http_client.session.post("http://oauth2.googleapis.com/token")


def test_what_is_not_modelled_fails_loudly(fake: FakeGoogle, gc: gspread.Client, sid: str):
    with pytest.raises(APIError) as exc:
        batch(gc, sid, {"sortRange": {"range": {"sheetId": 0}}})
    assert exc.value.response.status_code == 501
    assert "AssertionError" in error_of(exc)["message"]
    with pytest.raises(AssertionError, match="sortRange"):
        fake.check()


def test_the_log_records_every_exchange(fake: FakeGoogle, gc: gspread.Client, sid: str):
    sh = gc.open_by_key(sid)
    sh.values_update("Sheet1!A1", params={"valueInputOption": "RAW"}, body={"values": [[1]]})
    first, second = fake.log
    assert (first.method, first.api, first.kind, first.status) == ("GET", "sheets", "read", 200)
    assert first.query == {"includeGridData": ["false"]}
    assert (second.method, second.kind, second.identity) == ("PUT", "write", BOT)
    assert second.body_bytes == len(json.dumps({"values": [[1]]}).encode())
    assert second.query == {"valueInputOption": ["RAW"]}


def test_a_million_cells_validate_in_seconds():
    cells = [{"userEnteredValue": {"numberValue": n}} for n in range(25)]
    rows = [{"values": list(cells)} for _ in range(40_000)]
    body = {"requests": [{"updateCells": {"rows": rows, "fields": "*", "start": {}}}]}
    started = time.perf_counter()
    validator("sheets").check(body, "BatchUpdateSpreadsheetRequest")
    assert time.perf_counter() - started < 10


def test_spreadsheets_create_merges_and_validation(fake: FakeGoogle, gc: gspread.Client):
    fake.grant("tok-ana", ANA)
    ana = client(fake, "tok-ana")
    body = {"properties": {"title": "Made"}, "sheets": [{"properties": {"title": "One"}}]}
    made = ana.http_client.request("post", SHEETS, json=body).json()
    sid = made["spreadsheetId"]
    assert [s["properties"]["title"] for s in made["sheets"]] == ["One"]
    rule = {"condition": {"type": "ONE_OF_LIST", "values": [{"userEnteredValue": "y"}]}}
    grid = {"sheetId": 0, "endRowIndex": 2, "endColumnIndex": 2}
    batch(
        ana,
        sid,
        {"mergeCells": {"range": grid, "mergeType": "MERGE_ALL"}},
        {"setDataValidation": {"range": grid, "rule": rule}},
    )
    sheet = fake.book(sid).sheet("One")
    assert sheet.merges == [
        {"startRowIndex": 0, "endRowIndex": 2, "startColumnIndex": 0, "endColumnIndex": 2}
    ]
    assert sheet.cell(2, 2) == {"dataValidation": rule}
    batch(ana, sid, {"unmergeCells": {"range": grid}}, {"setDataValidation": {"range": grid}})
    assert sheet.merges == [] and sheet.cells == {}


def test_repeat_cell_moves_relative_references_as_google_documents():
    from google_standin.fill import fill

    # The example of the RepeatCellRequest reference: =A1 written into B2:C4.
    assert [fill("=A1", r, c) for c in (0, 1) for r in (0, 1, 2)] == [
        "=A1",
        "=A2",
        "=A3",
        "=B1",
        "=B2",
        "=B3",
    ]
    assert fill("=$A$1+A$1+$A1", 2, 1) == "=$A$1+B$1+$A3"
    assert fill("=SUMIFS('data_ads'!$O$2:$O$9,'data_ads'!$K$2:$K$9,$A6)", 3, 0) == (
        "=SUMIFS('data_ads'!$O$2:$O$9,'data_ads'!$K$2:$K$9,$A9)"
    )
    assert fill('=IF(B2="A1",LOG10(C2),"")', 1, 0) == '=IF(B3="A1",LOG10(C3),"")'
