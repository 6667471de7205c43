"""Pulling reports from Amazon: the Selling Partner API and the Amazon Ads API.

A thin client of our own over `requests` (already a dependency through gspread): the pull
needs four calls of each API, and the libraries either lack retries (Amazon's SDK) or
throttle with a fixed sleep (python-amazon-ad-api). See README "Amazon pulls".

    from fupan.sync.amazon.pull import pull
    result = pull(workspace, today=date.today())
"""
