/*
 * kpi: the figures of docs/KPI.md from the store's sales threads, quotes,
 * orders and customers. Each item (an inquiry, a quote, a follow-up, a
 * customer) is added to the team's row and to its group's row; the
 * percentiles are taken once every item is in.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "core/kpi.h"
#include "core/orders.h"
#include "core/records.h"
#include "rules/stage.h"

#define NO_GRADE "(none)"

int core_kpi_by_parse(const char *word, enum core_kpi_by *by_r)
{
	static const char *const names[] = { "owner", "country", "grade", "month", "week" };

	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		if (strcmp(word, names[i]) == 0) {
			*by_r = (enum core_kpi_by)(i + 1);
			return 0;
		}
	}
	return -1;
}

static int cmp_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

int64_t core_kpi_percentile(int64_t *values, size_t n, unsigned p)
{
	if (n == 0)
		return -1;
	if (p == 0)
		p = 1;
	if (p > 100)
		p = 100;
	qsort(values, n, sizeof(*values), cmp_int64);
	/* nearest rank: ceil(p * n / 100), 1-based */
	size_t rank = ((size_t)p * n + 99) / 100;
	return values[rank == 0 ? 0 : rank - 1];
}

char *core_kpi_period_key(int64_t t, const char *timezone, enum core_kpi_by by)
{
	GTimeZone *tz = g_time_zone_new_identifier(timezone != NULL ? timezone : "UTC");
	if (tz == NULL)
		tz = g_time_zone_new_utc();
	GDateTime *utc = g_date_time_new_from_unix_utc(t);
	GDateTime *local = utc != NULL ? g_date_time_to_timezone(utc, tz) : NULL;
	char *key = NULL;

	if (local != NULL)
		key = g_date_time_format(local, by == CORE_KPI_BY_MONTH ? "%Y-%m" : "%G-W%V");
	if (key == NULL)
		key = g_strdup("?");
	if (local != NULL)
		g_date_time_unref(local);
	if (utc != NULL)
		g_date_time_unref(utc);
	g_time_zone_unref(tz);
	return key;
}

/* ---- loading ---- */

static const struct rule *first_rule(const struct rule_set *set, enum rule_trigger on,
                                     enum rule_action action)
{
	for (size_t i = 0; i < set->n_rules; i++) {
		if (set->rules[i].on == on && set->rules[i].action == action)
			return &set->rules[i];
	}
	return NULL;
}

static void index_data(struct core_kpi_data *d)
{
	d->customer_by_key = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; i < d->n_customers; i++)
		g_hash_table_insert(d->customer_by_key, d->customers[i]->key, d->customers[i]);
	d->orders_by_quote = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; i < d->n_orders; i++) {
		const char *q = d->orders[i].quote_message_id;
		if (q == NULL)
			continue;
		int count = GPOINTER_TO_INT(g_hash_table_lookup(d->orders_by_quote, q));
		g_hash_table_insert(d->orders_by_quote, (gpointer)q, GINT_TO_POINTER(count + 1));
	}
}

static struct core_kpi_data *data_new(const struct core_rules *rules, struct store *st,
                                      int64_t now)
{
	struct core_kpi_data *d = g_new0(struct core_kpi_data, 1);

	d->rules = rules;
	d->st = st;
	d->timezone = rules->cfg->company.timezone;
	d->now = now;
	d->sla_rule = first_rule(rules->set, RULE_ON_INQUIRY, RULE_ACTION_SLA);
	const struct rule *silence = first_rule(rules->set, RULE_ON_SILENCE, RULE_ACTION_NOTIFY);
	d->silent_after_s = silence != NULL ? silence->within.seconds : CORE_KPI_SILENT_DEFAULT_S;
	return d;
}

int core_kpi_data_load(const struct core_rules *rules, struct store *st, int64_t since,
                       int64_t now, struct core_kpi_data **data_r, char **error_r)
{
	struct core_kpi_data *d = data_new(rules, st, now);
	int ret = -1;

	if (store_sla_threads(st, since, &d->threads, &d->n_threads, error_r) < 0 ||
	    store_quotes(st, 0, &d->quotes, &d->n_quotes, error_r) < 0 ||
	    store_orders(st, 0, &d->orders, &d->n_orders, error_r) < 0 ||
	    store_customers(st, &d->customers, &d->n_customers, error_r) < 0)
		goto out;
	index_data(d);
	*data_r = d;
	d = NULL;
	ret = 0;
out:
	core_kpi_data_free(&d);
	return ret;
}

