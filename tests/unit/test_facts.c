/*
 * facts: trade facts out of inquiries and quotations in English, Chinese
 * (simplified and traditional), Spanish, Portuguese, German, French,
 * Russian and Arabic (and a little Italian and Turkish).
 *
 * Most cases are a text and the exact JSON facts_to_json() must give for
 * it: that checks every field, and that nothing else was found. Then whole
 * messages, the struct itself, limits, invalid UTF-8 and pathological
 * input. Last, the keyword index (parsers/facts_scan.h) against trying
 * each entry, and the tables' first use from several threads at once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <jansson.h>

#include "parsers/facts.h"
#include "parsers/facts_scan.h"
#include "data/lexicon.h"

struct json_case {
	const char *text;
	const char *json;
};

struct message_case {
	const char *subject;
	const char *text;
	const char *json;
};

/* The JSON of subject + text, checked to be valid UTF-8 and to parse. */
static char *json_of(const char *subject, const char *text)
{
	struct trade_facts *f = facts_extract(subject, text);
	char *json = facts_to_json(f);
	json_error_t error;
	json_t *back;

	assert_non_null(json);
	assert_true(g_utf8_validate(json, -1, NULL));
	back = json_loads(json, 0, &error);
	assert_non_null(back);
	assert_true(json_is_object(back));
	assert_int_equal(json_object_size(back) == 0, facts_empty(f));
	json_decref(back);
	facts_free(&f);
	assert_null(f);
	return json;
}

static void check_cases(const struct json_case *cases, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		char *json = json_of(NULL, cases[k].text);

		if (strcmp(json, cases[k].json) != 0)
			print_message("case %zu: %s\n", k, cases[k].text);
		assert_string_equal(json, cases[k].json);
		g_free(json);
	}
}

/* Incoterms and their named place. */
static const struct json_case incoterm_cases[] = {
	{ "CIF: B12345678 (NIF de la empresa)",
	  "{}" },
	{ "Authorised and regulated by the Financial Conduct Authority (FCA).",
	  "{}" },
	{ "FOB 2026 price list",
	  "{\"incoterm\":\"FOB\"}" },
	{ "FOB Ningbo",
	  "{\"incoterm\":\"FOB\",\"incoterm_place\":\"Ningbo\"}" },
	{ "CIF Santos port",
	  "{\"incoterm\":\"CIF\",\"incoterm_place\":\"Santos\",\"destination_port\":\"Santos\",\"destination_country\":\"BR\"}" },
	{ "FOB Shanghai, China",
	  "{\"incoterm\":\"FOB\",\"incoterm_place\":\"Shanghai, China\"}" },
	{ "EXW our factory",
	  "{\"incoterm\":\"EXW\",\"incoterm_place\":\"our factory\"}" },
	{ "DDP Hamburg",
	  "{\"incoterm\":\"DDP\",\"incoterm_place\":\"Hamburg\",\"destination_port\":\"Hamburg\",\"destination_country\":\"DE\"}" },
	{ "FOB price",
	  "{\"incoterm\":\"FOB\"}" },
	{ "We make FOBS and key rings",
	  "{}" },
	{ "fob ningbo",
	  "{\"incoterm\":\"FOB\",\"incoterm_place\":\"ningbo\"}" },
	{ "C&F Karachi",
	  "{\"incoterm\":\"CFR\",\"incoterm_place\":\"Karachi\",\"destination_port\":\"Karachi\",\"destination_country\":\"PK\"}" },
	{ "CNF Lagos",
	  "{\"incoterm\":\"CFR\",\"incoterm_place\":\"Lagos\",\"destination_port\":\"Lagos\",\"destination_country\":\"NG\"}" },
	{ "DAT Rotterdam",
	  "{\"incoterm\":\"DPU\",\"incoterm_place\":\"Rotterdam\",\"destination_port\":\"Rotterdam\",\"destination_country\":\"NL\"}" },
	{ "FCA Hamburg",
	  "{\"incoterm\":\"FCA\",\"incoterm_place\":\"Hamburg\"}" },
	{ "CPT Moscow",
	  "{\"incoterm\":\"CPT\",\"incoterm_place\":\"Moscow\",\"destination_port\":\"Moscow\",\"destination_country\":\"RU\"}" },
	{ "CIP Almaty",
	  "{\"incoterm\":\"CIP\",\"incoterm_place\":\"Almaty\",\"destination_port\":\"Almaty\",\"destination_country\":\"KZ\"}" },
	{ "DAP your warehouse",
	  "{\"incoterm\":\"DAP\",\"incoterm_place\":\"your warehouse\"}" },
	{ "FAS Qingdao",
	  "{\"incoterm\":\"FAS\",\"incoterm_place\":\"Qingdao\"}" },
	{ "FOB宁波",
	  "{\"incoterm\":\"FOB\",\"incoterm_place\":\"宁波\"}" },
	{ "CIF Новороссийск",
	  "{\"incoterm\":\"CIF\",\"incoterm_place\":\"Новороссийск\",\"destination_port\":\"Novorossiysk\",\"destination_country\":\"RU\"}" },
	{ "CFR جدة",
	  "{\"incoterm\":\"CFR\",\"incoterm_place\":\"جدة\",\"destination_port\":\"Jeddah\",\"destination_country\":\"SA\"}" },
	{ "Incoterms 2020: FOB Xiamen",
	  "{\"incoterm\":\"FOB\",\"incoterm_place\":\"Xiamen\"}" },
	{ "DPU Port Klang",
	  "{\"incoterm\":\"DPU\",\"incoterm_place\":\"Port Klang\",\"destination_port\":\"Port Klang\",\"destination_country\":\"MY\"}" },
	{ "EXW Ningbo or FOB Shanghai",
	  "{\"incoterm\":\"EXW\",\"incoterm_place\":\"Ningbo\"}" },
	{ "FOB Ningbo Beilun port",
	  "{\"incoterm\":\"FOB\",\"incoterm_place\":\"Ningbo\"}" },
};

/* Quantities with units. */
static const struct json_case quantity_cases[] = {
	{ "200 pcs",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 pcs\"}]}" },
	{ "200pcs",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200pcs\"}]}" },
	{ "200 pieces",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 pieces\"}]}" },
	{ "2,000 units",
	  "{\"quantities\":[{\"value\":2000,\"unit\":\"units\",\"text\":\"2,000 units\"}]}" },
	{ "1.500 Stück",
	  "{\"quantities\":[{\"value\":1500,\"unit\":\"pcs\",\"text\":\"1.500 Stück\"}]}" },
	{ "200 Stk.",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 Stk\"}]}" },
	{ "200台",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"units\",\"text\":\"200台\"}]}" },
	{ "200个",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200个\"}]}" },
	{ "200件",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200件\"}]}" },
	{ "200套",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"sets\",\"text\":\"200套\"}]}" },
	{ "5吨",
	  "{\"quantities\":[{\"value\":5,\"unit\":\"t\",\"text\":\"5吨\"}]}" },
	{ "200 unidades",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"units\",\"text\":\"200 unidades\"}]}" },
	{ "200 peças",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 peças\"}]}" },
	{ "200 шт",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 шт\"}]}" },
	{ "200 штук",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 штук\"}]}" },
	{ "200 قطعة",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 قطعة\"}]}" },
	{ "٢٠٠ قطعة",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"٢٠٠ قطعة\"}]}" },
	{ "1x40HQ",
	  "{\"quantities\":[{\"value\":1,\"unit\":\"40ft\",\"text\":\"1x40HQ\"}]}" },
	{ "2 x 20GP",
	  "{\"quantities\":[{\"value\":2,\"unit\":\"20ft\",\"text\":\"2 x 20GP\"}]}" },
	{ "one 40ft container",
	  "{\"quantities\":[{\"value\":1,\"unit\":\"40ft\",\"text\":\"one 40ft container\"}]}" },
	{ "500 kg",
	  "{\"quantities\":[{\"value\":500,\"unit\":\"kg\",\"text\":\"500 kg\"}]}" },
	{ "20 tons/MT",
	  "{\"quantities\":[{\"value\":20,\"unit\":\"t\",\"text\":\"20 tons\"}]}" },
	{ "300 m",
	  "{\"quantities\":[{\"value\":300,\"unit\":\"m\",\"text\":\"300 m\"}]}" },
	{ "50 sets",
	  "{\"quantities\":[{\"value\":50,\"unit\":\"sets\",\"text\":\"50 sets\"}]}" },
	{ "100 cartons",
	  "{\"quantities\":[{\"value\":100,\"unit\":\"cartons\",\"text\":\"100 cartons\"}]}" },
	{ "10 pallets",
	  "{\"quantities\":[{\"value\":10,\"unit\":\"pallets\",\"text\":\"10 pallets\"}]}" },
	{ "1 500 шт",
	  "{\"quantities\":[{\"value\":1500,\"unit\":\"pcs\",\"text\":\"1 500 шт\"}]}" },
	{ "两个40尺柜",
	  "{\"quantities\":[{\"value\":2,\"unit\":\"40ft\",\"text\":\"两个40尺柜\"}]}" },
	{ "3 rolls, 20 pairs, 40 bags and 6 drums",
	  "{\"quantities\":[{\"value\":3,\"unit\":\"rolls\",\"text\":\"3 rolls\"},{\"value\":20,\"unit\":\"pairs\",\"text\":\"20 pairs\"},{\"value\":40,\"unit\":\"bags\",\"text\":\"40 bags\"},{\"value\":6,\"unit\":\"drums\",\"text\":\"6 drums\"}]}" },
	{ "1,000 pièces",
	  "{\"quantities\":[{\"value\":1000,\"unit\":\"pcs\",\"text\":\"1,000 pièces\"}]}" },
	{ "500 pezzi",
	  "{\"quantities\":[{\"value\":500,\"unit\":\"pcs\",\"text\":\"500 pezzi\"}]}" },
	{ "300 adet",
	  "{\"quantities\":[{\"value\":300,\"unit\":\"pcs\",\"text\":\"300 adet\"}]}" },
	{ "12 m² and 3 m³",
	  "{\"quantities\":[{\"value\":12,\"unit\":\"m2\",\"text\":\"12 m²\"},{\"value\":3,\"unit\":\"m3\",\"text\":\"3 m³\"}]}" },
	{ "100-200 pcs",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"100-200 pcs\"}]}" },
	{ "Qty: 500",
	  "{\"quantities\":[{\"value\":500,\"text\":\"Qty: 500\"}]}" },
	{ "数量：500",
	  "{\"quantities\":[{\"value\":500,\"text\":\"数量：500\"}]}" },
	/* A container size said after the container word; Indian "nos.". */
	{ "2 contenedores de 40 pies de bombas sumergibles QJ-4500/2",
	  "{\"products\":[\"QJ-4500/2\"],\"quantities\":[{\"value\":2,\"unit\":\"40ft\",\"text\":\"2 contenedores de 40 pies\"}]}" },
	{ "3 containers of 20ft",
	  "{\"quantities\":[{\"value\":3,\"unit\":\"20ft\",\"text\":\"3 containers of 20ft\"}]}" },
	{ "2 containers (40HQ) of valves",
	  "{\"products\":[\"valves\"],\"quantities\":[{\"value\":2,\"unit\":\"40ft\",\"text\":\"2 containers (40HQ)\"}]}" },
	{ "1 container 40' HC",
	  "{\"quantities\":[{\"value\":1,\"unit\":\"40ft\",\"text\":\"1 container 40' HC\"}]}" },
	{ "5 containers of pumps",
	  "{\"products\":[\"pumps\"],\"quantities\":[{\"value\":5,\"unit\":\"containers\",\"text\":\"5 containers\"}]}" },
	{ "We require 12 nos. XP-500 pumps",
	  "{\"products\":[\"XP-500\"],\"quantities\":[{\"value\":12,\"unit\":\"pcs\",\"text\":\"12 nos.\"}]}" },
	{ "Please quote 20 Nos of valves",
	  "{\"products\":[\"valves\"],\"quantities\":[{\"value\":20,\"unit\":\"pcs\",\"text\":\"20 Nos\"}]}" },
};

