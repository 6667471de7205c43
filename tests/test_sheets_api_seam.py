"""One seam knows Google: its endpoints and URLs are in targets/gsheets/sheets_api.py only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fupan.sync.targets.gsheets.sheets_api import looks_like_gsheet, sheet_url, spreadsheet_key

ROOT = Path(__file__).resolve().parents[1]
SEAM = ROOT / "sync" / "targets" / "gsheets" / "sheets_api.py"
KEY = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms"


def test_no_other_module_knows_googles_endpoints_or_urls():
    for path in sorted((ROOT / "sync").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path != SEAM:
            for shape in ("googleapis.com", "docs.google.com", "gspread.urls"):
                assert shape not in text, f"{path.relative_to(ROOT)} names {shape}"


def test_a_sheets_address_is_told_without_loading_gspread():
    code = (
        "import sys\n"
        "from fupan.sync.targets.registry import kind_of\n"
        f"assert kind_of({KEY!r}).name == 'gsheet'\n"
        "print('gspread' in sys.modules, 'google.auth' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_addresses():
    url = f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0"
    assert spreadsheet_key(url) == spreadsheet_key(KEY) == KEY
    assert sheet_url(KEY) == f"https://docs.google.com/spreadsheets/d/{KEY}"
    assert looks_like_gsheet(url) and looks_like_gsheet(KEY)
    assert not looks_like_gsheet("review.xlsx") and not looks_like_gsheet(f"{KEY}.xlsx")
