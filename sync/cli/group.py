"""The one error mapper: fupan's own errors (FupanError) become `Error: <message>` on stderr
and the error's exit code, never a traceback, for every command and group."""

from __future__ import annotations

from typing import Any

import click

from ..errors import FupanError


class _MapsErrors(click.Command):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FupanError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


class FupanCommand(_MapsErrors):
    """A command whose FupanErrors are mapped (also when it is invoked on its own)."""


class FupanGroup(_MapsErrors, click.Group):
    """A group whose commands and subgroups map FupanErrors the same way."""

    command_class = FupanCommand
    group_class = type  # subgroups are FupanGroups too
