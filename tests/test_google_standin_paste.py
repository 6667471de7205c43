"""The stand-in's pasteData: validated against Google's discovery document, parsed as typed
text, and loud about what it does not model; and fupan's choice of what it pastes."""

from __future__ import annotations

from typing import Any

import gspread
import pytest
from fupan.sync.targets.gsheets.paste import as_text, pastes
from google.oauth2.credentials import Credentials
from google_standin import BOT, FakeGoogle
from gspread.exceptions import APIError


@pytest.fixture
def fake() -> FakeGoogle:
    return FakeGoogle()


@pytest.fixture
def gc(fake: FakeGoogle) -> gspread.Client:
    client = gspread.Client(auth=Credentials(token="t"))
    fake.mount(client.http_client.session)
    return client


@pytest.fixture
def sid(fake: FakeGoogle) -> str:
    return fake.create_spreadsheet(title="Review", editors={BOT})


def paste(gc: gspread.Client, sid: str, data: str, **more: Any) -> None:
    request = {
        "coordinate": {"sheetId": 0, "rowIndex": 0, "columnIndex": 0},
        "data": data,
        "delimiter": "\t",
        **more,
    }
    request = {k: v for k, v in request.items() if v is not None}  # None: left out
    gc.http_client.batch_update(sid, {"requests": [{"pasteData": request}]})


def entered(fake: FakeGoogle, sid: str, row: int, col: int) -> Any:
    cell = fake.book(sid).sheet("Sheet1").cell(row, col) or {}
    return cell.get("userEnteredValue")


def test_pasted_text_is_parsed_as_if_typed(fake: FakeGoogle, gc: gspread.Client, sid: str):
    gc.open_by_key(sid).sheet1.update([["old", "old"]], "A3:B3")
    paste(gc, sid, "=1+2\t0042\tTRUE\tplain\n2026-11-16\t-1.5\t\tB07XYZ1234\n\told")
    assert entered(fake, sid, 1, 1) == {"formulaValue": "=1+2"}
    assert entered(fake, sid, 1, 2) == {"numberValue": 42}
    assert entered(fake, sid, 1, 3) == {"boolValue": True}
    assert entered(fake, sid, 1, 4) == {"stringValue": "plain"}
    assert entered(fake, sid, 2, 1) == {"numberValue": 46342}
    date_cell = fake.book(sid).sheet("Sheet1").cell(2, 1)
    assert date_cell is not None
    assert date_cell["userEnteredFormat"]["numberFormat"]["type"] == "DATE"
    assert entered(fake, sid, 2, 2) == {"numberValue": -1.5}
    assert entered(fake, sid, 2, 3) is None
    assert entered(fake, sid, 2, 4) == {"stringValue": "B07XYZ1234"}
    assert entered(fake, sid, 3, 1) is None  # an empty field empties its cell
    assert entered(fake, sid, 3, 2) == {"stringValue": "old"}
    fake.check()


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "PASTE_SIDEWAYS"},  # not in the enum
        {"coordinate": {"sheetId": 0, "rowIndex": "first"}},  # not an int32
        {"delimiter": 9},  # not a string
        {"separator": "\t"},  # no such field
    ],
)
def test_a_paste_request_is_checked_against_the_discovery_document(
    gc: gspread.Client, sid: str, bad: dict[str, Any]
):
    with pytest.raises(APIError) as exc:
        paste(gc, sid, "1", **bad)
    assert exc.value.response.status_code == 400


@pytest.mark.parametrize(
    ("more", "data", "said"),
    [
        ({"html": True, "delimiter": None}, "<table></table>", "html"),
        ({"delimiter": None}, "1,2", "without a delimiter"),
        ({"type": "PASTE_FORMAT"}, "1", "PASTE_FORMAT"),
        ({}, '"quoted"\t1', "quoted"),
        ({}, "1\r\n2", "line ends"),
        ({}, "\n".join(["1"] * 1001), "beyond the grid"),
    ],
)
def test_what_the_stand_in_does_not_model_fails_loudly(
    fake: FakeGoogle, gc: gspread.Client, sid: str, more: dict[str, Any], data: str, said: str
):
    with pytest.raises(APIError) as exc:
        paste(gc, sid, data, **more)
    assert exc.value.response.status_code == 501
    with pytest.raises(AssertionError, match=said):
        fake.check()


def test_a_paste_in_a_locale_the_stand_in_cannot_parse_fails_loudly(
    fake: FakeGoogle, gc: gspread.Client
):
    sid = fake.create_spreadsheet(title="Bericht", editors={BOT}, locale="de_DE")
    with pytest.raises(APIError) as exc:
        paste(gc, sid, "1.5")
    assert exc.value.response.status_code == 501


def test_fupan_pastes_only_what_reads_back_as_sent():
    assert [as_text({"numberValue": n}) for n in (3.0, -1.5, 0.1, -0.0, 7)] == [
        "3",
        "-1.5",
        "0.1",
        "0",
        "7",
    ]
    assert as_text({"numberValue": 1e20}) is None  # past Google's 15 digits
    assert as_text({"numberValue": 2.5e-7}) is None  # "2.5e-07": not plain decimals
    assert as_text({"boolValue": False}) == "FALSE"
    assert as_text(None) == ""
    assert as_text({"formulaValue": "=A1"}) is None
    typed = ["0042", "=1+2", "+1", "-x", "'x", "#N/A", "@x", "TRUE", "true", " x", "x ", "a\tb"]
    typed += ['say "hi"', "1/2", "Jan 5", "50%", "$5", "B0123", "b07xyz1234", "LV-0003"]
    assert [t for t in typed if as_text({"stringValue": t}) is not None] == []
    assert as_text({"stringValue": "SP - Auto, brand"}) == "SP - Auto, brand"
    assert as_text({"stringValue": "B07XYZ1234"}) == "B07XYZ1234"  # an ASIN
    assert as_text({"stringValue": ""}) == ""  # an empty text is an empty cell
    assert pastes("en_US") and pastes("zh_CN") and pastes("ja_JP")
    assert not pastes("de_DE") and not pastes("fr_FR") and not pastes(None)
