"""`fupan kpis` reproduces ../shared/fixtures/reports/expected-kpis.json exactly."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fupan.sync.cli.app import cli

# expected-kpis.json has an SP-only TACoS and June-wide ad totals: the SB, SD and campaign
# files cover only June's last days, so the oracle is computed from the month-wide files.
FILES = [
    "business-report_child-asin_en.csv",
    "sp-search-term-report_en.xlsx",
    "sp-advertised-product-report_en.xlsx",
    "sp-targeting-report_en.xlsx",
    "fba-myi-unsuppressed-inventory.txt",
    "fba-inventory-planning-data.txt",
    "fba-customer-returns.txt",
]

# expected-kpis.json key -> (our KPI id, multiplier to the JSON's unit)
ORACLE = {
    "ordered_product_sales": ("sales", 1),
    "units_ordered": ("units", 1),
    "sessions": ("sessions", 1),
    "unit_session_pct": ("cvr", 100),
    "sp_spend": ("ad_spend", 1),
    "sp_sales_7d": ("ad_sales", 1),
    "sp_impressions": ("impressions", 1),
    "sp_clicks": ("clicks", 1),
    "sp_orders_7d": ("ad_orders", 1),
    "sp_acos_pct": ("acos", 100),
    "sp_roas": ("roas", 1),
    "sp_ctr_pct": ("ctr", 100),
    "sp_cvr_pct": ("ad_cvr", 100),
    "tacos_sp_only_pct": ("tacos", 100),
    "fba_available_units": ("available_units", 1),
    "fba_aged_over_90_share_pct": ("aged_90_share", 100),
    "return_rate_pct_units": ("return_rate", 100),
}


def _decimals(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1]) if "." in text else 0


def run_kpis(folder, files, *extra):
    result = CliRunner().invoke(
        cli,
        [
            "kpis",
            *[str(folder / f) for f in files],
            "--period",
            "2025-06-01..2025-06-30",
            "--format",
            "json",
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    return {(r["scope"], r["key"], r["kpi"]): r for r in rows}


# Twin without ../shared: test_expected_kpis_own.py::test_fupan_kpis_reproduces_hand_computed_kpis
def test_fupan_kpis_reproduces_expected_kpis(shared_reports):
    expected = json.loads((shared_reports / "expected-kpis.json").read_text())
    got = run_kpis(shared_reports, FILES)
    for key, (kpi, factor) in ORACLE.items():
        value = got[("account", "", kpi)]["value"] * factor
        assert round(value, _decimals(expected[key])) == pytest.approx(expected[key]), key


# Twin without ../shared: test_expected_kpis_own.py, same name
def test_chinese_and_english_exports_give_identical_kpis(shared_reports):
    en = run_kpis(shared_reports, FILES)
    zh_files = [
        f.replace("child-asin_en.csv", "child-asin_zh.csv").replace(
            "search-term-report_en", "search-term-report_zh"
        )
        for f in FILES
    ]
    assert zh_files != FILES
    assert run_kpis(shared_reports, zh_files) == en


# Twin without ../shared: test_expected_kpis_own.py, same name
@pytest.mark.parametrize(
    "variant",
    [
        "business-report_child-asin_en_endash-variant.csv",
        "business-report_child-asin_en_2019-layout.csv",
    ],
)
def test_business_report_layouts_agree(shared_reports, variant):
    base = run_kpis(shared_reports, ["business-report_child-asin_en.csv"])
    other = run_kpis(shared_reports, [variant])
    assert base.keys() == other.keys()
    for key, row in base.items():
        if key[2] == "buy_box_pct":  # the 2019 layout rounds Buy Box to whole percent
            assert other[key]["value"] == pytest.approx(row["value"], abs=0.00501)
        else:
            assert other[key] == row
