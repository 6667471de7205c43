"""Building the API clients of one marketplace from the saved credentials."""

from __future__ import annotations

from dataclasses import dataclass

import requests

from .ads_api import AdsApi
from .credentials import AmazonCredentials
from .http import Clock, HttpClient, RateLimiter, RetryPolicy
from .lwa import LwaApp, LwaToken
from .regions import SP_TOKEN_URL, region_of
from .sp_api import LIMITS, SpApi


@dataclass
class Connection:
    """What a pull may use in one marketplace: either API may be missing."""

    marketplace: str
    sp: SpApi | None
    ads: AdsApi | None
    note: str = ""  # why one is missing


class Connector:
    """Clients sharing one session, clock, retry policy, rate limiter and token per app."""

    def __init__(
        self,
        creds: AmazonCredentials,
        *,
        session: requests.Session | None = None,
        clock: Clock | None = None,
        policy: RetryPolicy | None = None,
        budget: float = float("inf"),
    ) -> None:
        self.creds = creds
        self.session = session or requests.Session()
        self.clock = clock or Clock()
        self.policy = policy or RetryPolicy()
        # SP-API's usage plans apply per seller and operation: one limiter for the pull.
        self.limiter = RateLimiter(LIMITS, self.clock, budget)
        self._tokens: dict[tuple[str, str], LwaToken] = {}

    def http(self, api: str, token: LwaToken | None, *, limited: bool = False) -> HttpClient:
        return HttpClient(
            self.session,
            api=api,
            token=token,
            limiter=self.limiter if limited else None,
            policy=self.policy,
            clock=self.clock,
        )

    def token(self, app: LwaApp, url: str, style: str) -> LwaToken:
        key = (style, url)
        if key not in self._tokens:
            lwa = self.http("Login with Amazon", None)
            self._tokens[key] = LwaToken(lwa, app, url=url, style=style, clock=self.clock)
        return self._tokens[key]

    def connect(self, marketplace: str) -> Connection:
        region = region_of(marketplace)
        sp = ads = None
        notes = []
        if self.creds.sp is not None:
            token = self.token(self.creds.sp, SP_TOKEN_URL, "sp")
            sp = SpApi(
                self.http("SP-API", token, limited=True),
                endpoint=region.sp_api,
                marketplace=marketplace,
            )
        else:
            notes.append("no SP-API credentials")
        profile = self.creds.profile(marketplace)
        if self.creds.ads is not None and profile:
            token = self.token(self.creds.ads, region.ads_token, "ads")
            ads = AdsApi(
                self.http("Amazon Ads API", token), endpoint=region.ads_api, profile_id=profile
            )
        elif self.creds.ads is not None:
            notes.append(f"no Ads profile chosen for {marketplace}")
        else:
            notes.append("no Amazon Ads API credentials")
        return Connection(marketplace, sp, ads, "; ".join(notes))
