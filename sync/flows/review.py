"""`fupan sync`: import new reports, then refresh the review workbook from the store.

Only fupan's ranges are rewritten. Settings edits, Actions, notes columns and extra tabs the
team added are read back first and written again; the write is atomic (see the targets).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

import pandas as pd

from ..actions.merge import ActionSyncResult
from ..actions.sheets import SNAPSHOT_SHEET, Tracker, read_tracker
from ..engine.build import build_review
from ..engine.review import Review
from ..engine.rules import evaluate, kpi_now
from ..engine.trend import weekly_trend
from ..engine.window import attribution_cutoff, comparison, default_period
from ..findings import Finding, Severity, Written
from ..i18n import LABELS, t
from ..periods import Period
from ..settings import CostRow, Product, Settings
from ..settings_issues import settings_findings
from ..settings_sheet import find_sheet, team_settings
from ..store.history import Store
from ..store.importer import ImportSummary, Progress, import_reports, read_all
from ..targets.base import STATE_SHEET, Grid, Target
from ..targets.registry import local_file, open_target
from ..targets.xlsx import XlsxTarget
from ..workbook.build import build_plan
from ..workbook.inputs import FIRST, SHEET_KEYS, Inputs
from ..workbook.plan import WorkbookPlan
from ..workspace import Workspace

OUR_TITLES = frozenset(v for k in SHEET_KEYS for v in LABELS[k]) | {STATE_SHEET, SNAPSHOT_SHEET}


@dataclass(frozen=True)
class WouldImport:
    """A file a dry run would import: its name, the reader kind that read it, its rows."""

    file: str
    kind: str
    rows: int


@dataclass
class SyncResult:
    plan: WorkbookPlan
    review: Review
    target: str
    imported: ImportSummary | None
    dry_run: bool
    reds: int = 0
    yellows: int = 0
    suggestions: int = 0
    overdue: int = 0
    would_import: list[WouldImport] = field(default_factory=list)
    shared_tracker: str | Path | None = None  # where Settings names a shared tracker
    written_to: Target | None = field(default=None, repr=False)  # the workbook, closed
    actions: ActionSyncResult | None = None  # its sync, when flows/sync.py ran one
    findings: list[Finding] = field(default_factory=list)  # reading this run's files, Settings
    copies: list[str] = field(default_factory=list)  # the other workbooks written (`also`)
    notes: list[str] = field(default_factory=list)  # what the targets say of their writes

    def summary(self, lang: str = "en") -> str:
        """One line: the period, its comparison and the counts the meeting starts from."""
        r = self.review
        empty = any(f.code == "comparison-empty" for f in r.findings)
        return (
            t("cli_review_of", lang, period=r.period)
            + (t("cli_against", lang, compare=r.compare) if r.compare else "")
            + (t("cli_comparison_empty", lang) if empty else "")
            + t(
                "cli_review_counts",
                lang,
                reds=self.reds,
                yellows=self.yellows,
                suggestions=self.suggestions,
                overdue=self.overdue,
            )
        )


def _note_column(head: Grid) -> int | None:
    """The notes column of a report tab, by its header (in either language)."""
    if len(head) < FIRST - 1:
        return None
    header = [str(v) if v is not None else "" for v in head[FIRST - 2]]
    labels = set(LABELS["note"])
    return next((i for i, h in enumerate(header) if h in labels), None)


def _keyed_notes(head: Grid) -> list[int]:
    col = _note_column(head)
    return [] if col is None else [0, col]


def read_notes(target: Target, key: str) -> dict[str, str]:
    """The team's notes beside each key of a report tab (an .xlsx file: those two columns
    are all that is read of the tab)."""
    read = None
    if isinstance(target, XlsxTarget):
        read = partial(target.read_columns, head=FIRST - 1, choose=_keyed_notes)
    grid = find_sheet(target, key, read)
    col = _note_column(grid)
    if len(grid) < FIRST or col is None:
        return {}
    notes = {}
    for row in grid[FIRST - 1 :]:
        if row and row[0] not in (None, "") and col < len(row) and row[col] not in (None, ""):
            notes[str(row[0])] = str(row[col])
    return notes


def _products(store: Store, marketplace: str, settings: Settings) -> dict[str, Product]:
    products = dict(settings.products)
    biz = store.table("business_asin", marketplace=marketplace)
    inv = store.table("inventory", marketplace=marketplace)
    seen = pd.concat(
        [
            biz[["sku", "child_asin", "title"]].rename(columns={"child_asin": "asin"}),
            inv[["sku", "asin", "title"]],
        ]
    ).drop_duplicates("sku", keep="last")
    for sku, asin, title in zip(seen["sku"], seen["asin"], seen["title"], strict=True):
        if sku and sku not in products:
            products[sku] = Product(sku, asin, title[:80])
    return products


def open_workbooks(
    workspace: Workspace,
    *,
    workbook: str | Path | None = None,
    gsheet: str | None = None,
    credentials: str | Path | None = None,
    wait: float = 0.0,
    dry_run: bool = False,
) -> tuple[Target, list[Target], Target | None]:
    """The workbook the team edits, the copies written beside it, and where a workbook fupan
    never wrote takes the team's edits from.

    Without `gsheet`: `workbook` (default: the workspace's review.xlsx), alone. With it: the
    Google Sheet, plus an .xlsx copy when `workbook` is given; a new Google Sheet starts from
    the edits in that .xlsx (or the workspace's), so moving to Google loses none.
    """

    def opened(where: str | Path, kind: str | None = None) -> Target:
        return open_target(where, credentials=credentials, dry_run=dry_run, wait=wait, kind=kind)

    if not gsheet:
        return opened(workbook or workspace.workbook), [], None
    target = opened(gsheet, "gsheet")
    also = [opened(workbook)] if workbook else []
    local = also[0] if also else opened(workspace.workbook)  # one reader for one file
    return target, also, local if local.exists() else None


def refresh_review(
    workspace: Workspace,
    reports: Iterable[str | Path] = (),
    *,
    workbook: str | Path | None = None,
    gsheet: str | None = None,
    credentials: str | Path | None = None,
    wait: float = 0.0,
    target: Target | None = None,
    period: Period | None = None,
    compare: str | None = "previous",
    language: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    today: date,
    tracker: Tracker | None = None,
    also: Sequence[Target] = (),
    seed: Target | None = None,
    costs: Sequence[CostRow] = (),
) -> SyncResult:
    """Import new reports and refresh the review workbook (or, with dry_run, describe it).

    The shared action tracker Settings names is not synced here (flows/sync.py does both);
    `result.shared_tracker` says where it is.

    The workbooks are `target`, or the ones `workbook` and `gsheet` name (see open_workbooks;
    `credentials` and `wait` are for a Google Sheet).

    `tracker` replaces the action tracker read from the workbook (the action sync passes
    the merged one); without a period, the period of the workbook's last sync is kept.
    The team's edits are read from `target`; the same review is also written to `also`
    (an .xlsx copy beside the Google Sheet, say), each keeping its own extra tabs.
    A `target` that
    fupan never wrote (a new Google Sheet) starts from the team's edits in `seed` (the
    workspace's .xlsx), so moving to Google loses no Settings edit, action or note.
    `costs` (a cost sheet's rows, `fupan costs import`) go into Settings' Products.
    """
    reports = list(reports) or [workspace.reports]
    if target is None:
        target, opened, found = open_workbooks(
            workspace,
            workbook=workbook,
            gsheet=gsheet,
            credentials=credentials,
            wait=wait,
            dry_run=dry_run,
        )
        also, seed = [*opened, *also], seed or found
    if not dry_run:
        for each in (target, *also):
            each.preflight()  # before importing: a workbook open in Excel changes nothing at all
    with Store.open(workspace.store_path, read_only=dry_run) as store:
        imported = None
        would_import: list[WouldImport] = []
        if dry_run:
            results, read_findings = read_all(
                reports,
                period=period,
                marketplace=workspace.marketplace,
                known=lambda sha: store.already_imported(sha, None),
                today=today,
            )
            would_import = [
                WouldImport(p.name, r.reader, len(r.frame))
                for p, r, sha in results
                if r is not None and not store.already_imported(sha, r.period)
            ]
        else:
            imported = import_reports(
                reports,
                store=store,
                period=period,
                marketplace=workspace.marketplace,
                progress=progress,
                today=today,
            )
            read_findings = imported.findings
        market = workspace.marketplace
        edits = target
        if seed is not None and not target.read_state() and seed.read_state():
            edits = seed
        last = edits.read_state().get("period")
        chosen = period or (Period.parse(last) if last else default_period(store, market))

        settings = team_settings(edits, language or workspace.language)
        if costs:
            settings = settings.with_costs(list(costs))
        unreadable = settings_findings(settings, _shown_name(edits))
        read_findings = [*read_findings, *unreadable]
        if language:
            settings.language = language
        settings.products = _products(store, market, settings)
        merged_tracker = tracker is not None
        if tracker is None:
            tracker = read_tracker(edits)
            tracker.number()
        cmp = comparison(chosen, compare)
        review = build_review(store, chosen, marketplace=market, compare=cmp, settings=settings)
        for a in tracker.side.rows.values():  # did the action work? the KPI now, beside then
            if a.status not in ("done", "dropped"):
                now = kpi_now(review, a.source, a.scope, a.key)
                if now is not None:
                    a.value_now = now
        previous = review.previous
        inventory = store.table("inventory", marketplace=market)
        findings = _findings(store) + review.findings + unreadable
        inputs = Inputs(
            review=review,
            previous=previous,
            settings=settings,
            health_rows=store.table("account_health", marketplace=market),
            trend=weekly_trend(store, chosen, market, settings=settings),
            suggestions=evaluate(review, settings, inventory),
            tracker=tracker,
            findings=findings,
            notes={k: read_notes(edits, k) for k in ("sales", "ads")},
            today=today,
            provisional_from=attribution_cutoff(today),
            stock_ages=inventory,
        )
        closing = store.close_later()  # the week's rows go into the file meanwhile
    try:
        plan = build_plan(inputs)
        keep = [s for s in target.sheet_titles() if s not in OUR_TITLES]
        counts = review.kpis.status.value_counts()
        result = SyncResult(
            plan,
            review,
            target.name,
            imported,
            dry_run,
            int(counts.get("red", 0)),
            int(counts.get("yellow", 0)),
            len(inputs.suggestions),
            sum(a.overdue(today) for a in tracker.side.rows.values()),
            would_import,
            findings=read_findings,
        )
        if not dry_run:
            state = {
                "next_action_id": str(tracker.next_id),
                "language": settings.language,
                "actions_generation": str(tracker.side.generation),
                "period": str(chosen),
            }
            target.apply(plan, keep=keep, state=state)
            for other in also:
                mine = [s for s in other.sheet_titles() if s not in OUR_TITLES]
                other.apply(plan, keep=mine, state=state)
            result.copies = [other.name for other in also]
            result.notes = [n for each in (target, *also) for n in each.notes]
    finally:
        for each in (target, *also, *([seed] if seed else [])):
            each.close()  # releases a Google Sheet's lease even when a write failed
        closing.wait()
    if settings.shared_tracker and not dry_run and not merged_tracker:
        result.shared_tracker = _shared_tracker(settings.shared_tracker, workspace, target)
        result.written_to = target
    return result


def _shared_tracker(named: str, workspace: Workspace, target: Target) -> str | Path:
    """The tracker Settings names: an address as it is, or a file (relative to the workbook's
    folder; to the workspace's when the workbook is no file)."""
    file = local_file(named)
    if file is None:
        return named
    shared = file.expanduser()
    if shared.is_absolute():
        return shared
    where = target.location
    return (where.parent if isinstance(where, Path) else workspace.root) / shared


def _shown_name(target: Target) -> str:
    """How Issues names the workbook: a file by its name, a Google Sheet by its address."""
    where = target.location
    return where.name if isinstance(where, Path) else where


def _findings(store: Store) -> list[Finding]:
    """The findings of every import, in both languages (a store made by an older fupan kept
    only the English)."""
    rows = store.findings()
    english = rows["message"]
    chinese = rows.get("message_zh", english)
    columns = ("severity", "code", "file", "row", "column")
    return [
        Finding.of(
            Severity(severity),
            code,
            Written(en, en if zh is None or pd.isna(zh) else zh),
            file=file,
            row=None if pd.isna(row) else int(row),
            column=None if column is None or pd.isna(column) else column,
        )
        for severity, code, file, row, column, en, zh in zip(
            *(rows[c] for c in columns), english, chinese, strict=True
        )
    ]


__all__ = ["SyncResult", "refresh_review"]
