#ifndef FOLLOWUP_CORE_KPI_H
#define FOLLOWUP_CORE_KPI_H
/*
 * kpi: the team's figures over a period, computed from the store each
 * time (nothing is kept): inquiries, first-response time in working
 * seconds, the share answered within the `on = inquiry` service level,
 * quotes, orders from them, follow-ups, customers gone silent, the
 * funnel, payments overdue. docs/KPI.md defines every figure; `followup
 * kpi` prints them and core/report_html.c draws them.
 *
 * core_kpi_data_open() reads the customers (in brief) and orders, and
 * core_kpi_rows_read() streams the period's conversations and quotes
 * from the store into the figures, one at a time (`followup kpi`: a year
 * of a million-message store is never in memory). core_kpi_data_load()
 * reads everything once, for the report's lists too, and core_kpi_rows()
 * computes the same figures from what it holds.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "core/rules_runtime.h"
#include "core/stages.h"
#include "store/store.h"

/* A customer who wrote no sales mail for this long has gone silent, when
 * no `on = silence` rule says how long. */
#define CORE_KPI_SILENT_DEFAULT_S (30 * 86400)

enum core_kpi_by {
	CORE_KPI_BY_NONE = 0,
	CORE_KPI_BY_OWNER,
	CORE_KPI_BY_COUNTRY,
	CORE_KPI_BY_GRADE,
	CORE_KPI_BY_MONTH,
	CORE_KPI_BY_WEEK,
};

/* "owner" … "week" -> 0 and *by_r; -1 for another word. */
int core_kpi_by_parse(const char *word, enum core_kpi_by *by_r);

/* What the figures are computed from; everything owned but rules and st,
 * st's data copied out. threads and quotes only by core_kpi_data_load(). */
struct core_kpi_data {
	const struct core_rules *rules;    /* borrowed */
	struct store *st;                  /* borrowed: core_kpi_rows_read() reads it */
	const char *timezone;              /* the company's (borrowed from the config) */
	int64_t now;
	const struct rule *sla_rule;       /* the first `on = inquiry` service level, or NULL */
	int64_t silent_after_s;            /* the first `on = silence` rule's within, else
	                                      CORE_KPI_SILENT_DEFAULT_S */
	struct sla_thread *threads;
	size_t n_threads;
	struct store_quote *quotes;
	size_t n_quotes;
	struct store_order *orders;
	size_t n_orders;
	struct store_customer **customers;
	size_t n_customers;
	GHashTable *customer_by_key;       /* key -> struct store_customer * (borrowed) */
	GHashTable *orders_by_quote;       /* quote Message-ID -> count (GINT_TO_POINTER) */
};

/* Reads threads with mail since `since`, every quote, order and customer.
 * 0 and *data_r, or -1 with *error_r (g_free). */
int core_kpi_data_load(const struct core_rules *rules, struct store *st, int64_t since,
                       int64_t now, struct core_kpi_data **data_r, char **error_r);
/* Reads every order and customer (store_customers_brief: no contacts,
 * tags or counts) and keeps st for core_kpi_rows_read(). 0 and *data_r,
 * or -1 with *error_r (g_free). */
int core_kpi_data_open(const struct core_rules *rules, struct store *st, int64_t now,
                       struct core_kpi_data **data_r, char **error_r);
void core_kpi_data_free(struct core_kpi_data **data);

/* The group of what no owner has, by owner. */
#define CORE_KPI_NOBODY "(nobody)"
/* The group of what has no country, by country. */
#define CORE_KPI_UNKNOWN_COUNTRY "(unknown)"

/* One group's figures (the whole team when group is NULL). A count that
 * cannot be had is -1 (a median of no answers; the customers' figures
 * by month or week: customers have no date). */
struct core_kpi_row {
	char *group;
	int64_t inquiries;
	int64_t answered;                  /* inquiries with a first response */
	int64_t first_response_median_s;   /* -1: no answer */
	int64_t first_response_p90_s;
	int64_t sla_decided;               /* answered, or past due without */
	int64_t sla_within;                /* answered by the rule's due */
	int64_t quotes;
	int64_t orders;                    /* orders naming one of these quotes */
	int64_t follow_ups;                /* our person-written mails to customers */
	int64_t followed_customers;        /* the customers they went to */
	int64_t silent;                    /* customers gone silent at the period's end */
	int64_t payments_overdue;          /* unsettled orders past their due day */
};

/* The whole team's row first, then with by one row a group, in the
 * groups' order (weeks and months by time, others by name). Mail counts
 * when dated in [from, to). A new GPtrArray of struct core_kpi_row
 * (g_ptr_array_unref frees them). */
GPtrArray *core_kpi_rows(const struct core_kpi_data *d, int64_t from, int64_t to,
                         enum core_kpi_by by);
/* core_kpi_rows() of the conversations and quotes read from d->st, only
 * those with mail in [from, to) and not after now, streamed: 0 and
 * *rows_r, or -1 with *error_r (g_free). */
int core_kpi_rows_read(const struct core_kpi_data *d, int64_t from, int64_t to,
                       enum core_kpi_by by, GPtrArray **rows_r, char **error_r);

/* Share of within among decided, or a negative number when nothing was
 * decided (or there is no service level). */
double core_kpi_sla_share(const struct core_kpi_data *d, const struct core_kpi_row *row);

/* The p-th percentile (1..100) of n values by the nearest rank: the
 * smallest value at least p% of the values are at or below. Sorts values.
 * -1 when n is 0. */
int64_t core_kpi_percentile(int64_t *values, size_t n, unsigned p);

/* The customers at each built-in stage (a customer with none is a lead),
 * in rules/stage.h's order: counts_r[i] for stage_builtin(i); n_r set to
 * the number of stages. New array (g_free). */
int64_t *core_kpi_funnel(const struct core_kpi_data *d, size_t *n_r);
/* The id of the funnel's i-th stage (stage_builtin()); NULL past the last. */
const char *core_kpi_funnel_stage(size_t i);

/* Whether customer c had gone silent at t: it wrote sales mail once, and
 * none in d->silent_after_s before t. */
bool core_kpi_silent(const struct core_kpi_data *d, const struct store_customer *c, int64_t t);

/* The group of a moment by month ("2026-11") or ISO week ("2026-W47") in
 * timezone (NULL: UTC). New string. */
char *core_kpi_period_key(int64_t t, const char *timezone, enum core_kpi_by by);

#endif
