"""Selling Partner API, Reports 2021-06-30: createReport, getReport, getReportDocument and
getReports (settlements), over our own HttpClient.

Shapes and usage plans from models/reports-api-model/reports_2021-06-30.json in
amzn/selling-partner-api-models. Dates go out as ISO 8601 date-times in UTC.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from .. import marketplaces
from ..errors import msg
from . import document
from .errors import AmazonApiError
from .http import HttpClient, Limit
from .source import Calls, Document, ListedReport, ReportRequest, ReportStatus, State

BASE = "/reports/2021-06-30"

# The default usage plans of the model (requests per second, burst).
LIMITS: dict[str, Limit] = {
    "createReport": Limit(0.0167, 15),
    "getReport": Limit(2.0, 15),
    "getReports": Limit(0.0222, 10),
    "getReportDocument": Limit(0.0167, 15),
}

SETTLEMENT_TYPES = (
    "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2",
    "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE",
)

_STATES: dict[str, State] = {
    "IN_QUEUE": "pending",
    "IN_PROGRESS": "pending",
    "DONE": "done",
    "CANCELLED": "cancelled",
    "FATAL": "failed",
}


def day_start(d: date) -> str:
    return f"{d.isoformat()}T00:00:00Z"


def day_end(d: date) -> str:
    return f"{d.isoformat()}T23:59:59Z"


class SpApi:
    """The Reports API of one seller in one marketplace."""

    api = "sp"

    def __init__(self, http: HttpClient, *, endpoint: str, marketplace: str) -> None:
        self.http = http
        self.endpoint = endpoint.rstrip("/")
        self.marketplace = marketplaces.get(marketplace).code
        self.marketplace_id = marketplaces.get(marketplace).amazon_id
        self.calls = Calls()

    def _call(self, method: str, path: str, op: str, **kwargs: Any) -> Any:
        self.calls.add(op)
        response = self.http.request(method, f"{self.endpoint}{BASE}{path}", op=op, **kwargs)
        try:
            return response.json()
        except ValueError:
            raise AmazonApiError(msg("err:a_not_json", op=op)) from None

    def request(self, req: ReportRequest) -> str:
        body: dict[str, Any] = {
            "reportType": req.report_type,
            "marketplaceIds": [self.marketplace_id],
        }
        if req.start is not None and req.end is not None:
            body["dataStartTime"] = day_start(req.start)
            body["dataEndTime"] = day_end(req.end)
        if req.options:
            body["reportOptions"] = dict(req.options)
        answer = self._call("POST", "/reports", "createReport", json=body)
        return str(answer["reportId"])

    def status(self, report_id: str) -> ReportStatus:
        answer = self._call("GET", f"/reports/{report_id}", "getReport")
        raw = str(answer.get("processingStatus", ""))
        state = _STATES.get(raw)
        if state is None:
            raise AmazonApiError(msg("err:a_sp_unknown_status", raw=raw, report=report_id))
        detail = ""
        if state == "cancelled":
            detail = (
                "Amazon cancelled the report: there was no data for those days (or it was "
                "cancelled before it started)"
            )
        elif state == "failed":
            detail = "Amazon could not produce the report (FATAL)"
        return ReportStatus(report_id, state, answer.get("reportDocumentId"), detail)

    def download(self, status: ReportStatus) -> Document:
        if not status.document:
            raise AmazonApiError(msg("err:a_no_document", report=status.report_id))
        info = self._call("GET", f"/documents/{status.document}", "getReportDocument")
        return document.fetch(
            self.http, str(info["url"]), labelled_gzip=info.get("compressionAlgorithm") == "GZIP"
        )

    def list_settlements(self, since: datetime) -> list[ListedReport]:
        params: dict[str, str] = {
            "reportTypes": ",".join(SETTLEMENT_TYPES),
            "processingStatuses": "DONE",
            "marketplaceIds": self.marketplace_id,
            "createdSince": since.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "pageSize": "100",
        }
        found: list[ListedReport] = []
        while True:
            answer = self._call("GET", "/reports", "getReports", params=params)
            for r in answer.get("reports", []):
                if r.get("reportDocumentId"):
                    found.append(
                        ListedReport(
                            str(r["reportId"]),
                            str(r["reportType"]),
                            self.marketplace,
                            _when(r.get("dataStartTime")),
                            _when(r.get("dataEndTime")),
                            str(r["reportDocumentId"]),
                        )
                    )
            token = answer.get("nextToken")
            if not token:
                return found
            params = {"nextToken": str(token)}  # the model: the token is the only parameter

    def document_of(self, listed: ListedReport) -> Document:
        return self.download(ReportStatus(listed.report_id, "done", listed.document))


def _when(text: Any) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
