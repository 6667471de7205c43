"""The Google HTTP seam: bounded retries, back-off with jitter, timeouts, no retry on 4xx."""

from __future__ import annotations

import json

import pytest
import requests
from fupan.sync.targets.gsheets.http import BoundedRetryClient
from gspread.exceptions import APIError
from requests.adapters import BaseAdapter


class Scripted(BaseAdapter):
    """Answers each request with the next scripted status (or raises a timeout)."""

    def __init__(self, script):
        super().__init__()
        self.script = list(script)
        self.seen = []

    def send(self, request, **kwargs):
        self.seen.append((request.method, request.url, kwargs.get("timeout")))
        item = self.script.pop(0)
        if item == "timeout":
            raise requests.ReadTimeout("read timed out")
        status, headers = item if isinstance(item, tuple) else (item, {})
        response = requests.Response()
        response.status_code = status
        response.headers.update(headers)
        body = (
            {"spreadsheetId": "x"}
            if status == 200
            else {"error": {"code": status, "message": "scripted", "status": "UNAVAILABLE"}}
        )
        response._content = json.dumps(body).encode()
        response.url = request.url
        response.request = request
        return response

    def close(self):
        pass


def client(script, **kw):
    session = requests.Session()
    adapter = Scripted(script)
    session.mount("https://", adapter)
    sleeps = []
    c = BoundedRetryClient(None, session, sleep=sleeps.append, jitter=lambda: 1.0, **kw)
    return c, adapter, sleeps


URL = "https://sheets.googleapis.com/v4/spreadsheets/x"


def test_retries_429_and_5xx_then_succeeds_with_growing_waits():
    c, adapter, sleeps = client([429, 503, "timeout", 200])
    assert c.request("get", URL).json() == {"spreadsheetId": "x"}
    assert len(adapter.seen) == 4 and c.requests_sent == 4
    assert sleeps == [1.0, 2.0, 4.0]
    assert all(t == (10.0, 120.0) for *_, t in adapter.seen)  # a timeout on every request


def test_gives_up_after_the_last_attempt():
    c, adapter, sleeps = client([500] * 5, attempts=5)
    with pytest.raises(APIError):
        c.request("get", URL)
    assert len(adapter.seen) == 5 and len(sleeps) == 4


def test_client_errors_are_not_retried():
    c, adapter, sleeps = client([403])
    with pytest.raises(APIError):
        c.request("get", URL)
    assert len(adapter.seen) == 1 and sleeps == []


def test_retry_after_is_honoured_and_waits_are_capped():
    c, _, sleeps = client([(429, {"Retry-After": "7"}), 200])
    c.request("get", URL)
    assert sleeps == [7.0]
    assert BoundedRetryClient(None, requests.Session(), jitter=lambda: 1.0).delay(20) == 32.0
    assert BoundedRetryClient(None, requests.Session(), jitter=lambda: 0.0).delay(3) == 2.0
