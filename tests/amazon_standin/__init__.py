"""An in-process stand-in of Login with Amazon, SP-API Reports and Ads API v3 reporting.

    fake = FakeAmazon(seller, clock)
    fake.mount(session)          # the requests session the pull uses

Requests are validated against the constraints transcribed in models.py (with the model
files and commits they come from); documents are made from a simulated seller in Amazon's
layouts (schema-checked Sales and Traffic JSON, flat-file TSVs by fupan's sample writers,
gzip-compressed Ads JSON arrays).
"""

from .fake import ADS_APP, PROFILE_US, SP_APP, FakeAmazon, Killed, ManualClock

__all__ = ["ADS_APP", "PROFILE_US", "SP_APP", "FakeAmazon", "Killed", "ManualClock"]
