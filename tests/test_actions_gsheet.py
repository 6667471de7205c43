"""The action tracker in two-way sync between the .xlsx workbook and a shared Google Sheet."""

from __future__ import annotations

from datetime import date

import pytest
from fupan.sync.actions.sheets import without_marker
from fupan.sync.errors import ActionSyncError
from fupan.sync.flows import actions as action_sync
from fupan.sync.flows.actions import sync_actions
from fupan.sync.i18n import t
from fupan.sync.targets.gsheets.target import GSheetsTarget
from settings_keys import key_of
from test_actions_sync import TODAY, rows, set_cell
from test_actions_sync import pair as xlsx_pair  # noqa: F401  (the workbook side's fixture)


@pytest.fixture
def shared(fake_google, gclient, xlsx_pair):  # noqa: F811
    ws, _ = xlsx_pair
    sid = fake_google.create_spreadsheet("Team tracker")
    target = GSheetsTarget(sid, gclient)
    sync_actions(ws, target, today=TODAY)
    return ws, target, gclient.open_by_key(sid)


def google_rows(sheet, title="Actions"):
    grid = sheet.worksheet(title).get_all_values(value_render_option="UNFORMATTED_VALUE")
    return {r[0]: r for r in grid[4:] if r and r[0]}


def type_in_google(sheet, row_id, column, value, title="Actions"):
    """A person edits a cell in the browser (USER_ENTERED, like typing)."""
    ws = sheet.worksheet(title)
    grid = ws.get_all_values()
    col = grid[2].index(column) + 1
    row = next(n for n, r in enumerate(grid, 1) if r and r[0] == row_id)
    ws.update_cell(row, col, value)


def test_first_sync_fills_the_google_sheet_with_the_workbooks_actions(shared):
    ws, _, sheet = shared
    assert set(google_rows(sheet)) == set(rows(ws.workbook)) == {"A-0001", "A-0002"}
    titles = [w.title for w in sheet.worksheets()]
    assert titles[:3] == ["Actions", "Conflicts", "Archive"] and "Sheet1" not in titles


def test_edits_on_both_sides_merge_and_both_values_of_a_conflict_stay_visible(shared):
    ws, target, sheet = shared
    set_cell(ws.workbook, "Actions", "A-0001", "status", "done")
    type_in_google(sheet, "A-0001", "owner", "Chen")
    set_cell(ws.workbook, "Actions", "A-0002", "owner", "Wang")
    type_in_google(sheet, "A-0002", "owner", "Zhao")
    result = sync_actions(ws, target, today=TODAY)
    assert [(c.id, c.field) for c in result.conflicts] == [("A-0002", "owner")]
    g, x = google_rows(sheet), rows(ws.workbook)
    for r in (g["A-0001"], x["A-0001"]):
        assert r[11] == "done" and r[9] == "Chen"
    assert google_rows(sheet, "Conflicts")["A-0002"][1:4] == [t("owner", "en"), "Wang", "Zhao"]
    assert rows(ws.workbook, "Conflicts")["A-0002"][1:4] == [t("owner", "en"), "Wang", "Zhao"]
    again = sync_actions(ws, target, today=TODAY)
    assert not again.merge.updated and not again.merge.added


def test_a_row_deleted_in_the_google_sheet_is_archived_on_both_sides(shared):
    ws, target, sheet = shared
    actions = sheet.worksheet("Actions")
    row = next(n for n, r in enumerate(actions.get_all_values(), 1) if r and r[0] == "A-0002")
    actions.delete_rows(row)
    sync_actions(ws, target, today=TODAY)
    assert set(google_rows(sheet)) == set(rows(ws.workbook)) == {"A-0001"}
    assert set(google_rows(sheet, "Archive")) == set(rows(ws.workbook, "Archive")) == {"A-0002"}


def test_a_row_typed_in_the_google_sheet_gets_an_id_never_used_before(shared):
    ws, target, sheet = shared
    actions = sheet.worksheet("Actions")
    actions.append_row(
        ["", "", "", "manual", "account", "", "ODR up", "", "Appeal", "Li", "2026-11-30", "open"],
        value_input_option="USER_ENTERED",
    )
    sync_actions(ws, target, today=TODAY)
    assert set(google_rows(sheet)) == set(rows(ws.workbook)) == {"A-0001", "A-0002", "A-0003"}
    assert rows(ws.workbook)["A-0003"][10].date() == date(2026, 11, 30)


