#ifndef FOLLOWUP_PARSERS_FACTS_H
#define FOLLOWUP_PARSERS_FACTS_H
/*
 * facts: what a trade message states, in any of the languages export mail
 * is written in: products and model numbers, quantities with units,
 * the Incoterm with its named place, currency and unit price, MOQ,
 * destination port or country, requested delivery time, and the quotation
 * or proforma (PI) number. Each fact only when the text states it.
 *
 * Pure: no I/O. Input is UTF-8 text (the subject and the new content of a
 * message); output is a struct owned by the caller (facts_free) and its
 * JSON form, the one `followup show` and the timeline's JSON print.
 */
#include <stdbool.h>
#include <stddef.h>

struct facts_quantity {
	double value;
	char *unit;          /* normalised: "pcs", "sets", "units", "kg", "t", "m", "m2", "m3",
	                        "l", "containers", "20ft", "40ft", "pallets", "cartons",
	                        "rolls", "pairs", "boxes", "bags", "drums", "lots"... */
	char *text;          /* as written, e.g. "200 Stück" */
};

struct facts_price {
	char *currency;      /* ISO 4217: "USD", "EUR", "CNY", "GBP", "JPY", "BRL", "AED"... */
	double amount;
	char *per;           /* unit the price is per (normalised like quantities), or NULL */
	char *text;          /* as written, e.g. "USD 410/pc" */
};

struct trade_facts {
	char **products;     /* NULL-terminated: model numbers and named products, e.g. "XP-200" */
	struct facts_quantity *quantities;
	size_t n_quantities;
	char *incoterm;      /* one of the eleven Incoterms 2020 rules: EXW FCA CPT CIP DAP DPU DDP FAS FOB CFR CIF */
	char *incoterm_place;/* its named place, e.g. "Ningbo", or NULL */
	struct facts_price *prices;
	size_t n_prices;
	bool has_moq;
	struct facts_quantity moq;
	char *destination_port;    /* e.g. "Hamburg", or NULL */
	char *destination_country; /* ISO 3166-1 alpha-2, e.g. "DE", or NULL */
	char *delivery_time;       /* as written, e.g. "within 30 days", or NULL */
	int delivery_days;         /* the same in days when it can be computed, else -1 */
	char *reference;           /* quotation, offer or PI number, e.g. "PI-2026-118", or NULL */
	bool has_total;
	struct facts_price total;  /* the document's total, said with a total word
	                              ("Total: USD 12,345.00", "合计金额：USD 5,000");
	                              per is NULL */
};

/* Extracts the facts of subject and text (either may be NULL). Always
 * returns a struct, empty when nothing was found. Bounded work: only the
 * first 64 KiB of text are read. */
struct trade_facts *facts_extract(const char *subject, const char *text);
void facts_free(struct trade_facts **facts);
/* True when nothing was found. */
bool facts_empty(const struct trade_facts *facts);

/* Compact JSON object with only the facts found, newly allocated (g_free):
 *   {"products":["XP-200"],"quantities":[{"value":200,"unit":"pcs","text":"200 Stück"}],
 *    "incoterm":"FOB","incoterm_place":"Ningbo",
 *    "prices":[{"currency":"USD","amount":410,"per":"pcs","text":"USD 410/pc"}],
 *    "moq":{"value":500,"unit":"pcs","text":"MOQ 500 pcs"},
 *    "destination_port":"Hamburg","destination_country":"DE",
 *    "delivery_time":"within 30 days","delivery_days":30,"reference":"PI-2026-118",
 *    "total":{"currency":"USD","amount":12345,"text":"USD 12,345.00"}}
 * "{}" when empty. */
char *facts_to_json(const struct trade_facts *facts);

#endif
