"""Report readers, one module per report family (registered in ingest/registry.py)."""
