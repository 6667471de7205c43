"""Reading some columns of an .xlsx tab (sync/targets/xlsx_columns.py) gives what reading the
whole tab gives in those columns, and None elsewhere: rows, gaps, types and shared formulas."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from fupan.sync.flows.review import read_notes
from fupan.sync.targets.xlsx import XlsxTarget
from openpyxl import Workbook

HEAD = 4


def _masked(grid, head, wanted):
    return [
        list(row) if n < head else [v if i in wanted else None for i, v in enumerate(row)]
        for n, row in enumerate(grid)
    ]


def _same_columns(path: Path, choose) -> None:
    whole = XlsxTarget(path)
    part = XlsxTarget(path)
    for title in whole.sheet_titles():
        grid = whole.read_sheet(title)
        assert grid is not None
        wanted = set(choose(grid[:HEAD]))

        def chosen(head: list[list[object]], w: set[int] = wanted) -> list[int]:
            return sorted(w)

        got = part.read_columns(title, HEAD, chosen)
        assert got == _masked(grid, HEAD, wanted), title


def _book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.create_sheet("Tab")
    wb.remove(wb["Sheet"])
    ws["A1"] = "title"
    ws["C3"] = "left of the header row"  # row 2 and row 4 are left out: gaps
    for r in range(5, 40):
        if r % 7 == 0:
            continue  # a missing row
        ws.cell(r, 1, f"B0{r:08d}")
        ws.cell(r, 2, r * 1.5)
        ws.cell(r, 3, date(2026, 11, r % 28 + 1))
        ws.cell(r, 4, f"=B{r}*2")
        ws.cell(r, 5, "note & <more>" if r % 3 else None)
        ws.cell(r, 6, r % 2 == 0)
        ws.cell(r, 7, datetime(2026, 11, 30, r % 24))
    ws.cell(45, 2, "after a gap")
    other = wb.create_sheet("Empty")
    other["B2"] = "only this"
    wb.save(path)
    return path


@pytest.mark.parametrize("columns", [[0, 4], [1, 3], [2, 5, 6], [], [0, 1, 2, 3, 4, 5, 6]])
def test_read_columns_is_the_whole_tab_in_those_columns(tmp_path, columns):
    _same_columns(_book(tmp_path / "book.xlsx"), lambda head: columns)


def test_the_demo_review_reads_back_the_same_notes(tmp_path):
    from fupan.sync.flows.demo import run_demo
    from fupan.sync.settings_sheet import find_sheet

    demo = run_demo(tmp_path / "ws", today=date(2026, 11, 30))
    book = demo.workspace.workbook
    _same_columns(book, lambda head: [0, 3, 7])
    for key in ("sales", "ads"):
        whole = find_sheet(XlsxTarget(book), key)
        notes = read_notes(XlsxTarget(book), key)
        assert notes == read_notes(_Whole(whole), key)


class _Whole:
    """A target that only reads whole tabs (as Google and Excel do)."""

    def __init__(self, grid):
        self.grid = grid

    def read_sheet(self, title):
        return self.grid


@pytest.mark.slow
def test_a_workbook_saved_by_libreoffice_reads_the_same(tmp_path):
    """Shared strings and shared formulas, as a spreadsheet program writes them."""
    from libreoffice import recalc

    saved = recalc(_book(tmp_path / "book.xlsx"), tmp_path / "saved", today=date(2026, 11, 30))
    for columns in ([0, 4], [3], [1, 3, 6]):
        _same_columns(saved, lambda head, c=columns: c)
