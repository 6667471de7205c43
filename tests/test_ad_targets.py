"""Target ACoS per ad type and category: one resolution read by Settings, the engine's statuses,
the rules, the money at stake, the workbook's formulas and the Excel functions."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest
from fupan.addin import udfs
from fupan.addin.ad_targets import DEFAULT_ACOS, resolve, target_bands
from fupan.addin.registry import KPIS, Scope
from fupan.addin.thresholds import Bands
from fupan.sync.engine.ad_targets import campaign_profiles
from fupan.sync.engine.build import build_review
from fupan.sync.engine.rules import evaluate
from fupan.sync.engine.stakes import at_stake
from fupan.sync.flows.demo import run_demo
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.i18n import t
from fupan.sync.periods import Period
from fupan.sync.settings import Product, Settings, read_back
from fupan.sync.settings_acos import SECTION
from fupan.sync.settings_issues import settings_findings
from fupan.sync.settings_sheet import team_settings
from fupan.sync.targets.xlsx import XlsxTarget
from openpyxl import load_workbook
from settings_keys import key_of
from test_engine import ad, biz, stored

P = Period.parse("2026-11-16..2026-11-22")

TODAY = date(2026, 11, 30)


def test_resolution_order_category_then_ad_type_then_account():
    targets = {("SB", "home"): 0.40, ("SB", ""): 0.30, ("SD", ""): None, ("SD", "home"): None}
    assert resolve(targets, "SB", "home", 0.2) == 0.40
    assert resolve(targets, "SB", "garden", 0.2) == 0.30  # no row for the category
    assert resolve(targets, "SD", "home", 0.2) == 0.2  # both rows blank: the account's
    assert resolve(targets, "SP", "home", 0.2) == 0.2  # no row at all
    assert resolve(targets, "", "home", 0.2) == 0.2  # an unknown ad type
    assert resolve({("SB", "home"): None, ("SB", ""): 0.3}, "SB", "home", 0.2) == 0.3


def test_target_bands_keep_the_acos_bands_yellow_margin():
    b = target_bands(0.30, Bands(green_max=0.25, yellow_max=0.30))
    assert (b.green_max, b.yellow_max) == (0.30, pytest.approx(0.35))
    assert [b.status(v).value for v in (0.30, 0.34, 0.36, None)] == [
        "green",
        "yellow",
        "red",
        "none",
    ]
    assert target_bands(0.2, Bands(green_max=0.2, yellow_max=0.3)).yellow_max == 0.5 - 0.2


def test_defaults_per_ad_type_and_the_categories_acos_bands():
    s = Settings.defaults()
    assert {a: s.acos_target(a) for a in ("SP", "SB", "SD")} == DEFAULT_ACOS
    assert s.acos_target("SP", "home") == KPIS["acos"].category_bands["home"].green_max
    assert s.acos_target("SB", "home") == DEFAULT_ACOS["SB"]  # SB has no category default
    assert s.acos_target("", "") == s.target_acos


def _grid(*rows):
    return [list(r) for r in rows]


def test_an_old_settings_tab_keeps_its_account_target_for_sponsored_products():
    """A workbook from before the section: its typed account target still rules SP."""
    old = _grid(["#targets", "Targets"], ["target_acos", "Target ACoS", 0.18])
    s = read_back(old, Settings.defaults())
    assert s.acos_target("SP") == 0.18
    assert s.acos_target("SB") == DEFAULT_ACOS["SB"]
    assert s.acos_target("SP", "home") == 0.20  # its home ACoS band's green line


def test_the_section_is_read_back_blank_passes_on_and_text_is_kept():
    grid = _grid(
        ["#targets", "Targets"],
        ["target_acos", "Target ACoS", 0.22],
        [f"#{SECTION}", "Target ACoS by ad type"],
        ["Ad type", None, "Category", "Target ACoS"],
        ["SP", "Sponsored Products", None, None],
        ["SB", "Sponsored Brands", None, 0.45],
        ["SB", "Sponsored Brands", "garden", "50%"],
        ["SD", "Sponsored Display", None, "forty"],
    )
    s = read_back(grid, Settings.defaults())
    assert s.acos_target("SP") == 0.22  # blank: the account's
    assert s.acos_target("SB") == 0.45 and s.acos_target("SB", "garden") == 0.50
    assert s.acos_target("SD") == DEFAULT_ACOS["SD"]  # unreadable: the value before
    assert s.typed(SECTION, ("SD", ""), "value") == "forty"
    (issue,) = settings_findings(s, "review.xlsx")
    assert 'D8: "forty" typed for the target ACoS of SD cannot be read' in issue.message


def test_a_campaign_takes_the_ad_type_and_category_it_spends_most_in():
    ads = pd.DataFrame(
        {
            "campaign": ["A", "A", "A", "B", "C"],
            "ad_type": ["SB", "SB", "SP", "SD", "SP"],
            "asin": ["X1", "Y1", "", "", "Z"],
            "spend": [5.0, 8.0, 2.0, 3.0, None],
        }
    )
    got = campaign_profiles(ads, {"X1": "home", "Y1": "garden"})
    assert got == {"A": ("SB", "garden"), "B": ("SD", ""), "C": ("SP", "")}
    assert campaign_profiles(ads.iloc[0:0], {}) == {}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The whole demo (slow): its workbook, its review and the Settings it was judged by."""
    return run_demo(tmp_path_factory.mktemp("adt") / "ws", lang="en", today=TODAY)


