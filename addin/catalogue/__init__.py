"""The catalogue's KPI entries, one module per family; addin/kpis.py lists them in order."""