/* Prices, dates, phone numbers, percentages, model numbers: no quantity. */
static const struct json_case quantity_negative_cases[] = {
	{ "EUR 1.500 per set",
	  "{\"prices\":[{\"currency\":\"EUR\",\"amount\":1500,\"per\":\"sets\",\"text\":\"EUR 1.500 per set\"}]}" },
	{ "410美元/台",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":410,\"per\":\"units\",\"text\":\"410美元/台\"}]}" },
	{ "Tel. 0086-574-87654321, Fax 0574 8765 4322",
	  "{}" },
	{ "Our factory was founded in 2005 and has 200 workers.",
	  "{}" },
	{ "Please call +86 574 8765 4321",
	  "{}" },
	{ "Date: 24.11.2026",
	  "{}" },
	{ "2026-11-24",
	  "{}" },
	{ "30% T/T, 70% before shipment",
	  "{}" },
	{ "5个月",
	  "{}" },
	{ "Model XP-200 pcs",
	  "{\"products\":[\"XP-200\"]}" },
	{ "Room 501, Building 3",
	  "{}" },
	{ "at 10:30 am",
	  "{}" },
	{ "Enviamos nos. 12",
	  "{}" },
	{ "nos vemos en 2 semanas",
	  "{}" },
};

/* Prices. */
static const struct json_case price_cases[] = {
	{ "12,50 € par pièce",
	  "{\"prices\":[{\"currency\":\"EUR\",\"amount\":12.5,\"per\":\"pcs\",\"text\":\"12,50 € par pièce\"}]}" },
	{ "prezzo 9,80 EUR al pezzo",
	  "{\"prices\":[{\"currency\":\"EUR\",\"amount\":9.8,\"per\":\"pcs\",\"text\":\"9,80 EUR al pezzo\"}]}" },
	{ "JPY 1,200",
	  "{\"prices\":[{\"currency\":\"JPY\",\"amount\":1200,\"text\":\"JPY 1,200\"}]}" },
	{ "USD410/pc",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":410,\"per\":\"pcs\",\"text\":\"USD410/pc\"}]}" },
	{ "USD 410/pc",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":410,\"per\":\"pcs\",\"text\":\"USD 410/pc\"}]}" },
	{ "US$410 per unit",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":410,\"per\":\"units\",\"text\":\"US$410 per unit\"}]}" },
	{ "$4.10/pc",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":4.1,\"per\":\"pcs\",\"text\":\"$4.10/pc\"}]}" },
	{ "EUR 1.250,00",
	  "{\"prices\":[{\"currency\":\"EUR\",\"amount\":1250,\"text\":\"EUR 1.250,00\"}]}" },
	{ "€12,50/Stück",
	  "{\"prices\":[{\"currency\":\"EUR\",\"amount\":12.5,\"per\":\"pcs\",\"text\":\"€12,50/Stück\"}]}" },
	{ "410 USD",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":410,\"text\":\"410 USD\"}]}" },
	{ "RMB 2800/台",
	  "{\"prices\":[{\"currency\":\"CNY\",\"amount\":2800,\"per\":\"units\",\"text\":\"RMB 2800/台\"}]}" },
	{ "¥2,800",
	  "{\"prices\":[{\"currency\":\"CNY\",\"amount\":2800,\"text\":\"¥2,800\"}]}" },
	{ "R$ 35,00",
	  "{\"prices\":[{\"currency\":\"BRL\",\"amount\":35,\"text\":\"R$ 35,00\"}]}" },
	{ "AED 150",
	  "{\"prices\":[{\"currency\":\"AED\",\"amount\":150,\"text\":\"AED 150\"}]}" },
	{ "单价: 410美元",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":410,\"text\":\"410美元\"}]}" },
	{ "цена 410 долларов",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":410,\"text\":\"410 долларов\"}]}" },
	{ "Total amount: USD 82,000",
	  "{\"total\":{\"currency\":\"USD\",\"amount\":82000,\"text\":\"USD 82,000\"}}" },
	{ "USD 410/pc, total USD 82,000",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":410,\"per\":\"pcs\",\"text\":\"USD 410/pc\"}],"
	  "\"total\":{\"currency\":\"USD\",\"amount\":82000,\"text\":\"USD 82,000\"}}" },
	{ "每台410美元",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":410,\"per\":\"units\",\"text\":\"410美元\"}]}" },
	{ "150 درهم للقطعة",
	  "{\"prices\":[{\"currency\":\"AED\",\"amount\":150,\"per\":\"pcs\",\"text\":\"150 درهم للقطعة\"}]}" },
	{ "900 EUR por tonelada",
	  "{\"prices\":[{\"currency\":\"EUR\",\"amount\":900,\"per\":\"t\",\"text\":\"900 EUR por tonelada\"}]}" },
	{ "12,50 € pro Stück",
	  "{\"prices\":[{\"currency\":\"EUR\",\"amount\":12.5,\"per\":\"pcs\",\"text\":\"12,50 € pro Stück\"}]}" },
	{ "£3.20 each",
	  "{\"prices\":[{\"currency\":\"GBP\",\"amount\":3.2,\"per\":\"pcs\",\"text\":\"£3.20 each\"}]}" },
	{ "USD 500/MT",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":500,\"per\":\"t\",\"text\":\"USD 500/MT\"}]}" },
	{ "USD 4.10-4.50/pc",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":4.1,\"per\":\"pcs\",\"text\":\"USD 4.10-4.50/pc\"}]}" },
	{ "USD 2,500 per 40HQ",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":2500,\"per\":\"40ft\",\"text\":\"USD 2,500 per 40HQ\"}]}" },
};

/* A document's total: only with a total word; either decimal mark; the
 * last one written; a subtotal is none. */
#define TOTAL(cur, amount, text) \
	"{\"total\":{\"currency\":\"" cur "\",\"amount\":" amount ",\"text\":\"" text "\"}}"
