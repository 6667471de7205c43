"""The scanned read of a tab (sync/targets/xlsx_scan.py) gives exactly what openpyxl gives: every
tab of fupan's review, the same after a team's edits and after LibreOffice saved it, and
hand-written parts holding every kind of cell; what the scan is unsure of is read by openpyxl."""

from __future__ import annotations

import warnings
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fupan.sync.flows.review import read_notes
from fupan.sync.i18n import LABELS
from fupan.sync.settings_sheet import find_sheet
from fupan.sync.targets.xlsx import XlsxTarget
from fupan.sync.targets.xlsx_columns import parse_columns, read_columns
from fupan.sync.targets.xlsx_scan import scan_rows
from fupan.sync.targets.xlsx_xml import Unsure
from fupan.sync.workbook.inputs import FIRST
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEAD = 2
CHOICES: list[list[int]] = [[0], [1, 3], [0, 2, 4, 6], [], list(range(8)), [0, 33, 40]]


def _exact(grid: list[list[Any]]) -> list[list[str]]:
    """A grid compared by type too (1, 1.0 and True are equal in Python; an array formula is
    compared by what it holds)."""
    return [
        [f"{type(v).__name__}:{vars(v) if hasattr(v, '__dict__') else v!r}" for v in row]
        for row in grid
    ]


def same_as_openpyxl(path: Path, *, sure: bool = True) -> int:
    """Every tab of `path` scanned (whole, and in some columns) as openpyxl reads it; with
    `sure`, no tab is left to openpyxl. Returns how many reads the scan left to openpyxl."""
    book = load_workbook(path, read_only=True, data_only=False)
    unsure = 0
    for title in book.sheetnames:
        whole = [list(r) for r in book[title].iter_rows(values_only=True)]
        try:
            assert _exact(scan_rows(book[title])) == _exact(whole), title
        except Unsure:
            assert not sure, title
            unsure += 1
        for columns in CHOICES:

            def choose(head: list[list[Any]], c: list[int] = columns) -> list[int]:
                return c

            slow = parse_columns(book[title], HEAD, choose)
            try:
                fast = scan_rows(book[title], HEAD, choose)
            except Unsure:
                assert not sure, title
                unsure += 1
                continue
            assert _exact(fast) == _exact(slow), (title, columns)
    book.close()
    return unsure


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from fupan.sync.flows.demo import run_demo

    ws = tmp_path_factory.mktemp("demo") / "ws"
    return run_demo(ws, today=date(2026, 11, 30)).workspace.workbook


def test_fupans_own_review_is_scanned_exactly(demo: Path) -> None:
    same_as_openpyxl(demo)


def _edited(demo: Path, out: Path) -> Path:
    """The review after a team typed notes (rich text, Chinese) and Settings values, saved by
    openpyxl (for Excel's own way of writing, see KINDS below)."""
    wb = load_workbook(demo)
    sales = wb[LABELS["sales"][0]]
    header = [c.value for c in sales[FIRST - 1]]
    note = header.index(LABELS["note"][0]) + 1
    bold = TextBlock(InlineFont(b=True), "库存 low")
    sales.cell(FIRST, note).value = CellRichText("复盘 ", bold, " & <ok>")
    sales.cell(FIRST + 1, note).value = "中文笔记\nsecond line _x000D_"
    settings = wb[LABELS["settings"][0]]
    settings["D5"] = 0.9
    settings["E5"] = "=D5+0.05"
    wb.save(out)
    return out


def test_a_teams_edits_are_read_back_the_same(demo: Path, tmp_path: Path) -> None:
    edited = _edited(demo, tmp_path / "edited.xlsx")
    same_as_openpyxl(edited)
    notes = read_notes(XlsxTarget(edited), "sales")
    assert "复盘 库存 low & <ok>" in notes.values()
    assert "中文笔记\nsecond line _x000D_" in notes.values()
    grid = find_sheet(XlsxTarget(edited), "settings")
    assert grid[4][3:5] == [0.9, "=D5+0.05"]


