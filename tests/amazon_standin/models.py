"""The constraints the stand-in checks, transcribed from Amazon's published models.

SP-API: amzn/selling-partner-api-models at commit 34dc93fe45f37c9a0b2e56823c808f68b4f81754
(2026-08-05):
  - models/reports-api-model/reports_2021-06-30.json: CreateReportSpecification (required
    reportType and marketplaceIds, 1-25 items; dataStartTime/dataEndTime date-time;
    reportOptions string map), Report.processingStatus enum, getReports parameters
    (reportTypes 1-10, processingStatuses enum, pageSize 1-100, createdSince date-time,
    "either reportTypes or nextToken"), ReportDocument (reportDocumentId, url, GZIP);
  - schemas/reports/sellerSalesAndTrafficReport.json: required fields below, reportOptions
    enums (dateGranularity DAY/WEEK/MONTH, asinGranularity PARENT/CHILD/SKU).
Ads API v3: the reporting guides mirrored in idealerror/amazon-ads-api-docs at commit
08dc185c47052ad6195cb0251f23d117311f2380 (2025-09-16): en-us/guides/reporting/v3/
get-started.md (headers, Content-Type, body, statuses PENDING/PROCESSING/COMPLETED/FAILED)
and report-types/{search-term,advertised-product,targeting,campaign}.md (reportTypeId,
adProduct, groupBy, the base metrics plus each groupBy's additional ones, 31 days, retention).
"""

from __future__ import annotations

SP_REPORT_TYPES = frozenset(
    {
        "GET_SALES_AND_TRAFFIC_REPORT",
        "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA",
        "GET_FBA_INVENTORY_PLANNING_DATA",
        "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA",
        "GET_V2_SELLER_PERFORMANCE_REPORT",
        "GET_SELLER_FEEDBACK_DATA",
        "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL",
        "GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA",
        "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2",
        "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE",
    }
)
# Amazon schedules these itself; createReport refuses them.
SP_NOT_REQUESTABLE = frozenset(
    {"GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2", "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE"}
)
PROCESSING_STATUSES = ("CANCELLED", "DONE", "FATAL", "IN_PROGRESS", "IN_QUEUE")
CREATE_REPORT_FIELDS = frozenset(
    {"reportOptions", "reportType", "dataStartTime", "dataEndTime", "marketplaceIds"}
)
SALES_TRAFFIC_OPTIONS = {
    "dateGranularity": frozenset({"DAY", "WEEK", "MONTH"}),
    "asinGranularity": frozenset({"PARENT", "CHILD", "SKU"}),
}

# sellerSalesAndTrafficReport.json: required properties of each object.
SALES_TRAFFIC_REQUIRED = {
    "root": ("reportSpecification", "salesAndTrafficByDate", "salesAndTrafficByAsin"),
    "reportSpecification": (
        "reportType",
        "reportOptions",
        "dataStartTime",
        "dataEndTime",
        "marketplaceIds",
    ),
    "SalesAndTrafficByDate": ("date", "salesByDate", "trafficByDate"),
    "SalesByDate": (
        "orderedProductSales",
        "unitsOrdered",
        "totalOrderItems",
        "averageSalesPerOrderItem",
        "averageUnitsPerOrderItem",
        "averageSellingPrice",
        "unitsRefunded",
        "refundRate",
        "claimsGranted",
        "claimsAmount",
        "shippedProductSales",
        "unitsShipped",
        "ordersShipped",
    ),
    "TrafficByDate": (
        "browserPageViews",
        "mobileAppPageViews",
        "pageViews",
        "browserSessions",
        "mobileAppSessions",
        "sessions",
        "buyBoxPercentage",
        "orderItemSessionPercentage",
        "unitSessionPercentage",
        "averageOfferCount",
        "averageParentItems",
        "feedbackReceived",
        "negativeFeedbackReceived",
        "receivedNegativeFeedbackRate",
    ),
    "SalesAndTrafficByAsin": ("parentAsin", "salesByAsin", "trafficByAsin"),
    "SalesByAsin": ("unitsOrdered", "orderedProductSales", "totalOrderItems"),
    "TrafficByAsin": (
        "browserSessions",
        "mobileAppSessions",
        "sessions",
        "browserSessionPercentage",
        "mobileAppSessionPercentage",
        "sessionPercentage",
        "browserPageViews",
        "mobileAppPageViews",
        "pageViews",
        "browserPageViewsPercentage",
        "mobileAppPageViewsPercentage",
        "pageViewsPercentage",
        "buyBoxPercentage",
        "unitSessionPercentage",
    ),
    "Amount": ("amount", "currencyCode"),
}

ADS_CONTENT_TYPE = "application/vnd.createasyncreportrequest.v3+json"
ADS_MAX_DAYS = 31
ADS_TIME_UNITS = frozenset({"DAILY", "SUMMARY"})
ADS_FORMATS = frozenset({"GZIP_JSON"})