static const struct json_case total_cases[] = {
	{ "Total: USD 12,345.00", TOTAL("USD", "12345", "USD 12,345.00") },
	{ "Total amount US$ 8.400,50", TOTAL("USD", "8400.5", "US$ 8.400,50") },
	{ "合计金额：USD 5,000", TOTAL("USD", "5000", "USD 5,000") },
	{ "Gesamtbetrag EUR 12.345,67", TOTAL("EUR", "12345.67", "EUR 12.345,67") },
	{ "Gesamtbetrag: 9.800,00 €", TOTAL("EUR", "9800", "9.800,00 €") },
	{ "Montant total : 4 500,00 EUR", TOTAL("EUR", "4500", "4 500,00 EUR") },
	{ "Importe total: USD 7,250.00", TOTAL("USD", "7250", "USD 7,250.00") },
	{ "Итого: 150 000 руб.", TOTAL("RUB", "150000", "150 000 руб") },
	{ "الإجمالي: USD 3,200", TOTAL("USD", "3200", "USD 3,200") },
	{ "總金額 USD 6,600", TOTAL("USD", "6600", "USD 6,600") },
	{ "TOTAL CIF Hamburg USD 12,000",
	  "{\"incoterm\":\"CIF\",\"incoterm_place\":\"Hamburg\",\"destination_port\":\"Hamburg\","
	  "\"destination_country\":\"DE\",\"total\":{\"currency\":\"USD\",\"amount\":12000,"
	  "\"text\":\"USD 12,000\"}}" },
	{ "USD 82,000 in total", TOTAL("USD", "82000", "USD 82,000") },
	/* the last one written: the grand total after the subtotal and freight */
	{ "Subtotal: USD 10,000.00\nFreight: USD 500.00\nTotal: USD 10,500.00",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":500,\"text\":\"USD 500.00\"}],"
	  "\"total\":{\"currency\":\"USD\",\"amount\":10500,\"text\":\"USD 10,500.00\"}}" },
	{ "Sub total USD 9,000", "{}" },
	{ "Zwischensumme: EUR 1.000,00", "{}" },
	/* no total word, no total: nothing is added up */
	{ "Amount: USD 12,000",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":12000,\"text\":\"USD 12,000\"}]}" },
	{ "Total 500 pcs", "{\"quantities\":[{\"value\":500,\"unit\":\"pcs\",\"text\":\"500 pcs\"}]}" },
	{ "Total: 12,000", "{}" },
};

/* Minimum order quantities. */
static const struct json_case moq_cases[] = {
	{ "MOQ: 500 pcs",
	  "{\"moq\":{\"value\":500,\"unit\":\"pcs\",\"text\":\"MOQ: 500 pcs\"}}" },
	{ "MOQ 500pcs",
	  "{\"moq\":{\"value\":500,\"unit\":\"pcs\",\"text\":\"MOQ 500pcs\"}}" },
	{ "minimum order quantity 500",
	  "{\"moq\":{\"value\":500,\"text\":\"minimum order quantity 500\"}}" },
	{ "最小起订量500台",
	  "{\"moq\":{\"value\":500,\"unit\":\"units\",\"text\":\"最小起订量500台\"}}" },
	{ "起订量：1000个",
	  "{\"moq\":{\"value\":1000,\"unit\":\"pcs\",\"text\":\"起订量：1000个\"}}" },
	{ "Mindestbestellmenge 500 Stück",
	  "{\"moq\":{\"value\":500,\"unit\":\"pcs\",\"text\":\"Mindestbestellmenge 500 Stück\"}}" },
	{ "pedido mínimo de 500 unidades",
	  "{\"moq\":{\"value\":500,\"unit\":\"units\",\"text\":\"pedido mínimo de 500 unidades\"}}" },
	{ "quantidade mínima 300 peças",
	  "{\"moq\":{\"value\":300,\"unit\":\"pcs\",\"text\":\"quantidade mínima 300 peças\"}}" },
	{ "quantité minimale de commande 100 pièces",
	  "{\"moq\":{\"value\":100,\"unit\":\"pcs\",\"text\":\"quantité minimale de commande 100 pièces\"}}" },
	{ "минимальный заказ 500 шт",
	  "{\"moq\":{\"value\":500,\"unit\":\"pcs\",\"text\":\"минимальный заказ 500 шт\"}}" },
	{ "الحد الأدنى للطلب 500 قطعة",
	  "{\"moq\":{\"value\":500,\"unit\":\"pcs\",\"text\":\"الحد الأدنى للطلب 500 قطعة\"}}" },
	{ "500台起订",
	  "{\"moq\":{\"value\":500,\"unit\":\"units\",\"text\":\"500台起订\"}}" },
	{ "MOQ: 1x20GP",
	  "{\"moq\":{\"value\":1,\"unit\":\"20ft\",\"text\":\"MOQ: 1x20GP\"}}" },
	{ "MOQ: 1 container of 20 feet",
	  "{\"moq\":{\"value\":1,\"unit\":\"20ft\",\"text\":\"MOQ: 1 container of 20 feet\"}}" },
	{ "What is your MOQ?",
	  "{}" },
	{ "MOQ (30% deposit)",
	  "{}" },
};

/* Destination ports and countries. */
static const struct json_case destination_cases[] = {
	{ "destination port: Santos",
	  "{\"destination_port\":\"Santos\",\"destination_country\":\"BR\"}" },
	{ "to Hamburg port",
	  "{\"destination_port\":\"Hamburg\",\"destination_country\":\"DE\"}" },
	{ "shipping to Dubai",
	  "{\"destination_port\":\"Dubai\",\"destination_country\":\"AE\"}" },
	{ "目的港：汉堡",
	  "{\"destination_port\":\"Hamburg\",\"destination_country\":\"DE\"}" },
	{ "Bestimmungshafen Hamburg",
	  "{\"destination_port\":\"Hamburg\",\"destination_country\":\"DE\"}" },
	{ "puerto de destino: Buenaventura",
	  "{\"destination_port\":\"Buenaventura\",\"destination_country\":\"CO\"}" },
	{ "porto de destino Santos",
	  "{\"destination_port\":\"Santos\",\"destination_country\":\"BR\"}" },
	{ "port de destination: Le Havre",
	  "{\"destination_port\":\"Le Havre\",\"destination_country\":\"FR\"}" },
	{ "порт назначения Новороссийск",
	  "{\"destination_port\":\"Novorossiysk\",\"destination_country\":\"RU\"}" },
	{ "ميناء الوصول جدة",
	  "{\"destination_port\":\"Jeddah\",\"destination_country\":\"SA\"}" },
	{ "destination port: Port Moresby",
	  "{\"destination_port\":\"Port Moresby\"}" },
	{ "Lieferung nach Deutschland",
	  "{\"destination_country\":\"DE\"}" },
	{ "доставка в Германию",
	  "{\"destination_country\":\"DE\"}" },
	{ "Welcome to China",
	  "{}" },
	{ "ship to Brasil",
	  "{\"destination_country\":\"BR\"}" },
	{ "运往迪拜",
	  "{\"destination_port\":\"Dubai\",\"destination_country\":\"AE\"}" },
	{ "目的港：高雄",
	  "{\"destination_port\":\"Kaohsiung\",\"destination_country\":\"TW\"}" },
	/* "puesto en" (delivered at) names the destination; more ports. */
	{ "la bomba XP-200 puesta en el puerto del Callao, Perú",
	  "{\"products\":[\"XP-200\"],\"destination_port\":\"Callao\",\"destination_country\":\"PE\"}" },
	{ "mercadoria posta em Santos",
	  "{\"destination_port\":\"Santos\",\"destination_country\":\"BR\"}" },
	{ "puesto en obra",
	  "{}" },
	{ "CFR Koper",
	  "{\"incoterm\":\"CFR\",\"incoterm_place\":\"Koper\",\"destination_port\":\"Koper\",\"destination_country\":\"SI\"}" },
	{ "resa DAP Napoli",
	  "{\"incoterm\":\"DAP\",\"incoterm_place\":\"Napoli\",\"destination_port\":\"Naples\",\"destination_country\":\"IT\"}" },
	{ "CIF Antofagasta",
	  "{\"incoterm\":\"CIF\",\"incoterm_place\":\"Antofagasta\",\"destination_port\":\"Antofagasta\",\"destination_country\":\"CL\"}" },
	{ "CIF Santos, destination port: Paranaguá",
	  "{\"incoterm\":\"CIF\",\"incoterm_place\":\"Santos\",\"destination_port\":\"Paranagua\",\"destination_country\":\"BR\"}" },
};

