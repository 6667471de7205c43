"""Google Sheets: the API seam (sheets_api), auth, bounded retries, the lease and the target.

`connect.open_gsheet` opens a sheet with the team's credentials; this package's own module
holds nothing else, so importing one part never imports the others.
"""