_SP_COMMON = (
    "impressions addToList qualifiedBorrows royaltyQualifiedBorrows clicks costPerClick "
    "clickThroughRate cost purchases1d purchases7d purchases14d purchases30d "
    "purchasesSameSku1d purchasesSameSku7d purchasesSameSku14d purchasesSameSku30d "
    "unitsSoldClicks1d unitsSoldClicks7d unitsSoldClicks14d unitsSoldClicks30d sales1d sales7d "
    "sales14d sales30d attributedSalesSameSku1d attributedSalesSameSku7d "
    "attributedSalesSameSku14d attributedSalesSameSku30d unitsSoldSameSku1d unitsSoldSameSku7d "
    "unitsSoldSameSku14d unitsSoldSameSku30d kindleEditionNormalizedPagesRead14d "
    "kindleEditionNormalizedPagesRoyalties14d salesOtherSku7d unitsSoldOtherSku7d acosClicks7d "
    "acosClicks14d roasClicks7d roasClicks14d keywordId keyword campaignBudgetCurrencyCode date "
    "startDate endDate portfolioId campaignName campaignId campaignBudgetType "
    "campaignBudgetAmount campaignStatus keywordBid adGroupName adGroupId keywordType matchType "
    "targeting"
)


class AdsReportModel:
    def __init__(
        self, ad_product: str, group_by: dict[str, str], base: str, retention: int
    ) -> None:
        self.ad_product = ad_product
        self.base = frozenset(base.split())
        self.group_by = {g: frozenset(extra.split()) for g, extra in group_by.items()}
        self.retention = retention

    def allowed(self, groups: list[str]) -> frozenset[str]:
        out = set(self.base)
        for g in groups:
            out |= self.group_by[g]
        return frozenset(out)


