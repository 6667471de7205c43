"""Amazon Ads API: profiles (`GET /v2/profiles`) and reporting v3 (`/reporting/reports`).

Report configurations follow the v3 report-type guides (search-term, advertised-product,
targeting, campaign): the columns below are each listed there for that reportTypeId and
groupBy. Every report is DAILY and GZIP_JSON, at most 31 days per request.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .. import marketplaces
from ..errors import msg
from . import document
from .errors import AmazonApiError
from .http import HttpClient
from .source import Calls, Document, ListedReport, ReportRequest, ReportStatus, State

MAX_DAYS = 31
CONTENT_TYPE = "application/vnd.createasyncreportrequest.v3+json"

_SP_METRICS = [
    "impressions",
    "clicks",
    "cost",
    "sales7d",
    "purchases7d",
    "unitsSoldClicks7d",
    "attributedSalesSameSku7d",
    "unitsSoldSameSku7d",
]
_SP_ROW = ["date", "campaignName", "campaignId", "campaignBudgetCurrencyCode"]
_SBD_METRICS = ["impressions", "clicks", "cost", "sales", "purchases", "unitsSold"]
_CAMPAIGN = ["campaignStatus", "campaignBudgetAmount"]


@dataclass(frozen=True)
class AdsReport:
    ad_product: str
    group_by: tuple[str, ...]
    columns: tuple[str, ...]


REPORTS: dict[str, AdsReport] = {
    "spSearchTerm": AdsReport(
        "SPONSORED_PRODUCTS",
        ("searchTerm",),
        (*_SP_ROW, "adGroupName", "targeting", "keyword", "matchType", "searchTerm", *_SP_METRICS),
    ),
    "spAdvertisedProduct": AdsReport(
        "SPONSORED_PRODUCTS",
        ("advertiser",),
        (*_SP_ROW, "adGroupName", "advertisedAsin", "advertisedSku", *_SP_METRICS),
    ),
    "spTargeting": AdsReport(
        "SPONSORED_PRODUCTS",
        ("targeting",),
        (
            *_SP_ROW,
            "adGroupName",
            "targeting",
            "keyword",
            "matchType",
            "topOfSearchImpressionShare",
            *_SP_METRICS,
        ),
    ),
    "spCampaigns": AdsReport(
        "SPONSORED_PRODUCTS",
        ("campaign",),
        (*_SP_ROW, *_CAMPAIGN, "topOfSearchImpressionShare", *_SP_METRICS),
    ),
    # viewableImpressions is in SB's column list only, impressionsViews in SD's: the reader
    # tells the two 14-day campaign layouts apart by them.
    "sbCampaigns": AdsReport(
        "SPONSORED_BRANDS",
        ("campaign",),
        (
            *_SP_ROW,
            *_CAMPAIGN,
            "costType",
            "viewableImpressions",
            "topOfSearchImpressionShare",
            *_SBD_METRICS,
        ),
    ),
    "sdCampaigns": AdsReport(
        "SPONSORED_DISPLAY",
        ("campaign",),
        (*_SP_ROW, *_CAMPAIGN, "costType", "impressionsViews", *_SBD_METRICS),
    ),
}

_STATES: dict[str, State] = {
    "PENDING": "pending",
    "PROCESSING": "pending",
    "COMPLETED": "done",
    "FAILED": "failed",
}
_REPORT_ID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)


@dataclass(frozen=True)
class Profile:
    """An advertising profile: one advertiser in one marketplace."""

    profile_id: str
    marketplace: str  # fupan's code
    currency: str
    timezone: str
    account_name: str
    account_type: str  # seller, vendor, agency


def list_profiles(http: HttpClient, endpoint: str) -> list[Profile]:
    """The profiles the Ads refresh token can reach in one region."""
    response = http.request("GET", f"{endpoint.rstrip('/')}/v2/profiles", op="listProfiles")
    out = []
    for p in response.json():
        info = p.get("accountInfo") or {}
        try:
            code = marketplaces.get(str(p.get("countryCode", ""))).code
        except Exception:  # a marketplace fupan does not know: not offered
            continue
        out.append(
            Profile(
                str(p["profileId"]),
                code,
                str(p.get("currencyCode", "")),
                str(p.get("timezone", "")),
                str(info.get("name", "")),
                str(info.get("type", "")),
            )
        )
    return out


def report_body(req: ReportRequest) -> dict[str, Any]:
    """The POST /reporting/reports body for one request."""
    spec = REPORTS.get(req.report_type)
    if spec is None:
        raise ValueError(f"fupan does not request Ads report {req.report_type}")
    if req.start is None or req.end is None:
        raise ValueError("Ads reports need a date range")
    if (req.end - req.start).days + 1 > MAX_DAYS:
        raise ValueError(f"Ads reports cover at most {MAX_DAYS} days")
    return {
        "name": f"fupan {req.report_type} {req.start}..{req.end}",
        "startDate": req.start.isoformat(),
        "endDate": req.end.isoformat(),
        "configuration": {
            "adProduct": spec.ad_product,
            "groupBy": list(spec.group_by),
            "columns": list(spec.columns),
            "reportTypeId": req.report_type,
            "timeUnit": "DAILY",
            "format": "GZIP_JSON",
        },
    }


class AdsApi:
    """Reporting v3 of one advertising profile."""

    api = "ads"

    def __init__(self, http: HttpClient, *, endpoint: str, profile_id: str) -> None:
        self.http = http
        self.endpoint = endpoint.rstrip("/")
        self.profile_id = profile_id
        self.calls = Calls()

    def _headers(self, *, post: bool = False) -> dict[str, str]:
        h = {"Amazon-Advertising-API-Scope": self.profile_id}
        if post:
            h["Content-Type"] = CONTENT_TYPE
        return h

    def request(self, req: ReportRequest) -> str:
        self.calls.add("createReport")
        response = self.http.request(
            "POST",
            f"{self.endpoint}/reporting/reports",
            op="adsCreateReport",
            headers=self._headers(post=True),
            data=json.dumps(report_body(req)),
            ok=frozenset({200, 202, 425}),
        )
        body = response.json()
        if response.status_code == 425:
            # The same request is already being made: Amazon names the report to wait for.
            found = _REPORT_ID.search(str(body.get("detail", "")) + str(body.get("details", "")))
            if not found:
                raise AmazonApiError(msg("err:a_ads_busy", body=body), status=425)
            return found.group(0)
        return str(body["reportId"])

    def status(self, report_id: str) -> ReportStatus:
        self.calls.add("getReport")
        response = self.http.request(
            "GET",
            f"{self.endpoint}/reporting/reports/{report_id}",
            op="adsGetReport",
            headers=self._headers(),
        )
        body = response.json()
        raw = str(body.get("status", ""))
        state = _STATES.get(raw)
        if state is None:
            raise AmazonApiError(msg("err:a_ads_unknown_status", raw=raw))
        return ReportStatus(
            report_id,
            state,
            body.get("url"),
            str(body.get("failureReason") or ""),
        )

    def download(self, status: ReportStatus) -> Document:
        if not status.document:
            raise AmazonApiError(msg("err:a_ads_no_address", report=status.report_id))
        self.calls.add("download")
        return document.fetch(self.http, status.document, labelled_gzip=True)

    def list_settlements(self, since: datetime) -> list[ListedReport]:
        return []  # advertising has no settlement reports
