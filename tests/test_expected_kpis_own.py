"""Twins of tests/test_expected_kpis.py on files the project writes: they run everywhere.

The shared tests compare `fupan kpis` on the research fixtures in ../shared with the oracle
expected-kpis.json; a fresh clone has no ../shared. These write the hand-sized June seller
(tests/june_seller.py) with the project's writers in the same layouts (Business Report by
child ASIN, SP search term, advertised product and targeting reports as Summary .xlsx, the
MYI flat file, the planning report and the returns report) and compare with values typed in
here, worked out by hand in june_seller's docstring; fupan computes none of them.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fupan.sync.cli.app import cli
from fupan.sync.samples import writers
from june_seller import C1, C3, JUNE, june_seller

SELLER = june_seller()


def write_set(folder, *, layout: str = "2021", lang: str = "en"):
    """The shared test's FILES, written by the project: the month-wide set of a review."""
    return [
        writers.write_business_asin(folder / "br.csv", SELLER, JUNE, layout=layout),
        writers.write_sp_xlsx(folder / "st.xlsx", SELLER, "search_term", lang=lang, period=JUNE),
        writers.write_sp_xlsx(folder / "ap.xlsx", SELLER, "advertised_product", period=JUNE),
        writers.write_sp_xlsx(folder / "tg.xlsx", SELLER, "targeting", period=JUNE),
        writers.write_myi(folder / "myi.txt", SELLER, ui_csv=False),
        writers.write_planning(folder / "planning.txt", SELLER),
        writers.write_returns(folder / "returns.txt", SELLER),
    ]


def run_kpis(files):
    args = ["kpis", *map(str, files), "--period", str(JUNE), "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return {(r["scope"], r["key"], r["kpi"]): r for r in json.loads(result.stdout)}


# (scope, key, KPI) -> the value worked out by hand (tests/june_seller.py).
EXPECTED = {
    ("account", "", "sales"): 1700.00,
    ("account", "", "units"): 80,
    ("account", "", "sessions"): 1750,
    ("account", "", "cvr"): 0.0457142857,  # 80 / 1,750
    ("account", "", "buy_box_pct"): 0.9189473684,  # 1,746 / 1,900, weighted by page views
    ("account", "", "ad_spend"): 100.00,  # three SP reports, the money counted once
    ("account", "", "ad_sales"): 300.00,
    ("account", "", "impressions"): 17_000,
    ("account", "", "clicks"): 75,
    ("account", "", "ad_orders"): 12,
    ("account", "", "acos"): 0.3333333333,  # 100 / 300
    ("account", "", "roas"): 3.0,
    ("account", "", "ctr"): 0.0044117647,  # 75 / 17,000
    ("account", "", "ad_cvr"): 0.16,  # 12 / 75
    ("account", "", "tacos"): 0.0588235294,  # 100 / 1,700
    ("account", "", "available_units"): 180,
    ("account", "", "aged_90_share"): 0.3333333333,  # 60 / 180, one bucket family
    ("account", "", "return_rate"): 0.05,  # 4 / 80
    ("asin", C1, "sales"): 1000.00,
    ("asin", C1, "buy_box_pct"): 0.996,  # (800 × 1.00 + 200 × 0.98) / 1,000
    ("asin", C1, "ad_spend"): 40.00,  # from the advertised product report
    ("asin", C3, "ad_spend"): 60.00,
    ("asin", C3, "return_rate"): 0.2,  # 2 / 10
    ("asin", C3, "aged_90_share"): 1.0,  # 30 / 30
}


def test_fupan_kpis_reproduces_hand_computed_kpis(tmp_path):
    """Twin of test_expected_kpis.py::test_fupan_kpis_reproduces_expected_kpis: the review's
    KPIs from one month of Business Report, three SP reports, stock and returns."""
    got = run_kpis(write_set(tmp_path))
    for key, value in EXPECTED.items():
        assert got[key]["value"] == pytest.approx(value, abs=1e-9), key


def test_chinese_and_english_exports_give_identical_kpis(tmp_path):
    """Twin of test_expected_kpis.py::test_chinese_and_english_exports_give_identical_kpis:
    the Business Report and the search term report downloaded in Chinese give every KPI of
    every scope exactly as the English ones."""
    (tmp_path / "en").mkdir()
    (tmp_path / "zh").mkdir()
    en = write_set(tmp_path / "en")
    zh = write_set(tmp_path / "zh", layout="zh", lang="zh")
    assert "（子）ASIN" in zh[0].read_text(encoding="utf-8-sig").splitlines()[0]
    assert en[1].read_bytes() != zh[1].read_bytes()
    got = run_kpis(zh)
    assert got == run_kpis(en)
    assert got[("account", "", "sales")]["value"] == pytest.approx(1700.00)


@pytest.mark.parametrize("layout", ["endash", "2019"])
def test_business_report_layouts_agree(tmp_path, layout):
    """Twin of test_expected_kpis.py::test_business_report_layouts_agree: the en-dash and the
    2019 header generations give the KPIs of the 2021 one, but the 2019 Buy Box in whole
    percent (C1 100 % for 99.60 %: account (1,000 + 300 + 450) / 1,900 = 0.9210526)."""
    base = run_kpis([writers.write_business_asin(tmp_path / "a.csv", SELLER, JUNE)])
    other = run_kpis([writers.write_business_asin(tmp_path / "b.csv", SELLER, JUNE, layout=layout)])
    assert base.keys() == other.keys()
    assert base[("account", "", "sessions")]["value"] == 1750
    for key, row in base.items():
        if key[2] == "buy_box_pct" and layout == "2019":
            assert other[key]["value"] == pytest.approx(row["value"], abs=0.00501)
        else:
            assert other[key] == row, key
    if layout == "2019":
        bb = other[("account", "", "buy_box_pct")]["value"]
        assert bb == pytest.approx(0.9210526316, abs=1e-9)
