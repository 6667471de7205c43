"""FakeGoogle: the state of the stand-in, request dispatch, identities, quotas and faults."""

from __future__ import annotations

import json
import random
import string
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import requests

from . import discovery, drive, sheets_api  # noqa: F401  (drive registers its endpoints)
from .drive import WRITERS, DriveFile
from .errors import (
    ApiError,
    Unimplemented,
    drive_scripted,
    not_found,
    permission_denied,
    rate_limited,
    server_error,
    unauthenticated,
)
from .formats import prune
from .model import Spreadsheet, new_sheet
from .sheets_api import BODY_ROOT, HANDLERS, READS, Call

BOT = "fupan-bot@fupan-demo.iam.gserviceaccount.com"
MAX_PAYLOAD = 10 * 1024 * 1024
HOSTS = {"sheets.googleapis.com": "sheets", "www.googleapis.com": "drive"}
_ID_CHARS = string.ascii_letters + string.digits + "-_"


class ManualClock:
    """The default clock: time stands still until a test advances it."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Exchange:
    """One HTTP exchange as the stand-in saw it (status 0: timed out or dropped)."""

    method: str
    path: str
    query: dict[str, list[str]]
    body_bytes: int
    status: int
    identity: str
    api: str  # "sheets" | "drive"
    kind: str  # "read" | "write"
    answer_bytes: int = 0  # the answer as compact JSON (Google's own is indented, gzipped)


Outcome = int | str


class FakeGoogle:
    """An in-process Google Sheets v4 + Drive v3 for tests (mount it on a requests session)."""

    def __init__(self, clock: Callable[[], float] | None = None, seed: int = 0) -> None:
        self.clock: Callable[[], float] = clock or ManualClock()
        self.rng = random.Random(seed)
        self.books: dict[str, Spreadsheet] = {}
        self.files: dict[str, DriveFile] = {}
        self.tokens: dict[str, str] = {}
        self.log: list[Exchange] = []
        # Called as hook(method, path) after each request is logged, before it is answered:
        # a test can script a fault for exactly the request it wants to fail.
        self.on_request: list[Callable[[str, str], None]] = []
        self.quota: dict[str, int] | None = {"read": 60, "write": 60}
        self.unimplemented: list[AssertionError] = []
        # Until 2025 service accounts could own Drive files; the gspread cassettes predate that.
        self.legacy_service_account_storage = False
        self._script: deque[Outcome] = deque()
        self._usage: dict[tuple[str, str], deque[float]] = {}
        self._permission_ids = 0

    # set-up ------------------------------------------------------------------------------------

    def count(self, kind: str | None = None) -> int:
        """Requests logged so far, of one kind ("read" or "write") or all."""
        return sum(1 for e in self.log if kind is None or e.kind == kind)

    def advance(self, seconds: float) -> None:
        """Move the default manual clock on (quotas refill after 60 s)."""
        step = getattr(self.clock, "advance", None)
        if step is None:
            raise TypeError("advance() needs the default ManualClock; move your own clock")
        step(seconds)

    def grant(self, token: str, identity: str) -> None:
        """Requests bearing `token` act as `identity` (unknown tokens act as BOT)."""
        self.tokens[token] = identity

    def script(self, *outcomes: Outcome) -> None:
        """Queue outcomes for the next requests: 429/5xx statuses, "timeout", "drop", or 200;
        "lost" serves the request (Google applies it) and then loses its answer (a timeout)."""
        for outcome in outcomes:
            if not (isinstance(outcome, int) or outcome in ("timeout", "drop", "lost")):
                raise ValueError(f"unknown scripted outcome {outcome!r}")
            self._script.append(outcome)

    def mount(self, session: requests.Session) -> None:
        """Send this session's https:// and http:// traffic to the stand-in."""
        from .adapter import StandInAdapter

        adapter = StandInAdapter(self)
        session.mount("https://", adapter)
        session.mount("http://", adapter)

    def _new_id(self) -> str:
        while True:
            sid = "1" + "".join(self.rng.choice(_ID_CHARS) for _ in range(43))
            if sid not in self.files:
                return sid

    def new_file(
        self, name: str, mime: str, owner: str, folder: DriveFile | None, file_id: str | None = None
    ) -> DriveFile:
        f = DriveFile(file_id or self._new_id(), name, mime, self.clock())
        if folder is not None:
            f.parents = [folder.file_id]
            f.drive_id = folder.drive_id
        if folder is None or not folder.drive_id:
            self.grant_file(f, "user", "owner", owner, None)
        self.files[f.file_id] = f
        return f

    def grant_file(
        self, f: DriveFile, kind: str, role: str, email: str | None, domain: str | None
    ) -> dict[str, Any]:
        for p in f.permissions:
            if email and p.get("emailAddress") == email:
                if p["role"] != "owner":
                    p["role"] = role
                return p
        self._permission_ids += 1
        perm: dict[str, Any] = {
            "kind": "drive#permission",
            "id": f"{self._permission_ids:020d}" if email else "anyoneWithLink",
            "type": kind,
            "role": role,
        }
        if email:
            perm["emailAddress"] = email
        if domain:
            perm["domain"] = domain
        f.permissions.append(perm)
        return perm

    def create_spreadsheet(
        self,
        title: str = "Untitled spreadsheet",
        editors: Iterable[str] = (BOT,),
        *,
        owner: str = "owner@fupan-demo.example",
        readers: Iterable[str] = (),
        sheets: list[dict[str, Any]] | None = None,
        parents: list[str] | None = None,
        locale: str = "en_US",
        time_zone: str = "Etc/GMT",
        spreadsheet_id: str | None = None,
    ) -> str:
        """A new spreadsheet (one 1000x26 "Sheet1", sheetId 0) owned by `owner`; its id."""
        folder = self.files.get(parents[0]) if parents else None
        f = self.new_file(title, drive.SPREADSHEET, owner, folder, spreadsheet_id)
        for who in editors:
            self.grant_file(f, "user", "writer", who, None)
        for who in readers:
            self.grant_file(f, "user", "reader", who, None)
        book = Spreadsheet(
            f.file_id,
            {"title": title, "locale": locale, "autoRecalc": "ON_CHANGE", "timeZone": time_zone},
        )
        if sheets:
            taken: set[int] = set()
            for i, props in enumerate(sheets):
                sheet_id = props.get("sheetId")
                if sheet_id is None:
                    sheet_id = 0 if i == 0 else self.rng.randrange(1, 2**31 - 1)
                grid = props.get("gridProperties") or {}
                sheet = new_sheet(
                    int(sheet_id),
                    props.get("title") or f"Sheet{i + 1}",
                    i,
                    int(grid.get("rowCount", 1000)),
                    int(grid.get("columnCount", 26)),
                )
                taken.add(sheet.sheet_id)
                book.sheets.append(sheet)
        else:
            book.sheets.append(new_sheet(0, "Sheet1", 0))
        self.books[f.file_id] = book
        return f.file_id

    def share(self, sid: str, identity: str, role: str = "writer") -> None:
        """Give `identity` edit access (or `role`) to a spreadsheet."""
        self.grant_file(self.files[sid], "user", role, identity, None)

    def shared_drive_folder(self, folder_id: str, members: Iterable[str]) -> None:
        """A folder in a shared drive: its members may create and copy files into it."""
        f = DriveFile(folder_id, "Shared folder", drive.FOLDER, self.clock())
        f.drive_id = "0A" + folder_id[:17]
        f.members = set(members)
        self.files[folder_id] = f

    def book(self, sid: str) -> Spreadsheet:
        """The stored model of a spreadsheet, for assertions."""
        return self.books[sid]

    # access ------------------------------------------------------------------------------------

    def _folder_member(self, f: DriveFile, identity: str) -> bool:
        for pid in f.parents:
            folder = self.files.get(pid)
            if folder is not None and folder.drive_id and identity in folder.members:
                return True
        return bool(f.drive_id) and identity in f.members

    def can_read(self, f: DriveFile, identity: str) -> bool:
        return (
            f.role(identity) is not None
            or self._folder_member(f, identity)
            or any(p.get("type") == "anyone" for p in f.permissions)
        )

    def can_write(self, f: DriveFile, identity: str) -> bool:
        return f.role(identity) in WRITERS or self._folder_member(f, identity)

    def can_delete(self, f: DriveFile, identity: str) -> bool:
        return f.role(identity) == "owner" or self._folder_member(f, identity)

    def open(self, sid: str, identity: str, *, write: bool) -> Spreadsheet:
        """The spreadsheet `identity` may read (or write): 404 unknown, 403 no access."""
        book = self.books.get(sid)
        f = self.files.get(sid)
        if book is None or f is None:
            raise not_found()
        if not (self.can_write(f, identity) if write else self.can_read(f, identity)):
            raise permission_denied()
        return book

    def commit(self, book: Spreadsheet) -> None:
        """Make a successfully changed copy the spreadsheet's state.

        The objects a test already holds (the Spreadsheet, its SheetModels) are updated in
        place, so `book = fake.book(sid)` stays live across requests.
        """
        old = self.books.get(book.spreadsheet_id)
        if old is not None and old is not book:
            before = {s.sheet_id: s for s in old.sheets}
            sheets = []
            for sheet in book.sheets:
                kept = before.get(sheet.sheet_id)
                if kept is not None:
                    kept.__dict__.update(sheet.__dict__)
                    sheet = kept
                sheets.append(sheet)
            book.sheets = sheets
            old.__dict__.update(book.__dict__)
            book = old
        self.books[book.spreadsheet_id] = book
        f = self.files.get(book.spreadsheet_id)
        if f is not None:
            f.modified = self.clock()
            f.name = book.title

    def copy_spreadsheet(
        self, source_id: str, name: str, identity: str, folder: DriveFile | None
    ) -> str:
        f = self.new_file(name, drive.SPREADSHEET, identity, folder)
        book = self.books[source_id].clone()
        book.spreadsheet_id = f.file_id
        book.properties["title"] = name
        self.books[f.file_id] = book
        return f.file_id

    def remove_file(self, file_id: str) -> None:
        self.files.pop(file_id, None)
        self.books.pop(file_id, None)

    # dispatch ----------------------------------------------------------------------------------

    def _identity(self, headers: dict[str, str]) -> str | None:
        auth = headers.get("Authorization") or headers.get("authorization")
        if not auth or not auth.startswith("Bearer "):
            return None
        return self.tokens.get(auth[len("Bearer ") :], BOT)

    def _charge(self, identity: str, kind: str) -> None:
        if not self.quota or kind not in self.quota:
            return
        now = self.clock()
        used = self._usage.setdefault((identity, kind), deque())
        while used and used[0] <= now - 60:
            used.popleft()
        if len(used) >= self.quota[kind]:
            raise rate_limited(kind, self.quota[kind])
        used.append(now)

    def handle(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, Any]:
        """Answer one request: (status, JSON body or None). Raises for timeouts and drops."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        if host not in HOSTS:
            raise requests.ConnectionError(f"stand-in refuses {host}")
        api = HOSTS[host]
        found = discovery.route(host, method.upper(), parts.path)
        name = found[0].name if found else ""
        if api == "sheets":
            kind = "read" if name in READS else "write"
        else:
            kind = "read" if method.upper() == "GET" else "write"
        query = parse_qs(parts.query, keep_blank_values=True)
        identity = self._identity(headers)
        exchange = Exchange(
            method.upper(), parts.path, query, len(body or b""), 0, identity or "", api, kind
        )
        self.log.append(exchange)
        for hook in self.on_request:
            hook(exchange.method, exchange.path)
        lost = bool(self._script) and self._script[0] == "lost"
        if lost:
            self._script.popleft()
        try:
            status, answer = self._answer(api, found, kind, identity, query, body)
        except ApiError as e:
            status, answer = e.status, e.body
            if isinstance(e, Unimplemented):
                self.unimplemented.append(e.assertion)
        if lost:  # served, then the answer never arrives
            raise requests.ReadTimeout("stand-in: scripted lost answer (the request was applied)")
        exchange.status = status
        exchange.answer_bytes = len(json.dumps(answer, separators=(",", ":")).encode())
        return status, answer

    def _answer(
        self,
        api: str,
        found: tuple[discovery.Method, dict[str, str]] | None,
        kind: str,
        identity: str | None,
        query: dict[str, list[str]],
        body: bytes | None,
    ) -> tuple[int, Any]:
        if self._script:
            outcome = self._script.popleft()
            if outcome == "timeout":
                raise requests.ReadTimeout("stand-in: scripted read timeout")
            if outcome == "drop":
                raise requests.ConnectionError("stand-in: scripted dropped connection")
            if outcome != 200:
                assert isinstance(outcome, int)
                if api == "drive":
                    raise drive_scripted(outcome)
                if outcome == 429:
                    raise rate_limited(kind, (self.quota or {}).get(kind, 60))
                raise server_error(outcome)
        service = "sheets.googleapis.com" if api == "sheets" else "drive.googleapis.com"
        if identity is None:
            raise unauthenticated(service)
        if found is None:
            raise Unimplemented("this URL (no discovery method matches it)")
        method, raw = found
        handler = HANDLERS.get(method.name)
        if handler is None:
            raise Unimplemented(f"{api} method {method.name}")
        if api == "sheets":
            self._charge(identity, kind)
        if body is not None and len(body) > MAX_PAYLOAD:
            raise ApiError(
                400,
                {
                    "error": {
                        "code": 400,
                        "message": "Request payload size exceeds the limit: 10485760 bytes.",
                        "status": "INVALID_ARGUMENT",
                    }
                },
            )
        discovery.check_query(method, query)
        parsed: Any = None
        if body:
            try:
                parsed = json.loads(body)
            except ValueError:
                message = "Invalid JSON payload received. Unexpected token."
                raise ApiError(
                    400, {"error": {"code": 400, "message": message, "status": "INVALID_ARGUMENT"}}
                ) from None
        if parsed is not None and method.request_ref:
            checker = discovery.validator(api)
            checker.check(parsed, method.request_ref, BODY_ROOT.get(method.name, ""))
            if checker.nulls:
                parsed = prune(parsed)  # once, here: handlers never see null fields
        params = {k: unquote(v) for k, v in raw.items()}
        return handler(self, Call(identity, params, query, parsed))

    def check(self) -> None:
        """Fail if any request hit something the stand-in does not implement."""
        if self.unimplemented:
            raise self.unimplemented[0]
