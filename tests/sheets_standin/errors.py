"""Google's error envelopes, as the real API and the recordings show them."""

from __future__ import annotations

from typing import Any

STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}


class GoogleError(Exception):
    """An error answer: HTTP status and the JSON body Google sends."""

    def __init__(self, code: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.body = {"error": {"code": code, "message": message, "status": STATUS[code], **extra}}


def bad_field(field: str, description: str, message: str | None = None) -> GoogleError:
    return GoogleError(
        400,
        message or f"Invalid value at '{field}', {description}",
        details=[
            {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                "fieldViolations": [{"field": field, "description": description}],
            }
        ],
    )


def invalid(message: str) -> GoogleError:
    return GoogleError(400, message)


def not_found() -> GoogleError:
    return GoogleError(404, "Requested entity was not found.")


def denied() -> GoogleError:
    return GoogleError(403, "The caller does not have permission")


def quota(kind: str) -> GoogleError:
    metric = "Write requests" if kind == "write" else "Read requests"
    limit = "WriteRequestsPerMinutePerUser" if kind == "write" else "ReadRequestsPerMinutePerUser"
    return GoogleError(
        429,
        f"Quota exceeded for quota metric '{metric}' and limit '{metric} per minute per user' "
        "of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.",
        details=[
            {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "RATE_LIMIT_EXCEEDED",
                "domain": "googleapis.com",
                "metadata": {
                    "quota_limit": limit,
                    "quota_metric": f"sheets.googleapis.com/{kind}_requests",
                    "service": "sheets.googleapis.com",
                    "consumer": "projects/000000000000",
                    "quota_limit_value": "60",
                    "quota_location": "global",
                },
            }
        ],
    )


def server(code: int) -> GoogleError:
    messages = {
        500: "Internal error encountered.",
        502: "Bad Gateway",
        503: "The service is currently unavailable.",
        504: "The request timed out. Please try again.",
    }
    return GoogleError(code, messages.get(code, "Internal error encountered."))


def drive(code: int, reason: str, message: str, domain: str = "global") -> GoogleError:
    """Drive v3 errors also carry the older `errors[]` list."""
    err = GoogleError(code, message)
    err.body["error"]["errors"] = [{"message": message, "domain": domain, "reason": reason}]
    return err
