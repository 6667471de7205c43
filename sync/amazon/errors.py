"""What can go wrong talking to Amazon, as FupanErrors whose message says what to do."""

from __future__ import annotations

from ..errors import FupanError, Said


class AmazonError(FupanError):
    """Base of every Amazon API error fupan raises."""


class AmazonAuthError(AmazonError):
    """Credentials are missing, refused by Login with Amazon, or lack a role."""


class AmazonApiError(AmazonError):
    """Amazon refused a request, or kept failing after the retries ran out."""

    def __init__(self, message: str | Said, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class PullBudgetExceeded(AmazonError):
    """Waiting for a rate-limit token would exceed what this pull may spend waiting.

    Raised by the rate limiter and caught by the pull, which leaves the remaining requests
    for the next pull instead of blocking the "Refresh data" button.
    """