/* Delivery time. */
static const struct json_case delivery_cases[] = {
	{ "delivery to Brazil within 30 days",
	  "{\"destination_country\":\"BR\",\"delivery_time\":\"within 30 days\",\"delivery_days\":30}" },
	{ "срок поставки в течение 30 дней",
	  "{\"delivery_time\":\"в течение 30 дней\",\"delivery_days\":30}" },
	{ "交货期：约30天",
	  "{\"delivery_time\":\"约30天\",\"delivery_days\":30}" },
	{ "مدة التسليم خلال 30 يوما",
	  "{\"delivery_time\":\"خلال 30 يوما\",\"delivery_days\":30}" },
	{ "Lieferung innerhalb von 3 Wochen",
	  "{\"delivery_time\":\"innerhalb von 3 Wochen\",\"delivery_days\":21}" },
	{ "délai de livraison : 10 jours ouvrables",
	  "{\"delivery_time\":\"10 jours ouvrables\",\"delivery_days\":14}" },
	{ "tempi di consegna 20 giorni lavorativi",
	  "{\"delivery_time\":\"20 giorni lavorativi\",\"delivery_days\":28}" },
	{ "plazo de pago 30 días",
	  "{}" },
	{ "срок оплаты 30 дней",
	  "{}" },
	{ "prazo de pagamento 30 dias",
	  "{}" },
	{ "delivery within 30 days",
	  "{\"delivery_time\":\"within 30 days\",\"delivery_days\":30}" },
	{ "lead time: 4-6 weeks",
	  "{\"delivery_time\":\"4-6 weeks\",\"delivery_days\":42}" },
	{ "delivery time 25 working days",
	  "{\"delivery_time\":\"25 working days\",\"delivery_days\":35}" },
	{ "交货期30天",
	  "{\"delivery_time\":\"30天\",\"delivery_days\":30}" },
	{ "交期：两周",
	  "{\"delivery_time\":\"两周\",\"delivery_days\":14}" },
	{ "Lieferzeit 4 Wochen",
	  "{\"delivery_time\":\"4 Wochen\",\"delivery_days\":28}" },
	{ "plazo de entrega 30 días",
	  "{\"delivery_time\":\"30 días\",\"delivery_days\":30}" },
	{ "prazo de entrega de 45 dias",
	  "{\"delivery_time\":\"45 dias\",\"delivery_days\":45}" },
	{ "délai de livraison 3 semaines",
	  "{\"delivery_time\":\"3 semaines\",\"delivery_days\":21}" },
	{ "срок поставки 30 дней",
	  "{\"delivery_time\":\"30 дней\",\"delivery_days\":30}" },
	{ "مدة التسليم 30 يوما",
	  "{\"delivery_time\":\"30 يوما\",\"delivery_days\":30}" },
	{ "交货期：15-20个工作日",
	  "{\"delivery_time\":\"15-20个工作日\",\"delivery_days\":28}" },
	{ "lead time is about 2 months",
	  "{\"delivery_time\":\"about 2 months\",\"delivery_days\":60}" },
	{ "delivery within two weeks",
	  "{\"delivery_time\":\"within two weeks\",\"delivery_days\":14}" },
	{ "prazo de entrega 20 dias úteis",
	  "{\"delivery_time\":\"20 dias úteis\",\"delivery_days\":28}" },
	{ "delivery within 9000 days",
	  "{\"delivery_time\":\"within 9000 days\"}" },
	{ "delivery address: Room 501",
	  "{}" },
	{ "交貨期：兩週",
	  "{\"delivery_time\":\"兩週\",\"delivery_days\":14}" },
	/* Without a delivery anchor: a verb ("entregar"), or the goods with
	 * "within"; an explicit anchor wins, payment and validity do not
	 * count. */
	{ "Kindly also state your MOQ and the delivery time; we'd need the goods within 45 days.",
	  "{\"delivery_time\":\"within 45 days\",\"delivery_days\":45}" },
	{ "Die Ware sollte innerhalb von 6 Wochen in Hamburg sein.",
	  "{\"delivery_time\":\"innerhalb von 6 Wochen\",\"delivery_days\":42}" },
	{ "¿Podrían entregar en 5 semanas?",
	  "{\"delivery_time\":\"en 5 semanas\",\"delivery_days\":35}" },
	{ "A mercadoria deve chegar em até 40 dias",
	  "{\"delivery_time\":\"em até 40 dias\",\"delivery_days\":40}" },
	{ "Nous voulons la marchandise dans un délai de 3 semaines",
	  "{\"delivery_time\":\"dans un délai de 3 semaines\",\"delivery_days\":21}" },
	{ "Товар нужен в течение 20 дней",
	  "{\"delivery_time\":\"в течение 20 дней\",\"delivery_days\":20}" },
	{ "نحتاج البضاعة خلال 30 يوما",
	  "{\"delivery_time\":\"خلال 30 يوما\",\"delivery_days\":30}" },
	{ "货物需在30天内到港",
	  "{\"delivery_time\":\"30天\",\"delivery_days\":30}" },
	{ "제품은 30일 이내에 필요합니다",
	  "{\"delivery_time\":\"30일\",\"delivery_days\":30}" },
	{ "We need the goods in 30 days",
	  "{}" },
	{ "Please reply within 3 days",
	  "{}" },
	{ "Podemos entregar con pago dentro de 30 días",
	  "{}" },
	{ "Our offer for the goods is valid within 30 days",
	  "{}" },
	{ "Die Ware innerhalb von 2 Wochen, Lieferzeit: 4 Wochen",
	  "{\"delivery_time\":\"4 Wochen\",\"delivery_days\":28}" },
	{ "交货期：收到预付款后25天",
	  "{\"delivery_time\":\"25天\",\"delivery_days\":25}" },
	{ "Merci de répondre dans un délai de 5 jours",
	  "{}" },
	{ "Podrían entregar la cotización en 3 días",
	  "{}" },
	{ "Please ship the samples within 5 days",
	  "{}" },
	{ "срок поставки 10 рабочих дней",
	  "{\"delivery_time\":\"10 рабочих дней\",\"delivery_days\":14}" },
};

/* Quotation, offer and PI numbers. */
static const struct json_case reference_cases[] = {
	{ "Quotation No. Q-2026-118",
	  "{\"reference\":\"Q-2026-118\"}" },
	{ "PI No.: PI-2026-118",
	  "{\"reference\":\"PI-2026-118\"}" },
	{ "Proforma Invoice #2026118",
	  "{\"reference\":\"2026118\"}" },
	{ "Offer ref. AP/26/118",
	  "{\"reference\":\"AP/26/118\"}" },
	{ "报价单号：BJ20261118",
	  "{\"reference\":\"BJ20261118\"}" },
	{ "Angebot Nr. 2026-118",
	  "{\"reference\":\"2026-118\"}" },
	{ "Cotización N° 118-2026",
	  "{\"reference\":\"118-2026\"}" },
	{ "Cotação nº 118",
	  "{\"reference\":\"118\"}" },
	{ "Devis n° 118",
	  "{\"reference\":\"118\"}" },
	{ "Коммерческое предложение № 118",
	  "{\"reference\":\"118\"}" },
	{ "عرض سعر رقم 118",
	  "{\"reference\":\"118\"}" },
	{ "Re: PI",
	  "{}" },
	{ "We offer 200 pcs",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 pcs\"}]}" },
	{ "Quotation for 200 pcs",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 pcs\"}]}" },
	{ "Please see PI-2026-120 attached.",
	  "{\"reference\":\"PI-2026-120\"}" },
	/* The reference is no model number, wherever else it is written. */
	{ "COT-2026-0457 bomba XP-200\nAdjuntamos la cotización N° COT-2026-0457.",
	  "{\"products\":[\"XP-200\"],\"reference\":\"COT-2026-0457\"}" },
	{ "Oferta nr OF/2026/118 - pompy XP-200\nprzesyłamy ofertę nr of/2026/118:",
	  "{\"products\":[\"XP-200\"],\"reference\":\"OF/2026/118\"}" },
	{ "Quotation No. Q-7 for Q-7X pumps",
	  "{\"products\":[\"Q-7X\"],\"reference\":\"Q-7\"}" },
	/* A number without letters elsewhere may be a quantity. */
	{ "Cotação nº 118 para 118 peças",
	  "{\"quantities\":[{\"value\":118,\"unit\":\"pcs\",\"text\":\"118 peças\"}],\"reference\":\"118\"}" },
	/* Tender, order and RFQ numbers: no reference, no model number. */
	{ "Tender AW/2026/44: supply of pumps XP-500",
	  "{\"products\":[\"XP-500\"]}" },
	{ "Licitación LP-2026-0031, bombas QJ-4500/2",
	  "{\"products\":[\"QJ-4500/2\"]}" },
	{ "PO No. AB4500123 for 20 pcs",
	  "{\"quantities\":[{\"value\":20,\"unit\":\"pcs\",\"text\":\"20 pcs\"}]}" },
	{ "Our RFQ #RFQ-26-118 (see RFQ-26-118.pdf)",
	  "{}" },
	{ "Tender: XP-500 pumps",
	  "{\"products\":[\"XP-500\"]}" },
	{ "RFQ: CDL-32-50 vertical pumps",
	  "{\"products\":[\"CDL-32-50\"]}" },
	{ "We order 20 pcs XP-200",
	  "{\"products\":[\"XP-200\"],\"quantities\":[{\"value\":20,\"unit\":\"pcs\",\"text\":\"20 pcs\"}]}" },
};

