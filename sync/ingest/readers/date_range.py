"""Payments → Reports Repository → Date Range report, "Transaction" (CSV).

The file opens with six to thirteen lines of notes (the loader finds the header after them);
line two names the currency. Headers and type values are in the marketplace's language:
English (US/CA/AU/UK generations), German, French, Italian, Spanish, Japanese, and the Chinese
names of a Seller Central set to 中文. Amounts are in the file's locale (`1.234,56` in
DE/FR/IT/ES, `"2,691"` yen in JP). Layouts: docs/amazon-money-reports.md §1 of the research
notes.
"""

from __future__ import annotations

import pandas as pd

from ... import marketplaces
from ...findings import Finding, Severity
from ..parsing import parse_numbers
from ..raw import RawReport
from ..schema import TRANSACTIONS
from . import _money
from ._snapshot import dated_result
from .base import ReadContext, Reader, ReadResult

# Header spellings per language, one tuple per field (compared by _money.key: case, spaces,
# a trailing colon and apostrophe shapes do not matter).
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "date": ("date/time",),
        "settlement_id": ("settlement id",),
        "type": ("type",),
        "order_id": ("order id",),
        "sku": ("sku",),
        "description": ("description",),
        "quantity": ("quantity",),
        "marketplace": ("marketplace", "store"),
        "product_sales": ("product sales",),
        "product_sales_tax": ("product sales tax",),
        "shipping_credits": ("shipping credits", "postage credits"),
        "shipping_credits_tax": ("shipping credits tax", "postage credits tax"),
        "gift_wrap_credits": ("gift wrap credits", "giftwrap credits"),
        "giftwrap_credits_tax": ("giftwrap credits tax", "gift wrap credits tax"),
        "regulatory_fee": ("regulatory fee",),
        "regulatory_fee_tax": ("tax on regulatory fee",),
        "promotional_rebates": ("promotional rebates",),
        "promotional_rebates_tax": ("promotional rebates tax",),
        "marketplace_withheld_tax": ("marketplace withheld tax",),
        "sales_tax_collected": ("sales tax collected",),
        "marketplace_facilitator_tax": ("marketplace facilitator tax",),
        "low_value_goods": ("low value goods",),
        "selling_fees": ("selling fees",),
        "fba_fees": ("fba fees", "fulfilment by amazon fees", "fulfillment by amazon fees"),
        "other_transaction_fees": ("other transaction fees",),
        "other": ("other",),
        "total": ("total",),
        "status": ("transaction status",),
    },
    "de": {
        "date": ("Datum/Uhrzeit",),
        "settlement_id": ("Abrechnungsnummer",),
        "type": ("Typ",),
        "order_id": ("Bestellnummer",),
        "sku": ("SKU",),
        "description": ("Beschreibung",),
        "quantity": ("Menge",),
        "marketplace": ("Marketplace",),
        "product_sales": ("Umsätze",),
        "product_sales_tax": ("Produktumsatzsteuer",),
        "shipping_credits": ("Gutschrift für Versandkosten",),
        "shipping_credits_tax": ("Steuer auf Versandgutschrift",),
        "gift_wrap_credits": ("Gutschrift für Geschenkverpackung",),
        "giftwrap_credits_tax": ("Steuer auf Geschenkverpackungsgutschriften",),
        "promotional_rebates": ("Rabatte aus Werbeaktionen",),
        "promotional_rebates_tax": ("Steuer auf Aktionsrabatte",),
        "marketplace_withheld_tax": ("Einbehaltene Steuer auf Marketplace",),
        "selling_fees": ("Verkaufsgebühren",),
        "fba_fees": ("Gebühren zu Versand durch Amazon",),
        "other_transaction_fees": ("Andere Transaktionsgebühren",),
        "other": ("Andere",),
        "total": ("Gesamt",),
        "status": ("Transaktionsstatus",),
    },
    "fr": {
        "date": ("date/heure",),
        "settlement_id": ("numéro de versement", "Identifiant du paiement"),
        "type": ("type",),
        "order_id": ("numéro de la commande",),
        "sku": ("sku",),
        "description": ("description",),
        "quantity": ("quantité",),
        "marketplace": ("Marketplace", "site de vente"),
        "product_sales": ("ventes de produits",),
        "product_sales_tax": ("Taxes sur la vente des produits",),
        "shipping_credits": ("crédits d'expédition",),
        "shipping_credits_tax": ("taxe sur les crédits d'expédition",),
        "gift_wrap_credits": ("crédits sur l'emballage cadeau",),
        "giftwrap_credits_tax": ("Taxes sur les crédits cadeaux",),
        "promotional_rebates": ("Rabais promotionnels",),
        "promotional_rebates_tax": ("Taxes sur les remises promotionnelles",),
        "marketplace_withheld_tax": (
            "Taxes retenues sur le site de vente",
            "taxe marketplace facilitator",
        ),
        "sales_tax_collected": ("taxe de ventes prélevée",),
        "selling_fees": ("frais de vente",),
        "fba_fees": ("Frais Expédié par Amazon", "frais pour le service expédié par amazon"),
        "other_transaction_fees": ("autres frais de transaction",),
        "other": ("autre", "autres", "divers"),
        "total": ("total",),
        "status": ("statut de la transaction",),
    },
    "it": {
        "date": ("Data/Ora",),
        "settlement_id": ("Numero pagamento",),
        "type": ("Tipo",),
        "order_id": ("Numero ordine",),
        "sku": ("SKU",),
        "description": ("Descrizione",),
        "quantity": ("Quantità",),
        "marketplace": ("Marketplace",),
        "product_sales": ("Vendite",),
        "product_sales_tax": ("imposta sulle vendite dei prodotti",),
        "shipping_credits": ("Accrediti per le spedizioni",),
        "shipping_credits_tax": ("imposta accrediti per le spedizioni",),
        "gift_wrap_credits": ("Accrediti per confezioni regalo",),
        "giftwrap_credits_tax": ("imposta sui crediti confezione regalo",),
        "promotional_rebates": ("Sconti promozionali",),
        "promotional_rebates_tax": ("imposta sugli sconti promozionali",),
        "marketplace_withheld_tax": ("trattenuta IVA del marketplace",),
        "selling_fees": ("Commissioni di vendita",),
        "fba_fees": ("Costi del servizio Logistica di Amazon",),
        "other_transaction_fees": ("Altri costi relativi alle transazioni",),
        "other": ("Altro",),
        "total": ("totale",),
        "status": ("stato della transazione",),
    },
    "es": {
        "date": ("fecha y hora",),
        "settlement_id": ("identificador de pago",),
        "type": ("tipo",),
        "order_id": ("número de pedido",),
        "sku": ("sku",),
        "description": ("descripción",),
        "quantity": ("cantidad",),
        "marketplace": ("web de Amazon",),
        "product_sales": ("ventas de productos",),
        "product_sales_tax": ("impuesto de ventas de productos",),
        "shipping_credits": ("abonos de envío",),
        "shipping_credits_tax": ("impuestos por abonos de envío",),
        "gift_wrap_credits": ("abonos de envoltorio para regalo",),
        "giftwrap_credits_tax": ("impuestos por abonos de envoltorio para regalo",),
        "promotional_rebates": ("devoluciones promocionales",),
        "promotional_rebates_tax": ("impuestos de descuentos por promociones",),
        "marketplace_withheld_tax": ("impuesto retenido en el sitio web",),
        "selling_fees": ("tarifas de venta",),
        "fba_fees": ("tarifas de Logística de Amazon",),
        "other_transaction_fees": ("tarifas de otras transacciones",),
        "other": ("otro",),
        "total": ("total",),
        "status": ("estado de la transacción",),
    },
    "ja": {
        "date": ("日付/時間", "日付/時刻"),
        "settlement_id": ("決済番号",),
        "type": ("トランザクションの種類",),
        "order_id": ("注文番号",),
        "sku": ("SKU",),
        "description": ("説明",),
        "quantity": ("数量",),
        "marketplace": ("Amazon 出品サービス",),
        "product_sales": ("商品売上",),
        "product_sales_tax": ("商品の売上税",),
        "shipping_credits": ("配送料",),
        "shipping_credits_tax": ("配送料の税金",),
        "gift_wrap_credits": ("ギフト包装手数料",),
        "giftwrap_credits_tax": ("ギフト包装クレジットの税金",),
        "points_cost": ("Amazonポイントの費用",),
        "promotional_rebates": ("プロモーション割引額",),
        "promotional_rebates_tax": ("プロモーション割引の税金",),
        "marketplace_withheld_tax": ("源泉徴収税を伴うマーケットプレイス",),
        "selling_fees": ("手数料",),
        "fba_fees": ("FBA 手数料",),
        "other_transaction_fees": ("トランザクションに関するその他の手数料",),
        "other": ("その他",),
        "total": ("合計",),
        "status": ("トランザクションのステータス",),
    },
    # Seller Central set to 中文. No public copy of this header was found (research notes §1.3,
    # grade C): these are the names Amazon's Chinese UI uses for the same amounts.
    "zh": {
        "date": ("日期/时间", "日期时间", "日期"),
        "settlement_id": ("结算编号", "结算 ID", "结算号"),
        "type": ("类型", "交易类型"),
        "order_id": ("订单编号", "订单号", "订单 ID"),
        "sku": ("SKU",),
        "description": ("描述", "说明"),
        "quantity": ("数量",),
        "marketplace": ("商城", "站点", "市场"),
        "product_sales": ("商品销售", "商品销售额", "产品销售", "产品销售额"),
        "product_sales_tax": ("商品销售税", "产品销售税"),
        "shipping_credits": ("运费", "运费积分", "运费抵扣"),
        "shipping_credits_tax": ("运费税", "运费积分税", "运费抵扣税"),
        "gift_wrap_credits": ("礼品包装费", "礼品包装积分", "礼品包装抵扣"),
        "giftwrap_credits_tax": ("礼品包装税", "礼品包装积分税", "礼品包装抵扣税"),
        "regulatory_fee": ("监管费",),
        "regulatory_fee_tax": ("监管费税",),
        "promotional_rebates": ("促销返点", "促销折扣", "促销回扣"),
        "promotional_rebates_tax": ("促销返点税", "促销折扣税", "促销回扣税"),
        "marketplace_withheld_tax": ("市场预扣税", "商城预扣税"),
        "selling_fees": ("销售佣金", "销售费用", "佣金"),
        "fba_fees": ("FBA 费用", "亚马逊物流费用", "亚马逊物流基础服务费", "FBA 配送费"),
        "other_transaction_fees": ("其他交易费用", "其他交易费"),
        "other": ("其他",),
        "total": ("总计", "合计", "总额"),
        "status": ("交易状态",),
    },
}
DECIMAL_COMMA = frozenset({"de", "fr", "it", "es"})
COUNTRY = {"de": "DE", "fr": "FR", "it": "IT", "es": "ES", "ja": "JP"}
REQUIRED = (
    "date",
    "settlement_id",
    "type",
    "order_id",
    "sku",
    "quantity",
    "product_sales",
    "selling_fees",
    "fba_fees",
    "total",
)
TEXT = ("settlement_id", "type", "order_id", "sku", "description", "marketplace", "status")
DATE_KEYS = {_money.key(a) for h in HEADERS.values() for a in h["date"]}
SETTLEMENT_KEYS = {_money.key(a) for h in HEADERS.values() for a in h["settlement_id"]}

