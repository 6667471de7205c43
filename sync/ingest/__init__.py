"""Ingest: report bytes to canonical frames (sources, headers, parsing, the reader registry)."""
