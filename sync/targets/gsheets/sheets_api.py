"""The one seam to Google's HTTP API: the only module that knows Google's endpoints and URLs.

A sheet's address (the URL a person opens, the id inside it), the Sheets API v4 endpoints
fupan calls (metadata and grids, batchUpdate, developer-metadata search), Drive's
files.copy, and the OAuth scopes and token endpoint they need. Requests go through the
gspread client's HTTP client (its credentials, timeouts and bounded retries: http.py),
bodies as compact UTF-8 JSON, and each one is recorded (what for, how big). Google's
refusals come out as the HTTP client raises them; the target says what they mean.

Nothing here imports gspread or google-auth: `fupan --help` and a run on an .xlsx file
recognise a Google Sheet's address without loading them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...errors import TargetError, msg

if TYPE_CHECKING:
    import gspread

SHEETS = "https://sheets.googleapis.com/v4/spreadsheets"
DRIVE_FILES = "https://www.googleapis.com/drive/v3/files"
BROWSER = "https://docs.google.com/spreadsheets/d/"
TOKEN_URI = "https://oauth2.googleapis.com/token"  # Google's OAuth token endpoint
SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets"
# Only the files fupan created or opened: enough to copy the sheet for a meeting snapshot.
DRIVE_FILE_SCOPE = "https://www.googleapis.com/auth/drive.file"

_KEY = re.compile(r"/spreadsheets/d/([a-zA-Z0-9-_]+)|^([a-zA-Z0-9-_]{25,})$")


def looks_like_gsheet(text: str) -> bool:
    """A Google Sheets URL or a bare spreadsheet id (never an .xlsx path)."""
    return bool(_KEY.search(text.strip())) and not text.strip().lower().endswith(".xlsx")


def spreadsheet_key(sheet: str) -> str:
    """The id in a Google Sheets URL (or the id itself)."""
    m = _KEY.search(sheet.strip())
    if not m:
        raise TargetError(msg("err:g_bad_address", sheet=sheet, example=f"{BROWSER}<id>/edit"))
    return m.group(1) or m.group(2)


def sheet_url(key: str) -> str:
    """The address a person opens the spreadsheet (or a Drive copy of it) at."""
    return BROWSER + key


def encode(body: Any) -> bytes:
    """A request body as compact UTF-8 JSON: a third smaller than requests' default."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


@dataclass
class Exchange:
    """One HTTP request sent: what for, and how big its body was."""

    what: str
    body_bytes: int


@dataclass
class SheetsAPI:
    """The endpoints of one spreadsheet, called through `client` (a gspread client)."""

    client: gspread.Client
    key: str
    exchanges: list[Exchange] = field(default_factory=list)

    @property
    def url(self) -> str:
        return sheet_url(self.key)

    @property
    def auth(self) -> Any:
        """The credentials the requests carry."""
        return self.client.http_client.auth

    def _send(
        self,
        what: str,
        method: str,
        url: str,
        *,
        body: dict[str, Any] | bytes | None = None,
        params: dict[str, Any] | None = None,
    ) -> Any:
        kw: dict[str, Any] = {}
        if params is not None:
            kw["params"] = params
        if body is not None:
            kw["data"] = body if isinstance(body, bytes) else encode(body)
            kw["headers"] = {"Content-Type": "application/json; charset=utf-8"}
        self.exchanges.append(Exchange(what, len(kw.get("data", b""))))
        return self.client.http_client.request(method, url, **kw).json()

    def metadata(self, fields: str, *, what: str = "metadata") -> Any:
        """spreadsheets.get without grid data: tabs, rules, charts, named ranges."""
        return self._send(what, "get", f"{SHEETS}/{self.key}", params={"fields": fields})

    def grids(self, ranges: list[str], fields: str, *, what: str) -> Any:
        """spreadsheets.get with the cells of `ranges` (A1 references of whole tabs)."""
        params = {"ranges": ranges, "includeGridData": "true", "fields": fields}
        return self._send(what, "get", f"{SHEETS}/{self.key}", params=params)

    def batch_update(
        self, body: dict[str, Any] | bytes, *, what: str, fields: str | None = None
    ) -> Any:
        """spreadsheets.batchUpdate: Google applies all its requests, or none of them."""
        params = {"fields": fields} if fields is not None else None
        url = f"{SHEETS}/{self.key}:batchUpdate"
        return self._send(what, "post", url, body=body, params=params)

    def search_metadata(self, body: dict[str, Any], *, what: str) -> Any:
        """spreadsheets.developerMetadata.search."""
        url = f"{SHEETS}/{self.key}/developerMetadata:search"
        return self._send(what, "post", url, body=body)

    def copy(self, body: dict[str, Any], *, what: str = "snapshot") -> Any:
        """Drive files.copy of the spreadsheet (also into a Shared Drive): the copy's id, name."""
        params = {"supportsAllDrives": "true", "fields": "id,name"}
        url = f"{DRIVE_FILES}/{self.key}/copy"
        return self._send(what, "post", url, body=body, params=params)
