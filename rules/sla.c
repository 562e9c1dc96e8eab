/* sla: one conversation against one service-level rule (see sla.h).
 *
 * The thread becomes a timeline sorted by date. From the trigger on, each
 * message may switch the clock between running and paused; the running
 * stretches are walked until they hold `within` of (working) time. Only
 * messages up to `now` are known, and the state after the last of them
 * lasts forever, so a due date can be told in advance. Messages from the
 * stop event on do not change the pauses: the due date an answer is
 * measured against is the one that was announced before it came.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <glib.h>

#include "rules/sla.h"

struct sorted_message {
	const struct sla_message *msg;
	size_t index;           /* in the caller's array: ties keep that order */
};

/* Where the clock stands after some message of the timeline. */
struct pause_state {
	bool ours_last;         /* the latest sales message after the trigger is ours */
	bool away;              /* the customer's latest inbound message is an auto-reply */
};

static int compare_by_date(const void *a, const void *b)
{
	const struct sorted_message *x = a, *y = b;

	if (x->msg->date != y->msg->date)
		return x->msg->date < y->msg->date ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static bool is_sales(const struct sla_message *m)
{
	return m->kind == MSG_KIND_INQUIRY || m->kind == MSG_KIND_REPLY ||
	       m->kind == MSG_KIND_QUOTE;
}

/* Index in sorted of the trigger, or -1. */
static ssize_t find_trigger(const struct rule *rule, const struct sorted_message *sorted,
                            size_t n)
{
	size_t i;

	if (rule->on == RULE_ON_INQUIRY) {
		for (i = 0; i < n; i++) {
			if (sorted[i].msg->kind == MSG_KIND_INQUIRY)
				return (ssize_t)i;
		}
		return -1;
	}
	/* The latest quotation: a newer one restarts the clock. */
	for (i = n; i > 0; i--) {
		const struct sla_message *m = sorted[i - 1].msg;

		if (m->kind == MSG_KIND_QUOTE && m->dir == MSG_DIR_OUT)
			return (ssize_t)(i - 1);
	}
	return -1;
}

/* Our reply: a person's answer, never an automatic ack or an alert.
 * The customer's reply: a real message, never an auto-reply, bounce or bulk. */
static bool is_until_event(const struct rule *rule, const struct sla_message *m)
{
	if (rule->until == RULE_UNTIL_OUR_REPLY)
		return m->dir == MSG_DIR_OUT &&
		       (m->kind == MSG_KIND_REPLY || m->kind == MSG_KIND_QUOTE);
	return m->dir == MSG_DIR_IN &&
	       (m->kind == MSG_KIND_REPLY || m->kind == MSG_KIND_INQUIRY);
}

static void pause_state_update(struct pause_state *ps, const struct sla_message *m)
{
	if (is_sales(m))
		ps->ours_last = m->dir == MSG_DIR_OUT;
	/* Away from the auto-reply until the customer writes again or we do;
	 * bounces and bulk mail are not the customer writing. */
	if (m->dir == MSG_DIR_IN && m->kind == MSG_KIND_AUTO_REPLY)
		ps->away = true;
	else if (is_sales(m))
		ps->away = false;
}

static bool pause_state_paused(const struct rule *rule, const struct pause_state *ps)
{
	return ((rule->pause_while & RULE_PAUSE_WAITING_ON_CUSTOMER) && ps->ours_last) ||
	       ((rule->pause_while & RULE_PAUSE_OUT_OF_OFFICE) && ps->away);
}

/* to - from, at most INT64_MAX: hostile Date headers may lie anywhere. */
static int64_t span_seconds(int64_t from, int64_t to)
{
	int64_t diff;

	if (to <= from)
		return 0;
	if (__builtin_sub_overflow(to, from, &diff))
		return INT64_MAX;
	return diff;
}

/* Time on the clock in [from, to): working time or calendar time. */
static int64_t clock_elapsed(const struct rule_duration *d, const struct bizcal *cal,
                             int64_t from, int64_t to)
{
	if (to <= from)
		return 0;
	return d->business ? bizcal_elapsed(cal, from, to) : span_seconds(from, to);
}

/* The instant `amount` of clock time after start, without pauses. */
static int64_t clock_add(const struct rule_duration *d, const struct bizcal *cal,
                         int64_t start, int64_t amount)
{
	if (start == INT64_MAX)
		return INT64_MAX;
	if (d->business)
		return bizcal_add(cal, start, amount);
	if (start > 0 && amount > INT64_MAX - start)
		return INT64_MAX;
	return start + amount;
}

/* The running stretches of the clock from the trigger (sorted[trigger])
 * to the stop event (sorted[end], or the end of the timeline): pairs of
 * [start, end) instants in *runs, the last one open (INT64_MAX). */
static GArray *running_stretches(const struct rule *rule, const struct sorted_message *sorted,
                                 size_t trigger, size_t end)
{
	GArray *runs = g_array_new(FALSE, FALSE, sizeof(int64_t));
	struct pause_state ps = { false, false };
	int64_t open = INT64_MAX;     /* start of the current stretch, or none */
	int64_t t = sorted[trigger].msg->date;
	size_t i;

	if (!pause_state_paused(rule, &ps))
		open = t;
	for (i = trigger + 1; i < end; i++) {
		const struct sla_message *m = sorted[i].msg;

		pause_state_update(&ps, m);
		if (pause_state_paused(rule, &ps)) {
			if (open != INT64_MAX) {
				if (m->date > open) {
					g_array_append_val(runs, open);
					g_array_append_val(runs, m->date);
				}
				open = INT64_MAX;
			}
		} else if (open == INT64_MAX) {
			open = m->date;
		}
	}
	if (open != INT64_MAX) {
		int64_t forever = INT64_MAX;

		g_array_append_val(runs, open);
		g_array_append_val(runs, forever);
	}
	return runs;
}

/* When the clock, running only in runs, reaches amount; INT64_MAX when a
 * pause never ends before it does. */
static int64_t clock_reaches(const struct rule *rule, const struct bizcal *cal,
                             const GArray *runs, int64_t amount)
{
	int64_t left = amount;
	size_t i;

	for (i = 0; i + 1 < runs->len; i += 2) {
		int64_t from = g_array_index(runs, int64_t, i);
		int64_t to = g_array_index(runs, int64_t, i + 1);
		int64_t got;

		if (to == INT64_MAX)
			return clock_add(&rule->within, cal, from, left);
		got = clock_elapsed(&rule->within, cal, from, to);
		if (got >= left)
			return clock_add(&rule->within, cal, from, left);
		left -= got;
	}
	return INT64_MAX;
}

static void result_not_applicable(struct sla_result *result)
{
	result->state = SLA_NOT_APPLICABLE;
	result->since = 0;
	result->due = INT64_MAX;
	result->warn_at = INT64_MAX;
	result->escalate_at = INT64_MAX;
	result->stopped_at = INT64_MAX;
	result->overdue_seconds = 0;
}

static enum sla_state state_at(const struct sla_result *r, int64_t now)
{
	if (r->stopped_at <= now)
		return SLA_STOPPED;
	if (now >= r->escalate_at)
		return SLA_ESCALATED;
	if (now >= r->due)
		return SLA_BREACHED;
	if (now >= r->warn_at)
		return SLA_WARNING;
	return SLA_RUNNING;
}

int sla_evaluate(const struct rule *rule, const struct sla_message *msgs, size_t n,
                 const struct bizcal *cal, int64_t now, struct sla_result *result)
{
	struct sorted_message small[16];    /* most threads: no allocation */
	struct sorted_message *sorted = NULL;
	GArray *runs = NULL;
	size_t i, n_known = 0, end;
	ssize_t trigger;
	int ret = -1;

	if (rule == NULL || result == NULL || rule->action != RULE_ACTION_SLA)
		return -1;
	if (cal == NULL && (rule->within.business ||
	                    (rule->has_escalate && rule->escalate_after.business)))
		return -1;
	result_not_applicable(result);

	/* What has happened by now, in order. */
	sorted = n <= G_N_ELEMENTS(small) ? small : g_new0(struct sorted_message, n);
	for (i = 0; i < n; i++) {
		if (msgs[i].date <= now) {
			sorted[n_known].msg = &msgs[i];
			sorted[n_known].index = i;
			n_known++;
		}
	}
	qsort(sorted, n_known, sizeof(*sorted), compare_by_date);

	trigger = find_trigger(rule, sorted, n_known);
	if (trigger < 0) {
		ret = 0;
		goto out;
	}
	result->since = sorted[trigger].msg->date;
	for (end = (size_t)trigger + 1; end < n_known; end++) {
		if (is_until_event(rule, sorted[end].msg)) {
			result->stopped_at = sorted[end].msg->date;
			break;
		}
	}

	runs = running_stretches(rule, sorted, (size_t)trigger, end);
	result->due = clock_reaches(rule, cal, runs, rule->within.seconds);
	if (rule->warn_at_percent > 0)
		result->warn_at = clock_reaches(rule, cal, runs,
		                                rule->within.seconds *
		                                (int64_t)rule->warn_at_percent / 100);
	if (rule->has_escalate)
		result->escalate_at = clock_add(&rule->escalate_after, cal, result->due,
		                                rule->escalate_after.seconds);
	result->state = state_at(result, now);
	if (result->state == SLA_BREACHED || result->state == SLA_ESCALATED)
		result->overdue_seconds = span_seconds(result->due, now);
	ret = 0;
out:
	if (runs != NULL)
		g_array_free(runs, TRUE);
	if (sorted != small)
		g_free(sorted);
	return ret;
}

const char *sla_state_name(enum sla_state state)
{
	switch (state) {
	case SLA_STOPPED: return "stopped";
	case SLA_RUNNING: return "running";
	case SLA_WARNING: return "warning";
	case SLA_BREACHED: return "breached";
	case SLA_ESCALATED: return "escalated";
	case SLA_NOT_APPLICABLE:
	default: return "n/a";
	}
}

/* ---- every rule over every conversation ---- */

struct sla_calendars {
	struct bizcal *company;
	GHashTable *persons;      /* email -> struct bizcal * */
};

static void calendar_free(gpointer p)
{
	struct bizcal *cal = p;

	bizcal_free(&cal);
}

struct sla_calendars *sla_calendars_new(struct bizcal *company)
{
	struct sla_calendars *cals = g_new0(struct sla_calendars, 1);

	cals->company = company;
	cals->persons = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, calendar_free);
	return cals;
}

