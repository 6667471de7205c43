"""The Account Health Rating and the policy compliance items of the seller performance
report, and the estimated long-term storage fee of the planning report: read (unknown stays
blank), stored, judged by their Settings bands and shown on Account health and the Dashboard."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pandas as pd
import pytest
from fupan.addin.thresholds import Bands
from fupan.sync.api import import_into_workspace, init_workspace
from fupan.sync.engine.build import build_review
from fupan.sync.engine.rules import evaluate
from fupan.sync.engine.stakes import POLICY as POLICY_TIER
from fupan.sync.errors import ReportError
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.ingest.health_metrics import AHR, POLICY
from fupan.sync.ingest.registry import read_report
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from fupan.sync.samples.account import AHR_SCORE, HEALTH_COUNTS, POLICY_COUNTS
from fupan.sync.settings import Settings
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports
from openpyxl import load_workbook
from settings_keys import key_of

WEEK = Period.parse("2026-11-16..2026-11-22")
TODAY = date(2026, 11, 23)


def performance(tmp_path, seller, edit=None):
    """The sample seller's performance report, in Amazon's JSON layout, edited by `edit`."""
    path = writers.write_performance(tmp_path / "performance.json", seller, complete=True)
    if edit is not None:
        doc = json.loads(path.read_text(encoding="utf-8"))
        edit(doc["performanceMetrics"][0])
        path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


def imported(*paths) -> Store:
    store = Store.memory()
    for p in paths:
        import_reports([p], store=store, marketplace="US", today=TODAY)
    return store


def test_the_rating_and_every_policy_are_read_with_amazons_status(tmp_path, seller):
    health = read_report(performance(tmp_path, seller)).frame.set_index("metric")
    assert health.loc[AHR, "value"] == AHR_SCORE
    assert health.loc[AHR, "status"] == "GOOD"
    assert pd.isna(health.loc[AHR, "rate"])  # a score, not a rate
    for key, metric in POLICY.items():
        assert health.loc[metric, "value"] == POLICY_COUNTS[key], metric
        assert health.loc[metric, "target"] == 0
    assert health.loc["listing_policy_violations", "status"] == "AT_RISK"
    # The rates keep their counts beside them.
    assert health.loc["odr_mfn", "numerator"] == HEALTH_COUNTS["odr_mfn"][0]
    assert pd.isna(health.loc["odr_mfn", "value"])


def test_a_score_or_count_the_report_leaves_out_stays_blank(tmp_path, seller):
    def edit(block):
        del block["accountHealthRating"]["ahrScore"]
        del block["productSafetyCustomerComplaints"]["defectsCount"]
        del block["otherPolicyViolations"]  # not reported at all: no row
        block["receivedIntellectualPropertyComplaints"]["defectsCount"] = 2

    path = performance(tmp_path, seller, edit)
    health = read_report(path).frame.set_index("metric")
    assert pd.isna(health.loc[AHR, "value"])
    assert pd.isna(health.loc["safety_complaints", "value"])
    assert "other_policy_violations" not in health.index
    review = build_review(imported(path), WEEK, marketplace="US")
    assert review.value("account_health_rating") is None  # unknown: no KPI, never 0
    assert review.value("policy_items") == 3  # 2 IP complaints + 1 listing violation


def test_a_policy_without_a_window_counts_as_of_the_reports_latest_day(tmp_path, seller):
    def edit(block):
        del block["listingPolicyViolations"]["reportingDateRange"]

    health = read_report(performance(tmp_path, seller, edit)).frame.set_index("metric")
    row = health.loc["listing_policy_violations"]
    assert row.period_start == row.period_end == pd.Timestamp(seller.end)


def test_a_count_that_is_not_a_number_is_refused(tmp_path, seller):
    def edit(block):
        block["listingPolicyViolations"]["defectsCount"] = "many"

    with pytest.raises(ReportError, match="listingPolicyViolations"):
        read_report(performance(tmp_path, seller, edit))


def test_amazons_own_example_has_no_score_and_one_policy(shared_reports):
    health = read_report(shared_reports / "seller-performance-v2.json").frame.set_index("metric")
    assert health.loc[AHR, "status"] == "GREAT"
    assert pd.isna(health.loc[AHR, "value"])  # the example gives a status, no score
    assert health.loc["listing_policy_violations", "value"] == 0


def test_the_rating_and_policy_items_are_judged_by_their_settings_bands(tmp_path, seller):
    store = imported(performance(tmp_path, seller))
    review = build_review(store, WEEK, marketplace="US")
    status = review.kpis.set_index(["scope", "kpi"]).status
    assert review.value("account_health_rating") == AHR_SCORE
    assert status[("account", "account_health_rating")] == "green"  # healthy from 200
    assert review.value("policy_items") == 1
    assert status[("account", "policy_items")] == "red"  # any open item is red
    # The team's bands rule: a rating line raised above the score turns it red.
    settings = Settings.defaults()
    settings.bands[("account_health_rating", "")] = Bands(green_min=300, yellow_min=250)
    review = build_review(store, WEEK, marketplace="US", settings=settings)
    status = review.kpis.set_index(["scope", "kpi"]).status
    assert status[("account", "account_health_rating")] == "red"
    # The corrective-plan rule fires on both, ranked first by policy.
    fired = [s for s in evaluate(review, settings, store.table("inventory")) if s.rule == "R16"]
    assert {"account_health_rating", "policy_items"} <= {s.kpi for s in fired}
    assert all(s.stake.tier == POLICY_TIER and s.stake.money is None for s in fired)


def test_a_store_made_before_these_columns_reads_and_gains_them(tmp_path, seller):
    path = tmp_path / "old.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute('ALTER TABLE account_health DROP COLUMN "value"')
    con.execute('ALTER TABLE inventory DROP COLUMN "ltsf_next_charge"')
    con.close()
    with Store.open(path, read_only=True) as store:  # never writes: the column reads blank
        assert "value" in store.table("account_health").columns
    report = performance(tmp_path, seller)
    with Store.open(path) as store:
        import_reports([report], store=store, marketplace="US", today=TODAY)
        health = store.table("account_health").set_index("metric")
    assert health.loc[AHR, "value"] == AHR_SCORE


# The workbook ------------------------------------------------------------------------------


@pytest.fixture
def workbook(tmp_path, seller):
    """A workspace with the week's Business Report, the planning and performance reports,
    synced to review.xlsx; `sync()` syncs it again (after a Settings edit, say)."""
    ws = init_workspace(tmp_path / "shop")
    inbox = ws.reports
    writers.write_business_asin(inbox / "br.csv", seller, WEEK)
    import_into_workspace(ws, [inbox / "br.csv"], period=WEEK)
    writers.write_planning(inbox / "plan.txt", seller)
    performance(inbox, seller)
    import_into_workspace(ws, [inbox / "plan.txt", inbox / "performance.json"])

    def sync():
        return sync_workbook(ws, period=WEEK, today=TODAY)

    sync()
    return ws, sync


def rows_of(ws) -> dict[str, list]:
    """Column A's text -> the row's cells (the first row of each label)."""
    out: dict[str, list] = {}
    for row in ws.iter_rows():
        if isinstance(row[0].value, str):
            out.setdefault(row[0].value, list(row))
    return out


def settings_row(wb, key: str) -> int:
    return next(r[0].row for r in wb["Settings"].iter_rows() if key_of(r) == key)


def test_account_health_shows_the_rating_and_policies_against_settings(workbook):
    ws, _ = workbook
    wb = load_workbook(ws.workbook)
    health = rows_of(wb["Account health"])
    ahr = health["Account Health Rating"]
    assert ahr[1].value == AHR_SCORE and ahr[1].number_format == "#,##0"
    band = settings_row(wb, "account_health_rating")
    assert f"'Settings'!$D${band}" in ahr[2].value  # the band's green floor: 200
    assert f"'Settings'!$D${band}" in ahr[3].value  # the status reads the same band
    listing = health["Listing policy violations"]
    assert listing[1].value == 1 and listing[5].value == "At risk"
    policy = settings_row(wb, "policy_items")
    assert f"'Settings'!$E${policy}" in listing[3].value
    total = health["Open policy items"]
    first = health["Received intellectual property complaints"][1].row
    last = health["Other policy violations"][1].row
    assert total[1].value == f'=IF(COUNT(B{first}:B{last})=0,"",SUM(B{first}:B{last}))'
    assert f"'Settings'!$E${policy}" in total[3].value
    # Every value and status cell is coloured by its status.
    ranges = {str(cf.sqref) for cf in wb["Account health"].conditional_formatting}
    assert any(f"B5:B{total[1].row}" in r for r in ranges)
    # The Dashboard's block shows the rating and the open items, not each policy.
    texts = {c.value for row in wb["Dashboard"].iter_rows() for c in row}
    assert {"Account Health Rating", "Open policy items"} <= texts
    assert "Listing policy violations" not in texts
