"""The minutes of a review meeting, gathered from the reviewed workbook and the store.

The numbers are the review's (the same engine whose values the workbook's formulas are
proven to reproduce), judged by the thresholds in the workbook's Settings tab; the actions
are the workbook's tracker. Nothing here writes anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ...addin.registry import KPIS, Direction, Scope
from ...addin.thresholds import Bands
from ..actions.model import CLOSED, Action
from ..actions.sheets import read_tracker
from ..engine.review import Review, build_review, change, comparable, kpi_rows
from ..engine.rules import RULE_KPI, evaluate, kpi_now
from ..engine.trend import weekly_trend
from ..periods import Period
from ..settings import Settings, team_settings
from ..store.history import Store
from ..targets.base import Target
from ..targets.xlsx import XlsxTarget
from ..workspace import Workspace

CLOSURE_TARGET = 0.76  # seed 000: decision follow-through rose from 41 % to 76 %


@dataclass(frozen=True)
class Flag:
    scope: str
    key: str
    kpi: str
    value: float
    status: str
    threshold: str
    change: float | None  # against the comparison period, where there is one


@dataclass(frozen=True)
class Outcome:
    action: Action
    outcome: str  # done, overdue, dropped, open
    recovered: bool | None  # for KPI-linked actions: is the KPI healthy (or better) now?


@dataclass
class Minutes:
    lang: str
    meeting: date
    period: Period
    compare: Period | None
    workbook: Path | str  # an .xlsx path or a Google Sheet URL
    gains: list[tuple[str, float, float]]  # kpi, now, before (improved most)
    flags: list[Flag]
    new_actions: list[Action]
    next_three: list[str]
    previous: list[Outcome]
    closure_rate: float | None
    overdue: int
    snapshot: Path | str | None = None
    trend: list[tuple[str, float, float | None]] = field(default_factory=list)  # week, sales, acos
    since: tuple[date, list[str]] | None = None  # last minutes' date, what changed since


def changes_since(frozen: Target, now: list[Action]) -> list[str]:
    """Actions whose status changed, or that are new, since a frozen workbook."""
    before = read_tracker(frozen).side.rows
    frozen.close()
    out = []
    for a in sorted(now, key=lambda a: a.id):
        was = before.get(a.id)
        if was is None:
            out.append(f"{a.id} new: {a.action} ({a.owner})")
        elif was.status != a.status:
            out.append(f"{a.id} {was.status} → {a.status}: {a.action} ({a.owner})")
    return out


def threshold_text(b: Bands | None, kpi: str) -> str:
    """The green band in the KPI's own unit: `≤ 25.00 %`, `≥ 30 d and ≤ 180 d`."""
    from ..cli.render import format_value

    if b is None:
        return ""
    parts = []
    if b.green_min is not None:
        parts.append(f"≥ {format_value(kpi, b.green_min)}")
    if b.green_max is not None:
        parts.append(f"≤ {format_value(kpi, b.green_max)}")
    return " and ".join(parts)


def _better(kpi: str, now: float, before: float) -> float:
    """How much better `now` is than `before` (positive = improved)."""
    d = KPIS[kpi].direction
    return (
        (now - before) if d is Direction.HIGHER else (before - now) if d is Direction.LOWER else 0.0
    )


