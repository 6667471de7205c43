"""Money at stake ranks the proposed actions: account health first, then the largest sums."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import own_copy
from fupan.sync.engine.build import build_review
from fupan.sync.engine.ranking import by_rule, one_per_object
from fupan.sync.engine.rules import Suggestion, evaluate
from fupan.sync.engine.stakes import MONEY, POLICY, Stake, at_stake
from fupan.sync.engine.triggers import Hit
from fupan.sync.flows.demo import run_demo
from fupan.sync.periods import Period
from fupan.sync.settings import Settings
from fupan.sync.settings_sheet import team_settings
from fupan.sync.store.history import Store
from fupan.sync.targets.xlsx import XlsxTarget
from test_engine import ad, biz, stored

TODAY = date(2026, 11, 25)
P = Period.parse("2026-11-16..2026-11-22")


def suggestion(rule, key, money, scope="asin"):
    return Suggestion(rule, scope, key, "acos", 1.0, 0.5, rule, rule, Stake(money, MONEY, ""))


def test_one_action_per_object_the_stronger_wins_and_the_other_is_noted():
    ranked = one_per_object(
        [
            suggestion("R2", "C / G", 40.0, "ad_group"),
            suggestion("R1", "C / G", 40.0, "ad_group"),  # pause makes cutting its budget moot
            suggestion("R9", "A1", 900.0),
            suggestion("R10", "A1", 900.0),
            suggestion("R15", "A2", None),
        ]
    )
    assert [(s.rule, s.key, s.also) for s in ranked] == [
        ("R10", "A1", ("R9",)),
        ("R1", "C / G", ("R2",)),
        ("R15", "A2", ()),  # no price: after every priced one, never as 0
    ]


def test_repeats_collapse_into_one_row_per_rule_with_a_count_and_the_sum():
    health = Suggestion("R16", "account", "", "odr", 0.012, 0.01, "", "", Stake(None, POLICY, ""))
    rows = by_rule(
        [suggestion("R6", f"C{n}", float(n), "campaign") for n in range(1, 19)] + [health]
    )
    assert [(r.first.rule, r.count) for r in rows] == [("R16", 1), ("R6", 18)]
    assert rows[1].stake.money == sum(range(1, 19)) and rows[1].keys[:2] == ("C18", "C17")


def test_stakes_price_what_the_review_measured():
    store = stored(
        business_asin=[biz("A1", 700, 70, 700)],
        ads=[ad("advertised_product", 100, 200, asin="A1"), ad("campaign", 100, 200)],
    )
    review = build_review(store, P, marketplace="US")
    settings = Settings.defaults()  # target ACoS 25 %
    over = at_stake(review, settings, "acos", review_scope("campaign"), "C")
    assert over.money == pytest.approx(100 - 0.25 * 200) and over.tier == MONEY
    waste = at_stake(review, settings, "clicks", review_scope("campaign"), "X", spend=30, sales=0)
    assert waste.money == 30
    assert at_stake(review, settings, "odr", review_scope("account"), "").tier == POLICY
    # 100 units a day... 70 units a week sell 10 a day; 30 days of lead, 6 days of cover:
    stock_out = at_stake(
        review, settings, "days_of_cover", review_scope("asin"), "A1", lead_time=30
    )
    assert stock_out.money is None  # no stock measured: a stock-out cannot be priced
    assert Hit("asin", "A1", "cvr", 0.1, 0.2).lead_time is None


def review_scope(name):
    from fupan.addin.registry import Scope

    return Scope(name)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return run_demo(tmp_path_factory.mktemp("rank") / "ws", today=TODAY)


@pytest.mark.slow  # the whole demo
def test_the_demos_account_health_and_stock_out_lead_its_actions(demo, tmp_path):
    ws = own_copy(demo, tmp_path).workspace
    settings = team_settings(XlsxTarget(ws.workbook))
    with Store.open(ws.store_path, read_only=True) as store:
        review = build_review(store, P, marketplace="US", compare=P.previous(), settings=settings)
        ranked = one_per_object(evaluate(review, settings, store.table("inventory")))
    top = [(s.rule, s.key) for s in ranked[:5]]
    assert top[0] == ("R16", "")  # the red ODR, by policy
    cover = review.kpis[(review.kpis.kpi == "days_of_cover") & (review.kpis.scope == "asin")]
    short = cover.sort_values("value").key.iloc[0]  # the demo's planted stock-out
    assert ("R10", short) in top  # priced at the days without stock before a shipment lands
    moneys = [s.stake.money for s in ranked[1:] if s.stake.money is not None]
    assert moneys == sorted(moneys, reverse=True)
    assert len({(s.scope, s.key) for s in ranked}) == len(ranked)  # one action per object
