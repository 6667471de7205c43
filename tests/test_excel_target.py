"""The live Excel target, through a recording stand-in of xlwings' object model."""

from __future__ import annotations

from excel_standin import FakeBook
from fupan.sync.targets.excel import ExcelTarget
from fupan.sync.workbook.cells import FORMULA_LEADS
from openpyxl.utils.cell import get_column_letter
from target_contract import (
    FORMULA,
    VALUE,
    Cells,
    Layout,
    Spreadsheet,
    cells_of,
    run_contract,
    small_plan,
)


def excel_spreadsheet(book: FakeBook) -> Spreadsheet:
    """What Excel makes of the values written: text with a leading apostrophe stays text,
    and any other text starting with = + - @ is parsed as a formula."""

    def kind(v: object) -> tuple[str, object]:
        if isinstance(v, str) and v.startswith("'"):
            return VALUE, v[1:]
        if isinstance(v, str) and v.startswith(FORMULA_LEADS):
            return FORMULA, v
        return VALUE, v

    def cells(title: str) -> Cells:
        sheet = next(s for s in book._sheets if s.name == title)
        return {
            f"{get_column_letter(c)}{r}": kind(v)
            for (r, c), v in sheet.cells.items()
            if v is not None
        }

    def add_tab(title: str, cells: Cells) -> None:
        sheet = book.sheets.add(title)
        for ref, (k, v) in cells.items():
            typed = "'" + v if k == VALUE and isinstance(v, str) else v
            sheet.range(ref).value = [[typed]]

    def layout(title: str) -> Layout:
        sheet = next(s for s in book._sheets if s.name == title)
        dropdowns = {
            cell: tuple(listed.split(","))
            for ref, (_, _, listed) in sheet.validations.items()
            for cell in cells_of(ref)
        }
        notes = {f"{get_column_letter(c)}{r}": t for (r, c), t in sheet.notes.items()}
        return Layout(set(sheet.hidden), dropdowns, notes, set(sheet.hidden_rows))

    return Spreadsheet(
        lambda: ExcelTarget(book),
        lambda: ExcelTarget(book),
        cells,
        add_tab,
        drops_unkept=False,
        layout=layout,
    )


def test_excel_target_contract():
    run_contract(excel_spreadsheet(FakeBook()))


def test_one_range_write_per_block_and_text_stays_text():
    book = FakeBook()
    ExcelTarget(book).apply(small_plan(), keep=[], state={"k": "v"})
    writes = [c for c in book.calls if c[0] == "range.value"]
    assert len(writes) == 3  # the dashboard block, the data table, the state: one write each
    data = next(s for s in book._sheets if s.name == "data")
    assert data.cells[(3, 1)] == '\'=HYPERLINK("x")' and data.cells[(4, 1)] == "'+cmd"
    dash = next(s for s in book._sheets if s.name == "Dashboard")
    assert dash.cells[(2, 2)] == "=A2*2"
    assert ("calculate",) in book.calls and book.app.screen_updating


def test_traffic_lights_are_conditional_formats(tmp_path, seller):
    from datetime import date

    from fupan.sync.api import import_into_workspace, init_workspace
    from fupan.sync.flows.sync import sync_workbook
    from fupan.sync.periods import Period
    from fupan.sync.samples import writers

    week = Period.parse("2026-11-16..2026-11-22")
    ws = init_workspace(tmp_path / "shop")
    import_into_workspace(
        ws, [writers.write_business_asin(ws.reports / "b.csv", seller, week)], period=week
    )
    book = FakeBook()
    sync_workbook(ws, target=ExcelTarget(book), period=week, today=date(2026, 11, 23))
    sales = next(s for s in book._sheets if s.name == "Sales by ASIN")
    assert sales.conditions and all(t == 2 for _, t, _, _ in sales.conditions)
    colours = {c.Interior.Color for *_, c in sales.conditions}
    assert 0xCEC7FF in colours  # red fill FFC7CE in Excel's BGR order
    assert book.calls.count("range.value") < 60  # bulk writes, not one call per cell


def test_refresh_button_updates_the_calling_workbook(tmp_path, seller):
    import fupan
    from fupan.sync.api import import_into_workspace, init_workspace
    from fupan.sync.periods import Period
    from fupan.sync.samples import writers

    week = Period.parse("2026-11-16..2026-11-22")
    ws = init_workspace(tmp_path / "shop")
    writers.write_business_asin(ws.reports / "b.csv", seller, week)
    book = FakeBook(str(ws.workbook))
    fupan.main(book)  # the report has no period yet: the error goes to Excel
    assert "has no date column" in book.alerts[-1]
    import_into_workspace(ws, [ws.reports / "b.csv"], period=week)
    fupan.main(book)
    assert "red" in book.alerts[-1]
    assert "Sales by ASIN" in [s.name for s in book._sheets]


def test_button_uses_the_workspace_named_in_settings(tmp_path, seller):
    import fupan
    from fupan.sync.api import import_into_workspace, init_workspace
    from fupan.sync.periods import Period
    from fupan.sync.samples import writers

    week = Period.parse("2026-11-16..2026-11-22")
    ws = init_workspace(tmp_path / "shop")
    path = writers.write_business_asin(ws.reports / "b.csv", seller, week)
    import_into_workspace(ws, [path], period=week)
    book = FakeBook(str(tmp_path / "elsewhere" / "review.xlsx"))
    settings = book.sheets.add("Settings")
    settings.range((1, 1)).value = [["#targets"], ["workspace", "", str(ws.root)]]
    fupan.main(book)
    assert "red" in book.alerts[-1]


def test_button_syncs_the_shared_tracker_from_the_live_workbook(tmp_path, seller):
    """The action sync reads and writes the workbook open in Excel, not its file on disk
    (which Excel holds open)."""
    import fupan
    from fupan.sync.api import import_into_workspace, init_workspace
    from fupan.sync.periods import Period
    from fupan.sync.samples import writers
    from openpyxl import load_workbook

    week = Period.parse("2026-11-16..2026-11-22")
    ws = init_workspace(tmp_path / "shop")
    path = writers.write_business_asin(ws.reports / "b.csv", seller, week)
    import_into_workspace(ws, [path], period=week)
    on_disk = ws.workbook.read_bytes()
    book = FakeBook(str(ws.workbook))
    settings = book.sheets.add("Settings")
    settings.range((1, 1)).value = [
        ["#targets"],
        ["workspace", "", str(ws.root)],
        ["shared_tracker", "", "team-tracker.xlsx"],
    ]
    fupan.main(book)
    assert "red" in book.alerts[-1]
    shared = load_workbook(tmp_path / "shop" / "team-tracker.xlsx")  # beside the workbook
    assert "Actions" in shared.sheetnames
    assert ws.workbook.read_bytes() == on_disk  # the file Excel has open was not rewritten
    assert "Actions" in [s.name for s in book._sheets]
