"""click's own errors speak the command line's language (issue 14, item 5): a mistyped
option, a missing argument or a bad value says usage, hint and message in Chinese with
`fupan --lang zh` or in a Chinese workspace, exits 2 as click does, and stays click's exact
English otherwise. `fupan --lang zh --help` is Chinese."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from fupan.sync.cli.app import cli
from fupan.sync.cli.usage import said_in
from fupan.sync.i18n import t
from fupan.sync.labels.cli_click import LABELS as CLICK_TEXTS
from latin import CJK, latin_words

# Syntax, not words: option names, quoted values, [OPTIONS]-style metavars, the program name.
SYNTAX = re.compile(r"--?[a-z][\w-]*|'[^']*'|“[^”]*”|\b[A-Z][A-Z_.]+\b|\bcli\b")


COMMANDS = set(cli.commands)


def _english_left(output: str) -> list[str]:
    words = [w for line in output.splitlines() for w in latin_words(SYNTAX.sub(" ", line))]
    return [w for w in words if w not in COMMANDS]


def _click_texts() -> set[str]:
    """Every text click passes to gettext in the modules that raise its errors."""
    folder = Path(click.__file__).parent
    out = set()
    for name in ("core", "parser", "types", "exceptions"):
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext"):
                out |= {str(a.value) for a in node.args if isinstance(a, ast.Constant)}
    return out


def test_every_english_text_is_one_click_writes():
    """A click upgrade that rewords a message fails here, not silently in English."""
    ours = {en for en, _ in CLICK_TEXTS.values()}
    theirs = _click_texts()
    theirs |= {f"{x} {{hint}}." for x in theirs}  # "Missing option" + its option's name
    assert sorted(ours - theirs) == []


@pytest.mark.parametrize("key", sorted(CLICK_TEXTS))
def test_every_click_text_is_said_back_in_chinese(key):
    en, zh = CLICK_TEXTS[key]
    names = [f for _, f, _, _ in string.Formatter().parse(en) if f]
    values = {n: f"v{i}x" for i, n in enumerate(names)}
    written = en.format(**values)
    assert said_in(written, "zh") == t(key, "zh", **values)
    assert said_in(written, "en") == written
    assert CJK.search(zh)


def test_a_message_click_does_not_know_stays_as_written():
    assert said_in("Something click never says.", "zh") == "Something click never says."
    # A known sentence followed by an unknown one: the whole as written, never half.
    assert said_in("Missing command. Something else.", "zh") == "Missing command. Something else."


def test_a_mistyped_option_is_chinese_with_lang_zh(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no workspace: --lang alone chooses the language
    r = CliRunner().invoke(cli, ["--lang", "zh", "sync", "--no-such-option"])
    assert r.exit_code == 2
    assert r.output.startswith("用法：cli sync [选项]"), r.output
    assert "运行“cli sync --help”查看帮助。" in r.output
    assert "错误：没有“--no-such-option”这个选项。" in r.output
    assert "Usage" not in r.output and "Error" not in r.output and "Try" not in r.output
    assert _english_left(r.output) == []


def test_a_near_miss_is_suggested_in_chinese(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["--lang", "zh", "sync", "--perio", "x"])
    assert r.exit_code == 2
    assert "错误：没有“--perio”这个选项。是否想输入 '--period'？" in r.output
    r = CliRunner().invoke(cli, ["--lang", "zh", "syncc"])
    assert r.exit_code == 2 and "错误：没有“syncc”这个命令。是否想输入 'sync'？" in r.output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["kpis", "--format", "xml"],
            "错误：'--format' 的值无效：“xml”不是 'table', 'csv', 'json' 之一。",
        ),
        (["init"], "错误：缺少参数 'DIRECTORY'。"),
        (["init", "a", "2"], "错误：多出了无法识别的参数（2）"),
        (["sync", "--period"], "错误：选项“--period”后面需要一个值。"),
        (["--today", "2026-13-01", "check"], "“2026-13-01”不符合格式 '%Y-%m-%d'。"),
    ],
)
def test_click_errors_in_a_chinese_workspace(args, said, tmp_path, monkeypatch):
    ws = tmp_path / "shop"
    assert CliRunner().invoke(cli, ["init", str(ws), "--lang", "zh"]).exit_code == 0
    monkeypatch.chdir(ws)  # no --lang: the workspace's language
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 2, r.output
    assert said in r.output, r.output
    assert "Error" not in r.output and "Usage" not in r.output
    assert _english_left(r.output) == [], r.output


def test_english_is_click_own(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["sync", "--no-such-option"])
    assert r.exit_code == 2
    assert r.output == (
        "Usage: cli sync [OPTIONS] [REPORTS]...\n"
        "Try 'cli sync --help' for help.\n\n"
        "Error: No such option '--no-such-option'.\n"
    )
    r = CliRunner().invoke(cli, ["--lang", "en", "kpis", "--format", "xml"])
    assert "Error: Invalid value for '--format': 'xml' is not one of 'table', 'csv', 'json'." in (
        r.output
    )


def test_the_top_help_takes_lang(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    english = CliRunner().invoke(cli, ["--help"])
    assert english.exit_code == 0 and english.output.startswith("Usage:")
    chinese = CliRunner().invoke(cli, ["--lang", "zh", "--help"])
    assert chinese.exit_code == 0
    assert chinese.output.startswith("用法：") and "\n选项：\n" in chinese.output
    assert "fupan（复盘）：在你们已经在用的表格里完成亚马逊运营复盘。" in chinese.output
    assert "命令行提示和帮助的语言" in chinese.output
    assert "Usage" not in chinese.output and "Show this message" not in chinese.output


def test_the_top_lang_is_the_command_lines_below_it(tmp_path, monkeypatch):
    """`fupan --lang zh <command>`: the command's messages in Chinese (here: no workspace)."""
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["--lang", "zh", "import"])
    assert r.exit_code == 1
    assert r.output.startswith("错误：工作区不存在"), r.output


@pytest.mark.parametrize(("lang", "said"), [("zh", "已中止。"), ("en", "Aborted!")])
def test_ctrl_c_is_said_in_the_workspace_language(lang, said, tmp_path, monkeypatch):
    """Ctrl-C during a sync: click's "Aborted!" in the workspace's language, exit 1 as
    click's own."""
    from fupan.sync.cli import review

    ws = tmp_path / "shop"
    assert CliRunner().invoke(cli, ["init", str(ws), "--lang", lang]).exit_code == 0
    monkeypatch.chdir(ws)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(review, "sync_workbook", interrupted)
    r = CliRunner().invoke(cli, ["sync"])
    assert r.exit_code == 1, r.output
    assert r.output.splitlines()[-1] == said
    assert lang == "en" or _english_left(r.output) == [], r.output


def test_the_version_line_is_the_same_in_every_language():
    from fupan import __version__

    for args in (["--version"], ["--lang", "zh", "--version"]):
        r = CliRunner().invoke(cli, args)
        assert (r.exit_code, r.output) == (0, f"fupan {__version__}\n")
