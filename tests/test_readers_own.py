"""Twins of the reader tests that read ../shared, on files the project writes: they run
everywhere (a fresh clone has no ../shared; see tests/conftest.py).

Each test names the shared test it stands in for. The files come from the project's
writers (sync/samples/writers.py, whose layouts tests/test_samples.py checks against the
real downloads in ../shared) for the hand-sized June seller (tests/june_seller.py, where
every number below is worked out), or from rows written inline.
"""

from __future__ import annotations

import shutil
from datetime import date

import pandas as pd
import pytest
from fupan.sync.errors import MissingPeriodError, ReportError
from fupan.sync.ingest.readers.base import ReadContext
from fupan.sync.ingest.registry import read_report
from fupan.sync.ingest.sources import load
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from june_seller import C1, C2, C3, JUNE, QUOTED_CAMPAIGN, june_seller

SELLER = june_seller()
IN_JUNE = ReadContext(period=JUNE)
B2B = ["sessions_b2b", "page_views_b2b", "units_b2b", "sales_b2b", "order_items_b2b"]
WEEK = Period.parse("2026-11-16..2026-11-22")
# What writers.write_business_rows writes: one Business Report row each.
ROW_COLUMNS = ["parent_asin", "child_asin", "title", "sku", "sessions", "page_views"]
ROW_COLUMNS += ["buy_box_pct", "units", "sales"]


def write(path, kind: str):
    """One of the layouts of ../shared/fixtures/reports, written for the June seller."""
    s = SELLER
    return {
        "business_asin": lambda: writers.write_business_asin(path, s, JUNE),
        "business_asin_2019": lambda: writers.write_business_asin(path, s, JUNE, layout="2019"),
        "business_asin_endash": lambda: writers.write_business_asin(path, s, JUNE, layout="endash"),
        "business_asin_zh": lambda: writers.write_business_asin(path, s, JUNE, layout="zh"),
        "business_daily": lambda: writers.write_business_daily(path, s),
        "new_console": lambda: writers.write_new_console_csv(path, s, JUNE),
        "all_orders": lambda: writers.write_all_orders(path, s),
        "returns": lambda: writers.write_returns(path, s),
        "planning": lambda: writers.write_planning(path, s),
        "myi_ui_cp1252": lambda: writers.write_myi(path, s),
        "myi": lambda: writers.write_myi(path, s, ui_csv=False),
        "sb": lambda: writers.write_sb_xlsx(path, s),
        "sd": lambda: writers.write_sd_xlsx(path, s),
        "feedback": lambda: writers.write_feedback(path, s),
        "performance": lambda: writers.write_performance(path, s, complete=True),
        "sp_advertised_product": lambda: writers.write_sp_xlsx(
            path, s, "advertised_product", period=JUNE
        ),
        "sp_campaign_csv": lambda: writers.write_sp_campaign_csv(path, s),
        "sp_search_term": lambda: writers.write_sp_xlsx(path, s, "search_term", period=JUNE),
        "sp_search_term_zh": lambda: writers.write_sp_xlsx(
            path, s, "search_term", lang="zh", period=JUNE
        ),
        "sp_targeting": lambda: writers.write_sp_xlsx(path, s, "targeting", period=JUNE),
        # The layouts of the real downloads in ../shared/fixtures/real.
        "sp_advertised_product_2019": lambda: writers.write_sp_xlsx(
            path, s, "advertised_product", layout="2019"
        ),
        "sp_targeting_2019": lambda: writers.write_sp_xlsx(path, s, "targeting", layout="2019"),
        "sp_campaign_csv_2019": lambda: writers.write_sp_campaign_csv(path, s, layout="2019"),
        "sp_search_term_2022": lambda: writers.write_sp_xlsx(
            path, s, "search_term", period=JUNE, spans="row"
        ),
    }[kind]()


