/* changes: the change log's lines (see changes.h). */
#include <string.h>

#include "core/changes.h"
#include "core/orders.h"

int core_change_record(const struct core_change_ctx *c, const char *field,
                       const char *old_value, const char *new_value, char **error_r)
{
	struct store_change row = {
		.at = c->now,
		.actor = c->actor->name != NULL ? c->actor->name : "?",
		.customer_id = c->customer_id,
		.customer = c->customer,
		.command = c->command,
		.field = field,
		.old_value = old_value,
		.new_value = new_value,
	};
	return store_change_add(c->st, &row, error_r);
}

/* Records field when the two values differ ("" and NULL alike). */
static int record_if_changed(const struct core_change_ctx *c, const char *field,
                             const char *old_value, const char *new_value, char **error_r)
{
	const char *o = old_value != NULL && old_value[0] != '\0' ? old_value : NULL;
	const char *n = new_value != NULL && new_value[0] != '\0' ? new_value : NULL;

	if (g_strcmp0(o, n) == 0)
		return 0;
	return core_change_record(c, field, o, n, error_r);
}

int core_change_record_customer(const struct core_change_ctx *c,
                                const struct store_customer *b,
                                const struct store_customer *a, char **error_r)
{
	char *tags_b = g_strjoinv(",", b->tags), *tags_a = g_strjoinv(",", a->tags);
	const char *fields[][3] = {
		{ "name", b->name_manual ? b->name : NULL, a->name_manual ? a->name : NULL },
		{ "country", b->country, a->country },
		{ "industry", b->industry, a->industry },
		{ "website", b->website, a->website },
		{ "tags", tags_b, tags_a },
		{ "grade", b->grade_manual, a->grade_manual },
		{ "owner", b->owner, a->owner },
		{ "stage", b->stage, a->stage },
		{ "source", b->source, a->source },
		{ "next-action", b->next_action, a->next_action },
		{ "next-date", b->next_date, a->next_date },
	};
	int ret = 0;

	for (size_t i = 0; i < G_N_ELEMENTS(fields) && ret == 0; i++)
		ret = record_if_changed(c, fields[i][0], fields[i][1], fields[i][2], error_r);
	g_free(tags_b);
	g_free(tags_a);
	return ret;
}

int core_change_record_contact(const struct core_change_ctx *c, const struct store_contact *b,
                               const struct store_contact *a, char **error_r)
{
	const char *fields[][3] = {
		{ "name", b->name_manual ? b->name : NULL, a->name_manual ? a->name : NULL },
		{ "role", b->role, a->role },
		{ "title", b->title, a->title },
		{ "phone", b->phone, a->phone },
	};
	int ret = 0;

	for (size_t i = 0; i < G_N_ELEMENTS(fields) && ret == 0; i++) {
		char *field = g_strdup_printf("%s %s", a->address, fields[i][0]);
		ret = record_if_changed(c, field, fields[i][1], fields[i][2], error_r);
		g_free(field);
	}
	return ret;
}

/* "USD 12000.00" */
static char *money(const char *currency, int64_t milli)
{
	char amount[32];

	core_amount_format(milli, amount, sizeof(amount));
	return g_strdup_printf("%s %s", currency, amount);
}

static char *deposit_of(const struct store_order *o)
{
	char amount[32];

	if (o->deposit_milli != INT64_MIN) {
		core_amount_format(o->deposit_milli, amount, sizeof(amount));
		return g_strdup(amount);
	}
	if (o->deposit_percent >= 0)
		return g_strdup_printf("%g%%", o->deposit_percent);
	return NULL;
}

int core_change_record_order(const struct core_change_ctx *c, const struct store_order *b,
                             const struct store_order *a, char **error_r)
{
	int ret = 0;

	if (b == NULL) {
		char *what = money(a->currency, a->amount_milli);
		char *field = g_strdup_printf("order %s", a->number);
		ret = core_change_record(c, field, NULL, what, error_r);
		g_free(field);
		g_free(what);
		return ret;
	}
	char *amount_b = money(b->currency, b->amount_milli), *amount_a = money(a->currency, a->amount_milli);
	char *paid_b = money(b->currency, b->paid_milli), *paid_a = money(a->currency, a->paid_milli);
	char *dep_b = deposit_of(b), *dep_a = deposit_of(a);
	const char *fields[][3] = {
		{ "amount", amount_b, amount_a },
		{ "paid", paid_b, paid_a },
		{ "incoterm", b->incoterm, a->incoterm },
		{ "due", b->due, a->due },
		{ "deposit", dep_b, dep_a },
		{ "state", b->state, a->state },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(fields) && ret == 0; i++) {
		char *field = g_strdup_printf("order %s %s", a->number, fields[i][0]);
		ret = record_if_changed(c, field, fields[i][1], fields[i][2], error_r);
		g_free(field);
	}
	g_free(amount_b);
	g_free(amount_a);
	g_free(paid_b);
	g_free(paid_a);
	g_free(dep_b);
	g_free(dep_a);
	return ret;
}
