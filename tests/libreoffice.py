"""Headless LibreOffice as the spreadsheet engine of the tests: recalculate, read, render."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
ERRORS = ("#NAME?", "#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NUM!", "#NULL!", "Err:")


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice is not installed (.ci/run installs it)")
    return exe


def _profile(tmp: Path) -> str:
    user = tmp / "lo-profile" / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    return (tmp / "lo-profile").resolve().as_uri()


def on_day(day: date | None) -> list[str]:
    """A command prefix that runs a program with its clock set to `day` (Debian's faketime).

    The workbooks' TODAY() (overdue actions) is then the day the test's sync used, whatever
    the calendar says.
    """
    if day is None:
        return []
    exe = shutil.which("faketime")
    if exe is None:
        pytest.skip("faketime is not installed (.ci/run installs it)")
    return [exe, f"{day.isoformat()} 12:00:00"]


def _own_clock() -> dict[str, str]:
    """The environment without a faked clock of our own (CI runs the suite under faketime;
    nested faketimes add their offsets instead of setting the day)."""
    return {
        k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")
    }


def convert(
    files: list[Path],
    fmt: str,
    outdir: Path,
    *,
    infilter: str | None = None,
    today: date | None = None,
) -> list[Path]:
    """Open each file in LibreOffice (recalculating every formula) and save it as `fmt`.

    With `today`, LibreOffice runs on that day (TODAY() returns it).
    """
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [
        *on_day(today),
        soffice(),
        f"-env:UserInstallation={_profile(outdir)}",
        "--headless",
        "--norestore",
        *([f"--infilter={infilter}"] if infilter else []),
        "--convert-to",
        fmt,
        "--outdir",
        str(outdir),
        *map(str, files),
    ]
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=300, check=False, env=_own_clock()
    )
    out = [outdir / f"{f.stem}.{fmt.split(':')[0]}" for f in files]
    missing = [p for p in out if not p.exists()]
    if done.returncode or missing:
        raise RuntimeError(f"LibreOffice failed ({done.returncode}): {done.stderr[-2000:]}")
    return out


def recalc(path: Path, outdir: Path, *, today: date) -> Path:
    """A copy of an .xlsx recalculated on `today`, to read with openpyxl(data_only=True)."""
    return convert([path], "xlsx", outdir, today=today)[0]


def render_png(path: Path, outdir: Path, *, today: date, page: int = 1, dpi: int = 80) -> Path:
    """Render one page of a workbook, recalculated on `today`, to PNG (LibreOffice, pdftoppm)."""
    pdf = convert([path], "pdf", outdir, today=today)[0]
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (.ci/run installs poppler-utils)")
    prefix = outdir / f"{path.stem}-page"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
        timeout=120,
    )
    return prefix.with_suffix(".png")


def colours(png: Path) -> set[tuple[int, ...]]:
    """The RGB colours of the PDF page a PNG was rendered from (read from a PPM twin)."""
    prefix = png.with_name(png.stem + "-ppm")
    pdf = png.with_name(png.name.replace("-page.png", ".pdf"))
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)],
        check=True,
        timeout=120,
    )
    data = prefix.with_suffix(".ppm").read_bytes()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+\d+\s", data)
    assert header, "pdftoppm did not write a binary PPM"
    width, height = int(header.group(1)), int(header.group(2))
    pixels = data[header.end() : header.end() + width * height * 3]
    return {tuple(pixels[i : i + 3]) for i in range(0, len(pixels), 3)}


def error_cells(workbook) -> list[str]:
    """Every cell of every sheet holding a spreadsheet error value."""
    bad = []
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(ERRORS):
                    bad.append(f"{ws.title}!{cell.coordinate}={cell.value}")
    return bad
