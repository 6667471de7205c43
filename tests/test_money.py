"""Money measures through `fupan kpis`: the contract, the counting rules and the twins.

The book (sync/samples/money.py BOOK) is a week of a small US seller, 2026-11-16..22 in Los
Angeles time, in USD with Amazon's signs. Its sums, worked out by hand:

  order A   SKU-MAT    2 units  sales   31.98  commission  -4.80  FBA  -7.10  total   20.08
  order B   SKU-KNIFE  1 unit   sales   24.99  commission  -3.75  FBA  -5.40  total   10.85
            (shipping 4.99 + tax 2.40 − promotion 4.99 − withheld 2.40, chargeback −4.99;
            posted 07:30 UTC on the 17th = 23:30 on the 16th in Los Angeles)
  order C   SKU-MAT    1 unit   sales   15.99  commission  -2.40  FBA  -3.55  total   10.04
  order D   SKU-TRAY  40 units  sales 1279.60  commission -191.94 FBA -142.00 total  945.66
  refund A  SKU-MAT             sales  -15.99  commission +2.40 − 0.48 refund fee total -14.07
  ads (Cost of Advertising, no SKU)                                         total  -45.67
  storage (FBA inventory fee, no SKU)                                       total  -12.34
  reimbursement, SKU-KNIFE                                                  total   +8.50
  transfer to the bank                                                      total -500.00
  outside the week: SKU-MAT order 01:00 on the 23rd (total 10.04, settlement ...902) and
  SKU-KNIFE order 22:00 on the 15th (total 15.84, settlement ...900)

Account, the week:
  units_sold    = 2 + 1 + 1 + 40                                  = 44
  product_sales = 31.98 + 24.99 + 15.99 + 1279.60                 = 1352.56
  refunds       = -15.99
  selling_fees  = -4.80 - 3.75 - 2.40 - 191.94 + 2.40 - 0.48      = -200.97
  fba_fees      = -7.10 - 5.40 - 3.55 - 142.00                    = -158.05
  other_fees    = -4.99 (chargeback) - 45.67 - 12.34 + 8.50       = -54.50
  net_proceeds  = 20.08 + 10.85 + 10.04 + 945.66 - 14.07 - 45.67 - 12.34 + 8.50 = 923.05
SKU-MAT:   3 units, 47.97 sales, -15.99 refunds, -5.28 selling, -10.65 FBA, 0 other, 16.05 net
SKU-KNIFE: 1 unit, 24.99 sales, 0 refunds, -3.75 selling, -5.40 FBA, 3.51 other, 19.35 net
SKU-TRAY: 40 units, 1279.60 sales, 0 refunds, -191.94 selling, -142.00 FBA, 0 other, 945.66 net
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime

import pandas as pd
import pytest
from click.testing import CliRunner
from fupan.addin.registry import Scope
from fupan.sync import api
from fupan.sync.cli.app import cli
from fupan.sync.engine.build import build_review
from fupan.sync.ingest.readers.base import ReadResult
from fupan.sync.ingest.schema import TABLES, conform
from fupan.sync.periods import Period
from fupan.sync.samples import money
from fupan.sync.samples.date_range import write_date_range
from fupan.sync.samples.settlement import write_settlement
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports

WEEK = Period.parse("2026-11-16..2026-11-22")
KPIS = ["units_sold", "product_sales", "refunds", "selling_fees", "fba_fees", "other_fees"]
KPIS.append("net_proceeds")
ACCOUNT = [44, 1352.56, -15.99, -200.97, -158.05, -54.50, 923.05]
SKUS = {
    "SKU-MAT": [3, 47.97, -15.99, -5.28, -10.65, 0.0, 16.05],
    "SKU-KNIFE": [1, 24.99, 0.0, -3.75, -5.40, 3.51, 19.35],
    "SKU-TRAY": [40, 1279.60, 0.0, -191.94, -142.00, 0.0, 945.66],
}
START = datetime(2026, 11, 16, 8, tzinfo=UTC)  # midnight in Los Angeles
END = datetime(2026, 11, 23, 8, tzinfo=UTC)


def kpis(*paths, period=WEEK, fmt="json"):
    args = ["kpis", *map(str, paths), "--period", str(period), "--format", fmt]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        return json.loads(result.stdout)
    return list(csv.DictReader(io.StringIO(result.stdout)))


def table(rows) -> dict[tuple[str, str], list[float]]:
    """(scope, key) → the seven money values in KPI order (to the micro-unit)."""
    out: dict[tuple[str, str], dict[str, float]] = {}
    for r in rows:
        if r["kpi"] in KPIS:
            out.setdefault((r["scope"], r["key"]), {})[r["kpi"]] = float(r["value"])
    return {k: [round(v[kpi], 6) for kpi in KPIS] for k, v in out.items()}


def test_kpis_prints_the_money_contract_in_json_and_csv(tmp_path):
    path = write_date_range(tmp_path / "range.csv", money.BOOK, "us-2021")
    as_json = kpis(path)
    as_csv = kpis(path, fmt="csv")
    for rows in (as_json, as_csv):
        got = table(rows)
        assert set(got) == {("account", ""), *(("sku", s) for s in SKUS)}
        assert got[("account", "")] == pytest.approx(ACCOUNT)
        for sku, values in SKUS.items():
            assert got[("sku", sku)] == pytest.approx(values), sku
        assert {r["status"] for r in rows} == {"none"}  # informational: no bands
    assert [r["kpi"] for r in as_json if r["scope"] == "account"] == KPIS
    assert [(r["scope"], r["key"]) for r in as_json][:8] == [("account", "")] * 7 + [
        ("sku", "SKU-KNIFE")
    ]


def test_kpis_table_shows_the_sku_blocks(tmp_path):
    path = write_date_range(tmp_path / "range.csv", money.BOOK, "us-2021")
    out = CliRunner().invoke(cli, ["kpis", str(path), "--period", str(WEEK)]).stdout
    assert "SKU SKU-TRAY" in out and "Net proceeds" in out and "1,279.60" in out


@pytest.mark.parametrize("layout", ["zh", "us-2017", "us-2024", "us-2025"])
def test_twins_chinese_ui_and_every_english_generation_agree(tmp_path, layout):
    english = kpis(write_date_range(tmp_path / "en.csv", money.BOOK, "us-2021"))
    other = kpis(write_date_range(tmp_path / "other.csv", money.BOOK, layout))
    assert table(other) == table(english)


@pytest.mark.parametrize("version", ["V1", "V2"])
def test_twins_date_range_and_settlement_agree(tmp_path, version):
    """The settlement of the week (window 08:00 UTC 16th to 08:00 UTC 23rd: Los Angeles'
    midnights) restates the week's lines; its reserve lines (+100, −120) are not money earned.
    Both files together count each day once, from the settlement."""
    ranged = write_date_range(tmp_path / "range.csv", money.BOOK, "us-2021")
    settled = write_settlement(tmp_path / "s.txt", money.BOOK, START, END, version=version)
    alone = table(kpis(settled))
    assert alone[("account", "")] == pytest.approx(ACCOUNT)
    assert alone == table(kpis(ranged))
    both = CliRunner().invoke(
        cli, ["kpis", str(ranged), str(settled), "--period", str(WEEK), "--format", "json"]
    )
    assert table(json.loads(both.stdout)) == alone
    assert "counted once, from the settlement" in both.stderr


def test_a_settlement_wins_only_on_the_days_it_covers_whole(tmp_path):
    """A settlement from 08:00 UTC on the 16th to 08:00 UTC on the 20th covers the 16th to
    the 19th in Los Angeles. In it Amazon charged 1.00 more FBA fee on order D (the 19th):
    those days count from the settlement (FBA −159.05), the 20th to the 22nd from the Date
    Range report; nothing is counted twice (net proceeds 923.05 − 1.00)."""
    ranged = write_date_range(tmp_path / "range.csv", money.BOOK, "us-2021")
    charged = [
        replace(x, fba_fee=x.fba_fee - 1.00) if x.sku == "SKU-TRAY" else x for x in money.BOOK
    ]
    end = datetime(2026, 11, 20, 8, tzinfo=UTC)
    settled = write_settlement(tmp_path / "s.txt", charged, START, end, version="V2")
    got = table(kpis(ranged, settled))
    assert got[("account", "")] == pytest.approx(
        [44, 1352.56, -15.99, -200.97, -159.05, -54.50, 922.05]
    )
    assert got[("sku", "SKU-TRAY")][4] == pytest.approx(-143.00)


def test_days_no_report_covers_are_flagged_and_unknown_is_not_zero(tmp_path):
    ranged = write_date_range(tmp_path / "range.csv", money.BOOK, "us-2021")
    result = CliRunner().invoke(
        cli, ["kpis", str(ranged), "--period", "2026-11-20..2026-11-26", "--format", "json"]
    )
    assert "no Date Range report or settlement covers 2026-11-24..2026-11-26" in result.stderr
    # A period no money report touches has no money KPIs at all, not zeros.
    later = CliRunner().invoke(
        cli, ["kpis", str(ranged), "--period", "2026-12-01..2026-12-07", "--format", "json"]
    )
    assert later.exit_code == 0 and json.loads(later.stdout) == []


@pytest.mark.parametrize(
    ("layout", "factor"), [("de", 1), ("fr", 1), ("it", 1), ("es", 1), ("jp", 100)]
)
def test_european_and_japanese_files_count_in_their_own_money(tmp_path, layout, factor):
    """All lines of the book (the week plus the two orders beside it, which fall inside this
    month in every time zone): units 46; sales 1352.56 + 15.99 + 24.99 = 1393.54; selling
    −200.97 − 2.40 − 3.75 = −207.12; FBA −158.05 − 3.55 − 5.40 = −167.00; net 923.05 + 10.04
    + 15.84 = 948.93. Yen files hold every amount × 100."""
    lines = money.scaled(money.BOOK, factor)
    path = write_date_range(tmp_path / f"{layout}.csv", lines, layout)
    got = table(kpis(path, period=Period.parse("2026-11-01..2026-11-30")))
    expected = [46, 1393.54, -15.99, -207.12, -167.00, -54.50, 948.93]
    assert got[("account", "")] == pytest.approx([expected[0], *(v * factor for v in expected[1:])])


def test_money_per_child_asin_through_the_sku_map(tmp_path):
    """SKU-MAT and SKU-KNIFE are named by a Business Report row; SKU-TRAY by nothing: it
    counts for the account and itself only, and the review says so."""
    store = Store.memory()
    import_reports([write_date_range(tmp_path / "r.csv", money.BOOK)], store=store)
    spec = TABLES["business_asin"]
    rows = [
        {
            "marketplace": "US",
            "period_start": "2026-11-16",
            "period_end": "2026-11-22",
            "parent_asin": "B0P",
            "child_asin": asin,
            "sku": sku,
            "units": 1,
            "sales": 1.0,
            "sessions": 10,
        }
        for sku, asin in (("SKU-MAT", "B0MAT00001"), ("SKU-KNIFE", "B0KNIFE001"))
    ]
    frame = conform(pd.DataFrame(rows), spec)
    store.import_result(
        ReadResult("business_asin", spec, frame, WEEK, "US"), file="br.csv", sha256="x"
    )
    review = build_review(store, WEEK, marketplace="US")
    assert review.value("net_proceeds", Scope.ASIN, "B0MAT00001") == pytest.approx(16.05)
    assert review.value("other_fees", Scope.ASIN, "B0KNIFE001") == pytest.approx(3.51)
    assert review.value("units_sold", Scope.SKU, "SKU-TRAY") == 40
    assert set(review.measures[Scope.ASIN].index) == {"B0MAT00001", "B0KNIFE001"}
    assert review.value("cvr", Scope.ASIN, "B0MAT00001") == pytest.approx(0.1)  # still there
    (note,) = [f for f in review.findings if f.code == "money-sku-no-asin"]
    assert "SKU-TRAY" in note.message and "SKU-MAT" not in note.message


def test_a_settlement_downloaded_again_replaces_itself(tmp_path):
    """V1 then V2 of the same settlement, and the same Date Range report twice: stored once."""
    store = Store.memory()
    for version in ("V1", "V2"):
        path = write_settlement(
            tmp_path / f"{version}.txt", money.BOOK, START, END, version=version
        )
        import_reports([path], store=store)
    settled = store.table("settlements")
    assert settled[settled.type == "order"].quantity.sum() == 44
    assert len(settled) == 34  # the week's 32 amounts and two reserve lines, once
    for name in ("a.csv", "b.csv"):
        layout = "us-2021" if name == "a.csv" else "us-2024"
        import_reports([write_date_range(tmp_path / name, money.BOOK, layout)], store=store)
    assert len(store.table("transactions")) == 11
    review = build_review(store, WEEK, marketplace="US")
    assert review.value("net_proceeds") == pytest.approx(923.05)


def test_python_twin_of_the_cli(tmp_path):
    path = write_settlement(tmp_path / "s.txt", money.BOOK, START, END)
    review = api.compute_kpis([path], period=WEEK)
    assert review.value("refunds") == pytest.approx(-15.99)
    assert review.value("product_sales", Scope.SKU, "SKU-MAT") == pytest.approx(47.97)
    assert set(review.measures[Scope.SKU].index) == set(SKUS)


def test_whole_days_of_settlement_windows():
    """Amazon's windows start at any hour: a day counts as covered only midnight to midnight,
    by one window or by two that meet."""
    from datetime import date

    from fupan.sync.engine.money import whole_days

    windows = pd.DataFrame(
        {
            "settlement_start": ["2026-11-01T16:00:00", "2026-11-15T16:00:00", ""],
            "settlement_end": ["2026-11-15T16:00:00", "2026-11-18T00:00:00", ""],
        }
    )
    days = whole_days(windows)
    assert min(days) == date(2026, 11, 2) and max(days) == date(2026, 11, 17)
    assert len(days) == 16  # the 15th is covered by the two windows together
    assert whole_days(windows.iloc[:1]) == {date(2026, 11, d) for d in range(2, 15)}