ADS_REPORTS = {
    "spSearchTerm": AdsReportModel(
        "SPONSORED_PRODUCTS",
        {"searchTerm": "adKeywordStatus"},
        _SP_COMMON + " searchTerm adKeywordStatus",
        95,
    ),
    "spAdvertisedProduct": AdsReportModel(
        "SPONSORED_PRODUCTS",
        {"advertiser": ""},
        "date startDate endDate campaignName campaignId adGroupName adGroupId adId addToList "
        "qualifiedBorrows royaltyQualifiedBorrows portfolioId impressions clicks costPerClick "
        "clickThroughRate cost spend campaignBudgetCurrencyCode campaignBudgetAmount "
        "campaignBudgetType campaignStatus advertisedAsin advertisedSku purchases1d purchases7d "
        "purchases14d purchases30d purchasesSameSku1d purchasesSameSku7d purchasesSameSku14d "
        "purchasesSameSku30d unitsSoldClicks1d unitsSoldClicks7d unitsSoldClicks14d "
        "unitsSoldClicks30d sales1d sales7d sales14d sales30d attributedSalesSameSku1d "
        "attributedSalesSameSku7d attributedSalesSameSku14d attributedSalesSameSku30d "
        "salesOtherSku7d unitsSoldSameSku1d unitsSoldSameSku7d unitsSoldSameSku14d "
        "unitsSoldSameSku30d unitsSoldOtherSku7d kindleEditionNormalizedPagesRead14d "
        "kindleEditionNormalizedPagesRoyalties14d acosClicks7d acosClicks14d roasClicks7d "
        "roasClicks14d",
        95,
    ),
    "spTargeting": AdsReportModel(
        "SPONSORED_PRODUCTS",
        {"targeting": "adKeywordStatus"},
        _SP_COMMON + " topOfSearchImpressionShare",
        95,
    ),
    "spCampaigns": AdsReportModel(
        "SPONSORED_PRODUCTS",
        {
            "campaign": "campaignName campaignId campaignStatus campaignBudgetAmount "
            "campaignBudgetType campaignRuleBasedBudgetAmount campaignApplicableBudgetRuleId "
            "campaignApplicableBudgetRuleName campaignBudgetCurrencyCode "
            "topOfSearchImpressionShare",
            "adGroup": "adGroupName adGroupId adStatus",
        },
        "impressions addToList qualifiedBorrows royaltyQualifiedBorrows clicks cost purchases1d "
        "purchases7d purchases14d purchases30d purchasesSameSku1d purchasesSameSku7d "
        "purchasesSameSku14d purchasesSameSku30d unitsSoldClicks1d unitsSoldClicks7d "
        "unitsSoldClicks14d unitsSoldClicks30d sales1d sales7d sales14d sales30d "
        "attributedSalesSameSku1d attributedSalesSameSku7d attributedSalesSameSku14d "
        "attributedSalesSameSku30d unitsSoldSameSku1d unitsSoldSameSku7d unitsSoldSameSku14d "
        "unitsSoldSameSku30d kindleEditionNormalizedPagesRead14d "
        "kindleEditionNormalizedPagesRoyalties14d date startDate endDate "
        "campaignBiddingStrategy costPerClick clickThroughRate spend",
        95,
    ),
    "sbCampaigns": AdsReportModel(
        "SPONSORED_BRANDS",
        {
            "campaign": "campaignBudgetAmount campaignBudgetCurrencyCode campaignBudgetType "
            "longTermSales longTermROAS topOfSearchImpressionShare"
        },
        "addToCart addToCartClicks addToCartRate addToList addToListFromClicks qualifiedBorrows "
        "qualifiedBorrowsFromClicks royaltyQualifiedBorrows royaltyQualifiedBorrowsFromClicks "
        "brandedSearches brandedSearchesClicks campaignBudgetAmount campaignBudgetCurrencyCode "
        "campaignBudgetType campaignId campaignName campaignStatus clicks cost costType date "
        "detailPageViews detailPageViewsClicks eCPAddToCart endDate impressions "
        "kindleEditionNormalizedPagesRead14d kindleEditionNormalizedPagesRoyalties14d "
        "newToBrandDetailPageViewRate newToBrandDetailPageViews newToBrandDetailPageViewsClicks "
        "newToBrandECPDetailPageView newToBrandPurchases newToBrandPurchasesClicks "
        "newToBrandPurchasesPercentage newToBrandPurchasesRate newToBrandSales "
        "newToBrandSalesClicks newToBrandSalesPercentage newToBrandUnitsSold "
        "newToBrandUnitsSoldClicks newToBrandUnitsSoldPercentage purchases purchasesClicks "
        "purchasesPromoted sales salesClicks salesPromoted startDate topOfSearchImpressionShare "
        "unitsSold unitsSoldClicks video5SecondViewRate video5SecondViews videoCompleteViews "
        "videoFirstQuartileViews videoMidpointViews videoThirdQuartileViews videoUnmutes "
        "viewabilityRate viewableImpressions viewClickThroughRate",
        60,
    ),
    "sdCampaigns": AdsReportModel(
        "SPONSORED_DISPLAY",
        {
            "campaign": "campaignBudgetAmount campaignStatus costType cumulativeReach "
            "impressionsFrequencyAverage longTermSales longTermROAS "
            "newToBrandDetailPageViewClicks newToBrandDetailPageViewRate "
            "newToBrandDetailPageViews newToBrandDetailPageViewViews "
            "newToBrandECPDetailPageView newToBrandSales",
            "matchedTarget": "matchedTargetAsin",
        },
        "addToCart addToCartClicks addToCartRate addToCartViews addToList addToListFromClicks "
        "addToListFromViews qualifiedBorrows qualifiedBorrowsFromClicks qualifiedBorrowsFromViews "
        "royaltyQualifiedBorrows royaltyQualifiedBorrowsFromClicks "
        "royaltyQualifiedBorrowsFromViews brandedSearches brandedSearchesClicks "
        "brandedSearchesViews brandedSearchRate campaignBudgetCurrencyCode campaignId "
        "campaignName clicks cost date detailPageViews detailPageViewsClicks eCPAddToCart "
        "eCPBrandSearch endDate impressions impressionsViews newToBrandPurchases "
        "newToBrandPurchasesClicks newToBrandSalesClicks newToBrandUnitsSold "
        "newToBrandUnitsSoldClicks purchases purchasesClicks purchasesPromotedClicks sales "
        "salesClicks salesPromotedClicks startDate unitsSold unitsSoldClicks videoCompleteViews "
        "videoFirstQuartileViews videoMidpointViews videoThirdQuartileViews videoUnmutes "
        "viewabilityRate viewClickThroughRate",
        65,
    ),
}


def check_required(obj: object, kind: str, where: str = "$") -> list[str]:
    """Problems of a Sales and Traffic document against the schema's required fields."""
    if not isinstance(obj, dict):
        return [f"{where} is not an object"]
    problems = [f"{where}.{k} missing" for k in SALES_TRAFFIC_REQUIRED[kind] if k not in obj]
    nested = {
        "root": {"reportSpecification": "reportSpecification"},
        "SalesAndTrafficByDate": {"salesByDate": "SalesByDate", "trafficByDate": "TrafficByDate"},
        "SalesAndTrafficByAsin": {"salesByAsin": "SalesByAsin", "trafficByAsin": "TrafficByAsin"},
        "SalesByDate": {
            k: "Amount"
            for k in (
                "orderedProductSales",
                "averageSalesPerOrderItem",
                "averageSellingPrice",
                "claimsAmount",
                "shippedProductSales",
            )
        },
        "SalesByAsin": {"orderedProductSales": "Amount"},
    }.get(kind, {})
    for key, sub in nested.items():
        if key in obj:
            problems += check_required(obj[key], sub, f"{where}.{key}")
    if kind == "root":
        for key, sub in (
            ("salesAndTrafficByDate", "SalesAndTrafficByDate"),
            ("salesAndTrafficByAsin", "SalesAndTrafficByAsin"),
        ):
            for i, row in enumerate(obj.get(key) or []):
                problems += check_required(row, sub, f"{where}.{key}[{i}]")
    return problems