def settings_of(workbook):
    return team_settings(XlsxTarget(workbook))


def _campaign_acos(review):
    k = review.kpis
    rows = k[(k.kpi == "acos") & (k.scope == "campaign") & k.value.notna()]
    return {r.key: (float(r.value), r.status) for r in rows.itertuples()}


@pytest.mark.slow  # the whole demo
def test_every_campaign_acos_is_judged_by_its_own_target(demo):
    review, settings = demo.sync.review, settings_of(demo.workspace.workbook)
    acos = _campaign_acos(review)
    types = {t.ad_type for t in review.acos_targets.values()}
    assert {"SP", "SB", "SD"} <= types and acos
    for campaign, (value, status) in acos.items():
        own = review.acos_targets[campaign]
        assert own.target == settings.acos_target(own.ad_type, own.category)
        assert status == settings.acos_bands(own.ad_type, own.category).status(value).value
    # SP campaigns of home products are judged by home's 20 %, not the account's 25 %.
    home = [t for t in review.acos_targets.values() if t.ad_type == "SP" and t.category == "home"]
    assert home and all(t.target == 0.20 for t in home)


def _ads(ad_type, campaign, spend, sales, asin="", group="G"):
    row = ad("campaign", spend, sales, ad_type=ad_type, asin=asin, campaign=campaign)
    return row | {"ad_group": group, "clicks": 20}


def _small(settings):
    """Two campaigns at the same 50 % ACoS: one SP, one SB (its ASIN a home product)."""
    store = stored(
        business_asin=[biz("A1", 1000.0, 50, 500)],
        ads=[_ads("SP", "prod", 50.0, 100.0), _ads("SB", "brand", 50.0, 100.0, asin="A1")],
    )
    return build_review(store, P, marketplace="US", settings=settings)


def _with(**targets):
    s = Settings.defaults()
    s.products = {"A1": Product("A1", "A1", category="home")}
    for key, v in targets.items():
        ad_type, _, cat = key.partition("_")
        s.acos_targets[(ad_type, cat.replace("_", " "))] = v
    return s


def test_statuses_rules_and_money_at_stake_read_the_campaigns_target():
    settings = _with(SB_home=0.48)
    r = _small(settings)
    assert r.acos_targets["brand"].target == 0.48 and r.acos_targets["brand"].category == "home"
    assert r.acos_targets["prod"].target == 0.25
    assert _campaign_acos(r) == {"prod": (0.5, "red"), "brand": (0.5, "yellow")}  # home: 10 pp
    rules = {(x.rule, x.key) for x in evaluate(r, settings, r.frame("stock"))}
    assert ("R1", "prod / G") in rules and ("R2", "prod / G") in rules  # 50 % > 37.5 %, 35 %
    assert not {x for x in rules if x[1].startswith("brand")}  # 50 % < 72 %, 58 %
    by_key = {x.key: x for x in evaluate(r, settings, r.frame("stock")) if x.rule == "R1"}
    assert by_key["prod / G"].stake.money == pytest.approx(50.0 - 0.25 * 100.0)  # one week
    assert at_stake(r, settings, "acos", Scope.CAMPAIGN, "brand").money == pytest.approx(2.0)
    # The account target is what a campaign with no row of its ad type falls back to.
    blank = _with(SB_home=None, SB=None)
    blank.target_acos = 0.60
    r = _small(blank)
    assert r.acos_targets["brand"].target == 0.60 and r.acos_targets["prod"].target == 0.25
    assert _campaign_acos(r)["brand"] == (0.5, "green")


