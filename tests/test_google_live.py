"""Opt-in check against real Google (never in CI): the demo review into a real sheet.

Set FUPAN_LIVE_SHEET to a sheet shared with your identity, and credentials as for
`fupan sync --gsheet` (FUPAN_GOOGLE_CREDENTIALS, or `fupan auth login`). Then run
`pytest tests/test_google_live.py`. It rewrites that sheet: use a scratch one.
"""

from __future__ import annotations

import os
from datetime import date

import pytest
from fupan.sync.flows.demo import run_demo
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.targets.gsheets.connect import open_gsheet

SHEET = os.environ.get("FUPAN_LIVE_SHEET")
TODAY = date(2026, 11, 23)

pytestmark = pytest.mark.skipif(
    not SHEET, reason="set FUPAN_LIVE_SHEET (and Google credentials) to check against Google"
)


def test_the_demo_review_lands_in_a_real_google_sheet(tmp_path):
    target = open_gsheet(SHEET)
    result = run_demo(tmp_path / "live", today=TODAY, gsheet=target)
    again = open_gsheet(SHEET)
    titles = again.sheet_titles()
    assert [s.title for s in result.sync.plan.sheets] == titles[: len(result.sync.plan.sheets)]
    assert again.read_state()["period"] == str(result.sync.review.period)
    again.close()
    assert len(target.exchanges) <= 5
    # Nothing changed: real Google keeps every value and formula as fupan wrote it (pasted
    # formulas read back as formulas) and echoes each format as fupan drew it, so the
    # fingerprints and looks hold and no tab is sent again: only the lease and its release
    # (577 bytes on the stand-in), not even a small tab.
    second = open_gsheet(SHEET)
    sync_workbook(result.workspace, target=second, today=TODAY)
    sent = sum(e.body_bytes for e in second.exchanges)
    assert sent <= 0.10 * sum(e.body_bytes for e in target.exchanges), second.exchanges
    assert sent < 2_000, second.exchanges
