"""The action record and its place in a sheet (header keys are stable; labels translate)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any


class ActionStatus(StrEnum):
    PROPOSED = "proposed"
    OPEN = "open"
    IN_PROGRESS = "in progress"
    DONE = "done"
    DROPPED = "dropped"


CLOSED = frozenset({ActionStatus.DONE, ActionStatus.DROPPED})


@dataclass
class Action:
    id: str = ""
    created: date | None = None
    meeting: date | None = None
    source: str = "manual"  # rule id (R1 ...), KPI id, or manual
    scope: str = "account"
    key: str = ""
    problem: str = ""
    root_cause: str = ""
    action: str = ""
    owner: str = ""
    due: date | None = None
    status: str = ActionStatus.OPEN.value
    value_raised: float | None = None
    value_now: float | None = None
    result: str = ""
    # The 5-Why, one step a cell (the meeting asks "why?" five times; root_cause concludes).
    why_1: str = ""
    why_2: str = ""
    why_3: str = ""
    why_4: str = ""
    why_5: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""

    def overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today and self.status not in CLOSED


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Action))
# Header labels for each column key (i18n keys), in sheet order.
LABEL_KEYS = {
    "id": "id",
    "created": "created",
    "meeting": "meeting",
    "source": "rule",
    "scope": "scope",
    "key": "key",
    "problem": "problem",
    "root_cause": "root_cause",
    "action": "action",
    "owner": "owner",
    "due": "due",
    "status": "status",
    "value_raised": "value_raised",
    "value_now": "value_now",
    "result": "result",
    **{f"why_{n}": f"why_{n}" for n in range(1, 6)},
    "updated_at": "updated_at",
    "updated_by": "updated_by",
}
# Machine columns the team never edits: folded away on the tab.
MACHINE = ("updated_at", "updated_by")
_ID = re.compile(r"^A-(\d+)$")


def _date(v: Any) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _float(v: Any) -> float | None:
    try:
        return None if v in (None, "") else float(v)
    except (TypeError, ValueError):
        return None


def from_row(values: dict[str, Any]) -> Action:
    a = Action()
    for name in COLUMNS:
        v = values.get(name)
        if name in ("created", "meeting", "due"):
            setattr(a, name, _date(v))
        elif name == "updated_at":
            a.updated_at = v if isinstance(v, datetime) else None
        elif name in ("value_raised", "value_now"):
            setattr(a, name, _float(v))
        elif v not in (None, ""):
            setattr(a, name, str(v).strip())
    return a


def to_row(a: Action) -> list[Any]:
    return [getattr(a, name) for name in COLUMNS]


def assign_ids(actions: list[Action], next_id: int) -> int:
    """Give every action without an id the next one; ids are never reused."""
    used = [int(m.group(1)) for a in actions if (m := _ID.match(a.id))]
    counter = max([next_id, *(u + 1 for u in used)])
    for a in actions:
        if not a.id:
            a.id = f"A-{counter:04d}"
            counter += 1
    return counter


def meeting_order(actions: list[Action], today: date) -> list[Action]:
    """Overdue first, then due this week, then the other open ones by due date; closed last."""
    week_end = today + timedelta(days=6 - today.weekday())

    def rank(a: Action) -> tuple[bool, bool, bool, date, str]:
        closed = a.status in CLOSED
        this_week = a.due is not None and a.due <= week_end
        return (closed, not a.overdue(today), not this_week, a.due or date.max, a.id)

    return sorted(actions, key=rank)
