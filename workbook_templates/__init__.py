"""The standard review workbooks (generated from code and checked in)."""
