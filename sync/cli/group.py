"""The one error mapper: fupan's own errors (FupanError) become `Error: <message>` on stderr
and the error's exit code, never a traceback, for every command and group."""

from __future__ import annotations

from typing import Any

import click

from ..errors import FupanError
from ..i18n import LABELS, t
from .help import LocalHelp
from .lang import cli_lang
from .usage import in_language


def error_text(exc: FupanError, lang: str) -> str:
    """The mapper's line: in Chinese, what kind of error it is (by its class), then the
    message, which names the file, the value and what to do."""
    kind = next(
        (
            f"cli_error_{c.__name__}"
            for c in type(exc).__mro__
            if f"cli_error_{c.__name__}" in LABELS
        ),
        "cli_error_FupanError",
    )
    return t("cli_error", lang, kind=t(kind, lang), message=exc.text(lang))


class _MapsErrors(LocalHelp):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FupanError as exc:
            click.echo(error_text(exc, cli_lang(ctx)), err=True)
            ctx.exit(exc.exit_code)
        except click.ClickException as exc:  # a subcommand's name or click's own words
            raise in_language(exc, cli_lang(ctx)) from exc
        except (click.Abort, KeyboardInterrupt):  # Ctrl-C, or a prompt declined
            click.echo(err=True)
            click.echo(t("click:aborted", cli_lang(ctx)), err=True)
            ctx.exit(1)  # as click's own "Aborted!" does


class FupanCommand(_MapsErrors):
    """A command whose FupanErrors are mapped (also when it is invoked on its own)."""


class FupanGroup(_MapsErrors, click.Group):
    """A group whose commands and subgroups map FupanErrors the same way."""

    command_class = FupanCommand
    group_class = type  # subgroups are FupanGroups too
