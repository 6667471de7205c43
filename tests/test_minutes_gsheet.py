"""Minutes of a meeting held on the Google Sheet, with a dated Drive copy as the snapshot."""

from __future__ import annotations

import copy
from datetime import date

import google.oauth2.credentials
import pytest
from conftest import own_copy
from fupan.addin.registry import KPIS
from fupan.sync.errors import TargetError
from fupan.sync.flows.demo import run_demo
from fupan.sync.flows.minutes import write_minutes
from fupan.sync.i18n import t
from fupan.sync.targets.gsheets.auth import open_client
from fupan.sync.targets.gsheets.http import BoundedRetryClient
from fupan.sync.targets.gsheets.target import GSheetsTarget
from google_standin import BOT, FakeGoogle

pytestmark = pytest.mark.slow  # builds the demo in both languages, with Google

TODAY = date(2026, 11, 25)
MEETING = date(2026, 11, 23)
FOLDER = "0AFupanSharedDriveFolder"


def _client(fake: FakeGoogle):
    client = open_client(google.oauth2.credentials.Credentials(token="t"))
    http = client.http_client
    assert isinstance(http, BoundedRetryClient)
    http._sleep = lambda seconds: None
    fake.mount(client.http_client.session)
    return client


@pytest.fixture(scope="module", params=["en", "zh"])
def built(request, tmp_path_factory):
    fake = FakeGoogle()
    fake.shared_drive_folder(FOLDER, {BOT})
    sid = fake.create_spreadsheet("Weekly review")
    folder = tmp_path_factory.mktemp(f"gminutes-{request.param}")
    demo = run_demo(
        folder / "ws", lang=request.param, today=TODAY, gsheet=GSheetsTarget(sid, _client(fake))
    )
    return fake, sid, demo


@pytest.fixture
def meeting(built, tmp_path):
    """Each test gets its own copy of the Google side and of the workspace."""
    fake, sid, demo = built
    fake = copy.deepcopy(fake)
    return fake, sid, _client(fake), own_copy(demo, tmp_path)


def test_minutes_of_the_google_sheet_cover_reds_overdue_and_owners(meeting):
    fake, sid, client, demo = meeting
    ws = demo.workspace
    sheet = GSheetsTarget(sid, client, lease=False)
    path, m = write_minutes(ws, gsheet=sheet, today=MEETING, snapshot_folder=FOLDER)
    text = path.read_text(encoding="utf-8")
    review = demo.sync.review
    reds = review.kpis[(review.kpis.status == "red") & (review.kpis.scope == "account")]
    assert not reds.empty
    for r in reds.itertuples():
        assert (KPIS[r.kpi].name_zh if ws.language == "zh" else KPIS[r.kpi].name_en) in text
    overdue = [o for o in m.previous if o.outcome == "overdue"]
    assert overdue and m.overdue == len(overdue)
    for o in m.previous:
        assert o.action.id in text and o.action.owner in text and str(o.action.due) in text
    # The snapshot is a copy in Drive, in the Shared Drive folder, linked from the minutes.
    copies = [b for k, b in fake.books.items() if k != sid]
    assert [b.title for b in copies] == [f"Weekly review {MEETING}"]
    copy_id = copies[0].spreadsheet_id
    assert fake.files[copy_id].parents == [FOLDER]
    assert m.snapshot == f"https://docs.google.com/spreadsheets/d/{copy_id}" and m.snapshot in text
    assert [s.title for s in copies[0].sheets] == [s.title for s in fake.book(sid).sheets]


def test_the_next_minutes_read_the_last_copy_and_say_what_changed(meeting):
    _fake, sid, client, demo = meeting
    ws = demo.workspace
    write_minutes(
        ws, gsheet=GSheetsTarget(sid, client, lease=False), today=MEETING, snapshot_folder=FOLDER
    )
    actions = client.open_by_key(sid).worksheet(demo.sync.plan.sheet("actions").title)
    grid = actions.get_all_values()
    status = grid[2].index("status") + 1
    for n, row in enumerate(grid[4:], 5):
        if row[status - 1] == t("status_open", ws.language):  # the team closes actions
            actions.update_cell(n, status, t("status_done", ws.language))
    path, m = write_minutes(
        ws,
        gsheet=GSheetsTarget(sid, client, lease=False),
        today=date(2026, 11, 30),
        snapshot_folder=FOLDER,
    )
    assert m.since is not None and m.since[0] == MEETING
    assert any(c.was == "open" and c.action.status == "done" for c in m.since[1])
    said = f"{t('status_open', ws.language)} → {t('status_done', ws.language)}"  # 待处理 → 已完成
    assert said in path.read_text(encoding="utf-8")


def test_a_service_account_without_a_shared_drive_folder_is_told_what_to_do(meeting, tmp_path):
    _fake, sid, client, demo = meeting
    with pytest.raises(TargetError, match="Shared Drive"):
        write_minutes(
            demo.workspace,
            gsheet=GSheetsTarget(sid, client, lease=False),
            today=MEETING,
            out=tmp_path / "m.md",
        )
    assert not (tmp_path / "m.md").exists()  # no minutes pointing at a snapshot that is not there
