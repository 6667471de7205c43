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

from ...errors import TargetError
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
        return TargetError(
            "Google does not let a service account own files in My Drive, so it cannot copy "
            f"{name} as the meeting's snapshot. Pass --snapshot-folder with the id of a "
            "folder in a Shared Drive where the service account is a Content manager, or sign "
            "in as a person with `fupan auth login`. The minutes were not written."
        )
    status = exc.response.status_code
    if status in (403, 404):
        return TargetError(
            f"Google Drive refused to copy {name} ({status}): the identity fupan uses "
            "needs edit access to the sheet (and to --snapshot-folder)."
        )
    return TargetError(f"Google Drive refused to copy {name} ({status}): {exc}")
