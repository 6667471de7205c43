"""The built add-in: same VBA project, a well-formed ribbon naming the button, opens in LO."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree

import pytest
from fupan.addin.build import TEMPLATE, build_addin, check_xlwings_version
from fupan.sync.errors import FupanError

NS = "{http://schemas.microsoft.com/office/2006/01/customui}"


@pytest.mark.parametrize(("lang", "label"), [("en", "Refresh data"), ("zh", "刷新数据")])
def test_ribbon_and_vba(tmp_path, lang, label):
    out = build_addin(tmp_path / "fupan.xlam", lang=lang)
    with zipfile.ZipFile(out) as z, zipfile.ZipFile(TEMPLATE) as t:
        assert z.testzip() is None
        assert z.read("xl/vbaProject.bin") == t.read("xl/vbaProject.bin")
        assert sorted(z.namelist()) == sorted(t.namelist())
        root = ElementTree.fromstring(z.read("customUI/customUI.xml"))
    buttons = root.findall(f".//{NS}button")
    assert [b.get("label") for b in buttons] == [label]
    assert buttons[0].get("onAction") == "RibbonMyAddin.RunMain"
    assert root.find(f".//{NS}tab").get("label") == "fupan"


def test_version_mismatch_is_explained():
    with pytest.raises(FupanError, match="pip install xlwings=="):
        check_xlwings_version("0.1.0")


@pytest.mark.libreoffice
def test_libreoffice_opens_the_addin(tmp_path):
    from libreoffice import convert

    out = build_addin(tmp_path / "fupan.xlam")
    # LibreOffice does not guess the filter of an .xlam: name Excel's macro-enabled format.
    ods = convert([out], "ods", tmp_path / "lo", infilter="Calc MS Excel 2007 VBA XML")[0]
    with zipfile.ZipFile(ods) as z:
        assert b"_myaddin.conf" in z.read("content.xml")  # the add-in's settings sheet


def test_install_explains_where_excel_is_missing(monkeypatch):
    from click.testing import CliRunner
    from fupan.sync.cli.app import cli

    monkeypatch.setattr("sys.platform", "linux")
    r = CliRunner().invoke(cli, ["excel", "install"])
    assert r.exit_code == 1 and "Excel is not available on this system" in r.output


def test_install_builds_into_excels_startup_folder(monkeypatch, tmp_path):
    import types

    import xlwings
    from fupan.addin.build import install_addin

    app = types.SimpleNamespace(startup_path=str(tmp_path))
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr(
        xlwings, "apps", types.SimpleNamespace(active=app, __bool__=lambda s: True), raising=False
    )
    path = install_addin()
    assert path == tmp_path / "fupan.xlam" and zipfile.is_zipfile(path)
