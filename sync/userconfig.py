"""fupan's per-user config folder, and the private files kept in it (sign-ins, API keys)."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import click


def config_dir_default() -> Path:
    """fupan's per-user config folder (e.g. ~/.config/fupan)."""
    return Path(click.get_app_dir("fupan"))


def write_private(path: Path, text: str) -> None:
    """Write `text` readable by its owner only, atomically: a reader never sees half a file."""
    with contextlib.suppress(FileExistsError):
        path.parent.mkdir(mode=0o700, parents=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # Created 0600 from the start: a chmod after writing would leave a window.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
