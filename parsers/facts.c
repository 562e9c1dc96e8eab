/* facts: see facts.h. The extractors are in facts_amounts.c (prices, MOQ,
 * quantities), facts_terms.c (reference, delivery time, Incoterm,
 * destination) and facts_products.c; their words, ports and countries
 * in the lexicons of data/facts/ (data/lexicon.h).
 *
 * Choices the header leaves open:
 *  - Input: at most 4 KiB of subject and 64 KiB of text are read; invalid
 *    UTF-8 ends the part it is in (what came before is still read).
 *  - products is never NULL (an empty NULL-terminated array when none),
 *    in the order written, each once (case aside), at most 20.
 *  - Numbers: "1.500" and "2,000" (one separator, three digits) are
 *    thousands; "1.5", "12,50" and "0.500" decimals; with both separators
 *    the last one is the decimal one; "1 500" (space or NBSP) groups too.
 *    So "USD 4.125" reads as 4125. Arabic-Indic and full-width digits
 *    count; Chinese numerals and number words ("two", "两", "zwei") only
 *    for durations and container counts.
 *  - Quantities need a unit, except right after "Qty:", "Menge", "数量"...
 *    where unit is NULL (and left out of the JSON). A range "100-200 pcs"
 *    keeps the upper bound. Containers: "1x40HQ", "2 x 20GP", "one 40ft
 *    container" are value 1/2/1 with unit "40ft"/"20ft" ("45ft" too).
 *  - Prices: "¥" is CNY (JPY needs "JPY", "円" or "JP¥"). Totals ("total",
 *    "Gesamtbetrag", "合计", "итого", "الإجمالي"... just before, or "in
 *    total" after) are kept out; a price with a per-unit is never a total.
 *    A range "USD 4.10-4.50/pc" keeps the lower amount.
 *  - Total: an amount with a currency and no per-unit, said with a total
 *    word of data/facts/total_words.txt whose value is "total" ("Total:",
 *    "Gesamtbetrag", "合计金额", "TOTAL CIF Hamburg" before it on its line,
 *    "in total" after); a subtotal is no total. Of several, the last one
 *    written (a proforma invoice ends with its grand total). No total
 *    word, no total: none is ever added up from the prices.
 *  - MOQ: the first quantity with a unit in the anchor's clause, else its
 *    first number (then unit is NULL); "500台起订" too.
 *  - Incoterm: the first rule in the text; its place the first place
 *    written after that same rule. DAT (Incoterms 2010, capitals only) is
 *    mapped to DPU. "CIF: B12345678" (a Spanish tax number) and "(FCA)"
 *    after a spelt-out name are not rules.
 *  - Destination: an explicit one ("destination port", "目的港", "доставка
 *    в"...) wins over the place of a C- or D-term. Known ports and
 *    countries give the English port name and ISO code; after a port
 *    anchor an unknown capitalised name is taken as the port as written.
 *  - Delivery: the first duration after a delivery anchor ("delivery
 *    time", "交货期"); else after a verb ("entregar", "liefern") or the
 *    goods said with "within" ("we'd need the goods within 45 days", "die
 *    Ware innerhalb von 6 Wochen"), unless payment, validity or warranty is
 *    said between them. Days are weeks x 7, months x 30, ranges their
 *    upper bound, working days x 7/5 rounded up (calendar days they take,
 *    weekends included). Over 3650 days delivery_days is -1 (and left out
 *    of the JSON).
 *  - Reference: after "quotation", "PI", "Angebot", "报价单"... a token
 *    with a digit; after "offer", "quote", "oferta"... only with a marker
 *    ("No.", "#", "№", "ref."). "PI-2026-118" also stands alone. Wherever
 *    else the same token is written (the subject) it is no model number.
 *    Tender, RFQ, order and invoice numbers are no reference and no model
 *    number either.
 *  - Products: the phrase after a quantity skips "of", "de la", "من"; a
 *    phrase followed by a catalogue model number (one with - / .: "la
 *    bomba XP-350", "mechanical seals MS-35") is only that model's generic
 *    name, and the model is listed alone. Japanese and Korean name the
 *    product before its counter, so no phrase is read after theirs.
 *  - Korean particles glued to a word ("부산이며", "150대에") are not part
 *    of it; "11月30日" and "11월 30일" are dates, not durations.
 */
#include "parsers/facts.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "parsers/facts_int.h"

/* Products collected before sorting and de-duplication. */
#define PRODUCT_CANDIDATES 200
/* Doubles hold integers exactly up to 2^53. */
#define JSON_INT_LIMIT 9007199254740992.0