# The amounts of a line, by canonical column (transactions table).
TAXES = (
    "product_sales_tax",
    "shipping_credits_tax",
    "giftwrap_credits_tax",
    "promotional_rebates_tax",
    "sales_tax_collected",
)
# AU's "low value goods" is the GST Amazon collects and keeps, as the US facilitator tax.
WITHHELD = ("marketplace_withheld_tax", "marketplace_facilitator_tax", "low_value_goods")
OTHER = ("other_transaction_fees", "other", "regulatory_fee", "regulatory_fee_tax", "points_cost")
MONEY = (
    "product_sales",
    "shipping_credits",
    "gift_wrap_credits",
    "promotional_rebates",
    *TAXES,
    *WITHHELD,
    "selling_fees",
    "fba_fees",
    *OTHER,
    "total",
)

# Transaction types in every language → fupan's type (compared by _money.key).
_TYPES: dict[str, tuple[str, ...]] = {
    "order": (
        "Order",
        "Bestellung",
        "Commande",
        "Ordine",
        "Pedido",
        "Bestelling",
        "beställning",
        "注文",
        "订单",
    ),
    "refund": (
        "Refund",
        "Erstattung",
        "Remboursement",
        "Rimborso",
        "Reembolso",
        "Terugbetaling",
        "återbäring",
        "返金",
        "退款",
        "Chargeback Refund",
        "Erstattung durch Rückbuchung",
        "A-to-z Guarantee Refund",
    ),
    # Money moved between Amazon and the seller's own accounts: not income, not a fee.
    "transfer": (
        "Transfer",
        "Übertrag",
        "Transfert",
        "transférer",
        "Trasferimento",
        "Transferir",
        "Trasferir",
        "Overdracht",
        "overboeking",
        "överföring",
        "振込み",
        "转账",
        "Debt",
    ),
    "adjustment": (
        "Adjustment",
        "Anpassung",
        "Ajustement",
        "Modifica",
        "Ajuste",
        "調整",
        "调整",
        "Fee Adjustment",
        "Fulfilment Fee Refund",
    ),
    "service_fee": (
        "Service Fee",
        "Servicegebühr",
        "Frais de service",
        "Commissione di servizio",
        "Tarifa de prestación de servicio",
        "Servicekosten",
        "注文外料金",
        "服务费",
    ),
    "inventory_fee": (
        "FBA Inventory Fee",
        "Versand durch Amazon Lagergebühr",
        "Frais de stock Expédié par Amazon",
        "Costo di stoccaggio Logistica di Amazon",
        "Tarifas de inventario de Logística de Amazon",
        "FBA 在庫関連の手数料",
        "FBA 库存费用",
        "亚马逊物流库存费用",
        "FBA Customer Return Fee",
    ),
    "deal_fee": (
        "Lightning Deal Fee",
        "Deal Fee",
        "Blitzangebotsgebühr",
        "Tarif de la Vente Flash",
        "Tariffa dell'Offerta Lampo",
        "Tarifa de Oferta flash",
        "数量限定タイムセール手数料",
    ),
    "liquidation": ("Liquidations", "Liquidation"),
    "retrocharge": (
        "Order_Retrocharge",
        "Refund_Retrocharge",
        "Bestellung_Wiedereinzug",
        "Erstattung_Wiedereinzug",
    ),
}
TYPES = {_money.key(name): kind for kind, names in _TYPES.items() for name in names}


