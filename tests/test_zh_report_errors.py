"""A Chinese workspace hears every refused report in Chinese (issue 14, item 5): each file of
the bad-input corpus (tests/test_bad_input_corpus.py), checked in a zh workspace, is refused
with a Chinese message naming the file, and the row and column where one applies; a file
read with warnings has them said in Chinese, naming the file the same way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fupan.sync.ingest.registry import read_report
from latin import CJK, latin_words
from test_bad_input_corpus import READ_RIGHT, REFUSED, ReadRight, Refused, run

# What the system itself said, passed on as it came (the parser's or the library's words).
SYSTEM_DETAIL = {
    "styles_part_that_lies_about_its_size": "CalamineError",
    "json_cut_short": "Expecting value",
}
# A value quoted from the file: “...” in a Chinese message, "..." in a header it quotes.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
COLUMN_LETTER = re.compile(r"\b[A-Z]{1,3} 列")  # a spreadsheet column: E 列


@pytest.mark.parametrize("case", REFUSED, ids=str)
def test_a_refused_report_is_said_in_chinese(case: Refused, tmp_path: Path, monkeypatch) -> None:
    path = case.make(tmp_path / "in")
    ws = tmp_path / "shop"
    init = run("init", ws, "--lang", "zh", "--marketplace", case.workspace or "US")
    assert init.exit_code == 0, init.output
    monkeypatch.chdir(ws)
    r = run("check", path, *case.args)
    assert r.exit_code not in (0, None), r.output
    said = [line.strip() for line in r.output.splitlines() if "错误：" in line]
    assert len(said) == 1, r.output
    line = said[0]
    where = f"报表“{path.name}”"
    if case.row is not None:
        where += f"，第 {case.row} 行"
    if case.column is not None:
        where += f"，“{case.column}”列"
    assert f"错误：{where}：" in line, line
    problem = line.split(f"{where}：", 1)[1]
    if case.name in SYSTEM_DETAIL:
        problem = problem.replace(SYSTEM_DETAIL[case.name], " ")
    assert CJK.search(problem), line
    assert latin_words(COLUMN_LETTER.sub(" ", QUOTED.sub(" ", problem))) == [], line


def _chinese(text: str) -> bool:
    return bool(CJK.search(text)) and latin_words(QUOTED.sub(" ", text)) == []


@pytest.mark.parametrize("case", [c for c in READ_RIGHT if c.warns], ids=str)
def test_a_warning_on_a_report_is_said_in_chinese(
    case: ReadRight, tmp_path: Path, monkeypatch
) -> None:
    path = case.make(tmp_path / "in")
    findings = read_report(path, case.context).findings
    ws = tmp_path / "shop"
    market = case.context.marketplace or "US"
    assert run("init", ws, "--lang", "zh", "--marketplace", market).exit_code == 0
    monkeypatch.chdir(ws)
    r = run("check", path, *case.args)
    assert r.exit_code == 0, r.output
    for code in case.warns:
        (finding,) = [f for f in findings if f.code == code]
        zh = finding.text("zh")
        assert _chinese(zh), zh
        where = f"报表“{path.name}”"
        if finding.row is not None:
            where += f"，第 {finding.row} 行"
        if finding.column is not None:
            where += f"，“{finding.column}”列"
        line = f"{finding.severity_text('zh')}：{where}：{zh}"
        assert line in r.stderr, (line, r.stderr)
