"""The XML of a worksheet part as xlsx_scan.py reads it: the regular expressions that find its
rows and cells, and its text and attributes decoded as an XML parser decodes them."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.xml.constants import SHEET_MAIN_NS


class Unsure(Exception):
    """The part holds something this reader does not read exactly as openpyxl does."""


_ATTRS = rb"((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*"
_ATTR = re.compile(rb"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ROOT = re.compile(rb"<(?:([\w.-]+):)?worksheet\b" + _ATTRS + rb"/?>")
_PROLOG = re.compile(rb"(?:<\?xml\b[^>]*\?>)?\s*")
_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([\w.-]+)[\"']")
_XMLNS = re.compile(rb"(xmlns(?::[\w.-]+)?)\s*=\s*(\"[^\"]*\"|'[^']*')")
_REF = re.compile(r"&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_MAIN = SHEET_MAIN_NS.encode()
_REFERENCE = rb"[A-Z]{1,3}[0-9]+"  # a cell's `r` as every spreadsheet program writes it
PLAIN_REFERENCE = re.compile(_REFERENCE)


def _upto(tag: bytes) -> bytes:
    """Anything up to the end tag `tag` (unrolled: runs of text are consumed in one step)."""
    return rb"[^<]*(?:<(?!/" + tag + rb"\s*>)[^<]*)*"


class Patterns:
    """The regular expressions of one namespace prefix (b"" or b"x:")."""

    def __init__(self, p: bytes) -> None:
        def element(tag: bytes, body: bytes) -> bytes:
            return rb"<" + p + tag + _ATTRS + rb"(?:/>|>" + body + rb"</" + p + tag + rb"\s*>)"

        self.p = p
        self.data = re.compile(rb"<" + p + rb"sheetData" + _ATTRS + rb"(/?)>")
        self.data_end = b"</" + p + b"sheetData"
        self.row = re.compile(rb"<" + p + rb"row(?: r=\"([0-9]+)\")?" + _ATTRS + rb"(/?)>")
        self.row_end = b"</" + p + b"row"
        # r, s and t in the order Excel, LibreOffice and openpyxl write them (others after);
        # the body: a lone value, a lone plain inline string, or any other
        v = b"<" + p + b"v>([^<]*)</" + p + b"v>"
        t = b"<" + p + b"is><" + p + b"t>([^<]*)</" + p + b"t></" + p + b"is>"
        start = b"<" + p + rb"c(?: r=\"(" + _REFERENCE + rb")\")?(?: s=\"([0-9]+)\")?"
        body = rb"(?:" + v + b"|" + t + rb"|(" + _upto(p + b"c") + rb"))</" + p + rb"c\s*>"
        self.cell = re.compile(
            start + rb"(?: t=\"([a-zA-Z]+)\")?" + _ATTRS + rb"(?:/>|>" + body + b")", re.S
        )
        self.body = re.compile(
            rb"\s*(?:" + element(b"f", rb"([^<]*)") + rb"\s*)?"
            rb"(?:" + element(b"v", rb"([^<]*)") + rb"\s*)?"
            rb"(?:" + element(b"is", b"(" + _upto(p + b"is") + b")") + rb"\s*)?",
            re.S,
        )
        self.plain = re.compile(rb"\s*(?:" + element(b"t", rb"([^<]*)") + rb"\s*)?")
        self.master = re.compile(rb"<" + p + rb"f" + _ATTRS + rb">([^<]+)</" + p + rb"f\s*>")
        self.cell_start = b"<" + p + b"c"

    def wanted(self, columns: Collection[int]) -> re.Pattern[bytes]:
        """The start of the cells in `columns` (1-based, group 1) and of any cell without its
        `r` written first as above (no group 1: its column is known only by reading its row)."""
        letters = b"|".join(sorted(get_column_letter(c).encode() for c in columns))
        return re.compile(
            b"<" + self.p + rb"c(?:( r=\"(?:" + letters + rb")[0-9]+\")"
            rb"|(?! r=\"" + _REFERENCE + rb"\"[\s/>])[\s/>])"
        )


@cache
def patterns(p: bytes) -> Patterns:
    return Patterns(p)


@cache
def column_of(letters: bytes) -> int:
    return column_index_from_string(letters.decode())


def attrs(raw: bytes) -> dict[bytes, bytes]:
    """A start tag's attributes (only plain values: a reference or a tab in one is Unsure)."""
    out = {}
    for name, double, single in _ATTR.findall(raw):
        value = double if double or not single else single
        if any(c in value for c in b"&\t\n\r"):
            raise Unsure("attribute value to normalise")
        out[name] = value
    return out


def _ref(m: re.Match[str]) -> str:
    name, dec, hexa = m.groups()
    if name:
        return _NAMED[name]
    code = int(dec) if dec else int(hexa, 16)
    allowed = code in (9, 10, 13) or 32 <= code < 0xD800 or 0xE000 <= code <= 0xFFFD
    if not (allowed or 0x10000 <= code <= 0x10FFFF):
        raise Unsure("a character XML does not allow")
    return chr(code)


def text_of(raw: bytes) -> str:
    """Character data as an XML parser gives it: line ends normalised, references resolved."""
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        raise Unsure("not UTF-8") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        decoded, n = _REF.subn(_ref, text)
        if n != text.count("&"):
            raise Unsure("an entity XML does not define")
        return decoded
    return text


def cast_number(value: str) -> int | float:
    """openpyxl's reading of a number (worksheet/_reader.py)."""
    if "." in value or "E" in value or "e" in value:
        return float(value)
    return int(value)


def parse_root(data: bytes) -> tuple[bytes, Patterns, bytes]:
    """The part (without a byte order mark), the patterns of the prefix its root binds the
    main namespace to (bound once), and the root's namespace declarations."""
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    prolog = _PROLOG.match(data)
    assert prolog is not None  # the pattern matches the empty string
    encoding = _ENCODING.search(prolog[0])
    if encoding is not None and encoding[1].lower() not in (b"utf-8", b"utf8"):
        raise Unsure("not UTF-8")
    root = _ROOT.match(data, prolog.end())
    if root is None:
        raise Unsure("no worksheet root first")
    declared = _XMLNS.findall(root[2])
    bound = [name[6:] for name, value in declared if value[1:-1] == _MAIN]
    prefix = root[1] or b""
    if bound != [prefix]:
        raise Unsure("the main namespace bound otherwise")
    decls = b" ".join(name + b"=" + value for name, value in declared)
    return data, patterns(prefix + b":" if prefix else b""), decls
