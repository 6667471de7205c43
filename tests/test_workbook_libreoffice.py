"""Proof with a real spreadsheet engine: the demo workbook recalculated by LibreOffice."""

from __future__ import annotations

import math
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from fupan.addin.registry import KPIS, Scope
from fupan.addin.thresholds import Bands
from fupan.sync.flows.demo import run_demo
from fupan.sync.i18n import t
from fupan.sync.workbook.data_tabs import header as data_header
from fupan.sync.workbook.objects import measure_label
from libreoffice import colours, error_cells, recalc, render_png
from openpyxl import load_workbook
from settings_keys import key_of

pytestmark = [pytest.mark.libreoffice, pytest.mark.dates]
TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", params=["en", "zh"])
def demo(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"demo-{request.param}")
    result = run_demo(folder / "ws", lang=request.param, today=TODAY)
    calc = load_workbook(
        recalc(result.workspace.workbook, folder / "lo", today=TODAY), data_only=True
    )
    return result, calc, folder


def kpi_columns(ws, lang):
    """KPI id -> column number, from a KPI table's header row (row 4)."""
    names = {(k.name_zh if lang == "zh" else k.name_en): k.id for k in KPIS.values()}
    return {names[c.value]: c.column for c in ws[4] if c.value in names}


def same(got, want):
    if want is None or (isinstance(want, float) and math.isnan(want)):
        return got in (None, "")
    return got == pytest.approx(want, rel=1e-9, abs=1e-9)


def test_no_error_value_in_any_tab(demo):
    _, calc, _ = demo
    assert error_cells(calc) == []


def test_every_kpi_cell_equals_the_engine(demo):
    result, calc, _ = demo
    review, lang = result.sync.review, result.workspace.language
    sheets = result.sync.plan
    checked = 0
    for key, scope in (("sales", Scope.ASIN), ("ads", Scope.CAMPAIGN)):
        ws = calc[sheets.sheet(key).title]
        cols = kpi_columns(ws, lang)
        assert cols
        for row in range(5, ws.max_row + 1):
            k = ws.cell(row, 1).value
            if k is None:
                break
            for kpi, col in cols.items():
                assert same(ws.cell(row, col).value, review.value(kpi, scope, str(k))), (
                    key,
                    k,
                    kpi,
                )
                checked += 1
    dash = calc[sheets.sheet("dashboard").title]
    names = {(v.name_zh if lang == "zh" else v.name_en): v.id for v in KPIS.values()}
    for row in range(9, dash.max_row + 1):
        kpi = names.get(dash.cell(row, 1).value)
        if kpi:
            assert same(dash.cell(row, 2).value, review.value(kpi)), kpi
            checked += 1
    assert checked > 300


PROFIT = ("gross_profit", "net_profit", "margin", "roi", "profit_per_unit")