int core_kpi_data_open(const struct core_rules *rules, struct store *st, int64_t now,
                       struct core_kpi_data **data_r, char **error_r)
{
	struct core_kpi_data *d = data_new(rules, st, now);
	int ret = -1;

	if (store_orders(st, 0, &d->orders, &d->n_orders, error_r) < 0 ||
	    store_customers_brief(st, &d->customers, &d->n_customers, error_r) < 0)
		goto out;
	index_data(d);
	*data_r = d;
	d = NULL;
	ret = 0;
out:
	core_kpi_data_free(&d);
	return ret;
}

void core_kpi_data_free(struct core_kpi_data **data)
{
	struct core_kpi_data *d = *data;

	if (d == NULL)
		return;
	if (d->customer_by_key != NULL)
		g_hash_table_destroy(d->customer_by_key);
	if (d->orders_by_quote != NULL)
		g_hash_table_destroy(d->orders_by_quote);
	store_sla_threads_free(&d->threads, d->n_threads);
	store_quotes_free(&d->quotes, d->n_quotes);
	store_orders_free(&d->orders, d->n_orders);
	store_customers_free(&d->customers, d->n_customers);
	g_free(d);
	*data = NULL;
}

/* ---- grouping ---- */

struct acc {
	struct core_kpi_row *row;
	GArray *responses;            /* int64_t working seconds */
	GHashTable *followed;         /* customer keys (borrowed) */
};

struct tally {
	const struct core_kpi_data *d;
	enum core_kpi_by by;
	int64_t from, to;             /* the period: mail dated in [from, to), not after now */
	struct acc team;
	GHashTable *groups;           /* name (owned by the row) -> struct acc * */
	GHashTable *quote_owner;      /* &thread id (owned) -> its owner (borrowed, or NULL),
	                                 for the threads with a quote in the period */
	GStringChunk *keys;           /* the customer keys the followed sets hold */
};

static void acc_init(struct acc *a, const char *group)
{
	a->row = g_new0(struct core_kpi_row, 1);
	a->row->group = g_strdup(group);
	a->responses = g_array_new(FALSE, FALSE, sizeof(int64_t));
	a->followed = g_hash_table_new(g_str_hash, g_str_equal);
}

static void acc_free(gpointer p)
{
	struct acc *a = p;

	g_array_free(a->responses, TRUE);
	g_hash_table_destroy(a->followed);
	g_free(a);
}

static const struct store_customer *customer_of(const struct core_kpi_data *d, const char *key)
{
	return key != NULL ? g_hash_table_lookup(d->customer_by_key, key) : NULL;
}

/* The group an item belongs to: owner, the customer's country or grade,
 * or the period of its date. New string. */
static char *group_of(const struct tally *t, const char *owner, const struct store_customer *c,
                      int64_t date)
{
	const char *v = NULL, *source = NULL;

	switch (t->by) {
	case CORE_KPI_BY_OWNER:
		return g_strdup(owner != NULL ? owner : CORE_KPI_NOBODY);
	case CORE_KPI_BY_COUNTRY:
		v = c != NULL ? core_customer_country(c, &source) : NULL;
		return g_strdup(v != NULL ? v : CORE_KPI_UNKNOWN_COUNTRY);
	case CORE_KPI_BY_GRADE:
		v = c != NULL ? core_customer_grade(c, &source) : NULL;
		return g_strdup(v != NULL ? v : NO_GRADE);
	case CORE_KPI_BY_MONTH:
	case CORE_KPI_BY_WEEK:
		return core_kpi_period_key(date, t->d->timezone, t->by);
	case CORE_KPI_BY_NONE:
		break;
	}
	return NULL;
}

/* The group's accumulator, made when first needed; NULL without --by. */
static struct acc *group_acc(struct tally *t, const char *owner, const struct store_customer *c,
                             int64_t date)
{
	char *name = group_of(t, owner, c, date);
	struct acc *a;

	if (name == NULL)
		return NULL;
	a = g_hash_table_lookup(t->groups, name);
	if (a == NULL) {
		a = g_new0(struct acc, 1);
		acc_init(a, name);
		g_hash_table_insert(t->groups, a->row->group, a);
	}
	g_free(name);
	return a;
}

static const char *thread_owner(const struct core_kpi_data *d, const struct sla_thread *th)
{
	return sla_thread_owner(d->rules->team, th);
}

/* ---- inquiries and first responses ---- */

