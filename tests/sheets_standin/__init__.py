"""An in-process stand-in for the Google Sheets v4 and Drive v3 endpoints fupan uses.

Mounted on gspread's `requests` session (every other host is refused), it validates each
request against Google's discovery documents, applies `batchUpdate` all or nothing, keeps
cells with their value types and answers with Google's response and error shapes. It is
kept honest by replaying gspread's real recordings (tests/test_sheets_standin_cassettes.py).
"""

from .server import BOT, Exchange, FakeGoogle

__all__ = ["BOT", "Exchange", "FakeGoogle"]
