"""Bad input: one clear line naming file, row and column; non-zero exit; nothing stored."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fupan.sync.cli.app import cli
from fupan.sync.errors import ReportError
from fupan.sync.ingest.readers.base import ReadContext
from fupan.sync.ingest.registry import read_report
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports
from openpyxl import Workbook

WEEK = Period.parse("2026-11-16..2026-11-22")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_empty_file(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    r = run("kpis", tmp_path / "empty.csv")
    assert r.exit_code == 1
    assert 'Report "empty.csv": the file is empty' in r.output
    assert "Traceback" not in r.output


def test_truncated_file(tmp_path, seller):
    path = writers.write_business_daily(tmp_path / "d.csv", seller)
    data = path.read_bytes()
    path.write_bytes(data[: data.rfind(b",") - 3])
    with pytest.raises(ReportError) as exc:
        read_report(path)
    assert exc.value.row == seller.days + 1
    assert "cut short" in str(exc.value)


def test_unparseable_number_names_row_and_column(tmp_path, seller):
    path = writers.write_business_asin(tmp_path / "br.csv", seller, WEEK)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[3] = lines[3].replace(",$", ",$1O", 1)  # letter O typed for a zero
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("kpis", path, "--period", WEEK)
    assert r.exit_code == 1
    assert 'Report "br.csv", row 4, column "Ordered Product Sales' in r.output
    assert '"$1O' in r.output and "is not a number" in r.output


def test_xlsx_that_is_no_amazon_report(tmp_path):
    wb = Workbook()
    wb.active.append(["Name", "Phone"])
    wb.active.append(["Li", "123"])
    wb.save(tmp_path / "contacts.xlsx")
    r = run("check", tmp_path / "contacts.xlsx")
    assert r.exit_code == 1
    assert "is not a report fupan knows" in r.output


def test_missing_period_says_how_to_give_it(tmp_path, seller):
    path = writers.write_business_asin(tmp_path / "BusinessReport-11-22-26.csv", seller, WEEK)
    r = run("kpis", path)
    assert r.exit_code == 1
    assert "has no date column" in r.output and "--period" in r.output


def test_bad_file_among_good_ones_writes_nothing(tmp_path, seller):
    good = writers.write_business_daily(tmp_path / "good.csv", seller)
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Ordered Product Sales,Units Ordered\n01/02/2026,$x,3\n")
    with Store.memory() as store, pytest.raises(Exception) as exc:
        import_reports([good, bad], store=store)
    assert "bad.csv" in str(exc.value) and "nothing was imported" in str(exc.value)


def test_gb18030_file_is_decoded_with_a_warning(tmp_path, seller):
    path = writers.write_business_asin(tmp_path / "zh.csv", seller, WEEK, layout="zh")
    text = path.read_text(encoding="utf-8-sig")
    path.write_bytes(text.encode("gb18030"))
    result = read_report(path, ReadContext(period=WEEK))
    assert result.frame.units.sum() > 0
    assert [f.code for f in result.findings] == ["encoding-gb18030"]


def test_cp932_file(tmp_path):
    text = (
        "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n"
        "6/29/25\t1\t箱が破損していました\t\t250-1\tx@marketplace.amazon.com\n"
    )
    path = tmp_path / "fb.txt"
    path.write_bytes(text.encode("cp932"))
    result = read_report(path, ReadContext(marketplace="JP"))
    assert result.frame.comments.iloc[0] == "箱が破損していました"
    assert [f.code for f in result.findings] == ["encoding-cp932"]


def test_wrong_extension_is_read_by_content(tmp_path, seller):
    path = writers.write_sp_xlsx(tmp_path / "ads.csv", seller, "advertised_product")
    result = read_report(path)
    assert result.reader == "ads_advertised_product"
    assert "wrong-extension" in [f.code for f in result.findings]


def test_check_reports_each_file(tmp_path, seller):
    good = writers.write_business_daily(tmp_path / "good.csv", seller)
    r = run("check", good)
    assert r.exit_code == 0
    assert "good.csv: Business Report: Sales and Traffic by date, US" in r.output
