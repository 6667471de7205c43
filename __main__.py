"""`python -m fupan`: the same command line as `fupan`."""

from .sync.cli.app import main

main()