def gather(
    workspace: Workspace,
    *,
    workbook: Path | None = None,
    target: Target | None = None,
    today: date,
    lang: str | None = None,
) -> Minutes:
    """What the meeting saw: the reviewed workbook (.xlsx, or `target`) and the history."""
    target = target or XlsxTarget(workbook or workspace.workbook)
    where: Path | str = target.path if isinstance(target, XlsxTarget) else target.name
    state = target.read_state()
    settings = team_settings(target, workspace.language)
    tracker = read_tracker(target)
    target.close()
    lang = lang or state.get("language") or settings.language
    with Store.open(workspace.store_path, read_only=True) as store:
        period = Period.parse(state["period"]) if "period" in state else None
        if period is None:
            from ..engine.review import default_period

            period = default_period(store, workspace.marketplace)
        cmp = period.previous()
        review = build_review(
            store, period, marketplace=workspace.marketplace, compare=cmp, settings=settings
        )
        before = build_review(store, cmp, marketplace=workspace.marketplace, settings=settings)
        suggestions = evaluate(review, settings, store.table("inventory"))
        trend = weekly_trend(store, period, workspace.marketplace)
    flags = _flags(review, before, settings)
    gains = _gains(review, before)
    actions = list(tracker.side.rows.values())
    new = [a for a in actions if a.meeting == today or a.created == today]
    previous = [
        _outcome(a, today, review, settings)
        for a in actions
        if a.meeting is not None and a.meeting < today
    ]
    due = [a for a in actions if a.due is not None and a.due <= today]
    done = [a for a in due if a.status == "done"]
    closure = len(done) / len(due) if due else None
    overdue = sum(a.overdue(today) for a in actions)
    next_three = [f"{a.action} — {a.owner}, {a.due}" for a in new if a.status not in CLOSED][:3]
    if len(next_three) < 3:
        next_three += [f"{s.rule} {s.key or 'account'}: {s.text(lang)}" for s in suggestions][
            : 3 - len(next_three)
        ]
    weeks = [
        (str(week), float(sales), None if acos is None or math.isnan(acos) else float(acos))
        for week, sales, acos in zip(trend.week, trend.sales, trend.acos, strict=True)
    ]
    return Minutes(
        lang,
        today,
        period,
        cmp,
        where,
        gains,
        flags,
        new,
        next_three,
        previous,
        closure,
        overdue,
        trend=weeks,
    )


def _flags(review: Review, before: Review, settings: Settings) -> list[Flag]:
    k = review.kpis
    rows = k[k.status.isin(["red", "yellow"])]
    out = []
    for r in kpi_rows(rows):
        scope = Scope(r.scope)
        delta = change(KPIS[r.kpi], review, before, scope, r.key)
        category = settings.category_of(r.key) if scope is Scope.ASIN else ""
        out.append(
            Flag(
                r.scope,
                r.key,
                r.kpi,
                float(r.value),
                r.status,
                threshold_text(settings.bands_for(r.kpi, category), r.kpi),
                delta,
            )
        )
    order = {"red": 0, "yellow": 1}
    scope_order = {"account": 0, "asin": 1, "campaign": 2}
    return sorted(out, key=lambda f: (order[f.status], scope_order[f.scope], f.kpi, f.key))


def _gains(review: Review, before: Review) -> list[tuple[str, float, float]]:
    out = []
    for r in kpi_rows(review.kpis[review.kpis.scope == "account"]):
        kpi = KPIS[r.kpi]
        was = before.value(r.kpi) if comparable(kpi, review, before) else None
        if was is None or math.isnan(r.value) or kpi.direction is Direction.NONE:
            continue
        gain = _better(r.kpi, float(r.value), was)
        if gain > 0:
            out.append((gain / (abs(was) or 1), r.kpi, float(r.value), was))
    out.sort(reverse=True)
    return [(kpi, now, was) for _, kpi, now, was in out[:3]]


def _outcome(a: Action, today: date, review: Review, settings: Settings) -> Outcome:
    if a.status == "done":
        outcome = "done"
    elif a.status == "dropped":
        outcome = "dropped"
    elif a.overdue(today):
        outcome = "overdue"
    else:
        outcome = "open"
    recovered = None
    kpi = RULE_KPI.get(a.source, a.source)
    now = kpi_now(review, a.source, a.scope, a.key)
    if kpi in KPIS and now is not None:
        bands = settings.bands_for(kpi)
        healthy = bands is not None and bands.status(now) == "green"
        improved = a.value_raised is not None and _better(kpi, now, a.value_raised) > 0
        recovered = healthy or improved
    return Outcome(a, outcome, recovered)
