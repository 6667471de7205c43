"""`--help` in the command line's language. Every command's and option's text is an entry
of sync/labels/cli_help.py (`help:<command path>[:<option>]`), not the decorator's; click's
own words (Usage:, Options:, [default: …]) come from the same table."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from ..i18n import LABELS, t
from ..ingest.registry import READERS
from ..labels.cli_help import NAMES_ZH
from .lang import cli_lang
from .usage import in_language
from .wrap import wrap, wrap_line


def command_key(ctx: click.Context) -> str:
    """`fupan` for the top command, else its path below it: `sync`, `actions sync`."""
    names: list[str] = []
    here: click.Context | None = ctx
    while here is not None and here.parent is not None:
        names.insert(0, here.command.name or "")
        here = here.parent
    return " ".join(names) or "fupan"


def param_help(command: str, param: str, lang: str) -> str:
    """An option's help: its command's own entry, else the entry the commands share."""
    own = f"help:{command}:{param}"
    return t(own if own in LABELS else f"help:*:{param}", lang)


def report_title(kind: str, lang: str) -> str:
    """The title of the report family a reader kind ("ads_search_term") reads, in `lang`."""
    for reader in READERS:
        if reader.kind == kind:
            return name_zh("report", type(reader).__name__, reader.title, lang)
    return kind  # a reader registered at run time without a title


def name_zh(kind: str, name: str, english: str, lang: str) -> str:
    """A report family's title or a kind of workbook's `about` in the language: the
    Chinese from the table, else (a family registered at run time) the English."""
    return NAMES_ZH.get(f"{kind}:{name}", english) if lang == "zh" else english


class Formatter(click.HelpFormatter):
    """click's formatter with its headings and usage prefix in the command line's language."""

    def __init__(self, lang: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix=t("click:usage", self.lang))

    def write_heading(self, heading: str) -> None:
        colon = "：" if self.lang == "zh" else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_text(self, text: str) -> None:
        if self.lang != "zh":
            return super().write_text(text)
        indent = " " * self.current_indent
        for line in wrap(text, max(self.width - self.current_indent, 20)):
            self.write(f"{indent}{line}\n" if line else "\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        if self.lang != "zh":
            return super().write_dl(rows, col_max, col_spacing)
        rows = list(rows)
        first_col = min(max(len(a) for a, _ in rows), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - len(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - self.current_indent, 20)) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * (first_col + self.current_indent) + line + "\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        key = {"Options": "click:options", "Commands": "click:commands"}.get(name)
        with super().section(t(key, self.lang) if key else name):
            yield


def _extra(param: click.Option, ctx: click.Context, lang: str) -> str:
    """click's `[default: …; required]` after an option's help, in the language."""
    extra = param.get_help_extra(ctx)
    items = []
    if "envvars" in extra:
        items.append(t("click:env", lang, var=", ".join(extra["envvars"])))
    if "default" in extra:
        items.append(t("click:default", lang, value=extra["default"]))
    if "range" in extra:
        items.append(extra["range"])
    if "required" in extra:
        items.append(t("click:required", lang))
    return f"  [{'; '.join(items)}]" if items else ""


def _short(text: str, limit: int) -> str:
    """A command's line in its group's list: its first sentence, cut to fit with `...`."""
    first = re.split(r"(?<=\.) |(?<=。)", text.split("\n\n")[0], maxsplit=1)[0]
    lines = wrap_line(first, max(limit, 20) - 3)
    return lines[0] + ("..." if len(lines) > 1 else "")


class LocalHelp(click.Command):
    """A command whose help is written in the command line's language (--lang on the command
    line, else its workspace's)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # --help is eager: it prints before --lang is processed, so --lang is read here.
        for n, arg in enumerate(args):
            if arg == "--lang" and n + 1 < len(args):
                ctx.meta["fupan_lang"] = args[n + 1]
            elif arg.startswith("--lang="):
                ctx.meta["fupan_lang"] = arg.split("=", 1)[1]
        try:
            return super().parse_args(ctx, args)
        except click.ClickException as exc:  # click's own words: in the language too
            raise in_language(exc, cli_lang(ctx)) from exc

    def get_help(self, ctx: click.Context) -> str:
        lang = cli_lang(ctx)
        formatter = Formatter(lang, width=ctx.terminal_width, max_width=ctx.max_content_width)
        self.format_help(ctx, formatter)
        return formatter.getvalue().rstrip("\n")

    def get_usage(self, ctx: click.Context) -> str:
        formatter = Formatter(
            cli_lang(ctx), width=ctx.terminal_width, max_width=ctx.max_content_width
        )
        self.format_usage(ctx, formatter)
        return formatter.getvalue().rstrip("\n")

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        lang = cli_lang(ctx)
        words = {
            self.options_metavar: t("click:options_metavar", lang),
            "COMMAND [ARGS]...": t("click:subcommand_metavar", lang),
        }
        return [words.get(p, p) for p in super().collect_usage_pieces(ctx)]

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(t(f"help:{command_key(ctx)}", cli_lang(ctx)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang, key = cli_lang(ctx), command_key(ctx)
        help_option = self.get_help_option(ctx)
        rows = [
            (
                p.get_help_spec(ctx) or "",
                param_help(key, "help" if p is help_option else p.name or "", lang)
                + _extra(p, ctx, lang),
            )
            for p in self.get_params(ctx)
            if isinstance(p, click.Option) and not p.hidden
        ]
        if rows:
            with formatter.section("Options"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """A group's commands, each with the first sentence of its help in the language."""
        assert isinstance(self, click.Group)
        lang, key = cli_lang(ctx), command_key(ctx)
        prefix = "" if key == "fupan" else f"{key} "
        names = [n for n in self.list_commands(ctx) if not self.commands[n].hidden]
        if not names:
            return
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = [(n, _short(t(f"help:{prefix}{n}", lang), limit)) for n in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)
