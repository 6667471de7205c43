"""The language the command line speaks: the command's --lang, else its workspace's."""

from __future__ import annotations

from pathlib import Path

import click
from click.core import ParameterSource

from ..errors import FupanError
from ..workspace import Workspace


def cli_lang(ctx: click.Context | None = None) -> str:
    """`--lang` of the command (or of a group above it: `fupan --lang zh sync`), else the
    language of the workspace it works in (--workspace, else the folder it runs in), else
    the default of the command's --lang, else English."""
    ctx = ctx or click.get_current_context(silent=True)
    here = ctx
    default = None
    while here is not None:
        lang = here.params.get("lang")
        if lang in ("en", "zh"):
            if here.get_parameter_source("lang") is not ParameterSource.DEFAULT:
                return str(lang)
            default = default or str(lang)  # a command's own default, not a choice made
        here = here.parent
    if ctx is not None and ctx.meta.get("fupan_lang") in ("en", "zh"):
        return str(ctx.meta["fupan_lang"])  # read from the arguments, for --help (help.py)
    where = ctx.params.get("workspace") if ctx is not None else None
    try:
        ws = Workspace.load(where) if isinstance(where, str | Path) else Workspace.find()
    except (FupanError, OSError):
        return default or "en"  # no workspace to ask: the error or message is about that
    return ws.language
