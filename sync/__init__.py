"""The sync side of fupan: report readers, history store, KPI engine, workbook targets, CLI."""
