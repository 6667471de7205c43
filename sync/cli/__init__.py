"""The `fupan` command line: one module per command group, a thin shell over the Python API."""
