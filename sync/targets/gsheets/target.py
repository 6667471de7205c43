"""The Google Sheets target: the review workbook in a shared Google Sheet.

A full refresh is four HTTP requests: take the lease (its answer carries the sheet's
metadata), read the tabs the team edits, read them once more right before writing (an
edit typed meanwhile stops the write: ChangedError; the same read fetches fupan's tabs
that may be left out), and one `spreadsheets.batchUpdate` that Google applies all or
nothing (it also releases the lease). That batch carries only the tabs that changed
(diff.py), values and formulas pasted rather than typed cell by cell (paste.py). Only when it would
be larger than Google accepts are the biggest tabs written first into hidden staging tabs,
then copied into place by the final atomic batch, so the visible workbook still changes in
one step. A final batch whose answer was lost is recognised by its effect: the lease it
released is gone.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import google.auth.exceptions
import gspread
import requests
from gspread.exceptions import APIError

from ...errors import AuthError, ChangedError, TargetError, msg
from ...workbook.cells import sheet_ref
from ...workbook.plan import WorkbookPlan
from ..base import STATE_SHEET, Grid, Target, state_of
from . import compose, diff, grid, looks, paste, tab_settings
from . import snapshot as snapshots
from .auth import refresh_failed
from .book import (
    DATA_PREFIX,
    DEFAULT_TAB,
    GRID_FIELDS,
    META_FIELDS,
    STAGE_PREFIX,
    Book,
    blank_default,
    book_of,
    grids_of,
)
from .layout import layout, new_id, state_sheet
from .lease import LEASE_ID, Lease
from .sheets_api import Exchange, SheetsAPI, encode, spreadsheet_key
from .staging import stage
from .values import JSON

CELL_LIMIT = 10_000_000  # per spreadsheet, all tabs (Google, since 2022)
REQUEST_LIMIT = 10 * 1024 * 1024  # "Request payload size exceeds the limit: 10485760 bytes."


class GSheetsTarget(Target):
    """A Google Sheet opened through gspread; `lease=False` for read-only runs (--dry-run)."""

    def __init__(
        self,
        sheet: str,
        client: gspread.Client,
        *,
        lease: bool = True,
        wait: float = 0.0,
        who: str = "",
        identity: str = "",
        max_request_bytes: int = REQUEST_LIMIT,
        clock: Callable[[], float] = time.time,
        baseline: dict[str, Grid] | None = None,
    ) -> None:
        self.key = spreadsheet_key(sheet)
        self.api = SheetsAPI(client, self.key)
        # Tabs as an earlier reader saw them (see reopen): a write must still find them so.
        self._baseline = dict(baseline or {})
        self.name = self.api.url
        self.client = client
        self.identity = identity
        self.max_request_bytes = max_request_bytes
        self.title = ""  # the spreadsheet's own name, once its metadata is read
        self.notes: list[str] = []  # what a user should know (a split write)
        self._book: Book | None = None
        self._lease = (
            Lease(
                self._lease_batch,
                self._lease_value,
                who=who,
                wait=wait,
                clock=clock,
            )
            if lease
            else None
        )
        self._leased = False

    # HTTP ----------------------------------------------------------------------------------

    @property
    def exchanges(self) -> list[Exchange]:
        """Every request this target sent: what for, and how big."""
        return self.api.exchanges

    @contextmanager
    def _google(self, *, raw: bool = False) -> Iterator[None]:
        """Google's refusals as fupan's errors (`raw`: Google's own, for the caller to read)."""
        try:
            yield
        except APIError as exc:
            if raw:
                raise
            raise self._explain(exc) from None
        except google.auth.exceptions.RefreshError as exc:
            raise refresh_failed(self.api.auth, exc) from None
        except requests.RequestException as exc:
            raise TargetError(msg("err:g_unreachable_sheets", error=type(exc).__name__)) from None

    def _batch_update(self, body: dict[str, Any] | bytes, what: str) -> Any:
        """One spreadsheets.batchUpdate; `body` may come already encoded."""
        with self._google():
            return self.api.batch_update(body, what=what)

    def _lease_batch(self, body: dict[str, Any]) -> Any:
        """The lease's batchUpdate: Google's refusal goes back to the lease (its id is taken)."""
        fields = f"spreadsheetId,replies,updatedSpreadsheet({META_FIELDS})"
        with self._google(raw=True):
            return self.api.batch_update(body, what="lease", fields=fields)

    def _explain(self, exc: APIError) -> Exception:
        status = exc.response.status_code
        if status == 403:
            return self._explain_403()
        if status == 404:
            return TargetError(msg("err:g_no_sheet", name=self.name))
        if status == 401:
            return AuthError(msg("err:g_not_accepted"))
        message = exc.error.get("message", str(exc)) if hasattr(exc, "error") else str(exc)
        return TargetError(msg("err:g_refused", status=status, message=message))

    def _explain_403(self) -> Exception:
        who = self.identity or msg("err:g_account_fupan_uses")
        return AuthError(msg("err:g_cannot_edit", who=who, name=self.name))

    def _lease_value(self) -> str | None:
        body = {"dataFilters": [{"developerMetadataLookup": {"metadataId": LEASE_ID}}]}
        with self._google():
            answer = self.api.search_metadata(body, what="lease")
        found = answer.get("matchedDeveloperMetadata", [])
        return found[0]["developerMetadata"].get("metadataValue") if found else None

    # Reading -------------------------------------------------------------------------------

    def _take_lease(self) -> dict[str, Any] | None:
        """Take the lease; its answer carries the metadata too (one request for both)."""
        if self._lease is None or self._leased:
            return None
        try:
            answer = self._lease.acquire(includeSpreadsheetInResponse=True)
        except APIError as exc:
            raise self._explain(exc) from None
        self._leased = True
        meta: JSON | None = answer.get("updatedSpreadsheet")
        return meta

    def _meta(self) -> Book:
        if self._book is None:
            # The lease comes before reading: what we read is what nobody else is writing.
            meta = self._take_lease()
            if meta is None:
                with self._google():
                    meta = self.api.metadata(META_FIELDS)
            book = book_of(meta)
            self.title = book.title
            self._book = book
        return self._book

    def sheet_titles(self) -> list[str]:
        return [t for t in self._meta().ids if not t.startswith(STAGE_PREFIX)]

    def read_sheet(self, title: str) -> Grid | None:
        book = self._meta()
        if title not in book.ids:
            return None
        if title not in book.grids:
            wanted = (
                [title]
                if title.startswith(DATA_PREFIX)
                else [t for t in book.ids if not t.startswith((DATA_PREFIX, STAGE_PREFIX))]
            )
            self._read_grids(wanted)
        return book.grids.get(title, [])

    def _read_grids(
        self, titles: list[str], what: str = "read tabs", *, look: bool = False
    ) -> None:
        """Read tabs' values (`look`: and how they look, for tabs that may be left out)."""
        fields = looks.CHECK_FIELDS if look else GRID_FIELDS
        with self._google():
            answer = self.api.grids([sheet_ref(t) for t in titles], fields, what=what)
        assert self._book is not None
        self._book.grids.update(grids_of(answer))
        if look:
            self._book.looks.update(looks.looks_of(answer))

    def changed(self, also: list[str] | None = None) -> bool:
        """Whether someone edited the tabs read so far since they were read (one request,
        which reads the tabs `also` names as well).

        Tabs an earlier reader saw (the baseline `reopen` passes on) are compared with what
        that reader saw.
        """
        if self._book is None and not self._baseline and not also:
            return False
        book = self._meta()
        before = {**book.grids, **self._baseline}
        extra = [t for t in also or [] if t in book.ids]
        wanted = list(dict.fromkeys([*before, *extra]))
        if not wanted:
            return False
        if any(t not in book.ids for t in before):
            return True  # a tab read before was deleted or renamed
        self._read_grids(wanted, what="check for edits", look=bool(extra))
        return any(book.grids.get(t) != grid for t, grid in before.items())

    def reopen(self) -> GSheetsTarget:
        """A fresh target on the same sheet with the same client, guarding what this one read."""
        seen = {**(self._book.grids if self._book is not None else {}), **self._baseline}
        return GSheetsTarget(
            self.key,
            self.client,
            lease=self._lease is not None,
            identity=self.identity,
            max_request_bytes=self.max_request_bytes,
            baseline=seen,
        )

    def read_state(self) -> dict[str, str]:
        return state_of(self.read_sheet(STATE_SHEET))

    # Writing -------------------------------------------------------------------------------

    def apply(self, plan: WorkbookPlan, *, keep: list[str], state: dict[str, str]) -> None:
        book = self._meta()
        sheets = [*plan.sheets, state_sheet(state)]
        bodies = {s.title: grid.content(s) for s in sheets}
        sizes = {s.title: grid.extent(s, bodies[s.title]) for s in sheets}
        ids = dict(book.ids)
        used = set(ids.values())
        for s in sheets:
            if s.title not in ids:
                ids[s.title] = new_id(used)
        cells: dict[str, list[JSON]] = {}
        own: dict[str, list[JSON]] = {}  # a tab's requests: its cells, then the rest
        props: dict[str, JSON] = {}  # wherever the tab stands (its place is set apart)
        stamps: dict[str, str] = {}
        for s in sheets:
            t, sid = s.title, ids[s.title]
            cells[t], rest = compose.tab_requests(
                s, sid, bodies[t], sizes[t], ids, pasted=paste.pastes(book.locale)
            )
            own[t] = cells[t] + rest
            props[t] = tab_settings.sheet_properties(s, sid, 0, sizes[t])
            stamps[t] = diff.fingerprint([props[t], *own[t]])
        maybe = [t for t in stamps if book.stamps.get(t, (0, ""))[1] == stamps[t]]
        # One read before the write: edits typed since the tabs were read stop it, and the
        # tabs that may be left out are compared with what the sheet holds.
        unread = [t for t in keep if DEFAULT_TAB.fullmatch(t) and t not in book.grids]
        self._check_edits([*unread, *maybe])
        keep = [
            t
            for t in keep
            if t in book.ids and not t.startswith(STAGE_PREFIX) and not blank_default(book, t)
        ]
        self._check_cells(sizes, keep)
        same = frozenset(
            t
            for t in maybe
            if diff.unchanged(book, t, stamps[t], own[t], props[t])
            and diff.values_match(book.grids.get(t, []), bodies[t])
            and looks.same_look(book.looks.get(t), looks.drawn(own[t]))
        )
        head = layout(book, sheets, sizes, ids, keep, same)
        writes = {t: w for t, w in cells.items() if t not in same}
        tail = [r for t in writes for r in own[t][len(cells[t]) :]]
        tail += [diff.stamp(book, t, ids[t], stamps[t]) for t in writes]
        tail += compose.named_ranges(book, plan.names, ids)
        if self._lease is not None and self._lease.value is not None:
            tail.append(self._lease.release_request())

        whole = encode({"requests": head + [r for w in writes.values() for r in w] + tail})
        if len(whole) > self.max_request_bytes:  # rare: only then is each tab measured
            requests = stage(
                head,
                writes,
                tail,
                bodies,
                sizes,
                ids,
                used,
                max_request_bytes=self.max_request_bytes,
                send=self._batch_update,
                notes=self.notes,
            )
            whole = encode({"requests": requests})
            self._check_edits([])  # staging took a while: look once more
        try:
            self._batch_update(whole, what="write workbook")
        except TargetError:
            if not self._written_all_the_same():
                raise
        if self._lease is not None:
            self._lease.value = None
        self._leased = False
        self._book = None
        self._baseline = {}

    def _check_edits(self, also: list[str]) -> None:
        """The last look before the write (reading the tabs in `also` too, same request):
        an edit typed since fupan read the sheet wins."""
        if self.changed(also):
            name = self.title or self.name
            raise ChangedError(msg("err:g_edited_meanwhile", name=name), where=name)

    def _written_all_the_same(self) -> bool:
        """After a failed final write: did Google apply it, and only its answer got lost?

        The batch released our lease in the same atomic step, so our lease still there means
        it was not applied; gone, it was (a retry of it was then refused, or lost too).
        """
        if self._lease is None or self._lease.value is None:
            return False
        try:
            held = self._lease_value()
        except TargetError:
            return False
        return held != self._lease.value

    def _check_cells(self, sizes: dict[str, tuple[int, int]], keep: list[str]) -> None:
        assert self._book is not None
        ours = sum(r * c for r, c in sizes.values())
        theirs = sum(
            self._book.props[t]["gridProperties"]["rowCount"]
            * self._book.props[t]["gridProperties"]["columnCount"]
            for t in keep
        )
        if ours + theirs > CELL_LIMIT:
            raise TargetError(
                msg("err:g_too_many_cells", ours=ours, theirs=theirs, limit=CELL_LIMIT)
            )

    # Meeting snapshots: dated copies in Drive, listed in the workspace -----------------------

    def earlier_snapshot(self, folder: Path, before: date) -> tuple[date, GSheetsTarget] | None:
        last = snapshots.earlier(folder, self.key, before)
        if last is None:
            return None
        return date.fromisoformat(last.day), GSheetsTarget(last.id, self.client, lease=False)

    def snapshot(self, folder: Path, day: date, *, drive_folder: str | None = None) -> str:
        """A copy in Drive named "<title> <day>" (into the Shared Drive folder `drive_folder`
        when given), listed in `folder`; returns its address."""
        with self._google(raw=True):  # Drive's refusals: said by snapshots.take
            return snapshots.take(self.api, self.title, folder, day, drive_folder).url

    def close(self) -> None:
        self._book = None  # used again, the target reads afresh (and leases again)
        if self._leased and self._lease is not None:
            self._leased = False
            self._lease.release()


__all__ = ["GSheetsTarget"]
