"""Money report files in Amazon's layouts: the Payments Date Range report (every language and
header generation fupan reads), the settlement flat files V1 and V2, and the FBA Fee Preview.

Each writer restates one list of posted money lines (`Line`), so files of different layouts
can be checked against each other and against hand-computed sums. Headers, notes, encodings,
date shapes and number formats follow docs/amazon-money-reports.md of the research notes.
"""

from __future__ import annotations

import csv
import io
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Line:
    """One posted money line before any layout, in the marketplace's currency with Amazon's
    signs: what the buyer paid positive, fees and refunds negative."""

    posted: datetime  # aware
    kind: str  # order, refund, service_fee, inventory_fee, adjustment, transfer
    order_id: str = ""
    sku: str = ""
    quantity: int = 0
    description: str = ""
    principal: float = 0.0
    product_tax: float = 0.0
    shipping: float = 0.0
    shipping_tax: float = 0.0
    promotion: float = 0.0
    withheld_tax: float = 0.0  # marketplace facilitator tax: the collected tax, taken back
    commission: float = 0.0  # referral fee (refunds: the part Amazon gives back, positive)
    refund_commission: float = 0.0  # refunds: the refund administration fee
    fba_fee: float = 0.0
    other_fee: float = 0.0  # orders: other transaction fees; other lines: their amount
    settlement_id: str = "12345678901"

    @property
    def total(self) -> float:
        return round(
            self.principal
            + self.product_tax
            + self.shipping
            + self.shipping_tax
            + self.promotion
            + self.withheld_tax
            + self.commission
            + self.refund_commission
            + self.fba_fee
            + self.other_fee,
            2,
        )


def _words(text: str) -> list[str]:
    return text.split()


def _tabs(text: str) -> list[str]:
    return text.split("\t")


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# The book of the tests: a week of a small US seller, 2026-11-16..22 in Pacific time, plus one
# order on each side of it. Hand-computed sums are in tests/test_money.py.
BOOK: tuple[Line, ...] = (
    Line(
        _utc("2026-11-16T18:00:00"),
        "order",
        "113-0000001-0000001",
        "SKU-MAT",
        2,
        "Silicone Baking Mat Set",
        principal=31.98,
        product_tax=2.56,
        withheld_tax=-2.56,
        commission=-4.80,
        fba_fee=-7.10,
    ),
    # 23:30 on the 16th in Los Angeles, already the 17th in UTC.
    Line(
        _utc("2026-11-17T07:30:00"),
        "order",
        "113-0000002-0000002",
        "SKU-KNIFE",
        1,
        "Magnetic Knife Strip, Stainless Steel 16 Inch \ufffd",
        principal=24.99,
        product_tax=2.00,
        shipping=4.99,
        shipping_tax=0.40,
        promotion=-4.99,
        withheld_tax=-2.40,
        commission=-3.75,
        fba_fee=-5.40,
        other_fee=-4.99,
    ),
    Line(
        _utc("2026-11-20T20:00:00"),
        "order",
        "113-0000003-0000003",
        "SKU-MAT",
        1,
        "Silicone Baking Mat Set",
        principal=15.99,
        product_tax=1.28,
        withheld_tax=-1.28,
        commission=-2.40,
        fba_fee=-3.55,
    ),
    Line(
        _utc("2026-11-19T22:00:00"),
        "order",
        "113-0000004-0000004",
        "SKU-TRAY",
        40,
        "Stainless Ice Cube Tray",
        principal=1279.60,
        product_tax=102.37,
        withheld_tax=-102.37,
        commission=-191.94,
        fba_fee=-142.00,
    ),
    Line(
        _utc("2026-11-21T17:00:00"),
        "refund",
        "113-0000001-0000001",
        "SKU-MAT",
        1,
        "Silicone Baking Mat Set",
        principal=-15.99,
        product_tax=-1.28,
        withheld_tax=1.28,
        commission=2.40,
        refund_commission=-0.48,
    ),
    Line(
        _utc("2026-11-18T12:00:00"),
        "service_fee",
        description="Cost of Advertising",
        other_fee=-45.67,
    ),
    Line(
        _utc("2026-11-19T10:00:00"),
        "inventory_fee",
        description="FBA storage fee",
        other_fee=-12.34,
    ),
    Line(
        _utc("2026-11-22T18:00:00"),
        "adjustment",
        sku="SKU-KNIFE",
        description="FBA Inventory Reimbursement - Damaged:Warehouse",
        other_fee=8.50,
    ),
    Line(
        _utc("2026-11-22T20:00:00"),
        "transfer",
        description="To account ending in: 123",
        other_fee=-500.00,
    ),
    # Outside the week in Los Angeles: 01:00 on the 23rd, 22:00 on the 15th.
    Line(
        _utc("2026-11-23T09:00:00"),
        "order",
        "113-0000005-0000005",
        "SKU-MAT",
        1,
        "Silicone Baking Mat Set",
        principal=15.99,
        product_tax=1.28,
        withheld_tax=-1.28,
        commission=-2.40,
        fba_fee=-3.55,
        settlement_id="12345678902",
    ),
    Line(
        _utc("2026-11-16T06:00:00"),
        "order",
        "113-0000006-0000006",
        "SKU-KNIFE",
        1,
        "Magnetic Knife Strip, Stainless Steel 16 Inch",
        principal=24.99,
        product_tax=2.00,
        withheld_tax=-2.00,
        commission=-3.75,
        fba_fee=-5.40,
        settlement_id="12345678900",
    ),
)

