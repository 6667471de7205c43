"""The small interface a pull talks to: request a report, ask its status, download it.

Two implementations: sp_api.SpApi (Selling Partner API Reports 2021-06-30) and
ads_api.AdsApi (Amazon Ads API reporting v3). A client library could stand behind the same
four methods; the pull, the ledger and the inbox would not change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, Protocol

State = Literal["pending", "done", "cancelled", "failed"]


@dataclass(frozen=True)
class ReportRequest:
    """One report to ask Amazon for: what, where, which days and with which options."""

    api: Literal["sp", "ads"]
    report_type: str  # SP-API reportType, or Ads reportTypeId
    marketplace: str  # fupan's code: US, UK, JP ...
    start: date | None = None  # None: a snapshot report (stock now, account health now)
    end: date | None = None
    options: tuple[tuple[str, str], ...] = ()  # SP-API reportOptions

    @property
    def key(self) -> str:
        """Stable identity: two requests with the same key ask for the same document."""
        span = f"{self.start}_{self.end}" if self.start else "snapshot"
        opts = ",".join(f"{k}={v}" for k, v in self.options)
        return f"{self.api}:{self.report_type}:{self.marketplace}:{span}:{opts}"


@dataclass(frozen=True)
class ReportStatus:
    report_id: str
    state: State
    document: str | None = None  # SP-API reportDocumentId, or the Ads download URL
    detail: str = ""  # Amazon's words when cancelled or failed


@dataclass(frozen=True)
class Document:
    """A downloaded document: bytes as Amazon meant them (gzip undone), and their charset."""

    body: bytes
    charset: str | None  # from the download's Content-Type, None when not declared
    gzipped: bool  # the bytes came gzip-compressed (found by magic bytes, not the label)
    labelled_gzip: bool  # Amazon said GZIP (it is sometimes wrong both ways)


@dataclass(frozen=True)
class ListedReport:
    """A report Amazon made on its own schedule (settlements): listed, never requested."""

    report_id: str
    report_type: str
    marketplace: str
    start: datetime | None
    end: datetime | None
    document: str


@dataclass
class Calls:
    """How many calls of each operation a client made (for status lines and tests)."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, op: str) -> None:
        self.counts[op] = self.counts.get(op, 0) + 1


class ReportApi(Protocol):
    """What the pull needs from a reports API."""

    api: str  # "sp" or "ads"

    def request(self, req: ReportRequest) -> str:
        """Ask for a report; returns Amazon's report id."""
        ...

    def status(self, report_id: str) -> ReportStatus: ...

    def download(self, status: ReportStatus) -> Document:
        """The document of a done report, or the error document of a failed one."""
        ...

    def list_settlements(self, since: datetime) -> list[ListedReport]:
        """Settlement reports Amazon generated since then (empty where there are none)."""
        ...
