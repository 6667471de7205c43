"""Google's error envelopes, as the real services send them (see shared docs, section 1.2)."""

from __future__ import annotations

from typing import Any

BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest"
PROJECT_NUMBER = "604060312733"  # any consumer number: it only appears inside messages


class ApiError(Exception):
    """An HTTP error answer: raised anywhere in a handler, turned into a response."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status}: {body.get('error', {}).get('message', '')}")
        self.status = status
        self.body = body

    @property
    def message(self) -> str:
        return str(self.body["error"]["message"])


class Unimplemented(ApiError):
    """A request the stand-in does not model: answered 501 and recorded as a test failure."""

    def __init__(self, what: str) -> None:
        message = f"AssertionError: the Google stand-in does not implement {what}"
        super().__init__(
            501, {"error": {"code": 501, "message": message, "status": "UNIMPLEMENTED"}}
        )
        self.assertion = AssertionError(message)


def envelope(code: int, message: str, status: str, details: list | None = None) -> dict[str, Any]:
    """The `{"error": {code, message, status, details?}}` shape of Sheets (and Google APIs)."""
    error: dict[str, Any] = {"code": code, "message": message, "status": status}
    if details:
        error["details"] = details
    return {"error": error}


def invalid(message: str) -> ApiError:
    """A semantic 400: no details, like `You can't hide all the sheets in a document.`."""
    return ApiError(400, envelope(400, message, "INVALID_ARGUMENT"))


def field_violation(message: str, field: str | None) -> ApiError:
    """A 400 from request parsing: carries google.rpc.BadRequest fieldViolations."""
    violation: dict[str, str] = {"description": message}
    if field:
        violation = {"field": field, "description": message}
    details = [{"@type": BAD_REQUEST, "fieldViolations": [violation]}]
    return ApiError(400, envelope(400, message, "INVALID_ARGUMENT", details))


def not_found() -> ApiError:
    """Unknown spreadsheet id (cassette ClientTest.test_access_non_existing_spreadsheet)."""
    return ApiError(404, envelope(404, "Requested entity was not found.", "NOT_FOUND"))


def permission_denied() -> ApiError:
    """No access (cassette ClientTest.test_access_private_spreadsheet)."""
    return ApiError(403, envelope(403, "The caller does not have permission", "PERMISSION_DENIED"))


def unauthenticated(service: str) -> ApiError:
    """No Authorization header at all."""
    message = (
        "Request is missing required authentication credential. Expected OAuth 2 access "
        "token, login cookie or other valid authentication credential. See "
        "https://developers.google.com/identity/sign-in/web/devconsole-project."
    )
    details = [
        {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "CREDENTIALS_MISSING",
            "domain": "googleapis.com",
            "metadata": {"service": service},
        }
    ]
    body = envelope(401, message, "UNAUTHENTICATED", details)
    if service == "drive.googleapis.com":
        body["error"]["errors"] = [
            {
                "message": "Login Required.",
                "domain": "global",
                "reason": "required",
                "location": "Authorization",
                "locationType": "header",
            }
        ]
    return ApiError(401, body)


def rate_limited(kind: str, limit: int) -> ApiError:
    """Sheets' per-user-per-minute quota answer (429 RESOURCE_EXHAUSTED with ErrorInfo)."""
    word = "Write" if kind == "write" else "Read"
    message = (
        f"Quota exceeded for quota metric '{word} requests' and limit '{word} requests per "
        f"minute per user' of service 'sheets.googleapis.com' for consumer "
        f"'project_number:{PROJECT_NUMBER}'."
    )
    details = [
        {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "RATE_LIMIT_EXCEEDED",
            "domain": "googleapis.com",
            "metadata": {
                "quota_location": "global",
                "quota_metric": f"sheets.googleapis.com/{kind}_requests",
                "consumer": f"projects/{PROJECT_NUMBER}",
                "quota_limit_value": str(limit),
                "quota_limit": f"{word}RequestsPerMinutePerUser",
                "service": "sheets.googleapis.com",
                "quota_unit": "1/min/{project}/{user}",
            },
        },
        {
            "@type": "type.googleapis.com/google.rpc.Help",
            "links": [
                {
                    "description": "Request a higher quota limit.",
                    "url": "https://cloud.google.com/docs/quotas/help/request_increase",
                }
            ],
        },
    ]
    return ApiError(429, envelope(429, message, "RESOURCE_EXHAUSTED", details))


_SERVER = {
    500: ("Internal error encountered.", "INTERNAL"),
    502: ("Bad Gateway", "UNAVAILABLE"),
    503: ("The service is currently unavailable.", "UNAVAILABLE"),
    504: ("The request timed out. Please try again.", "DEADLINE_EXCEEDED"),
}


def server_error(code: int) -> ApiError:
    """A scripted 5xx (or any other scripted status) in Google's envelope."""
    message, status = _SERVER.get(code, ("Unknown error.", "UNKNOWN"))
    return ApiError(code, envelope(code, message, status))


# Drive ---------------------------------------------------------------------------------------


def drive_error(
    code: int, reason: str, message: str, *, domain: str = "global", **where: str
) -> ApiError:
    """Drive v3 errors: the Google envelope plus `errors[0].{domain,reason,message}`."""
    item: dict[str, str] = {"message": message, "domain": domain, "reason": reason, **where}
    return ApiError(code, {"error": {"code": code, "message": message, "errors": [item]}})


def drive_not_found(file_id: str) -> ApiError:
    """Drive hides what you cannot see: unknown and inaccessible files are both 404."""
    return drive_error(
        404,
        "notFound",
        f"File not found: {file_id}.",
        location="fileId",
        locationType="parameter",
    )


def storage_quota_exceeded() -> ApiError:
    """What Drive answers a service account creating a file outside a shared drive (2025+)."""
    return drive_error(
        403,
        "storageQuotaExceeded",
        "Service Accounts do not have storage quota. Leverage shared drives "
        "(https://developers.google.com/workspace/drive/api/guides/about-shareddrives), or use "
        "OAuth delegation (http://support.google.com/a/answer/7281227) instead.",
        domain="usageLimits",
    )


def drive_scripted(code: int) -> ApiError:
    """A scripted failure on a Drive endpoint."""
    if code in (403, 429):
        return drive_error(code, "rateLimitExceeded", "Rate Limit Exceeded", domain="usageLimits")
    if code >= 500:
        return drive_error(code, "backendError", "Backend Error")
    return drive_error(code, "badRequest", "Bad Request")


class Reject(Exception):
    """A semantic refusal inside an operation; the caller adds Google's prefix.

    In a batchUpdate it becomes `Invalid requests[i].kind: <message>`; elsewhere the bare
    message, both 400 INVALID_ARGUMENT without details.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
