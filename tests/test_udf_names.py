"""Every exported UDF name is one Excel will call: a VBA identifier, no cell reference, no
built-in function of Excel's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fupan.addin.udfs import EXPORTED

EXCEL = {
    line.strip().upper()
    for line in (Path(__file__).parent / "data" / "excel_functions.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
VBA_KEYWORDS = {
    "AND",
    "OR",
    "NOT",
    "MOD",
    "IF",
    "THEN",
    "ELSE",
    "END",
    "SUB",
    "FUNCTION",
    "DIM",
    "FOR",
    "NEXT",
    "TO",
    "CALL",
    "SET",
    "LET",
    "GET",
    "PUT",
    "TYPE",
    "ERROR",
}


def looks_like_a_cell(name: str) -> bool:
    a1 = re.fullmatch(r"[A-Z]{1,3}[0-9]{1,7}", name.upper())
    r1c1 = re.fullmatch(r"R[0-9]*C[0-9]*|R[0-9]+|C[0-9]+", name.upper())
    return bool(a1 or r1c1 or name.upper() in ("R", "C"))


def test_the_list_is_real():
    assert {"ACOS", "SUMIFS", "XLOOKUP", "TEXTJOIN"} <= EXCEL and len(EXCEL) > 450
    assert looks_like_a_cell("AMZ1") and looks_like_a_cell("R1C1")


@pytest.mark.parametrize("name", EXPORTED)
def test_name_is_safe(name):
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,254}", name), "not a VBA identifier"
    assert not looks_like_a_cell(name)
    assert name.upper() not in EXCEL and name.upper() not in VBA_KEYWORDS
    assert name.startswith("AMZ_")
