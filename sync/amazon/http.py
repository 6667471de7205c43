"""The one HTTP seam to Amazon: timeouts, per-operation rate limits, bounded retries, tokens.

Neither Amazon's SP-API SDK (no retry layer) nor python-amazon-ad-api (a fixed sleep) does
this, so fupan keeps it here, in one place, with time and sleeping injected so tests never
wait. Retried: 429 and 5xx (honouring Retry-After), timeouts and dropped connections, at most
`attempts` times with exponential back-off and jitter. A 401 refreshes the access token once.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

import requests

from ..errors import msg
from .errors import AmazonApiError, AmazonAuthError, PullBudgetExceeded

RETRYABLE = frozenset({429, 500, 502, 503, 504})
TIMEOUT = (10.0, 120.0)  # connect, read (documents can be tens of MB)


class TokenSource(Protocol):
    """Something that puts a valid access token on a request."""

    def headers(self) -> dict[str, str]: ...

    def invalidate(self) -> None: ...


@dataclass
class Clock:
    """Wall time and sleeping, injected: tests pass a manual clock whose sleep only advances."""

    now: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep


@dataclass(frozen=True)
class Limit:
    """A published usage plan: a token bucket of `burst` refilled at `rate` per second."""

    rate: float
    burst: int


@dataclass
class RateLimiter:
    """Token buckets per operation. `budget` caps the total seconds a pull may wait for them.

    A bucket starts full, as Amazon's does for a caller that was idle; when the caller was not
    idle, Amazon answers 429 and the retry loop waits.
    """

    limits: Mapping[str, Limit]
    clock: Clock
    budget: float = float("inf")
    waited: float = 0.0
    _tokens: dict[str, float] = field(default_factory=dict)
    _stamp: dict[str, float] = field(default_factory=dict)

    def acquire(self, op: str) -> None:
        limit = self.limits.get(op)
        if limit is None:
            return
        now = self.clock.now()
        tokens = self._tokens.get(op, float(limit.burst))
        tokens = min(float(limit.burst), tokens + (now - self._stamp.get(op, now)) * limit.rate)
        if tokens < 1.0:
            wait = (1.0 - tokens) / limit.rate
            if self.waited + wait > self.budget:
                self._tokens[op], self._stamp[op] = tokens, now
                raise PullBudgetExceeded(msg("err:a_rate_budget", op=op, wait=wait))
            self.clock.sleep(wait)
            self.waited += wait
            now += wait
            tokens = 1.0
        self._tokens[op], self._stamp[op] = tokens - 1.0, now


@dataclass
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 2.0
    max_delay: float = 60.0
    jitter: Callable[[], float] = random.random

    def delay(self, attempt: int) -> float:
        """Exponential back-off with 'equal jitter': half fixed, half random."""
        step: float = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return step / 2 + step / 2 * self.jitter()


class HttpClient:
    """requests with Amazon's manners. One per API (SP-API, Ads API, LWA)."""

    def __init__(
        self,
        session: requests.Session,
        *,
        api: str,
        token: TokenSource | None = None,
        limiter: RateLimiter | None = None,
        policy: RetryPolicy | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.session = session
        self.api = api  # "SP-API", "Amazon Ads API", "Login with Amazon": for messages
        self.token = token
        self.clock = clock or Clock()
        self.limiter = limiter
        self.policy = policy or RetryPolicy()

    def request(
        self,
        method: str,
        url: str,
        *,
        op: str,
        authorised: bool = True,
        ok: frozenset[int] = frozenset({200, 201, 202}),
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """Send once per attempt; return a response whose status is in `ok`, or raise."""
        refreshed = False
        attempt = 0
        while True:
            attempt += 1
            if self.limiter is not None:
                self.limiter.acquire(op)
            sent = dict(headers or {})
            if authorised and self.token is not None:
                sent.update(self.token.headers())
            try:
                response = self.session.request(
                    method, url, headers=sent, timeout=TIMEOUT, **kwargs
                )
            except (requests.Timeout, requests.ConnectionError) as exc:
                if attempt >= self.policy.attempts:
                    error = type(exc).__name__
                    tries = {"api": self.api, "op": op, "attempts": attempt, "error": error}
                    raise AmazonApiError(msg("err:a_no_answer", **tries)) from None
                self.clock.sleep(self.policy.delay(attempt))
                continue
            if response.status_code in ok:
                return response
            if authorised and self.token and not refreshed and _expired(response):
                # An access token lasts an hour; one that expired mid-pull is renewed once.
                self.token.invalidate()
                refreshed = True
                attempt -= 1
                continue
            if response.status_code in RETRYABLE and attempt < self.policy.attempts:
                wait = retry_after(response, self.clock.now())
                if wait is None:
                    wait = self.policy.delay(attempt)
                self.clock.sleep(min(wait, self.policy.max_delay))
                continue
            raise self.failure(response, op, attempt)

    def failure(
        self, response: requests.Response, op: str, attempts: int
    ) -> AmazonApiError | AmazonAuthError:
        said = amazon_message(response)
        status = response.status_code
        values = {"api": self.api, "op": op, "status": status, "said": said}
        if status in (401, 403):
            return AmazonAuthError(msg("err:a_refused_auth", **values))
        if status in RETRYABLE:
            throttled = msg("err:a_throttled", attempts=attempts, **values)
            return AmazonApiError(throttled, status=status)
        return AmazonApiError(msg("err:a_refused", **values), status=status)


def _expired(response: requests.Response) -> bool:
    """The Ads API answers a stale token with 401; SP-API with 403 "...token...expired"."""
    if response.status_code == 401:
        return True
    return response.status_code == 403 and "expired" in amazon_message(response).lower()


def retry_after(response: requests.Response, now: float) -> float | None:
    """Seconds the server asked us to wait (delta-seconds or an HTTP date), if it said."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError, IndexError):
        return None


def amazon_message(response: requests.Response) -> str:
    """Amazon's own words from an error body (SP-API `errors[]`, Ads `code`/`details`, LWA)."""
    try:
        body = response.json()
    except (ValueError, json.JSONDecodeError):
        text = response.text.strip()
        return text[:200] if text else response.reason or "no details"
    if isinstance(body, dict):
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            e = errors[0]
            parts = [str(e.get(k)) for k in ("code", "message", "details") if e.get(k)]
            return ": ".join(parts)
        parts = [
            str(body[k])
            for k in ("code", "error", "message", "details", "error_description")
            if body.get(k)
        ]
        if parts:
            return ": ".join(dict.fromkeys(parts))
    return str(body)[:200]
