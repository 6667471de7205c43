"""One-sheet workbooks as Apache POI's streaming writer makes them (the 2019 console)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import SupportsFloat
from xml.sax.saxutils import escape as xml_escape

import numpy as np
import pandas as pd

_POI_STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="4"><numFmt numFmtId="165" formatCode="MMM dd, yyyy"/>'
    '<numFmt numFmtId="166" formatCode="MMMM yyyy"/><numFmt numFmtId="167" formatCode="0.0000%"/>'
    '<numFmt numFmtId="168" formatCode="$ #,##0.00"/></numFmts>'
    '<fonts count="1"><font><sz val="11.0"/><color indexed="8"/><name val="Calibri"/>'
    '<family val="2"/><scheme val="minor"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="darkGray"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="8">'
    + "".join(
        f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"'
        + (' applyNumberFormat="true"/>' if n else "/>")
        for n in (0, 0, 165, 166, 1, 2, 167, 168)
    )
    + "</cellXfs></styleSheet>"
)
_POI_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default ContentType="application/vnd.openxmlformats-package.relationships+xml" '
        'Extension="rels"/><Default ContentType="application/xml" Extension="xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.'
        'extended-properties+xml" PartName="/docProps/app.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-package.core-properties+xml" '
        'PartName="/docProps/core.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'sharedStrings+xml" PartName="/xl/sharedStrings.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'styles+xml" PartName="/xl/styles.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'sheet.main+xml" PartName="/xl/workbook.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml" PartName="/xl/worksheets/sheet1.xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/officeDocument"/>'
        '<Relationship Id="rId2" Target="docProps/app.xml" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/extended-properties"/>'
        '<Relationship Id="rId3" Target="docProps/core.xml" Type="http://schemas.openxmlformats.'
        'org/package/2006/relationships/metadata/core-properties"/></Relationships>'
    ),
    "docProps/app.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>Apache POI</Application></Properties>'
    ),
    "docProps/core.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:creator>Apache POI</dc:creator></cp:coreProperties>"
    ),
    "xl/sharedStrings.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<sst count="0" uniqueCount="0" '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    ),
    "xl/styles.xml": _POI_STYLES,
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="sharedStrings.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
        '<Relationship Id="rId2" Target="styles.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/styles"/>'
        '<Relationship Id="rId3" Target="worksheets/sheet1.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
    ),
}


def _column_letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _poi_cell(ref: str, value: object, style: int) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return f'<c r="{ref}"></c>'
    if isinstance(value, str):
        text = xml_escape(value)
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if isinstance(value, pd.Timestamp):
        value = (value - pd.Timestamp("1899-12-30")).days
    if not isinstance(value, SupportsFloat):
        raise TypeError(f"a cell holds text, a number or a day, not {value!r}")
    return f'<c r="{ref}" s="{style}" t="n"><v>{float(value)!r}</v></c>'


def write_poi_xlsx(
    path: Path, sheet: str, header: list[str], rows: list[list[object]], styles: list[int]
) -> Path:
    """A one-sheet workbook as Apache POI's streaming writer makes it (the 2019 console):
    inline strings, `<dimension ref="A1"/>`, a styles part without cell styles (openpyxl warns
    "Workbook contains no default style"). styles: a cellXfs index per column (1 text,
    2 date, 4 count, 5 two decimals, 6 percent, 7 money)."""
    lines = [
        '<row r="1">\n'
        + "".join(
            _poi_cell(f"{_column_letters(i)}1", h, 0).replace(' s="0"', "")
            for i, h in enumerate(header, 1)
        )
        + "</row>"
    ]
    for n, row in enumerate(rows, 2):
        cells = "".join(
            _poi_cell(f"{_column_letters(i)}{n}", v, st)
            for i, (v, st) in enumerate(zip(row, styles, strict=True), 1)
        )
        lines.append(f'<row r="{n}">\n{cells}</row>')
    sheet_xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0" tabSelected="true"/>'
        '</sheetViews><sheetFormatPr defaultRowHeight="15.0"/><sheetData>\n'
        + "\n".join(lines)
        + '\n</sheetData><pageMargins bottom="0.75" footer="0.3" header="0.3" left="0.7" '
        'right="0.7" top="0.75"/></worksheet>'
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<workbookPr date1904="false"/><bookViews><workbookView activeTab="0"/></bookViews>'
        f'<sheets><sheet name="{xml_escape(sheet)}" r:id="rId3" sheetId="1"/></sheets></workbook>'
    )
    parts = {**_POI_PARTS, "xl/workbook.xml": workbook, "xl/worksheets/sheet1.xml": sheet_xml}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
    return path
