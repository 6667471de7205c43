"""The Account Health metrics that are not rates: the Account Health Rating and the policy
compliance items, as the seller performance report names them and as fupan stores them.

One list, read by the reader (which JSON objects to keep), the engine (which stored metrics
make the rating and the open policy items) and the workbook (their rows and labels).
"""

from __future__ import annotations

# accountHealthRating.ahrScore: 0-1000, Amazon's own bands (healthy from 200).
AHR = "account_health_rating"

# The report's policy objects ({status, targetValue, targetCondition, defectsCount}) -> the
# stored metric, in Seller Central's order on the Account Health page.
POLICY: dict[str, str] = {
    "receivedIntellectualPropertyComplaints": "ip_complaints",
    "suspectedIntellectualPropertyViolations": "suspected_ip_violations",
    "productAuthenticityCustomerComplaints": "authenticity_complaints",
    "productConditionCustomerComplaints": "condition_complaints",
    "foodAndProductSafetyIssues": "food_safety_issues",
    "productSafetyCustomerComplaints": "safety_complaints",
    "listingPolicyViolations": "listing_policy_violations",
    "restrictedProductPolicyViolations": "restricted_product_violations",
    "customerProductReviewsPolicyViolations": "review_policy_violations",
    "otherPolicyViolations": "other_policy_violations",
}
POLICY_METRICS = frozenset(POLICY.values())
