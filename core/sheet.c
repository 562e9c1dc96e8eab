/* sheet: the sheet's dates under their rules (see sheet.h). */
#include <string.h>

#include "core/sheet.h"
#include "core/orders.h"
#include "core/records.h"
#include "rules/owner.h"

static void entry_clear(struct core_sheet_entry *e)
{
	g_free(e->item);
	g_free(e->subject);
	g_free(e->due_local);
}

/* The customer's owner: assigned, else by country, else alerts-to. */
static const char *customer_owner(const struct core_rules *rules,
                                  const struct store_customer *c)
{
	const char *source;
	const char *country = core_customer_country(c, &source);

	return owner_of_thread(rules->team, NULL, c->owner, country, c->key);
}

static bool owner_matches(const char *owner, const char *wanted)
{
	return wanted == NULL || (owner != NULL && g_ascii_strcasecmp(owner, wanted) == 0);
}

/* A day as written stays a day; a moment is shown in the owner's time. */
static char *due_local_of(const struct bizcal *cal, const char *day, int64_t moment)
{
	char buf[32];

	if (day != NULL && strlen(day) == 10)
		return g_strdup(day);
	bizcal_format_local(cal, moment, buf, sizeof(buf));
	return g_strdup(buf);
}

static void add_entry(GArray *entries, const struct core_rules *rules, const struct rule *rule,
                      const struct store_customer *c, const struct store_order *o,
                      const char *owner, char *item, char *subject, const char *day,
                      const struct sheet_occasion *occ)
{
	const char *source;
	struct core_sheet_entry e = {
		.rule = rule, .customer = c, .order = o, .owner = owner,
		.grade = core_customer_grade(c, &source), .item = item, .subject = subject,
		.due_local = due_local_of(core_rules_calendar(rules, owner), day, occ->due),
		.occ = *occ,
	};
	g_array_append_val(entries, e);
}

/* "PI-100: USD 12000.00 open", "PI-100: USD 7000.00 of
 * 12000.00 open". */
static char *payment_subject(const struct store_order *o)
{
	char amount[32], open[32];

	core_amount_format(o->amount_milli, amount, sizeof(amount));
	core_amount_format(MAX(o->amount_milli - o->paid_milli, 0), open, sizeof(open));
	if (o->paid_milli <= 0)
		return g_strdup_printf("%s: %s %s open", o->number, o->currency, amount);
	return g_strdup_printf("%s: %s %s of %s open", o->number, o->currency, open, amount);
}

static void list_payments(const struct core_rules *rules, const struct rule *rule,
                          struct core_sheet_list *list, GHashTable *by_id, int64_t now,
                          const char *owner_filter)
{
	for (size_t i = 0; i < list->n_orders; i++) {
		const struct store_order *o = &list->orders[i];
		const struct store_customer *c = g_hash_table_lookup(by_id, &o->customer_id);
		struct sheet_occasion occ;

		if (c == NULL || o->due == NULL)
			continue;
		const char *owner = customer_owner(rules, c);
		if (!owner_matches(owner, owner_filter))
			continue;
		if (sheet_payment(rule, o->due, core_order_settled(o),
		                  core_rules_calendar(rules, owner), now, &occ) < 0 ||
		    occ.state == SHEET_NONE)
			continue;
		add_entry(list->entries, rules, rule, c, o, owner,
		          g_strdup_printf("order:%lld", (long long)o->id), payment_subject(o), o->due,
		          &occ);
	}
}

