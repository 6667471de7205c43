"""A report file's bytes, read within bounds, and the files that are no report (Office
documents, binaries)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..errors import ReportError, UnknownReportError, msg

# Resource bounds. The largest real downloads (a year of daily search terms) are tens of MB;
# anything far beyond these is not a report, and reading it would exhaust the machine.
MAX_FILE_BYTES = 512 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .xls, encrypted .xlsx, .doc


_NOT_REGULAR = (
    (stat.S_ISFIFO, "err:kind_fifo"),
    (stat.S_ISCHR, "err:kind_device"),
    (stat.S_ISBLK, "err:kind_device"),
    (stat.S_ISSOCK, "err:kind_socket"),
)


def read_bounded(p: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else is a ReportError.

    The file is opened without blocking and checked with fstat before a byte is read, so a
    FIFO cannot hang the run and a link to /dev/zero cannot fill the memory (the link's
    target is what is checked).
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise ReportError(p, msg("err:file_not_found"), fix=msg("err:fix_check_path")) from None
    except IsADirectoryError:
        raise ReportError(p, msg("err:is_folder")) from None
    except OSError as exc:
        raise ReportError(p, msg("err:cannot_read", why=exc.strerror)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReportError(p, msg("err:is_folder"))
        if not stat.S_ISREG(st.st_mode):
            kind = next((key for test, key in _NOT_REGULAR if test(st.st_mode)), "err:kind_other")
            raise ReportError(
                p, msg("err:not_regular", kind=msg(kind)), fix=msg("err:fix_give_the_file")
            )
        if st.st_size > limit:
            raise _too_large(p, st.st_size, limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            except OSError as exc:
                raise ReportError(p, msg("err:cannot_read", why=exc.strerror)) from None
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise _too_large(p, size, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(p: Path, size: int, limit: int) -> ReportError:
    return ReportError(
        p,
        msg("err:too_large", size=file_size(size), limit=file_size(limit)),
        fix=msg("err:fix_too_large"),
    )


def file_size(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    raise AssertionError  # pragma: no cover


def ole_error(path: Path, blob: bytes) -> ReportError:
    """An old-style Office file: an encrypted .xlsx, a legacy .xls, or another document."""
    if "EncryptedPackage".encode("utf-16-le") in blob:
        return ReportError(path, msg("err:encrypted"), fix=msg("err:fix_encrypted"))
    if any(name.encode("utf-16-le") in blob for name in ("Workbook", "Book")):
        return ReportError(path, msg("err:xls"), fix=msg("err:fix_xls"))
    return UnknownReportError(path, msg("err:ole"), fix=msg("err:fix_download_again_amazon"))


_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def refuse_binary(path: Path, blob: bytes) -> None:
    """Text reports hold a stray control character at most (a NUL in a title); a file with
    many of them is binary, or UTF-16 without its byte-order mark."""
    if blob.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with its byte-order mark: Excel's "Unicode Text"
    sample = blob[:65536]
    if len(_BINARY_BYTES.findall(sample)) > len(sample) // 20:
        raise UnknownReportError(path, msg("err:binary"), fix=msg("err:fix_download_again_amazon"))