void sla_calendars_add(struct sla_calendars *cals, const char *person, struct bizcal *cal)
{
	g_hash_table_insert(cals->persons, g_strdup(person), cal);
}

void sla_calendars_free(struct sla_calendars **cals)
{
	if (*cals == NULL)
		return;
	bizcal_free(&(*cals)->company);
	g_hash_table_destroy((*cals)->persons);
	g_free(*cals);
	*cals = NULL;
}

const struct bizcal *sla_calendars_of(const struct sla_calendars *cals, const char *person)
{
	const struct bizcal *cal = person != NULL ? g_hash_table_lookup(cals->persons, person)
	                                          : NULL;

	return cal != NULL ? cal : cals->company;
}

const char *sla_thread_owner(const struct owner_team *team, const struct sla_thread *t)
{
	return owner_of_thread(team, t->last_writer, t->customer_owner, t->country, t->customer);
}

static gint overdue_cmp(gconstpointer a, gconstpointer b)
{
	const struct overdue_entry *x = a, *y = b;

	if (x->result.overdue_seconds != y->result.overdue_seconds)
		return x->result.overdue_seconds > y->result.overdue_seconds ? -1 : 1;
	if (x->result.due != y->result.due)
		return x->result.due < y->result.due ? -1 : 1;
	return x->thread->thread < y->thread->thread ? -1 : (x->thread->thread > y->thread->thread);
}

