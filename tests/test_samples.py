"""The simulated seller and its report writers: deterministic, red on purpose, Amazon's bytes."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pandas as pd
import pytest
from fupan.sync.api import compute_kpis, import_into_workspace, init_workspace
from fupan.sync.ingest.readers.base import ReadContext
from fupan.sync.ingest.registry import read_report
from fupan.sync.periods import Period
from fupan.sync.samples import WRITERS, large_seller, small_seller, write_demo_reports, writers
from fupan.sync.samples.writers import DATE_FORMAT, DATE_FORMAT_ZH
from openpyxl import load_workbook

END = date(2026, 11, 22)
WEEK = Period(END - timedelta(days=6), END)
PREVIOUS = Period(END - timedelta(days=13), END - timedelta(days=7))


def _between(frame: pd.DataFrame, period: Period, column: str = "date") -> pd.DataFrame:
    days = frame[column]
    return frame[(days >= pd.Timestamp(period.start)) & (days <= pd.Timestamp(period.end))]


# The simulated seller ------------------------------------------------------------------------


def test_same_seed_same_seller_other_seed_other_seller(seller):
    again = small_seller(END)
    for field in dataclasses.fields(seller):
        value = getattr(seller, field.name)
        if isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(value, getattr(again, field.name))
    assert not small_seller(END, seed=8).daily.units.equals(seller.daily.units)


def test_small_seller_shape(seller):
    cat = seller.catalogue
    assert len(cat) == 30 and cat.parent_asin.nunique() == 10
    assert set(cat.category) == {"home", "electronics accessories"}
    assert seller.days == 56 and seller.daily.date.max() == pd.Timestamp(END)
    assert len(seller.weeks()) == 8
    assert seller.search_terms.campaign.str.match(r"SP-(自动|手动-精准)-\w+-\d\d$").all()


def test_small_seller_has_its_red_situations(seller):
    cat, daily, stock = seller.catalogue, seller.daily, seller.stock
    velocity = _between(daily, Period(END - timedelta(days=29), END)).groupby("sku").units.mean()
    cover = stock.set_index("sku").available / velocity
    assert cover[cat.sku[0]] < 14  # below any sea-freight or air lead time: stock-out risk

    def cvr(period: Period, asin: str) -> float:
        rows = _between(daily, period).query("child_asin == @asin")
        return rows.units.sum() / rows.sessions.sum()

    assert cvr(WEEK, cat.child_asin[2]) < 0.75 * cvr(PREVIOUS, cat.child_asin[2])

    terms = seller.search_terms
    blow = _between(terms, WEEK).query(
        "campaign.str.startswith('SP-手动') and asin == @cat.child_asin[1]"
    )
    assert blow.spend.sum() / blow.sales.sum() > 0.6

    waste = terms.groupby("search_term")[["clicks", "orders"]].sum()
    assert ((waste.clicks >= 30) & (waste.orders == 0)).any()

    returned = seller.returns.groupby("asin").quantity.sum()
    sold = daily.groupby("child_asin").units.sum()
    assert (returned / sold)[cat.child_asin[5]] > 0.06

    aged = stock.age_91_180 + stock.age_181_270
    assert (aged / stock.available).iloc[6] > 0.5


@pytest.mark.slow  # the large seller
def test_large_seller_sizes():
    big = large_seller(END)
    assert len(big.catalogue) == 2000 and big.days == 90
    assert len(big.search_terms) == 300_000
    assert len(big.stock) == 2000
    assert len(big.daily) == 2000 * 90


# Read back through the project's readers -------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sp_targeting_reads_back(tmp_path, seller, lang):
    result = read_report(writers.write_sp_xlsx(tmp_path / "t.xlsx", seller, "targeting", lang=lang))
    assert result.reader == "ads_targeting"
    truth = seller.search_terms
    assert result.frame.spend.sum() == pytest.approx(truth.spend.sum())
    assert result.frame.sales.sum() == pytest.approx(truth.sales.sum())
    assert result.frame.clicks.sum() == truth.clicks.sum()


def test_sp_campaign_csv_reads_back_with_quotes_in_names(tmp_path, seller):
    quoted = seller.search_terms.assign(
        campaign=seller.search_terms.campaign.str.replace("-精准-", '-精准-16.5" ', regex=False)
    )
    odd = dataclasses.replace(seller, search_terms=quoted)
    path = writers.write_sp_campaign_csv(tmp_path / "c.csv", odd)
    assert b'16.5\\"" ' in path.read_bytes()
    result = read_report(path)
    assert result.reader == "ads_campaign"
    assert set(result.frame.campaign) == set(quoted.campaign)
    assert result.frame.spend.sum() == pytest.approx(quoted.spend.sum())
    assert result.frame.orders.sum() == quoted.orders.sum()
    assert result.period == Period(seller.start, seller.end)


def test_sd_targeting_reads_back_as_14_day_display(tmp_path, seller):
    result = read_report(writers.write_sd_xlsx(tmp_path / "sd.xlsx", seller))
    assert set(result.frame.ad_type) == {"SD"}
    assert set(result.frame.attribution_days) == {14.0}
    assert result.frame.spend.sum() == pytest.approx(seller.display_ads.spend.sum())
    assert result.frame.sales.sum() == pytest.approx(seller.display_ads.sales.sum())


def test_new_console_csv_reads_back(tmp_path, seller):
    path = writers.write_new_console_csv(tmp_path / "n.csv", seller, WEEK)
    result = read_report(path)
    assert result.reader == "ads_new_console"
    assert result.period == WEEK
    truth = _between(seller.search_terms, WEEK)
    assert result.frame.spend.sum() == pytest.approx(truth.spend.sum())
    assert result.frame.sales.sum() == pytest.approx(truth.sales.sum())
    assert result.frame.campaign.str.startswith("SP-").all()


def test_all_orders_reads_back(tmp_path, seller):
    result = read_report(writers.write_all_orders(tmp_path / "o.txt", seller))
    frame = result.frame
    cancelled = frame.order_status == "Cancelled"
    assert frame.quantity.sum() + cancelled.sum() == seller.daily.units.sum()
    assert (frame.quantity[cancelled] == 0).all()
    assert result.period == Period(seller.start, seller.end)


@pytest.mark.slow  # the whole demo set
def test_demo_set_reads_back_and_counts_each_ad_dollar_once(tmp_path, seller):
    written = write_demo_reports(tmp_path / "reports", seller)
    for path, period in written:
        read_report(path, ReadContext(period=period))
    undated = [p.name for p, period in written if p.name.startswith("BusinessReport-") and period]
    assert len(undated) == len(seller.weeks())

    ws = init_workspace(tmp_path / "ws")
    for path, period in written:
        import_into_workspace(ws, [path], period=period)
    review = compute_kpis(workspace=ws, period=WEEK, marketplace="US")
    daily = _between(seller.daily, WEEK)
    assert review.value("sales") == pytest.approx(daily.sales.sum())
    assert review.value("units") == daily.units.sum()
    spend = sum(_between(f, WEEK).spend.sum() for f in (seller.search_terms, seller.brand_ads))
    spend += _between(seller.display_ads, WEEK).spend.sum()
    assert review.value("ad_spend") == pytest.approx(spend)


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_every_registered_writer_is_read_back(tmp_path, seller, kind):
    extra = {
        "business_asin": (WEEK,),
        "ads_sp_xlsx": ("search_term",),
        "ads_new_console_csv": (WEEK,),
    }.get(kind, ())
    path = WRITERS[kind](tmp_path / f"{kind}.out", seller, *extra)
    result = read_report(path, ReadContext(period=WEEK))
    assert len(result.frame) > 0
    assert kind.split("_")[0] in result.reader or result.reader in kind or kind in result.reader


# Byte-level layout against the shared fixtures -------------------------------------------------
# No twins: these check the writers, which make every twin's files (tests/test_readers_own.py,
# tests/test_expected_kpis_own.py), against Amazon's bytes; without ../shared there is
# nothing to compare with.

TEXT_FIXTURES = {
    "business-report_child-asin_en.csv": lambda p, s: writers.write_business_asin(p, s, WEEK),
    "business-report_child-asin_en_2019-layout.csv": lambda p, s: writers.write_business_asin(
        p, s, WEEK, layout="2019"
    ),
    "business-report_child-asin_en_endash-variant.csv": lambda p, s: writers.write_business_asin(
        p, s, WEEK, layout="endash"
    ),
    "business-report_child-asin_zh.csv": lambda p, s: writers.write_business_asin(
        p, s, WEEK, layout="zh"
    ),
    "business-report_by-date_en.csv": writers.write_business_daily,
    "sp-campaign-report_en.csv": writers.write_sp_campaign_csv,
    "ads-new-console-format_advertised-product_en.csv": lambda p, s: writers.write_new_console_csv(
        p, s, WEEK
    ),
    "all-orders-by-order-date.txt": writers.write_all_orders,
    "fba-manage-inventory_ui-download_cp1252.csv": writers.write_myi,
    "fba-myi-unsuppressed-inventory.txt": lambda p, s: writers.write_myi(p, s, ui_csv=False),
    "fba-inventory-planning-data.txt": writers.write_planning,
    "fba-customer-returns.txt": writers.write_returns,
    "seller-feedback.txt": writers.write_feedback,
}


def _first_line(data: bytes) -> bytes:
    return data.split(b"\n", 1)[0].rstrip(b"\r")


@pytest.mark.parametrize("name", sorted(TEXT_FIXTURES))
def test_text_layout_matches_amazon_bytes(tmp_path, seller, shared_reports, name):
    ours = TEXT_FIXTURES[name](tmp_path / name, seller).read_bytes()
    theirs = (shared_reports / name).read_bytes()
    assert _first_line(ours) == _first_line(theirs)  # BOM, header text, quoting, spaces
    assert (b"\r\n" in ours) == (b"\r\n" in theirs)
    encoding = "cp1252" if "cp1252" in name else "utf-8"
    ours.decode(encoding)
    if "cp1252" in name:
        with pytest.raises(UnicodeDecodeError):
            ours.decode("utf-8")


XLSX_FIXTURES = {
    "sp-search-term-report_en.xlsx": lambda p, s: writers.write_sp_xlsx(p, s, "search_term"),
    "sp-search-term-report_zh.xlsx": lambda p, s: writers.write_sp_xlsx(
        p, s, "search_term", lang="zh"
    ),
    "sp-advertised-product-report_en.xlsx": lambda p, s: writers.write_sp_xlsx(
        p, s, "advertised_product"
    ),
    "sp-targeting-report_en.xlsx": lambda p, s: writers.write_sp_xlsx(p, s, "targeting"),
    "sb-campaign-report_en.xlsx": writers.write_sb_xlsx,
    "sd-targeting-report_en.xlsx": writers.write_sd_xlsx,
}


def _cells(path):
    ws = load_workbook(path).worksheets[0]
    header, first = list(ws.iter_rows(min_row=1, max_row=2))
    return ws.title, {
        h.value: (c.data_type, c.number_format) for h, c in zip(header, first, strict=True)
    }


@pytest.mark.parametrize("name", sorted(XLSX_FIXTURES))
def test_xlsx_header_and_cell_types_match_amazon(tmp_path, seller, shared_reports, name):
    our_title, ours = _cells(XLSX_FIXTURES[name](tmp_path / name, seller))
    their_title, theirs = _cells(shared_reports / name)
    # Some fixtures are summaries (Start Date, End Date); ours are daily (Date).
    dates = {"Date", "Start Date", "End Date", "日期", "开始日期", "结束日期"}
    assert set(ours) - dates == set(theirs) - dates
    for header in set(ours) & set(theirs):
        # Empty cells (zero-click rows) have no type to compare.
        if theirs[header][0] != "n" or ours[header][0] != "n":
            continue
        assert ours[header] == theirs[header], header
    day_format = DATE_FORMAT_ZH if "日期" in ours else DATE_FORMAT
    assert ours[({"Date", "日期"} & set(ours)).pop()] == ("d", day_format)
    assert our_title.replace(" ", "_") == their_title.replace(" ", "_")


# The writers' summary and 2019 layouts against the fixtures and the real downloads ----------
# (these check the stand-ins the twins in tests/test_readers_own.py rest on; no twin of their
# own: without ../shared there is nothing to compare with)

SUMMARY_FIXTURES = {
    "sp-search-term-report_en.xlsx": ("search_term", "en"),
    "sp-search-term-report_zh.xlsx": ("search_term", "zh"),
    "sp-advertised-product-report_en.xlsx": ("advertised_product", "en"),
    "sp-targeting-report_en.xlsx": ("targeting", "en"),
}


def _first_values(path) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """Header, and per column the type and number format of its first non-empty cell."""
    ws = load_workbook(path).worksheets[0]
    rows = ws.iter_rows(max_row=200)
    header = [str(c.value) for c in next(rows)]
    seen: dict[str, tuple[str, str]] = {}
    for row in rows:
        for h, c in zip(header, row, strict=True):
            if c.value is not None and h not in seen:
                seen[h] = (c.data_type, c.number_format)
    return header, seen


@pytest.mark.parametrize("name", sorted(SUMMARY_FIXTURES))
def test_summary_xlsx_header_matches_amazon(tmp_path, seller, shared_reports, name):
    grain, lang = SUMMARY_FIXTURES[name]
    period = Period(seller.start, seller.end)
    ours = writers.write_sp_xlsx(tmp_path / name, seller, grain, lang=lang, period=period)
    our_header, our_cells = _first_values(ours)
    their_header, their_cells = _first_values(shared_reports / name)
    assert our_header == their_header  # Start Date, End Date first, in this order
    day_format = DATE_FORMAT_ZH if lang == "zh" else DATE_FORMAT
    for h in our_header[:2]:
        assert our_cells[h] == their_cells[h] == ("d", day_format)


def test_summary_search_term_matches_the_2022_download(tmp_path, seller, shared_real):
    name = "mannyvv-amazon-fba-report-analyzer/Sponsored Products Search term report.xlsx"
    period = Period(seller.start, seller.end)
    ours = writers.write_sp_xlsx(tmp_path / "st.xlsx", seller, "search_term", period=period)
    our_header, our_cells = _first_values(ours)
    their_header, their_cells = _first_values(shared_real / name)
    assert our_header == their_header
    assert our_cells == their_cells


REAL_TEXT = {
    "xvr-datasciencecoursera/BusinessReport-11-21-19.csv": lambda p, s: writers.write_business_asin(
        p, s, WEEK, layout="2019"
    ),
    "xvr-datasciencecoursera/Sponsored Products Campaign report.csv": lambda p, s: (
        writers.write_sp_campaign_csv(p, s, layout="2019")
    ),
}


@pytest.mark.parametrize("name", sorted(REAL_TEXT))
def test_text_layout_matches_a_real_download(tmp_path, seller, shared_real, name):
    ours = REAL_TEXT[name](tmp_path / "ours.csv", seller).read_bytes()
    theirs = (shared_real / name).read_bytes()
    assert _first_line(ours) == _first_line(theirs)  # BOM, header text, quoting
    assert (b"\r\n" in ours) == (b"\r\n" in theirs)
    # Every data field quoted (Business Report) or only where needed (campaign report).
    second = [data.split(b"\n")[1] for data in (ours, theirs)]
    assert [s.startswith(b'"') and s.rstrip(b"\r").endswith(b'"') for s in second] in (
        [True, True],
        [False, False],
    )


def _poi_layout(path):
    """Sheet name, declared size, header and per column (cell type, number format) of the
    first non-empty cell: read from the XML, as openpyxl cannot open these workbooks without
    a warning ("Workbook contains no default style")."""
    import re
    import zipfile

    z = zipfile.ZipFile(path)
    sheet = re.search(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode()).group(1)
    styles = z.read("xl/styles.xml").decode()
    codes = {"0": "General", "1": "0", "2": "0.00"}
    codes.update(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', styles))
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S).group(1)
    formats = [codes[n] for n in re.findall(r'<xf numFmtId="(\d+)"', xfs)]
    xml = z.read("xl/worksheets/sheet1.xml").decode()
    dimension = re.search(r'<dimension ref="([^"]*)"/>', xml).group(1)
    rows = re.findall(r'<row r="\d+">(.*?)</row>', xml[: xml.find('<row r="300">')], re.S)
    cell = re.compile(r'<c r="([A-Z]+)\d+"(?: s="(\d+)")?(?: t="(\w+)")?>(.*?)</c>', re.S)
    header = {col: re.sub(r"<[^>]+>", "", v) for col, _, _, v in cell.findall(rows[0])}
    assert all(t == "inlineStr" for _, _, t, _ in cell.findall(rows[0]))
    seen: dict[str, tuple[str, str]] = {}
    for row in rows[1:]:
        for col, style, kind, value in cell.findall(row):
            if value and header[col] not in seen:
                seen[header[col]] = (kind, formats[int(style)])
    return sheet, dimension, list(header.values()), seen


@pytest.mark.parametrize(
    ("name", "grain"),
    [
        (
            "xvr-datasciencecoursera/Sponsored Products Advertised product report.xlsx",
            "advertised_product",
        ),
        ("xvr-datasciencecoursera/Sponsored Products Targeting report.xlsx", "targeting"),
    ],
)
def test_2019_workbook_matches_the_real_download(tmp_path, seller, shared_real, name, grain):
    ours = writers.write_sp_xlsx(tmp_path / "ours.xlsx", seller, grain, layout="2019")
    assert _poi_layout(ours) == _poi_layout(shared_real / name)