def test_a_killed_sync_is_repaired_by_the_next(shared, monkeypatch):
    ws, target, sheet = shared
    type_in_google(sheet, "A-0001", "status", "in progress")
    set_cell(ws.workbook, "Actions", "A-0002", "status", "done")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("fupan.sync.flows.actions.refresh_review", killed)
    with pytest.raises(KeyboardInterrupt):
        sync_actions(ws, target, today=TODAY)  # the Google Sheet is written, the workbook not
    monkeypatch.undo()
    set_cell(ws.workbook, "Actions", "A-0001", "result", "booked")  # edited meanwhile
    sync_actions(ws, target, today=TODAY)
    for r in (google_rows(sheet), rows(ws.workbook)):
        assert r["A-0001"][11] == "in progress" and r["A-0001"][14] == "booked"
        assert r["A-0002"][11] == "done"


def test_an_edit_made_in_the_google_sheet_during_the_sync_is_kept(shared, monkeypatch):
    ws, target, sheet = shared
    real = action_sync.read_tracker
    typed = []

    def read_then_someone_types(t):
        tracker = real(t)
        if isinstance(t, GSheetsTarget) and not typed:
            type_in_google(sheet, "A-0001", "owner", "Someone else")
            typed.append(t)
        return tracker

    monkeypatch.setattr(action_sync, "read_tracker", read_then_someone_types)
    # The write notices the edit, nothing is written, and the sync starts again from a
    # fresh read: the edit reaches the workbook in the same run.
    sync_actions(ws, target, today=TODAY)
    assert typed
    assert google_rows(sheet)["A-0001"][9] == "Someone else"
    assert rows(ws.workbook)["A-0001"][9] == "Someone else"


def test_a_google_sheet_edited_on_every_try_is_never_overwritten(shared, monkeypatch):
    ws, target, sheet = shared
    real = action_sync.read_tracker
    typed = []

    def read_then_someone_types(t):
        tracker = real(t)
        if isinstance(t, GSheetsTarget):
            typed.append(f"Someone else {len(typed)}")
            type_in_google(sheet, "A-0001", "owner", typed[-1])
        return tracker

    monkeypatch.setattr(action_sync, "read_tracker", read_then_someone_types)
    with pytest.raises(ActionSyncError, match="was changed while the sync was running"):
        sync_actions(ws, target, today=TODAY)
    monkeypatch.undo()
    assert len(typed) == action_sync.ATTEMPTS
    assert google_rows(sheet)["A-0001"][9] == typed[-1]
    sync_actions(ws, target, today=TODAY)
    assert rows(ws.workbook)["A-0001"][9] == typed[-1]


def test_two_syncs_of_the_same_google_tracker_never_interleave(shared, gclient):
    from fupan.sync.errors import LeaseError

    ws, target, _ = shared
    other = GSheetsTarget(target.key, gclient, who="colleague@laptop")
    other.sheet_titles()  # a colleague's sync holds the tracker
    with pytest.raises(LeaseError, match="colleague@laptop"):
        sync_actions(ws, target, today=TODAY)
    other.close()


def test_a_sync_with_the_google_side_takes_few_requests(shared, fake_google):
    ws, target, _ = shared
    fake_google.log.clear()
    sync_actions(ws, target, today=TODAY)
    # lease, metadata, read tabs, re-read to check for edits (twice), one write
    assert len(fake_google.log) <= 6, [(e.method, e.path) for e in fake_google.log]


def test_fupan_sync_also_syncs_a_google_tracker_named_in_settings(shared, monkeypatch):
    import fupan.sync.targets.gsheets.connect as google
    from fupan.sync.flows.sync import sync_workbook
    from openpyxl import load_workbook

    ws, target, sheet = shared
    opened = []

    def open_gsheet(url, **kwargs):
        opened.append((url, kwargs.get("credentials")))
        return target.reopen()

    monkeypatch.setattr(google, "open_gsheet", open_gsheet)
    wb = load_workbook(ws.workbook)
    for r in wb["Settings"].iter_rows():
        if key_of(r) == "shared_tracker":
            r[2].value = f"https://docs.google.com/spreadsheets/d/{target.key}/edit"
    wb.save(ws.workbook)
    type_in_google(sheet, "A-0002", "status", "done")
    result = sync_workbook(ws, today=TODAY, credentials="key.json")
    assert result.actions is not None and result.actions.merge.updated == ["A-0002"]
    assert rows(ws.workbook)["A-0002"][11] == "done"
    assert opened == [(f"https://docs.google.com/spreadsheets/d/{target.key}/edit", "key.json")]