GArray *sla_overdue(const struct rule_set *set, const struct owner_team *team,
                    const struct sla_calendars *cals, const struct sla_thread *threads,
                    size_t n, int64_t now, const char *owner, const char *rule_name)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(struct overdue_entry));

	/* Thread by thread, each rule in the set's order: the owner and the
	 * calendar are found once a thread. The stable sort gives the order
	 * rule by rule did: entries of different threads never tie, and one
	 * thread's keep the rules' order either way. */
	for (size_t t = 0; t < n; t++) {
		const char *thread_owner = sla_thread_owner(team, &threads[t]);
		if (owner != NULL &&
		    (thread_owner == NULL || g_ascii_strcasecmp(owner, thread_owner) != 0))
			continue;
		const struct bizcal *cal = sla_calendars_of(cals, thread_owner);
		for (size_t i = 0; i < set->n_rules; i++) {
			const struct rule *rule = &set->rules[i];
			if (rule->action != RULE_ACTION_SLA ||
			    (rule_name != NULL && strcmp(rule->name, rule_name) != 0))
				continue;
			struct overdue_entry e = { .rule = rule, .thread = &threads[t],
			                           .owner = thread_owner };
			if (sla_evaluate(rule, threads[t].msgs, threads[t].n_msgs, cal, now,
			                 &e.result) < 0)
				continue;
			if (e.result.state == SLA_WARNING || e.result.state == SLA_BREACHED ||
			    e.result.state == SLA_ESCALATED)
				g_array_append_val(out, e);
		}
	}
	g_array_sort(out, overdue_cmp);
	return out;
}
