"""The SP console reports written column by column are byte for byte what openpyxl writes
with a `WriteOnlyCell` per value (the per-cell writer they replace, kept here as the oracle)."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from fupan.sync.periods import Period
from fupan.sync.samples import sp_console
from fupan.sync.samples.seller import large_seller, small_seller
from fupan.sync.samples.xlsx_stream import stream_report
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell


def per_cell(path: Path, sheet: str, header: list[str], frame: pd.DataFrame, formats) -> Path:
    """openpyxl's write-only workbook, one WriteOnlyCell per value, text kept as text."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(header)
    for rec in frame.itertuples(index=False):
        row = []
        for fmt, v in zip(formats, rec, strict=True):
            if isinstance(v, pd.Timestamp):
                v = v.to_pydatetime()
            cell = WriteOnlyCell(ws, value=v)
            if isinstance(v, str):
                cell.data_type = "s"
            if fmt is not None:
                cell.number_format = fmt
            row.append(cell)
        ws.append(row)
    wb.save(path)
    return path


def streamed(path: Path, sheet: str, header: list[str], frame: pd.DataFrame, formats) -> Path:
    wb = Workbook(write_only=True)
    stream_report(wb.create_sheet(sheet), header, frame, formats)
    wb.save(path)
    return path


def parts(path: Path) -> dict[str, bytes]:
    """Every part of the .xlsx but the time of writing in docProps."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def report_args(seller, grain: str, lang: str, period: Period | None):
    order = sp_console.SP_ORDER[grain]
    if period is not None:
        order = ["start_date", "end_date", *order[1:]]
    names = sp_console._sp_columns(lang)
    dates = ("date", "start_date", "end_date")
    formats = [
        sp_console.DATE_FORMAT_ZH if lang == "zh" and c in dates else sp_console._FORMATS.get(c)
        for c in order
    ]
    frame = sp_console.sp_rows(seller, grain, period)[order]
    return sp_console._SHEET[grain, lang], [names[c] for c in order], frame, formats


@pytest.mark.parametrize(
    ("grain", "lang", "summary"),
    [
        ("search_term", "en", False),
        ("search_term", "zh", False),
        ("advertised_product", "en", False),
        ("advertised_product", "zh", True),
        ("targeting", "en", True),
    ],
)
def test_console_reports_are_openpyxls_bytes(tmp_path, grain, lang, summary):
    seller = small_seller(date(2026, 11, 22))
    period = Period(date(2026, 11, 9), date(2026, 11, 22)) if summary else None
    args = report_args(seller, grain, lang, period)
    assert len(args[2]) >= 20
    want = parts(per_cell(tmp_path / "a.xlsx", *args))
    got = parts(streamed(tmp_path / "b.xlsx", *args))
    assert got == want
    # And write_sp_xlsx itself writes them.
    kw = {"period": period} if summary else {}
    path = sp_console.write_sp_xlsx(tmp_path / "c.xlsx", seller, grain, lang=lang, **kw)
    assert parts(path) == want


def test_a_large_sellers_week_is_openpyxls_bytes(tmp_path):
    seller = large_seller(date(2026, 11, 22), children=60, days=7)
    args = report_args(seller, "search_term", "en", None)
    assert args[2].isna().any().any()  # empty ratios: styled blank cells
    assert parts(streamed(tmp_path / "b.xlsx", *args)) == parts(
        per_cell(tmp_path / "a.xlsx", *args)
    )


def test_odd_values_go_through_openpyxl(tmp_path):
    """Text needing escapes or preserved spaces, empty text, NaN, a mixed column, no rows."""
    frame = pd.DataFrame(
        {
            "name": ["a & <b>", " padded ", "", None, "=SUM(A1)", "#N/A"],
            "n": [1.5, float("nan"), 3.0, 1e17, -0.1, 2 / 3],
            "mixed": [1, "x", None, 2.5, True, 7],
            "day": pd.to_datetime(["2026-11-01", None, "2026-11-02"] * 2),
            "i": [1, 2, 3, 4, 5, 6],
        }
    )
    formats = [None, "0.00", "0", "yyyy/m/d", None]
    header = ["Name ", "N", "Mixed", "Day", "I"]
    for rows in (frame, frame.iloc[:0]):
        want = parts(per_cell(tmp_path / "a.xlsx", "S", header, rows, formats))
        assert parts(streamed(tmp_path / "b.xlsx", "S", header, rows, formats)) == want
    assert datetime(2026, 11, 1)  # the dates above are naive, as the consoles' are