void facts_add_quantity(struct facts_ctx *ctx, double value, const char *unit,
                        size_t start, size_t end)
{
	struct facts_quantity q;

	if (ctx->quantities->len >= FACTS_MAX_QUANTITIES)
		return;
	for (guint k = 0; k < ctx->quantities->len; k++) {
		const struct facts_quantity *old =
			&g_array_index(ctx->quantities, struct facts_quantity, k);

		if (old->value == value && g_strcmp0(old->unit, unit) == 0)
			return;
	}
	q.value = value;
	q.unit = g_strdup(unit);
	q.text = facts_slice(&ctx->scan, start, end, FACTS_MAX_TEXT_BYTES);
	g_array_append_val(ctx->quantities, q);
}

void facts_add_price(struct facts_ctx *ctx, const char *currency, double amount,
                     const char *per, size_t start, size_t end)
{
	struct facts_price p;

	if (ctx->prices->len >= FACTS_MAX_PRICES)
		return;
	for (guint k = 0; k < ctx->prices->len; k++) {
		const struct facts_price *old = &g_array_index(ctx->prices, struct facts_price, k);

		if (old->amount == amount && strcmp(old->currency, currency) == 0 &&
		    g_strcmp0(old->per, per) == 0)
			return;
	}
	p.currency = g_strdup(currency);
	p.amount = amount;
	p.per = g_strdup(per);
	p.text = facts_slice(&ctx->scan, start, end, FACTS_MAX_TEXT_BYTES);
	g_array_append_val(ctx->prices, p);
}

void facts_set_total(struct facts_ctx *ctx, const char *currency, double amount,
                     size_t start, size_t end)
{
	struct facts_price *t = &ctx->facts->total;

	g_free(t->currency);
	g_free(t->text);
	t->currency = g_strdup(currency);
	t->amount = amount;
	t->text = facts_slice(&ctx->scan, start, end, FACTS_MAX_TEXT_BYTES);
	ctx->facts->has_total = true;
}

void facts_add_product(struct facts_ctx *ctx, size_t pos, char *text)
{
	struct facts_product p = { pos, text };

	if (text == NULL)
		return;
	if (ctx->products->len >= PRODUCT_CANDIDATES) {
		g_free(text);
		return;
	}
	g_array_append_val(ctx->products, p);
}

static gint product_order(gconstpointer a, gconstpointer b)
{
	const struct facts_product *pa = a, *pb = b;

	return pa->pos < pb->pos ? -1 : pa->pos > pb->pos;
}

/* In the order they were written, each once (case aside), at most
 * FACTS_MAX_PRODUCTS; the candidates' texts are moved or freed. */
static char **finish_products(GArray *products)
{
	GPtrArray *out = g_ptr_array_new();
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	g_array_sort(products, product_order);
	for (guint k = 0; k < products->len; k++) {
		struct facts_product *p = &g_array_index(products, struct facts_product, k);
		char *key = g_utf8_casefold(p->text, -1);

		if (out->len >= FACTS_MAX_PRODUCTS || g_hash_table_contains(seen, key)) {
			g_free(key);
			g_free(p->text);
			continue;
		}
		g_hash_table_add(seen, key);
		g_ptr_array_add(out, p->text);
	}
	g_ptr_array_add(out, NULL);
	g_hash_table_destroy(seen);
	return (char **)g_ptr_array_free(out, FALSE);
}

struct trade_facts *facts_extract(const char *subject, const char *text)
{
	struct trade_facts *f = g_new0(struct trade_facts, 1);
	struct facts_ctx ctx = { .facts = f };

	f->delivery_days = -1;
	facts_scan_init(&ctx.scan, subject, text);
	ctx.quantities = g_array_new(FALSE, TRUE, sizeof(struct facts_quantity));
	ctx.prices = g_array_new(FALSE, TRUE, sizeof(struct facts_price));
	ctx.products = g_array_new(FALSE, TRUE, sizeof(struct facts_product));

	/* The order matters: each claims what it used (facts_int.h). */
	facts_find_reference(&ctx);
	facts_find_prices(&ctx);
	facts_find_delivery(&ctx);
	facts_find_moq(&ctx);
	facts_find_quantities(&ctx);
	facts_find_destination(&ctx);
	facts_find_incoterm(&ctx);
	facts_find_models(&ctx);

	f->n_quantities = ctx.quantities->len;
	f->quantities = (struct facts_quantity *)g_array_free(ctx.quantities,
	                                                      f->n_quantities == 0);
	f->n_prices = ctx.prices->len;
	f->prices = (struct facts_price *)g_array_free(ctx.prices, f->n_prices == 0);
	f->products = finish_products(ctx.products);
	g_array_free(ctx.products, TRUE);
	facts_scan_clear(&ctx.scan);
	return f;
}

