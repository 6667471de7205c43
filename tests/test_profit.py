"""Profit: the demo's hand-checked table, unknown costs, estimates, cost sheets and targets.

The demo seller's week 2026-11-16..22 (US, USD), from its Date Range report, the SP
advertised product report and the team's cost sheet (sync/samples/profit.py). The inputs are
read off those files; the sums below are worked out by hand:

LV-0001 Magnetic Knife Strip, Small (ASIN B0BLK57AS3), $24.99; referral fee 3.75 and FBA
fee 4.15 per unit; unit cost 5.40 until the 17th, 5.90 from the 18th (a dated row), freight
0.90, other cost 0.30. Units by day 16th..22nd: 4, 2, 5, 9, 2, 0, 2 = 24 (6 before the
18th, 18 from it); no refund; SP spend 185.88.
  net sales   = 24 × 24.99                           =  599.76
  Amazon fees = −24 × (3.75 + 4.15)                  = −189.60
  COGS        = 6 × (5.40 + 0.30) + 18 × (5.90 + 0.30) = 34.20 + 111.60 = 145.80
  freight     = 24 × 0.90                            =   21.60
  gross       = 599.76 − 189.60 − 145.80 − 21.60     =  242.76
  net         = 242.76 − 185.88                      =   56.88;  margin 56.88 / 599.76

LV-0003 Bamboo Drawer Organizer, Small (B00J9RSTVU), $27.99, the loss-maker: referral 4.20,
FBA 5.80, unit cost 19.80, freight 4.60, other 0.40. 28 units, no refund, SP spend 110.19.
  net sales   = 28 × 27.99                           =  783.72
  Amazon fees = −28 × (4.20 + 5.80)                  = −280.00
  COGS        = 28 × (19.80 + 0.40)                  =  565.60
  freight     = 28 × 4.60                            =  128.80
  gross       = 783.72 − 280.00 − 565.60 − 128.80    = −190.68
  net         = −190.68 − 110.19                     = −300.87;  margin −300.87 / 783.72,
  per unit −300.87 / 28

LV-0005 USB-C Charging Cable, Small (B0RH4F5WDB), $9.99: referral 1.50 (15 % of 9.99,
rounded), FBA 3.06, unit cost 1.20, freight 0.15, other 0.10. Units 14, 13, 12, 10, 17, 17,
10 = 93; refunds of 3 + 1 + 1 = 5 units (the referral fee comes back, Amazon keeps 0.30 a
unit); SP spend 121.43.
  net sales   = 93 × 9.99 − 5 × 9.99 = 929.07 − 49.95 =  879.12
  Amazon fees = −93 × (1.50 + 3.06) + 5 × 1.50 − 5 × 0.30 = −424.08 + 7.50 − 1.50 = −418.08
  COGS        = 93 × (1.20 + 0.10)                   =  120.90
  freight     = 93 × 0.15                            =   13.95
  gross       = 879.12 − 418.08 − 120.90 − 13.95     =  326.19
  net         = 326.19 − 121.43                      =  204.76;  margin 204.76 / 879.12
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest
from click.testing import CliRunner
from costed_store import demo_with_costs, plan_inputs
from fupan.addin.registry import KPIS, Scope
from fupan.sync import api
from fupan.sync.cli.app import cli
from fupan.sync.engine.build import build_review
from fupan.sync.engine.pacing import month_share
from fupan.sync.engine.rules import evaluate
from fupan.sync.errors import ReportError
from fupan.sync.ingest.costs import read_cost_sheet
from fupan.sync.periods import Period
from fupan.sync.samples import money, small_seller, writers
from fupan.sync.samples.date_range import write_date_range
from fupan.sync.samples.fee_preview import write_fee_preview
from fupan.sync.samples.profit import write_cost_sheet
from fupan.sync.settings import Cost, Product, Settings, read_back
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports
from fupan.sync.workbook.build import build_plan
from fupan.sync.workbook.objects import measure_label
from fupan.sync.workbook.tabs.settings import settings_sheet
from openpyxl import Workbook

WEEK = Period.parse("2026-11-16..2026-11-22")
TODAY = date(2026, 11, 25)
# SKU: (ASIN, net sales, Amazon fees, COGS, freight, gross profit, net profit, margin)
HAND = {
    "LV-0001": ("B0BLK57AS3", 599.76, -189.60, 145.80, 21.60, 242.76, 56.88, 56.88 / 599.76),
    "LV-0003": ("B00J9RSTVU", 783.72, -280.00, 565.60, 128.80, -190.68, -300.87, -300.87 / 783.72),
    "LV-0005": ("B0RH4F5WDB", 879.12, -418.08, 120.90, 13.95, 326.19, 204.76, 204.76 / 879.12),
}


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """The demo's reports in a store, and the Settings its cost sheet gives."""
    return demo_with_costs(tmp_path_factory.mktemp("profit"), WEEK.end, TODAY)


