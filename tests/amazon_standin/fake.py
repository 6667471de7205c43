"""FakeAmazon: Login with Amazon, SP-API Reports 2021-06-30 and Ads API v3 reporting, in-process.

Mounted on the requests session a pull uses; any other host raises ConnectionError. Every
request is checked against the constraints in models.py and refused with Amazon's error
shapes when it breaks one; a refused request is also kept in `fake.refused` so a test fails
even when the client recovers from the error.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from fupan.sync.samples.seller import Seller
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from . import documents
from .models import (
    ADS_CONTENT_TYPE,
    ADS_FORMATS,
    ADS_MAX_DAYS,
    ADS_REPORTS,
    ADS_TIME_UNITS,
    CREATE_REPORT_FIELDS,
    PROCESSING_STATUSES,
    SALES_TRAFFIC_OPTIONS,
    SP_NOT_REQUESTABLE,
    SP_REPORT_TYPES,
)

SP_HOSTS = {
    "sellingpartnerapi-na.amazon.com",
    "sellingpartnerapi-eu.amazon.com",
    "sellingpartnerapi-fe.amazon.com",
}
ADS_HOSTS = {
    "advertising-api.amazon.com",
    "advertising-api-eu.amazon.com",
    "advertising-api-fe.amazon.com",
}
LWA_HOSTS = {"api.amazon.com", "api.amazon.co.uk", "api.amazon.co.jp"}
DOC_HOST = "tortuga-prod-na.s3-external-1.amazonaws.com"  # presigned document URLs
MARKETPLACE_IDS = {"ATVPDKIKX0DER": "US", "A1VC38T7YXB528": "JP", "A1F83G8C2ARO7P": "UK"}
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

SP_APP = ("amzn1.application-oa2-client.sp0001", "sp-secret", "Atzr|sp-refresh")
ADS_APP = ("amzn1.application-oa2-client.ads001", "ads-secret", "Atzr|ads-refresh")
PROFILE_US = "1234567890123"


class ManualClock:
    """Time stands still until slept through; sleeping only advances it."""

    def __init__(self, start: datetime) -> None:
        self.t = start.timestamp()
        self.slept: list[float] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds


class Killed(BaseException):
    """A pull killed from outside (power cut, closed laptop): not an Exception."""


@dataclass
class FakeReport:
    report_id: str
    api: str
    report_type: str
    marketplace: str
    start: date | None
    end: date | None
    options: dict[str, str]
    created: float
    polls: int = 0
    outcome: str = "DONE"  # or CANCELLED / FATAL (SP), FAILED (Ads)
    ready_after: int = 0  # status polls answered IN_QUEUE / PENDING first


@dataclass
class Exchange:
    method: str
    host: str
    path: str
    status: int


@dataclass
class FakeAmazon:
    seller: Seller
    clock: ManualClock
    reports: dict[str, FakeReport] = field(default_factory=dict)
    log: list[Exchange] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    tokens: dict[str, str] = field(default_factory=dict)  # access token -> "sp" | "ads"
    # Test knobs -----------------------------------------------------------------------------
    hold: bool = False  # reports stay IN_QUEUE/PENDING until released
    outcomes: dict[str, str] = field(default_factory=dict)  # report type -> final status
    faults: deque = field(default_factory=deque)  # (status, headers) answered next, any API
    mislabel: dict[str, str] = field(default_factory=dict)  # type -> "fake-gzip"|"hidden-gzip"
    override: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # type -> body, ctype
    kill_download: str | None = None  # report type whose download is killed mid-transfer
    settlements: int = 1

    # --- plumbing ---------------------------------------------------------------------------

    def mount(self, session: requests.Session) -> None:
        adapter = _Adapter(self)
        session.mount("https://", adapter)
        session.mount("http://", adapter)

    def today(self) -> date:
        return datetime.fromtimestamp(self.clock.now(), UTC).date()

    def expire_tokens(self) -> None:
        """Every access token handed out so far stops working (they last an hour)."""
        self.tokens.clear()

    def release(self) -> None:
        self.hold = False

    def count(self, path_part: str, method: str | None = None) -> int:
        return sum(
            1 for e in self.log if path_part in e.path and (method is None or e.method == method)
        )

    def created(self, api: str | None = None) -> list[FakeReport]:
        return [r for r in self.reports.values() if api is None or r.api == api]

    def handle(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(url)
        host, path = parts.hostname or "", parts.path
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if host not in SP_HOSTS | ADS_HOSTS | LWA_HOSTS | {DOC_HOST}:
            raise requests.ConnectionError(f"the stand-in does not serve {host}")
        if self.faults and host != DOC_HOST:
            status, extra = self.faults.popleft()
            self.log.append(Exchange(method, host, path, status))
            return (
                status,
                {"Content-Type": "application/json", **extra},
                json.dumps(
                    {"errors": [{"code": "QuotaExceeded", "message": "You exceeded your quota."}]}
                ).encode(),
            )
        if host in LWA_HOSTS:
            answer = self._lwa(method, path, body or b"")
        elif host in SP_HOSTS:
            answer = self._sp(method, path, query, headers, body)
        elif host in ADS_HOSTS:
            answer = self._ads(method, host, path, headers, body)
        else:
            answer = self._document(path, headers)
        self.log.append(Exchange(method, host, path, answer[0]))
        return answer

    def _refuse(
        self, status: int, message: str, *, ads: bool = False
    ) -> tuple[int, dict[str, str], bytes]:
        self.refused.append(message)
        body = (
            {"code": str(status), "details": message}
            if ads
            else {"errors": [{"code": "InvalidInput", "message": message}]}
        )
        return status, {"Content-Type": "application/json"}, json.dumps(body).encode()

    @staticmethod
    def _json(status: int, body: Any) -> tuple[int, dict[str, str], bytes]:
        return status, {"Content-Type": "application/json"}, json.dumps(body).encode()

    # --- Login with Amazon ------------------------------------------------------------------

    def _lwa(self, method: str, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if (
            method != "POST"
            or path != "/auth/o2/token"
            or form.get("grant_type") != "refresh_token"
        ):
            return self._refuse(400, "unsupported_grant_type")
        app = (form.get("client_id"), form.get("client_secret"), form.get("refresh_token"))
        kind = "sp" if app == SP_APP else "ads" if app == ADS_APP else None
        if kind is None:
            return (
                400,
                {"Content-Type": "application/json"},
                json.dumps(
                    {
                        "error": "invalid_grant",
                        "error_description": "The request has an invalid grant",
                    }
                ).encode(),
            )
        token = f"Atza|{kind}-{len(self.log)}-{int(self.clock.now())}"
        self.tokens[token] = kind
        return self._json(200, {"access_token": token, "token_type": "bearer", "expires_in": 3600})

    # --- SP-API -----------------------------------------------------------------------------

    def _sp(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: dict[str, str],
        body: bytes | None,
    ) -> tuple[int, dict[str, str], bytes]:
        token = headers.get("x-amz-access-token", "")
        if self.tokens.get(token) != "sp":
            # SP-API answers an expired token with 403 Unauthorized, not 401.
            return (
                403,
                {"Content-Type": "application/json"},
                json.dumps(
                    {
                        "errors": [
                            {
                                "code": "Unauthorized",
                                "message": "Access to requested resource is denied.",
                                "details": "The access token you provided has expired.",
                            }
                        ]
                    }
                ).encode(),
            )
        if "authorization" in {h.lower() for h in headers}:
            return self._refuse(400, "SP-API takes x-amz-access-token, not Authorization")
        base = "/reports/2021-06-30"
        if method == "POST" and path == f"{base}/reports":
            return self._create_sp(json.loads(body or b"{}"))
        if method == "GET" and path == f"{base}/reports":
            return self._get_reports(query)
        m = re.fullmatch(rf"{base}/reports/([\w-]+)", path)
        if method == "GET" and m:
            return self._get_sp(m.group(1))
        m = re.fullmatch(rf"{base}/documents/([\w.-]+)", path)
        if method == "GET" and m:
            return self._get_document(m.group(1))
        return self._refuse(404, f"no SP-API operation {method} {path}")

    def _create_sp(self, body: Any) -> tuple[int, dict[str, str], bytes]:
        if not isinstance(body, dict):
            return self._refuse(400, "body is not an object")
        extra = set(body) - CREATE_REPORT_FIELDS
        if extra:
            return self._refuse(400, f"unknown fields {sorted(extra)}")
        rtype = body.get("reportType")
        if not isinstance(rtype, str) or rtype not in SP_REPORT_TYPES:
            return self._refuse(400, f"invalid reportType {rtype!r}")
        if rtype in SP_NOT_REQUESTABLE:
            return self._refuse(400, f"{rtype} cannot be requested; Amazon schedules it")
        ids = body.get("marketplaceIds")
        if not (
            isinstance(ids, list)
            and 1 <= len(ids) <= 25
            and all(isinstance(i, str) and i in MARKETPLACE_IDS for i in ids)
        ):
            return self._refuse(400, f"invalid marketplaceIds {ids!r}")
        times: list[datetime | None] = []
        for name in ("dataStartTime", "dataEndTime"):
            value = body.get(name)
            if value is None:
                times.append(None)
                continue
            if not isinstance(value, str) or not _DATE_TIME.match(value):
                return self._refuse(400, f"{name} {value!r} is not an ISO 8601 date-time")
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if when.timestamp() > self.clock.now():
                return self._refuse(400, f"{name} is in the future")
            times.append(when)
        start, end = times
        if start and end and start > end:
            return self._refuse(400, "dataStartTime is after dataEndTime")
        options = body.get("reportOptions", {})
        if not isinstance(options, dict) or not all(isinstance(v, str) for v in options.values()):
            return self._refuse(400, "reportOptions must map names to strings")
        if rtype == "GET_SALES_AND_TRAFFIC_REPORT":
            for key, allowed in SALES_TRAFFIC_OPTIONS.items():
                if key in options and options[key] not in allowed:
                    return self._refuse(400, f"{key} {options[key]!r} not in {sorted(allowed)}")
            if not all(times):
                return self._refuse(400, "Sales and Traffic needs dataStartTime and dataEndTime")
        rid = str(50000 + len(self.reports))
        self.reports[rid] = FakeReport(
            rid,
            "sp",
            rtype,
            MARKETPLACE_IDS[ids[0]],
            times[0].date() if times[0] else None,
            times[1].date() if times[1] else None,
            options,
            self.clock.now(),
            outcome=self.outcomes.get(rtype, "DONE"),
        )
        return self._json(202, {"reportId": rid})

    def _status(self, r: FakeReport) -> str:
        r.polls += 1
        if self.hold or r.polls <= r.ready_after:
            return "queued"
        return r.outcome

    def _get_sp(self, rid: str) -> tuple[int, dict[str, str], bytes]:
        r = self.reports.get(rid)
        if r is None or r.api != "sp":
            return self._refuse(404, f"no report {rid}")
        state = self._status(r)
        status = {"queued": "IN_QUEUE"}.get(state, state)
        assert status in PROCESSING_STATUSES
        answer: dict[str, Any] = {
            "reportId": rid,
            "reportType": r.report_type,
            "processingStatus": status,
            "createdTime": _iso(r.created),
            "marketplaceIds": ["ATVPDKIKX0DER"],
        }
        if r.start:
            answer["dataStartTime"] = f"{r.start}T00:00:00Z"
            answer["dataEndTime"] = f"{r.end}T23:59:59Z"
        if status in ("DONE", "FATAL"):
            answer["reportDocumentId"] = f"amzn1.tortuga.4.na.{rid}"
        return self._json(200, answer)

    def _get_reports(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if "nextToken" not in query and "reportTypes" not in query:
            return self._refuse(400, "either reportTypes or nextToken is required")
        types = query.get("reportTypes", "").split(",")
        if not 1 <= len(types) <= 10 or not set(types) <= SP_REPORT_TYPES:
            return self._refuse(400, f"invalid reportTypes {types}")
        for s in query.get("processingStatuses", "DONE").split(","):
            if s not in PROCESSING_STATUSES:
                return self._refuse(400, f"invalid processingStatuses {s}")
        if not 1 <= int(query.get("pageSize", "10")) <= 100:
            return self._refuse(400, "pageSize must be 1-100")
        since = query.get("createdSince")
        if since is not None and not _DATE_TIME.match(since):
            return self._refuse(400, f"createdSince {since!r} is not an ISO 8601 date-time")
        reports = [
            {
                "reportId": f"9000{i}",
                "reportType": "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2",
                "dataStartTime": "2026-10-20T00:00:00Z",
                "dataEndTime": "2026-11-03T00:00:00Z",
                "createdTime": "2026-11-04T07:00:00Z",
                "processingStatus": "DONE",
                "marketplaceIds": ["ATVPDKIKX0DER"],
                "reportDocumentId": f"amzn1.tortuga.4.na.s{i}",
            }
            for i in range(self.settlements)
        ]
        return self._json(200, {"reports": reports})

    def _get_document(self, doc_id: str) -> tuple[int, dict[str, str], bytes]:
        rid = doc_id.rsplit(".", 1)[-1]
        answer: dict[str, Any] = {
            "reportDocumentId": doc_id,
            "url": f"https://{DOC_HOST}/NinetyDays/{rid}?X-Amz-Signature=abc",
        }
        r = self.reports.get(rid)
        kind = self.mislabel.get(r.report_type, "") if r else ""
        if kind != "hidden-gzip" and (
            kind == "fake-gzip" or (r is not None and r.outcome == "DONE")
        ):
            answer["compressionAlgorithm"] = "GZIP"
        return self._json(200, answer)

    # --- documents --------------------------------------------------------------------------

    def _document(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if any(h.lower() in ("authorization", "x-amz-access-token") for h in headers):
            return self._refuse(400, "presigned URLs take no Authorization header")
        rid = path.rsplit("/", 1)[-1]
        if rid.startswith("s"):
            return (
                200,
                {"Content-Type": "text/plain;charset=Cp1252"},
                documents.SETTLEMENT.encode("cp1252"),
            )
        r = self.reports[rid]
        if self.kill_download == r.report_type:
            self.kill_download = None
            raise Killed("pull killed while downloading")
        if r.api == "ads":
            assert r.start and r.end  # an ads report always has its days
            rows = documents.ads_rows(self.seller, r.report_type, r.start, r.end)
            return (
                200,
                {"Content-Type": "application/x-gzip"},
                gzip.compress(json.dumps(rows).encode("utf-8")),
            )
        if r.outcome == "FATAL":
            body = json.dumps(
                {
                    "errorDetails": "Report processing failed: the date range "
                    "exceeds what this report type allows."
                }
            ).encode()
            return 200, {"Content-Type": "application/json"}, body
        if r.report_type in self.override:
            data, ctype = self.override[r.report_type]
        elif r.report_type == "GET_SALES_AND_TRAFFIC_REPORT":
            assert r.start and r.end  # checked when the report was requested
            data = documents.sales_and_traffic(self.seller, r.start, r.end, r.options)
            ctype = "application/json"
        else:
            data = documents.flat_file(self.seller, r.report_type, r.start, r.end)
            ctype = "application/json" if data[:1] == b"{" else "text/plain;charset=UTF-8"
        kind = self.mislabel.get(r.report_type, "")
        gzipped = kind != "fake-gzip"  # hidden-gzip: compressed but not labelled
        return 200, {"Content-Type": ctype}, gzip.compress(data) if gzipped else data

    # --- Ads API ----------------------------------------------------------------------------

    def _ads(
        self, method: str, host: str, path: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, dict[str, str], bytes]:
        h = {k.lower(): v for k, v in headers.items()}
        token = h.get("authorization", "").removeprefix("Bearer ")
        if self.tokens.get(token) != "ads":
            return (
                401,
                {"Content-Type": "application/json"},
                json.dumps(
                    {"code": "UNAUTHORIZED", "details": "Not authorized to access this advertiser"}
                ).encode(),
            )
        if h.get("amazon-advertising-api-clientid") != ADS_APP[0]:
            return self._refuse(
                400, "Amazon-Advertising-API-ClientId is missing or wrong", ads=True
            )
        if method == "GET" and path == "/v2/profiles":
            if host != "advertising-api.amazon.com":
                return self._json(200, [])  # the seller advertises in North America only
            return self._json(
                200,
                [
                    {
                        "profileId": int(PROFILE_US),
                        "countryCode": "US",
                        "currencyCode": "USD",
                        "timezone": "America/Los_Angeles",
                        "accountInfo": {
                            "marketplaceStringId": "ATVPDKIKX0DER",
                            "id": "A2SELLER",
                            "type": "seller",
                            "name": "Kitchen Co",
                        },
                    },
                ],
            )
        if h.get("amazon-advertising-api-scope") != PROFILE_US:
            return self._refuse(400, "Amazon-Advertising-API-Scope is not a profile", ads=True)
        if method == "POST" and path == "/reporting/reports":
            if h.get("content-type") != ADS_CONTENT_TYPE:
                return self._refuse(415, f"Content-Type must be {ADS_CONTENT_TYPE}", ads=True)
            return self._create_ads(json.loads(body or b"{}"))
        m = re.fullmatch(r"/reporting/reports/([\w-]+)", path)
        if method == "GET" and m:
            return self._get_ads(m.group(1))
        return self._refuse(404, f"no Ads operation {method} {path}", ads=True)

    def _create_ads(self, body: Any) -> tuple[int, dict[str, str], bytes]:
        cfg = body.get("configuration") if isinstance(body, dict) else None
        if not isinstance(cfg, dict):
            return self._refuse(400, "configuration is required", ads=True)
        model = ADS_REPORTS.get(cfg.get("reportTypeId", ""))
        if model is None:
            return self._refuse(400, f"unknown reportTypeId {cfg.get('reportTypeId')!r}", ads=True)
        if cfg.get("adProduct") != model.ad_product:
            return self._refuse(400, f"adProduct must be {model.ad_product}", ads=True)
        groups = cfg.get("groupBy")
        if not isinstance(groups, list) or not groups or not set(groups) <= set(model.group_by):
            return self._refuse(
                400, f"groupBy {groups!r} not in {sorted(model.group_by)}", ads=True
            )
        columns = cfg.get("columns")
        if not isinstance(columns, list) or not columns:
            return self._refuse(400, "columns are required", ads=True)
        bad = set(columns) - model.allowed(groups)
        if bad:
            return self._refuse(400, f"columns {sorted(bad)} not supported", ads=True)
        unit = cfg.get("timeUnit")
        if unit not in ADS_TIME_UNITS:
            return self._refuse(400, f"timeUnit {unit!r}", ads=True)
        if unit == "DAILY" and ("date" not in columns or {"startDate", "endDate"} & set(columns)):
            return self._refuse(
                400, "DAILY reports take the date column, not startDate/endDate", ads=True
            )
        if unit == "SUMMARY" and "date" in columns:
            return self._refuse(400, "SUMMARY reports take startDate/endDate, not date", ads=True)
        if cfg.get("format") not in ADS_FORMATS:
            return self._refuse(400, f"format {cfg.get('format')!r}", ads=True)
        try:
            start, end = (date.fromisoformat(body[k]) for k in ("startDate", "endDate"))
            assert _DATE.match(body["startDate"]) and _DATE.match(body["endDate"])
        except (KeyError, ValueError, TypeError, AssertionError):
            return self._refuse(400, "startDate and endDate must be YYYY-MM-DD", ads=True)
        if end < start or (end - start).days + 1 > ADS_MAX_DAYS:
            return self._refuse(400, f"date range over {ADS_MAX_DAYS} days", ads=True)
        if start < self.today() - timedelta(days=model.retention):
            return self._refuse(400, f"startDate older than {model.retention} days", ads=True)
        rid = f"0a1b2c3d-0000-4000-8000-{len(self.reports):012d}"
        self.reports[rid] = FakeReport(
            rid,
            "ads",
            cfg["reportTypeId"],
            "US",
            start,
            end,
            {},
            self.clock.now(),
            outcome=self.outcomes.get(cfg["reportTypeId"], "COMPLETED"),
        )
        return self._json(
            200,
            {
                "reportId": rid,
                "status": "PENDING",
                "configuration": cfg,
                "startDate": body["startDate"],
                "endDate": body["endDate"],
            },
        )

    def _get_ads(self, rid: str) -> tuple[int, dict[str, str], bytes]:
        r = self.reports.get(rid)
        if r is None or r.api != "ads":
            return self._refuse(404, f"no report {rid}", ads=True)
        state = self._status(r)
        status = {"queued": "PENDING"}.get(state, state)
        answer: dict[str, Any] = {
            "reportId": rid,
            "status": status,
            "url": None,
            "failureReason": None,
        }
        if status == "COMPLETED":
            answer["url"] = f"https://{DOC_HOST}/ads/{rid}?X-Amz-Signature=abc"
        if status == "FAILED":
            answer["failureReason"] = "Report generation failed: internal error"
        return self._json(200, answer)


def _iso(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_REASONS = {
    200: "OK",
    202: "Accepted",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    415: "Unsupported Media Type",
    425: "Too Early",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


class _Adapter(BaseAdapter):
    def __init__(self, fake: FakeAmazon) -> None:
        super().__init__()
        self.fake = fake

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: float | tuple[float | None, float | None] | None = None,
        verify: bool | str = True,
        cert: str | tuple[str, str] | None = None,
        proxies: dict[str, str] | None = None,
    ) -> requests.Response:
        body = request.body
        if isinstance(body, str):
            body = body.encode("utf-8")
        assert body is None or isinstance(body, bytes)  # requests' JSON and form bodies
        headers = {k: v if isinstance(v, str) else v.decode() for k, v in request.headers.items()}
        status, headers, content = self.fake.handle(
            request.method or "GET", request.url or "", headers, body
        )
        response = requests.Response()
        response.status_code = status
        response.reason = _REASONS.get(status, "")
        response.url = request.url or ""
        response.request = request
        response.headers = CaseInsensitiveDict(headers)
        response._content = content
        return response

    def close(self) -> None:
        pass