/* Model numbers and named products. */
static const struct json_case product_cases[] = {
	{ "200 pcs stainless steel ball valves",
	  "{\"products\":[\"stainless steel ball valves\"],\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 pcs\"}]}" },
	{ "XP-200, SS304, DN50, QJ-4500/2 and 6205-2RS",
	  "{\"products\":[\"XP-200\",\"SS304\",\"DN50\",\"QJ-4500/2\",\"6205-2RS\"]}" },
	{ "Q3 2026, ISO9001, 24-Nov-2026, 10am, 3rd, 30days, 1200x600mm, 5kW, 220V",
	  "{}" },
	{ "sales01@abc.com www.abc123.com",
	  "{}" },
	{ "200个不锈钢球阀，请报价",
	  "{\"products\":[\"不锈钢球阀\"],\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200个\"}]}" },
	{ "500 unidades de válvulas de bola para Colombia",
	  "{\"products\":[\"válvulas de bola\"],\"quantities\":[{\"value\":500,\"unit\":\"units\",\"text\":\"500 unidades\"}]}" },
	{ "200 Stück Kugelhähne DN50",
	  "{\"products\":[\"Kugelhähne\",\"DN50\"],\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 Stück\"}]}" },
	{ "200 шт шаровых кранов",
	  "{\"products\":[\"шаровых кранов\"],\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 шт\"}]}" },
	{ "XP-200 and xp-200 again",
	  "{\"products\":[\"XP-200\"]}" },
	{ "Model 304L and SS316L",
	  "{\"products\":[\"304L\",\"SS316L\"]}" },
	/* The phrase starts after "of", "de la", "من"; a catalogue model
	 * number after it is the product, the phrase only its generic name. */
	{ "200 pcs of mechanical seals for our plant",
	  "{\"products\":[\"mechanical seals\"],\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 pcs\"}]}" },
	{ "100 pcs of mechanical seals MS-35",
	  "{\"products\":[\"MS-35\"],\"quantities\":[{\"value\":100,\"unit\":\"pcs\",\"text\":\"100 pcs\"}]}" },
	{ "10 unidades de la bomba sumergible, CIF",
	  "{\"products\":[\"bomba sumergible\"],\"quantities\":[{\"value\":10,\"unit\":\"units\",\"text\":\"10 unidades\"}],\"incoterm\":\"CIF\"}" },
	{ "12 unidades de la bomba XP-350",
	  "{\"products\":[\"XP-350\"],\"quantities\":[{\"value\":12,\"unit\":\"units\",\"text\":\"12 unidades\"}]}" },
	{ "12 unidades da bomba de esgoto WQ-50-15",
	  "{\"products\":[\"WQ-50-15\"],\"quantities\":[{\"value\":12,\"unit\":\"units\",\"text\":\"12 unidades\"}]}" },
	{ "50 Stück der Kugelhähne",
	  "{\"products\":[\"Kugelhähne\"],\"quantities\":[{\"value\":50,\"unit\":\"pcs\",\"text\":\"50 Stück\"}]}" },
	{ "200 قطعة من المضخات طراز XP-200",
	  "{\"products\":[\"XP-200\"],\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 قطعة\"}]}" },
	{ "20 طقم من المضخات للمشروع",
	  "{\"products\":[\"المضخات للمشروع\"],\"quantities\":[{\"value\":20,\"unit\":\"sets\",\"text\":\"20 طقم\"}]}" },
	{ "200 pcs of model: XP-200",
	  "{\"products\":[\"XP-200\"],\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 pcs\"}]}" },
	{ "200 pcs of of of valves",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 pcs\"}]}" },
	{ "20 sets de la.",
	  "{\"quantities\":[{\"value\":20,\"unit\":\"sets\",\"text\":\"20 sets\"}]}" },
	/* Japanese says the counter after the product: what follows is the
	 * rest of the sentence. */
	{ "遠心ポンプXP-200を100台購入したく",
	  "{\"products\":[\"XP-200\"],\"quantities\":[{\"value\":100,\"unit\":\"units\",\"text\":\"100台\"}]}" },
	{ "50個追加で注文したいのですが",
	  "{\"quantities\":[{\"value\":50,\"unit\":\"pcs\",\"text\":\"50個\"}]}" },
	{ "Datasheet XP-200.pdf and drawing QJ-4500.dwg attached.",
	  "{\"products\":[\"XP-200\",\"QJ-4500\"]}" },
};

/* Japanese, Korean (particles glued to the word), Polish and Vietnamese. */
static const struct json_case language_cases[] = {
	/* Japanese */
	{ "遠心ポンプXP-200を100台購入したく、CIF横浜でのお見積りをお願いいたします。",
	  "{\"products\":[\"XP-200\"],\"quantities\":[{\"value\":100,\"unit\":\"units\",\"text\":\"100台\"}],\"incoterm\":\"CIF\",\"incoterm_place\":\"横浜\",\"destination_port\":\"Yokohama\",\"destination_country\":\"JP\"}" },
	{ "納期は60日以内を希望しております。",
	  "{\"delivery_time\":\"60日\",\"delivery_days\":60}" },
	{ "最小発注数量：20台",
	  "{\"moq\":{\"value\":20,\"unit\":\"units\",\"text\":\"最小発注数量：20台\"}}" },
	{ "お見積書（見積番号：Q-2026-1130）を添付にてお送りいたします。",
	  "{\"reference\":\"Q-2026-1130\"}" },
	{ "納期：12月24日",
	  "{}" },
	{ "納期：約3ヶ月",
	  "{\"delivery_time\":\"約3ヶ月\",\"delivery_days\":90}" },
	{ "リードタイム：10営業日",
	  "{\"delivery_time\":\"10営業日\",\"delivery_days\":14}" },
	{ "納期：6週間",
	  "{\"delivery_time\":\"6週間\",\"delivery_days\":42}" },
	{ "50本と10セット",
	  "{\"quantities\":[{\"value\":50,\"unit\":\"pcs\",\"text\":\"50本\"},{\"value\":10,\"unit\":\"sets\",\"text\":\"10セット\"}]}" },
	{ "仕向港：神戸",
	  "{\"destination_port\":\"Kobe\",\"destination_country\":\"JP\"}" },
	/* Korean */
	{ "XP-200 원심펌프 150대에 대한 견적을 요청드립니다. 조건은 CIF 부산이며, 납기는 40일 이내로 부탁드립니다.",
	  "{\"products\":[\"XP-200\"],\"quantities\":[{\"value\":150,\"unit\":\"units\",\"text\":\"150대\"}],\"incoterm\":\"CIF\",\"incoterm_place\":\"부산\",\"destination_port\":\"Busan\",\"destination_country\":\"KR\",\"delivery_time\":\"40일\",\"delivery_days\":40}" },
	{ "단가 USD 415/대",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":415,\"per\":\"units\",\"text\":\"USD 415/대\"}]}" },
	{ "최소 주문 수량: 30대",
	  "{\"moq\":{\"value\":30,\"unit\":\"units\",\"text\":\"최소 주문 수량: 30대\"}}" },
	{ "견적서 번호 Q-2026-1140을 첨부하여 보내드립니다.",
	  "{\"reference\":\"Q-2026-1140\"}" },
	{ "수량은 50개이고 FOB 닝보 조건으로 견적 부탁드립니다.",
	  "{\"quantities\":[{\"value\":50,\"unit\":\"pcs\",\"text\":\"50개\"}],\"incoterm\":\"FOB\",\"incoterm_place\":\"닝보\"}" },
	{ "납기: 2개월",
	  "{\"delivery_time\":\"2개월\",\"delivery_days\":60}" },
	{ "납기: 11월 30일",
	  "{}" },
	{ "도착항: 인천",
	  "{\"destination_port\":\"Incheon\",\"destination_country\":\"KR\"}" },
	{ "CIF 두바이이며",
	  "{\"incoterm\":\"CIF\",\"incoterm_place\":\"두바이\",\"destination_port\":\"Dubai\",\"destination_country\":\"AE\"}" },
	{ "CIF 목포이며",
	  "{\"incoterm\":\"CIF\",\"incoterm_place\":\"목포\",\"destination_port\":\"목포\"}" },
	{ "10세트를 주문합니다",
	  "{\"quantities\":[{\"value\":10,\"unit\":\"sets\",\"text\":\"10세트\"}]}" },
	/* Polish */
	{ "Prosimy o ofertę na pompy XP-200 - 120 szt., CIF Gdańsk.",
	  "{\"products\":[\"XP-200\"],\"quantities\":[{\"value\":120,\"unit\":\"pcs\",\"text\":\"120 szt.\"}],\"incoterm\":\"CIF\",\"incoterm_place\":\"Gdańsk\",\"destination_port\":\"Gdansk\",\"destination_country\":\"PL\"}" },
	{ "Termin dostawy: maksymalnie 6 tygodni.",
	  "{\"delivery_time\":\"maksymalnie 6 tygodni\",\"delivery_days\":42}" },
	{ "cena USD 400/szt., CIF Gdańsk",
	  "{\"incoterm\":\"CIF\",\"incoterm_place\":\"Gdańsk\",\"prices\":[{\"currency\":\"USD\",\"amount\":400,\"per\":\"pcs\",\"text\":\"USD 400/szt.\"}],\"destination_port\":\"Gdansk\",\"destination_country\":\"PL\"}" },
	{ "Minimalne zamówienie: 40 szt.",
	  "{\"moq\":{\"value\":40,\"unit\":\"pcs\",\"text\":\"Minimalne zamówienie: 40 szt.\"}}" },
	{ "25 sztuk i 10 kompletów",
	  "{\"quantities\":[{\"value\":25,\"unit\":\"pcs\",\"text\":\"25 sztuk\"},{\"value\":10,\"unit\":\"sets\",\"text\":\"10 kompletów\"}]}" },
	{ "Czas realizacji: 30 dni roboczych",
	  "{\"delivery_time\":\"30 dni roboczych\",\"delivery_days\":42}" },
	{ "port docelowy: Gdynia",
	  "{\"destination_port\":\"Gdynia\",\"destination_country\":\"PL\"}" },
	/* Vietnamese */
	{ "số lượng 200 chiếc, điều kiện CIF Cát Lái",
	  "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 chiếc\"}],\"incoterm\":\"CIF\",\"incoterm_place\":\"Cát Lái\",\"destination_port\":\"Ho Chi Minh City\",\"destination_country\":\"VN\"}" },
	{ "Thời gian giao hàng mong muốn: trong vòng 30 ngày.",
	  "{\"delivery_time\":\"trong vòng 30 ngày\",\"delivery_days\":30}" },
	{ "đơn giá USD 399/chiếc",
	  "{\"prices\":[{\"currency\":\"USD\",\"amount\":399,\"per\":\"pcs\",\"text\":\"USD 399/chiếc\"}]}" },
	{ "Số lượng đặt hàng tối thiểu: 50 chiếc",
	  "{\"moq\":{\"value\":50,\"unit\":\"pcs\",\"text\":\"Số lượng đặt hàng tối thiểu: 50 chiếc\"}}" },
	{ "Chúng tôi xin gửi báo giá số BG-2026-0118 như sau",
	  "{\"reference\":\"BG-2026-0118\"}" },
	{ "số lượng 10 bộ, giao hàng FOB Thượng Hải",
	  "{\"quantities\":[{\"value\":10,\"unit\":\"sets\",\"text\":\"10 bộ\"}],\"incoterm\":\"FOB\",\"incoterm_place\":\"Thượng Hải\"}" },
	{ "cảng đến: Hải Phòng",
	  "{\"destination_port\":\"Haiphong\",\"destination_country\":\"VN\"}" },
};