def test_hand_checked_profit_of_the_demo(demo_store):
    store, settings, _ = demo_store
    review = build_review(store, WEEK, marketplace="US", settings=settings)
    assert not review.estimate and review.uncosted == []
    for sku, (asin, sales, fees, cogs, freight, gross, net, margin) in HAND.items():
        m = review.measures[Scope.SKU].loc[sku]
        assert (m.net_sales, m.amazon_fees, m.cogs, m.freight) == pytest.approx(
            (sales, fees, cogs, freight), abs=1e-6
        ), sku
        assert review.value("gross_profit", Scope.SKU, sku) == pytest.approx(gross, abs=1e-6)
        assert review.value("gross_profit", Scope.ASIN, asin) == pytest.approx(gross, abs=1e-6)
        assert review.value("net_profit", Scope.ASIN, asin) == pytest.approx(net, abs=1e-6)
        assert review.value("margin", Scope.ASIN, asin) == pytest.approx(margin, rel=1e-9)
    assert review.value("profit_per_unit", Scope.ASIN, "B00J9RSTVU") == pytest.approx(-300.87 / 28)
    # The loss-maker is red by the home band (≥ 35 %); the knife strip (9.5 %) too.
    statuses = review.kpis.set_index(["scope", "key", "kpi"]).status
    assert statuses[("asin", "B00J9RSTVU", "margin")] == "red"
    assert statuses[("asin", "B0RH4F5WDB", "margin")] == "green"  # electronics: ≥ 15 %
    # Amazon's advertising charges in the Date Range report are ad spend, not fees: the
    # account's Amazon fees are the selling, FBA and other fees less them.
    acc = review.measures[Scope.ACCOUNT].loc[""]
    ranged = store.table("transactions")
    charged = ranged[
        (ranged.description == "Cost of Advertising")
        & ranged.date.between(pd.Timestamp(WEEK.start), pd.Timestamp(WEEK.end))
    ].total.sum()
    assert charged < 0
    fees = review.value("selling_fees") + review.value("fba_fees") + review.value("other_fees")
    assert acc.amazon_fees == pytest.approx(fees - charged)


def test_a_sku_without_cost_is_blank_never_zero(demo_store):
    store, settings, _ = demo_store
    costless = Settings.defaults()
    costless.products = {
        sku: p if sku != "LV-0005" else Product(sku, p.asin, p.title, p.category)
        for sku, p in settings.products.items()
    }
    review = build_review(store, WEEK, marketplace="US", settings=costless)
    assert review.uncosted == ["LV-0005"]
    assert review.value("gross_profit", Scope.SKU, "LV-0005") is None
    assert review.value("net_profit", Scope.ASIN, "B0RH4F5WDB") is None
    assert review.value("net_profit") is None  # the account's profit is unknown too
    assert review.value("net_profit", Scope.ASIN, "B0BLK57AS3") == pytest.approx(56.88)
    status = review.kpis.set_index(["scope", "key", "kpi"]).status
    assert status[("asin", "B0RH4F5WDB", "margin")] == "none"  # never green
    (issue,) = [f for f in review.findings if f.code == "profit-no-cost"]
    assert "SKU LV-0005: 93 unit(s) sold" in issue.message
    # The workbook's cells are blank, and its formulas keep them blank.
    plan = build_plan(_inputs(review, costless))
    cells = _row_of(plan.sheet("sales"), "B0RH4F5WDB")
    cogs = measure_label("cogs", "en")  # the helper column behind the profit KPIs
    assert cogs in cells and cells[cogs].value is None
    col = _column_of(plan.sheet("sales"), cogs)
    assert re.search(rf'\b{col}\d+=""', cells[KPIS["net_profit"].name_en].formula)


