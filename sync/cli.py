"""The `fupan` command line: a thin shell over the Python API in fupan.sync.api.

Each command parses its options, calls one API function and prints the result. Our own
errors (FupanError) become a one-line message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import __version__
from .errors import FupanError

F = TypeVar("F", bound=Callable[..., Any])


def friendly(fn: F) -> F:
    """Turn FupanError into `Error: <message>` and the error's exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except FupanError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fupan")
def cli() -> None:
    """fupan (复盘): your Amazon operations review in the spreadsheet you already use."""


def main() -> None:
    cli()


# Commands are defined below, one section per command, each calling one API function.
