"""The label tables: every word fupan shows, in English and Chinese, one module an area."""
