"""Raw loading: encodings, content over file name, and files that cannot be used."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from fupan.sync.errors import ReportError, UnknownReportError
from fupan.sync.ingest.sources import load

HEADER = "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Units Ordered,Ordered Product Sales"
ROW = 'B0P,B0C,"Café – Crème, 16.5"" mat",SKU-1,"1,234",12,"$1,457.93"'


def write(tmp_path, name, text, encoding):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("encoding", "warned"),
    [("utf-8", False), ("utf-8-sig", False), ("cp1252", False)],
)
def test_western_encodings_decode_cleanly(tmp_path, encoding, warned):
    raw = load(write(tmp_path, "r.csv", f"{HEADER}\n{ROW}\n", encoding))
    assert raw.header[0] == "(Parent) ASIN"
    assert raw.frame.iloc[0, 2] == 'Café – Crème, 16.5" mat'
    assert bool(raw.findings) is warned


def test_gb18030_chinese_csv_is_decoded_with_a_warning(tmp_path):
    text = "（父）ASIN,（子）ASIN,标题,会话数 – 总计\nB0P,B0C,硅胶烘焙垫,12\n"
    raw = load(write(tmp_path, "zh.csv", text, "gb18030"))
    assert raw.keys[:2] == ["(父)asin", "(子)asin"]
    assert raw.frame.iloc[0, 2] == "硅胶烘焙垫"
    (finding,) = raw.findings
    assert finding.code == "encoding-gb18030" and finding.file.endswith("zh.csv")


def test_cp932_japanese_tsv_is_decoded_with_a_warning(tmp_path):
    text = "日付\t評価\tコメント\n2025/06/29\t1\t箱が破損していました\n"
    raw = load(write(tmp_path, "jp.txt", text, "cp932"))
    assert raw.frame.iloc[0, 2] == "箱が破損していました"
    assert [f.code for f in raw.findings] == ["encoding-cp932"]


def test_csv_saved_as_xlsx_is_read_by_content(tmp_path):
    path = write(tmp_path, "report.xlsx", f"{HEADER}\n{ROW}\n", "utf-8")
    raw = load(path)
    assert raw.format == "csv" and len(raw.frame) == 1
    assert any("report.xlsx" in f.file and f.severity.name == "WARNING" for f in raw.findings)


# Twin without ../shared: test_readers_own.py, same name
def test_xlsx_saved_as_csv_is_read_by_content(tmp_path, shared_reports):
    path = tmp_path / "ads.csv"
    shutil.copy(shared_reports / "sp-search-term-report_en.xlsx", path)
    raw = load(path)
    assert raw.format == "xlsx" and len(raw.frame) == 27
    assert any("ads.csv" in f.file for f in raw.findings)


@pytest.mark.parametrize("blob", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_empty_files_are_one_clear_error(tmp_path, blob):
    path = tmp_path / "empty.csv"
    path.write_bytes(blob)
    with pytest.raises(ReportError, match=r'(?i)"empty\.csv".*empty.*download'):
        load(path)


def test_file_cut_inside_a_quoted_field_names_the_row(tmp_path):
    text = f"{HEADER}\n{ROW}\n{ROW[:30]}"
    with pytest.raises(ReportError) as info:
        load(write(tmp_path, "cut.csv", text, "utf-8"))
    assert info.value.row == 3 and "download it again" in str(info.value)


def test_binary_junk_is_not_a_report(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(b"\x00\x01\x02binary\xff\xfe\x00")
    with pytest.raises(ReportError, match=r"junk\.txt"):
        load(path)


def test_broken_json_is_one_clear_error(tmp_path):
    path = tmp_path / "perf.json"
    path.write_text('{"accountStatuses": [', encoding="utf-8")
    with pytest.raises(ReportError, match=r'"perf\.json".*not valid JSON'):
        load(path)


def test_json_that_is_no_amazon_report_is_unknown(tmp_path):
    from fupan.sync.ingest.registry import read_report

    path = tmp_path / "other.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(UnknownReportError, match=r"other\.json"):
        read_report(path)


def _rewrite_sheet(path, edit):
    """Rewrite the first worksheet's XML of an .xlsx through `edit` (bytes -> bytes)."""
    import zipfile

    parts = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            parts[name] = z.read(name)
    parts["xl/worksheets/sheet1.xml"] = edit(parts["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_the_cells_a_sheet_spans_are_bounded_before_it_is_opened(tmp_path, monkeypatch):
    """One cell at XFD1048576 would make the reader allocate 17 billion cells."""
    import re
    import zipfile

    import fupan.sync.ingest.xlsx_source as xlsx_source
    from openpyxl import Workbook

    far = tmp_path / "far.xlsx"
    wb = Workbook()
    wb.active.append(["Campaign Name", "Spend"])
    wb.active["XFD1048576"] = 1
    wb.save(far)
    with pytest.raises(ReportError, match=r"spans 1,048,576 rows and 16,384 columns"):
        load(far)

    # Cells without references are laid out one after another: counted tag by tag.
    plain = tmp_path / "plain.xlsx"
    wb = Workbook()
    wb.active.append(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
    wb.active.append(["x"])
    wb.active.append(["y"])
    wb.save(plain)
    _rewrite_sheet(plain, lambda xml: re.sub(rb' r="[A-Z]*\d*"', b"", xml))
    assert b' r="' not in zipfile.ZipFile(plain).read("xl/worksheets/sheet1.xml")
    monkeypatch.setattr(xlsx_source, "MAX_XLSX_CELLS", 30)
    raw = load(plain)
    assert raw.header == list("abcdefghij") and raw.frame[0].tolist() == ["x", "y"]
    monkeypatch.setattr(xlsx_source, "MAX_XLSX_CELLS", 29)
    with pytest.raises(ReportError, match=r"spans 3 rows and 10 columns"):
        load(plain)


NOTES = (
    '"Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions"\n'
    '"All amounts in USD, unless specified"\n'
    "\n"
    '"Other: see the ""Type"" and ""Description"" columns, for each order ID."\n'
)


def test_lines_of_notes_above_the_header_are_skipped(tmp_path):
    text = f"{NOTES}{HEADER}\n{ROW}\n{ROW}\n"
    raw = load(write(tmp_path, "range.csv", text, "utf-8-sig"))
    assert raw.header[0] == "(Parent) ASIN" and len(raw.frame) == 2
    assert raw.notes[1] == "All amounts in USD, unless specified"
    assert raw.notes[3] == 'Other: see the "Type" and "Description" columns, for each order ID.'
    assert raw.header_row == 5 and raw.file_row(1) == 7  # the blank line counts too


def test_a_short_last_row_after_notes_is_known_short_at_its_file_row(tmp_path):
    """The parser pads a short row with empty cells; the line itself says it is short, and
    a reader that needs one of its missing cells refuses it naming this row (the corpus)."""
    text = f"{NOTES}{HEADER}\n{ROW}\nB0P,B0C,Mat,SKU-1\n"
    raw = load(write(tmp_path, "range.csv", text, "utf-8"))
    assert raw.short_rows == {1: 4} and raw.file_row(1) == 7


def test_utf8_with_a_character_cut_in_half_stays_utf8(tmp_path):
    body = f"{HEADER}\n{ROW}\n".replace("Crème", "Crème – 長い説明")
    blob = body.encode("utf-8").replace("説明".encode(), "説".encode() + "明".encode()[:2])
    path = tmp_path / "cut.csv"
    path.write_bytes(blob)
    raw = load(path)
    assert raw.encoding == "utf-8" and raw.frame.iloc[0, 2].startswith(
        "Café – Crème – 長い説\ufffd"
    )
    assert [f.code for f in raw.findings] == ["encoding-replaced"]


def test_a_workbook_cell_reads_as_pandas_reads_it_and_text_stays_text(tmp_path):
    """Each kind of cell as pandas' read_excel gives it (a whole number as int, a date as a
    datetime, empty as NaN), except text that spells "missing", which stays text."""
    import io
    from datetime import date, datetime, time, timedelta

    from fupan.sync.ingest.xlsx_source import first_sheet
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    typed = ["a", 1, 1.5, 2.0, None, "NA", "null", True, date(2026, 1, 2)]
    sheet.append([*typed, datetime(2026, 1, 2, 3, 4), 1e20, -3.0, time(3, 4), timedelta(hours=2)])
    sheet["C3"] = "far"
    data = io.BytesIO()
    book.save(data)
    frame = first_sheet(data.getvalue())
    first = [(type(v).__name__, v) for v in frame.iloc[0]]
    assert first[:4] == [("str", "a"), ("int", 1), ("float", 1.5), ("int", 2)]
    assert first[4][0] == "float" and pd.isna(first[4][1])
    assert first[5:] == [
        ("str", "NA"),
        ("str", "null"),
        ("bool", True),
        ("datetime", datetime(2026, 1, 2)),
        ("datetime", datetime(2026, 1, 2, 3, 4)),
        ("int", 10**20),
        ("int", -3),
        ("time", time(3, 4)),
        ("timedelta", timedelta(hours=2)),
    ]
    assert frame.shape == (3, 14) and frame.iloc[2, 2] == "far"
    assert frame.iloc[1].isna().all() and all(d == "object" for d in frame.dtypes)