@pytest.mark.slow
def test_the_review_saved_by_libreoffice_is_scanned_exactly(demo: Path, tmp_path: Path) -> None:
    from libreoffice import recalc

    edited = _edited(demo, tmp_path / "edited.xlsx")
    same_as_openpyxl(recalc(edited, tmp_path / "lo", today=date(2026, 11, 30)))


# Hand-written parts (tests/data/xlsx_scan) ----------------------------------------------


def _part(name: str) -> str:
    """A part written by hand; CRLF: a Windows line end inside a text."""
    text = (Path(__file__).parent / "data" / "xlsx_scan" / name).read_text(encoding="utf-8")
    return text.replace("CRLF", "\r\n")


STRINGS = _part("strings.xml")

# Excel's way: shared strings, `r` on every row and cell, shared formulas whose first cell
# is in a column not read; with every kind of value
KINDS = _part("kinds.xml")

# rows and cells without `r`, pretty-printed, attributes in another order, no size written
LOOSE = _part("loose.xml")

PREFIXED = _part("prefixed.xml")


SST_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)


def raw_book(
    path: Path, parts: dict[str, str], strings: str = STRINGS, *, mac: bool = False
) -> Path:
    """A workbook whose tabs are `parts` (title: worksheet XML), with STRINGS shared, a date
    style (s="1") and a duration style (s="2"); with `mac`, dates count from 1904."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    if mac:
        wb.epoch = CALENDAR_MAC_1904
    for n, title in enumerate(parts):
        ws = wb.create_sheet(title)
        ws["A1"] = "shared"
        if n == 0:
            ws["B1"] = datetime(2026, 11, 30)
            ws["C1"] = timedelta(hours=30)
    template = path.with_suffix(".template.xlsx")
    wb.save(template)
    files = {f"xl/worksheets/sheet{n}.xml": xml for n, xml in enumerate(parts.values(), 1)}
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w") as out:
        types = src.read("[Content_Types].xml").decode()
        files["[Content_Types].xml"] = types.replace("</Types>", f"{SST_TYPE}</Types>")
        for item in src.infolist():
            data = files.get(item.filename)
            out.writestr(item, src.read(item) if data is None else data.encode())
        out.writestr("xl/sharedStrings.xml", strings)
    return path


@pytest.mark.parametrize("mac", [False, True], ids=["1900 dates", "1904 dates"])
def test_every_kind_of_cell_is_scanned_exactly(tmp_path: Path, mac: bool) -> None:
    sized = LOOSE.replace("<sheetData>", '<dimension ref="A1:F5"/><sheetData>')
    tabs = {"Kinds": KINDS, "Loose": LOOSE, "Sized": sized, "x": PREFIXED}
    book = raw_book(tmp_path / "raw.xlsx", tabs, mac=mac)
    same_as_openpyxl(book)
    kinds = XlsxTarget(book).read_sheet("Kinds")
    assert kinds is not None
    assert kinds[2][4] == (datetime(2029, 12, 10) if mac else datetime(2025, 12, 9))  # a date
    assert kinds[2][6] == timedelta(days=1, hours=6)  # a number with a duration format
    assert kinds[4][0] == "bold and 中文 "
    assert kinds[8][:4] == ["=B9*2", 2, "=$B9+B$8", "=$B9+C$8"]


def test_the_notes_of_an_excel_style_tab_come_from_its_shared_strings(tmp_path: Path) -> None:
    header = "".join(f'<c r="{col}4" t="s"><v>{n}</v></c>' for n, col in enumerate(["A", "B", "C"]))
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>3</v></c><c r="B{r}"><v>{r}</v></c>'
        f'<c r="C{r}" t="s"><v>4</v></c></row>'
        for r in range(5, 9)
    )
    strings = (
        f'<sst xmlns="{MAIN}"><si><t>ASIN</t></si><si><t>Sales</t></si>'
        f"<si><t>{LABELS['note'][1]}</t></si><si><t>B0ASIN</t></si>"
        "<si><r><t>复盘</t></r><r><rPr><i/></rPr><t> later</t></r></si></sst>"
    )
    data = f'<sheetData><row r="4">{header}</row>{rows}</sheetData>'
    tab = f'<worksheet xmlns="{MAIN}">{data}</worksheet>'
    book = raw_book(tmp_path / "sales.xlsx", {LABELS["sales"][1]: tab}, strings)
    same_as_openpyxl(book)
    assert read_notes(XlsxTarget(book), "sales") == {"B0ASIN": "复盘 later"}


UNSURE = {
    "array formula": '<row r="1"><c r="A1"><f t="array" ref="A1">SUM(B1:B2)</f><v>1</v></c></row>',
    "lower-case reference": '<row r="1"><c r="a1"><v>1</v></c><c r="b1"><v>2</v></c></row>',
    "markup in a comment": '<row r="1"><c r="A1"><v>1</v></c><!-- <c r="B1"><v>2</v></c> --></row>',
    "an element in a row other than a cell": '<row r="1"><c r="A1"><v>1</v></c><extLst/></row>',
    "row number written otherwise": '<row r="1.0"><c r="A1"><v>1</v></c></row>',
    "date out of range": '<row r="1"><c r="A1" s="1"><v>1e20</v></c></row>',
    "namespace bound in a row": f'<row r="1" xmlns:y="{MAIN}"><y:c r="A1"><y:v>1</y:v></y:c></row>',
    "a row in a comment": '<row r="1"><c r="A1"><v>1</v></c></row>'
    '<!-- <row r="2"><c r="A2"><v>2</v></c></row> --><row r="3"><c r="A3"><v>3</v></c></row>',
    "text in a CDATA section": '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t>'
    "</is></c></row>",
    "a processing instruction": '<row r="1"><c r="A1"><v>1</v></c></row><?pi x?>',
}


@pytest.mark.parametrize("case", sorted(UNSURE))
def test_what_the_scan_is_unsure_of_is_read_by_openpyxl(tmp_path: Path, case: str) -> None:
    tab = f'<worksheet xmlns="{MAIN}"><sheetData>{UNSURE[case]}</sheetData></worksheet>'
    _fallback(raw_book(tmp_path / "odd.xlsx", {"Odd": tab}))


@pytest.mark.parametrize(
    "tab",
    [
        f'<!DOCTYPE worksheet [<!ENTITY e "entity">]><worksheet xmlns="{MAIN}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>',
        '<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData><row r="1">'
        '<c r="A1"><v>1</v></c></row></sheetData></worksheet>',
        f'<worksheet xmlns="{MAIN}" xmlns:x="{MAIN}"><sheetData><x:row r="1"><c r="A1"><v>1</v>'
        "</c></x:row></sheetData></worksheet>",
    ],
    ids=["doctype", "strict namespace", "main namespace twice"],
)
def test_a_part_the_scan_does_not_know_is_read_by_openpyxl(tmp_path: Path, tab: str) -> None:
    _fallback(raw_book(tmp_path / "odd.xlsx", {"Odd": tab}))


def _fallback(book: Path) -> None:
    """The scan is unsure of tab Odd; the target still reads it as openpyxl does."""
    wb = load_workbook(book, read_only=True)
    with pytest.raises(Unsure):
        scan_rows(wb["Odd"])
    with pytest.raises(Unsure):
        scan_rows(wb["Odd"], 0, lambda head: [0])
    with warnings.catch_warnings():  # openpyxl's own, on a date out of range
        warnings.simplefilter("ignore", UserWarning)
        whole = [list(r) for r in wb["Odd"].iter_rows(values_only=True)]
        assert _exact(XlsxTarget(book).read_sheet("Odd") or []) == _exact(whole)
        columns = read_columns(wb["Odd"], 0, lambda head: [0])
        assert _exact(columns) == _exact(parse_columns(wb["Odd"], 0, lambda head: [0]))
