"""Bad input: one clear line naming file, row and column; non-zero exit; nothing stored."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from fupan.sync.cli.app import cli
from fupan.sync.errors import ReportError, UsageError
from fupan.sync.ingest.readers.base import ReadContext
from fupan.sync.ingest.registry import read_report
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports
from openpyxl import Workbook
from settings_keys import key_of

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


# Issue 11, item 4 ----------------------------------------------------------------------------


def test_absurd_period_is_one_clear_usage_error(tmp_path, seller):
    good = writers.write_business_daily(tmp_path / "d.csv", seller)
    r = run("kpis", good, "--period", "0001-01-01..9999-12-31")
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit)
    assert "outside the years 2000-2100" in r.output and "Traceback" not in r.output
    with pytest.raises(UsageError, match="would start before 2000-01-01"):
        Period.parse("2000-01-01..2000-03-31").previous()
    with pytest.raises(UsageError, match="a year earlier"):
        Period.parse("2000-06-01..2000-06-30").year_over_year()
    assert Period.parse("2000-04-01..2000-06-30").previous() == Period.parse(
        "2000-01-01..2000-03-31"
    )


def test_zip_bomb_is_refused_before_anything_inflates_it(tmp_path, monkeypatch):
    import zipfile

    import fupan.sync.ingest.xlsx_source as xlsx_source

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (2 << 20))
    monkeypatch.setattr(xlsx_source, "MAX_XLSX_UNPACKED_BYTES", 1 << 20)

    def never(*args, **kwargs):
        raise AssertionError("the bomb was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    monkeypatch.setattr(xlsx_source, "CalamineWorkbook", never)
    with pytest.raises(ReportError, match=r"would unpack to 2\.0 MB .* it was not opened"):
        read_report(bomb)


def test_a_nul_in_a_title_never_breaks_a_sync(tmp_path, seller):
    """Read-time cleaning for new files; write-time cleaning for rows stored before it."""
    from fupan.sync.ingest.readers.base import ReadResult
    from fupan.sync.ingest.schema import BUSINESS_ASIN
    from openpyxl import load_workbook

    ws = tmp_path / "shop"
    assert run("init", ws).exit_code == 0
    path = writers.write_business_asin(ws / "reports" / "br.csv", seller, WEEK)
    text = path.read_text(encoding="utf-8-sig").splitlines()
    parts = text[1].split(",")
    parts[2] += "\x00 \x0bLarge"
    text[1] = ",".join(parts)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    for _ in range(2):
        r = run("--today", "2026-11-25", "sync", "--workspace", ws, "--period", WEEK)
        assert r.exit_code == 0, r.output
    # A store written before reading cleaned titles: the row still holds a NUL.
    with Store.open(ws / "history.duckdb") as store:
        frame = BUSINESS_ASIN.empty()
        frame.loc[0, ["marketplace", "parent_asin", "child_asin", "sku"]] = ["US", "P", "C", "S"]
        frame.loc[0, ["title", "sessions", "units", "sales"]] = ["Mat\x00 old", 1.0, 1.0, 9.0]
        frame.loc[0, ["period_start", "period_end"]] = [pd.Timestamp(WEEK.start)] * 2
        result = ReadResult("business_asin", BUSINESS_ASIN, frame, WEEK, "US")
        store.import_result(result, file="old.csv", sha256="old")
    r = run("--today", "2026-11-25", "sync", "--workspace", ws, "--period", WEEK)
    assert r.exit_code == 0, r.output
    titles = [c.value for c in load_workbook(ws / "review.xlsx")["Settings"]["C"]]
    assert "Mat old" in titles


def test_settings_text_is_kept_as_typed_and_listed_in_issues(tmp_path, seller):
    from openpyxl import load_workbook

    ws = tmp_path / "shop"
    assert run("init", ws).exit_code == 0
    writers.write_business_asin(ws / "reports" / "br.csv", seller, WEEK)
    sync = ("--today", "2026-11-25", "sync", "--workspace", ws, "--period", WEEK)
    assert run(*sync).exit_code == 0
    book = load_workbook(ws / "review.xlsx")
    sheet = book["Settings"]
    row = next(r for r in sheet.iter_rows() if key_of(r) == "cvr" and not r[2].value)
    address = row[3].coordinate
    default = row[3].value
    row[3].value = "ten percent"
    book.save(ws / "review.xlsx")
    for _ in range(2):  # the text survives every rewrite of the tab
        r = run(*sync)
        assert r.exit_code == 0, r.output
        assert f"cell {address}" in r.stderr and "ten percent" in r.stderr
        book = load_workbook(ws / "review.xlsx")
        assert book["Settings"][address].value == "ten percent"
        issues = [[c.value for c in r] for r in book["Issues"].iter_rows()]
        (line,) = [r for r in issues if r[4] and "ten percent" in r[4]]
        assert f"cell {address}" in line[4] and f"{default:g} is used" in line[4]
        assert line[1] == "review.xlsx" and line[3] == address[0]


def test_unreadable_settings_cells_keep_the_value_in_use():
    from fupan.sync.settings import Settings, read_back
    from fupan.sync.settings_issues import settings_findings

    base = Settings.defaults()
    grid = [
        ["#thresholds"],
        ["cvr", "CVR", "", "ten percent", None, 0.08, None],
        ["#targets"],
        ["target_acos", "Target ACoS", "25%"],
        ["default_lead_time", "Lead time", "a month"],
        ["language", "Language", "fr"],
        ["#products"],
        ["SKU", "ASIN", "Title", "Category", "Lead time (days)", "Unit cost"],
        ["S1", "B0C1", "Mat", "", "two weeks", 3.5],
    ]
    s = read_back(grid, base)
    assert s.bands[("cvr", "")].green_min == base.bands[("cvr", "")].green_min
    assert s.bands[("cvr", "")].yellow_min == 0.08
    assert (s.target_acos, s.lead_time, s.language) == (0.25, base.lead_time, "en")
    assert "SKU" not in s.products and s.products["S1"].unit_cost == 3.5
    assert s.typed("thresholds", ("cvr", ""), "green_min") == "ten percent"
    assert s.typed("products", ("S1", ""), "lead_time") == "two weeks"
    cells = sorted(f"{f.column}{f.row}" for f in settings_findings(s, "review.xlsx"))
    assert cells == ["C5", "C6", "D2", "E9"]


def test_warnings_are_shown_by_import_and_sync_naming_the_file(tmp_path, seller):
    ws = tmp_path / "shop"
    assert run("init", ws).exit_code == 0
    path = writers.write_business_asin(ws / "reports" / "zh.csv", seller, WEEK, layout="zh")
    path.write_bytes(path.read_text(encoding="utf-8-sig").encode("gb18030"))
    dry = run("sync", "--workspace", ws, "--period", WEEK, "--dry-run")
    imp = run("import", "--workspace", ws, "--period", WEEK, path)
    path.write_bytes(path.read_bytes() + b"\n")  # a new download: read (and warned) again
    sync = run("sync", "--workspace", ws, "--period", WEEK)
    for r in (dry, imp, sync):
        assert r.exit_code == 0, r.output
        assert '"zh.csv": the file is not UTF-8; it was decoded as GB18030' in r.stderr


def test_a_report_is_never_summed_into_another_marketplace(tmp_path, seller):
    us = writers.write_business_daily(tmp_path / "us.csv", seller)
    de = tmp_path / "de.csv"
    de.write_text(
        "Date;Ordered Product Sales;Units Ordered;Sessions – Total\n"
        "13.11.2026;1.234,50 €;12;4.210\n14.11.2026;99,00 €;1;300\n",
        encoding="utf-8",
    )
    both = run("kpis", us, de)
    assert both.exit_code == 2 and "several marketplaces (DE, US)" in both.output
    as_us = run("kpis", us, de, "--marketplace", "US")
    assert as_us.exit_code == 1
    assert 'Report "de.csv": its money is in EUR' in as_us.output
    assert "nothing was imported" in as_us.output
    de_only = run("kpis", de, "--format", "json")
    values = {r["kpi"]: r["value"] for r in json.loads(de_only.stdout) if r["scope"] == "account"}
    assert (values["sales"], values["sessions"]) == (pytest.approx(1333.5), 4510)


# Issue 11, item 7 ----------------------------------------------------------------------------


IN_HEADER = [
    *("Date", "Currency", "Campaign Name", "Ad Group Name", "Advertised SKU", "Advertised ASIN"),
    *("Impressions", "Clicks", "Spend", "14 Day Total Sales (₹)", "14 Day Total Orders (#)"),
    "14 Day Advertised SKU Sales (₹)",
]


def test_amazon_in_sponsored_products_keep_their_14_day_window(tmp_path):
    from openpyxl import Workbook as NewBook

    ws = tmp_path / "india"
    assert run("init", ws, "--marketplace", "IN").exit_code == 0
    book = NewBook()
    book.active.append(IN_HEADER)
    for day, spend, sales in ((16, 800.0, 4000.0), (17, 200.0, 1000.0)):
        when = pd.Timestamp(2026, 11, day).to_pydatetime()
        book.active.append([when, "INR", "SP-IN", "auto", "YM-1", "B0IN1", 5000, 40, spend, sales])
        book.active.cell(book.active.max_row, 11, 4)
        book.active.cell(book.active.max_row, 12, sales / 2)
    book.save(tmp_path / "in.xlsx")
    checked = run("check", tmp_path / "in.xlsx")
    assert "in.xlsx: Ads console: Advertised product report (SP, SD), IN," in checked.output
    assert checked.output.rstrip().endswith("2 rows, 14-day attribution")
    r = run("import", "--workspace", ws, tmp_path / "in.xlsx")
    assert r.exit_code == 0, r.output
    with Store.open(ws / "history.duckdb") as store:
        ads = store.table("ads")
    assert set(ads.attribution_days) == {14.0} and set(ads.marketplace) == {"IN"}
    out = run("kpis", "--workspace", ws, "--format", "json")
    acos = next(r for r in json.loads(out.stdout) if r["kpi"] == "acos" and r["scope"] == "account")
    assert acos["value"] == pytest.approx(1000.0 / 5000.0)


def test_account_buy_box_from_the_business_report_by_date(tmp_path):
    path = tmp_path / "by-date.csv"
    path.write_text(
        '"Date","Ordered Product Sales","Units Ordered","Sessions - Total",'
        '"Page Views - Total","Featured Offer (Buy Box) Percentage"\n'
        '"11/16/2026","$100.00","4","80","100","90.00%"\n'
        '"11/17/2026","$300.00","9","200","300","50.00%"\n'
        '"11/18/2026","$0.00","0","0","0","0.00%"\n',
        encoding="utf-8",
    )
    out = run("kpis", path, "--marketplace", "US", "--format", "json")
    assert out.exit_code == 0, out.output
    kpis = {r["kpi"]: r for r in json.loads(out.stdout) if r["scope"] == "account"}
    assert kpis["buy_box_pct"]["value"] == pytest.approx((0.9 * 100 + 0.5 * 300) / 400)
    assert kpis["buy_box_pct"]["status"] == "red"


def test_in_a_folder_what_is_no_report_is_skipped_and_what_needs_saving_again_stops(
    tmp_path, seller
):
    folder = tmp_path / "inbox"
    folder.mkdir()
    writers.write_business_daily(folder / "good.csv", seller)
    (folder / "page.xls").write_text("<html><table></table></html>")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 4)
    r = run("kpis", folder)
    assert r.exit_code == 0, r.output
    assert 'warning: "page.xls": skipped: is a web page' in r.stderr
    assert 'warning: "junk.txt": skipped: is a binary file' in r.stderr
    (folder / "old.xls").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le")
    )
    r = run("kpis", folder)
    assert r.exit_code == 1 and "nothing was imported" in r.output
    assert 'Report "old.xls": is an old Excel 97-2003 workbook (.xls)' in r.output


def test_settings_are_read_by_their_hidden_keys_by_column_a_and_by_label():
    """Keys moved out of sight (the hidden key column); an older workbook's keys in column A
    and a row the team typed by hand (no key, its KPI or target named in either language)
    are read too."""
    from fupan.addin.registry import KPIS
    from fupan.sync.settings import KEY_COLUMN, Settings, read_back

    base = Settings.defaults()
    key = ord(KEY_COLUMN) - ord("A")

    def keyed(k, *cells):
        return [None, *cells, *[None] * (key - 1 - len(cells)), k]

    new = [
        keyed("#thresholds", "Thresholds"),
        keyed("cvr", "CVR", "", 0.2),
        keyed("#targets", "Targets"),
        keyed("target_acos", "Target ACoS", "30%"),
    ]
    old = [["#thresholds"], ["cvr", "CVR", "", 0.2], ["#targets"], ["target_acos", "", "30%"]]
    typed = [
        ["#thresholds"],
        [None, KPIS["cvr"].name_zh, "", 0.2],
        ["#targets"],
        [None, "目标 ACoS", "30%"],
    ]
    for grid in (new, old, typed):
        s = read_back(grid, base)
        assert s.bands[("cvr", "")].green_min == 0.2 and s.target_acos == 0.3, grid