# Random edits on both sides, syncs in between, through the real files and the stand-in ------

from hypothesis import HealthCheck, Phase, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EDITS = st.lists(
    st.tuples(
        st.sampled_from(["xlsx", "google"]),
        st.sampled_from(["set", "set", "add", "delete", "sync"]),
        st.sampled_from(["A-0001", "A-0002"]),
        st.sampled_from(["owner", "status", "result"]),
        st.sampled_from(["Li", "Chen", "done", "in progress", "booked"]),
    ),
    min_size=1,
    max_size=8,
)


def _edit_xlsx(path, op, row_id, field, value):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    sheet = wb["Actions"]
    if op == "add":
        sheet.append(
            [None, None, None, "manual", "account", "", "p", "", value, "Li", None, "open"]
        )
    else:
        for r in sheet.iter_rows(min_row=5):
            if r[0].value == row_id:
                if op == "delete":
                    sheet.delete_rows(r[0].row)
                else:
                    col = [c.value for c in sheet[3]].index(field) + 1
                    sheet.cell(r[0].row, col, value)
                break
    wb.save(path)


def _edit_google(sheet, op, row_id, field, value):
    actions = sheet.worksheet("Actions")
    grid = actions.get_all_values()
    if op == "add":
        actions.append_row(["", "", "", "manual", "account", "", "p", "", value, "Li", "", "open"])
        return
    found = [n for n, r in enumerate(grid, 1) if r and r[0] == row_id]
    if not found:
        return
    if op == "delete":
        actions.delete_rows(found[0])
    else:
        actions.update_cell(found[0], grid[2].index(field) + 1, value)


COL = {"owner": 9, "status": 11, "result": 14}


# Each example runs real syncs (seconds each): no shrinking, which would take many minutes;
# the merge's own property test (test_actions_merge.py) shrinks its failures in milliseconds.
@settings(
    max_examples=6,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=EDITS)
# Found by this test: typing the value a cell already holds is no edit, so the other side's
# change wins without a conflict.
@example(
    edits=[("xlsx", "set", "A-0001", "owner", "Li"), ("google", "set", "A-0001", "owner", "done")]
)
@pytest.mark.slow  # a property test over many edits
def test_random_edits_on_both_sides_lose_nothing(shared, fake_google, edits):
    ws, target, sheet = shared
    seen = set(rows(ws.workbook))
    pending: dict[tuple[str, str, str], str] = {}  # (side, id, field) -> value typed
    for side, op, row_id, field, value in [*edits, ("xlsx", "sync", "", "", "")]:
        fake_google.advance(60)  # people type slower than Google's per-minute quota
        if op == "sync":
            result = sync_actions(ws, target, today=TODAY)
            x, g = rows(ws.workbook), google_rows(sheet)
            assert set(x) == set(g), "both sides hold the same rows after a sync"
            archived = set(rows(ws.workbook, "Archive"))
            assert archived == set(google_rows(sheet, "Archive"))
            seen |= set(x)
            assert seen <= set(x) | archived, "no row disappears except into the Archive"
            conflicts = {(c.id, c.field): (c.workbook, c.shared) for c in result.conflicts}
            for (_, rid, fld), typed in pending.items():
                if rid in archived:
                    continue
                final = without_marker(x[rid][COL[fld]])  # the row's conflict flag aside
                assert final == typed or typed in conflicts.get((rid, fld), ()), (rid, fld)
            pending.clear()
        elif side == "xlsx":
            before = rows(ws.workbook).get(row_id)
            _edit_xlsx(ws.workbook, op, row_id, field, value)
            if op == "set" and before is not None and before[COL[field]] != value:
                pending[("xlsx", row_id, field)] = value  # typing the same value edits nothing
        else:
            before = google_rows(sheet).get(row_id)
            _edit_google(sheet, op, row_id, field, value)
            if op == "set" and before is not None and before[COL[field]] != value:
                pending[("google", row_id, field)] = value
