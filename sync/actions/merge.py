"""Three-way, per-field merge of two action trackers against their last synced snapshots.

Each side keeps its own snapshot of what the last sync wrote (a hidden tab that travels with
the file), so a change is "this side's value differs from this side's snapshot". A field
changed on one side takes that value; changed on both to different values is a conflict:
the row keeps the workbook side's value and both values are listed until a person resolves
them. Rows new on either side are added; a row deleted on one side is archived on both.
When neither side changed a field but the two disagree (a sync was killed half-way), the
side whose snapshot is newer holds the merged truth; a row that one side still has
unchanged and the other side archived was deleted by that half-finished sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from ..i18n import t
from .model import Action

FIELDS = tuple(f.name for f in fields(Action) if f.name not in ("id",))


@dataclass(frozen=True)
class Conflict:
    id: str
    field: str
    workbook: Any
    shared: Any
    base: Any


@dataclass
class Side:
    """One tracker as read: its rows, its archive and the snapshot of the last sync."""

    rows: dict[str, Action]
    snapshot: dict[str, Action]
    archive: dict[str, Action] = field(default_factory=dict)
    generation: int = 0


@dataclass
class MergeResult:
    rows: dict[str, Action]
    archive: dict[str, Action]
    conflicts: list[Conflict]
    added: list[str] = field(default_factory=list)  # ids new to at least one side
    updated: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)

    def describe(self, lang: str = "en") -> str:
        return t(
            "say:actions_merged",
            lang,
            added=len(self.added),
            updated=len(self.updated),
            conflicts=len(self.conflicts),
            archived=len(self.archived),
        )


def _value(a: Action | None, name: str) -> Any:
    return None if a is None else _norm(getattr(a, name))


def _norm(v: Any) -> Any:
    if v == "":
        return None
    if isinstance(v, datetime):
        return v.replace(microsecond=0)
    if isinstance(v, float) and v.is_integer():
        return v  # keep floats as floats; ints from sheets compare equal anyway
    return v


def merge(workbook: Side, shared: Side) -> MergeResult:
    """Merge the workbook's tracker with the shared one (pure: no I/O)."""
    newer = workbook if workbook.generation >= shared.generation else shared
    result = MergeResult({}, {**shared.archive, **workbook.archive}, [])
    ids = list(dict.fromkeys([*workbook.rows, *shared.rows, *workbook.snapshot, *shared.snapshot]))
    for i in ids:
        left, right = workbook.rows.get(i), shared.rows.get(i)
        lbase, rbase = workbook.snapshot.get(i), shared.snapshot.get(i)
        if left is None and right is None:
            gone = lbase or rbase  # deleted on both sides since the last sync
            if gone is not None and i not in result.archive:
                result.archive[i] = gone
                result.archived.append(i)
            continue
        if left is None or right is None:
            present, base = (right, lbase) if left is None else (left, rbase)
            assert present is not None  # the other side has it: gone from both is above
            here, there = (shared, workbook) if left is None else (workbook, shared)
            if base is not None:  # known to the side where it is missing: deleted there
                result.archive[i] = present
                result.archived.append(i)
            elif i in here.snapshot and i in there.archive:
                # Neither side changed it since its own last sync, yet they differ: a sync
                # that stopped between its writes archived it on the side it wrote.
                result.archive[i] = present  # with any edit made since: kept
                result.archived.append(i)
            else:  # new on the side where it is present
                result.rows[i] = present
                result.added.append(i)
            continue
        merged = Action(id=i)
        changed = False
        for name in FIELDS:
            lv, rv = _value(left, name), _value(right, name)
            lchg = lv != _value(lbase, name)
            rchg = rv != _value(rbase, name)
            if lv == rv or (lchg and not rchg):
                value = getattr(left, name)
            elif rchg and not lchg:
                value = getattr(right, name)
            elif lchg and rchg:
                value = getattr(left, name)
                result.conflicts.append(Conflict(i, name, lv, rv, _value(lbase, name)))
            else:
                value = getattr(newer.rows[i], name)
            if _norm(value) != lv or _norm(value) != rv:
                changed = True
            setattr(merged, name, value)
        result.rows[i] = merged
        if changed:
            result.updated.append(i)
    for i in result.rows:
        result.archive.pop(i, None)
    return result


@dataclass
class ActionSyncResult:
    merge: MergeResult
    conflicts: list[Conflict]
    dry_run: bool

    def describe(self, lang: str = "en") -> str:
        text = self.merge.describe(lang)
        return t("say:actions_dry_run", lang, text=text) if self.dry_run else text
