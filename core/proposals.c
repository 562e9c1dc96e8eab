/*
 * proposals: from a proposing message's facts to an order's fields (see
 * proposals.h). The facts come from mail, so every value goes through the
 * checks a person's `order add` goes through; one that fails them drops
 * the proposal (or, the Incoterm, only itself).
 */
#include <string.h>
#include <glib.h>
#include <jansson.h>

#include "core/orders.h"
#include "core/proposals.h"

/* The facts' total as thousandths: false when it is no amount an order
 * may have. */
static bool total_milli(json_t *total, int64_t *milli_r)
{
	json_t *amount = json_object_get(total, "amount");
	double v;

	if (!json_is_number(amount))
		return false;
	v = json_number_value(amount) * 1000.0;
	if (!(v >= 1.0) || v > (double)CORE_AMOUNT_MAX_MILLI)
		return false;
	*milli_r = (int64_t)(v + 0.5);   /* 12345.67 is 12345669.99… in binary */
	return true;
}

/* "CIF Hamburg" from the facts' Incoterm and its place, or NULL. */
static char *incoterm_of(json_t *facts)
{
	const char *rule = json_string_value(json_object_get(facts, "incoterm"));
	const char *place = json_string_value(json_object_get(facts, "incoterm_place"));
	char *joined, *checked = NULL, *error = NULL;

	if (rule == NULL)
		return NULL;
	joined = place != NULL ? g_strdup_printf("%s %s", rule, place) : g_strdup(rule);
	if (core_incoterm_parse(joined, &checked, &error) < 0)
		checked = NULL;
	g_free(error);
	g_free(joined);
	return checked;
}

bool core_proposal_of(const struct store_proposal *p, struct core_proposal *out)
{
	json_t *facts = json_loads(p->facts, 0, NULL), *total;
	const char *number, *currency;
	char *error = NULL;
	bool ok = false;

	*out = (struct core_proposal){ 0 };
	if (!json_is_object(facts))
		goto out;
	number = json_string_value(json_object_get(facts, "reference"));
	total = json_object_get(facts, "total");
	currency = json_string_value(json_object_get(total, "currency"));
	if (number == NULL || currency == NULL || core_order_number_invalid(number) != NULL ||
	    !total_milli(total, &out->amount_milli) ||
	    core_currency_parse(currency, &out->currency, &error) < 0)
		goto out;
	out->number = g_strdup(number);
	out->incoterm = incoterm_of(facts);
	out->message_id = g_strdup(p->message_id);
	out->date = p->date;
	out->customer_id = p->customer_id;
	out->customer = g_strdup(p->customer);
	out->subject = g_strdup(p->subject);
	ok = true;
out:
	g_free(error);
	if (!ok)
		g_free(out->currency);
	json_decref(facts);
	return ok;
}

int core_order_proposals(struct store *st, int64_t customer_id, const char *message_id,
                         struct core_proposal **props_r, size_t *n_r, char **error_r)
{
	struct store_proposal *rows = NULL;
	GArray *arr;
	size_t n = 0;

	if (store_order_proposals(st, customer_id, message_id, &rows, &n, error_r) < 0)
		return -1;
	arr = g_array_new(FALSE, TRUE, sizeof(struct core_proposal));
	for (size_t i = 0; i < n; i++) {
		struct core_proposal p;
		if (core_proposal_of(&rows[i], &p))
			g_array_append_val(arr, p);
	}
	store_proposals_free(&rows, n);
	*n_r = arr->len;
	*props_r = (struct core_proposal *)(void *)g_array_free(arr, FALSE);
	return 0;
}

void core_proposals_free(struct core_proposal **props, size_t n)
{
	if (*props == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		struct core_proposal *p = &(*props)[i];
		g_free(p->message_id);
		g_free(p->customer);
		g_free(p->subject);
		g_free(p->number);
		g_free(p->currency);
		g_free(p->incoterm);
	}
	g_free(*props);
	*props = NULL;
}