_AMOUNTS = (
    "principal",
    "product_tax",
    "shipping",
    "shipping_tax",
    "promotion",
    "withheld_tax",
    "commission",
    "refund_commission",
    "fba_fee",
    "other_fee",
)


def scaled(lines: Iterable[Line], factor: float) -> list[Line]:
    """The same lines with every amount times `factor` (yen books: factor 100)."""
    return [
        replace(line, **{a: round(getattr(line, a) * factor, 2) for a in _AMOUNTS})
        for line in lines
    ]


# Date Range report -------------------------------------------------------------------------


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


def _en_money(x: float) -> str:
    return f"{x:,.2f}" if abs(x) >= 1000 else f"{x:.2f}"


def _eu_money(x: float) -> str:
    return f"{x:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _yen(x: float) -> str:
    return f"{round(x):,}"


def _us_when(t: datetime, meridiem: tuple[str, str] = ("AM", "PM")) -> str:
    hour = t.hour % 12 or 12
    am_pm = meridiem[t.hour >= 12]
    return f"{t:%b} {t.day}, {t.year} {hour}:{t:%M:%S} {am_pm} {t.tzname()}"


_FR_MONTHS = _words("janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.")
_IT_MONTHS = _words("gen feb mar apr mag giu lug ago set ott nov dic")
_ES_MONTHS = _words("ene feb mar abr may jun jul ago sep oct nov dic")

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

_FRONT = ("date", "settlement_id", "type", "order_id", "sku", "description", "quantity")
_ORDER_PLACE = ("fulfillment", "order_city", "order_state", "order_postal")


def _fields(names: str, fields: Iterable[str]) -> tuple[tuple[str, str], ...]:
    headers = names.split(",")
    fields = tuple(fields)
    assert len(headers) == len(fields), (len(headers), len(fields))
    return tuple(zip(headers, fields, strict=True))