def test_costs_in_another_currency_are_not_used(demo_store):
    store, settings, _ = demo_store
    cny = settings.with_costs([])
    p = cny.products["LV-0005"]
    p.costs = [Cost(None, 8.60, 1.10, 0.70, "CNY")]
    review = build_review(store, WEEK, marketplace="US", settings=cny)
    assert review.value("gross_profit", Scope.SKU, "LV-0005") is None
    (issue,) = [f for f in review.findings if f.code == "profit-no-cost"]
    assert "its cost is in CNY" in issue.message


def test_without_payments_reports_profit_is_estimated_from_the_fee_preview(tmp_path):
    """LV-0003 in the week: 28 units ordered for 783.72 (Business Report). Fee Preview: 4.20
    referral + 5.80 fulfilment per unit, so fees −280.00; COGS 565.60, freight 128.80: an
    estimated gross profit of −190.68, the same as settled (no refund that week)."""
    seller = small_seller(WEEK.end)
    store = Store.memory()
    paths = [
        writers.write_business_asin(tmp_path / "br.csv", seller, WEEK),
        writers.write_sp_xlsx(tmp_path / "ap.xlsx", seller, "advertised_product"),
    ]
    import_reports(paths, store=store, period=WEEK, marketplace="US", today=TODAY)
    from fupan.sync.samples.profit import demo_fees

    fees = write_fee_preview(tmp_path / "fees.txt", demo_fees(seller))
    import_reports([fees], store=store, period=Period(WEEK.end, WEEK.end), today=TODAY)
    rows, _ = read_cost_sheet(write_cost_sheet(tmp_path / "c.xlsx", seller))
    settings = Settings.defaults().with_costs(rows)
    review = build_review(store, WEEK, marketplace="US", settings=settings)
    assert review.estimate
    assert review.value("gross_profit", Scope.SKU, "LV-0003") == pytest.approx(-190.68)
    assert any(f.code == "profit-estimate" for f in review.findings)
    plan = build_plan(_inputs(review, settings))
    cells = _row_of(plan.sheet("sales"), "B00J9RSTVU")
    assert cells[KPIS["gross_profit"].name_en].number_format == '"$"#,##0.00" (estimate)"'
    assert cells[KPIS["margin"].name_en].number_format == '0.00%" (estimate)"'
    assert cells[KPIS["sales"].name_en].number_format == '"$"#,##0.00'


def test_settings_products_keep_dated_rows_through_a_write_and_read_back():
    s = Settings.defaults()
    s.products = {
        "S1": Product(
            "S1",
            "B0S1",
            "Mat",
            "home",
            21.0,
            [Cost(None, 3.1, 0.6, 0.2), Cost(date(2026, 11, 18), 3.4, 0.6, 0.2, "USD")],
        ),
        "S2": Product("S2", "B0S2", "Cable"),
    }
    s.sales_target, s.profit_target = 250000.0, 60000.0
    s.asin_targets = {"B0S1": (12000.0, 3000.0)}
    sheet, layout = settings_sheet(s, {"settings": "Settings"})
    grid = _grid(sheet)
    back = read_back(grid, Settings.defaults())
    assert back.products["S1"].costs == s.products["S1"].costs
    assert back.products["S1"].category == "home" and back.products["S1"].lead_time == 21.0
    assert back.products["S2"].costs == [] and back.products["S2"].asin == "B0S2"
    assert (back.sales_target, back.profit_target) == (250000.0, 60000.0)
    assert back.asin_targets == {"B0S1": (12000.0, 3000.0)}
    assert layout.asin_target_rows["B0S1"] > layout.product_rows["S2"]
    # As of a day: the row in force.
    p = back.products["S1"]
    assert p.cost_on(date(2026, 11, 17)).unit_cost == 3.1
    assert p.cost_on(date(2026, 11, 18)).unit_cost == 3.4
    # A valid-from nobody can read: kept as typed, listed, and its costs not used.
    row = next(i for i, r in enumerate(grid) if r and r[0] == "S1" and r[9] is not None)
    grid[row][9] = "next month"
    back = read_back(grid, s)
    assert back.typed("products", ("S1", "next month"), "valid_from") == "next month"
    assert back.products["S1"].cost_on(date(2026, 12, 30)).unit_cost == 3.1
    again = _grid(settings_sheet(back, {"settings": "Settings"})[0])
    assert "next month" in [r[9] for r in again if r and r[0] == "S1"]