static void list_customers(const struct core_rules *rules, const struct rule *rule,
                           struct core_sheet_list *list, int64_t now, const char *owner_filter)
{
	for (size_t i = 0; i < list->n_customers; i++) {
		const struct store_customer *c = list->customers[i];
		const char *source, *owner = customer_owner(rules, c);
		const struct bizcal *cal = core_rules_calendar(rules, owner);
		struct sheet_occasion occ;
		char *subject;

		if (!owner_matches(owner, owner_filter))
			continue;
		if (rule->on == RULE_ON_NEXT_ACTION) {
			if (sheet_next_action(rule, c->next_date, cal, now, &occ) < 0 ||
			    occ.state == SHEET_NONE)
				continue;
			subject = g_strdup(c->next_action != NULL ? c->next_action : "(no text)");
		} else {
			/* a customer lost is not drifting away */
			if (g_strcmp0(c->stage, "lost") == 0 ||
			    !sheet_grade_matches(rule, core_customer_grade(c, &source)) ||
			    sheet_silence(rule, c->last_inbound, cal, now, &occ) < 0 ||
			    occ.state == SHEET_NONE)
				continue;
			char day[16];
			bizcal_format_local(cal, c->last_inbound, day, sizeof(day));
			day[10] = '\0';
			subject = g_strdup_printf("nothing from them since %s", day);
		}
		add_entry(list->entries, rules, rule, c, NULL, owner,
		          g_strdup_printf("customer:%s", c->key), subject,
		          rule->on == RULE_ON_NEXT_ACTION ? c->next_date : NULL, &occ);
	}
}

/* Most overdue first, then the soonest due, then by item. */
static gint compare_entries(gconstpointer pa, gconstpointer pb)
{
	const struct core_sheet_entry *a = pa, *b = pb;

	if (a->occ.overdue_seconds != b->occ.overdue_seconds)
		return a->occ.overdue_seconds > b->occ.overdue_seconds ? -1 : 1;
	if (a->occ.due != b->occ.due)
		return a->occ.due < b->occ.due ? -1 : 1;
	int r = strcmp(a->item, b->item);
	return r != 0 ? r : strcmp(a->rule->name, b->rule->name);
}

int core_sheet_list_new(const struct core_rules *rules, struct store *st, int64_t now,
                        const char *owner, const char *rule_name,
                        struct core_sheet_list **list_r, char **error_r)
{
	struct core_sheet_list *list = g_new0(struct core_sheet_list, 1);
	const struct rule_set *set = rules->set;
	bool payments = false, customers = false;
	GHashTable *by_id = NULL;
	int ret = -1;

	list->entries = g_array_new(FALSE, TRUE, sizeof(struct core_sheet_entry));
	for (size_t i = 0; i < set->n_rules; i++) {
		const struct rule *r = &set->rules[i];
		if (!rule_is_sheet(r) || (rule_name != NULL && g_ascii_strcasecmp(r->name, rule_name) != 0))
			continue;
		payments |= r->on == RULE_ON_PAYMENT_DUE;
		customers = true;
	}
	if (customers && store_customers(st, &list->customers, &list->n_customers, error_r) < 0)
		goto out;
	if (payments && store_orders(st, 0, &list->orders, &list->n_orders, error_r) < 0)
		goto out;
	by_id = g_hash_table_new(g_int64_hash, g_int64_equal);
	for (size_t i = 0; i < list->n_customers; i++)
		g_hash_table_insert(by_id, &list->customers[i]->id, list->customers[i]);
	for (size_t i = 0; i < set->n_rules; i++) {
		const struct rule *r = &set->rules[i];
		if (!rule_is_sheet(r) || (rule_name != NULL && g_ascii_strcasecmp(r->name, rule_name) != 0))
			continue;
		if (r->on == RULE_ON_PAYMENT_DUE)
			list_payments(rules, r, list, by_id, now, owner);
		else
			list_customers(rules, r, list, now, owner);
	}
	g_array_sort(list->entries, compare_entries);
	*list_r = list;
	list = NULL;
	ret = 0;
out:
	if (by_id != NULL)
		g_hash_table_destroy(by_id);
	core_sheet_list_free(&list);
	return ret;
}

void core_sheet_list_free(struct core_sheet_list **listp)
{
	struct core_sheet_list *list = *listp;

	if (list == NULL)
		return;
	*listp = NULL;
	for (guint i = 0; i < list->entries->len; i++)
		entry_clear(&g_array_index(list->entries, struct core_sheet_entry, i));
	g_array_free(list->entries, TRUE);
	store_customers_free(&list->customers, list->n_customers);
	store_orders_free(&list->orders, list->n_orders);
	g_free(list);
}

void core_sheet_due_shown(const struct core_rules *rules, const struct core_sheet_entry *e,
                          char *buf, size_t size)
{
	if (strlen(e->due_local) == 10)
		g_strlcpy(buf, e->due_local, size);
	else
		bizcal_format_zoned(core_rules_calendar(rules, e->owner), e->occ.due, buf, size);
}