# G2 and later: per-line tax columns.
_G2_FIELDS = (
    *_FRONT,
    "marketplace",
    *_ORDER_PLACE,
    "tax_collection_model",
    "product_sales",
    "product_sales_tax",
    "shipping_credits",
    "shipping_credits_tax",
    "gift_wrap_credits",
    "giftwrap_credits_tax",
    "promotional_rebates",
    "promotional_rebates_tax",
    "marketplace_withheld_tax",
    "selling_fees",
    "fba_fees",
    "other_transaction_fees",
    "other",
    "total",
)
_G3_FIELDS = (
    *_FRONT,
    "marketplace",
    "account_type",
    *_ORDER_PLACE,
    "tax_collection_model",
    "product_sales",
    "product_sales_tax",
    "shipping_credits",
    "shipping_credits_tax",
    "gift_wrap_credits",
    "giftwrap_credits_tax",
    "regulatory_fee",
    "regulatory_fee_tax",
    "promotional_rebates",
    "promotional_rebates_tax",
    "marketplace_withheld_tax",
    "selling_fees",
    "fba_fees",
    "other_transaction_fees",
    "other",
    "total",
)
_G1_FIELDS = (
    *_FRONT,
    "marketplace",
    *_ORDER_PLACE,
    "product_sales",
    "shipping_credits",
    "gift_wrap_credits",
    "promotional_rebates",
    "sales_tax_collected",
    "marketplace_facilitator_tax",
    "selling_fees",
    "fba_fees",
    "other_transaction_fees",
    "other",
    "total",
)
_AU_FIELDS = (
    *_FRONT,
    "marketplace",
    *_ORDER_PLACE,
    "product_sales",
    "shipping_credits",
    "gift_wrap_credits",
    "promotional_rebates",
    "sales_tax_collected",
    "low_value_goods",
    "selling_fees",
    "fba_fees",
    "other_transaction_fees",
    "other",
    "total",
)
_JP_FIELDS = (
    *_FRONT,
    "marketplace",
    *_ORDER_PLACE,
    "tax_collection_model",
    "product_sales",
    "product_sales_tax",
    "shipping_credits",
    "shipping_credits_tax",
    "gift_wrap_credits",
    "giftwrap_credits_tax",
    "points_cost",
    "promotional_rebates",
    "promotional_rebates_tax",
    "marketplace_withheld_tax",
    "selling_fees",
    "fba_fees",
    "other_transaction_fees",
    "other",
    "total",
    "status",
    "release_date",
)

