"""Spreadsheet targets: apply a workbook plan to an .xlsx file, a live Excel workbook, a
Google Sheet or memory. `registry.open_target` opens the one the user names; `base.Target`
is what every caller relies on."""