def read(tmp_path, kind: str, ctx: ReadContext = IN_JUNE, suffix: str = ""):
    suffix = suffix or (".xlsx" if kind.startswith(("sp_", "sb", "sd")) else ".csv")
    if kind.startswith("sp_campaign_csv"):
        suffix = ".csv"
    if kind == "performance":
        suffix = ".json"
    return read_report(write(tmp_path / f"{kind}{suffix}", kind), ctx)


# test_readers_shared.py -----------------------------------------------------------------

# layout -> (reader, rows): the rows are the June seller's (june_seller docstring).
KINDS = {
    "business_asin": ("business_asin", 3),
    "business_asin_2019": ("business_asin", 3),
    "business_asin_endash": ("business_asin", 3),
    "business_asin_zh": ("business_asin", 3),
    "business_daily": ("business_daily", 4),  # the four days with sales
    "new_console": ("ads_new_console", 2),  # campaign × ad group × ASIN
    "all_orders": ("all_orders", 80),  # one line per unit
    "returns": ("fba_returns", 3),
    "planning": ("fba_inventory_planning", 3),
    "myi_ui_cp1252": ("fba_inventory", 3),
    "myi": ("fba_inventory", 3),
    "sb": ("ads_campaign", 1),
    "sd": ("ads_targeting", 1),
    "feedback": ("seller_feedback", 2),
    # ODR AFN and MFN, LSR, VTR, OTDR, cancels; the rating and ten policy items
    "performance": ("seller_performance", 17),
    "sp_advertised_product": ("ads_advertised_product", 2),  # summary: campaign × SKU
    "sp_campaign_csv": ("ads_campaign", 3),  # day × campaign
    "sp_search_term": ("ads_search_term", 3),
    "sp_search_term_zh": ("ads_search_term", 3),
    "sp_targeting": ("ads_targeting", 2),  # summary: close-match, ice tray
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_layout_is_detected_and_read(tmp_path, kind):
    """Twin of test_readers_shared.py::test_fixture_is_detected_and_read: every layout of
    the research fixtures is told apart by its content, read whole, US, canonical columns."""
    result = read(tmp_path, kind)
    assert (result.reader, len(result.frame)) == KINDS[kind]
    assert result.marketplace == "US"
    assert list(result.frame.columns) == result.table.names


def test_business_report_dedups_traffic_of_repeated_sku_rows(tmp_path):
    """Twin of test_readers_shared.py::test_business_report_dedups_traffic_of_repeated_sku_rows,
    in every header generation: a child ASIN on two SKU rows repeats its traffic on both;
    sessions count once (4,210 + 1,875 = 6,085), units and sales on every row (391 + 141 + 7
    = 539 units; 6,252.09 + 1,831.59 + 111.93 = 8,195.61)."""
    rows = pd.DataFrame(
        [
            ("B0P", "B0C", "Mat, half", "MAT-HALF", 4210, 6103, 0.996, 391, 6252.09),
            ("B0P", "B0Q", "Mat, quarter", "MAT-QTR", 1875, 2644, 0.989, 141, 1831.59),
            ("B0P", "B0C", "Mat, half", "MAT-HALF-V1", 4210, 6103, 0.996, 7, 111.93),
        ],
        columns=ROW_COLUMNS,
    )
    for layout in ("2021", "endash", "zh", "2019"):
        path = writers.write_business_rows(tmp_path / f"{layout}.csv", rows, layout=layout)
        frame = read_report(path, IN_JUNE).frame
        assert frame.sessions.sum() == 6085, layout
        assert frame.page_views.sum() == 8747, layout
        assert frame.units.sum() == 539, layout
        assert frame.sales.sum() == pytest.approx(8195.61), layout
        pair = frame[frame.child_asin == "B0C"]
        assert len(pair) == 2 and sorted(pair.sessions) == [0, 4210], layout


def test_chinese_business_report_equals_english(tmp_path, seller):
    """Twin of test_readers_shared.py::test_chinese_business_report_equals_english (on the
    demo seller's 30 rows: every value, not only sums)."""
    en = writers.write_business_asin(tmp_path / "en.csv", seller, WEEK)
    zh = writers.write_business_asin(tmp_path / "zh.csv", seller, WEEK, layout="zh")
    assert "US$" in zh.read_text(encoding="utf-8-sig")
    week = ReadContext(period=WEEK)
    pd.testing.assert_frame_equal(read_report(en, week).frame, read_report(zh, week).frame)


def test_sp_reports_agree_on_spend_and_sales(tmp_path):
    """Twin of test_readers_shared.py::test_sp_reports_agree_on_spend_and_sales: search term
    (en, zh), targeting, advertised product and new-console reports restate one month of the
    same money: spend 100.00, 7-day sales 300.00."""
    totals = set()
    for kind in (
        "sp_search_term",
        "sp_search_term_zh",
        "sp_targeting",
        "sp_advertised_product",
        "new_console",
    ):
        f = read(tmp_path, kind).frame
        totals.add((round(f.spend.sum(), 2), round(f.sales.sum(), 2)))
    assert totals == {(100.00, 300.00)}


def test_attribution_windows_and_ad_types(tmp_path):
    """Twin of test_readers_shared.py::test_attribution_windows_and_ad_types. The targeting
    report's top-of-search share is a fraction cell in "0.00%" format: (12,000 mod 997) / 4,000
    + 0.02 = 0.029 and (5,000 mod 997) / 4,000 + 0.02 = 0.02375 (the writer's stand-in)."""
    sp = read(tmp_path, "sp_targeting").frame
    sb = read(tmp_path, "sb").frame
    sd = read(tmp_path, "sd").frame
    assert (set(sp.ad_type), set(sp.attribution_days)) == ({"SP"}, {7.0})
    assert (set(sb.ad_type), set(sb.attribution_days)) == ({"SB"}, {14.0})
    assert (set(sd.ad_type), set(sd.attribution_days)) == ({"SD"}, {14.0})
    assert sp.top_of_search_share.between(0, 1).all()
    assert sorted(sp.top_of_search_share) == pytest.approx([0.02375, 0.029])
    assert (sb.sales.sum(), sd.sales.sum()) == (80.00, 50.00)  # the 14-day sales columns


@pytest.mark.parametrize("layout", ["2025", "2019"])
def test_campaign_csv_uses_row_date_and_unescapes_quotes(tmp_path, layout):
    """Twin of test_readers_shared.py::test_campaign_csv_uses_row_date_and_unescapes_quotes
    and (2019 layout, read without a context) of
    test_readers_shared.py::test_real_campaign_names_match_between_csv_and_xlsx: each row is
    the day in its Date column (06-05 and 06-25; the Start Date column is the campaign's,
    45 days earlier), and `\\""` in a name reads as `"`."""
    path = writers.write_sp_campaign_csv(tmp_path / "c.csv", SELLER, layout=layout)
    assert b'Tray 2\\"" Cube' in path.read_bytes()
    f = read_report(path).frame
    assert f.start_date.min() == pd.Timestamp("2025-06-05")
    assert sorted(set(f.start_date)) == [pd.Timestamp("2025-06-05"), pd.Timestamp("2025-06-25")]
    assert (f.start_date == f.end_date).all()
    assert not f.campaign.str.contains('\\"', regex=False).any()
    assert QUOTED_CAMPAIGN in set(f.campaign)
    assert (f.spend.sum(), f.sales.sum(), f.orders.sum()) == (100.00, 300.00, 12)


def test_inventory_reports_count_the_same_stock(tmp_path):
    """Twin of test_readers_shared.py::test_inventory_reports_count_the_same_stock: the MYI
    flat file, the Seller Central CSV (Windows-1252) and the planning report count 180
    sellable units; the planning ages over 90 days are 60; `–` (byte 0x96) decodes."""
    myi = read(tmp_path, "myi").frame
    ui_path = write(tmp_path / "ui.csv", "myi_ui_cp1252")
    with pytest.raises(UnicodeDecodeError):
        ui_path.read_bytes().decode("utf-8")
    assert b"\x96" in ui_path.read_bytes()
    ui = read_report(ui_path, IN_JUNE).frame
    plan = read(tmp_path, "planning").frame
    assert myi.available.sum() == ui.available.sum() == plan.available.sum() == 180
    aged = plan[["age_91_180", "age_181_270", "age_271_365", "age_365_plus"]].sum().sum()
    assert aged == 60
    assert ui.title.iloc[0] == 'LUMIVO Baking Mat – Half Sheet (16.5" x 11.6")'


def test_returns_feedback_health_orders(tmp_path):
    """Twin of test_readers_shared.py::test_returns_feedback_health_orders."""
    assert read(tmp_path, "returns").frame.quantity.sum() == 4
    feedback = read(tmp_path, "feedback").frame
    assert "rater_email" not in feedback.columns and len(feedback) == 2
    health = read(tmp_path, "performance").frame
    assert set(health.metric) >= {"odr_afn", "odr_mfn", "late_shipment_rate"}
    orders = read(tmp_path, "all_orders").frame
    cancelled = orders[orders.order_status == "Cancelled"]
    assert len(cancelled) == 2 and (cancelled.quantity == 0).all()
    assert orders.quantity.sum() == 78


def test_account_health_counts(tmp_path):
    """The numerator and denominator of each Account Health metric, as written
    (writers.HEALTH_COUNTS; ODR AFN 1,800 × 0.012 = 21.6, written 22; LSR 1 of 60)."""
    health = read(tmp_path, "performance").frame.set_index("metric")
    expected = {
        "odr_afn": (22, 1800),
        "odr_mfn": (1, 140),
        "late_shipment_rate": (1, 60),
        "valid_tracking_rate": (68, 69),
        "cancel_rate": (1, 40),
    }
    for metric, counts in expected.items():
        assert tuple(health.loc[metric, ["numerator", "denominator"]]) == counts, metric
    assert health.loc["on_time_delivery_rate", "numerator"] == 63


def test_on_time_delivery_rate_has_its_denominator(tmp_path):
    """The on-time delivery rate of the Account Health report: 63 of 68 shipments with valid
    tracking (the key Amazon's schema names, as in ../shared's seller-performance-v2.json)."""
    health = read(tmp_path, "performance").frame.set_index("metric")
    assert health.loc["on_time_delivery_rate", "denominator"] == 68


# Real downloads (../shared/fixtures/real): their layouts, written by the project ---------

REAL = {
    "sp_advertised_product_2019": ("ads_advertised_product", 3),  # day × campaign × SKU
    "sp_targeting_2019": ("ads_targeting", 3),  # day × campaign × target
    "sp_campaign_csv_2019": ("ads_campaign", 3),
    "sp_search_term_2022": ("ads_search_term", 3),
}


@pytest.mark.parametrize("kind", sorted(REAL))
def test_real_download_layouts(tmp_path, kind):
    """Twin of test_readers_shared.py::test_real_downloads (the Business Report of 2019 is
    test_real_business_report_layout below): the 2019 console's workbooks (inline strings,
    a declared size of A1, empty ratio cells on zero-click rows), its campaign CSV, and the
    2022 search term summary. The zero-click row (06-25, oven liner) has spend 0, not empty."""
    result = read(tmp_path, kind)
    assert (result.reader, len(result.frame)) == REAL[kind]
    assert result.frame.spend.notna().all()
    assert sorted(result.frame.spend) == ([0.0, 40.0, 60.0] if len(result.frame) == 3 else [])
    assert result.frame.sales.sum() == 300.00


def test_2022_search_term_summary_rows_keep_their_own_days(tmp_path):
    """The 2022 search term report (real download in ../shared) dates each summary row with
    its own first and last day, narrower than the range asked for: 06-05 and 06-25 here."""
    result = read(tmp_path, "sp_search_term_2022")
    spans = set(zip(result.frame.start_date, result.frame.end_date, strict=True))
    assert spans == {(pd.Timestamp(d), pd.Timestamp(d)) for d in ("2025-06-05", "2025-06-25")}
    assert result.period == Period(date(2025, 6, 5), date(2025, 6, 25))


def test_2019_workbook_declares_a_size_of_one_cell(tmp_path):
    """The 2019 workbooks say `<dimension ref="A1"/>` whatever they hold (see
    ../shared/fixtures/real/SOURCE.md): the reader must not trust it, or it sees one column."""
    import zipfile

    from openpyxl import load_workbook

    path = write(tmp_path / "t.xlsx", "sp_targeting_2019")
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert b'<dimension ref="A1"/>' in sheet and b't="inlineStr"' in sheet
    with pytest.warns(UserWarning, match="no default style"):
        trusting = load_workbook(path, read_only=True)
    assert trusting.worksheets[0].max_column == 1  # the trap, as in the real downloads
    trusting.close()
    raw = load(path)
    assert raw.header[12] == "Total Advertising Cost of Sales (ACoS) "
    assert len(raw.header) == raw.frame.shape[1] == 22 and len(raw.frame) == 3


# The real Business Report of 2019: a pair on three SKU rows, a child under two parents.
REAL_BUSINESS_2019 = pd.DataFrame(
    [
        ("B0PA", "B0CJ", 'Washroom Mat 31" x 19"', "1-mc-18", 3395, 4488, 0.99, 119, 5216.29),
        ("B0PA", "B0CJ", 'Washroom Mat 31" x 19"', "1-mc-18-b", 3395, 4488, 0.99, 4, 175.34),
        ("B0PA", "B0CJ", 'Washroom Mat 31" x 19"', "1-mc-18-c", 3395, 4488, 0.99, 1, 43.84),
        ("B0PA", "B0CM", "Kitchen Mat", "P0-YVWS", 900, 1200, 1.0, 30, 1199.70),
        ("B0PB", "B0CM", "Kitchen Mat", "P0-YVWS-2", 250, 310, 0.96, 5, 199.95),
    ],
    columns=ROW_COLUMNS,
)


def test_real_business_report_layout(tmp_path):
    """Twin of test_readers_shared.py::test_real_downloads for BusinessReport-11-21-19.csv and
    of test_readers_seller.py::test_real_business_report_sums: the 2019 layout (every field
    quoted, Buy Box in whole percent) read to fractions; traffic once per (parent, child):
    sessions 3,395 + 900 + 250 = 4,545; units 119 + 4 + 1 + 30 + 5 = 159."""
    path = writers.write_business_rows(tmp_path / "br.csv", REAL_BUSINESS_2019, layout="2019")
    assert path.read_text(encoding="utf-8-sig").startswith('"(Parent) ASIN","(Child) ASIN"')
    result = read_report(path, IN_JUNE)
    frame = result.frame
    assert (result.reader, len(frame)) == ("business_asin", 5)
    assert sorted(frame.buy_box_pct) == pytest.approx([0.96, 0.99, 0.99, 0.99, 1.0])
    assert frame.units.sum() == 159
    assert frame.sales.sum() == pytest.approx(6835.12)
    firsts = frame.drop_duplicates(["parent_asin", "child_asin"])
    assert frame.sessions.sum() == firsts.sessions.sum() == 4545


def test_real_business_report_child_under_two_parents(tmp_path):
    """Twin of test_readers_shared.py::test_real_business_report_child_under_two_parents: a
    child ASIN listed under two parents keeps the traffic of each (900 and 250)."""
    path = writers.write_business_rows(tmp_path / "br.csv", REAL_BUSINESS_2019, layout="2019")
    f = read_report(path, IN_JUNE).frame
    pairs = f[f.child_asin == "B0CM"]
    assert pairs.parent_asin.nunique() == 2
    assert pairs.groupby("parent_asin").sessions.max().to_dict() == {"B0PA": 900, "B0PB": 250}


# test_readers_seller.py -------------------------------------------------------------------


def test_endash_variant_equals_hyphen_layout(tmp_path, seller):
    """Twin of test_readers_seller.py::test_endash_variant_equals_hyphen_layout."""
    week = ReadContext(period=WEEK)
    en = writers.write_business_asin(tmp_path / "en.csv", seller, WEEK)
    dash = writers.write_business_asin(tmp_path / "dash.csv", seller, WEEK, layout="endash")
    assert "Sessions – Total" in dash.read_text(encoding="utf-8-sig").splitlines()[0]
    pd.testing.assert_frame_equal(read_report(en, week).frame, read_report(dash, week).frame)


def test_2019_layout_equals_new_layout_but_b2b_and_buy_box_rounding(tmp_path, seller):
    """Twin of test_readers_seller.py::
    test_2019_layout_equals_new_layout_but_b2b_and_buy_box_rounding."""
    week = ReadContext(period=WEEK)
    en = read_report(writers.write_business_asin(tmp_path / "en.csv", seller, WEEK), week).frame
    old = read_report(
        writers.write_business_asin(tmp_path / "old.csv", seller, WEEK, layout="2019"), week
    ).frame
    same = [c for c in en.columns if c not in (*B2B, "buy_box_pct", "buy_box_views")]
    pd.testing.assert_frame_equal(en[same], old[same])
    assert old[B2B].isna().all().all() and en[B2B].notna().all().all()
    assert (old.buy_box_pct - en.buy_box_pct).abs().max() <= 0.005 + 1e-9
    assert (old.buy_box_pct != en.buy_box_pct).any()  # whole percent: 97.3 % reads 0.97
    assert old.buy_box_pct.between(0, 1).all()
    assert (old.buy_box_pct * 100).round(9).mod(1).eq(0).all()


def test_by_date_sums_equal_the_child_report(tmp_path):
    """Twin of test_readers_seller.py::test_by_date_sums_equal_the_child_report: sales
    1,700.00, units 80, sessions 1,750 either way; days 06-01 to 06-30 (MM/DD/YYYY)."""
    child = read(tmp_path, "business_asin").frame
    daily = read_report(write(tmp_path / "daily.csv", "business_daily")).frame
    for col, total in (("sales", 1700.00), ("units", 80), ("sessions", 1750)):
        assert daily[col].sum() == pytest.approx(child[col].sum()) == pytest.approx(total)
    assert daily.date.min() == pd.Timestamp("2025-06-01")
    assert daily.date.max() == pd.Timestamp("2025-06-30")


def test_business_report_without_period_says_which_period_to_pass(tmp_path):
    """Twin of test_readers_seller.py::
    test_business_report_without_period_says_which_period_to_pass (run on 2026-11-25, a
    Wednesday: the last full week is 2026-11-16..22)."""
    path = write(tmp_path / "BusinessReport-6-30-25.csv", "business_asin")
    with pytest.raises(MissingPeriodError) as info:
        read_report(path, ReadContext(today=date(2026, 11, 25)))
    text = str(info.value)
    assert '"BusinessReport-6-30-25.csv"' in text and "has no date column" in text
    assert "--period 2026-11-16..2026-11-22" in text


def test_planning_sums_and_one_bucket_family(tmp_path):
    """Twin of test_readers_seller.py::test_planning_sums_and_one_bucket_family: 180
    sellable, 60 aged over 90 days, although the file also has the 181-330 and 331-365
    buckets (10 more each, june_seller docstring); dated by its snapshot-date column."""
    path = write(tmp_path / "planning.txt", "planning")
    header = path.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert {"inv-age-181-to-330-days", "inv-age-331-to-365-days"} <= set(header)
    inv = read_report(path).frame
    assert inv.available.sum() == 180
    aged = inv[["age_91_180", "age_181_270", "age_271_365", "age_365_plus"]].sum().sum()
    assert aged == 60
    assert list(inv.age_365_plus) == [0, 0, 20]
    assert set(inv.source) == {"planning"}
    assert inv.snapshot_date.eq(pd.Timestamp("2025-06-30")).all()


def test_returns_sum_and_utc_days(tmp_path):
    """Twin of test_readers_seller.py::test_returns_sum_and_utc_days: 4 units; each return on
    its UTC day (00:30 and 23:30 UTC stay on 06-01 and 06-30)."""
    ret = read_report(write(tmp_path / "returns.txt", "returns")).frame
    assert ret.quantity.sum() == 4
    assert (ret.return_date == ret.return_date.dt.normalize()).all()
    assert list(ret.return_date) == [
        pd.Timestamp(d) for d in ("2025-06-01", "2025-06-15", "2025-06-30")
    ]


def test_myi_without_period_is_dated_today_with_a_note(tmp_path):
    """Twin of test_readers_seller.py::test_myi_without_period_is_dated_today_with_a_note."""
    path = write(tmp_path / "myi.txt", "myi")
    result = read_report(path, ReadContext(today=date(2026, 11, 25)))
    assert result.frame.snapshot_date.eq(pd.Timestamp("2026-11-25")).all()
    assert [f.code for f in result.findings] == ["snapshot-today"]
    with pytest.raises(ReportError, match="no day was given"):
        read_report(path)  # no run day and no period: never a guessed date
    dated = read_report(path, IN_JUNE)
    assert dated.frame.snapshot_date.eq(pd.Timestamp("2025-06-30")).all()
    assert dated.findings == []
    assert list(dated.frame.asin) == [C1, C2, C3]


def test_feedback_drops_rater_email(tmp_path):
    """Twin of test_readers_seller.py::test_feedback_drops_rater_email: the file has a
    Rater Email column (buyer0@marketplace.amazon.com ...); nothing of it is kept."""
    path = write(tmp_path / "feedback.txt", "feedback")
    assert "@marketplace.amazon.com" in path.read_text(encoding="utf-8")
    frame = read_report(path).frame
    assert len(frame) == 2
    assert not any("email" in c for c in frame.columns)
    assert not frame.astype(str).apply(lambda c: c.str.contains("@")).any().any()


# test_sources.py ---------------------------------------------------------------------------


def test_xlsx_saved_as_csv_is_read_by_content(tmp_path):
    """Twin of test_sources.py::test_xlsx_saved_as_csv_is_read_by_content."""
    path = tmp_path / "ads.csv"
    shutil.copy(write(tmp_path / "st.xlsx", "sp_search_term"), path)
    raw = load(path)
    assert raw.format == "xlsx" and len(raw.frame) == 3
    assert any("ads.csv" in f.file for f in raw.findings)


def test_search_terms_that_spell_missing_stay_text(tmp_path):
    """A customer who searched "null" or "NA" is a search term, in a workbook as in a CSV
    (pandas' read_excel would read those cells as missing)."""
    from dataclasses import replace

    terms = SELLER.search_terms.copy()
    terms.loc[terms.index[:3], "search_term"] = ["null", "NA", "N/A"]
    seller = replace(SELLER, search_terms=terms)
    path = writers.write_sp_xlsx(tmp_path / "st.xlsx", seller, "search_term", period=JUNE)
    f = read_report(path, IN_JUNE).frame
    assert {"null", "NA", "N/A"} <= set(f.search_term)
    assert f.search_term.notna().all()
