"""Downloading a report document: gzip found by its magic bytes, charset by Content-Type.

Amazon labels some documents GZIP that are not, and leaves the label off some that are
(see docs/amazon-apis.md), so the label is recorded but the first two bytes decide.
"""

from __future__ import annotations

import codecs
import gzip
import zlib

from ..errors import msg
from .errors import AmazonApiError
from .http import HttpClient
from .source import Document

GZIP_MAGIC = b"\x1f\x8b"

# Java charset names Amazon puts in Content-Type, and what Python calls them. Shift_JIS-labelled
# Japanese documents use the Windows extensions (①, ～), so they are read as cp932.
_CHARSETS = {
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "ms932": "cp932",
    "windows-31j": "cp932",
    "x-sjis": "cp932",
}


def fetch(http: HttpClient, url: str, *, labelled_gzip: bool) -> Document:
    """GET a presigned document URL (no Authorization header: S3 would refuse it)."""
    response = http.request("GET", url, op="download", authorised=False, ok=frozenset({200}))
    raw = response.content
    gzipped = raw[:2] == GZIP_MAGIC
    body = gunzip(raw) if gzipped else raw
    return Document(
        body, charset_of(response.headers.get("Content-Type", "")), gzipped, labelled_gzip
    )


def gunzip(raw: bytes) -> bytes:
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error):
        raise AmazonApiError(msg("err:a_gzip_cut", fmt="gzip")) from None


def charset_of(content_type: str) -> str | None:
    """The Python codec for a Content-Type's charset, or None when absent or unknown."""
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() != "charset":
            continue
        label = value.strip().strip('"').lower()
        label = _CHARSETS.get(label, label)
        try:
            return codecs.lookup(label).name
        except LookupError:
            return None
    return None