G1 = (
    "date/time,settlement id,type,order id,sku,description,quantity,marketplace,fulfillment,"
    "order city,order state,order postal,product sales,shipping credits,gift wrap credits,"
    "promotional rebates,sales tax collected,Marketplace Facilitator Tax,selling fees,fba fees,"
    "other transaction fees,other,total"
)
G2 = (
    "date/time,settlement id,type,order id,sku,description,quantity,marketplace,fulfillment,"
    "order city,order state,order postal,tax collection model,product sales,product sales tax,"
    "shipping credits,shipping credits tax,gift wrap credits,giftwrap credits tax,"
    "promotional rebates,promotional rebates tax,marketplace withheld tax,selling fees,fba fees,"
    "other transaction fees,other,total"
)
G3 = (
    "date/time,settlement id,type,order id,sku,description,quantity,marketplace,account type,"
    "fulfillment,order city,order state,order postal,tax collection model,product sales,"
    "product sales tax,shipping credits,shipping credits tax,gift wrap credits,"
    "giftwrap credits tax,Regulatory Fee,Tax On Regulatory Fee,promotional rebates,"
    "promotional rebates tax,marketplace withheld tax,selling fees,fba fees,"
    "other transaction fees,other,total"
)
UK = G2.replace("fulfillment", "fulfilment").replace("shipping credits,", "postage credits,")
AU = (
    "date/time,settlement id,type,order id,sku,description,quantity,marketplace,fulfillment,"
    "order city,order state,order postal,product sales,shipping credits,gift wrap credits,"
    "promotional rebates,sales tax collected,low value goods,selling fees,fba fees,"
    "other transaction fees,other,total"
)
DE = (
    "Datum/Uhrzeit,Abrechnungsnummer,Typ,Bestellnummer,SKU,Beschreibung,Menge,Marketplace,"
    "Versand,Ort der Bestellung,Bundesland,Postleitzahl,Steuererhebungsmodell,Umsätze,"
    "Produktumsatzsteuer,Gutschrift für Versandkosten,Steuer auf Versandgutschrift,"
    "Gutschrift für Geschenkverpackung,Steuer auf Geschenkverpackungsgutschriften,"
    "Rabatte aus Werbeaktionen,Steuer auf Aktionsrabatte,Einbehaltene Steuer auf Marketplace,"
    "Verkaufsgebühren,Gebühren zu Versand durch Amazon,Andere Transaktionsgebühren,Andere,Gesamt"
)
FR = (
    "date/heure,numéro de versement,type,numéro de la commande,sku,description,quantité,"
    "Marketplace,traitement,ville d'où provient la commande,Région d'où provient la commande,"
    "code postal de la commande,Modèle de perception des taxes,ventes de produits,"
    "Taxes sur la vente des produits,crédits d'expédition,taxe sur les crédits d’expédition,"
    "crédits sur l'emballage cadeau,Taxes sur les crédits cadeaux,Rabais promotionnels,"
    "Taxes sur les remises promotionnelles,Taxes retenues sur le site de vente,frais de vente,"
    "Frais Expédié par Amazon,autres frais de transaction,autre,total"
)
IT = (
    "Data/Ora:,Numero pagamento,Tipo,Numero ordine,SKU,Descrizione,Quantità,Marketplace,"
    "Gestione,Città di provenienza dell'ordine,Provincia di provenienza dell'ordine,"
    "CAP dell'ordine,modello di riscossione delle imposte,Vendite,"
    "imposta sulle vendite dei prodotti,Accrediti per le spedizioni,"
    "imposta accrediti per le spedizioni,Accrediti per confezioni regalo,"
    "imposta sui crediti confezione regalo,Sconti promozionali,"
    "imposta sugli sconti promozionali,trattenuta IVA del marketplace,Commissioni di vendita,"
    "Costi del servizio Logistica di Amazon,Altri costi relativi alle transazioni,Altro,totale"
)
ES = (
    "fecha y hora,identificador de pago,tipo,número de pedido,sku,descripción,cantidad,"
    "web de Amazon,gestión logística,ciudad de procedencia del pedido,"
    "comunidad autónoma de procedencia del pedido,código postal de procedencia del pedido,"
    "Formulario de recaudación de impuestos,ventas de productos,product sales tax,"
    "abonos de envío,impuestos por abonos de envío,abonos de envoltorio para regalo,"
    "giftwrap credits tax,devoluciones promocionales,promotional rebates tax,"
    "impuesto retenido en el sitio web,tarifas de venta,tarifas de Logística de Amazon,"
    "tarifas de otras transacciones,otro,total"
)
JP = (
    "日付/時間,決済番号,トランザクションの種類,注文番号,SKU,説明,数量,Amazon 出品サービス,"
    "フルフィルメント,市町村,都道府県,郵便番号,税金徴収型,商品売上,商品の売上税,配送料,"
    "配送料の税金,ギフト包装手数料,ギフト包装クレジットの税金,Amazonポイントの費用,"
    "プロモーション割引額,プロモーション割引の税金,源泉徴収税を伴うマーケットプレイス,手数料,"
    "FBA 手数料,トランザクションに関するその他の手数料,その他,合計,"
    "トランザクションのステータス,トランザクション開始日"
)
# Seller Central set to Chinese, for the US store (names: see readers/date_range.py).
ZH = (
    "日期/时间,结算编号,类型,订单编号,SKU,描述,数量,商城,配送,订单城市,订单州/省,订单邮编,"
    "税收模式,商品销售,商品销售税,运费,运费税,礼品包装费,礼品包装税,促销返点,促销返点税,"
    "市场预扣税,销售佣金,FBA 费用,其他交易费用,其他,总计"
)


def _g4(names: str) -> str:
    return names + ",Transaction Status,Transaction Release Date"


