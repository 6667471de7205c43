"""`--help` speaks the command line's language (issue 14, item 5): every command's and
option's text is an entry of sync/labels/cli_help.py in English and Chinese, and in a Chinese
workspace (or with --lang zh) click's own words are Chinese too."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner
from fupan.sync.cli.app import cli
from fupan.sync.i18n import LABELS
from fupan.sync.ingest.registry import READERS
from fupan.sync.labels.cli_help import NAMES_ZH
from fupan.sync.targets.registry import kinds
from latin import CJK, latin_words


def _commands(cmd: click.Command = cli, path: tuple[str, ...] = ()):
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            yield from _commands(sub, (*path, name))


COMMANDS = list(_commands())
NAMES = {n for path, _ in COMMANDS for n in path} | {k.name for k in kinds()} | {"cli"}
TYPED = {"en", "zh"}  # the values of --lang, named in its help
# What a help line holds that is syntax, not words: option names, [choices] and
# [%Y-%m-%d], ranges (0<=x<=65535), the defaults' values.
SYNTAX = re.compile(r"--?[a-z][\w-]*|\[[^\]\u4e00-\u9fff]*\]|\S*<=?\S*|\S*>=\S*|默认：[^\]]*\]")


def _key(path: tuple[str, ...]) -> str:
    return " ".join(path) or "fupan"


def test_every_command_and_option_has_its_help_in_both_languages():
    missing = []
    for path, cmd in COMMANDS:
        key = _key(path)
        if f"help:{key}" not in LABELS:
            missing.append(f"help:{key}")
        for p in cmd.params:
            if isinstance(p, click.Option) and not p.hidden:
                own, shared = f"help:{key}:{p.name}", f"help:*:{p.name}"
                if own not in LABELS and shared not in LABELS:
                    missing.append(own)
    missing += [f"report:{type(r).__name__}" for r in READERS]
    missing += [f"kind:{k.name}" for k in kinds()]
    missing = [m for m in missing if m not in LABELS and m not in NAMES_ZH]
    assert missing == [], "add to sync/labels/cli_help.py: " + ", ".join(missing)


def test_help_entries_are_chinese_in_chinese():
    bad = [
        f"{key}: {zh}"
        for key, (en, zh) in LABELS.items()
        if key.startswith(("help:", "click:")) and key != "click:subcommand_metavar"
        for words in [latin_words(zh)]
        if (words and set(words) - TYPED) or (not CJK.search(zh) and key != "click:options_metavar")
    ]
    bad += [f"{k}: {v}" for k, v in NAMES_ZH.items() if latin_words(v) or not CJK.search(v)]
    assert bad == [], "\n".join(bad)


@pytest.fixture(scope="module")
def chinese_workspace(tmp_path_factory):
    ws = tmp_path_factory.mktemp("zh") / "shop"
    assert CliRunner().invoke(cli, ["init", str(ws), "--lang", "zh"]).exit_code == 0
    return ws


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=_key)
def test_every_help_page_is_chinese_in_a_chinese_workspace(path, chinese_workspace, monkeypatch):
    monkeypatch.chdir(chinese_workspace)
    out = CliRunner().invoke(cli, [*path, "--help"])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("用法：") and "\n选项：\n" in out.output
    assert "Usage" not in out.output and "Show this message" not in out.output
    bad = []
    for line in out.output.splitlines():
        words = [w for w in latin_words(SYNTAX.sub(" ", line)) if w not in NAMES | TYPED]
        if words:
            bad.append(f"{words}: {line}")
    assert bad == [], "\n".join(bad)


def test_lang_on_the_command_line_chooses_the_help_language(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no workspace here: English unless --lang says otherwise
    english = CliRunner().invoke(cli, ["sync", "--help"]).output
    assert english.startswith("Usage:") and "Options:" in english
    assert "Import new reports and refresh the review workbook." in english
    for args in (["--lang", "zh", "--help"], ["--help", "--lang=zh"]):
        chinese = CliRunner().invoke(cli, ["sync", *args]).output
        assert chinese.startswith("用法：") and "导入新报表并刷新复盘工作簿。" in chinese
