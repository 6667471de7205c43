"""`fupan pull`: ask Amazon for the reports fupan reads and put the finished ones in the inbox.

Asynchronous by design. A pull (1) collects the reports earlier pulls left pending,
(2) requests what the plan wants, recording each report id in the ledger the moment Amazon
returns it, (3) polls for at most `wait` seconds and collects what finished. Whatever is
still queued at Amazon is collected by the next pull; nothing is requested twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import requests

from .. import marketplaces as mk
from ..i18n import t
from ..store.history import Store
from ..workspace import Workspace
from .connect import Connection, Connector
from .credentials import AmazonCredentials, load, require_sp
from .errors import AmazonApiError, AmazonAuthError, PullBudgetExceeded
from .http import Clock, RetryPolicy
from .inbox import clean_partials, inbox_bytes, place
from .ledger import Entry, Ledger
from .plan import file_name, kind_of, plan
from .source import ReportApi, ReportStatus

POLL_EVERY = 30.0  # seconds between status rounds while waiting
SIDE_FOLDER = "amazon"  # <workspace>/amazon/: documents no reader imports (settlements, fees)
SETTLEMENT_DAYS = 90  # Amazon keeps reports for 90 days


@dataclass
class PullResult:
    collected: list[Entry] = field(default_factory=list)
    requested: list[Entry] = field(default_factory=list)
    pending: list[Entry] = field(default_factory=list)
    finished_badly: list[Entry] = field(default_factory=list)  # cancelled or failed
    deferred: int = 0  # requests left for the next pull (rate limits)
    settlements: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        return [e.file for e in self.collected if e.file]

    def describe(self, lang: str = "en") -> str:
        counts = {"requested": len(self.requested), "collected": len(self.collected)}
        lines = [t("say:pulled", lang, pending=len(self.pending), **counts)]
        if self.deferred:
            lines.append(t("say:pull_deferred", lang, n=self.deferred))
        for e in self.finished_badly:
            span = f"{e.start or ''} {e.end or ''}".strip()
            state = (
                t(f"say:pull_{e.state}", lang) if e.state in ("cancelled", "failed") else e.state
            )
            lines.append(
                t("say:pull_bad", lang, state=state, report=e.report_type, span=span, why=e.message)
            )
        if self.settlements:
            lines.append(t("say:pull_settlements", lang, n=len(self.settlements)))
        lines += [t("say:pull_note", lang, note=n) for n in self.notes]
        return "\n".join(lines)


def pull(
    workspace: Workspace,
    *,
    today: date,
    since: date | None = None,
    marketplaces: Iterable[str] = (),
    credentials: AmazonCredentials | None = None,
    session: requests.Session | None = None,
    clock: Clock | None = None,
    policy: RetryPolicy | None = None,
    wait: float = 0.0,
    budget: float = 300.0,
    now: datetime | None = None,
) -> PullResult:
    """One pull for the workspace (default: its own marketplace). `today` is the seller's
    date; `wait` is how long to poll for reports requested now; `budget` caps the seconds
    spent waiting for rate-limit tokens."""
    creds = credentials if credentials is not None else load()
    if creds.sp is None and creds.ads is None:
        require_sp(creds)
    clock = clock or Clock()
    connector = Connector(creds, session=session, clock=clock, policy=policy, budget=budget)
    codes = [mk.get(m).code for m in marketplaces] or [workspace.marketplace]
    stamp = (now or datetime.fromtimestamp(clock.now(), UTC)).strftime("%Y%m%dT%H%M%SZ")
    run = _Run(workspace, today, stamp, Ledger.load(workspace.root), PullResult())
    for folder in (workspace.reports, workspace.root / SIDE_FOLDER):
        clean_partials(folder)
    store_until = _store_coverage(workspace, codes)
    for code in codes:
        conn = connector.connect(code)
        if conn.note:
            run.result.notes.append(f"{code}: {conn.note}")
        run.collect_pending(conn)
        run.request_planned(conn, since, store_until.get(code, {}))
        run.settlements(conn)
    deadline = clock.now() + wait
    while True:  # one status round at least: small reports are often ready at once
        for code in codes:
            run.collect_pending(connector.connect(code))
        if not run.ledger.pending() or clock.now() >= deadline:
            break
        clock.sleep(min(POLL_EVERY, deadline - clock.now()))
    run.result.pending = run.ledger.pending()
    return run.result


@dataclass
class _Run:
    ws: Workspace
    today: date
    stamp: str
    ledger: Ledger
    result: PullResult

    def save(self) -> None:
        self.ledger.save(self.today)

    def collect_pending(self, conn: Connection) -> None:
        for entry in [e for e in self.ledger.pending() if e.marketplace == conn.marketplace]:
            api = conn.sp if entry.api == "sp" else conn.ads
            if api is None:
                continue
            try:
                status = api.status(entry.report_id)
            except PullBudgetExceeded:
                return
            except AmazonApiError as exc:
                if isinstance(exc, AmazonAuthError):
                    raise
                self.result.notes.append(f"{entry.report_type}: status not known ({exc})")
                continue
            if status.state == "pending":
                continue
            try:
                if status.state == "done":
                    self._collect(api, entry, status)
                else:
                    self._finish_badly(api, entry, status)
            except PullBudgetExceeded:
                return  # downloaded by the next pull: Amazon keeps documents for 90 days
            self.save()

    def _collect(self, api: ReportApi, entry: Entry, status: ReportStatus) -> None:
        doc = api.download(status)
        entry.charset, entry.gzipped, entry.labelled_gzip = (
            doc.charset or "",
            doc.gzipped,
            doc.labelled_gzip,
        )
        entry.finished_on = self.today.isoformat()
        if _empty(doc.body):
            # An ads report with no rows: nothing to import, and no reader could tell an
            # empty JSON array's kind.
            entry.state, entry.message = "empty", "no rows for these days"
            self.result.collected.append(entry)
            return
        kind = kind_of(entry)
        folder = self.ws.reports if kind.inbox else self.ws.root / SIDE_FOLDER / kind.name
        placed = place(
            folder,
            file_name(entry.request, date.fromisoformat(entry.requested_on)),
            inbox_bytes(doc),
            stamp=self.stamp,
        )
        entry.state = "done"
        entry.file = placed.path.relative_to(self.ws.root).as_posix()
        entry.sha256, entry.bytes = placed.sha256, placed.size
        self.result.collected.append(entry)

    def _finish_badly(self, api: ReportApi, entry: Entry, status: ReportStatus) -> None:
        entry.state = status.state
        entry.finished_on = self.today.isoformat()
        message = status.detail
        if status.state == "failed" and status.document:
            # A FATAL SP-API report carries an error document saying why.
            try:
                text = api.download(status).body.decode("utf-8", errors="replace").strip()
            except AmazonApiError as exc:
                text = f"(its error document could not be read: {exc})"
            message = f"{message}: {_error_text(text)}" if message else _error_text(text)
        entry.message = message or status.state
        self.result.finished_badly.append(entry)

    def request_planned(
        self, conn: Connection, since: date | None, until: Mapping[str, date]
    ) -> None:
        apis = [name for name, api in (("sp", conn.sp), ("ads", conn.ads)) if api is not None]
        todo = plan(
            conn.marketplace,
            today=self.today,
            entries=self.ledger.entries,
            apis=apis,
            since=since,
            store_until=until,
        )
        for i, req in enumerate(todo):
            api = conn.sp if req.api == "sp" else conn.ads
            assert api is not None
            try:
                report_id = api.request(req)
            except PullBudgetExceeded:
                self.result.deferred += len(todo) - i
                return
            except AmazonAuthError:
                raise
            except AmazonApiError as exc:
                self.result.notes.append(f"{req.report_type} {req.start or ''}: {exc}")
                continue
            entry = Entry.of(req, report_id, self.today)
            self.ledger.add(entry)
            self.save()  # the id is on disk before anything else can go wrong
            self.result.requested.append(entry)

    def settlements(self, conn: Connection) -> None:
        if conn.sp is None:
            return
        since = datetime.combine(
            self.today - timedelta(days=SETTLEMENT_DAYS), datetime.min.time(), UTC
        )
        try:
            listed = conn.sp.list_settlements(since)
        except PullBudgetExceeded:
            return
        except AmazonApiError as exc:
            if isinstance(exc, AmazonAuthError):
                # Settlements need the Finance and Accounting role; the rest works without.
                self.result.notes.append(f"settlements not listed: {exc}")
                return
            self.result.notes.append(f"settlements not listed: {exc}")
            return
        folder = self.ws.root / SIDE_FOLDER / "settlements"
        for s in listed:
            if s.report_id in self.ledger.settlements:
                continue
            try:
                doc = conn.sp.document_of(s)
            except PullBudgetExceeded:
                return
            span = "_".join(d.date().isoformat() for d in (s.start, s.end) if d) or s.report_id
            placed = place(
                folder,
                f"settlement-{conn.marketplace}-{span}-{s.report_id}.txt",
                inbox_bytes(doc),
                stamp=self.stamp,
            )
            self.ledger.settlements.append(s.report_id)
            self.save()
            self.result.settlements.append(placed.path)


def _empty(body: bytes) -> bool:
    head = body.strip()
    if head[:1] != b"[":
        return not head
    try:
        parsed: object = json.loads(head)
        return parsed == []
    except ValueError:
        return False


def _error_text(text: str) -> str:
    """An SP-API error document: JSON `{"errorDetails": ...}` or plain text, shortened."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        text = str(data.get("errorDetails") or data.get("message") or data)
    return " ".join(text.split())[:500]


def _store_coverage(ws: Workspace, codes: list[str]) -> dict[str, dict[str, date]]:
    """Last day each table holds per marketplace, from files not pulled by fupan."""

    if not ws.store_path.exists():
        return {}
    pulled_prefixes = ("sp-", "ads-")
    out: dict[str, dict[str, date]] = {}
    with Store.open(ws.store_path) as store:
        imports = store.imports()
        for code in codes:
            mine = imports[imports.marketplace == code]
            manual = mine[~mine.file.astype(str).str.startswith(pulled_prefixes)]
            for reader, rows in manual.groupby("reader"):
                end = rows.period_end.dropna()
                if end.empty:
                    continue
                table = _TABLE_OF_READER.get(str(reader))
                if table:
                    last = max(end).date() if hasattr(max(end), "date") else max(end)
                    prev = out.setdefault(code, {}).get(table)
                    out[code][table] = max(prev, last) if prev else last
    return out


_TABLE_OF_READER = {
    "business_asin": "business_asin",
    "business_daily": "business_daily",
    "fba_returns": "returns",
    "seller_feedback": "feedback",
    "all_orders": "orders",
}
