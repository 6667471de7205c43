"""The review workbook: what a sync keeps, what it refuses, and that it is repeatable."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from fupan.sync.api import import_into_workspace, init_workspace
from fupan.sync.errors import WorkbookError
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.i18n import LABELS
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from fupan.sync.targets.memory import MemoryTarget, grid
from fupan.sync.workbook.plan import Block
from fupan.workbook_templates.build import template_path, template_plan
from openpyxl import load_workbook
from settings_keys import key_of

pytestmark = pytest.mark.dates  # uses the run's day: CI runs it under other dates too

WEEK = Period.parse("2026-11-16..2026-11-22")
TODAY = date(2026, 11, 23)


@pytest.fixture
def workspace(tmp_path, seller):
    ws = init_workspace(tmp_path / "shop")
    inbox = ws.reports
    for start, end in seller.weeks()[-2:]:
        p = Period(start, end)
        writers.write_business_asin(inbox / f"br-{end}.csv", seller, p)
        import_into_workspace(ws, [inbox / f"br-{end}.csv"], period=p)
    writers.write_sp_xlsx(inbox / "st.xlsx", seller, "search_term")
    writers.write_planning(inbox / "plan.txt", seller)
    return ws


def values(path):
    wb = load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb}


def test_init_creates_a_workbook_from_the_template(tmp_path):
    ws = init_workspace(tmp_path / "new", language="zh")
    assert ws.workbook.exists() and ws.reports.is_dir()
    assert load_workbook(ws.workbook).sheetnames[0] == "仪表盘"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_checked_in_templates_are_current(tmp_path, lang):
    plan = template_plan(lang)
    shipped = load_workbook(template_path(lang))
    for sheet in plan.sheets:
        expected = grid(sheet)
        got = [[c.value for c in row] for row in shipped[sheet.title].iter_rows()]
        expected = [[None if v == "" else v for v in row] for row in expected]
        width = max((len(r) for r in expected), default=0)
        got = [r[:width] + [None] * (width - len(r)) for r in got]
        expected = [r + [None] * (width - len(r)) for r in expected]
        assert got == expected, f"{sheet.title}: run python -m fupan.workbook_templates.build"


def test_sync_twice_gives_the_same_workbook(workspace):
    sync_workbook(workspace, period=WEEK, today=TODAY)
    first = values(workspace.workbook)
    sync_workbook(workspace, period=WEEK, today=TODAY)
    assert values(workspace.workbook) == first
    assert workspace.workbook.with_name("review.xlsx.bak").exists()


def test_sync_keeps_what_the_team_wrote(workspace):
    sync_workbook(workspace, period=WEEK, today=TODAY)
    wb = load_workbook(workspace.workbook)
    settings = wb["Settings"]
    acos_row = next(r for r in settings.iter_rows() if key_of(r) == "acos" and not r[2].value)
    acos_row[4].value = 0.12  # green up to 12 %
    sales = wb["Sales by ASIN"]
    note_col = [c.value for c in sales[4]].index("Notes") + 1
    asin = sales.cell(5, 1).value
    sales.cell(5, note_col, "price test running")
    wb.create_sheet("My notes")["A1"] = "=1+1"
    actions = wb["Actions"]
    actions.append(
        [
            None,
            None,
            None,
            "manual",
            "asin",
            asin,
            "CVR low",
            "",
            "New images",
            "Li",
            date(2026, 11, 20),
            "open",
        ]
    )
    wb.save(workspace.workbook)

    sync_workbook(workspace, period=WEEK, today=TODAY)
    after = load_workbook(workspace.workbook)
    row = next(r for r in after["Settings"].iter_rows() if key_of(r) == "acos" and not r[2].value)
    assert row[4].value == 0.12
    s = after["Sales by ASIN"]
    notes = {s.cell(r, 1).value: s.cell(r, note_col).value for r in range(5, s.max_row + 1)}
    assert notes[asin] == "price test running"
    assert after["My notes"]["A1"].value == "=1+1"
    ids = [r[0].value for r in after["Actions"].iter_rows(min_row=5) if r[5].value == asin]
    assert ids == ["A-0001"]


def test_report_text_never_becomes_a_formula(workspace, seller):
    sync_workbook(workspace, period=WEEK, today=TODAY)
    path = workspace.reports / "evil.xlsx"
    evil = seller.search_terms.copy()
    evil.loc[evil.index[-1], "search_term"] = '=HYPERLINK("http://x","y")'
    original = seller.search_terms
    seller.search_terms = evil
    try:
        writers.write_sp_xlsx(path, seller, "search_term")
    finally:
        seller.search_terms = original
    sync_workbook(workspace, [path], period=WEEK, today=TODAY)
    ws = load_workbook(workspace.workbook)["data_ads"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == '=HYPERLINK("http://x","y")']
    assert cells and all(c.data_type == "s" for c in cells)


def test_open_workbook_is_refused_and_nothing_changes(workspace):
    sync_workbook(workspace, period=WEEK, today=TODAY)
    before = workspace.workbook.read_bytes()
    lock = workspace.root / "~$review.xlsx"
    lock.write_text("x")
    with pytest.raises(WorkbookError, match="close it"):
        sync_workbook(workspace, period=WEEK, today=TODAY)
    assert workspace.workbook.read_bytes() == before


def test_dry_run_writes_nothing(workspace):
    result = sync_workbook(workspace, dry_run=True, period=WEEK, today=TODAY)
    assert {
        ("st.xlsx", "ads_search_term", 5040),
        ("plan.txt", "fba_inventory_planning", 30),
    } <= {(w.file, w.kind, w.rows) for w in result.would_import}
    assert "Dashboard" in result.plan.describe()
    assert "Dashboard" in result.plan.describe("zh") and "个单元格" in result.plan.describe("zh")
    assert load_workbook(workspace.workbook).sheetnames[0] == "Dashboard"  # still the template
    assert not workspace.workbook.with_name("review.xlsx.bak").exists()


def test_chinese_workbook_is_complete(workspace):
    target = MemoryTarget()
    sync_workbook(workspace, target=target, period=WEEK, language="zh", today=TODAY)
    zh_titles = {v[1] for k, v in LABELS.items() if not k.startswith("data_")}
    tabs = [t for t in target.sheets if not t.startswith(("data_", "_"))]
    assert tabs and all(t in zh_titles for t in tabs)
    english = {v[0] for v in LABELS.values()} - {v[1] for v in LABELS.values()}
    for title, g in target.sheets.items():
        if title.startswith("data_"):
            continue
        texts = {c for row in g for c in row if isinstance(c, str)}
        assert not (texts & english), (title, texts & english)


def test_data_ads_holds_one_row_per_ad_key_with_the_same_sums():
    from fupan.sync.workbook.data_tabs import AD_SUMS, ads_by_key

    days = pd.to_datetime(["2026-11-16", "2026-11-17", "2026-11-18"])
    ads = pd.DataFrame(
        {
            "ad_type": "SP",
            "grain": "search_term",
            "counted": [True, True, True],
            "start_date": days,
            "end_date": days,
            "campaign": "C1",
            "ad_group": "G1",
            "targeting": "mat",
            "match_type": "EXACT",
            "search_term": ["yoga mat", "yoga mat", '=HYPERLINK("x")'],
            "asin": None,
            "sku": None,
            "impressions": [100.0, 50.0, 10.0],
            "clicks": [3.0, 2.0, 1.0],
            "spend": [1.5, 1.0, 0.4],
            "sales": [20.0, float("nan"), float("nan")],
            "orders": [1.0, 0.0, float("nan")],
            "units": [1.0, 0.0, float("nan")],
        }
    )
    out = ads_by_key(ads)
    assert len(out) == 2
    first = out[out.search_term == "yoga mat"].iloc[0]
    assert first.start_date == days[0] and first.end_date == days[1]
    assert first.clicks == 5 and first.sales == 20 and first.counted == 1
    # A term with no sales at all stays blank (unknown), not 0.
    assert pd.isna(out[out.search_term != "yoga mat"].iloc[0].sales)
    for col in AD_SUMS:
        assert out[col].sum() == pytest.approx(ads[col].sum())


def test_data_sales_holds_one_row_per_child_asin_and_sku_over_the_period():
    from fupan.sync.workbook.data_tabs import SALES_SUMS, sales_by_key

    weeks = pd.to_datetime(["2026-11-09", "2026-11-16", "2026-11-09"])
    sales = pd.DataFrame(
        {
            "child_asin": ["B01", "B01", "B02"],
            "parent_asin": ["P1", "P1", "P1"],
            "sku": ["S1", "S1", "S2"],
            "title": ["Mat", "Mat (new title)", "Strap"],
            "sales": [10.0, 20.0, 5.0],
            "units": [1.0, 2.0, 1.0],
            "sessions": [30.0, 40.0, 9.0],
            "page_views": [40.0, 50.0, 12.0],
            "buy_box_views": [38.0, 50.0, float("nan")],
            "period_start": weeks,
            "period_end": weeks + pd.Timedelta(days=6),
        }
    )
    out = sales_by_key(sales)
    assert list(out.child_asin) == ["B01", "B02"]
    b01 = out.iloc[0]
    assert b01.sales == 30 and b01.sessions == 70 and b01.title == "Mat (new title)"
    assert (b01.period_start, b01.period_end) == (weeks[0], weeks[1] + pd.Timedelta(days=6))
    assert pd.isna(out.iloc[1].buy_box_views)
    for col in SALES_SUMS:
        assert out[col].sum() == pytest.approx(sales[col].sum())


def provisional_cells(plan):
    blocks = [b for s in plan.sheets for b in s.blocks if isinstance(b, Block)]
    return [c for b in blocks for row in b.rows for c in row if c.provisional]


def test_only_ads_days_within_14_days_of_the_run_day_are_provisional(workspace):
    recent = sync_workbook(workspace, period=WEEK, today=TODAY)
    assert provisional_cells(recent.plan)  # the week ended yesterday: Amazon still restates
    later = sync_workbook(workspace, period=WEEK, today=date(2027, 6, 1))
    assert not provisional_cells(later.plan)  # reviewed months later: settled
