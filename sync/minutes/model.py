"""The minutes of a review meeting, gathered from the reviewed workbook and the store.

The numbers are the review's (the same engine whose values the workbook's formulas are
proven to reproduce), judged by the thresholds in the workbook's Settings tab; the actions
are the workbook's tracker. Nothing here writes anything.

The minutes follow the meeting (kpi-catalogue.md §9): the previous meeting's actions and
their outcome first, then the money, the biggest problems by money at stake (stakes.py,
ranking.py), what brought gains, and the three next actions by money, with owner and due
date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from ...addin.kpis import MONEY_BLOCK
from ...addin.registry import KPIS
from .. import marketplaces
from ..actions.model import CLOSED, Action
from ..actions.sheets import read_tracker
from ..engine.build import build_review
from ..engine.ranking import one_per_object
from ..engine.review import Review, comparable
from ..engine.rules import RULE_KPI, Suggestion, evaluate, kpi_now
from ..engine.stakes import MONEY, Stake
from ..engine.trend import weekly_trend
from ..engine.window import comparison, default_period
from ..periods import Period
from ..settings import Settings
from ..settings_sheet import team_settings
from ..store.history import Store
from ..targets.base import Target
from ..targets.registry import open_target
from ..workspace import Workspace
from .findings import Flag, Problem, priced_flags, rank_problems
from .gains import Gain, better_by, improved_kpis, largest_gains

CLOSURE_TARGET = 0.76  # seed 000: decision follow-through rose from 41 % to 76 %

TOP_FINDINGS = 10  # the problems the minutes list; the rest are counted ("+N more")

NEXT_ACTIONS = 3


@dataclass(frozen=True)
class NextAction:
    """One of the three next actions: the team's decision, or a rule's proposal by money."""

    scope: str
    key: str
    stake: Stake | None
    action: Action | None = None  # the team typed it in this meeting
    suggestion: Suggestion | None = None  # else: what a rule proposes
    follows: Action | None = None  # an open earlier action on the same object
    due: date | None = None  # proposed: by the next meeting


@dataclass(frozen=True)
class Outcome:
    action: Action
    outcome: str  # done, overdue, dropped, open
    recovered: bool | None  # for KPI-linked actions: is the KPI healthy (or better) now?
    kpi: str | None = None  # the KPI the action is about, when it names one
    now: float | None = None  # its value now


@dataclass(frozen=True)
class Change:
    """An action new, or with another status, since the last minutes' snapshot."""

    action: Action
    was: str | None  # the status then; None: the action is new


@dataclass
class Minutes:
    lang: str
    meeting: date
    period: Period
    compare: Period | None
    workbook: Path | str  # an .xlsx path or a Google Sheet URL
    gains: list[Gain]  # the largest positive contributions, biggest first
    better: list[tuple[str, float, float]]  # account KPIs improved most: kpi, now, before
    problems: list[Problem]  # every object off target or with a proposal, by money at stake
    next_actions: list[NextAction]
    previous: list[Outcome]
    closure_rate: float | None
    overdue: int
    flags: list[Flag] = field(default_factory=list)  # every red/yellow value, priced
    new_actions: list[Action] = field(default_factory=list)  # typed in this meeting
    snapshot: Path | str | None = None
    trend: list[tuple[str, float, float | None]] = field(default_factory=list)  # week, sales, acos
    since: tuple[date, list[Change]] | None = None  # last minutes' date, what changed since
    currency: str = ""  # the marketplace's: money is written in its own format
    money: list[MoneyLine] = field(default_factory=list)  # the review's first block
    estimate: bool = False  # profit estimated from the Fee Preview (no payments report)
    names: dict[str, str] = field(default_factory=dict)  # ASIN -> the product's name

    @property
    def top(self) -> list[Problem]:
        return self.problems[:TOP_FINDINGS]

    @property
    def more(self) -> int:
        """Problems not listed in the minutes (they are in the workbook)."""
        return max(len(self.problems) - TOP_FINDINGS, 0)


@dataclass(frozen=True)
class MoneyLine:
    """One KPI of the money block: now, in the comparison period, and its light."""

    kpi: str
    now: float | None
    before: float | None
    status: str


def changes_since(frozen: Target, now: list[Action]) -> list[Change]:
    """Actions whose status changed, or that are new, since a frozen workbook."""
    before = read_tracker(frozen).side.rows
    frozen.close()
    out = []
    for a in sorted(now, key=lambda a: a.id):
        was = before.get(a.id)
        if was is None:
            out.append(Change(a, None))
        elif was.status != a.status:
            out.append(Change(a, was.status))
    return out