LAYOUTS: dict[str, Layout] = {
    "us-2017": Layout(
        US_NOTES, _fields(G1, _G1_FIELDS), EN_TYPES, "America/Los_Angeles", _us_when, _en_money
    ),
    "us-2021": Layout(
        US_NOTES, _fields(G2, _G2_FIELDS), EN_TYPES, "America/Los_Angeles", _us_when, _en_money
    ),
    "us-2024": Layout(
        US_NOTES, _fields(G3, _G3_FIELDS), EN_TYPES, "America/Los_Angeles", _us_when, _en_money
    ),
    "us-2025": Layout(
        (*US_NOTES[:3], "Date/Time: Posted date/time of the transaction", "", ""),
        _fields(_g4(G3), (*_G3_FIELDS, "status", "release_date")),
        EN_TYPES,
        "America/Los_Angeles",
        _us_when,
        _en_money,
    ),
    "ca": Layout(
        tuple(n.replace("USD", "CAD") for n in US_NOTES),
        _fields(G2, _G2_FIELDS),
        EN_TYPES,
        "America/Los_Angeles",
        lambda t: _us_when(t, ("a.m.", "p.m.")),
        _en_money,
        channel="amazon.ca",
    ),
    "uk": Layout(
        tuple(n.replace("USD", "GBP") for n in US_NOTES[:3]),
        _fields(UK, _G2_FIELDS),
        EN_TYPES,
        "Europe/London",
        lambda t: f"{t.day} {t:%b %Y %H:%M:%S} {t.tzname()}",
        _en_money,
        channel="amazon.co.uk",
    ),
    "au": Layout(
        tuple(n.replace("USD", "AUD") for n in US_NOTES[:3]),
        _fields(AU, _AU_FIELDS),
        EN_TYPES,
        "UTC",
        lambda t: f"{t.day} {t:%b %Y} {t.hour % 12 or 12}:{t:%M:%S %p} GMT",
        _en_money,
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
        _fields(DE, _G2_FIELDS),
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
        _eu_money,
        channel="amazon.de",
    ),
    "fr": Layout(
        (
            "Inclut les transactions Amazon Marketplace, Expédié par Amazon et Amazon Webstore",
            "Tous les montants sont en EUR, sauf mention contraire.",
            "Définitions :",
        ),
        _fields(FR, _G2_FIELDS),
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
        _eu_money,
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
        _fields(IT, _G2_FIELDS),
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
        _eu_money,
        channel="amazon.it",
    ),
    "es": Layout(
        (
            "Incluye transacciones de Amazon Marketplace, Logística de Amazon y Amazon Webstore",
            "Todos los importes en EUR, a menos que se especifique lo contrario",
            "Definiciones:",
        ),
        _fields(ES, _G2_FIELDS),
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
        _eu_money,
        channel="amazon.es",
    ),
    "jp": Layout(
        (
            "Amazon 出品サービス、フルフィルメント by Amazon (FBA)、Amazon Webstore の取引を含む",
            "指定のない場合、単位は円",
            "",
            "定義：",
        ),
        _fields(JP, _JP_FIELDS),
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
        _yen,
        crlf=True,
        channel="Amazon.co.jp",
    ),
    "zh": Layout(
        (
            "包括亚马逊商城、亚马逊物流 (FBA) 和亚马逊网店交易",
            "除非另有说明，所有金额均以 USD 为单位",
            "定义：",
        ),
        _fields(ZH, _G2_FIELDS),
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
        _en_money,
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


# Settlement flat files ----------------------------------------------------------------------

V2 = _tabs(
    "settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\t"
    "currency\ttransaction-type\torder-id\tmerchant-order-id\tadjustment-id\tshipment-id\t"
    "marketplace-name\tamount-type\tamount-description\tamount\tfulfillment-id\tposted-date\t"
    "posted-date-time\torder-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\t"
    "sku\tquantity-purchased\tpromotion-id"
)
V1 = _tabs(
    "settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\t"
    "currency\ttransaction-type\torder-id\tmerchant-order-id\tadjustment-id\tshipment-id\t"
    "marketplace-name\tshipment-fee-type\tshipment-fee-amount\torder-fee-type\t"
    "order-fee-amount\tfulfillment-id\tposted-date\torder-item-code\tmerchant-order-item-id\t"
    "merchant-adjustment-item-id\tsku\tquantity-purchased\tprice-type\tprice-amount\t"
    "item-related-fee-type\titem-related-fee-amount\tmisc-fee-amount\tother-fee-amount\t"
    "other-fee-reason-description\tpromotion-id\tpromotion-type\tpromotion-amount\t"
    "direct-payment-type\tdirect-payment-amount\tother-amount"
)


@dataclass(frozen=True)
class Amount:
    """One settlement line: a (transaction, amount-type, description, amount) of a Line."""

    line: Line
    transaction: str
    group: str  # amount-type
    description: str
    amount: float
    principal: bool = False


def _amounts(line: Line) -> list[Amount]:
    if line.kind in ("order", "refund"):
        t = "Order" if line.kind == "order" else "Refund"
        parts = [
            ("ItemPrice", "Principal", line.principal),
            ("ItemPrice", "Tax", line.product_tax),
            ("ItemPrice", "Shipping", line.shipping),
            ("ItemPrice", "ShippingTax", line.shipping_tax),
            ("Promotion", "Shipping", line.promotion),
            ("ItemWithheldTax", "MarketplaceFacilitatorTax-Principal", line.withheld_tax),
            ("ItemFees", "Commission", line.commission),
            ("ItemFees", "RefundCommission", line.refund_commission),
            ("ItemFees", "FBAPerUnitFulfillmentFee", line.fba_fee),
            ("ItemFees", "ShippingChargeback", line.other_fee),
        ]
        return [
            Amount(line, t, g, d, a, principal=d == "Principal" and g == "ItemPrice")
            for g, d, a in parts
            if a or (g, d) == ("ItemPrice", "Principal")
        ]
    if line.kind == "service_fee":
        return [
            Amount(
                line, "ServiceFee", "Cost of Advertising", "TransactionTotalAmount", line.other_fee
            )
        ]
    if line.kind == "inventory_fee":
        return [
            Amount(line, "other-transaction", "other-transaction", "Storage Fee", line.other_fee)
        ]
    if line.kind == "adjustment":
        return [
            Amount(
                line,
                "other-transaction",
                "FBA Inventory Reimbursement",
                "WAREHOUSE_DAMAGE",
                line.other_fee,
            )
        ]
    return []  # transfers are the settlement's deposit, not a line of it


def _reserve(posted: datetime, previous: float, current: float) -> list[Amount]:
    line = Line(posted, "reserve")
    return [
        Amount(
            line,
            "other-transaction",
            "other-transaction",
            "Previous Reserve Amount Balance",
            previous,
        ),
        Amount(line, "other-transaction", "other-transaction", "Current Reserve Amount", current),
    ]


@dataclass(frozen=True)
class SettlementStyle:
    """How a settlement download writes dates and numbers."""

    when: Callable[[datetime], str]  # a UTC time → text
    day: Callable[[datetime], str]  # posted-date of V2 (a UTC time → text)
    money: Callable[[float], str]
    channel: str = "Amazon.com"


STYLES = {
    # SP-API documents (the F1 fixture): `2023-01-01 00:00:00 UTC`, point decimals.
    "api": SettlementStyle(
        lambda t: f"{t:%Y-%m-%d %H:%M:%S} UTC", lambda t: f"{t:%Y-%m-%d}", lambda x: f"{x:.2f}"
    ),
    # Seller Central Europe: `16.11.2026 10:05:35 UTC`, `1.234,56`.
    "eu": SettlementStyle(
        lambda t: f"{t:%d.%m.%Y %H:%M:%S} UTC",
        lambda t: f"{t:%d.%m.%Y}",
        _eu_money,
        "Amazon.de",
    ),
    "jp": SettlementStyle(
        lambda t: f"{t:%Y-%m-%d %H:%M:%S} UTC", lambda t: f"{t:%Y-%m-%d}", _yen, "Amazon.co.jp"
    ),
}


def write_settlement(
    path: Path,
    lines: Iterable[Line],
    start: datetime,
    end: datetime,
    *,
    version: str = "V2",
    settlement_id: str = "12345678901",
    currency: str = "USD",
    style: str = "api",
    reserve: tuple[float, float] = (100.00, -120.00),
) -> Path:
    """A settlement flat file of the lines posted in [start, end): row 2 the summary, then one
    row per amount. V1 repeats an item's quantity on each of its rows (summing them would count
    it again); V2 writes it on the Principal row."""
    s = STYLES[style]
    inside = sorted((x for x in lines if start <= x.posted < end), key=lambda x: x.posted)
    amounts = [a for x in inside for a in _amounts(x)]
    amounts += _reserve(end - timedelta(seconds=1), *reserve)
    total = round(sum(a.amount for a in amounts), 2)
    header = V2 if version == "V2" else V1
    summary = dict.fromkeys(header, "")
    summary |= {
        "settlement-id": settlement_id,
        "settlement-start-date": s.when(start),
        "settlement-end-date": s.when(end),
        "deposit-date": s.when(end + timedelta(days=2)),
        "total-amount": s.money(total),
        "currency": currency,
    }
    rows = [summary]
    for n, a in enumerate(amounts):
        x = a.line
        item = x.kind in ("order", "refund")
        row = dict.fromkeys(header, "")
        row |= {
            "settlement-id": settlement_id,
            "transaction-type": a.transaction,
            "order-id": x.order_id,
            "merchant-order-id": "",
            "shipment-id": f"S{zlib.crc32(x.order_id.encode()) % 10**8:08d}" if item else "",
            "marketplace-name": s.channel if item else "",
            "fulfillment-id": "AFN" if item else "",
            "posted-date": s.when(x.posted) if version == "V1" else s.day(x.posted),
            "posted-date-time": s.when(x.posted),
            "order-item-code": f"{60000000000000 + zlib.crc32(x.order_id.encode())}"
            if item
            else "",
            "sku": x.sku,
        }
        if version == "V2":
            row |= {
                "amount-type": a.group,
                "amount-description": a.description,
                "amount": s.money(a.amount),
                "quantity-purchased": str(x.quantity) if a.principal else "",
            }
        else:
            row |= _v1_pair(a, s.money)
            if x.kind == "reserve":  # V1 names a reserve line in its transaction type
                row["transaction-type"] = a.description
            row["quantity-purchased"] = str(x.quantity) if item else ""
            row["adjustment-id"] = f"ADJ{n}" if x.kind == "adjustment" else ""
        rows.append(row)
    body = ["\t".join(r[h] for h in header) for r in rows]
    text = "\n".join(["\t".join(header), *body]) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def _v1_pair(a: Amount, money: Callable[[float], str]) -> dict[str, str]:
    """V1 holds each amount in the pair of columns of its kind."""
    amount = money(a.amount)
    if a.group == "ItemPrice":
        return {"price-type": a.description, "price-amount": amount}
    if a.group in ("ItemFees", "ItemWithheldTax"):
        return {"item-related-fee-type": a.description, "item-related-fee-amount": amount}
    if a.group == "Promotion":
        return {"promotion-type": a.description, "promotion-amount": amount}
    if a.group == "Cost of Advertising":
        return {"order-fee-type": "Cost of Advertising", "order-fee-amount": amount}
    if a.group == "FBA Inventory Reimbursement":
        return {"other-fee-reason-description": a.description, "other-fee-amount": amount}
    return {"other-fee-reason-description": a.description, "other-amount": amount}


# FBA Fee Preview ----------------------------------------------------------------------------

FEE_NA = _tabs(
    "sku\tfnsku\tasin\tamazon-store\tproduct-name\tproduct-group\tbrand\tfulfilled-by\t"
    "your-price\tsales-price\tlongest-side\tmedian-side\tshortest-side\tlength-and-girth\t"
    "unit-of-dimension\titem-package-weight\tunit-of-weight\tproduct-size-tier\tcurrency\t"
    "estimated-fee-total\testimated-referral-fee-per-unit\testimated-variable-closing-fee\t"
    "estimated-order-handling-fee-per-order\testimated-pick-pack-fee-per-unit\t"
    "estimated-weight-handling-fee-per-unit\texpected-fulfillment-fee-per-unit\t"
    "estimated-future-fee (Current Selling on Amazon + Future Fulfillment fees)\t"
    "estimated-future-order-handling-fee-per-order\testimated-future-pick-pack-fee-per-unit\t"
    "estimated-future-weight-handling-fee-per-unit\texpected-future-fulfillment-fee-per-unit"
)
FEE_EU = _tabs(
    "sku\tfnsku\tasin\tamazon-store\tproduct-name\tproduct-group\tbrand\tfulfilled-by\t"
    "has-local-inventory\tyour-price\tsales-price\tlongest-side\tmedian-side\tshortest-side\t"
    "length-and-girth\tunit-of-dimension\titem-package-weight\tunit-of-weight\t"
    "product-size-weight-band\tcurrency\testimated-fee-total\testimated-referral-fee-per-unit\t"
    "estimated-variable-closing-fee\texpected-domestic-fulfilment-fee-per-unit\t"
    "expected-efn-fulfilment-fee-per-unit-uk\texpected-efn-fulfilment-fee-per-unit-de\t"
    "expected-efn-fulfilment-fee-per-unit-fr\texpected-efn-fulfilment-fee-per-unit-it\t"
    "expected-efn-fulfilment-fee-per-unit-es\texpected-efn-fulfilment-fee-per-unit-se"
)


@dataclass(frozen=True)
class FeeRow:
    sku: str
    asin: str
    title: str
    price: float
    referral: float
    fulfilment: float | None  # None: Amazon writes --


FEES: tuple[FeeRow, ...] = (
    FeeRow("SKU-MAT", "B0MAT00001", "Silicone Baking Mat Set", 15.99, 2.40, 3.55),
    FeeRow("SKU-KNIFE", "B0KNIFE001", "Magnetic Knife Strip", 24.99, 3.75, 5.40),
    FeeRow("SKU-TRAY", "B0TRAY0001", "Stainless Ice Cube Tray", 31.99, 4.80, None),
)


def write_fee_preview(
    path: Path,
    rows: Iterable[FeeRow] = FEES,
    *,
    layout: str = "na",
    stores: tuple[str, ...] = ("DE", "FR", "IT", "ES"),
) -> Path:
    """The Fee Preview TSV: NA layout (one row per SKU, USD) or EU (one row per SKU and store,
    EUR with decimal commas, EFN columns `--`)."""
    eu = layout == "eu"
    header = FEE_EU if eu else FEE_NA

    def money(x: float | None) -> str:
        if x is None:
            return "--"
        return f"{x:.2f}".replace(".", ",") if eu else f"{x:.2f}"

    out = ["\t".join(header)]
    for r in rows:
        for store in stores if eu else ("US",):
            v = dict.fromkeys(header, "--")
            total = None if r.fulfilment is None else r.referral + r.fulfilment
            v |= {
                "sku": r.sku,
                "fnsku": "X00" + r.asin[-7:],
                "asin": r.asin,
                "amazon-store": store,
                "product-name": r.title,
                "product-group": "Kitchen",
                "brand": "Acme",
                "fulfilled-by": "AMAZON_EU" if eu else "AMAZON_NA",
                "has-local-inventory": "Y",
                "your-price": money(r.price),
                "sales-price": money(r.price),
                "unit-of-dimension": "centimeters" if eu else "inches",
                "unit-of-weight": "grams" if eu else "pounds",
                "product-size-weight-band": "Standard-Umschlag",
                "product-size-tier": "Standard",
                "currency": "EUR" if eu else "USD",
                "estimated-fee-total": money(total),
                "estimated-referral-fee-per-unit": money(r.referral),
                "estimated-variable-closing-fee": money(0.0),
                "expected-fulfillment-fee-per-unit": money(r.fulfilment),
                "expected-domestic-fulfilment-fee-per-unit": money(r.fulfilment),
            }
            out.append("\t".join(v[h] for h in header))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path