def normalise_type(text: pd.Series) -> pd.Series:
    """fupan's type of each line; a value no language lists is "other"."""
    return text.map(lambda t: TYPES.get(_money.key(t), "other"))


def _positions(raw: RawReport) -> tuple[dict[str, int], str]:
    """Column of each field, and the language whose names match the header best."""
    keys = _money.keys(raw)
    score = {
        lang: sum(any(_money.key(a) in keys for a in names) for names in fields.values())
        for lang, fields in HEADERS.items()
    }
    lang = max(HEADERS, key=lambda k: score[k])  # ties: the first listed
    found: dict[str, int] = {}
    order = [lang, *(k for k in HEADERS if k != lang)]
    for field in {f for fields in HEADERS.values() for f in fields}:
        for language in order:
            for alias in HEADERS[language].get(field, ()):
                k = _money.key(alias)
                if k in keys and field not in found:
                    found[field] = keys.index(k)
    return found, lang


class DateRangeTransactions(Reader):
    kind = "date_range_transactions"
    title = "Payments Date Range report: Transaction (CSV; EN, DE, FR, IT, ES, JP, Chinese UI)"
    table = TRANSACTIONS
    formats = frozenset({"csv"})

    def detect(self, raw: RawReport) -> int:
        keys = set(_money.keys(raw))
        return 20 if keys & DATE_KEYS and keys & SETTLEMENT_KEYS else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        cols, lang = _positions(raw)
        missing = [f for f in REQUIRED if f not in cols]
        if missing:
            names = [HEADERS[lang].get(f, HEADERS["en"][f])[0] for f in missing]
            raise _money.missing_column(raw, names)
        frame = pd.DataFrame(index=raw.frame.index)
        for f in TEXT:
            if f in cols:
                values = raw.column(cols[f])
                frame[f] = values.astype("object").where(values.notna(), "").map(str).str.strip()
        money_cols = [cols[f] for f in MONEY if f in cols]
        sniffed = _money.comma_decimals(raw.frame.iloc[:, money_cols])
        # The Chinese UI downloads any marketplace's file: its amounts say which locale.
        comma = sniffed if lang == "zh" and sniffed is not None else lang in DECIMAL_COMMA
        amounts: dict[str, pd.Series] = {}
        for f in (*MONEY, "quantity"):
            if f in cols:
                amounts[f], bad = parse_numbers(raw.column(cols[f]), decimal_comma=comma)
                _money.refuse_bad(raw, bad, raw.header[cols[f]], "a number")
        _money.refuse_blank(raw, amounts["total"].isna(), raw.header[cols["total"]])

        notes = " ".join(raw.notes)
        channel = frame.get("marketplace", pd.Series("", index=frame.index))
        if ctx.marketplace:
            market = marketplaces.get(ctx.marketplace).code
        else:
            currency_hint = _money.currency_in(notes)
            by_currency = marketplaces.by_currency(currency_hint) if currency_hint else None
            market = (
                _money.marketplace_of_channel(channel)
                or COUNTRY.get(lang)
                or (by_currency.code if by_currency else None)
                or marketplaces.DEFAULT
            )
        currency = _money.currency_in(notes) or marketplaces.get(market).currency
        tz = _money.TIME_ZONES.get(market, "UTC")
        day_first = market not in ("US", "CA")
        day, clock, bad = _money.parse_times(raw.column(cols["date"]), tz, day_first=day_first)
        _money.refuse_bad(raw, bad, raw.header[cols["date"]], "a date and time")
        _money.refuse_blank(raw, day.isna(), raw.header[cols["date"]])

        def total_of(names: tuple[str, ...]) -> pd.Series:
            parts = [amounts[n].fillna(0.0) for n in names if n in amounts]
            return sum(parts, pd.Series(0.0, index=frame.index))

        out = pd.DataFrame(
            {
                "date": day,
                "time": clock,
                "settlement_id": frame["settlement_id"],
                "type": normalise_type(frame["type"]),
                "type_text": frame["type"],
                "description": frame.get("description", ""),
                "order_id": frame["order_id"],
                "sku": frame["sku"],
                "quantity": amounts["quantity"],
                "sales_channel": channel,
                "currency": currency,
                "product_sales": total_of(("product_sales",)),
                "shipping": total_of(("shipping_credits",)),
                "gift_wrap": total_of(("gift_wrap_credits",)),
                "promotions": total_of(("promotional_rebates",)),
                "taxes": total_of(TAXES),
                "withheld_tax": total_of(WITHHELD),
                "selling_fees": total_of(("selling_fees",)),
                "fba_fees": total_of(("fba_fees",)),
                "other": total_of(OTHER),
                "total": amounts["total"],
                "status": frame.get("status", ""),
            }
        )
        findings = _findings(raw, out)
        return dated_result(self.kind, self.table, raw, out, market, "date", findings)


def _findings(raw: RawReport, out: pd.DataFrame) -> list[Finding]:
    findings = []
    unknown = sorted(set(out.type_text[(out.type == "other") & (out.type_text != "")]))
    if unknown:
        findings.append(
            Finding(
                Severity.INFO,
                "money-type-unknown",
                "transaction types fupan does not know are counted as other fees: "
                + ", ".join(f'"{t}"' for t in unknown[:10]),
                file=str(raw.path),
            )
        )
    parts = ["product_sales", "shipping", "gift_wrap", "promotions", "taxes", "withheld_tax"]
    parts += ["selling_fees", "fba_fees", "other"]
    off = (out[parts].sum(axis=1) - out.total).abs() > 0.015
    if off.any():
        first = int(off.to_numpy().nonzero()[0][0])
        findings.append(
            Finding(
                Severity.WARNING,
                "money-total-mismatch",
                f"{int(off.sum())} line(s) have a total that is not the sum of their amounts "
                "(a column fupan does not read?); totals are taken as written",
                file=str(raw.path),
                row=raw.file_row(first),
            )
        )
    return findings