def gather(
    workspace: Workspace,
    *,
    workbook: Path | None = None,
    target: Target | None = None,
    today: date,
    meeting: date | None = None,
    lang: str | None = None,
) -> Minutes:
    """What the meeting held on `meeting` (default: `today`) saw: the reviewed workbook
    (.xlsx, or `target`) and the history."""
    meeting = meeting or today
    target = target or open_target(workbook or workspace.workbook)
    where = target.location
    state = target.read_state()
    settings = team_settings(target, workspace.language)
    tracker = read_tracker(target)
    target.close()
    lang = lang or state.get("language") or settings.language
    with Store.open(workspace.store_path, read_only=True) as store:
        period = Period.parse(state["period"]) if "period" in state else None
        if period is None:
            period = default_period(store, workspace.marketplace)
        cmp = comparison(period, "previous")
        review = build_review(
            store, period, marketplace=workspace.marketplace, compare=cmp, settings=settings
        )
        before = review.previous
        assert before is not None  # the previous period was asked for
        suggestions = evaluate(review, settings, store.table("inventory"))
        trend = weekly_trend(store, period, workspace.marketplace, settings=settings)
    flags = priced_flags(review, before, settings)
    ranked = one_per_object(suggestions)
    actions = list(tracker.side.rows.values())
    # This meeting's decisions: dated today, or typed without an id since the last sync.
    new = [a for a in actions if meeting in (a.meeting, a.created)] + tracker.unnumbered
    previous = [
        _outcome(a, meeting, review, settings)
        for a in actions
        if a.meeting is not None and a.meeting < meeting
    ]
    due = [a for a in actions if a.due is not None and a.due <= meeting]
    done = [a for a in due if a.status == "done"]
    weeks = [
        (str(week), float(sales), None if pd.isna(acos) else float(acos))
        for week, sales, acos in zip(trend.week, trend.sales, trend.acos, strict=True)
    ]
    problems = rank_problems(flags, suggestions, ranked)
    cycle = timedelta(days=round(settings.review_cycle))
    return Minutes(
        lang,
        meeting,
        period,
        cmp,
        where,
        gains=largest_gains(review, before),
        better=improved_kpis(review, before),
        problems=problems,
        next_actions=_next_actions(new, ranked, problems, actions, meeting + cycle),
        previous=previous,
        closure_rate=len(done) / len(due) if due else None,
        overdue=sum(a.overdue(meeting) for a in actions),
        flags=flags,
        new_actions=new,
        trend=weeks,
        currency=marketplaces.get(workspace.marketplace).currency,
        money=money_block(review, before),
        estimate=review.estimate,
        names=_names(review, settings, lang),
    )


def money_block(review: Review, before: Review) -> list[MoneyLine]:
    """The money of the period (addin/kpis.py MONEY_BLOCK) as the Dashboard shows it."""
    out = []
    kpis = review.kpis[review.kpis.scope == "account"].set_index("kpi")
    for kpi in MONEY_BLOCK:
        if kpi not in kpis.index:
            continue
        k = KPIS[kpi]
        was = before.value(kpi) if comparable(k, review, before) else None
        out.append(MoneyLine(kpi, review.value(kpi), was, str(kpis.at[kpi, "status"])))
    return out


def _next_actions(
    new: list[Action],
    ranked: list[Suggestion],
    problems: list[Problem],
    actions: list[Action],
    by: date,
) -> list[NextAction]:
    """The three next actions by money: the team's decisions of this meeting first (priced
    by the problem of the same object), then the rules' proposals, biggest first."""
    stake_of = {(p.scope, p.key): p.stake for p in problems}
    open_on: dict[tuple[str, str], Action] = {}
    for a in sorted(actions, key=lambda a: a.id):
        if a.status not in CLOSED and a not in new:
            open_on.setdefault((a.scope, a.key), a)
    decided = [
        NextAction(a.scope, a.key, stake_of.get((a.scope, a.key)), action=a, due=by)
        for a in new
        if a.status not in CLOSED
    ]
    unpriced = Stake(None, MONEY, "").rank
    decided.sort(key=lambda n: n.stake.rank if n.stake is not None else unpriced)
    covered = {(n.scope, n.key) for n in decided}
    proposed = [
        NextAction(
            s.scope, s.key, s.stake, suggestion=s, follows=open_on.get((s.scope, s.key)), due=by
        )
        for s in ranked
        if (s.scope, s.key) not in covered
    ]
    return (decided + proposed)[:NEXT_ACTIONS]


def _names(review: Review, settings: Settings, lang: str) -> dict[str, str]:
    """Each ASIN's name: the team's own (Settings' Products, from the cost sheet) in Chinese
    minutes, else the listing title of the Business Report."""
    titles: dict[str, str] = {}
    sales = review.frame("sales")
    if "title" in sales and "child_asin" in sales:
        for asin, title in zip(sales.child_asin, sales.title, strict=True):
            if isinstance(title, str) and title.strip():
                titles.setdefault(str(asin), title.strip())
    titles = _without_brand(titles)
    ours = {p.asin: p.title for p in settings.products.values() if p.asin and p.title}
    if lang == "zh":
        return {**titles, **ours}
    return {**ours, **titles}


def _without_brand(titles: dict[str, str]) -> dict[str, str]:
    """Listing titles without the brand every one of them starts with (it names nothing)."""
    firsts = {title.split(maxsplit=1)[0] for title in titles.values()}
    if len(titles) < 2 or len(firsts) != 1 or any(" " not in x for x in titles.values()):
        return titles
    return {asin: title.split(maxsplit=1)[1] for asin, title in titles.items()}


def _outcome(a: Action, meeting: date, review: Review, settings: Settings) -> Outcome:
    if a.status == "done":
        outcome = "done"
    elif a.status == "dropped":
        outcome = "dropped"
    elif a.overdue(meeting):
        outcome = "overdue"
    else:
        outcome = "open"
    recovered = None
    kpi = RULE_KPI.get(a.source, a.source)
    now = kpi_now(review, a.source, a.scope, a.key)
    if kpi in KPIS and now is not None:
        category = settings.category_of(a.key) if a.scope == "asin" else ""
        bands = settings.bands_for(kpi, category)
        healthy = bands is not None and bands.status(now) == "green"
        improved = a.value_raised is not None and better_by(kpi, now, a.value_raised) > 0
        recovered = healthy or improved
    return Outcome(a, outcome, recovered, kpi if kpi in KPIS else None, now)