/* Whole messages: subject and text, each in its language. */
static const struct message_case messages[] = {
	/* An English inquiry. */
	{ "Inquiry: ball valves XP-200, CIF Santos",
	  "Dear Sir,\n"
	  "\n"
	  "We are interested in your stainless steel ball valves. Please quote for:\n"
	  "\n"
	  "Model XP-200, DN50: 2,000 pcs\n"
	  "Model QJ-4500/2: 500 sets\n"
	  "\n"
	  "Price terms: CIF Santos port, Brazil. Delivery within 30 days after deposit.\n"
	  "Please also tell us your MOQ and the payment terms (30% T/T).\n"
	  "\n"
	  "Best regards,\n"
	  "Maria Silva\n"
	  "Tel: +55 11 3456 7890\n"
	  "maria@example.com.br\n",
	  "{\"products\":[\"XP-200\",\"DN50\",\"QJ-4500/2\"]"
	  ",\"quantities\":[{\"value\":2000,\"unit\":\"pcs\",\"text\":\"2,000 pcs\"},{\"value\":500,\"unit\":\"sets\",\"text\":\"500 sets\"}]"
	  ",\"incoterm\":\"CIF\""
	  ",\"incoterm_place\":\"Santos\""
	  ",\"destination_port\":\"Santos\""
	  ",\"destination_country\":\"BR\""
	  ",\"delivery_time\":\"within 30 days\""
	  ",\"delivery_days\":30}" },
	/* A German Angebot. */
	{ "AW: Anfrage Kugelhähne",
	  "Sehr geehrte Damen und Herren,\n"
	  "\n"
	  "vielen Dank für Ihre Anfrage. Unser Angebot Nr. 2026-118:\n"
	  "\n"
	  "1.500 Stück Kugelhähne DN50, Preis: €12,50/Stück, FCA Hamburg.\n"
	  "Mindestbestellmenge 500 Stück.\n"
	  "Lieferzeit: ca. 4-6 Wochen nach Auftragseingang.\n"
	  "\n"
	  "Mit freundlichen Grüßen\n",
	  "{\"products\":[\"Kugelhähne\",\"DN50\"]"
	  ",\"quantities\":[{\"value\":1500,\"unit\":\"pcs\",\"text\":\"1.500 Stück\"}]"
	  ",\"incoterm\":\"FCA\""
	  ",\"incoterm_place\":\"Hamburg\""
	  ",\"prices\":[{\"currency\":\"EUR\",\"amount\":12.5,\"per\":\"pcs\",\"text\":\"€12,50/Stück\"}]"
	  ",\"moq\":{\"value\":500,\"unit\":\"pcs\",\"text\":\"Mindestbestellmenge 500 Stück\"}"
	  ",\"delivery_time\":\"ca. 4-6 Wochen\""
	  ",\"delivery_days\":42"
	  ",\"reference\":\"2026-118\"}" },
	/* A Chinese 询价 (inquiry). */
	{ "询价：不锈钢球阀",
	  "您好！\n"
	  "\n"
	  "我司需要采购不锈钢球阀，型号：QJ-4500/2，数量：200台，FOB宁波价格。\n"
	  "目的港：汉堡。交货期30天。请报最优价格。\n"
	  "\n"
	  "谢谢！\n",
	  "{\"products\":[\"QJ-4500/2\"]"
	  ",\"quantities\":[{\"value\":200,\"unit\":\"units\",\"text\":\"200台\"}]"
	  ",\"incoterm\":\"FOB\""
	  ",\"incoterm_place\":\"宁波\""
	  ",\"destination_port\":\"Hamburg\""
	  ",\"destination_country\":\"DE\""
	  ",\"delivery_time\":\"30天\""
	  ",\"delivery_days\":30}" },
	/* A Spanish cotización. */
	{ "Cotización N° 118-2026",
	  "Estimado cliente:\n"
	  "\n"
	  "Adjuntamos la cotización N° 118-2026 para 500 unidades de válvulas de bola SS304.\n"
	  "Precio unitario: USD 4.10/pc FOB Shanghai, China.\n"
	  "Pedido mínimo de 500 unidades. Plazo de entrega 30 días hábiles.\n"
	  "Puerto de destino: Buenaventura.\n"
	  "\n"
	  "Saludos cordiales\n",
	  "{\"products\":[\"válvulas de bola\",\"SS304\"]"
	  ",\"quantities\":[{\"value\":500,\"unit\":\"units\",\"text\":\"500 unidades\"}]"
	  ",\"incoterm\":\"FOB\""
	  ",\"incoterm_place\":\"Shanghai, China\""
	  ",\"prices\":[{\"currency\":\"USD\",\"amount\":4.1,\"per\":\"pcs\",\"text\":\"USD 4.10/pc\"}]"
	  ",\"moq\":{\"value\":500,\"unit\":\"units\",\"text\":\"Pedido mínimo de 500 unidades\"}"
	  ",\"destination_port\":\"Buenaventura\""
	  ",\"destination_country\":\"CO\""
	  ",\"delivery_time\":\"30 días hábiles\""
	  ",\"delivery_days\":42"
	  ",\"reference\":\"118-2026\"}" },
	/* A Brazilian cotação. */
	{ "Re: Cotação nº 118",
	  "Prezado senhor,\n"
	  "\n"
	  "Segue a cotação nº 118 conforme solicitado:\n"
	  "- 300 peças de válvulas esfera modelo XP-200\n"
	  "- Preço: R$ 35,00 por peça, CIF Santos\n"
	  "- Prazo de entrega de 45 dias\n"
	  "- Quantidade mínima: 100 peças\n"
	  "\n"
	  "Atenciosamente\n",
	  "{\"products\":[\"XP-200\"]"
	  ",\"quantities\":[{\"value\":300,\"unit\":\"pcs\",\"text\":\"300 peças\"}]"
	  ",\"incoterm\":\"CIF\""
	  ",\"incoterm_place\":\"Santos\""
	  ",\"prices\":[{\"currency\":\"BRL\",\"amount\":35,\"per\":\"pcs\",\"text\":\"R$ 35,00 por peça\"}]"
	  ",\"moq\":{\"value\":100,\"unit\":\"pcs\",\"text\":\"Quantidade mínima: 100 peças\"}"
	  ",\"destination_port\":\"Santos\""
	  ",\"destination_country\":\"BR\""
	  ",\"delivery_time\":\"45 dias\""
	  ",\"delivery_days\":45"
	  ",\"reference\":\"118\"}" },
	/* A Russian запрос (request for an offer). */
	{ "Запрос КП",
	  "Здравствуйте!\n"
	  "\n"
	  "Просим выслать коммерческое предложение на шаровые краны DN50:\n"
	  "количество 500 шт, условия поставки CIF Новороссийск.\n"
	  "Срок поставки 30 дней. Минимальный заказ 500 шт?\n"
	  "\n"
	  "С уважением\n",
	  "{\"products\":[\"DN50\"]"
	  ",\"quantities\":[{\"value\":500,\"unit\":\"pcs\",\"text\":\"500 шт\"}]"
	  ",\"incoterm\":\"CIF\""
	  ",\"incoterm_place\":\"Новороссийск\""
	  ",\"moq\":{\"value\":500,\"unit\":\"pcs\",\"text\":\"Минимальный заказ 500 шт\"}"
	  ",\"destination_port\":\"Novorossiysk\""
	  ",\"destination_country\":\"RU\""
	  ",\"delivery_time\":\"30 дней\""
	  ",\"delivery_days\":30}" },
	/* An Arabic طلب عرض سعر (request for a quotation). */
	{ "طلب عرض سعر",
	  "السلام عليكم،\n"
	  "\n"
	  "نرجو منكم إرسال عرض سعر لـ 200 قطعة من الصمامات الكروية موديل XP-200.\n"
	  "الشحن إلى دبي، CIF جبل علي.\n"
	  "مدة التسليم 30 يوما. السعر المطلوب بالدولار.\n"
	  "\n"
	  "مع التحية\n",
	  "{\"products\":[\"XP-200\"]"
	  ",\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 قطعة\"}]"
	  ",\"incoterm\":\"CIF\""
	  ",\"incoterm_place\":\"جبل علي\""
	  ",\"destination_port\":\"Dubai\""
	  ",\"destination_country\":\"AE\""
	  ",\"delivery_time\":\"30 يوما\""
	  ",\"delivery_days\":30}" },
};