@pytest.mark.slow  # the whole demo
def test_the_ads_tab_shows_each_rows_target_as_a_formula_over_settings(demo):
    lang = "en"
    wb = load_workbook(demo.workspace.workbook)
    ws = wb[t("ads", lang)]
    header = [c.value for c in ws[4]]
    col = header.index(t("target_acos", lang)) + 1
    assert header[col - 2] == t("status", lang) and header[col - 3] == "ACoS"
    settings_rows = {
        (key_of(r, SECTION), r[2].value or ""): r[3].coordinate
        for r in wb["Settings"].iter_rows()
        if key_of(r, SECTION) in ("SP", "SB", "SD")
    }
    review = demo.sync.review
    seen = 0
    for row in range(5, ws.max_row + 1):
        campaign = ws.cell(row, 1).value
        if campaign is None:
            break  # the ad groups follow below
        own = review.acos_targets[campaign]
        cell = ws.cell(row, col)
        assert cell.number_format.endswith("%"), cell.number_format
        f = str(cell.value)
        assert f.startswith("=IF(ISNUMBER(") and "$C$" in f  # falls back to the account's
        assert f"$D${settings_rows[(own.ad_type, '')][1:]}" in f
        status = str(ws.cell(row, col - 1).value)
        assert ws.cell(row, col).coordinate in status  # the status reads this row's target
        seen += 1
    assert seen == len(review.acos_targets)


@pytest.mark.slow  # the whole demo
def test_a_sync_keeps_the_teams_targets_and_adds_the_rows_to_an_old_tab(demo, tmp_path):
    from conftest import own_copy

    mine = own_copy(demo, tmp_path)
    book = mine.workspace.workbook
    wb = load_workbook(book)
    ws = wb["Settings"]
    for r in ws.iter_rows():
        if key_of(r, SECTION) == "SB" and not r[2].value:
            r[3].value = 0.55
    wb.save(book)
    result = sync_workbook(mine.workspace, today=TODAY)
    assert settings_of(book).acos_target("SB") == 0.55
    assert result.review.acos_targets and all(
        t.target == 0.55 for t in result.review.acos_targets.values() if t.ad_type == "SB"
    )
    # An old workbook: no target ACoS rows, its account target edited to 18 %.
    wb = load_workbook(book)
    ws = wb["Settings"]
    first = next(r[0].row for r in ws.iter_rows() if key_of(r) == f"#{SECTION}")
    ws.delete_rows(first - 1, ws.max_row)
    next(r for r in ws.iter_rows() if key_of(r, "targets") == "target_acos")[2].value = 0.18
    wb.save(book)
    result = sync_workbook(mine.workspace, today=TODAY)
    rows = {
        (key_of(r, SECTION), r[2].value or ""): r[3].value
        for r in load_workbook(book)["Settings"].iter_rows()
        if key_of(r, SECTION) in ("SP", "SB", "SD")
    }
    assert rows[("SP", "")] == 0.18 and rows[("SB", "")] == DEFAULT_ACOS["SB"]
    assert rows[("SP", "home")] == 0.20 and rows[("SB", "home")] is None


@pytest.mark.slow  # the whole demo
def test_the_excel_functions_resolve_and_judge_as_the_engine(demo):
    settings = settings_of(demo.workspace.workbook)
    table = [
        [a, "", c, v]
        for (a, c), v in settings.acos_targets.items()  # as the Settings range reads
    ]
    for ad_type in ("SP", "SB", "SD", "XX"):
        for cat in ("", "home", "garden"):
            got = udfs.AMZ_TARGET_ACOS(ad_type, cat, table, settings.target_acos)
            assert got == settings.acos_target(ad_type, cat)
    assert udfs.AMZ_TARGET_ACOS("SB", "", [["SB", "", "", None]], 0.2) == 0.2  # blank
    for campaign, (value, status) in _campaign_acos(demo.sync.review).items():
        own = demo.sync.review.acos_targets[campaign]
        assert udfs.AMZ_STATUS("acos", value, own.category, own.target) == status
    assert udfs.AMZ_STATUS("acos", 0.33, None, 0.30) == "yellow"
    assert udfs.AMZ_STATUS("acos", 0.33) == "red"  # without a target: the account's bands
    assert udfs.AMZ_STATUS("acos", None, None, 0.30) == ""
    assert math.isclose(udfs.AMZ_TARGET_ACOS("SD", "x", "not a range", 0.25), 0.25)


@pytest.mark.slow  # the whole demo
def test_a_campaign_row_of_the_minutes_quotes_its_own_target(demo):
    from fupan.sync.minutes.findings import priced_flags

    review = demo.sync.review
    prev = review.previous or review
    flags = [
        f
        for f in priced_flags(review, prev, settings_of(demo.workspace.workbook))
        if f.kpi == "acos" and f.scope == Scope.CAMPAIGN.value
    ]
    assert flags
    for f in flags:
        assert f.bands is not None
        assert f.bands.green_max == review.acos_targets[f.key].target
