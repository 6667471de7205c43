"""The Date Range report's header rows, per language and generation, and the field each
header names (the writer's cell keys)."""

from __future__ import annotations

from collections.abc import Iterable

_FRONT = ("date", "settlement_id", "type", "order_id", "sku", "description", "quantity")
_ORDER_PLACE = ("fulfillment", "order_city", "order_state", "order_postal")


def named_fields(names: str, fields: Iterable[str]) -> tuple[tuple[str, str], ...]:
    headers = names.split(",")
    fields = tuple(fields)
    assert len(headers) == len(fields), (len(headers), len(fields))
    return tuple(zip(headers, fields, strict=True))


# G2 and later: per-line tax columns.
G2_FIELDS = (
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
G3_FIELDS = (
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
G1_FIELDS = (
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
AU_FIELDS = (
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
JP_FIELDS = (
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


def with_status(names: str) -> str:
    """A 2025 header: the transaction status columns at its end."""
    return names + ",Transaction Status,Transaction Release Date"