#define CASE_TEST(name) \
	static void test_##name(void **state) \
	{ \
		(void)state; \
		check_cases(name##_cases, G_N_ELEMENTS(name##_cases)); \
	}

CASE_TEST(incoterm)
CASE_TEST(quantity)
CASE_TEST(quantity_negative)
CASE_TEST(price)
CASE_TEST(total)
CASE_TEST(moq)
CASE_TEST(destination)
CASE_TEST(delivery)
CASE_TEST(reference)
CASE_TEST(product)
CASE_TEST(language)

static void test_messages(void **state)
{
	(void)state;
	for (size_t k = 0; k < G_N_ELEMENTS(messages); k++) {
		char *json = json_of(messages[k].subject, messages[k].text);

		if (strcmp(json, messages[k].json) != 0)
			print_message("message %zu: %s\n", k, messages[k].subject);
		assert_string_equal(json, messages[k].json);
		g_free(json);
	}
}

/* The struct behind the JSON: numbers, NULLs, delivery_days. */
static void test_struct_fields(void **state)
{
	struct trade_facts *f;

	(void)state;
	f = facts_extract("Offer ref. AP/26/118",
	                  "300 sets, 2.5 t. Price: USD 1,200.50/set, EUR 900 CIP Genoa.\n"
	                  "Minimum order quantity 50. Lead time: 6-8 weeks.");
	assert_non_null(f->products);
	assert_null(f->products[0]);
	assert_int_equal(f->n_quantities, 2);
	assert_true(f->quantities[0].value == 300);
	assert_string_equal(f->quantities[0].unit, "sets");
	assert_string_equal(f->quantities[0].text, "300 sets");
	assert_true(f->quantities[1].value == 2.5);
	assert_string_equal(f->quantities[1].unit, "t");
	assert_int_equal(f->n_prices, 2);
	assert_string_equal(f->prices[0].currency, "USD");
	assert_true(f->prices[0].amount == 1200.5);
	assert_string_equal(f->prices[0].per, "sets");
	assert_string_equal(f->prices[1].currency, "EUR");
	assert_true(f->prices[1].amount == 900);
	assert_null(f->prices[1].per);
	assert_string_equal(f->incoterm, "CIP");
	assert_string_equal(f->incoterm_place, "Genoa");
	assert_string_equal(f->destination_port, "Genoa");
	assert_string_equal(f->destination_country, "IT");
	assert_true(f->has_moq);
	assert_true(f->moq.value == 50);
	assert_null(f->moq.unit);
	assert_string_equal(f->delivery_time, "6-8 weeks");
	assert_int_equal(f->delivery_days, 56);
	assert_string_equal(f->reference, "AP/26/118");
	assert_false(facts_empty(f));
	facts_free(&f);
	assert_null(f);

	/* The total is a price without per-unit, apart from the prices. */
	f = facts_extract("Proforma Invoice PI-2026-118",
	                  "USD 4.10/pc x 2,000 pcs\nTotal amount: USD 8,200.00");
	assert_int_equal(f->n_prices, 1);
	assert_true(f->has_total);
	assert_string_equal(f->total.currency, "USD");
	assert_true(f->total.amount == 8200);
	assert_null(f->total.per);
	assert_string_equal(f->total.text, "USD 8,200.00");
	assert_string_equal(f->reference, "PI-2026-118");
	facts_free(&f);

	/* A duration too long to be meant stays as written, without days. */
	f = facts_extract(NULL, "Lieferzeit 500 Monate");
	assert_string_equal(f->delivery_time, "500 Monate");
	assert_int_equal(f->delivery_days, -1);
	facts_free(&f);
}

static void test_nothing(void **state)
{
	struct trade_facts *f;
	char *json;

	(void)state;
	f = facts_extract(NULL, NULL);
	assert_true(facts_empty(f));
	assert_non_null(f->products);
	assert_null(f->products[0]);
	assert_int_equal(f->delivery_days, -1);
	json = facts_to_json(f);
	assert_string_equal(json, "{}");
	g_free(json);
	facts_free(&f);
	facts_free(&f);                 /* NULL again: nothing to do */
	assert_null(f);

	json = facts_to_json(NULL);
	assert_string_equal(json, "{}");
	g_free(json);
	assert_true(facts_empty(NULL));

	f = facts_extract("", "Dear Sir, please send your catalogue. Best regards");
	assert_true(facts_empty(f));
	facts_free(&f);
}

/* The subject is read first: its reference wins over the body's. */
static void test_subject(void **state)
{
	char *json;

	(void)state;
	json = json_of("Quotation No. Q-1001", "PI No.: PI-2002\nFOB Xiamen");
	assert_string_equal(json, "{\"incoterm\":\"FOB\",\"incoterm_place\":\"Xiamen\","
	                          "\"reference\":\"Q-1001\"}");
	g_free(json);
	json = json_of("Inquiry: 500 pcs ball valves, CIF Dubai", NULL);
	assert_string_equal(json, "{\"products\":[\"ball valves\"],"
	                          "\"quantities\":[{\"value\":500,\"unit\":\"pcs\",\"text\":\"500 pcs\"}],"
	                          "\"incoterm\":\"CIF\",\"incoterm_place\":\"Dubai\","
	                          "\"destination_port\":\"Dubai\",\"destination_country\":\"AE\"}");
	g_free(json);
	/* Subject and text never run into one phrase. */
	json = json_of("200 pcs", "stainless steel valves");
	assert_string_equal(json, "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 pcs\"}]}");
	g_free(json);
}

/* Invalid UTF-8 ends the part it is in; what came before is read. */
static void test_invalid_utf8(void **state)
{
	char *json;

	(void)state;
	json = json_of(NULL, "FOB Ningbo, 200 pcs \xff\xfe USD 4.10/pc");
	assert_string_equal(json, "{\"quantities\":[{\"value\":200,\"unit\":\"pcs\",\"text\":\"200 pcs\"}],"
	                          "\"incoterm\":\"FOB\",\"incoterm_place\":\"Ningbo\"}");
	g_free(json);
	/* A lone lead byte and an overlong form. */
	json = json_of("MOQ 500 pcs \xe6\xb1", "\xc0\xaf FOB Ningbo");
	assert_string_equal(json, "{\"moq\":{\"value\":500,\"unit\":\"pcs\",\"text\":\"MOQ 500 pcs\"}}");
	g_free(json);
	json = json_of("\x80", "\xf8\x88\x80\x80\x80");
	assert_string_equal(json, "{}");
	g_free(json);
}

/* A struct filled by hand (as a caller might): what jansson refuses (bad
 * UTF-8) is left out, the rest is printed. */
static void test_json_by_hand(void **state)
{
	char *products[] = { "XP-200", "bad \xff", NULL };
	struct facts_quantity q = { 0.25, "t", "0,25 t" };
	struct facts_price p = { "USD", 1e15, NULL, NULL };
	struct trade_facts f;
	char *json;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.products = products;
	f.quantities = &q;
	f.n_quantities = 1;
	f.prices = &p;
	f.n_prices = 1;
	f.incoterm = "DAP";
	f.delivery_time = "soon";
	f.delivery_days = -1;
	json = facts_to_json(&f);
	assert_string_equal(json, "{\"products\":[\"XP-200\"],"
	                          "\"quantities\":[{\"value\":0.25,\"unit\":\"t\",\"text\":\"0,25 t\"}],"
	                          "\"incoterm\":\"DAP\","
	                          "\"prices\":[{\"currency\":\"USD\",\"amount\":1000000000000000}],"
	                          "\"delivery_time\":\"soon\"}");
	g_free(json);
}

/* At most 20 products, quantities and prices; products each once. */
static void test_limits(void **state)
{
	GString *text = g_string_new(NULL);
	struct trade_facts *f;

	(void)state;
	for (int k = 1; k <= 30; k++)
		g_string_append_printf(text, "Model XP-%d: %d pcs at USD %d.50/pc; XP-%d again.\n",
		                       k, k * 10, k, k);
	f = facts_extract(NULL, text->str);
	assert_int_equal(g_strv_length(f->products), 20);
	assert_string_equal(f->products[0], "XP-1");
	assert_string_equal(f->products[19], "XP-20");
	assert_int_equal(f->n_quantities, 20);
	assert_true(f->quantities[19].value == 200);
	assert_int_equal(f->n_prices, 20);
	assert_true(f->prices[19].amount == 20.5);
	facts_free(&f);
	g_string_free(text, TRUE);
}

/* Only the first 64 KiB of text are read. */
static void test_first_64k(void **state)
{
	GString *text = g_string_new(NULL);
	struct trade_facts *f;

	(void)state;
	while (text->len < 60 * 1024)
		g_string_append(text, "filler words without facts. ");
	g_string_append(text, "FOB Ningbo\n");
	f = facts_extract(NULL, text->str);
	assert_string_equal(f->incoterm, "FOB");
	facts_free(&f);
	while (text->len < 70 * 1024)
		g_string_prepend(text, "more filler. ");
	f = facts_extract(NULL, text->str);
	assert_null(f->incoterm);
	facts_free(&f);
	g_string_free(text, TRUE);
}

static char *repeat(const char *unit, size_t bytes)
{
	GString *s = g_string_sized_new(bytes + 64);

	while (s->len < bytes)
		g_string_append(s, unit);
	return g_string_free(s, FALSE);
}

/* Hostile input returns, with well-formed output (nothing is asserted
 * about time; run-tests.sh runs this under valgrind too). */
static void test_pathological(void **state)
{
	static const char *const units[] = {
		"9", "FOB ", "FOB", "1,", "1.", "$1 ", "MOQ ", "delivery ", "destination ",
		"Quotation No. ", "(", "-", "x", "1x40HQ ", "200 pcs ", "交货期", "个", "PI-1",
		" ", "\n", "Hamburg ", "XP-200 ", "目的港", "1 000 ", "USD", "é", "@",
		"-1-1", "每", "٢", "\xd9\x80", "\xe2\x80\x8b", "Германию ", "a-1/", "'",
		"PO No. A1234 ", "tender AW/2026/44 ", "부산이며 ", "150대에 ", "이내로",
		"the goods within ", "entregar ", "200 pcs of the ", "2 containers of ",
		"납기는 ", "1個だ", "bomba XP-1 ", "Quotation No. Q-1 Q-1 ",
	};
	char *json, *big;

	(void)state;
	for (size_t k = 0; k < G_N_ELEMENTS(units); k++) {
		big = repeat(units[k], 1 << 20);
		json = json_of(big, big);
		g_free(json);
		g_free(big);
	}
	/* 100,000 digits: no number, no quantity. */
	big = repeat("1234567890", 100000);
	json = json_of(NULL, big);
	assert_string_equal(json, "{}");
	g_free(json);
	g_free(big);
	/* A megabyte of "FOB FOB ...": the rule without a place. */
	big = repeat("FOB ", 1 << 20);
	json = json_of(NULL, big);
	assert_string_equal(json, "{\"incoterm\":\"FOB\"}");
	g_free(json);
	g_free(big);
}

/* ---- the keyword index (facts_scan.h) ---- */

/* The first folded character of each word of a table (0-terminated). */
static gunichar *first_chars(const struct facts_kw *table)
{
	GArray *firsts = g_array_new(TRUE, TRUE, sizeof(gunichar));

	for (const struct facts_kw *e = table; e->word != NULL; e++) {
		gunichar c = 0;

		for (const char *p = e->word; *p != '\0' && c == 0; p = g_utf8_next_char(p))
			if ((c = facts_fold(g_utf8_get_char(p))) == FACTS_FOLD_DROP)
				c = 0;
		g_array_append_val(firsts, c);
	}
	return (gunichar *)g_array_free(firsts, FALSE);
}

/* What facts_match_table() gives, found without the index: every entry
 * starting with the text's character tried with facts_match(), in table
 * order, the first of the longest kept. */
static const struct facts_kw *match_one_by_one(const struct facts_scan *s, size_t i,
                                              const struct facts_kw *table,
                                              const gunichar *firsts,
                                              unsigned flags, size_t *end_r)
{
	const struct facts_kw *best = NULL;
	size_t best_end = 0;

	for (const struct facts_kw *e = table; e->word != NULL; e++) {
		size_t end;
		bool bad = false;

		if (i >= s->n || firsts[e - table] != s->cp[i])
			continue;
		end = facts_match(s, i, e->word, flags | e->flags);
		if (end == 0 || end <= best_end)
			continue;
		for (const char *q = e->not_before; q != NULL && *q != '\0' && end < s->n;
		     q = g_utf8_next_char(q))
			bad |= facts_fold(g_utf8_get_char(q)) == s->cp[end];
		if (bad)
			continue;
		best = e;
		best_end = end;
	}
	*end_r = best_end;
	return best;
}

/* The words of a table, each changed by `how`, joined by separators that
 * vary: glued, spaced, on lines, with punctuation. */
static char *table_text(const struct facts_kw *table, int how)
{
	static const char *const seps[] = { " ", "\n", "", ", ", "-", "  ", "/", " x " };
	GString *text = g_string_new(NULL);
	size_t k = 0;

	for (const struct facts_kw *e = table; e->word != NULL; e++, k++) {
		char *word = how == 1 ? g_utf8_strup(e->word, -1) : g_strdup(e->word);

		g_string_append(text, word);
		if (how == 2)                   /* inflected, glued, followed by a digit */
			g_string_append(text, k % 3 == 0 ? "ю" : k % 3 == 1 ? "s" : "5");
		g_string_append(text, seps[k % G_N_ELEMENTS(seps)]);
		g_free(word);
	}
	return g_string_free(text, FALSE);
}

/* At every position of texts made of each table's own words, the index
 * finds what trying every entry finds. */
static void test_index_matches_one_by_one(void **state)
{
	static const unsigned flag_sets[] = { 0, FACTS_KW_NO_LEFT | FACTS_KW_DIGIT_RIGHT };
	size_t tables = 0, found = 0;

	(void)state;
	for (const struct facts_kw *const *t = facts_kw_tables; *t != NULL; t++, tables++) {
		gunichar *firsts = first_chars(*t);

		for (int how = 0; how < 3; how++) {
			char *text = table_text(*t, how);
			struct facts_scan s;

			facts_scan_init(&s, NULL, text);
			for (size_t i = 0; i <= s.n; i++) {
				for (size_t f = 0; f < G_N_ELEMENTS(flag_sets); f++) {
					size_t end = 0, want_end = 0;
					const struct facts_kw *got =
						facts_match_table(&s, i, *t, flag_sets[f], &end);
					const struct facts_kw *want =
						match_one_by_one(&s, i, *t, firsts, flag_sets[f], &want_end);

					if (got != want)
						print_message("table %zu, text %d, position %zu: %s, not %s\n",
						              tables, how, i, got ? got->word : "none",
						              want ? want->word : "none");
					assert_ptr_equal(got, want);
					if (want != NULL) {
						assert_int_equal(end, want_end);
						found++;
					}
				}
			}
			facts_scan_clear(&s);
			g_free(text);
		}
		g_free(firsts);
	}
	/* Every table was tried, and its words were found. */
	assert_true(tables >= 38);
	assert_true(found > 3000);
}

/* Of equally long matches, the first in the table wins, whether or not
 * the index sorted them apart ("a" may have any second letter, "ab" only
 * b; as stems both run to the end of "abc"). These tables are not in
 * facts_kw_tables: indexed for the call. */
static void test_index_keeps_table_order(void **state)
{
	static const struct facts_kw ab_first[] = {
		{ "ab", "ab", FACTS_KW_STEM, NULL }, { "a", "a", FACTS_KW_STEM, NULL },
		{ NULL, NULL, 0, NULL },
	};
	static const struct facts_kw a_first[] = {
		{ "a", "a", FACTS_KW_STEM, NULL }, { "ab", "ab", FACTS_KW_STEM, NULL },
		{ NULL, NULL, 0, NULL },
	};
	static const struct facts_kw not_before[] = {
		{ "ab", "ab", FACTS_KW_STEM, "!" }, { "a b", "a b", 0, NULL },
		{ "a", "a", FACTS_KW_STEM, NULL }, { NULL, NULL, 0, NULL },
	};
	static const struct facts_kw spaced[] = {
		{ " a", " a", FACTS_KW_NO_LEFT, NULL }, { NULL, NULL, 0, NULL },
	};
	const struct facts_kw *e;
	struct facts_scan s;
	size_t end = 0;

	(void)state;
	/* A word starting with a space takes any number (up to 8) of them. */
	facts_scan_init(&s, NULL, "b   a");
	assert_ptr_equal(facts_match_table(&s, 2, spaced, 0, &end), &spaced[0]);
	assert_int_equal(end, 6);
	facts_scan_clear(&s);
	facts_scan_init(&s, NULL, "abc a b ab!");
	/* Position 0 is the subject's line break. */
	e = facts_match_table(&s, 1, ab_first, 0, &end);
	assert_non_null(e);
	assert_string_equal(e->value, "ab");
	assert_int_equal(end, 4);
	e = facts_match_table(&s, 1, a_first, 0, &end);
	assert_non_null(e);
	assert_string_equal(e->value, "a");
	assert_int_equal(end, 4);
	/* "a b" is longer than "a"; "ab" before "!" is turned down, and the
	 * stem "a" (as long) is taken instead. */
	e = facts_match_table(&s, 5, not_before, 0, &end);
	assert_non_null(e);
	assert_string_equal(e->value, "a b");
	assert_int_equal(end, 8);
	e = facts_match_table(&s, 9, not_before, 0, &end);
	assert_non_null(e);
	assert_string_equal(e->value, "a");
	assert_int_equal(end, 11);
	assert_null(facts_match_table(&s, 2, not_before, 0, &end));
	facts_scan_clear(&s);
}

/* The tables are indexed on first use, whichever thread comes first. */
#define THREADS 8

static const char threads_text[] =
	"Please quote CIF Hamburg for 500 pcs of stainless steel ball valves DN50, "
	"MOQ 200 pcs, delivery within 30 days. Quotation No. Q-2026-118.";

/* No cmocka assertion here: they may only fail in the test's thread. */
static gpointer extract_in_thread(gpointer data)
{
	struct trade_facts *f = facts_extract(NULL, data);
	char *json = facts_to_json(f);

	facts_free(&f);
	return json;
}

static void test_first_use_in_threads(void **state)
{
	GThread *threads[THREADS];

	(void)state;
	for (int k = 0; k < THREADS; k++)
		threads[k] = g_thread_new("facts", extract_in_thread, (gpointer)threads_text);
	for (int k = 0; k < THREADS; k++) {
		char *json = g_thread_join(threads[k]);

		assert_string_equal(json,
			"{\"products\":[\"stainless steel ball valves\",\"DN50\"],"
			"\"quantities\":[{\"value\":500,\"unit\":\"pcs\",\"text\":\"500 pcs\"}],"
			"\"incoterm\":\"CIF\",\"incoterm_place\":\"Hamburg\","
			"\"moq\":{\"value\":200,\"unit\":\"pcs\",\"text\":\"MOQ 200 pcs\"},"
			"\"destination_port\":\"Hamburg\",\"destination_country\":\"DE\","
			"\"delivery_time\":\"within 30 days\",\"delivery_days\":30,"
			"\"reference\":\"Q-2026-118\"}");
		g_free(json);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		/* First: it must be the first use of the tables. */
		cmocka_unit_test(test_first_use_in_threads),
		cmocka_unit_test(test_incoterm),
		cmocka_unit_test(test_quantity),
		cmocka_unit_test(test_quantity_negative),
		cmocka_unit_test(test_price),
		cmocka_unit_test(test_total),
		cmocka_unit_test(test_moq),
		cmocka_unit_test(test_destination),
		cmocka_unit_test(test_delivery),
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_product),
		cmocka_unit_test(test_language),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_struct_fields),
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_subject),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_json_by_hand),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_first_64k),
		cmocka_unit_test(test_pathological),
		cmocka_unit_test(test_index_matches_one_by_one),
		cmocka_unit_test(test_index_keeps_table_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
