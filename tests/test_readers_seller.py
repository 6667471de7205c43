"""Seller Central readers: every header generation gives the same canonical frame."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from fupan.sync.errors import MissingPeriodError, ReportError
from fupan.sync.ingest.readers.base import ReadContext
from fupan.sync.ingest.registry import read_report
from fupan.sync.periods import Period

pytestmark = pytest.mark.dates  # uses the run's day: CI runs it under other dates too

JUNE = ReadContext(period=Period.parse("2025-06-01..2025-06-30"))
CHILD = "business-report_child-asin_{}.csv"
B2B = ["sessions_b2b", "page_views_b2b", "units_b2b", "sales_b2b", "order_items_b2b"]


# Twin without ../shared: test_readers_own.py, same name
def test_endash_variant_equals_hyphen_layout(shared_reports):
    en = read_report(shared_reports / CHILD.format("en"), JUNE).frame
    dash = read_report(shared_reports / CHILD.format("en_endash-variant"), JUNE).frame
    pd.testing.assert_frame_equal(en, dash)


# Twin without ../shared: test_readers_own.py, same name
def test_2019_layout_equals_new_layout_but_b2b_and_buy_box_rounding(shared_reports):
    en = read_report(shared_reports / CHILD.format("en"), JUNE).frame
    old = read_report(shared_reports / CHILD.format("en_2019-layout"), JUNE).frame
    same = [c for c in en.columns if c not in (*B2B, "buy_box_pct", "buy_box_views")]
    pd.testing.assert_frame_equal(en[same], old[same])
    assert old[B2B].isna().all().all()
    # "99%" in 2019 against 99.6% now: whole percent, as a fraction.
    assert (old.buy_box_pct - en.buy_box_pct).abs().max() <= 0.005 + 1e-9
    assert old.buy_box_pct.between(0, 1).all()


# Twin without ../shared: test_readers_own.py, same name
def test_by_date_sums_equal_the_child_report(shared_reports):
    child = read_report(shared_reports / CHILD.format("en"), JUNE).frame
    daily = read_report(shared_reports / "business-report_by-date_en.csv").frame
    for col in ("sales", "units", "sessions"):
        assert daily[col].sum() == pytest.approx(child[col].sum())
    assert daily.date.min() == pd.Timestamp("2025-06-01")
    assert daily.date.max() == pd.Timestamp("2025-06-30")


# Twin without ../shared: test_readers_own.py, same name
def test_business_report_without_period_says_which_period_to_pass(shared_reports):
    with pytest.raises(MissingPeriodError) as info:
        read_report(shared_reports / CHILD.format("en"), ReadContext(today=date(2026, 11, 25)))
    text = str(info.value)
    assert '"business-report_child-asin_en.csv"' in text and "has no date column" in text
    assert "--period 2026-11-16..2026-11-22" in text


def test_suggested_period_is_the_last_full_week():
    assert str(Period.last_full_week(date(2026, 11, 23))) == "2026-11-16..2026-11-22"
    assert str(Period.last_full_week(date(2026, 11, 22))) == "2026-11-09..2026-11-15"


# Twin without ../shared: test_readers_own.py, same name
def test_planning_sums_and_one_bucket_family(shared_reports):
    inv = read_report(shared_reports / "fba-inventory-planning-data.txt").frame
    assert inv.available.sum() == 3115
    aged = inv[["age_91_180", "age_181_270", "age_271_365", "age_365_plus"]].sum().sum()
    assert aged == 1452
    assert set(inv.source) == {"planning"}
    assert inv.snapshot_date.eq(pd.Timestamp("2025-06-30")).all()


# Twin without ../shared: test_readers_own.py, same name
def test_returns_sum_and_utc_days(shared_reports):
    ret = read_report(shared_reports / "fba-customer-returns.txt").frame
    assert ret.quantity.sum() == 16
    assert (ret.return_date == ret.return_date.dt.normalize()).all()


# Twin without ../shared: test_readers_own.py::test_real_business_report_layout
def test_real_business_report_sums(shared_real):
    frame = read_report(
        shared_real / "xvr-datasciencecoursera/BusinessReport-11-21-19.csv",
        ReadContext(period=Period.parse("2019-11-15..2019-11-21")),
    ).frame
    assert frame.buy_box_pct.between(0, 1).all()
    assert frame.units.sum() > 0 and frame.sales.sum() > 0
    # Every numeric column is additive: a pair's traffic sits on its first row only.
    firsts = frame.drop_duplicates(["parent_asin", "child_asin"])
    assert frame.sessions.sum() == firsts.sessions.sum()


# Project-owned files ---------------------------------------------------------------------


def test_german_money_and_percent(tmp_path):
    path = tmp_path / "de.csv"
    path.write_text(
        "(Parent) ASIN;(Child) ASIN;Titel;SKU;Sessions – Total;"
        "Featured Offer (Buy Box) Percentage;Units Ordered;Ordered Product Sales\n"
        'B0P;B0C;Backmatte;S1;"1.234";"99,5 %";"12";"5.255,61 €"\n',
        encoding="utf-8",
    )
    f = read_report(path, ReadContext(JUNE.period, "DE")).frame
    assert (f.sessions.iloc[0], f.sales.iloc[0]) == (1234, pytest.approx(5255.61))
    assert f.buy_box_pct.iloc[0] == pytest.approx(0.995)
    assert f.marketplace.iloc[0] == "DE"


def test_uk_by_date_is_day_first(tmp_path):
    path = tmp_path / "uk.csv"
    path.write_text(
        "Date,Ordered Product Sales,Units Ordered,Sessions - Total\n"
        '13/06/2025,"£1,000.50",10,100\n01/07/2025,£5.00,1,9\n',
        encoding="utf-8",
    )
    f = read_report(path, ReadContext(marketplace="UK")).frame
    assert list(f.date) == [pd.Timestamp("2025-06-13"), pd.Timestamp("2025-07-01")]


def test_unparseable_money_names_file_row_and_column(tmp_path):
    path = tmp_path / "br.csv"
    path.write_text(
        "(Parent) ASIN,(Child) ASIN,SKU,Sessions - Total,Units Ordered,Ordered Product Sales\n"
        "B0P,B0C,S1,10,1,$5.00\nB0P,B0D,S2,10,1,five dollars\n",
        encoding="utf-8",
    )
    with pytest.raises(ReportError) as info:
        read_report(path, JUNE)
    err = info.value
    assert (err.row, err.column) == (3, "Ordered Product Sales")
    assert "five dollars" in str(err) and "br.csv" in str(err)


PLANNING_2026 = (
    '"snapshot-date","sku","fnsku","asin","product-name","condition","available",'
    '"Total Reserved Quantity","inv-age-0-to-90-days","inv-age-91-to-180-days",'
    '"inv-age-181-to-270-days","inv-age-271-to-365-days","inv-age-366-to-455-days",'
    '"inv-age-456-plus-days","units-shipped-t30","units-shipped-t90","days-of-supply"\n'
    '"2026-11-22","S1","X1","B0C","Mat","New","100","4","50","20","10","5","3","2",'
    '"30","90","100"\n'
)


def test_planning_2026_quoted_csv_folds_the_oldest_buckets(tmp_path):
    path = tmp_path / "planning.csv"
    path.write_text(PLANNING_2026, encoding="utf-8")
    result = read_report(path)
    row = result.frame.iloc[0]
    assert (row.available, row.reserved, row.age_365_plus) == (100, 4, 5)
    assert row.snapshot_date == pd.Timestamp("2026-11-22")
    assert result.period == Period(date(2026, 11, 22), date(2026, 11, 22))


def test_planning_2026_without_the_456_bucket(tmp_path):
    header, row = PLANNING_2026.splitlines()
    cut = header.split(",").index('"inv-age-456-plus-days"')

    def drop(line: str) -> str:
        return ",".join(v for i, v in enumerate(line.split(",")) if i != cut)

    path = tmp_path / "planning.csv"
    path.write_text(f"{drop(header)}\n{drop(row)}\n{drop(row)}\n", encoding="utf-8")
    assert list(read_report(path).frame.age_365_plus) == [3, 3]


def test_legacy_inventory_age_layout(tmp_path):
    path = tmp_path / "age.csv"
    path.write_text(
        "snapshot-date,sku,fnsku,asin,product-name,condition,avaliable-quantity(sellable),"
        "qty-with-removals-in-progress,inv-age-0-to-90-days,inv-age-91-to-180-days,"
        "inv-age-181-to-270-days,inv-age-271-to-365-days,inv-age-365-plus-days,"
        "units-shipped-last-30-days,units-shipped-last-90-days\n"
        "2019-11-21,S1,X1,B0C,Mat,New,40,0,30,6,4,0,0,12,35\n",
        encoding="utf-8",
    )
    row = read_report(path).frame.iloc[0]
    assert (row.available, row.age_91_180, row.units_shipped_t90) == (40, 6, 35)


# Twin without ../shared: test_readers_own.py, same name
def test_myi_without_period_is_dated_today_with_a_note(shared_reports):
    path = shared_reports / "fba-myi-unsuppressed-inventory.txt"
    result = read_report(path, ReadContext(today=date(2026, 11, 25)))
    assert result.frame.snapshot_date.eq(pd.Timestamp("2026-11-25")).all()
    assert [f.code for f in result.findings] == ["snapshot-today"]
    with pytest.raises(ReportError, match="no day was given"):
        read_report(path)  # no run day and no period: never a guessed date
    dated = read_report(shared_reports / "fba-myi-unsuppressed-inventory.txt", JUNE)
    assert dated.frame.snapshot_date.eq(pd.Timestamp("2025-06-30")).all()
    assert dated.findings == []


def test_myi_inbound_is_working_plus_shipped_plus_receiving(tmp_path):
    path = tmp_path / "myi.txt"
    path.write_text(
        "sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tafn-fulfillable-quantity\t"
        "afn-unsellable-quantity\tafn-reserved-quantity\tafn-total-quantity\t"
        "afn-inbound-working-quantity\tafn-inbound-shipped-quantity\t"
        "afn-inbound-receiving-quantity\n"
        'S1\tX1\tB0C\tMat 16.5" x 11"\tNew\t15.99\t7\t1\t2\t20\t3\t4\t5\n',
        encoding="utf-8",
    )
    row = read_report(path, JUNE).frame.iloc[0]
    assert (row.available, row.inbound, row.reserved, row.unsellable) == (7, 12, 2, 1)
    assert row.title == 'Mat 16.5" x 11"'


# Twin without ../shared: test_readers_own.py, same name
def test_feedback_drops_rater_email(shared_reports):
    frame = read_report(shared_reports / "seller-feedback.txt").frame
    assert not any("email" in c for c in frame.columns)
    assert not frame.astype(str).apply(lambda c: c.str.contains("@")).any().any()
