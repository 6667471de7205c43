"""The history store (DuckDB) and importing read reports into it."""
