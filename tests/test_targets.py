"""Every Target passes the same contract (tests/target_contract.py)."""

from __future__ import annotations

from fupan.sync.targets import MemoryTarget, XlsxTarget
from openpyxl import load_workbook
from target_contract import run_contract, small_plan


def test_memory_target_contract():
    target = MemoryTarget()
    run_contract(lambda: target, lambda: target)


def test_xlsx_target_contract(tmp_path):
    path = tmp_path / "review.xlsx"
    run_contract(lambda: XlsxTarget(path), lambda: XlsxTarget(path))


def test_xlsx_keeps_a_foreign_tab_and_writes_text_as_text(tmp_path):
    path = tmp_path / "review.xlsx"
    XlsxTarget(path).apply(small_plan(), keep=[], state={})
    wb = load_workbook(path)
    wb.create_sheet("Team notes")["B2"] = "keep me"
    wb.save(path)
    target = XlsxTarget(path)
    target.apply(small_plan(), keep=["Team notes"], state={})
    again = load_workbook(path)
    assert again["Team notes"]["B2"].value == "keep me"
    cell = again["data"]["A3"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"
    assert again["Dashboard"]["B2"].data_type == "f"
