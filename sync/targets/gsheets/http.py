"""The one HTTP seam to Google: timeouts on every request, bounded retries with back-off.

gspread's own BackOffHTTPClient retries without bound; this client gives up after a fixed
number of attempts, waits exponentially longer between them (with jitter, honouring
Retry-After), and retries only what Google says can be retried: 429 and 5xx, timeouts and
dropped connections.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

import requests
from gspread.exceptions import APIError
from gspread.http_client import HTTPClient

RETRYABLE = frozenset({429, 500, 502, 503, 504})


class BoundedRetryClient(HTTPClient):
    """gspread's HTTPClient with a timeout and a bounded retry policy, injected by the target."""

    def __init__(
        self,
        auth: Any,
        session: requests.Session | None = None,
        *,
        attempts: int = 5,
        base_delay: float = 1.0,
        max_delay: float = 32.0,
        timeout: tuple[float, float] = (10.0, 120.0),
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        super().__init__(auth, session)
        self.timeout = timeout
        self.attempts = attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._sleep = sleep
        self._jitter = jitter
        self.requests_sent = 0

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        for attempt in range(1, self.attempts + 1):
            self.requests_sent += 1
            try:
                return super().request(*args, **kwargs)
            except APIError as exc:
                status = exc.response.status_code
                if status not in RETRYABLE or attempt == self.attempts:
                    raise
                wait = _retry_after(exc.response)
            except (requests.Timeout, requests.ConnectionError):
                if attempt == self.attempts:
                    raise
                wait = None
            self._sleep(wait if wait is not None else self.delay(attempt))
        raise AssertionError("unreachable")  # the loop returns or raises

    def delay(self, attempt: int) -> float:
        """Exponential back-off with 'equal jitter': half fixed, half random."""
        step = min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1))
        return step / 2 + step / 2 * self._jitter()


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    try:
        return min(float(value), 60.0)
    except ValueError:
        return None
