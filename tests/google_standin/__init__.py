"""An in-process, validating stand-in of Google Sheets v4 + Drive v3 for tests.

fake = FakeGoogle()
sid = fake.create_spreadsheet(title="Review", editors={BOT})
fake.mount(client.http_client.session)
"""

from .errors import ApiError
from .fake import BOT, Exchange, FakeGoogle, ManualClock
from .model import SheetModel, Spreadsheet

__all__ = ["BOT", "ApiError", "Exchange", "FakeGoogle", "ManualClock", "SheetModel", "Spreadsheet"]
