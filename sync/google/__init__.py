"""Google Sheets: the HTTP seam, and (later) auth, lease and the Sheets target."""
