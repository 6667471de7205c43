"""`fupan pull` against the Amazon stand-in: asynchronous collection, failures, throttling,
expired tokens, mislabelled gzip, cp932, a pull killed half-way, and the end-to-end path."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
import requests
from amazon_standin import ADS_APP, PROFILE_US, SP_APP, FakeAmazon, Killed, ManualClock
from fupan.sync.amazon.credentials import AmazonCredentials
from fupan.sync.amazon.http import RetryPolicy
from fupan.sync.amazon.ledger import Ledger
from fupan.sync.amazon.lwa import LwaApp
from fupan.sync.amazon.pull import pull
from fupan.sync.api import init_workspace
from fupan.sync.samples.seller import small_seller

TODAY = date(2026, 11, 17)
NOW = datetime(2026, 11, 17, 6, 0, tzinfo=UTC)
CREDS = AmazonCredentials(LwaApp(*SP_APP), LwaApp(*ADS_APP), {"US": PROFILE_US})
SP_ONLY = AmazonCredentials(LwaApp(*SP_APP), None, {})


@pytest.fixture
def env(tmp_path):
    clock = ManualClock(NOW)
    fake = FakeAmazon(small_seller(date(2026, 11, 16)), clock)
    session = requests.Session()
    fake.mount(session)
    ws = init_workspace(tmp_path / "ws")

    def run(creds=CREDS, **kw):
        kw.setdefault("today", TODAY)
        kw.setdefault("since", date(2026, 11, 10))
        return pull(
            ws,
            credentials=creds,
            session=session,
            clock=clock,
            policy=RetryPolicy(jitter=lambda: 0.5),
            **kw,
        )

    return fake, clock, ws, run


def inbox(ws):
    return sorted(p.name for p in ws.reports.iterdir())


def test_a_pull_requests_collects_and_records_every_report(env):
    fake, _clock, ws, run = env
    result = run()
    assert fake.refused == []
    assert len(result.requested) == len(fake.reports) > 0
    assert result.pending == [] and result.finished_badly == []
    names = inbox(ws)
    assert "sp-sales-traffic-asin-US-2026-11-16.json" in names
    assert "ads-spSearchTerm-US-2026-11-10_2026-11-16.json" in names
    assert "sp-fba-inventory-US-2026-11-17.txt" in names
    assert not any(n.startswith(".") for n in names)
    ledger = Ledger.load(ws.root)
    done = [e for e in ledger.entries if e.state == "done"]
    assert {e.report_id for e in done} == {e.report_id for e in result.collected}
    for e in done:
        data = (ws.root / e.file).read_bytes()
        import hashlib

        assert hashlib.sha256(data).hexdigest() == e.sha256 and len(data) == e.bytes
    # Settlements are listed, never requested, and kept beside the inbox.
    assert [p.parent.name for p in result.settlements] == ["settlements"]
    assert not any(r.report_type.startswith("GET_V2_SETTLEMENT") for r in fake.created())
    # Sales and Traffic by ASIN: one report per day; ads at most 31 days per request.
    asin = [r for r in fake.created("sp") if r.options.get("asinGranularity") == "SKU"]
    assert sorted(r.start for r in asin) == [date(2026, 11, d) for d in range(10, 17)]
    assert all(r.start == r.end for r in asin)


def test_reports_not_ready_are_collected_by_the_next_pull_without_a_new_request(env):
    fake, _clock, ws, run = env
    fake.hold = True
    first = run()
    assert first.collected == [] and len(first.pending) == len(fake.reports)
    assert inbox(ws) == []
    created = len(fake.reports)
    fake.release()
    second = run()
    assert len(fake.reports) == created  # nothing requested twice
    assert {e.report_id for e in second.collected} == {e.report_id for e in first.pending}
    assert second.pending == []


def test_waiting_polls_until_ready_and_never_sleeps_for_real(env):
    fake, clock, _ws, run = env
    fake.hold = True
    start = clock.now()
    # Released while the pull waits: the stand-in's clock says when.
    original = clock.sleep

    def sleep(seconds):
        original(seconds)
        if clock.now() - start >= 60:
            fake.release()

    clock.sleep = sleep
    result = run(wait=120)
    assert result.pending == [] and len(result.collected) == len(fake.reports)
    assert clock.now() - start <= 120


def test_cancelled_and_fatal_reports_are_recorded_with_amazons_reason(env):
    fake, _clock, ws, run = env
    fake.outcomes["GET_SELLER_FEEDBACK_DATA"] = "CANCELLED"
    fake.outcomes["GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA"] = "FATAL"
    fake.outcomes["sbCampaigns"] = "FAILED"
    result = run()
    bad = {e.report_type: e for e in result.finished_badly}
    assert bad["GET_SELLER_FEEDBACK_DATA"].state == "cancelled"
    assert "no data" in bad["GET_SELLER_FEEDBACK_DATA"].message
    assert bad["GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA"].state == "failed"
    assert "date range exceeds" in bad["GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA"].message
    assert "internal error" in bad["sbCampaigns"].message
    assert not any("returns" in n or "feedback" in n or "sbCampaigns" in n for n in inbox(ws))
    # A cancelled report (no data) is not asked for again today.
    again = run()
    assert not any(e.report_type == "GET_SELLER_FEEDBACK_DATA" for e in again.requested)


@pytest.mark.parametrize("retry_after", ["7", None])
def test_throttling_is_retried_with_bounded_backoff(env, retry_after):
    fake, clock, _ws, run = env
    headers = {"Retry-After": retry_after} if retry_after else {}
    fake.faults.extend([(429, headers), (429, headers), (503, {})])
    result = run(creds=SP_ONLY)
    assert result.pending == [] and fake.refused == []
    waits = clock.slept[:3]
    if retry_after:
        assert waits[:2] == [7.0, 7.0]
    else:
        assert waits[:2] == [1.5, 3.0]  # 2 s doubling, equal jitter at 0.5
    assert waits[2] == 6.0


def test_throttling_that_never_ends_gives_up_with_a_message(env):
    fake, clock, ws, run = env
    fake.faults.extend([(429, {})] * 10_000)
    result = run(creds=SP_ONLY)
    assert any("kept answering 429" in n for n in result.notes)
    assert Ledger.load(ws.root).entries == []
    assert max(clock.slept) <= 60.0  # bounded back-off


def test_an_expired_access_token_is_refreshed_once(env):
    fake, _clock, _ws, run = env
    fake.hold = True
    run()
    fake.expire_tokens()  # SP answers 403 "expired", Ads 401
    fake.release()
    lwa_before = fake.count("/auth/o2/token")
    result = run()
    assert result.pending == [] and result.collected
    assert fake.count("/auth/o2/token") - lwa_before == 2  # one per app, not one per call


def test_a_refused_refresh_token_says_to_log_in_again(env):
    _fake, _clock, _ws, run = env
    bad = AmazonCredentials(LwaApp(SP_APP[0], SP_APP[1], "Atzr|revoked"), None, {}, "test")
    with pytest.raises(Exception, match="fupan amazon login") as err:
        run(creds=bad)
    assert "Atzr|revoked" not in str(err.value) and SP_APP[1] not in str(err.value)


@pytest.mark.parametrize("kind", ["fake-gzip", "hidden-gzip"])
def test_gzip_is_found_by_its_magic_bytes_not_the_label(env, kind):
    fake, _clock, ws, run = env
    fake.mislabel["GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA"] = kind
    run(creds=SP_ONLY)
    entry = next(
        e
        for e in Ledger.load(ws.root).entries
        if e.report_type == "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA"
    )
    assert entry.labelled_gzip is (kind == "fake-gzip")
    assert entry.gzipped is (kind == "hidden-gzip")
    data = (ws.root / entry.file).read_bytes()
    assert data[:2] != b"\x1f\x8b" and data.startswith(b"sku\tfnsku\tasin")


def test_a_cp932_document_reaches_the_readers_as_the_same_japanese_text(env):
    from fupan.sync.ingest.readers.base import ReadContext
    from fupan.sync.ingest.registry import read_report

    fake, _clock, ws, run = env
    from fupan.sync.samples.writers import MYI

    values = {
        "sku": "JP-01",
        "fnsku": "X0001",
        "asin": "B0JP000001",
        "product-name": "シリコン製ベーキングマット ①",
        "condition": "New",
        "your-price": "1980",
    }
    row = [values.get(c, "0") for c in MYI]
    text = "\t".join(MYI) + "\n" + "\t".join(row) + "\n"
    fake.override["GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA"] = (
        text.encode("cp932"),
        "text/plain;charset=Shift_JIS",
    )
    run(creds=SP_ONLY)
    entry = next(
        e
        for e in Ledger.load(ws.root).entries
        if e.report_type == "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA"
    )
    assert entry.charset == "cp932"
    result = read_report(ws.root / entry.file, ReadContext(today=date(2026, 11, 25)))
    assert result.frame["title"].tolist() == ["シリコン製ベーキングマット ①"]


def test_a_pull_killed_mid_download_leaves_no_half_file_and_resumes(env):
    fake, _clock, ws, run = env
    fake.kill_download = "GET_FBA_INVENTORY_PLANNING_DATA"
    with pytest.raises(Killed):
        run(creds=SP_ONLY)
    ledger = Ledger.load(ws.root)  # still valid JSON
    pending = [e for e in ledger.entries if e.state == "pending"]
    assert any(e.report_type == "GET_FBA_INVENTORY_PLANNING_DATA" for e in pending)
    assert not any("planning" in n for n in inbox(ws))
    created = len(fake.reports)
    result = run(creds=SP_ONLY)
    assert result.pending == []
    assert any("inventory-planning" in n for n in inbox(ws))
    # Reports requested before the kill were collected, not requested again.
    requested_again = {e.key for e in result.requested} & {e.key for e in pending}
    assert requested_again == set()
    assert len(fake.reports) >= created


def test_a_write_killed_half_way_leaves_only_a_hidden_part_file(env, monkeypatch):
    import os

    from fupan.sync.amazon import inbox as inbox_module

    _fake, _clock, ws, run = env
    real = os.fsync
    calls = {"n": 0}

    def dying_fsync(fd):
        calls["n"] += 1
        if calls["n"] == 3:  # after the ledger's first writes, during a document
            raise Killed("power cut")
        real(fd)

    monkeypatch.setattr(inbox_module.os, "fsync", dying_fsync)
    with pytest.raises(Killed):
        run(creds=SP_ONLY)
    monkeypatch.setattr(inbox_module.os, "fsync", real)
    assert all(not n.endswith(".part") or n.startswith(".") for n in inbox(ws))
    Ledger.load(ws.root)  # readable
    run(creds=SP_ONLY)
    assert not any(n.endswith(".part") for n in inbox(ws))


def test_restated_days_are_pulled_again_on_a_later_day_only(env):
    fake, clock, _ws, run = env
    run(since=None, budget=float("inf"))
    first = len(fake.reports)
    again = run(since=None, budget=float("inf"))  # same day: nothing new to ask for
    assert again.requested == [] and len(fake.reports) == first
    clock.t += 86400
    later = run(since=None, today=date(2026, 11, 18), budget=float("inf"))
    ads = [e for e in later.requested if e.api == "ads"]
    assert {(e.start, e.end) for e in ads} == {("2026-11-04", "2026-11-17")}
    asin = sorted(
        e.start
        for e in later.requested
        if e.report_type == "GET_SALES_AND_TRAFFIC_REPORT" and e.start == e.end
    )
    assert asin == ["2026-11-15", "2026-11-16", "2026-11-17"]


def test_a_rate_limit_budget_defers_requests_to_the_next_pull(env):
    fake, _clock, _ws, run = env
    result = run(creds=SP_ONLY, since=date(2026, 10, 1), budget=0.0)
    assert result.deferred > 0
    assert len(fake.created("sp")) == 15  # createReport's burst
    assert "rate limit" in result.describe()


def test_ads_documents_are_gzip_json_and_land_as_plain_json(env):
    _fake, _clock, ws, run = env
    run()
    path = next(ws.reports.glob("ads-spCampaigns-*.json"))
    rows = json.loads(path.read_bytes())
    assert rows and {"campaignName", "cost", "sales7d", "date"} <= set(rows[0])
    (entry,) = [e for e in Ledger.load(ws.root).entries if e.file.endswith(path.name)]
    assert entry.gzipped  # the stand-in served gzip; the inbox holds the JSON itself


def test_the_excel_button_pulls_then_refreshes_when_amazon_is_set_up(env, monkeypatch):
    import fupan
    from excel_standin import FakeBook
    from fupan.sync.amazon import credentials
    from fupan.sync.flows import pull as refresh

    _fake, _clock, ws, run = env
    monkeypatch.setattr(credentials, "load", lambda **kw: CREDS)
    monkeypatch.setattr(refresh, "pull", lambda workspace, **kw: run(**kw))
    monkeypatch.setenv("FUPAN_TODAY", str(TODAY))
    book = FakeBook(str(ws.workbook))
    fupan.main(book)
    assert "collected" in book.alerts[-1] and "red" in book.alerts[-1], book.alerts
    assert "Sales by ASIN" in [s.name for s in book._sheets]
    assert any(n.startswith("sp-sales-traffic-asin") for n in inbox(ws))
