#ifndef FOLLOWUP_PARSERS_FACTS_INT_H
#define FOLLOWUP_PARSERS_FACTS_INT_H
/*
 * facts_int: what the extractors of parsers/facts*.c share while they
 * build one struct trade_facts. Private to them.
 *
 * The extractors run in a fixed order (facts.c): references, prices,
 * delivery time, MOQ, quantities, Incoterm, destination, products. Each
 * claims the code points it used (facts_claim), so that a later one does
 * not read them again: a price's amount is no quantity, a PI number no
 * model number.
 */
#include <glib.h>

#include "parsers/facts.h"
#include "parsers/facts_places.h"
#include "parsers/facts_scan.h"

#define FACTS_MAX_QUANTITIES 20
#define FACTS_MAX_PRICES 20
#define FACTS_MAX_PRODUCTS 20
#define FACTS_MAX_TEXT_BYTES 80     /* any "as written" text */
#define FACTS_MAX_PRODUCT_BYTES 64

struct facts_product {
	size_t pos;
	char *text;          /* owned until moved into the result */
};

struct facts_ctx {
	struct facts_scan scan;
	struct trade_facts *facts;
	GArray *quantities;  /* struct facts_quantity */
	GArray *prices;      /* struct facts_price */
	GArray *products;    /* struct facts_product */
};

/* Adders: they copy what they keep, drop duplicates and respect the
 * limits. unit and per may be NULL. */
void facts_add_quantity(struct facts_ctx *ctx, double value, const char *unit,
                        size_t start, size_t end);
void facts_add_price(struct facts_ctx *ctx, const char *currency, double amount,
                     const char *per, size_t start, size_t end);
/* The document's total: the last one said wins (a proforma invoice ends
 * with its grand total). */
void facts_set_total(struct facts_ctx *ctx, const char *currency, double amount,
                     size_t start, size_t end);
/* Takes text (may be NULL). */
void facts_add_product(struct facts_ctx *ctx, size_t pos, char *text);

/* facts_amounts.c */
void facts_find_prices(struct facts_ctx *ctx);
void facts_find_moq(struct facts_ctx *ctx);
void facts_find_quantities(struct facts_ctx *ctx);
/* "40ft" for a container size at i ("40HQ", "20' GP", "40尺柜"), else
 * NULL. */
const char *facts_container_size_at(const struct facts_scan *s, size_t i,
                                    size_t *end_r);

/* facts_terms.c */
void facts_find_reference(struct facts_ctx *ctx);
void facts_find_delivery(struct facts_ctx *ctx);
void facts_find_incoterm(struct facts_ctx *ctx);
void facts_find_destination(struct facts_ctx *ctx);
/* A named place at i (after an Incoterm or a destination anchor): a known
 * port or country, a capitalised name, a CJK name, or "our factory".
 * [start_r, end_r) is the place as written; place_r the table entry when
 * known (else NULL); country_r a country named after a comma ("Shanghai,
 * China"), else NULL. */
bool facts_place_after(const struct facts_scan *s, size_t i, size_t *start_r,
                       size_t *end_r, const struct facts_place **place_r,
                       const char **country_r);

/* facts_products.c */
void facts_find_models(struct facts_ctx *ctx);
/* The product phrase after a quantity ending at i: "stainless steel ball
 * valves", "不锈钢球阀". */
void facts_find_phrase(struct facts_ctx *ctx, size_t i);
/* A CJK character a name or phrase stops at: "的", "和", "，"... */
bool facts_is_cjk_stop(gunichar c);

#endif
