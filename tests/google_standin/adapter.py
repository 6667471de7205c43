"""The requests transport adapter that hands a session's traffic to a FakeGoogle."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

if TYPE_CHECKING:
    from .fake import FakeGoogle

_REASONS = {
    200: "OK",
    204: "No Content",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class StandInAdapter(BaseAdapter):
    """Answers from the stand-in; any host but Google's two raises ConnectionError."""

    def __init__(self, fake: FakeGoogle) -> None:
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
        status, answer = self.fake.handle(request.method or "GET", request.url or "", headers, body)
        response = requests.Response()
        response.status_code = status
        response.reason = _REASONS.get(status, "")
        response.url = request.url or ""
        response.request = request
        response.encoding = "utf-8"
        if answer is None:
            response.headers = CaseInsensitiveDict({"Content-Type": "text/html"})
            response._content = b""
        else:
            response.headers = CaseInsensitiveDict(
                {"Content-Type": "application/json; charset=UTF-8"}
            )
            response._content = json.dumps(answer, ensure_ascii=False, indent=2).encode("utf-8")
        return response

    def close(self) -> None:
        pass