def test_profit_cells_equal_the_engine_and_lead_the_dashboard(demo):
    """Every ASIN's profit cells, recalculated by LibreOffice, are the engine's; the profit
    change is now − the comparison week; the Dashboard opens with the money block, in the
    marketplace's currency."""
    result, calc, _ = demo
    review, lang = result.sync.review, result.workspace.language
    plan = result.sync.plan
    ws = calc[plan.sheet("sales").title]
    cols = kpi_columns(ws, lang)
    assert set(PROFIT) <= set(cols)
    header = [c.value for c in ws[4]]
    was_col = header.index(t("profit_compare", lang)) + 1
    change_col = header.index(t("profit_change", lang)) + 1
    values = 0
    losses = []
    for row in range(5, ws.max_row + 1):
        asin = ws.cell(row, 1).value
        if asin is None:
            break
        for kpi in PROFIT:
            want = review.value(kpi, Scope.ASIN, asin)
            got = ws.cell(row, cols[kpi]).value
            assert same(got, want), (asin, kpi)
            values += want is not None
        now, was = ws.cell(row, cols["net_profit"]).value, ws.cell(row, was_col).value
        if was not in (None, ""):
            assert ws.cell(row, change_col).value == pytest.approx(now - was, abs=1e-9)
        if now not in (None, "") and now < 0:
            losses.append(asin)
    assert values >= 5 * 25
    assert losses == ["B00J9RSTVU"]  # the demo's loss-maker, on purpose
    # The Dashboard's first cards: the money of the week, each with its comparison.
    dash = calc[plan.sheet("dashboard").title]
    names = {(k.name_zh if lang == "zh" else k.name_en): k.id for k in KPIS.values()}
    first = [names.get(dash.cell(r, 1).value) for r in range(9, 18)]
    assert first[:4] == ["sales", "net_profit", "margin", "sales_attainment"]
    assert {"ad_spend", "tacos"} <= set(first)
    for r, kpi in enumerate(first, start=9):
        assert same(dash.cell(r, 2).value, review.value(kpi)), kpi
    assert dash.cell(10, 3).value not in (None, "")  # net profit of the comparison week
    raw = load_workbook(result.workspace.workbook)[plan.sheet("dashboard").title]
    assert raw.cell(9, 2).number_format == '"$"#,##0.00'
    assert raw.cell(11, 2).number_format == "0.00%"


def category_column(ws, lang):
    """The Category column of Sales by ASIN (beside the ASIN's title and SKU)."""
    header = [c.value for c in ws[4]]
    return header.index(t("category", lang)) + 1


def test_status_cells_follow_settings_even_after_an_edit(demo):
    result, calc, folder = demo
    lang = result.workspace.language
    plan = result.sync.plan
    red, green, yellow = t("red", lang), t("green", lang), t("yellow", lang)
    words = {"green": green, "yellow": yellow, "red": red}

    def statuses(book, bands_of):
        """(status in the sheet, status by `bands_of(category)`) of every ASIN's ACoS."""
        ws = book[plan.sheet("sales").title]
        col = kpi_columns(ws, lang)["acos"]
        cat = category_column(ws, lang)
        out = []
        for row in range(5, ws.max_row + 1):
            v = ws.cell(row, col).value
            if ws.cell(row, 1).value is None:
                break
            bands = bands_of(ws.cell(row, cat).value or "")
            want = "" if v in (None, "") else words[bands.status(v)]
            out.append((ws.cell(row, col + 1).value or "", want))
        return out

    default = KPIS["acos"].bands_for  # the category's bands (the demo's cost sheet has them)
    pairs = statuses(calc, default)
    assert pairs and all(got == want for got, want in pairs)
    sales = calc[plan.sheet("sales").title]
    assert {c for c in KPIS["acos"].category_bands} <= {
        sales.cell(r, category_column(sales, lang)).value for r in range(5, 5 + len(pairs))
    }
    # A team lowers the ACoS line of every category: the sheet recolours on recalculation,
    # without a sync.
    edited = folder / "edited.xlsx"
    shutil.copy(result.workspace.workbook, edited)
    wb = load_workbook(edited)
    ws = wb[plan.sheet("settings").title]
    rows = [r for r in ws.iter_rows() if key_of(r) == "acos"]
    assert len(rows) == 1 + len(KPIS["acos"].category_bands)
    for row in rows:
        row[4].value, row[6].value = 0.05, 0.08
    wb.save(edited)
    after = load_workbook(recalc(edited, folder / "lo-edit", today=TODAY), data_only=True)
    new = Bands(green_max=0.05, yellow_max=0.08)
    pairs = statuses(after, lambda _category: new)
    assert all(got == want for got, want in pairs)
    assert sum(got == red for got, _ in pairs) > sum(
        got == red for got, _ in statuses(calc, default)
    )
    # A bound cleared is no bound: with the yellow line left blank nothing is red.
    for row in rows:
        row[6].value = None
    wb.save(edited)
    after = load_workbook(recalc(edited, folder / "lo-open", today=TODAY), data_only=True)
    pairs = statuses(after, lambda _category: Bands(green_max=0.05))
    assert all(got == want for got, want in pairs)
    assert red not in {got for got, _ in pairs} and yellow in {got for got, _ in pairs}


