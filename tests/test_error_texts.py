"""fupan's errors speak Chinese (issue 14, item 5): every error class has its Chinese kind,
every message raised from the label tables exists in both languages and its Chinese is
Chinese, and a report's place (file, row, column) is said in the command line's language."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from fupan.sync import errors
from fupan.sync.amazon import errors as amazon_errors  # noqa: F401  (its classes are walked)
from fupan.sync.errors import FupanError, ReportError, msg
from fupan.sync.i18n import LABELS, t
from latin import CJK, latin_words

SYNC = Path(errors.__file__).parent


def _classes(cls: type[FupanError] = FupanError) -> Iterator[type[FupanError]]:
    yield cls
    for sub in cls.__subclasses__():
        yield from _classes(sub)


def test_every_error_class_has_its_kind_in_chinese():
    ours = [c for c in _classes() if c.__module__.startswith("fupan.")]  # not test doubles
    missing = [c.__name__ for c in ours if f"cli_error_{c.__name__}" not in LABELS]
    assert missing == [], f"add cli_error_<class> to sync/labels/cli.py: {missing}"
    assert all(CJK.search(LABELS[f"cli_error_{c.__name__}"][1]) for c in ours)


def _keys_raised() -> set[str]:
    """Every key the package passes to msg(...)."""
    keys = set()
    for path in SYNC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "msg"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                keys.add(str(node.args[0].value))
    return keys


def test_every_message_raised_is_in_the_tables_in_chinese():
    keys = _keys_raised()
    assert len(keys) > 20
    assert sorted(k for k in keys if k not in LABELS) == []
    bad = []
    for k in sorted(keys):
        zh = LABELS[k][1]
        words = re.sub(r"\{[^}]*\}", "", zh).strip(" ()（）“”")
        if set(latin_words(zh)) - {"en", "zh"} or (words and not CJK.search(words)):
            bad.append(f"{k}: {zh}")
    assert bad == [], "\n".join(bad)


def test_a_report_error_names_its_place_in_the_language():
    exc = ReportError(
        Path("/x/br.csv"), msg("err:settings_used_empty"), row=3, column="Sessions", fix=""
    )
    assert str(exc) == 'Report "br.csv", row 3, column "Sessions": (empty)'
    assert exc.text("zh") == "报表“br.csv”，第 3 行，“Sessions”列：（空白）"


def test_an_error_raised_with_a_message_says_it_in_either_language():
    exc = FupanError(msg("err:import_refused", n=1, total=2, listing="x"))
    assert str(exc) == t("err:import_refused", "en", n=1, total=2, listing="x")
    assert exc.text("zh").startswith("2 个文件中有 1 个无法使用")


def test_a_chinese_workspace_hears_a_refused_file_in_chinese(tmp_path, monkeypatch):
    """A report that cannot be used, named with its place, in the workspace's language."""
    from click.testing import CliRunner
    from fupan.sync.cli.app import cli

    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(tmp_path / "shop"), "--lang", "zh"]).exit_code == 0
    monkeypatch.chdir(tmp_path / "shop")
    (tmp_path / "empty.csv").write_bytes(b"")
    r = runner.invoke(cli, ["import", str(tmp_path / "empty.csv")])
    assert r.exit_code == 1
    assert "报表“empty.csv”：文件是空的。请重新下载报表。" in r.output, r.output
    assert "Report" not in r.output and "empty" not in r.output.replace("empty.csv", "")
    check = runner.invoke(cli, ["check", str(tmp_path / "empty.csv")])
    assert "错误：报表“empty.csv”：文件是空的" in check.output, check.output
