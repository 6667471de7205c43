"""Login with Amazon: a refresh token in, an access token out, cached until it expires.

Both APIs use it: SP-API sends the token as `x-amz-access-token`, the Ads API as
`Authorization: Bearer`. A token is renewed a minute before it expires, and at once when an
API answers 401 (see http.HttpClient).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import msg
from .errors import AmazonApiError, AmazonAuthError
from .http import Clock, HttpClient, amazon_message

EARLY = 60.0  # renew this many seconds before the token expires
LWA = "Login with Amazon"  # a name, in either language


@dataclass(frozen=True)
class LwaApp:
    """An LWA application and the refresh token a seller granted it. Never printed."""

    client_id: str
    client_secret: str
    refresh_token: str

    def __repr__(self) -> str:
        return f"LwaApp(client_id={mask(self.client_id)})"


def mask(value: str) -> str:
    """An id as `amzn1.app…f3c2`: enough to tell two apart, not enough to use."""
    if len(value) <= 8:
        return "…" if value else "(none)"
    return f"{value[:6]}…{value[-4:]}"


class LwaToken:
    """The access token of one LwaApp, fetched on first use."""

    def __init__(
        self, http: HttpClient, app: LwaApp, *, url: str, style: str, clock: Clock
    ) -> None:
        if style not in ("sp", "ads"):
            raise ValueError(style)
        self._http = http
        self._app = app
        self._url = url
        self._style = style
        self._clock = clock
        self._token: str | None = None
        self._expires = 0.0
        self.fetched = 0  # how many times a token was requested (tests count them)

    def headers(self) -> dict[str, str]:
        token = self.access_token()
        if self._style == "sp":
            return {"x-amz-access-token": token}
        return {
            "Authorization": f"Bearer {token}",
            "Amazon-Advertising-API-ClientId": self._app.client_id,
        }

    def invalidate(self) -> None:
        self._token = None

    def access_token(self) -> str:
        if self._token is None or self._clock.now() >= self._expires - EARLY:
            self._fetch()
        assert self._token is not None
        return self._token

    def _fetch(self) -> None:
        data = {
            "grant_type": "refresh_token",
            "refresh_token": self._app.refresh_token,
            "client_id": self._app.client_id,
            "client_secret": self._app.client_secret,
        }
        try:
            response = self._http.request(
                "POST", self._url, op="token", authorised=False, data=data, ok=frozenset({200})
            )
        except AmazonApiError as exc:
            if exc.status in (400, 401, 403):
                which = "SP-API" if self._style == "sp" else "Amazon Ads API"
                app = mask(self._app.client_id)
                said = msg("err:a_token_refused", lwa=LWA, which=which, app=app, said=_said(exc))
                raise AmazonAuthError(said) from None
            raise
        body = response.json()
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            raise AmazonAuthError(msg("err:a_no_token", lwa=LWA, said=amazon_message(response)))
        self._token = token
        self._expires = self._clock.now() + float(body.get("expires_in", 3600))
        self.fetched += 1


def _said(exc: AmazonApiError) -> str:
    text = str(exc)
    return text[text.find("(") + 1 : text.rfind(")")] if "(" in text else text