def test_cost_sheets_in_english_and_chinese(tmp_path):
    csv = tmp_path / "costs.csv"
    csv.write_text(
        "Product costs 2026\n\n"
        "Seller SKU,Title,Unit cost (USD),First-leg freight / unit,Valid from,Currency\n"
        "S1,Mat,$3.10,0.60,2026-10-01,USD\n"
        'S1,Mat,"3,40",0.60,2026/11/18,usd\n'
        "S2,Cable,ask Li,0.15,,USD\n"
        "S3,Tray,4.20,,,\n",
        encoding="utf-8",
    )
    rows, findings = read_cost_sheet(csv)
    assert [(r.sku, r.cost.unit_cost, r.cost.freight, r.cost.valid_from) for r in rows] == [
        ("S1", 3.10, 0.60, date(2026, 10, 1)),
        ("S1", 3.40, 0.60, date(2026, 11, 18)),
        ("S3", 4.20, None, None),
    ]
    assert rows[1].cost.currency == "USD"
    (bad,) = findings
    assert bad.row == 6 and '"ask Li"' in bad.message and "left out" in bad.message
    book = Workbook()
    ws = book.active
    ws.append(["SKU", "品名", "类目", "采购价", "头程", "生效日期", "币种"])
    ws.append(["S1", "烘焙垫", "home", 21.5, 3.2, date(2026, 11, 1), "人民币"])
    book.save(tmp_path / "成本.xlsx")
    (row,), none = read_cost_sheet(tmp_path / "成本.xlsx")
    assert none == [] and (row.category, row.cost.currency) == ("home", "CNY")
    assert (row.cost.unit_cost, row.cost.freight, row.cost.valid_from) == (
        21.5,
        3.2,
        date(2026, 11, 1),
    )


def test_a_cost_sheet_fupan_cannot_read_is_named_in_a_report_error(tmp_path):
    # found by mypy (issue 12): these raised a TypeError (ReportError without its path)
    cases = {
        "no-header.csv": ("Name,Price\nMat,3\n", "has no header row with a SKU column"),
        "broken.xlsx": ("not a workbook", "cannot be opened as a workbook"),
        "costs.pdf": ("%PDF", "a cost sheet is an .xlsx or .csv file"),
    }
    for name, (text, problem) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        with pytest.raises(ReportError) as caught:
            read_cost_sheet(tmp_path / name)
        assert str(caught.value).startswith(f'Report "{name}": {problem}')


def test_fupan_costs_import_fills_settings_and_its_python_twin(tmp_path):
    seller = small_seller(WEEK.end)
    ws = api.init_workspace(tmp_path / "shop")
    writers.write_business_asin(ws.reports / "br.csv", seller, WEEK)
    run = CliRunner().invoke(cli, ["sync", "--workspace", str(ws.root), "--period", str(WEEK)])
    assert run.exit_code == 0, run.output
    sheet = write_cost_sheet(tmp_path / "costs.xlsx", seller)
    out = CliRunner().invoke(cli, ["costs", "import", str(sheet), "--workspace", str(ws.root)])
    assert out.exit_code == 0, out.output
    assert "31 cost row(s) of 30 SKU(s) went into Settings" in out.stdout
    from fupan.sync.settings_sheet import team_settings
    from fupan.sync.targets.xlsx import XlsxTarget

    book = XlsxTarget(ws.workbook)
    settings = team_settings(book)
    book.close()
    assert settings.products["LV-0003"].unit_cost == 19.80
    assert settings.products["LV-0001"].unit_cost == 5.90  # the latest dated row
    assert settings.category_of(seller.catalogue.child_asin[0]) == "home"
    dry = api.import_costs(ws, sheet, today=TODAY, dry_run=True)
    assert dry.sync is None and dry.skus == 30
    again = api.import_costs(ws, sheet, today=TODAY)  # the same rows replace themselves
    assert len(again.sync.review.kpis) > 0
    book = XlsxTarget(ws.workbook)
    assert len(team_settings(book).products["LV-0001"].costs) == 2
    book.close()


