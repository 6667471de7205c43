"""Build `fupan.xlam` on any OS: the xlwings ribbon add-in template with fupan's ribbon.

Only XML parts change (the ribbon and the document properties); the VBA project is copied
byte for byte, because nothing outside Excel can write VBA safely. The ribbon's button runs
the template's `RunMain` macro, which imports the add-in's namesake module and calls
`main()`: for `fupan.xlam` that is `fupan.main()`.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import xlwings

from ..sync.errors import FupanError, msg

TEMPLATE = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
# The add-in's VBA comes from this xlwings release; the Python side must match it.
PINNED_XLWINGS = "0.37.8"
LABELS = {
    "en": ("Refresh data", "Import new reports and refresh this workbook (刷新数据)"),
    "zh": ("刷新数据", "导入新报表并刷新本工作簿 (Refresh data)"),
}


def ribbon_xml(lang: str = "en") -> str:
    label, tip = LABELS[lang]
    return (
        '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui">'
        '<ribbon><tabs><tab id="fupanTab" label="fupan">'
        '<group id="fupanReview" label="复盘 Review">'
        f'<button id="fupanRefresh" label={quoteattr(label)} screentip={quoteattr(label)} '
        f'supertip={quoteattr(tip)} size="large" onAction="RibbonMyAddin.RunMain" '
        'imageMso="Refresh" />'
        "</group></tab></tabs></ribbon></customUI>"
    )


def check_xlwings_version(installed: str = xlwings.__version__) -> None:
    if installed != PINNED_XLWINGS:
        versions = {"pinned": PINNED_XLWINGS, "installed": installed}
        raise FupanError(msg("err:addin_xlwings", xlwings="xlwings", **versions))


def build_addin(out: str | Path, *, lang: str = "en") -> Path:
    """Write fupan.xlam (or another name: the button calls `<file stem>.main()`)."""
    check_xlwings_version()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "customUI/customUI.xml":
                data = ribbon_xml(lang).encode("utf-8")
            dst.writestr(info, data)
    return out


def install_addin(*, lang: str = "en") -> Path:
    """Build fupan.xlam into Excel's start-up folder, so Excel loads it at every start."""

    if not sys.platform.startswith(("win", "darwin")):
        raise FupanError(msg("err:addin_no_excel"))
    active = xlwings.apps.active if xlwings.apps else None
    app = active if active is not None else xlwings.App(visible=False)
    return build_addin(Path(app.startup_path) / "fupan.xlam", lang=lang)
