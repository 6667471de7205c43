"""The tracker's tabs, shared by the review workbook and a shared tracker file.

Actions (the live list), Conflicts (both values of a field edited on both sides), Archive
(rows deleted on one side, never lost) and a hidden snapshot of the last sync, which travels
with the file so the next sync can tell what each side changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from openpyxl.utils import get_column_letter

from ...addin.registry import KPIS
from ..engine.rules import RULE_KPI
from ..i18n import LABELS, scope_label, status_label, t
from ..targets.base import Grid, Target
from ..workbook.cells import UNIT_STYLE, plain, text_cell, value_cell
from ..workbook.plan import Block, Cell, Rule, Sheet, Style, Validation
from .merge import Conflict, Side
from .model import (
    COLUMNS,
    LABEL_KEYS,
    MACHINE,
    Action,
    ActionStatus,
    assign_ids,
    from_row,
    meeting_order,
    to_row,
)

SNAPSHOT_SHEET = "_fupan_actions"
CONFLICT_COLUMNS = ("id", "field", "workbook", "shared", "base")
LANGS = ("en", "zh")
SCOPES = ("account", "asin", "campaign", "ad_group", "keyword", "search_term", "sku")


@dataclass
class Tracker:
    """Everything of the tracker one file holds."""

    side: Side
    conflicts: list[Conflict] = field(default_factory=list)
    next_id: int = 1
    unnumbered: list[Action] = field(default_factory=list)  # rows a person typed without id

    def number(self, next_id: int | None = None) -> None:
        """Give the rows typed without an id the next free ids (never reused)."""
        self.next_id = assign_ids(self.unnumbered, max(self.next_id, next_id or 1))
        self.side.rows.update({a.id: a for a in self.unnumbered})
        self.unnumbered = []


def _shown(column: str, value: Any, lang: str | None) -> Any:
    """A stored status or scope as people read it in the sheet's language (None: as stored,
    for the hidden snapshot)."""
    if lang is None or not isinstance(value, str):
        return value
    if column == "status":
        return status_label(value, lang)
    if column == "scope":
        return scope_label(value, lang)
    return value


def _stored(column: str, value: Any) -> Any:
    """The stored key of a status or scope typed or shown in either language."""
    if not isinstance(value, str):
        return value
    if column == "status":
        words = {status_label(s.value, lang): s.value for s in ActionStatus for lang in LANGS}
    elif column == "scope":
        words = {scope_label(s, lang): s for s in SCOPES for lang in LANGS}
    else:
        return value
    return words.get(value.strip(), value)


def field_label(field: str, lang: str) -> str:
    """A conflicting field as the Actions tab's header names it."""
    return t(LABEL_KEYS[field], lang) if field in LABEL_KEYS else field


def _field_key(value: Any) -> str:
    """The field a Conflicts row is about, from its label in either language (or its key,
    as older sheets show it)."""
    labels = {field_label(c, lang): c for c in COLUMNS for lang in LANGS}
    text = "" if value is None else str(value).strip()
    return labels.get(text, text)


def _value_style(a: Action) -> Style | None:
    """The KPI's own format for its value when raised and now (a rate as %, money as money)."""
    k = KPIS.get(RULE_KPI.get(a.source, a.source))
    return UNIT_STYLE.get(k.unit) if k else None


def _cells(a: Action, lang: str | None = None) -> list[Cell]:
    kpi_style = _value_style(a)
    return [
        text_cell(_shown(c, v, lang))
        if isinstance(v, str)
        else value_cell(
            v,
            Style.DATE
            if isinstance(plain(v), date)
            else kpi_style
            if c in ("value_raised", "value_now")
            else None,
        )
        for c, v in zip(COLUMNS, to_row(a), strict=True)
    ]


KEY_ROW = 3  # the column keys (hidden): a sync reads the tab by them, whatever its language


def _header(lang: str) -> list[list[Cell]]:
    labels = [t(LABEL_KEYS[c], lang) for c in COLUMNS]
    return [
        [Cell(c, style=Style.NOTE) for c in COLUMNS],
        [Cell(x, style=Style.HEADER) for x in labels],
    ]


