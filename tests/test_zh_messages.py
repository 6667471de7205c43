"""Every error and finding fupan says is written once per language (issue 14, item 5): no
error is raised with an English string and no finding is built from one (so nothing new
slips back), and in a Chinese run a representative of each area (the review's findings,
Google, Amazon, the store and add-in) says no English beyond names and values."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from fupan.addin.build import check_xlwings_version
from fupan.sync.amazon.credentials import AmazonCredentials, parse_profiles, require_sp
from fupan.sync.cli.app import cli
from fupan.sync.errors import FupanError, msg
from fupan.sync.findings import Finding, Severity
from fupan.sync.flows.review import _findings
from fupan.sync.i18n import LABELS, t
from fupan.sync.ingest.readers.base import ReadResult
from fupan.sync.ingest.schema import TABLES
from fupan.sync.labels import errors_amazon, errors_engine, errors_run, errors_targets
from fupan.sync.periods import Period
from fupan.sync.samples import money
from fupan.sync.samples.date_range import write_date_range
from fupan.sync.store.history import Store
from fupan.sync.targets.gsheets.credential_files import read_json
from fupan.sync.targets.registry import kind_of, kinds
from latin import CJK, latin_words

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("sync", "addin", "workbook_templates")


def _sources() -> dict[Path, ast.Module]:
    return {
        p: ast.parse(p.read_text(encoding="utf-8"))
        for folder in PACKAGES
        for p in sorted((ROOT / folder).rglob("*.py"))
    }


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """FupanError and every class of the package that derives from it."""
    bases = {
        n.name: {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in n.bases}
        for tree in trees.values()
        for n in ast.walk(tree)
        if isinstance(n, ast.ClassDef)
    }
    found = {"FupanError"}
    while grown := {c for c, b in bases.items() if c not in found and b & found}:
        found |= grown
    return found


def _written_in_english(node: ast.expr) -> bool:
    """A literal text: a string, an f-string, one glued or formatted from one."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp):
        return _written_in_english(node.left) or _written_in_english(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return isinstance(node.func.value, ast.Constant | ast.JoinedStr)
    return False


def _said_in_english(trees: dict[Path, ast.Module]) -> list[str]:
    errors = _error_classes(trees)
    bad = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name in errors:
                told = [*node.args, *(k.value for k in node.keywords if k.arg in WORDS)]
                if any(_written_in_english(a) for a in told):
                    bad.append(f"{where}: {name}(<English text>): use msg(...)")
            elif name == "Finding" and path.name != "findings.py":
                bad.append(f"{where}: Finding(...): use Finding.of(..., msg(...))")
    return bad


WORDS = ("message", "problem", "fix")  # the keyword arguments an error says


def test_no_error_is_raised_and_no_finding_built_with_an_english_text():
    trees = _sources()
    assert {"AuthError", "AmazonApiError", "ReportError"} <= _error_classes(trees)
    assert _said_in_english(trees) == []


def test_the_guard_catches_what_it_guards_against():
    trees = {
        ROOT / "sync" / "x.py": ast.parse(
            "class E(FupanError): ...\n"
            "raise E(f'{a} went wrong')\n"
            "raise E('plain')\n"
            "raise TargetError(msg('err:x'))\n"
            "f = Finding(Severity.INFO, 'code', 'text')\n"
            "g = Finding.of(Severity.INFO, 'code', msg('err:x'))\n"
        ),
        ROOT / "sync" / "y.py": ast.parse("class TargetError(FupanError): ..."),
    }
    assert [b.split(": ", 1)[1] for b in _said_in_english(trees)] == [
        "E(<English text>): use msg(...)",
        "E(<English text>): use msg(...)",
        "Finding(...): use Finding.of(..., msg(...))",
    ]


TABLES_OF_TEXTS = [errors_engine, errors_targets, errors_amazon, errors_run]


@pytest.mark.parametrize("module", TABLES_OF_TEXTS, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_every_new_text_is_chinese_in_chinese(module):
    bad = []
    for key, (en, zh) in module.LABELS.items():
        assert key.startswith(("err:", "finding:")), key
        words = re.sub(r"\{[^}]*\}", "", zh).strip(" .()（）“”")
        if latin_words(zh) or (words and not CJK.search(words)):
            bad.append(f"{key}: {zh}")
        fields = set(re.findall(r"\{(\w+)", en))
        assert fields == set(re.findall(r"\{(\w+)", zh)), f"{key}: the same values in both"
    assert bad == [], "\n".join(bad)


def test_every_report_a_finding_can_name_has_its_words():
    """build_review names the report whose rows straddle the period by its table
    (`finding:table_<name>`): every table it reads so has its label."""
    tree = ast.parse((ROOT / "sync" / "engine" / "build.py").read_text(encoding="utf-8"))
    read = {
        n.args[0].value
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "inside"
    }
    assert len(read) >= 4
    assert sorted(n for n in read if f"finding:table_{n}" not in LABELS) == []
    for what in ("sales", "profit", "both"):
        assert CJK.search(t(f"finding:pacing_{what}", "zh"))


def _chinese(exc: FupanError, *values: str) -> str:
    """The error in Chinese, with the names and values it quotes taken out."""
    text = exc.text("zh")
    assert CJK.search(text), text
    for v in values:
        text = text.replace(v, " ")
    assert latin_words(text) == [], text
    return text


def test_a_review_finding_is_chinese_in_a_chinese_run(tmp_path):
    ranged = write_date_range(tmp_path / "range.csv", money.BOOK, "us-2021")
    args = ["--lang", "zh", "kpis", str(ranged), "--period", "2026-11-20..2026-11-26"]
    r = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert r.exit_code == 0, r.output
    said = [line for line in r.stderr.splitlines() if "2026-11-24..2026-11-26" in line]
    assert said and said[0].startswith("警告：2026-11-24..2026-11-26 没有日期范围报告"), said
    for line in r.stderr.splitlines():
        assert latin_words(line) == [], line
    english = CliRunner().invoke(cli, [*args[2:], "--format", "json"])
    assert "no Date Range report or settlement covers 2026-11-24..2026-11-26" in english.stderr


def test_an_import_finding_is_kept_in_both_languages(tmp_path):
    """The store keeps a finding's Chinese, so a Chinese Issues tab says it in Chinese; a
    store made before kept the English only, and that is what it then says."""
    spec = TABLES["business_asin"]
    found = Finding.of(Severity.WARNING, "no-rows", msg("err:no_rows"), file="br.csv")
    result = ReadResult(
        "business_asin", spec, spec.empty(), Period.parse("2026-11-16..2026-11-22"), "US"
    )
    result.findings.append(found)
    with Store.open(tmp_path / "h.duckdb") as store:
        store.import_result(result, file="br.csv", sha256="x")
        (back,) = _findings(store)
    assert back.text("zh") == t("err:no_rows", "zh") != back.text("en")
    assert back.text("en") == t("err:no_rows", "en") and back.file == "br.csv"
    with duckdb.connect(str(tmp_path / "h.duckdb")) as con:
        con.execute("ALTER TABLE findings DROP COLUMN message_zh")
    with Store.open(tmp_path / "h.duckdb", read_only=True) as store:
        (old,) = _findings(store)
    assert old.text("zh") == t("err:no_rows", "en")


def test_google_errors_are_chinese(tmp_path):
    with pytest.raises(FupanError) as missing:
        read_json(tmp_path / "key.json", msg("say:google_origin_option"))
    text = _chinese(missing.value, str(tmp_path / "key.json"), "Google Sheets set-up")
    assert "不存在" in text and "由 --credentials 指定" in text
    with pytest.raises(FupanError) as kind:
        kind_of("review.xlsx", "nope")
    names = [k.name for k in kinds()]  # what one types to choose a kind
    assert "这种写入目标" in _chinese(kind.value, "nope", *names)
    assert "没有“nope”这种写入目标" in kind.value.text("zh")


def test_amazon_errors_are_chinese():
    with pytest.raises(FupanError) as bad:
        parse_profiles("US")
    _chinese(bad.value)
    with pytest.raises(FupanError) as none:
        require_sp(AmazonCredentials(None, None, {}, ""))
    assert "尚未设置卖家 API" in _chinese(none.value, "Amazon pulls")


def test_the_add_in_build_error_is_chinese():
    with pytest.raises(FupanError) as old:
        check_xlwings_version("0.0.1")
    assert "请运行 `pip install" in _chinese(old.value, "xlwings")
