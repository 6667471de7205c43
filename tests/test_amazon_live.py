"""Opt-in check against the real Amazon APIs (never in CI).

Set the credentials as for a scheduled pull (FUPAN_SP_CLIENT_ID, FUPAN_SP_CLIENT_SECRET,
FUPAN_SP_REFRESH_TOKEN; optionally FUPAN_ADS_* and FUPAN_ADS_PROFILES) and FUPAN_LIVE_AMAZON=1,
then run `pytest tests/test_amazon_live.py`. It requests real reports for yesterday into a
temporary workspace.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest
from fupan.sync.amazon.pull import pull
from fupan.sync.api import init_workspace

pytestmark = pytest.mark.skipif(
    not (os.environ.get("FUPAN_LIVE_AMAZON") and os.environ.get("FUPAN_SP_REFRESH_TOKEN")),
    reason="set FUPAN_LIVE_AMAZON=1 and the FUPAN_SP_* credentials to check against Amazon",
)


def test_a_real_pull_requests_and_records_reports(tmp_path):
    ws = init_workspace(tmp_path / "live", marketplace=os.environ.get("FUPAN_LIVE_MARKET", "US"))
    today = date.today()  # a live check runs on the real day
    result = pull(ws, today=today, since=today - timedelta(days=1), wait=120, budget=120)
    assert result.requested or result.collected
    assert not any(e.state == "failed" for e in result.finished_badly), result.describe()
