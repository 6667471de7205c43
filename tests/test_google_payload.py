"""The plan as Sheets requests: pure functions, checked without any HTTP."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from fupan.sync.errors import TargetError
from fupan.sync.targets.gsheets import a1, grid, rules_charts, staging, tab_settings, values
from fupan.sync.targets.gsheets.dialect import rule_formula
from fupan.sync.workbook.plan import Block, Cell, Chart, Rule, Sheet, Style


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("B9:B34", (None, 8, 1, 34, 2)),
        ("'Sales by ASIN'!$T$5:$T$34", ("Sales by ASIN", 4, 19, 34, 20)),
        ("'It''s'!A1", ("It's", 0, 0, 1, 1)),
        ("data_ads!A:C", ("data_ads", None, 0, None, 3)),
        ("AA10", (None, 9, 26, 10, 27)),
    ],
)
def test_a1_references_become_grid_ranges(ref, expected):
    r = a1.parse(ref)
    assert (r.sheet, r.row0, r.col0, r.row1, r.col1) == expected


def test_a1_rejects_what_is_not_a_reference():
    with pytest.raises(TargetError, match="not an A1 reference"):
        a1.parse("Sheet1!A1:B2:C3")
    with pytest.raises(TargetError):
        a1.parse("hello world")


@pytest.mark.parametrize(
    ("formula", "anchor", "expected"),
    [
        # Same-sheet rules are the same in both programs (only the leading '=' is added).
        ('$E9="green"', "B9", '=$E9="green"'),
        ('AND($K5<>"",$K5<TODAY())', "A5", '=AND($K5<>"",$K5<TODAY())'),
        # Another sheet: fixed cells through INDIRECT with a literal address.
        ("B9>='Settings'!$D$6", "B9", "=B9>=INDIRECT(\"'Settings'!$D$6\")"),
        # Relative rows stay relative: ADDRESS from ROW() and COLUMN().
        ("B9>='It''s'!D10", "B9", '=B9>=INDIRECT(ADDRESS(ROW()+1,COLUMN()+2,4,TRUE,"It\'s"))'),
        ("B9>=Settings!$D9", "B9", '=B9>=INDIRECT(ADDRESS(ROW(),4,4,TRUE,"Settings"))'),
        (
            "COUNTIF(Actions!$A$1:$A$9,$A2)>0",
            "A2",
            "=COUNTIF(INDIRECT(\"'Actions'!$A$1:$A$9\"),$A2)>0",
        ),
        # Text that merely looks like a reference is left alone.
        ('A1="x!A1"', "A1", '=A1="x!A1"'),
    ],
)
def test_colour_rules_read_other_sheets_through_indirect(formula, anchor, expected):
    assert rule_formula(formula, anchor) == expected


def test_values_go_in_typed_and_are_never_parsed():
    assert values.cell_data(Cell("0042")) == {"userEnteredValue": {"stringValue": "0042"}}
    hyper = values.cell_data(Cell('=HYPERLINK("x")', text=True))
    assert hyper == {"userEnteredValue": {"stringValue": '=HYPERLINK("x")'}}
    assert values.cell_data(Cell(formula="=A2*2"))["userEnteredValue"] == {"formulaValue": "=A2*2"}
    assert values.cell_data(Cell(True)) == {"userEnteredValue": {"boolValue": True}}
    assert values.cell_data(Cell(float("nan"))) == {}
    day = values.cell_data(Cell(date(2020, 1, 1)))
    assert day["userEnteredValue"] == {"numberValue": 43831.0}  # the cassettes' serial
    assert day["userEnteredFormat"]["numberFormat"]["type"] == "DATE"
    noon = values.cell_data(Cell(datetime(2020, 1, 1, 12)))
    assert noon["userEnteredValue"] == {"numberValue": 43831.5}
    money = values.cell_data(Cell(12.5, style=Style.MONEY, provisional=True))
    assert money["userEnteredFormat"]["numberFormat"] == {"type": "NUMBER", "pattern": "#,##0.00"}
    assert money["userEnteredFormat"]["textFormat"]["italic"] is True


def _sheet() -> Sheet:
    rows = [
        [Cell("Week", style=Style.HEADER), Cell("Sales", style=Style.HEADER)],
        [Cell("11-09"), Cell(10.0)],
        [Cell("11-16"), Cell(12.0)],
    ]
    return Sheet(
        "dashboard",
        "Dashboard",
        [Block(30, 1, rows), Block(1, 1, [[Cell("Review", style=Style.TITLE)]])],
        rules=[Rule("B31:B32", "$B31>11", "green")],
        charts=[
            Chart(
                "line",
                "Sales",
                "D3",
                "'Dashboard'!$A$31:$A$32",
                (("'Dashboard'!$B$30", "'Dashboard'!$B$31:$B$32"),),
            )
        ],
        widths={"A": 30},
        freeze="B5",
    )


def test_a_sheet_becomes_its_grid_rules_chart_and_warning():
    sheet = _sheet()
    body = grid.content(sheet)
    assert body.height == 32 and body.width == 2
    assert body.rows[0]["values"][0]["userEnteredValue"] == {"stringValue": "Review"}
    size = grid.extent(sheet, body)
    assert size == (32, 12)  # the chart anchored at D3 needs room to its right
    props = tab_settings.sheet_properties(sheet, 7, 0, size)
    assert props["gridProperties"]["frozenRowCount"] == 4
    assert props["gridProperties"]["frozenColumnCount"] == 1
    [rule] = rules_charts.colour_rules(sheet, 7)
    condition = rule["addConditionalFormatRule"]["rule"]["booleanRule"]["condition"]
    assert condition["values"][0]["userEnteredValue"] == "=$B31>11"
    chart = rules_charts.chart(sheet.charts[0], 7, {"Dashboard": 7})["addChart"]["chart"]["spec"]
    assert chart["basicChart"]["headerCount"] == 1  # the series title is the cell above
    source = chart["basicChart"]["series"][0]["series"]["sourceRange"]["sources"][0]
    assert (source["startRowIndex"], source["endRowIndex"]) == (29, 32)
    [warning] = tab_settings.protection(sheet, 7)
    assert warning["addProtectedRange"]["protectedRange"]["warningOnly"] is True


def test_team_tabs_are_never_protected_and_input_columns_stay_open():
    settings = Sheet("settings", "Settings", [Block(1, 1, [[Cell("x", style=Style.INPUT)]])])
    assert tab_settings.protection(settings, 1) == []
    sales = Sheet(
        "sales",
        "Sales",
        [Block(5, 1, [[Cell("B0"), Cell(None, style=Style.INPUT)]] * 3)],
    )
    [p] = tab_settings.protection(sales, 3)
    [open_range] = p["addProtectedRange"]["protectedRange"]["unprotectedRanges"]
    assert open_range == {
        "sheetId": 3,
        "startRowIndex": 4,
        "endRowIndex": 7,
        "startColumnIndex": 1,
        "endColumnIndex": 2,
    }


def test_rows_split_into_chunks_under_a_byte_budget():
    rows = [values.row_data(["x" * 100, n]) for n in range(100)]
    parts = list(staging.chunks(rows, 2_000))
    assert sum(len(p) for _, p in parts) == 100
    assert [start for start, _ in parts] == sorted(start for start, _ in parts)
    for _, part in parts:
        assert len(json.dumps(part)) <= 2_000


def test_formats_shared_down_a_column_are_sent_once_per_block():
    rows = [[Cell("ASIN", style=Style.HEADER), Cell("Sales", style=Style.HEADER)]]
    rows += [[Cell(f"B0{n}"), Cell(float(n), style=Style.MONEY)] for n in range(50)]
    rows.append([Cell("total", style=Style.TITLE), Cell(1.0, style=Style.MONEY)])
    body = grid.content(Sheet("sales", "Sales", [Block(1, 1, rows)]))
    assert body.blocks == [(1, 52, 1, 2, values.STYLES[Style.MONEY])]
    assert "userEnteredFormat" not in body.rows[5]["values"][1]
    # Short runs keep their formats in the cells (a request would cost more).
    assert body.rows[0]["values"][0]["userEnteredFormat"] == values.STYLES[Style.HEADER]
    requests = grid.write_cells(4, body, (52, 2))
    [repeat] = [r for r in requests if "repeatCell" in r]
    assert repeat["repeatCell"]["range"] == {
        "sheetId": 4,
        "startRowIndex": 1,
        "endRowIndex": 52,
        "startColumnIndex": 1,
        "endColumnIndex": 2,
    }


def test_a_column_of_one_formula_filled_down_is_sent_once():
    rows = [[Cell("ASIN", style=Style.HEADER), Cell("ACoS", style=Style.HEADER)]]
    rows += [[Cell(f"B0{n}"), Cell(formula=f'=IF(C{n + 2}=0,"",D{n + 2}/$C$1)')] for n in range(40)]
    rows.append([Cell("total"), Cell(formula="=SUM(B2:B41)")])
    body = grid.content(Sheet("ads", "Ads", [Block(1, 1, rows)]))
    assert body.fills == [(1, 41, 1, '=IF(C2=0,"",D2/$C$1)')]
    assert "userEnteredValue" not in body.rows[10]["values"][1]
    assert body.rows[41]["values"][1]["userEnteredValue"] == {"formulaValue": "=SUM(B2:B41)"}