def test_targets_are_pro_rated_and_the_month_paced(demo_store):
    """November has 30 days: a week is 7/30 of the month's target. Month to date is
    2026-11-01..22 (22 days): pace = MTD sales / (target × 22 / 30), forecast = MTD sales
    / 22 × 30."""
    store, settings, seller = demo_store
    assert month_share(WEEK) == pytest.approx(7 / 30)
    assert month_share(Period.parse("2026-10-30..2026-11-02")) == pytest.approx(2 / 31 + 2 / 30)
    s = settings.with_costs([])
    s.sales_target, s.profit_target = 300000.0, 60000.0
    review = build_review(store, WEEK, marketplace="US", settings=s)
    week_sales = review.value("sales")
    assert review.value("sales_attainment") == pytest.approx(week_sales / (300000 * 7 / 30))
    mtd = seller.daily[(seller.daily.date >= "2026-11-01") & (seller.daily.date <= "2026-11-22")]
    mtd_sales = float(mtd.sales.sum())
    assert review.value("sales_pace") == pytest.approx(mtd_sales / (300000 * 22 / 30))
    assert review.value("sales_forecast") == pytest.approx(mtd_sales / 22 * 30)
    net = review.value("net_profit")
    assert review.value("profit_attainment") == pytest.approx(net / (60000 * 7 / 30))
    assert review.value("profit_pace") is not None
    # Below 95 %: rule R18 proposes a 5-why on the gap, from the month's pace.
    fired = [x for x in evaluate(review, s, store.table("inventory")) if x.rule == "R18"]
    assert {x.kpi for x in fired} == {"sales_attainment", "sales_pace"}
    s.sales_target = 100000.0
    review = build_review(store, WEEK, marketplace="US", settings=s)
    assert not [x for x in evaluate(review, s, store.table("inventory")) if x.rule == "R18"]


def _inputs(review, settings):
    return plan_inputs(review, settings, TODAY)


def _row_of(sheet, key: str) -> dict:
    """A KPI table's row for `key`, by the header's names."""
    from fupan.sync.workbook.plan import cell_rows

    rows = cell_rows(sheet.blocks)
    header = [c.value if c else None for c in rows[3]]
    row = next(r for r in rows[4:] if r and r[0] is not None and r[0].value == key)
    return {h: c for h, c in zip(header, row, strict=False) if h}


def _column_of(sheet, name: str) -> str:
    from fupan.sync.workbook.plan import cell_rows
    from openpyxl.utils import get_column_letter

    header = [c.value if c else None for c in cell_rows(sheet.blocks)[3]]
    return get_column_letter(header.index(name) + 1)


def _grid(sheet) -> list[list]:
    from fupan.sync.workbook.plan import cell_rows

    return [[c.value if c else None for c in r] for r in cell_rows(sheet.blocks)]


def test_money_is_written_in_the_marketplaces_own_format(tmp_path):
    from fupan.sync.cli.render import format_value
    from fupan.sync.marketplaces import money_format, money_text

    assert format_value("net_profit", -1234.5, "USD") == "-$1,234.50"
    assert format_value("net_profit", 1234.5, "EUR") == "1.234,50 €"
    assert format_value("net_profit", 123456.7, "JPY") == "¥123,457"
    assert money_text(0.004, "USD") == "$0.00"
    assert money_format("JPY") == '"¥"#,##0'  # no decimals: yen have none
    assert money_format("EUR") == '#,##0.00" €"'  # the spreadsheet's locale gives 1.234,56
    path = write_date_range(tmp_path / "range.csv", money.BOOK, "us-2021")
    out = CliRunner().invoke(cli, ["kpis", str(path), "--period", str(WEEK)]).stdout
    assert "$1,279.60" in out and "-$15.99" in out
