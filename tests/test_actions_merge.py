"""Property tests of the tracker merge: random edits on both sides, syncs in between."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

from fupan.sync.actions.merge import Side, merge
from fupan.sync.actions.model import Action
from hypothesis import given, settings
from hypothesis import strategies as st

FIELDS = ("owner", "status", "action", "due")
VALUES = {
    "owner": st.sampled_from(["Li", "Zhang", "Chen", ""]),
    "status": st.sampled_from(["open", "in progress", "done", "dropped"]),
    "action": st.text(alphabet="abc 补货", max_size=6),
    "due": st.sampled_from([None, date(2026, 11, 20), date(2026, 12, 1)]),
}

edit = st.one_of(
    st.tuples(
        st.just("set"),
        st.sampled_from("LR"),
        st.integers(0, 30),
        st.sampled_from(FIELDS),
        st.data(),
    ),
    st.tuples(st.just("add"), st.sampled_from("LR"), st.integers(0, 0), st.just(""), st.none()),
    st.tuples(st.just("delete"), st.sampled_from("LR"), st.integers(0, 30), st.just(""), st.none()),
    st.tuples(st.just("sync"), st.just("L"), st.integers(0, 0), st.just(""), st.none()),
)


class World:
    def __init__(self) -> None:
        self.sides = {"L": Side({}, {}), "R": Side({}, {})}
        self.counter = 0
        self.pending: list[tuple[str, str, str, object]] = []  # edits since the last sync
        self.ever: set[str] = set()

    def sync(self) -> None:
        # A row counts once a sync has seen it (one typed and deleted in between never existed).
        self.ever |= set(self.sides["L"].rows) | set(self.sides["R"].rows)
        result = merge(self.sides["L"], self.sides["R"])
        gen = max(s.generation for s in self.sides.values()) + 1
        for s in self.sides.values():
            s.rows = copy.deepcopy(result.rows)
            s.snapshot = copy.deepcopy(result.rows)
            s.archive = copy.deepcopy(result.archive)
            s.generation = gen
        # Every edit survives: as the final value, as a recorded conflict, or in the archive.
        for side, i, name, value in self.pending:
            row = result.rows.get(i) or result.archive.get(i)
            assert row is not None, f"row {i} disappeared"
            if getattr(row, name) == value:
                continue
            blank = None if value == "" else value  # an emptied cell is recorded as blank
            assert any(
                c.id == i and c.field == name and blank in (c.workbook, c.shared)
                for c in result.conflicts
            ), (side, i, name, value)
        self.pending.clear()
        assert self.ever <= set(result.rows) | set(result.archive)
        assert self.sides["L"].rows == self.sides["R"].rows

    def apply(self, op, side, n, name, data) -> None:
        rows = self.sides[side].rows
        if op == "sync":
            self.sync()
        elif op == "add":
            self.counter += 1
            i = f"A-{self.counter:04d}"
            rows[i] = Action(id=i, created=date(2026, 11, 1), owner="Li", problem="p")
            self.pending += [(side, i, "owner", "Li")]
        elif rows:
            i = sorted(rows)[n % len(rows)]
            if op == "delete":
                del rows[i]
                self.pending = [p for p in self.pending if not (p[0] == side and p[1] == i)]
            else:
                value = data.draw(VALUES[name])
                rows[i] = replace(rows[i], **{name: value})
                self.pending = [
                    p for p in self.pending if not (p[0] == side and p[1] == i and p[2] == name)
                ]
                base = self.sides[side].snapshot.get(i)
                if base is None or getattr(base, name) != value:  # setting it back is no edit
                    self.pending.append((side, i, name, value))


@settings(max_examples=300, deadline=None)
@given(st.lists(edit, max_size=40))
def test_random_edit_sequences_lose_nothing(ops):
    world = World()
    for op in ops:
        world.apply(*op)
    world.sync()
    world.sync()  # a second sync with no edits changes nothing
    before = copy.deepcopy(world.sides["L"].rows)
    result = merge(world.sides["L"], world.sides["R"])
    assert result.rows == before and not result.conflicts and not result.updated


def test_conflict_keeps_both_values():
    base = {"A-1": Action(id="A-1", owner="Li")}
    left = Side({"A-1": Action(id="A-1", owner="Zhang")}, copy.deepcopy(base), generation=1)
    right = Side({"A-1": Action(id="A-1", owner="Chen")}, copy.deepcopy(base), generation=1)
    result = merge(left, right)
    assert result.rows["A-1"].owner == "Zhang"
    assert [(c.field, c.workbook, c.shared, c.base) for c in result.conflicts] == [
        ("owner", "Zhang", "Chen", "Li")
    ]


def test_deleted_on_one_side_is_archived_with_the_other_sides_edits():
    base = {"A-1": Action(id="A-1", owner="Li")}
    left = Side({}, copy.deepcopy(base))
    right = Side({"A-1": Action(id="A-1", owner="Chen")}, copy.deepcopy(base))
    result = merge(left, right)
    assert "A-1" not in result.rows and result.archive["A-1"].owner == "Chen"


def test_half_finished_sync_is_repaired_from_the_newer_side():
    old = {"A-1": Action(id="A-1", status="open")}
    new = {"A-1": Action(id="A-1", status="done")}
    workbook = Side(copy.deepcopy(old), copy.deepcopy(old), generation=3)  # not rewritten
    shared = Side(copy.deepcopy(new), copy.deepcopy(new), generation=4)  # already written
    result = merge(workbook, shared)
    assert result.rows["A-1"].status == "done" and not result.conflicts


def test_the_conflict_marker_is_never_read_back_as_the_result():
    from fupan.sync.actions.sheets import without_marker

    assert without_marker("⚠ Conflicts: booked") == "booked"
    assert without_marker("⚠ 冲突: ⚠ 冲突: 已订舱") == "已订舱"
    assert without_marker("⚠ Conflicts") == ""
    assert without_marker("booked ⚠ Conflicts") == "booked ⚠ Conflicts"
    assert without_marker(None) is None
