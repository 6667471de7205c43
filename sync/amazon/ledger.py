"""The pull ledger: every report fupan asked Amazon for, in `<workspace>/.fupan/pulls.json`.

A report can take hours, so a pull records the report id the moment Amazon hands it out,
and the next pull picks it up where this one stopped. The file is rewritten whole after each
change (temp file, fsync, rename), so a pull killed at any point leaves the last good ledger.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from ..errors import msg
from .errors import AmazonError
from .inbox import write_atomic
from .source import ReportRequest

FOLDER = ".fupan"
FILE = "pulls.json"
VERSION = 1
KEEP_DAYS = 120  # finished entries older than this are dropped: the plan looks back less


@dataclass
class Entry:
    key: str
    api: Literal["sp", "ads"]  # as ReportRequest.api
    report_type: str
    marketplace: str
    start: str | None  # ISO dates; None for snapshots
    end: str | None
    options: list[list[str]]
    report_id: str
    requested_on: str  # the pull's `today`
    state: str = "pending"  # pending, done, empty, cancelled, failed
    finished_on: str | None = None
    message: str = ""
    file: str = ""  # inbox-relative name of the document written
    sha256: str = ""
    bytes: int = 0
    charset: str = ""  # the document's declared charset ("" when none)
    gzipped: bool = False
    labelled_gzip: bool = False

    @classmethod
    def of(cls, req: ReportRequest, report_id: str, today: date) -> Entry:
        return cls(
            req.key,
            req.api,
            req.report_type,
            req.marketplace,
            req.start.isoformat() if req.start else None,
            req.end.isoformat() if req.end else None,
            [list(p) for p in req.options],
            report_id,
            today.isoformat(),
        )

    @property
    def request(self) -> ReportRequest:
        return ReportRequest(
            self.api,
            self.report_type,
            self.marketplace,
            date.fromisoformat(self.start) if self.start else None,
            date.fromisoformat(self.end) if self.end else None,
            tuple((k, v) for k, v in self.options),
        )

    def days(self) -> list[date]:
        if not self.start or not self.end:
            return []
        first, last = date.fromisoformat(self.start), date.fromisoformat(self.end)
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@dataclass
class Ledger:
    path: Path
    entries: list[Entry] = field(default_factory=list)
    settlements: list[str] = field(default_factory=list)  # settlement report ids collected

    @classmethod
    def load(cls, workspace_root: Path) -> Ledger:
        file = workspace_root / FOLDER / FILE
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(file)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            error = type(exc).__name__
            raise AmazonError(msg("err:a_ledger_unreadable", file=file, error=error)) from None
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise AmazonError(msg("err:a_ledger_version", file=file))
        entries = [Entry(**e) for e in data.get("reports", [])]
        return cls(file, entries, list(data.get("settlements", [])))

    def save(self, today: date) -> None:
        cutoff = (today - timedelta(days=KEEP_DAYS)).isoformat()
        self.entries = [e for e in self.entries if e.state == "pending" or e.requested_on >= cutoff]
        data: dict[str, Any] = {
            "version": VERSION,
            "reports": [asdict(e) for e in self.entries],
            "settlements": self.settlements[-500:],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        write_atomic(self.path, text.encode("utf-8"))

    def pending(self) -> list[Entry]:
        return [e for e in self.entries if e.state == "pending"]

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
