/*
 * libFuzzer target for parsers/facts.c.
 *
 * The input is split at its first NUL into a subject and a text (no NUL:
 * all text, no subject). Both go to facts_extract(); the facts must be
 * well-formed (valid UTF-8 strings, counts within the limits, delivery
 * days -1 or sane) and facts_to_json() must give valid UTF-8 that jansson
 * parses back into an object. The text alone is tried too, since
 * facts_extract() accepts a NULL subject.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <jansson.h>

#include "parsers/facts.h"

#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_string(const char *s)
{
	if (s != NULL)
		CHECK(g_utf8_validate(s, -1, NULL) && s[0] != '\0');
}

static void check_quantity(const struct facts_quantity *q)
{
	CHECK(q->value > 0);
	check_string(q->unit);
	check_string(q->text);
}

static void check_facts(const struct trade_facts *f)
{
	size_t n = 0;

	CHECK(f != NULL && f->products != NULL);
	for (char **p = f->products; *p != NULL; p++, n++)
		check_string(*p);
	CHECK(n <= 20);
	CHECK(f->n_quantities <= 20 && f->n_prices <= 20);
	CHECK((f->n_quantities == 0) == (f->quantities == NULL));
	CHECK((f->n_prices == 0) == (f->prices == NULL));
	for (size_t k = 0; k < f->n_quantities; k++) {
		check_quantity(&f->quantities[k]);
		CHECK(f->quantities[k].unit != NULL || f->quantities[k].text != NULL);
	}
	for (size_t k = 0; k < f->n_prices; k++) {
		CHECK(f->prices[k].currency != NULL && strlen(f->prices[k].currency) == 3);
		CHECK(f->prices[k].amount > 0);
		check_string(f->prices[k].per);
		check_string(f->prices[k].text);
	}
	if (f->has_moq)
		check_quantity(&f->moq);
	check_string(f->incoterm);
	CHECK(f->incoterm_place == NULL || f->incoterm != NULL);
	check_string(f->incoterm_place);
	check_string(f->destination_port);
	check_string(f->destination_country);
	CHECK(f->destination_country == NULL || strlen(f->destination_country) == 2);
	check_string(f->delivery_time);
	CHECK(f->delivery_days >= -1 && f->delivery_days <= 3650);
	CHECK(f->delivery_time != NULL || f->delivery_days == -1);
	check_string(f->reference);
	if (f->has_total) {
		CHECK(f->total.currency != NULL && strlen(f->total.currency) == 3);
		CHECK(f->total.amount > 0 && f->total.amount <= 1e12);
		CHECK(f->total.per == NULL);
		check_string(f->total.text);
	} else {
		CHECK(f->total.currency == NULL && f->total.text == NULL);
	}
}

static void check_json(const struct trade_facts *f)
{
	char *out = facts_to_json(f);
	json_error_t error;
	json_t *back;

	CHECK(out != NULL && g_utf8_validate(out, -1, NULL));
	back = json_loads(out, 0, &error);
	CHECK(back != NULL && json_is_object(back));
	CHECK((json_object_size(back) == 0) == facts_empty(f));
	json_decref(back);
	g_free(out);
}

static void run(const char *subject, const char *text)
{
	struct trade_facts *f = facts_extract(subject, text);

	check_facts(f);
	check_json(f);
	facts_free(&f);
	CHECK(f == NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = g_malloc(size + 1);
	const char *nul;

	memcpy(buf, data, size);
	buf[size] = '\0';
	nul = memchr(buf, '\0', size);
	if (nul != NULL)
		run(buf, nul + 1);
	else
		run(NULL, buf);
	run(NULL, nul != NULL ? nul + 1 : buf);
	g_free(buf);
	return 0;
}
