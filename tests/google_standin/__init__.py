"""An in-process, validating stand-in of Google Sheets v4 + Drive v3 for tests.

    fake = FakeGoogle()
    sid = fake.create_spreadsheet(title="Review", editors={BOT})
    fake.mount(client.http_client.session)   # gspread's requests session

Every request is routed by the discovery documents' `flatPath`s and validated against them
(query and body) before anything happens; batchUpdate is atomic; errors are Google's
envelopes. Anything not modelled answers 501 with an AssertionError message and is kept in
`fake.unimplemented` (`fake.check()` raises it). Known simplifications:

- pasteData: plain text with a delimiter in an English-style locale (paste.py);
- formulas evaluate only arithmetic on literal numbers; others read back as text (FORMULA)
  or empty; PASTE_VALUES of such a formula pastes nothing;
- inserting or deleting rows/columns moves cells and dimension sizes, not conditional
  formats, merges, protected or named ranges;
- DataFilters other than developerMetadataLookup, sheetType OBJECT/DATA_SOURCE, charts on
  new sheets, TRANSPOSE pastes and Drive file contents are not modelled (501).
"""

from .errors import ApiError
from .fake import BOT, Exchange, FakeGoogle, ManualClock
from .model import SheetModel, Spreadsheet

__all__ = ["BOT", "ApiError", "Exchange", "FakeGoogle", "ManualClock", "SheetModel", "Spreadsheet"]
