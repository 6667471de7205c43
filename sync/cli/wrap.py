"""Wrapping Chinese help text: by display width (a Chinese character takes two columns),
between any two Chinese characters or at a space, never inside a Latin word, and never
starting a line with closing punctuation. click's own wrapping counts characters and
breaks only at spaces, so Chinese lines run long and long names are cut in two."""

from __future__ import annotations

import re
import unicodedata

# A token: one Chinese character or a run of anything else without spaces, each with the
# closing punctuation after it; or spaces.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKEN = re.compile(rf"(?:[{_CJK}]|[^\s{_CJK}]+)[，。、；：）」』！？》]*|\s+")


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_line(text: str, limit: int) -> list[str]:
    """One paragraph as lines of at most `limit` columns (a longer word alone on its line)."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(" ".join(text.split())):
        if token.isspace():
            line += " " if line else ""
            continue
        if line and width(line + token) > limit:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def wrap(text: str, limit: int) -> list[str]:
    """Paragraphs (blank-line separated) wrapped, a blank line between them; a paragraph
    that starts with click's \\b marker keeps its lines as written."""
    out: list[str] = []
    for para in text.split("\n\n"):
        if out:
            out.append("")
        if para.startswith("\b"):
            out += para[1:].strip("\n").splitlines()
        else:
            out += wrap_line(para, limit)
    return out
