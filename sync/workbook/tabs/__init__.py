"""The review's tabs, one module each; workbook/build.py puts them in meeting order."""
