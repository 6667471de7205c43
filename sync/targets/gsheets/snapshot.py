"""Meeting snapshots of a Google Sheet: a dated copy in Drive, listed in the workspace.

The copy is what the minutes link to, so they always show the numbers the meeting saw. The
workspace keeps the list (snapshots/google.json): the next minutes read the last copy to say
what changed since, without needing Drive's broader listing scope.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from gspread.exceptions import APIError

from ...errors import TargetError, msg
from .sheets_api import SheetsAPI, sheet_url

INDEX = "google.json"


@dataclass(frozen=True)
class Snapshot:
    day: str
    id: str
    name: str

    @property
    def url(self) -> str:
        return sheet_url(self.id)


def _index(folder: Path) -> dict[str, list[dict[str, str]]]:
    path = folder / INDEX
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def earlier(folder: Path, key: str, before: date) -> Snapshot | None:
    """The last snapshot of the spreadsheet `key` taken before `before`, if any."""
    found = [Snapshot(**e) for e in _index(folder).get(key, []) if e["day"] < str(before)]
    return max(found, key=lambda s: s.day) if found else None


def take(
    sheet: SheetsAPI, title: str, folder: Path, day: date, drive_folder: str | None = None
) -> Snapshot:
    """Copy the sheet in Drive as "<title> <day>" (comments and sharing are not copied)."""
    name = f"{title or 'fupan review'} {day.isoformat()}"
    body: dict[str, object] = {"name": name}
    if drive_folder:
        body["parents"] = [drive_folder]
    try:
        answer = sheet.copy(body)
    except APIError as exc:
        raise _explain(exc, sheet.url) from None
    snap = Snapshot(day.isoformat(), answer["id"], answer.get("name", name))
    index = _index(folder)
    entries = [e for e in index.get(sheet.key, []) if e["day"] != snap.day]
    index[sheet.key] = [*entries, asdict(snap)]
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / (INDEX + ".tmp")
    tmp.write_text(json.dumps(index, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / INDEX)
    return snap


def _explain(exc: APIError, name: str) -> TargetError:
    errors = exc.response.json().get("error", {}).get("errors", []) if exc.response.content else []
    if any(e.get("reason") == "storageQuotaExceeded" for e in errors):
        return TargetError(msg("err:g_drive_quota", name=name))
    status = exc.response.status_code
    if status in (403, 404):
        return TargetError(msg("err:g_drive_refused_access", name=name, status=status))
    return TargetError(msg("err:g_drive_refused", name=name, status=status, error=exc))
