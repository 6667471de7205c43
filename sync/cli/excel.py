"""`fupan excel build|install`: the Excel add-in (=AMZ_*() functions, "Refresh data")."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import t
from .group import FupanGroup


@click.group(cls=FupanGroup)
def excel() -> None:
    """The Excel add-in: =AMZ_*() functions and the "Refresh data" ribbon button."""


@excel.command(name="build")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("fupan.xlam"),
    show_default=True,
)
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
)
def excel_build(out: Path, lang: str) -> None:
    """Build the fupan.xlam add-in (works on any OS; install it in Excel on Windows)."""
    # xlwings (the add-in's template) loads only for the add-in: `fupan --help` stays fast
    from ...addin.build import build_addin

    path = build_addin(out, lang=lang)
    click.echo(t("say:addin_written", lang, path=path))


@excel.command(name="install")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
def excel_install(lang: str) -> None:
    """Install fupan.xlam into Excel's start-up folder (Windows, macOS)."""
    # xlwings (the add-in's template) loads only for the add-in: `fupan --help` stays fast
    from ...addin.build import install_addin

    path = install_addin(lang=lang)
    click.echo(t("say:addin_installed", lang, path=path))