def actions_sheet(
    actions: list[Action], conflicts: list[Conflict], lang: str, today: date
) -> Sheet:
    """Overdue rows first; a row with an open conflict says so in its result column."""
    flagged = {c.id for c in conflicts}
    rows = _header(lang)
    for a in meeting_order(actions, today):
        cells = _cells(a, lang)
        if a.id in flagged:
            cells[COLUMNS.index("result")] = Cell(
                f"⚠ {t('conflicts', lang)}: {a.result}".rstrip(": "), style=Style.INPUT
            )
        rows.append(cells)
    due = get_column_letter(COLUMNS.index("due") + 1)
    st = get_column_letter(COLUMNS.index("status") + 1)
    owner = get_column_letter(COLUMNS.index("owner") + 1)
    last = get_column_letter(len(COLUMNS))
    owners = sorted({a.owner for a in actions if a.owner})
    validations = [
        Validation(f"{st}5:{st}5000", tuple(status_label(s.value, lang) for s in ActionStatus))
    ]
    if owners:  # not strict: a new colleague's name is typed before a sync lists it
        validations.append(Validation(f"{owner}5:{owner}5000", tuple(owners), strict=False))
    overdue = Rule(
        f"A5:{last}5000",
        f'AND(${due}5<>"",${due}5<TODAY(),${st}5<>"{status_label("done", lang)}",'
        f'${st}5<>"{status_label("dropped", lang)}")',
        "overdue",
    )
    title = [
        [Cell(t("actions", lang), style=Style.TITLE)],
        [Cell(t("overdue_actions", lang) + " ↑", style=Style.NOTE)],
    ]
    return Sheet(
        "actions",
        t("actions", lang),
        [Block(1, 1, title), Block(3, 1, rows)],
        rules=[overdue],
        freeze="B5",
        widths=_widths(),
        folded=_machine(),
        hidden_rows=(KEY_ROW,),
        validations=validations,
    )


def _widths() -> dict[str, float]:
    """Dates wide enough for yyyy-mm-dd, text columns wide enough to read."""
    wide = {"problem": 30, "root_cause": 30, "action": 30, "result": 24, "key": 24}
    wide |= {f"why_{n}": 22 for n in range(1, 6)}
    wide |= {c: 12 for c in ("created", "meeting", "due", "status", "owner")}
    wide |= {"id": 9, "source": 8, "scope": 10, "value_raised": 12, "value_now": 12}
    wide |= {"updated_at": 18}
    return {get_column_letter(COLUMNS.index(c) + 1): w for c, w in wide.items()}


def _machine() -> tuple[str, ...]:
    """Folded: the rule or KPI an action came from (a code; its problem says it in words) and
    the sync's own bookkeeping."""
    source = get_column_letter(COLUMNS.index("source") + 1)
    first, last = (get_column_letter(COLUMNS.index(c) + 1) for c in (MACHINE[0], MACHINE[-1]))
    return (f"{source}:{source}", f"{first}:{last}")


def archive_sheet(archive: list[Action], lang: str) -> Sheet:
    rows = _header(lang) + [_cells(a, lang) for a in sorted(archive, key=lambda a: a.id)]
    title = [[Cell(t("archive", lang), style=Style.TITLE)]]
    return Sheet(
        "archive",
        t("archive", lang),
        [Block(1, 1, title), Block(3, 1, rows)],
        widths=_widths(),
        folded=_machine(),
        hidden_rows=(KEY_ROW,),
    )


def conflicts_sheet(conflicts: list[Conflict], lang: str) -> Sheet:
    rows = [
        [Cell(c, style=Style.NOTE) for c in CONFLICT_COLUMNS],
        [
            Cell(t(k, lang), style=Style.HEADER)
            for k in ("id", "field", "workbook_value", "shared_value", "base_value")
        ],
    ]
    rows += [
        [
            Cell(c.id),
            Cell(field_label(c.field, lang)),
            value_cell(c.workbook),
            value_cell(c.shared),
            value_cell(c.base),
        ]
        for c in conflicts
    ]
    title = [
        [Cell(t("conflicts", lang), style=Style.TITLE)],
        [Cell(t("conflicts_note", lang), style=Style.NOTE)],
    ]
    return Sheet(
        "conflicts",
        t("conflicts", lang),
        [Block(1, 1, title), Block(3, 1, rows)],
        widths={"A": 9, "B": 14, "C": 30, "D": 30, "E": 30},
        hidden_rows=(KEY_ROW,),
    )


