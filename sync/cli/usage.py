"""click's own errors (a mistyped option, a missing argument, a bad value) in the command
line's language. click writes them in English as it parses; `said_in` reads such a message
back against click's texts in sync/labels/cli_click.py and says it again in Chinese. The
exit code stays click's (2 for a usage error)."""

from __future__ import annotations

import re
from functools import cache
from typing import IO, Any

import click

from ..i18n import t
from ..labels.cli_click import LABELS as CLICK_TEXTS

_PLACEHOLDER = re.compile(r"\\\{(\w+)(!r)?\\\}")


@cache
def _patterns() -> list[tuple[str, re.Pattern[str], bool]]:
    """(key, pattern of click's English, whether it ends in a value) for every text, the
    most literal first ("is not a valid boolean" before "is not {choice}")."""
    out = []
    for key, (english, _) in CLICK_TEXTS.items():
        body = _PLACEHOLDER.sub(
            lambda m: f"['\"](?P<{m[1]}>.*?)['\"]" if m[2] else f"(?P<{m[1]}>.*?)",
            re.escape(english),
        )
        out.append((key, re.compile(body, re.DOTALL), english.endswith("}")))
    return sorted(out, key=lambda p: -len(re.sub(r"\{[^}]*\}", "", CLICK_TEXTS[p[0]][0])))


def said_in(text: str, lang: str) -> str:
    """A message click wrote, in `lang`; a message click's texts do not know, as written."""
    if lang == "en":
        return text
    return _said(text.strip()) or text


def _said(text: str) -> str | None:
    """The Chinese of one or more of click's sentences, or None when one is not known."""
    if not text:
        return ""
    for key, pattern, ends_in_value in _patterns():
        # A text ending in a value takes the rest of the message; any other is one sentence,
        # followed by the end or by the next sentence.
        m = (
            pattern.fullmatch(text)
            if ends_in_value
            else re.match(pattern.pattern + r"(?=\s|$)", text, re.DOTALL)
        )
        if m is None:
            continue
        values: dict[str, Any] = dict(m.groupdict())
        if "message" in values:
            values["message"] = _said(values["message"]) or values["message"]
        rest = _said(text[m.end() :].strip())
        if rest is None:
            return None
        return t(key, "zh", **values) + rest
    return None


class SaidClickError(click.ClickException):
    """A click error that is no usage error (a file click could not open), in `lang`."""

    def __init__(self, original: click.ClickException, lang: str) -> None:
        super().__init__(original.format_message())
        self.lang = lang

    def format_message(self) -> str:
        return said_in(self.message, self.lang)

    def show(self, file: IO[Any] | None = None) -> None:
        text = t("click:error", self.lang, message=self.format_message())
        click.echo(text, file=file, err=file is None)


class SaidUsageError(click.UsageError):
    """A usage error in `lang`: click's usage line and hint, then the message (exit 2)."""

    def __init__(self, original: click.UsageError, lang: str) -> None:
        super().__init__(original.format_message(), original.ctx)
        self.lang = lang

    def format_message(self) -> str:
        return said_in(self.message, self.lang)

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                option = max(ctx.command.get_help_option_names(ctx), key=len)
                command = ctx.command_path
                hint = t("click:try_help", self.lang, command=command, option=option) + "\n"
            click.echo(f"{ctx.get_usage()}\n{hint}", file=file, err=file is None)
        text = t("click:error", self.lang, message=self.format_message())
        click.echo(text, file=file, err=file is None)


def in_language(exc: click.ClickException, lang: str) -> click.ClickException:
    """`exc` as an error that shows itself in `lang` (one that does already, as it is)."""
    if isinstance(exc, SaidClickError | SaidUsageError | click.exceptions.NoArgsIsHelpError):
        return exc  # the help a group prints when called bare is in the language already
    if isinstance(exc, click.UsageError):
        return SaidUsageError(exc, lang)
    return SaidClickError(exc, lang)
