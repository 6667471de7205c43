"""FakeGoogle: the stand-in's state, its requests adapter and its endpoint dispatch."""

from __future__ import annotations

import copy
import json
from collections import deque
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import requests
from requests.adapters import BaseAdapter

from . import batch, discovery, errors, values
from .errors import GoogleError
from .fields import parse as parse_mask
from .fields import select
from .model import Book, new_id

BOT = "fupan-bot@fupan-demo.iam.gserviceaccount.com"
HOSTS = {"sheets.googleapis.com", "www.googleapis.com"}
PAYLOAD_LIMIT = 10 * 1024 * 1024
READS = {"GET"}


@dataclass
class Exchange:
    method: str
    path: str
    query: dict[str, list[str]]
    body_bytes: int
    status: int
    identity: str
    api: str
    kind: str  # "read" or "write"


class FakeGoogle:
    """In-process Sheets v4 + Drive v3 for tests."""

    def __init__(self) -> None:
        self.books: dict[str, Book] = {}
        self.drive: dict[str, dict[str, Any]] = {}  # file id -> Drive file resource
        self.tokens: dict[str, str] = {}
        self.log: list[Exchange] = []
        self.quota = {"read": 60, "write": 60}
        self.now = 1_800_000_000.0
        self._used: dict[tuple[str, str, int], int] = {}
        self._script: deque[int | str] = deque()
        self.shared_drives: dict[str, set[str]] = {}
        self.on_request: list[Any] = []  # callables(method, path) run before each request

    # Set-up and inspection -----------------------------------------------------------------

    def clock(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def create_spreadsheet(self, title: str = "Review", editors: set[str] | None = None) -> str:
        sid = new_id()
        self.books[sid] = Book(sid, title, editors=set(editors or {BOT}))
        self.drive[sid] = _file(sid, title)
        return sid

    def book(self, sid: str) -> Book:
        return self.books[sid]

    def grant(self, token: str, identity: str) -> None:
        self.tokens[token] = identity

    def share(self, sid: str, identity: str) -> None:
        self.books[sid].editors.add(identity)

    def shared_drive_folder(self, folder: str, members: set[str]) -> None:
        self.shared_drives[folder] = set(members)

    def script(self, *outcomes: int | str) -> None:
        """Answers for the next requests: a status code, "timeout" or "drop"."""
        self._script.extend(outcomes)

    def mount(self, session: requests.Session) -> None:
        adapter = _Adapter(self)
        session.mount("https://", adapter)
        session.mount("http://", adapter)

    def count(self, kind: str | None = None) -> int:
        return sum(1 for e in self.log if kind is None or e.kind == kind)

    # Dispatch ----------------------------------------------------------------------------

    def handle(self, request: requests.PreparedRequest) -> tuple[int, Any]:
        url = urlsplit(request.url or "")
        if url.hostname not in HOSTS:
            raise requests.ConnectionError(f"stand-in refuses {url.hostname}")
        body_bytes = request.body or b""
        if isinstance(body_bytes, str):
            body_bytes = body_bytes.encode()
        query = parse_qs(url.query, keep_blank_values=True)
        method = request.method or "GET"
        kind = "read" if method in READS or url.path.endswith((":search", ":batchGet")) else "write"
        api = "drive" if url.path.startswith(("/drive", "/upload")) else "sheets"
        identity = self._identity(request)
        exchange = Exchange(method, url.path, query, len(body_bytes), 0, identity or "", api, kind)
        self.log.append(exchange)
        for hook in self.on_request:
            hook(method, url.path)
        if self._script:
            outcome = self._script.popleft()
            if outcome == "timeout":
                exchange.status = 0
                raise requests.ReadTimeout("stand-in: scripted timeout")
            if outcome == "drop":
                exchange.status = 0
                raise requests.ConnectionError("stand-in: scripted dropped connection")
            err = errors.quota(kind) if outcome == 429 else errors.server(int(outcome))
            exchange.status = err.code
            return err.code, err.body
        try:
            status, answer = self._dispatch(
                method, url.path, query, body_bytes, identity, kind, api
            )
        except GoogleError as err:
            exchange.status = err.code
            return err.code, err.body
        exchange.status = status
        return status, answer

    def _identity(self, request: requests.PreparedRequest) -> str | None:
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            return None
        return self.tokens.get(auth[7:], BOT)

    def _charge(self, identity: str, kind: str) -> None:
        minute = int(self.now // 60)
        key = (identity, kind, minute)
        self._used[key] = self._used.get(key, 0) + 1
        if self._used[key] > self.quota[kind]:
            raise errors.quota(kind)

    def _dispatch(
        self,
        method: str,
        path: str,
        query: dict[str, list[str]],
        raw: bytes,
        identity: str | None,
        kind: str,
        api: str,
    ) -> tuple[int, Any]:
        if identity is None:
            raise GoogleError(
                401,
                "Request is missing required authentication credential. Expected OAuth 2 "
                "access token, login cookie or other valid authentication credential.",
            )
        if len(raw) > PAYLOAD_LIMIT:
            raise errors.invalid(f"Request payload size exceeds the limit: {PAYLOAD_LIMIT} bytes.")
        found = discovery.route(method, path)
        if found is None:
            raise GoogleError(501, f"stand-in: {method} {path} is not implemented")
        route, params = found
        discovery.check_query(route, query)
        body = json.loads(raw) if raw else None
        discovery.check_body(route, body)
        self._charge(identity, kind)
        q = {k: v[-1] for k, v in query.items()}
        if api == "drive":
            return self._drive(route.id, params, q, body or {}, identity)
        sid = unquote(params.get("spreadsheetId", ""))
        if route.id == "sheets.spreadsheets.create":
            return 200, self._create_via_sheets(body or {}, identity)
        book = self.books.get(sid)
        if book is None:
            raise errors.not_found()
        if identity not in book.editors:
            raise errors.denied()
        return 200, self._sheets(route.id, book, params, query, q, body or {})

    def _sheets(
        self,
        method: str,
        book: Book,
        params: dict[str, str],
        query: dict[str, list[str]],
        q: dict[str, str],
        body: dict[str, Any],
    ) -> Any:
        mask = parse_mask(q["fields"]) if q.get("fields") else None
        if method == "sheets.spreadsheets.get":
            grid = q.get("includeGridData", "false").lower() == "true"
            ranges = query.get("ranges")
            return select(book.to_json(grid=grid, ranges=ranges), mask)
        if method == "sheets.spreadsheets.batchUpdate":
            work, replies = batch.run(book, body.get("requests") or [])
            self.books[book.id] = work
            out: dict[str, Any] = {"spreadsheetId": book.id, "replies": replies}
            if body.get("includeSpreadsheetInResponse"):
                out["updatedSpreadsheet"] = work.to_json()
            return select(out, mask)
        if method == "sheets.spreadsheets.developerMetadata.search":
            found = []
            for f in body.get("dataFilters") or []:
                lookup = f.get("developerMetadataLookup")
                if lookup is None:
                    raise GoogleError(501, "stand-in: only developerMetadataLookup filters")
                for m in book.all_metadata():
                    if batch.metadata_matches(m, lookup):
                        found.append({"developerMetadata": copy.deepcopy(m), "dataFilters": [f]})
            return {"matchedDeveloperMetadata": found} if found else {}
        if method == "sheets.spreadsheets.developerMetadata.get":
            mid = int(params["metadataId"])
            for m in book.all_metadata():
                if m["metadataId"] == mid:
                    return copy.deepcopy(m)
            raise errors.not_found()
        return self._values(method, book, params, query, q, body)

    def _values(
        self,
        method: str,
        book: Book,
        params: dict[str, str],
        query: dict[str, list[str]],
        q: dict[str, str],
        body: dict[str, Any],
    ) -> Any:
        rng = unquote(params.get("range", ""))
        work = copy.deepcopy(book)
        if method == "sheets.spreadsheets.values.get":
            return values.value_range(book, rng, q)
        if method == "sheets.spreadsheets.values.batchGet":
            return {
                "spreadsheetId": book.id,
                "valueRanges": [values.value_range(book, r, q) for r in query.get("ranges", [])],
            }
        if method in ("sheets.spreadsheets.values.update", "sheets.spreadsheets.values.append"):
            option = q.get("valueInputOption")
            if not option:
                raise errors.invalid("'valueInputOption' is required but not specified")
            append = method.endswith("append")
            result = values.write(work, rng, body, option, append=append)
            self._commit(work)
            if append:
                _sheet, _ = work.find(rng)
                return {
                    "spreadsheetId": book.id,
                    "tableRange": rng.split("!")[0] if "!" in rng else rng,
                    "updates": result,
                }
            return result
        if method == "sheets.spreadsheets.values.batchUpdate":
            option = body.get("valueInputOption")
            if not option:
                raise errors.invalid("'valueInputOption' is required but not specified")
            results = [values.write(work, d["range"], d, option) for d in body.get("data") or []]
            self._commit(work)
            return {
                "spreadsheetId": book.id,
                "totalUpdatedRows": sum(r["updatedRows"] for r in results),
                "totalUpdatedColumns": max((r["updatedColumns"] for r in results), default=0),
                "totalUpdatedCells": sum(r["updatedCells"] for r in results),
                "totalUpdatedSheets": len({r["updatedRange"].split("!")[0] for r in results}),
                "responses": results,
            }
        if method == "sheets.spreadsheets.values.clear":
            cleared = values.clear(work, rng)
            self._commit(work)
            return {"spreadsheetId": book.id, "clearedRange": cleared}
        if method == "sheets.spreadsheets.values.batchClear":
            cleared = [values.clear(work, r) for r in body.get("ranges") or []]
            self._commit(work)
            return {"spreadsheetId": book.id, "clearedRanges": cleared}
        raise GoogleError(501, f"stand-in: {method} is not implemented")

    def _commit(self, work: Book) -> None:
        if work.cell_total() > batch.CELL_LIMIT:
            raise errors.invalid(
                "This action would increase the number of cells in the workbook above the "
                f"limit of {batch.CELL_LIMIT} cells."
            )
        self.books[work.id] = work

    def _create_via_sheets(self, body: dict[str, Any], identity: str) -> dict[str, Any]:
        title = (body.get("properties") or {}).get("title") or "Untitled spreadsheet"
        sid = self.create_spreadsheet(title, {identity})
        return self.books[sid].to_json()

    # Drive -------------------------------------------------------------------------------

    def _drive(
        self, method: str, params: dict[str, str], q: dict[str, str], body: dict[str, Any], who: str
    ) -> tuple[int, Any]:
        fid = unquote(params.get("fileId", ""))
        if method == "drive.files.create":
            if body.get("mimeType") != "application/vnd.google-apps.spreadsheet":
                raise GoogleError(501, "stand-in: Drive creates spreadsheets only")
            self._may_own(who, body.get("parents"))
            sid = self.create_spreadsheet(body.get("name") or "Untitled spreadsheet", {who})
            return 200, self._file_answer(sid, q)
        if fid and fid not in self.drive:
            raise errors.drive(404, "notFound", f"File not found: {fid}.")
        if fid and fid in self.books and who not in self.books[fid].editors:
            raise errors.drive(404, "notFound", f"File not found: {fid}.")
        if method == "drive.files.get":
            return 200, self._file_answer(fid, q)
        if method == "drive.files.delete":
            del self.drive[fid]
            self.books.pop(fid, None)
            return 204, None
        if method == "drive.files.copy":
            self._may_own(who, body.get("parents"))
            new = copy.deepcopy(self.books[fid])
            new.id = new_id()
            new.title = body.get("name") or f"Copy of {new.title}"
            new.editors = {who}
            self.books[new.id] = new
            self.drive[new.id] = _file(new.id, new.title)
            if body.get("parents"):
                self.drive[new.id]["parents"] = list(body["parents"])
            return 200, self._file_answer(new.id, q)
        if method == "drive.files.list":
            files = [f for k, f in self.drive.items() if who in self.books[k].editors]
            return 200, {"kind": "drive#fileList", "incompleteSearch": False, "files": files}
        raise GoogleError(501, f"stand-in: {method} is not implemented")

    def _may_own(self, who: str, parents: list[str] | None) -> None:
        """Service accounts have no Drive storage of their own, only Shared Drive folders."""
        if not who.endswith(".iam.gserviceaccount.com"):
            return
        if any(who in self.shared_drives.get(p, set()) for p in parents or []):
            return
        raise errors.drive(
            403,
            "storageQuotaExceeded",
            "Service Accounts do not have storage quota. Leverage shared drives "
            "(https://developers.google.com/workspace/drive/api/guides/about-shareddrives), "
            "or use OAuth delegation "
            "(http://support.google.com/a/answer/7281227) instead.",
            domain="usageLimits",
        )

    def _file_answer(self, fid: str, q: dict[str, str]) -> dict[str, Any]:
        f = dict(self.drive[fid])
        if q.get("fields"):
            return select(f, parse_mask(q["fields"]))
        return {k: f[k] for k in ("kind", "id", "name", "mimeType")}


def _file(fid: str, name: str) -> dict[str, Any]:
    return {
        "kind": "drive#file",
        "id": fid,
        "name": name,
        "mimeType": "application/vnd.google-apps.spreadsheet",
        "createdTime": "2026-11-23T08:00:00.000Z",
        "modifiedTime": "2026-11-23T08:00:00.000Z",
    }


class _Adapter(BaseAdapter):
    def __init__(self, fake: FakeGoogle) -> None:
        super().__init__()
        self.fake = fake

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        status, answer = self.fake.handle(request)
        response = requests.Response()
        response.status_code = status
        response.url = request.url or ""
        response.request = request
        response.headers["Content-Type"] = "application/json; charset=UTF-8"
        response._content = b"" if answer is None else json.dumps(answer, indent=2).encode()
        response.encoding = "utf-8"
        return response

    def close(self) -> None:
        pass
