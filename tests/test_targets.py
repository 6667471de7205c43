"""Every Target passes the same contract (tests/target_contract.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fupan.sync.targets.memory import Formula, MemoryTarget
from fupan.sync.targets.xlsx import XlsxTarget
from openpyxl import load_workbook
from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
    get_column_letter,
)
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


def memory_spreadsheet(target: MemoryTarget) -> Spreadsheet:
    def cells(title: str) -> Cells:
        return {
            f"{get_column_letter(c)}{r}": (FORMULA if isinstance(v, Formula) else VALUE, v)
            for r, row in enumerate(target.sheets[title], 1)
            for c, v in enumerate(row, 1)
            if v is not None
        }

    def add_tab(title: str, cells: Cells) -> None:
        typed = {}
        for ref, (kind, v) in cells.items():
            letters, row = coordinate_from_string(ref)
            typed[(row, column_index_from_string(letters))] = Formula(v) if kind == FORMULA else v
        rows, cols = max(r for r, _ in typed), max(c for _, c in typed)
        target.sheets[title] = [
            [typed.get((r, c)) for c in range(1, cols + 1)] for r in range(1, rows + 1)
        ]

    def layout(title: str) -> Layout:
        hidden = {c for span in target.folded.get(title, ()) for c in letters(span)}
        dropdowns = {
            cell: v.values for v in target.validations.get(title, []) for cell in cells_of(v.ref)
        }
        notes = {f"{get_column_letter(c)}{r}": t for (r, c), t in target.cell_notes[title].items()}
        return Layout(hidden, dropdowns, notes, set(target.hidden_rows.get(title, ())))

    return Spreadsheet(lambda: target, lambda: target, cells, add_tab, layout=layout)


def letters(span: str) -> list[str]:
    first, _, last = span.partition(":")
    return [
        get_column_letter(i)
        for i in range(column_index_from_string(first), column_index_from_string(last or first) + 1)
    ]


def xlsx_spreadsheet(path: Path) -> Spreadsheet:
    def cells(title: str) -> Cells:
        ws = load_workbook(path)[title]
        return {
            c.coordinate: (FORMULA if c.data_type == "f" else VALUE, c.value)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        }

    def add_tab(title: str, cells: Cells) -> None:
        wb = load_workbook(path)
        ws = wb.create_sheet(title)
        for ref, (kind, v) in cells.items():
            ws[ref] = v
            if kind == VALUE and isinstance(v, str):
                ws[ref].data_type = "s"  # typed as text (Excel's leading apostrophe)
        wb.save(path)

    def layout(title: str) -> Layout:
        ws = load_workbook(path)[title]
        hidden = {
            get_column_letter(i)
            for dim in ws.column_dimensions.values()
            if dim.hidden
            for i in range(dim.min or 1, (dim.max or 0) + 1)
        }
        dropdowns = {
            cell: tuple(dv.formula1.strip('"').split(","))
            for dv in ws.data_validations.dataValidation
            for ref in str(dv.sqref).split()
            for cell in cells_of(ref)
        }
        notes = {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment}
        rows = {n for n, dim in ws.row_dimensions.items() if dim.hidden}
        return Layout(hidden, dropdowns, notes, rows)

    return Spreadsheet(
        lambda: XlsxTarget(path), lambda: XlsxTarget(path), cells, add_tab, layout=layout
    )


def test_memory_target_contract():
    run_contract(memory_spreadsheet(MemoryTarget()))


def test_xlsx_target_contract(tmp_path):
    run_contract(xlsx_spreadsheet(tmp_path / "review.xlsx"))


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


def test_xlsx_written_through_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "shared" / "review.xlsx"
    XlsxTarget(real).apply(small_plan(1.0), keep=[], state={"k": "v"})
    link = tmp_path / "shop" / "review.xlsx"
    link.parent.mkdir()
    link.symlink_to(real)
    target = XlsxTarget(link)
    assert target.read_state() == {"k": "v"}
    target.apply(small_plan(2.0), keep=[], state={"k": "w"})
    assert link.is_symlink() and link.resolve() == real
    assert load_workbook(real)["Dashboard"]["A2"].value == 2
    bak = io.BytesIO(real.with_name("review.xlsx.bak").read_bytes())
    assert load_workbook(bak)["Dashboard"]["A2"].value == 1
    assert sorted(p.name for p in link.parent.iterdir()) == ["review.xlsx"]


def test_xlsx_saved_by_someone_after_fupan_read_it_is_not_overwritten(tmp_path):
    from fupan.sync.errors import ChangedError

    path = tmp_path / "review.xlsx"
    XlsxTarget(path).apply(small_plan(1.0), keep=[], state={})
    target = XlsxTarget(path)
    assert target.read_sheet("Dashboard")[1][0] == 1
    wb = load_workbook(path)
    wb["Dashboard"]["C5"] = "typed meanwhile"  # Excel's save, between fupan's read and write
    wb.save(path)
    assert target.changed()
    with pytest.raises(ChangedError, match="did not overwrite it: nothing is lost"):
        target.apply(small_plan(2.0), keep=[], state={})
    assert load_workbook(path)["Dashboard"]["C5"].value == "typed meanwhile"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.xlsx", "review.xlsx.bak"]


def test_xlsx_same_size_and_time_but_other_content_counts_as_changed(tmp_path):
    import os

    path = tmp_path / "review.xlsx"
    XlsxTarget(path).apply(small_plan(1.0), keep=[], state={})
    target = XlsxTarget(path)
    target.read_state()
    before = path.stat()
    data = bytearray(path.read_bytes())
    data[-30] ^= 1  # one bit of the zip directory's comment area: same size
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same time
    assert target.changed()


def test_xlsx_leftover_temporary_files_are_removed_by_the_next_write(tmp_path):
    path = tmp_path / "review.xlsx"
    XlsxTarget(path).apply(small_plan(), keep=[], state={})
    # What a run killed while writing leaves behind (and a file that only looks similar).
    (tmp_path / ".review.xlsx.fupan-tmp-k1ll3d").write_bytes(b"PK half a zip")
    (tmp_path / ".review.xlsx.bak.fupan-tmp-x").write_bytes(b"")
    (tmp_path / "review.xlsx.fupan-lock").write_text('{"pid": 1}')
    (tmp_path / ".review-notes.xlsx").write_bytes(b"theirs")
    XlsxTarget(path).apply(small_plan(2.0), keep=[], state={})
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".review-notes.xlsx",
        "review.xlsx",
        "review.xlsx.bak",
    ]


def test_xlsx_write_fsyncs_the_file_and_its_folder(tmp_path, monkeypatch):
    import os
    import stat

    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd):
        synced.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    XlsxTarget(tmp_path / "review.xlsx").apply(small_plan(), keep=[], state={})
    assert synced == ["file", "dir"]  # the temporary file before the rename, the folder after


def test_xlsx_opened_in_excel_while_fupan_writes_is_not_replaced(tmp_path, monkeypatch):
    from fupan.sync.errors import WorkbookError
    from fupan.sync.targets import xlsx

    path = tmp_path / "review.xlsx"
    XlsxTarget(path).apply(small_plan(1.0), keep=[], state={})
    target = XlsxTarget(path)
    target.read_state()

    def excel_opens_it(step: str) -> None:
        if step == "temp written":
            (tmp_path / "~$review.xlsx").write_text("owner")  # Excel's lock file

    monkeypatch.setattr(xlsx, "checkpoint", excel_opens_it)
    with pytest.raises(WorkbookError, match="is open in a spreadsheet program"):
        target.apply(small_plan(2.0), keep=[], state={})
    assert load_workbook(path)["Dashboard"]["A2"].value == 1
    assert not [p for p in tmp_path.iterdir() if "fupan-tmp" in p.name]