static void quantity_clear(struct facts_quantity *q)
{
	g_free(q->unit);
	g_free(q->text);
}

void facts_free(struct trade_facts **facts)
{
	struct trade_facts *f = *facts;

	if (f == NULL)
		return;
	g_strfreev(f->products);
	for (size_t k = 0; k < f->n_quantities; k++)
		quantity_clear(&f->quantities[k]);
	g_free(f->quantities);
	for (size_t k = 0; k < f->n_prices; k++) {
		g_free(f->prices[k].currency);
		g_free(f->prices[k].per);
		g_free(f->prices[k].text);
	}
	g_free(f->prices);
	quantity_clear(&f->moq);
	g_free(f->incoterm);
	g_free(f->incoterm_place);
	g_free(f->destination_port);
	g_free(f->destination_country);
	g_free(f->delivery_time);
	g_free(f->reference);
	g_free(f->total.currency);
	g_free(f->total.text);
	g_free(f);
	*facts = NULL;
}

bool facts_empty(const struct trade_facts *f)
{
	return f == NULL ||
	       ((f->products == NULL || f->products[0] == NULL) && f->n_quantities == 0 &&
	        f->incoterm == NULL && f->incoterm_place == NULL && f->n_prices == 0 &&
	        !f->has_moq && f->destination_port == NULL &&
	        f->destination_country == NULL && f->delivery_time == NULL &&
	        f->reference == NULL && !f->has_total);
}

/* ---- JSON ---- */

/* Whole numbers print as integers ("200", not "200.0"). */
static json_t *number_json(double v)
{
	if (v != v || v > DBL_MAX || v < -DBL_MAX)   /* NaN, infinities */
		return json_null();
	if (v > -JSON_INT_LIMIT && v < JSON_INT_LIMIT && v == (double)(json_int_t)v)
		return json_integer((json_int_t)v);
	return json_real(v);
}

/* Adds key: str when str is set (and valid UTF-8: jansson checks). */
static void set_string(json_t *obj, const char *key, const char *str)
{
	if (str != NULL)
		json_object_set_new(obj, key, json_string(str));
}

static json_t *quantity_json(const struct facts_quantity *q)
{
	json_t *o = json_object();

	json_object_set_new(o, "value", number_json(q->value));
	set_string(o, "unit", q->unit);
	set_string(o, "text", q->text);
	return o;
}

static json_t *price_json(const struct facts_price *p)
{
	json_t *o = json_object();

	set_string(o, "currency", p->currency);
	json_object_set_new(o, "amount", number_json(p->amount));
	set_string(o, "per", p->per);
	set_string(o, "text", p->text);
	return o;
}

static json_t *facts_json(const struct trade_facts *f)
{
	json_t *o = json_object(), *a;

	if (f->products != NULL && f->products[0] != NULL) {
		a = json_array();
		for (char **p = f->products; *p != NULL; p++)
			json_array_append_new(a, json_string(*p));
		json_object_set_new(o, "products", a);
	}
	if (f->n_quantities > 0 && f->quantities != NULL) {
		a = json_array();
		for (size_t k = 0; k < f->n_quantities; k++)
			json_array_append_new(a, quantity_json(&f->quantities[k]));
		json_object_set_new(o, "quantities", a);
	}
	set_string(o, "incoterm", f->incoterm);
	set_string(o, "incoterm_place", f->incoterm_place);
	if (f->n_prices > 0 && f->prices != NULL) {
		a = json_array();
		for (size_t k = 0; k < f->n_prices; k++)
			json_array_append_new(a, price_json(&f->prices[k]));
		json_object_set_new(o, "prices", a);
	}
	if (f->has_moq)
		json_object_set_new(o, "moq", quantity_json(&f->moq));
	set_string(o, "destination_port", f->destination_port);
	set_string(o, "destination_country", f->destination_country);
	set_string(o, "delivery_time", f->delivery_time);
	if (f->delivery_time != NULL && f->delivery_days >= 0)
		json_object_set_new(o, "delivery_days", json_integer(f->delivery_days));
	set_string(o, "reference", f->reference);
	if (f->has_total)
		json_object_set_new(o, "total", price_json(&f->total));
	return o;
}

char *facts_to_json(const struct trade_facts *facts)
{
	json_t *o;
	char *dump, *out;

	if (facts == NULL)
		return g_strdup("{}");
	o = facts_json(facts);
	dump = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(o);
	out = g_strdup(dump != NULL ? dump : "{}");
	free(dump);
	return out;
}
