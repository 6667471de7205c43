"""Writing documents into the workspace's inbox: whole files only, never over another document.

Each file is written to a hidden temp file in the same folder (the importer skips names that
start with "."), fsynced, then renamed over its final name: a pull killed mid-write leaves at
most a hidden `.part` file, removed by the next pull, never a half report.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from .source import Document

PART = ".part"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step (temp file + fsync + rename)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{PART}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def clean_partials(folder: Path) -> int:
    """Remove temp files a killed pull left behind; returns how many."""
    removed = 0
    if folder.is_dir():
        for p in folder.glob(f".*{PART}"):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
                removed += 1
    return removed


@dataclass(frozen=True)
class Placed:
    path: Path
    sha256: str
    size: int
    written: bool  # False: the same bytes were already there


def inbox_bytes(doc: Document) -> bytes:
    """The bytes the inbox gets: Amazon's, re-encoded as UTF-8 when a charset is declared.

    The readers guess a legacy code page from the text when a file is not UTF-8, which is
    right for real downloads but can be wrong for a short document (a few Japanese names read
    as Cp1252 also decode). The declared charset is certain, so such documents are stored as
    UTF-8; undeclared or UTF-8 documents are kept byte for byte.
    """
    charset = doc.charset
    if not charset or charset in ("utf-8", "ascii"):
        return doc.body
    try:
        return doc.body.decode(charset).encode("utf-8")
    except UnicodeDecodeError:
        return doc.body  # the label was wrong: let the readers find the encoding


def place(folder: Path, name: str, data: bytes, *, stamp: str) -> Placed:
    """Put a document in the inbox under `name`, or, when a different document already has
    that name, under `name@stamp` (sorting after it, so a re-import keeps the newer last)."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()
    stem, dot, suffix = name.rpartition(".")
    candidates = [name, f"{stem}@{stamp}{dot}{suffix}"]
    candidates += [f"{stem}@{stamp}~{n}{dot}{suffix}" for n in range(2, 100)]
    for candidate in candidates:
        target = folder / candidate
        if target.exists():
            if hashlib.sha256(target.read_bytes()).hexdigest() == digest:
                return Placed(target, digest, len(data), written=False)
            continue
        write_atomic(target, data)
        return Placed(target, digest, len(data), written=True)
    raise FileExistsError(f"too many versions of {name} in {folder}")