/* The thread's first inquiry from the customer, or -1. */
static ssize_t first_inquiry(const struct sla_thread *th)
{
	ssize_t best = -1;

	for (size_t i = 0; i < th->n_msgs; i++) {
		const struct sla_message *m = &th->msgs[i];
		if (m->dir == MSG_DIR_IN && m->kind == MSG_KIND_INQUIRY &&
		    (best < 0 || m->date < th->msgs[best].date))
			best = (ssize_t)i;
	}
	return best;
}

/* Our first person-written mail after `after` (never followupd's own
 * acknowledgements, alerts or reminders) up to now; INT64_MIN: none. */
static int64_t first_reply(const struct sla_thread *th, int64_t after, int64_t now)
{
	int64_t best = INT64_MIN;

	for (size_t i = 0; i < th->n_msgs; i++) {
		const struct sla_message *m = &th->msgs[i];
		if (m->dir != MSG_DIR_OUT || msg_kind_is_own((int)m->kind) ||
		    m->kind == MSG_KIND_INTERNAL || m->date < after || m->date > now)
			continue;
		if (best == INT64_MIN || m->date < best)
			best = m->date;
	}
	return best;
}

static void add_inquiry(struct acc *a, int64_t response, int sla)
{
	if (a == NULL)
		return;
	a->row->inquiries++;
	if (response >= 0) {
		a->row->answered++;
		g_array_append_val(a->responses, response);
	}
	if (sla >= 0) {
		a->row->sla_decided++;
		a->row->sla_within += sla;
	}
}

/* 1 answered by the rule's due, 0 breached (answered late or not yet),
 * -1 not yet decided or no rule. */
static int sla_verdict(const struct core_kpi_data *d, const struct sla_thread *th,
                       const struct bizcal *cal)
{
	struct sla_result r;

	if (d->sla_rule == NULL ||
	    sla_evaluate(d->sla_rule, th->msgs, th->n_msgs, cal, d->now, &r) < 0)
		return -1;
	switch (r.state) {
	case SLA_STOPPED:
		return r.stopped_at <= r.due ? 1 : 0;
	case SLA_BREACHED:
	case SLA_ESCALATED:
		return 0;
	default:
		return -1;
	}
}

static bool in_period(const struct tally *t, int64_t date)
{
	return date >= t->from && date < t->to && date <= t->d->now;
}

static void tally_inquiry(struct tally *t, const struct sla_thread *th, const char *owner)
{
	const struct core_kpi_data *d = t->d;
	ssize_t q = first_inquiry(th);

	if (q < 0 || !in_period(t, th->msgs[q].date))
		return;
	int64_t asked = th->msgs[q].date;
	const struct bizcal *cal = core_rules_calendar(d->rules, owner);
	int64_t reply = first_reply(th, asked, d->now);
	int64_t response = reply == INT64_MIN ? -1 : bizcal_elapsed(cal, asked, reply);
	int sla = sla_verdict(d, th, cal);
	add_inquiry(&t->team, response, sla);
	add_inquiry(group_acc(t, owner, customer_of(d, th->customer), asked), response, sla);
}

/* ---- follow-ups ---- */

static void add_follow_up(struct acc *a, const char *customer)
{
	if (a == NULL)
		return;
	a->row->follow_ups++;
	if (customer != NULL)
		g_hash_table_add(a->followed, (gpointer)customer);
}

static void tally_follow_ups(struct tally *t, const struct sla_thread *th, const char *owner)
{
	const char *customer = NULL;

	for (size_t k = 0; k < th->n_msgs; k++) {
		const struct sla_message *m = &th->msgs[k];
		if (m->dir != MSG_DIR_OUT || msg_kind_is_own((int)m->kind) ||
		    m->kind == MSG_KIND_INTERNAL || !in_period(t, m->date))
			continue;
		/* The thread's strings live no longer than it (a stream reuses
		 * them): the sets keep their own copy of the key. */
		if (customer == NULL && th->customer != NULL)
			customer = g_string_chunk_insert_const(t->keys, th->customer);
		add_follow_up(&t->team, customer);
		add_follow_up(group_acc(t, owner, customer_of(t->d, th->customer), m->date), customer);
	}
}

/* Remembers the owner of a thread with one of the period's quotes: the
 * quote is counted for it (tally_quote), whichever comes first. */
static void note_quote_owner(struct tally *t, const struct sla_thread *th, const char *owner)
{
	for (size_t k = 0; k < th->n_msgs; k++) {
		const struct sla_message *m = &th->msgs[k];
		if (m->dir == MSG_DIR_OUT && m->kind == MSG_KIND_QUOTE && in_period(t, m->date)) {
			g_hash_table_insert(t->quote_owner, g_memdup2(&th->thread, sizeof(th->thread)),
			                    (gpointer)owner);
			return;
		}
	}
}

