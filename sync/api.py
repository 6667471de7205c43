"""The public Python API: one function per CLI command (the CLI is a thin shell over these).

Functions live in the modules that own them; this module gathers them in one place.
"""

from __future__ import annotations