def test_dashboard_renders_with_traffic_lights(demo):
    result, calc, folder = demo
    png = render_png(result.workspace.workbook, folder / "render", today=TODAY, dpi=80)
    seen = colours(png)
    dash = calc[result.sync.plan.sheet("dashboard").title]
    statuses = {dash.cell(r, 5).value for r in range(9, dash.max_row + 1)}
    red, green = (0xFF, 0xC7, 0xCE), (0xC6, 0xEF, 0xCE)
    red_word = t("red", result.workspace.language)
    assert (red in seen) == (red_word in statuses)
    assert green in seen


def test_overdue_action_is_counted_and_first(demo):
    result, calc, _ = demo
    plan = result.sync.plan
    dash = calc[plan.sheet("dashboard").title]
    assert dash["E5"].value == result.sync.overdue == 1  # the same day, the same count
    actions = calc[plan.sheet("actions").title]
    lang = result.workspace.language
    assert actions["A5"].value and actions["L5"].value == t("status_open", lang)


def test_a_kpi_references_its_own_data_rows_and_follows_their_edit(demo):
    """An ASIN's ad spend sums only its own rows of the ads data tab (sorted by campaign and
    ASIN: recalculation grows with the rows, not ASINs x rows); editing one of those rows
    still changes its ACoS and colour on recalculation, and no other ASIN's."""
    result, calc, folder = demo
    lang = result.workspace.language
    plan = result.sync.plan
    sales_title, ads_title = plan.sheet("sales").title, plan.sheet("data_ads").title
    raw = load_workbook(result.workspace.workbook)
    header = [c.value for c in raw[ads_title][1]]
    col = {n: header.index(data_header(n, lang)) for n in ("asin", "ad_type", "grain", "spend")}
    ws = calc[sales_title]
    kpis = kpi_columns(ws, lang)
    # The measure's own column: the folded helper after the KPIs (its KPI twin reads it).
    heads = [c.value for c in ws[4]]
    spend_col = max(i for i, h in enumerate(heads) if h == measure_label("ad_spend", lang)) + 1
    rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value}
    red = t("red", lang)
    asin = next(
        a
        for a, r in rows.items()
        if ws.cell(r, kpis["acos"] + 1).value not in (None, "", red) and ws.cell(r, spend_col).value
    )
    mine = [
        row
        for row in raw[ads_title].iter_rows(min_row=2)
        if row[col["asin"]].value == asin
        and (row[col["ad_type"]].value, row[col["grain"]].value) == ("SP", "advertised_product")
    ]
    assert mine
    spend = raw[sales_title].cell(rows[asin], spend_col).value
    numbers = [int(n) for n in re.findall(r"\$(\d+)", spend)]
    first, last = min(r[0].row for r in mine), max(r[0].row for r in mine)
    assert numbers and all(first <= n <= last for n in numbers)  # its rows, not the whole tab
    before = {a: ws.cell(r, kpis["acos"]).value for a, r in rows.items()}
    edited = folder / "edited-data.xlsx"
    wb = load_workbook(result.workspace.workbook)
    for row in mine:
        wb[ads_title].cell(row[0].row, col["spend"] + 1).value = row[col["spend"]].value * 20
    wb.save(edited)
    after = load_workbook(recalc(edited, folder / "lo-data", today=TODAY), data_only=True)
    ws2 = after[sales_title]
    r = rows[asin]
    assert ws2.cell(r, spend_col).value == pytest.approx(ws.cell(r, spend_col).value * 20)
    assert ws2.cell(r, kpis["acos"]).value == pytest.approx(before[asin] * 20)
    assert ws2.cell(r, kpis["acos"] + 1).value == red
    others = {a: ws2.cell(rr, kpis["acos"]).value for a, rr in rows.items() if a != asin}
    assert others == {a: v for a, v in before.items() if a != asin}
