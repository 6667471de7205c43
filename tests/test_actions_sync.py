"""xlsx <-> xlsx tracker sync: edits on both sides, conflicts, archive, a killed sync."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from fupan.addin.registry import Scope
from fupan.sync.api import import_into_workspace, init_workspace
from fupan.sync.cli.app import cli
from fupan.sync.errors import ActionSyncError
from fupan.sync.flows import actions as action_sync
from fupan.sync.flows.actions import sync_actions
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.i18n import t
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from openpyxl import load_workbook
from settings_keys import key_of

pytestmark = pytest.mark.dates  # uses the run's day: CI runs it under other dates too

WEEK = Period.parse("2026-11-16..2026-11-22")
TODAY = date(2026, 11, 23)


@pytest.fixture
def pair(tmp_path, seller):
    ws = init_workspace(tmp_path / "shop")
    path = writers.write_business_asin(ws.reports / "br.csv", seller, WEEK)
    import_into_workspace(ws, [path], period=WEEK)
    sync_workbook(ws, period=WEEK, today=TODAY)
    wb = load_workbook(ws.workbook)
    for owner, action in (("Li", "Air freight 600 units"), ("Zhang", "New main image")):
        wb["Actions"].append(
            [
                None,
                None,
                None,
                "manual",
                "asin",
                "B0X",
                "p",
                "",
                action,
                owner,
                date(2026, 11, 28),
                "open",
            ]
        )
    wb.save(ws.workbook)
    shared = tmp_path / "team-tracker.xlsx"
    sync_actions(ws, shared, today=TODAY)
    return ws, shared


def rows(path, title="Actions"):
    ws = load_workbook(path)[title]
    return {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=5) if r[0].value}


def set_cell(path, title, row_id, column, value):
    wb = load_workbook(path)
    ws = wb[title]
    col = [c.value for c in ws[3]].index(column) + 1
    for r in ws.iter_rows(min_row=5):
        if r[0].value == row_id:
            ws.cell(r[0].row, col, value)
    wb.save(path)


def test_first_sync_creates_the_shared_tracker_with_the_same_rows(pair):
    ws, shared = pair
    assert set(rows(shared)) == set(rows(ws.workbook)) == {"A-0001", "A-0002"}


def test_edits_on_both_sides_merge_and_conflicts_are_listed(pair):
    ws, shared = pair
    set_cell(ws.workbook, "Actions", "A-0001", "status", "done")
    set_cell(shared, "Actions", "A-0001", "owner", "Chen")
    set_cell(ws.workbook, "Actions", "A-0002", "owner", "Wang")
    set_cell(shared, "Actions", "A-0002", "owner", "Zhao")
    result = sync_actions(ws, shared, today=TODAY)
    assert [(c.id, c.field) for c in result.conflicts] == [("A-0002", "owner")]
    for path in (ws.workbook, shared):
        r = rows(path)
        assert r["A-0001"][11] == "done" and r["A-0001"][9] == "Chen"
        assert r["A-0002"][9] == "Wang"
        conflicts = rows(path, {ws.workbook: "Conflicts", shared: "Conflicts"}[path])
        # The field as the Actions header names it, never its key (owner).
        assert conflicts["A-0002"][1:4] == [t("owner", "en"), "Wang", "Zhao"]
    # Nothing changed since: a second sync changes nothing, and reads the conflict back.
    again = sync_actions(ws, shared, today=TODAY)
    assert not again.merge.updated and not again.merge.added
    assert [(c.id, c.field) for c in again.conflicts] == [("A-0002", "owner")]


def test_deleted_row_goes_to_the_archive_on_both_sides(pair):
    ws, shared = pair
    wb = load_workbook(shared)
    sheet = wb["Actions"]
    for r in sheet.iter_rows(min_row=5):
        if r[0].value == "A-0002":
            sheet.delete_rows(r[0].row)
            break
    wb.save(shared)
    sync_actions(ws, shared, today=TODAY)
    for path in (ws.workbook, shared):
        assert set(rows(path)) == {"A-0001"}
        assert set(rows(path, "Archive")) == {"A-0002"}


def test_rows_typed_without_id_on_both_sides_get_distinct_ids(pair):
    ws, shared = pair
    for path in (ws.workbook, shared):
        wb = load_workbook(path)
        wb["Actions"].append(
            [None, None, None, "manual", "account", "", "p", "", path.name, "Li", None, "open"]
        )
        wb.save(path)
    sync_actions(ws, shared, today=TODAY)
    assert set(rows(ws.workbook)) == set(rows(shared)) == {"A-0001", "A-0002", "A-0003", "A-0004"}


def test_a_killed_sync_is_repaired_by_the_next(pair, monkeypatch):
    ws, shared = pair
    set_cell(shared, "Actions", "A-0001", "status", "in progress")
    set_cell(ws.workbook, "Actions", "A-0002", "status", "done")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("fupan.sync.flows.actions.refresh_review", killed)
    with pytest.raises(KeyboardInterrupt):
        sync_actions(ws, shared, today=TODAY)  # the shared file is written, the workbook not
    monkeypatch.undo()
    set_cell(ws.workbook, "Actions", "A-0001", "result", "booked")  # edited meanwhile
    sync_actions(ws, shared, today=TODAY)
    for path in (ws.workbook, shared):
        r = rows(path)
        assert r["A-0001"][11] == "in progress" and r["A-0001"][14] == "booked"
        assert r["A-0002"][11] == "done"


def _type(path, text):
    wb = load_workbook(path)
    wb["Actions"].append(
        [None, None, None, "manual", "account", "", "p", "", text, "Li", None, "open"]
    )
    wb.save(path)


@pytest.mark.parametrize("stop", ["after the shared tracker", "after the workbook"])
def test_a_sync_stopped_between_its_writes_is_repaired_without_duplicates(pair, monkeypatch, stop):
    ws, shared = pair
    _type(ws.workbook, "typed in the workbook")
    _type(shared, "typed in the shared tracker")
    wb = load_workbook(shared)
    sheet = wb["Actions"]
    for r in sheet.iter_rows(min_row=5):
        if r[0].value == "A-0002":
            sheet.delete_rows(r[0].row)
            break
    wb.save(shared)
    set_cell(ws.workbook, "Actions", "A-0001", "owner", "Wang")
    set_cell(shared, "Actions", "A-0001", "owner", "Zhao")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    if stop == "after the shared tracker":
        monkeypatch.setattr("fupan.sync.flows.actions.refresh_review", killed)
    else:  # the third write: the workbook's new row into the shared tracker
        real, calls = action_sync._write, []

        def second_write_killed(*args, **kwargs):
            calls.append(args)
            if len(calls) == 2:
                raise KeyboardInterrupt
            return real(*args, **kwargs)

        monkeypatch.setattr(action_sync, "_write", second_write_killed)
    with pytest.raises(KeyboardInterrupt):
        sync_actions(ws, shared, today=TODAY)
    monkeypatch.undo()
    sync_actions(ws, shared, today=TODAY)  # the next run repairs
    ids = {}
    for path in (ws.workbook, shared):
        by_text = {}
        for i, r in rows(path).items():
            by_text.setdefault(r[8], []).append(i)
        assert len(by_text["typed in the workbook"]) == 1, by_text
        assert len(by_text["typed in the shared tracker"]) == 1, by_text
        ids[path] = by_text
        assert "A-0002" not in rows(path) and "A-0002" in rows(path, "Archive")
        assert rows(path, "Conflicts")["A-0001"][1:4] == [t("owner", "en"), "Wang", "Zhao"]
    assert ids[ws.workbook] == ids[shared]  # the same ids on both sides
    # Ids are claimed once: none handed out twice, whatever the stop burnt.
    wanted = {"typed in the workbook", "typed in the shared tracker"}
    new = [i for text, found in ids[shared].items() if text in wanted for i in found]
    assert len(set(new)) == 2 and not set(new) & {"A-0001", "A-0002"}


def test_a_file_changed_during_the_sync_is_not_overwritten(pair, monkeypatch):
    ws, shared = pair
    real = action_sync.read_tracker

    def read_then_edit(target):
        tracker = real(target)
        if target.path == shared:
            set_cell(shared, "Actions", "A-0001", "owner", "Someone else")
        return tracker

    monkeypatch.setattr(action_sync, "read_tracker", read_then_edit)
    with pytest.raises(ActionSyncError, match="was changed while the sync was running"):
        sync_actions(ws, shared, today=TODAY)
    assert rows(shared)["A-0001"][9] == "Someone else"


def test_cli_dry_run(pair):
    ws, shared = pair
    set_cell(shared, "Actions", "A-0001", "owner", "Chen")
    before = shared.read_bytes()
    r = CliRunner().invoke(
        cli,
        ["actions", "sync", "--workbook", str(ws.workbook), "--shared", str(shared), "--dry-run"],
    )
    assert r.exit_code == 0, r.output
    assert "Dry run, nothing written: 0 added, 1 updated, 0 conflict(s), 0 archived" in r.output
    assert shared.read_bytes() == before


def test_sync_also_syncs_the_tracker_named_in_settings(pair):
    ws, shared = pair
    wb = load_workbook(ws.workbook)
    settings = wb["Settings"]
    for r in settings.iter_rows():
        if key_of(r) == "shared_tracker":
            r[2].value = f"../{shared.name}"  # relative to the workbook's folder
    wb.save(ws.workbook)
    set_cell(shared, "Actions", "A-0002", "status", "done")
    result = sync_workbook(ws, today=TODAY)
    assert result.actions is not None and result.actions.merge.updated == ["A-0002"]
    assert rows(ws.workbook)["A-0002"][11] == "done"


def test_an_edit_saved_between_the_review_and_the_tracker_sync_is_merged(pair, monkeypatch):
    ws, shared = pair
    wb = load_workbook(ws.workbook)
    for r in wb["Settings"].iter_rows():
        if key_of(r) == "shared_tracker":
            r[2].value = f"../{shared.name}"
    wb.save(ws.workbook)
    real, typed = action_sync.read_tracker, []

    def someone_saves_first(target):
        if getattr(target, "path", None) == ws.workbook and not typed:
            _type(ws.workbook, "typed after the review was written")  # before fupan reads it
            typed.append(target)
        return real(target)

    monkeypatch.setattr(action_sync, "read_tracker", someone_saves_first)
    sync_workbook(ws, today=TODAY)  # writes the review, then syncs the tracker
    for path in (ws.workbook, shared):
        texts = [r[8] for r in rows(path).values()]
        assert texts.count("typed after the review was written") == 1


def test_open_actions_show_the_kpi_now(tmp_path, seller):
    ws = init_workspace(tmp_path / "shop")
    path = writers.write_business_asin(ws.reports / "br.csv", seller, WEEK)
    import_into_workspace(ws, [path], period=WEEK)
    sync_workbook(ws, period=WEEK, today=TODAY)
    asin = seller.catalogue.child_asin[2]
    wb = load_workbook(ws.workbook)
    wb["Actions"].append(
        [
            None,
            None,
            None,
            "R8",
            "asin",
            asin,
            "CVR low",
            "",
            "New images",
            "Li",
            date(2026, 11, 28),
            "open",
            0.05,
        ]
    )
    wb.save(ws.workbook)
    result = sync_workbook(ws, today=TODAY)
    row = rows(ws.workbook)["A-0001"]
    assert row[12] == 0.05
    assert row[13] == pytest.approx(result.review.value("cvr", Scope.ASIN, asin))