/* One conversation: its inquiry, our follow-ups in it, and its owner for
 * its quotes. */
static void tally_thread(const struct sla_thread *th, void *ctx)
{
	struct tally *t = ctx;
	const char *owner = thread_owner(t->d, th);

	tally_inquiry(t, th, owner);
	tally_follow_ups(t, th, owner);
	note_quote_owner(t, th, owner);
}

/* ---- quotes and their orders ---- */

static void add_quote(struct acc *a, int orders)
{
	if (a == NULL)
		return;
	a->row->quotes++;
	a->row->orders += orders;
}

/* One quote, counted for its thread's owner when its thread is a sales
 * conversation, else for its customer's. Quotes come after the threads. */
static void tally_quote(const struct store_quote *q, void *ctx)
{
	struct tally *t = ctx;
	const struct core_kpi_data *d = t->d;
	gpointer owner = NULL;

	if (!in_period(t, q->date))
		return;
	const struct store_customer *c = customer_of(d, q->customer);
	if (!g_hash_table_lookup_extended(t->quote_owner, &q->thread, NULL, &owner))
		owner = c != NULL ? c->owner : NULL;
	int orders = q->message_id != NULL ?
		GPOINTER_TO_INT(g_hash_table_lookup(d->orders_by_quote, q->message_id)) : 0;
	add_quote(&t->team, orders);
	add_quote(group_acc(t, owner, c, q->date), orders);
}

/* ---- the customers' figures ---- */

bool core_kpi_silent(const struct core_kpi_data *d, const struct store_customer *c, int64_t t)
{
	return c->last_inbound != INT64_MIN && c->last_inbound <= t &&
	       t - c->last_inbound >= d->silent_after_s;
}

static void add_customer(struct acc *a, bool silent, int64_t overdue)
{
	if (a == NULL)
		return;
	a->row->silent += silent;
	a->row->payments_overdue += overdue;
}

static void tally_customers(struct tally *t, int64_t to)
{
	const struct core_kpi_data *d = t->d;
	int64_t end = to < d->now ? to : d->now;
	GHashTable *overdue = g_hash_table_new(g_int64_hash, g_int64_equal);

	for (size_t i = 0; i < d->n_orders; i++) {
		const struct store_order *o = &d->orders[i];
		if (!core_order_overdue(o, d->now, d->timezone))
			continue;
		int64_t *count = g_hash_table_lookup(overdue, &o->customer_id);
		if (count == NULL) {
			count = g_new0(int64_t, 2);
			count[0] = o->customer_id;
			g_hash_table_insert(overdue, &count[0], count);
		}
		count[1]++;
	}
	for (size_t i = 0; i < d->n_customers; i++) {
		const struct store_customer *c = d->customers[i];
		const int64_t *count = g_hash_table_lookup(overdue, &c->id);
		bool silent = core_kpi_silent(d, c, end);
		int64_t n = count != NULL ? count[1] : 0;
		add_customer(&t->team, silent, n);
		if (t->by != CORE_KPI_BY_MONTH && t->by != CORE_KPI_BY_WEEK && (silent || n > 0))
			add_customer(group_acc(t, c->owner, c, 0), silent, n);
	}
	GHashTableIter it;
	gpointer value;
	g_hash_table_iter_init(&it, overdue);
	while (g_hash_table_iter_next(&it, NULL, &value))
		g_free(value);
	g_hash_table_destroy(overdue);
}

/* ---- the rows ---- */

static void finish(struct acc *a, enum core_kpi_by by)
{
	struct core_kpi_row *r = a->row;

	r->first_response_median_s = core_kpi_percentile((int64_t *)(void *)a->responses->data,
	                                                 a->responses->len, 50);
	r->first_response_p90_s = core_kpi_percentile((int64_t *)(void *)a->responses->data,
	                                              a->responses->len, 90);
	r->followed_customers = g_hash_table_size(a->followed);
	if (r->group != NULL && (by == CORE_KPI_BY_MONTH || by == CORE_KPI_BY_WEEK)) {
		r->silent = -1;
		r->payments_overdue = -1;
	}
}

static void row_free(gpointer p)
{
	struct core_kpi_row *r = p;

	g_free(r->group);
	g_free(r);
}

