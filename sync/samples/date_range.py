"""The Payments Date Range "Transaction" report, in every language and header generation
fupan reads."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from .date_range_headers import (
    AU,
    AU_FIELDS,
    DE,
    ES,
    FR,
    G1,
    G1_FIELDS,
    G2,
    G2_FIELDS,
    G3,
    G3_FIELDS,
    IT,
    JP,
    JP_FIELDS,
    UK,
    ZH,
    named_fields,
    with_status,
)
from .money import Line, en_money, eu_money, yen


@dataclass(frozen=True)
class Layout:
    """One language/generation of the Date Range report."""

    notes: tuple[str, ...]
    header: tuple[tuple[str, str], ...]  # (header text, field)
    types: dict[str, str]  # Line.kind → type value
    zone: str  # IANA zone the times are written in
    when: Callable[[datetime], str]  # local time → text
    money: Callable[[float], str]
    encoding: str = "utf-8"
    bom: bool = True
    crlf: bool = False
    channel: str = "amazon.com"


def _us_when(t: datetime, meridiem: tuple[str, str] = ("AM", "PM")) -> str:
    hour = t.hour % 12 or 12
    am_pm = meridiem[t.hour >= 12]
    return f"{t:%b} {t.day}, {t.year} {hour}:{t:%M:%S} {am_pm} {t.tzname()}"


_FR_MONTHS = [
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
]
_IT_MONTHS = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
_ES_MONTHS = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]

US_NOTES = (
    "Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions",
    "All amounts in USD, unless specified",
    "Definitions:",
    "Sales tax collected: Includes sales tax collected from buyers for product sales, shipping, "
    "and gift wrap.",
    "Selling fees: Includes variable closing fees and referral fees.",
    "Other transaction fees: Includes shipping chargebacks, shipping holdbacks, per-item fees  "
    "and sales tax collection fees.",
    'Other: Includes non-order transaction amounts. For more details, see the "Type" and '
    '"Description" columns for each order ID.',
)
EN_TYPES = {
    "order": "Order",
    "refund": "Refund",
    "service_fee": "Service Fee",
    "inventory_fee": "FBA Inventory Fee",
    "adjustment": "Adjustment",
    "transfer": "Transfer",
}


LAYOUTS: dict[str, Layout] = {
    "us-2017": Layout(
        US_NOTES, named_fields(G1, G1_FIELDS), EN_TYPES, "America/Los_Angeles", _us_when, en_money
    ),
    "us-2021": Layout(
        US_NOTES, named_fields(G2, G2_FIELDS), EN_TYPES, "America/Los_Angeles", _us_when, en_money
    ),
    "us-2024": Layout(
        US_NOTES, named_fields(G3, G3_FIELDS), EN_TYPES, "America/Los_Angeles", _us_when, en_money
    ),
    "us-2025": Layout(
        (*US_NOTES[:3], "Date/Time: Posted date/time of the transaction", "", ""),
        named_fields(with_status(G3), (*G3_FIELDS, "status", "release_date")),
        EN_TYPES,
        "America/Los_Angeles",
        _us_when,
        en_money,
    ),
    "ca": Layout(
        tuple(n.replace("USD", "CAD") for n in US_NOTES),
        named_fields(G2, G2_FIELDS),
        EN_TYPES,
        "America/Los_Angeles",
        lambda t: _us_when(t, ("a.m.", "p.m.")),
        en_money,
        channel="amazon.ca",
    ),
    "uk": Layout(
        tuple(n.replace("USD", "GBP") for n in US_NOTES[:3]),
        named_fields(UK, G2_FIELDS),
        EN_TYPES,
        "Europe/London",
        lambda t: f"{t.day} {t:%b %Y %H:%M:%S} {t.tzname()}",
        en_money,
        channel="amazon.co.uk",
    ),
    "au": Layout(
        tuple(n.replace("USD", "AUD") for n in US_NOTES[:3]),
        named_fields(AU, AU_FIELDS),
        EN_TYPES,
        "UTC",
        lambda t: f"{t.day} {t:%b %Y} {t.hour % 12 or 12}:{t:%M:%S %p} GMT",
        en_money,
        channel="amazon.com.au",
    ),
    "de": Layout(
        (
            "Enthält Transaktionen auf Amazon Marketplace, Versand durch Amazon (FBA) und "
            "Amazon Webstore",
            "Alle Beträge in Euro sofern nicht anders gekennzeichnet",
            "Definitionen:",
            "",
            "Verkaufsgebühren: Beinhaltet variable Abschlussgebühren und Verkaufsgebühren.",
            "Andere: Beinhaltet Beträge für Transaktionen, die keine Bestellungen sind.",
        ),
        named_fields(DE, G2_FIELDS),
        {
            "order": "Bestellung",
            "refund": "Erstattung",
            "service_fee": "Servicegebühr",
            "inventory_fee": "Versand durch Amazon Lagergebühr",
            "adjustment": "Anpassung",
            "transfer": "Übertrag",
        },
        "UTC",
        lambda t: f"{t:%d.%m.%Y %H:%M:%S} UTC",
        eu_money,
        channel="amazon.de",
    ),
    "fr": Layout(
        (
            "Inclut les transactions Amazon Marketplace, Expédié par Amazon et Amazon Webstore",
            "Tous les montants sont en EUR, sauf mention contraire.",
            "Définitions :",
        ),
        named_fields(FR, G2_FIELDS),
        {
            "order": "Commande",
            "refund": "Remboursement",
            "service_fee": "Frais de service",
            "inventory_fee": "Frais de stock Expédié par Amazon",
            "adjustment": "Ajustement",
            "transfer": "Transfert",
        },
        "UTC",
        lambda t: f"{t.day} {_FR_MONTHS[t.month - 1]} {t:%Y %H:%M:%S} UTC",
        eu_money,
        encoding="cp1252",
        bom=False,
        channel="amazon.fr",
    ),
    "it": Layout(
        (
            "Include le transazioni di Amazon Marketplace, Logistica di Amazon e Amazon Webstore",
            "Tutti gli importi sono espressi in EUR, se non diversamente specificato.",
            "Definizioni:",
        ),
        named_fields(IT, G2_FIELDS),
        {
            "order": "Ordine",
            "refund": "Rimborso",
            "service_fee": "Commissione di servizio",
            "inventory_fee": "Costo di stoccaggio Logistica di Amazon",
            "adjustment": "Modifica",
            "transfer": "Trasferimento",
        },
        "UTC",
        lambda t: f"{t.day} {_IT_MONTHS[t.month - 1]} {t:%Y %H.%M.%S} GMT",
        eu_money,
        channel="amazon.it",
    ),
    "es": Layout(
        (
            "Incluye transacciones de Amazon Marketplace, Logística de Amazon y Amazon Webstore",
            "Todos los importes en EUR, a menos que se especifique lo contrario",
            "Definiciones:",
        ),
        named_fields(ES, G2_FIELDS),
        {
            "order": "Pedido",
            "refund": "Reembolso",
            "service_fee": "Tarifa de prestación de servicio",
            "inventory_fee": "Tarifas de inventario de Logística de Amazon",
            "adjustment": "Ajuste",
            "transfer": "Transferir",
        },
        "UTC",
        lambda t: f"{t.day} {_ES_MONTHS[t.month - 1]} {t:%Y %H:%M:%S} GMT",
        eu_money,
        channel="amazon.es",
    ),
    "jp": Layout(
        (
            "Amazon 出品サービス、フルフィルメント by Amazon (FBA)、Amazon Webstore の取引を含む",
            "指定のない場合、単位は円",
            "",
            "定義：",
        ),
        named_fields(JP, JP_FIELDS),
        {
            "order": "注文",
            "refund": "返金",
            "service_fee": "注文外料金",
            "inventory_fee": "FBA 在庫関連の手数料",
            "adjustment": "調整",
            "transfer": "振込み",
        },
        "Asia/Tokyo",
        lambda t: f"{t:%Y/%m/%d %H:%M:%S} JST",
        yen,
        crlf=True,
        channel="Amazon.co.jp",
    ),
    "zh": Layout(
        (
            "包括亚马逊商城、亚马逊物流 (FBA) 和亚马逊网店交易",
            "除非另有说明，所有金额均以 USD 为单位",
            "定义：",
        ),
        named_fields(ZH, G2_FIELDS),
        {
            "order": "订单",
            "refund": "退款",
            "service_fee": "服务费",
            "inventory_fee": "亚马逊物流库存费用",
            "adjustment": "调整",
            "transfer": "转账",
        },
        "America/Los_Angeles",
        lambda t: (
            f"{t:%Y/%m/%d} {'上午' if t.hour < 12 else '下午'}{t.hour % 12 or 12}"
            f":{t:%M:%S} {t.tzname()}"
        ),
        en_money,
        encoding="gb18030",
        bom=False,
    ),
}


def _cells(line: Line, layout: Layout) -> dict[str, str]:
    """A line's value for every field a Date Range header can name."""
    m = layout.money
    item = line.kind in ("order", "refund")
    tax = line.product_tax
    other = line.other_fee if item or line.kind == "service_fee" else 0.0
    return {
        "date": layout.when(line.posted.astimezone(ZoneInfo(layout.zone))),
        "settlement_id": line.settlement_id,
        "type": layout.types[line.kind],
        "order_id": line.order_id,
        "sku": line.sku,
        "description": line.description,
        "quantity": str(line.quantity) if item else "",
        "marketplace": layout.channel if item else "",
        "account_type": "Standard Orders" if item else "",
        "fulfillment": "Amazon" if item else "",
        "order_city": "",
        "order_state": "",
        "order_postal": "",
        "tax_collection_model": "MarketplaceFacilitator" if item else "",
        "product_sales": m(line.principal),
        "product_sales_tax": m(tax),
        "shipping_credits": m(line.shipping),
        "shipping_credits_tax": m(line.shipping_tax),
        "gift_wrap_credits": m(0),
        "giftwrap_credits_tax": m(0),
        "regulatory_fee": m(0),
        "regulatory_fee_tax": m(0),
        "points_cost": m(0),
        "promotional_rebates": m(line.promotion),
        "promotional_rebates_tax": m(0),
        "marketplace_withheld_tax": m(line.withheld_tax),
        "sales_tax_collected": m(tax + line.shipping_tax),
        "marketplace_facilitator_tax": m(line.withheld_tax),
        "low_value_goods": m(line.withheld_tax),  # AU: the GST Amazon collects and keeps
        "selling_fees": m(line.commission + line.refund_commission),
        "fba_fees": m(line.fba_fee),
        "other_transaction_fees": m(other),
        "other": m(0 if item or line.kind == "service_fee" else line.other_fee),
        "total": m(line.total),
        "status": "Released",
        "release_date": layout.when(line.posted.astimezone(ZoneInfo(layout.zone))),
    }


def write_date_range(path: Path, lines: Iterable[Line], layout: str = "us-2021") -> Path:
    """A Date Range "Transaction" CSV: notes, header, one row per line, every field quoted
    (empty ones left bare, as Seller Central does)."""
    spec = LAYOUTS[layout]
    buf = io.StringIO()
    end = "\r\n" if spec.crlf else "\n"
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator=end)
    for note in spec.notes:
        if note:
            w.writerow([note])
        else:
            buf.write(end)
    w.writerow([h for h, _ in spec.header])
    for line in sorted(lines, key=lambda x: x.posted):
        cells = _cells(line, spec)
        w.writerow([cells[f] for _, f in spec.header])
    text = buf.getvalue().replace(',""', ",")
    data = text.encode(spec.encoding, errors="replace")  # a legacy code page has no \ufffd
    path.write_bytes((b"\xef\xbb\xbf" if spec.bom else b"") + data)
    return path