def snapshot_sheet(snapshot: list[Action]) -> Sheet:
    rows = [[Cell(c) for c in COLUMNS]] + [_cells(a) for a in snapshot]
    return Sheet("snapshot", SNAPSHOT_SHEET, [Block(1, 1, rows)], hidden=True)


def tracker_sheets(tracker: Tracker, lang: str, today: date) -> list[Sheet]:
    side = tracker.side
    return [
        actions_sheet(list(side.rows.values()), tracker.conflicts, lang, today),
        conflicts_sheet(tracker.conflicts, lang),
        archive_sheet(list(side.archive.values()), lang),
        snapshot_sheet(list(side.snapshot.values())),
    ]


# Reading ----------------------------------------------------------------------------------


def _find(target: Target, key: str) -> Grid:
    for title in LABELS.get(key, (key,)):
        grid = target.read_sheet(title)
        if grid is not None:
            return grid
    return []


def read_rows(grid: Grid, columns: tuple[str, ...] = COLUMNS) -> list[dict[str, Any]]:
    """Records under the row of column keys (the translated labels below it are skipped)."""
    out: list[dict[str, Any]] = []
    cols: dict[int, str] | None = None
    rows = iter(grid)
    for row in rows:
        values = list(row)
        if cols is None:
            found = {i: str(v) for i, v in enumerate(values) if v in columns}
            if len(found) >= min(3, len(columns)) and columns[0] in found.values():
                cols = found
            continue
        record = {cols[i]: v for i, v in enumerate(values) if i in cols}
        if any(v not in (None, "") for v in record.values()):
            out.append(record)
    return out


MARKERS = tuple(f"⚠ {t('conflicts', lang)}" for lang in ("en", "zh"))


def without_marker(result: object) -> object:
    """The result a person typed, without the conflict marker fupan put in front of it."""
    if isinstance(result, str):
        for marker in MARKERS:
            while result.startswith(marker):
                result = result[len(marker) :].lstrip(":").strip()
    return result


def _actions(grid: Grid, labelled: bool) -> list[Action]:
    records = read_rows(grid)
    if labelled:  # the first record under the keys is the row of translated labels
        records = [r for r in records if str(r.get("id")) not in {t("id", "en"), t("id", "zh")}]
    for r in records:
        r["result"] = without_marker(r.get("result"))
        r["status"], r["scope"] = (
            _stored("status", r.get("status")),
            _stored("scope", r.get("scope")),
        )
    return [from_row(r) for r in records]


def read_tracker(target: Target) -> Tracker:
    """The tracker a file holds now; rows typed without an id get the next free one."""
    state = target.read_state()
    rows = _actions(_find(target, "actions"), labelled=True)
    numbered = [a for a in rows if a.id]
    next_id = assign_ids(numbered, int(state.get("next_action_id", "1")))
    archive = _actions(_find(target, "archive"), labelled=True)
    snapshot = _actions(target.read_sheet(SNAPSHOT_SHEET) or [], labelled=False)
    conflicts = [
        Conflict(
            str(r.get("id")),
            _field_key(r.get("field")),
            r.get("workbook"),
            r.get("shared"),
            r.get("base"),
        )
        for r in read_rows(_find(target, "conflicts"), CONFLICT_COLUMNS)
        if r.get("id") not in (None, "")
        and r.get("field") not in (None, "field")
        and str(r.get("id")) not in {t("id", "en"), t("id", "zh")}
    ]
    side = Side(
        {a.id: a for a in numbered},
        {a.id: a for a in snapshot},
        {a.id: a for a in archive},
        int(state.get("actions_generation", "0")),
    )
    return Tracker(side, conflicts, next_id, [a for a in rows if not a.id])
