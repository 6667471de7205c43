"""The workbook plan: pure data for every tab fupan writes, built from a review."""