static gint row_cmp(gconstpointer a, gconstpointer b)
{
	const struct core_kpi_row *x = *(struct core_kpi_row *const *)a;
	const struct core_kpi_row *y = *(struct core_kpi_row *const *)b;

	return strcmp(x->group, y->group);
}

static void tally_init(struct tally *t, const struct core_kpi_data *d, int64_t from, int64_t to,
                       enum core_kpi_by by)
{
	*t = (struct tally){ .d = d, .by = by, .from = from, .to = to };
	acc_init(&t->team, NULL);
	t->groups = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, acc_free);
	t->quote_owner = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	t->keys = g_string_chunk_new(4096);
}

/* Frees what t holds; the rows too when they were not handed out. */
static void tally_clear(struct tally *t, bool rows_too)
{
	if (rows_too) {
		GHashTableIter it;
		gpointer value;
		g_hash_table_iter_init(&it, t->groups);
		while (g_hash_table_iter_next(&it, NULL, &value))
			row_free(((struct acc *)value)->row);
		row_free(t->team.row);
	}
	g_hash_table_destroy(t->groups);
	g_hash_table_destroy(t->quote_owner);
	g_string_chunk_free(t->keys);
	g_array_free(t->team.responses, TRUE);
	g_hash_table_destroy(t->team.followed);
}

/* The customers' figures, then every row finished: the team's first, the
 * groups' by name. Frees what t holds but the rows. */
static GPtrArray *tally_finish(struct tally *t)
{
	GPtrArray *rows = g_ptr_array_new_with_free_func(row_free);
	GPtrArray *groups = g_ptr_array_new();

	tally_customers(t, t->to);
	finish(&t->team, t->by);
	g_ptr_array_add(rows, t->team.row);
	GHashTableIter it;
	gpointer value;
	g_hash_table_iter_init(&it, t->groups);
	while (g_hash_table_iter_next(&it, NULL, &value)) {
		finish(value, t->by);
		g_ptr_array_add(groups, ((struct acc *)value)->row);
	}
	g_ptr_array_sort(groups, row_cmp);
	for (guint i = 0; i < groups->len; i++)
		g_ptr_array_add(rows, groups->pdata[i]);
	g_ptr_array_free(groups, TRUE);
	tally_clear(t, false);
	return rows;
}

GPtrArray *core_kpi_rows(const struct core_kpi_data *d, int64_t from, int64_t to,
                         enum core_kpi_by by)
{
	struct tally t;

	tally_init(&t, d, from, to, by);
	for (size_t i = 0; i < d->n_threads; i++)
		tally_thread(&d->threads[i], &t);
	for (size_t i = 0; i < d->n_quotes; i++)
		tally_quote(&d->quotes[i], &t);
	return tally_finish(&t);
}

int core_kpi_rows_read(const struct core_kpi_data *d, int64_t from, int64_t to,
                       enum core_kpi_by by, GPtrArray **rows_r, char **error_r)
{
	/* Only mail in the period (and not after now) is counted, so only
	 * its threads and quotes are read. */
	int64_t until = MIN(to, d->now < INT64_MAX ? d->now + 1 : d->now);
	struct tally t;

	tally_init(&t, d, from, to, by);
	if (from < until &&
	    (store_kpi_threads(d->st, from, until, tally_thread, &t, error_r) < 0 ||
	     store_kpi_quotes(d->st, from, until, tally_quote, &t, error_r) < 0)) {
		tally_clear(&t, true);
		return -1;
	}
	*rows_r = tally_finish(&t);
	return 0;
}

double core_kpi_sla_share(const struct core_kpi_data *d, const struct core_kpi_row *row)
{
	if (d->sla_rule == NULL || row->sla_decided == 0)
		return -1.0;
	return (double)row->sla_within / (double)row->sla_decided;
}

int64_t *core_kpi_funnel(const struct core_kpi_data *d, size_t *n_r)
{
	size_t n = 0;

	while (stage_builtin(n) != NULL)
		n++;
	int64_t *counts = g_new0(int64_t, n > 0 ? n : 1);
	for (size_t i = 0; i < d->n_customers; i++) {
		const char *stage = d->customers[i]->stage != NULL ? d->customers[i]->stage :
		                    stage_builtin(0);
		for (size_t s = 0; s < n; s++) {
			if (strcmp(stage, stage_builtin(s)) == 0) {
				counts[s]++;
				break;
			}
		}
	}
	*n_r = n;
	return counts;
}

const char *core_kpi_funnel_stage(size_t i)
{
	return stage_builtin(i);
}
