"""Money readers: the Date Range report in every layout and language, the settlement flat
files V1 and V2, and the FBA Fee Preview, written by the project's own writers
(sync/samples/money.py) and read back."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest
from click.testing import CliRunner
from fupan.sync.cli.app import cli
from fupan.sync.errors import ReportError
from fupan.sync.ingest.readers.base import ReadContext
from fupan.sync.ingest.registry import read_report
from fupan.sync.ingest.sources import load
from fupan.sync.samples import money
from fupan.sync.samples.date_range import write_date_range
from fupan.sync.samples.fee_preview import write_fee_preview
from fupan.sync.samples.settlement import write_settlement

US_LAYOUTS = ["us-2017", "us-2021", "us-2024", "us-2025"]
# layout → (reader's marketplace, currency, amounts scaled by)
LAYOUTS = {
    **dict.fromkeys(US_LAYOUTS, ("US", "USD", 1)),
    "ca": ("CA", "CAD", 1),
    "uk": ("UK", "GBP", 1),
    "au": ("AU", "AUD", 1),
    "de": ("DE", "EUR", 1),
    "fr": ("FR", "EUR", 1),
    "it": ("IT", "EUR", 1),
    "es": ("ES", "EUR", 1),
    "jp": ("JP", "JPY", 100),
    "zh": ("US", "USD", 1),
}
START = datetime(2026, 11, 16, 8, tzinfo=UTC)  # midnight in Los Angeles
END = datetime(2026, 11, 23, 8, tzinfo=UTC)


def book(factor: int = 1) -> list[money.Line]:
    return money.scaled(money.BOOK, factor) if factor != 1 else list(money.BOOK)


def date_range(tmp_path, layout: str):
    factor = LAYOUTS[layout][2]
    return write_date_range(tmp_path / f"{layout}.csv", book(factor), layout)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_date_range_every_layout_reads_to_the_same_lines(tmp_path, layout):
    """Eleven lines; Σ total = 448.93 (the week's 923.05, the two orders outside it 10.04 and
    15.84, the transfer −500.00); Σ product sales of every line 1,377.55 (orders 1,393.54,
    refund −15.99); 47 units on order and refund lines."""
    market, currency, factor = LAYOUTS[layout]
    result = read_report(date_range(tmp_path, layout))
    f = result.frame
    assert result.reader == "date_range_transactions"
    assert (result.marketplace, f.currency.iloc[0]) == (market, currency)
    assert len(f) == 11
    assert f.total.sum() == pytest.approx(448.93 * factor)
    assert f.product_sales.sum() == pytest.approx(1377.55 * factor)
    assert f.quantity.sum() == 47
    assert f.type.value_counts().to_dict() == {
        "order": 6,
        "refund": 1,
        "service_fee": 1,
        "inventory_fee": 1,
        "adjustment": 1,
        "transfer": 1,
    }
    tray = f[f.sku == "SKU-TRAY"].iloc[0]
    assert (tray.product_sales, tray.selling_fees, tray.fba_fees) == pytest.approx(
        (1279.60 * factor, -191.94 * factor, -142.00 * factor)
    )
    assert tray.withheld_tax == pytest.approx(-102.37 * factor)
    knife = f[(f.sku == "SKU-KNIFE") & (f.type == "order")].sort_values("date").iloc[-1]
    assert (knife.shipping, knife.promotions, knife.other) == pytest.approx(
        (4.99 * factor, -4.99 * factor, -4.99 * factor)
    )
    codes = {x.code for x in result.findings}
    assert codes <= {"encoding-gb18030"}, codes  # totals add up; every type is known


@pytest.mark.parametrize(
    ("layout", "day", "clock"),
    [
        ("us-2021", "2026-11-16", "23:30:00"),  # 07:30 UTC on the 17th is the 16th in LA
        ("zh", "2026-11-16", "23:30:00"),  # 下午11:30:00 PST
        ("ca", "2026-11-16", "23:30:00"),  # 11:30:00 p.m. PST
        ("uk", "2026-11-17", "07:30:00"),
        ("de", "2026-11-17", "08:30:00"),  # written in UTC, counted on Berlin's day
        ("it", "2026-11-17", "08:30:00"),  # 17 nov 2026 07.30.00 GMT
        ("jp", "2026-11-17", "16:30:00"),
    ],
)
def test_lines_fall_on_the_marketplaces_local_day(tmp_path, layout, day, clock):
    f = read_report(date_range(tmp_path, layout)).frame
    line = f[f.order_id == "113-0000002-0000002"].iloc[0]
    assert line.date == pd.Timestamp(day)
    assert line.time == clock


def test_notes_above_the_header_are_skipped_and_kept(tmp_path):
    path = date_range(tmp_path, "us-2021")
    raw = load(path)
    assert raw.header[:2] == ["date/time", "settlement id"]
    assert raw.notes[1] == "All amounts in USD, unless specified"
    assert 'see the "Type" and "Description" columns' in raw.notes[-1]
    assert raw.header_row == 8 and raw.file_row(0) == 9
    jp = load(date_range(tmp_path, "jp"))  # a blank line among the notes, CRLF, BOM
    assert jp.header[0] == "日付/時間" and jp.header_row == 5
    assert jp.encoding == "utf-8-sig"


def test_german_and_japanese_numbers_are_read_in_their_locale(tmp_path):
    de = date_range(tmp_path, "de")
    jp = date_range(tmp_path, "jp")
    assert '"1.279,60"' in de.read_text(encoding="utf-8-sig")
    assert '"127,960"' in jp.read_text(encoding="utf-8-sig")
    assert '"-4,567"' in jp.read_text(encoding="utf-8-sig")
    tray = read_report(de).frame.set_index("sku").loc["SKU-TRAY"]
    assert tray.product_sales == pytest.approx(1279.60)
    assert tray.taxes == pytest.approx(102.37)
    jf = read_report(jp).frame
    assert jf.set_index("sku").loc["SKU-TRAY"].product_sales == 127960
    assert jf[jf.type == "service_fee"].total.iloc[0] == -4567


@pytest.mark.parametrize("layout", ["us-2021", "jp", "de"])
def test_replacement_characters_in_descriptions_are_kept(tmp_path, layout):
    f = read_report(date_range(tmp_path, layout)).frame
    assert f.description.str.endswith("Inch \ufffd").sum() == 1


def test_a_description_cut_inside_a_character_still_reads(tmp_path):
    """A BOM-less UTF-8 file whose description ends in half a character: still UTF-8."""
    path = date_range(tmp_path, "jp")
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    cut = data.replace("Inch \ufffd".encode(), "Inch –".encode()[:-1], 1)
    path.write_bytes(cut)
    result = read_report(path)
    assert result.frame.description.str.endswith("Inch \ufffd").sum() == 1
    assert (result.frame.type == "order").sum() == 6  # the Japanese text decoded as UTF-8
    assert "encoding-replaced" in {x.code for x in result.findings}


@pytest.mark.parametrize(("version", "style"), [("V1", "api"), ("V2", "api"), ("V2", "eu")])
def test_settlement_lines_and_summary(tmp_path, version, style):
    """The week's lines (posted in the window) plus two reserve lines (+100, −120): Σ total
    903.05 = the summary's total-amount; 44 units sold once each, though V1 repeats the
    quantity on every row of an item."""
    path = write_settlement(
        tmp_path / "s.txt", book(), START, END, version=version, style=style, currency="USD"
    )
    if style == "eu":
        assert "\t903,05\tUSD" in path.read_text()
    result = read_report(path)
    f = result.frame
    assert result.reader == f"settlement_{version.lower()}"
    assert f.total.sum() == pytest.approx(903.05)
    assert f[f.type == "order"].quantity.sum() == 44
    assert f[f.type == "reserve"].total.sum() == pytest.approx(-20.00)
    assert f.product_sales.sum() == pytest.approx(1352.56 - 15.99)
    assert f.selling_fees.sum() == pytest.approx(-200.97)
    assert f.fba_fees.sum() == pytest.approx(-158.05)
    assert set(f.settlement_id) == {"12345678901"}
    if style == "api":  # UTC window → Los Angeles' midnights
        assert set(f.settlement_start) == {"2026-11-16T00:00:00"}
        assert set(f.settlement_end) == {"2026-11-23T00:00:00"}
        assert result.period.start == date(2026, 11, 16)
    assert not result.findings


def test_settlement_detects_by_header_not_by_name(tmp_path):
    v1 = write_settlement(
        tmp_path / "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2.csv",
        book(),
        START,
        END,
        version="V1",
    )
    assert read_report(v1).reader == "settlement_v1"


@pytest.mark.parametrize("layout", ["na", "eu"])
def test_fee_preview(tmp_path, layout):
    path = write_fee_preview(tmp_path / "fees.txt", layout=layout)
    result = read_report(path, ReadContext(today=date(2026, 11, 25)))
    f = result.frame
    assert result.reader == "fba_fee_preview"
    stores = {"na": {"US"}, "eu": {"DE", "FR", "IT", "ES"}}[layout]
    assert set(f.marketplace) == stores
    assert len(f) == 3 * len(stores)
    mat = f[f.sku == "SKU-MAT"].iloc[0]
    assert (mat.referral_fee, mat.fulfillment_fee, mat.fee_total) == pytest.approx(
        (2.40, 3.55, 5.95)
    )
    tray = f[f.sku == "SKU-TRAY"].iloc[0]
    assert pd.isna(tray.fulfillment_fee) and pd.isna(tray.fee_total)  # "--" stays unknown
    assert (f.snapshot_date == pd.Timestamp("2026-11-25")).all()
    assert set(f.asin) == {"B0MAT00001", "B0KNIFE001", "B0TRAY0001"}


# Bad input ---------------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_a_date_range_report_cut_short_names_its_last_row(tmp_path):
    path = date_range(tmp_path, "us-2021")
    data = path.read_bytes()
    path.write_bytes(data[: data.rstrip(b"\n").rfind(b'","') + 1])  # ends inside the last row
    with pytest.raises(ReportError) as exc:
        read_report(path)
    assert exc.value.row == 7 + 1 + 11  # notes, header, eleven lines
    assert "cut short" in str(exc.value)
    r = run("kpis", path, "--period", "2026-11-16..2026-11-22")
    assert r.exit_code == 1 and "us-2021.csv" in r.output and "row 19" in r.output


def test_a_settlement_cut_short_is_refused(tmp_path):
    path = write_settlement(tmp_path / "s.txt", book(), START, END)
    data = path.read_bytes()
    path.write_bytes(data[: data.rstrip(b"\n").rfind(b"\t")])
    with pytest.raises(ReportError) as exc:
        read_report(path)
    assert "cut short" in str(exc.value) and exc.value.row == 36


def test_a_missing_column_is_named_in_the_files_language(tmp_path):
    path = date_range(tmp_path, "de")
    text = path.read_text(encoding="utf-8-sig").replace(',"Gesamt"', ',"Summe"')
    path.write_text(text, encoding="utf-8-sig")
    r = run("kpis", path, "--period", "2026-11-16..2026-11-22")
    assert r.exit_code == 1
    assert 'Report "de.csv", row 7, column "Gesamt": lacks the column(s) "Gesamt"' in r.output


def test_a_settlement_without_its_amount_column_is_refused(tmp_path):
    path = write_settlement(tmp_path / "s.txt", book(), START, END)
    text = path.read_text().replace("\tamount\t", "\tbetrag\t", 1)
    path.write_text(text)
    with pytest.raises(ReportError) as exc:
        read_report(path)
    assert exc.value.column == "amount" and exc.value.row == 1


def test_a_bad_amount_names_row_and_column(tmp_path):
    path = date_range(tmp_path, "us-2021")
    text = path.read_text(encoding="utf-8-sig").replace('"1,279.60"', '"1,279.6O"')
    path.write_text(text, encoding="utf-8")
    r = run("kpis", path, "--period", "2026-11-16..2026-11-22")
    assert r.exit_code == 1
    assert 'row 14, column "product sales": "1,279.6O" is not a number' in r.output


def test_a_bad_date_names_row_and_column(tmp_path):
    path = date_range(tmp_path, "de")
    text = path.read_text(encoding="utf-8-sig").replace("19.11.2026 22:00:00", "19.13.2026 22:00")
    path.write_text(text, encoding="utf-8-sig")
    with pytest.raises(ReportError) as exc:
        read_report(path)
    assert exc.value.column == "Datum/Uhrzeit" and "is not a date" in str(exc.value)


def _blank_posted(path, rows) -> None:
    """Empty the posted-date cells of the given file rows (1-based) of a V2 settlement."""
    lines = path.read_text().split("\n")
    header = lines[0].split("\t")
    for row in rows:
        cells = lines[row - 1].split("\t")
        for name in ("posted-date", "posted-date-time"):
            cells[header.index(name)] = ""
        lines[row - 1] = "\t".join(cells)
    path.write_text("\n".join(lines))


def test_a_reserve_line_without_a_date_falls_on_the_settlements_last_day(tmp_path):
    path = write_settlement(tmp_path / "s.txt", book(), START, END)
    _blank_posted(path, [35, 36])  # the two reserve lines, last in the file
    f = read_report(path).frame
    reserve = f[f.type == "reserve"]
    assert len(reserve) == 2 and set(reserve.date) == {pd.Timestamp("2026-11-22")}


def test_an_order_line_without_a_date_is_refused(tmp_path):
    path = write_settlement(tmp_path / "s.txt", book(), START, END)
    _blank_posted(path, [3])
    with pytest.raises(ReportError) as exc:
        read_report(path)
    assert (exc.value.row, exc.value.column) == (3, "posted-date-time")
