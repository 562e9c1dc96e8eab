/*
 * rules_run: see rules_run.h. Planning runs as a store job on the thread
 * pool (it parses inquiries and composes mail); sending runs on the loop,
 * one SMTP transaction at a time, each answer recorded by a store job.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <glib.h>

#include "daemon/rules_run.h"
#include "daemon/log.h"
#include "daemon/smtp.h"
#include "daemon/writer.h"
#include "config/config.h"
#include "core/rules_runtime.h"
#include "core/analyze.h"
#include "core/filing.h"
#include "core/runtime.h"
#include "compose/compose.h"
#include "parsers/message.h"
#include "rules/ack.h"
#include "rules/owner.h"
#include "store/store.h"

#define PASS_INTERVAL_S 60
#define SLA_WINDOW (90 * 24 * 3600)       /* older conversations are settled */
#define SEND_BATCH 50
#define GIVE_UP_AFTER (3 * 24 * 3600)     /* temporary failures for this long: give up */
#define RECORD_DELAY_MAX_S 60             /* a full disk is checked again at least this often */

struct rules_runner {
	uv_loop_t *loop;
	struct rules_settings s;
	struct smtp_client *smtp;
	uv_timer_t timer;
	bool running;             /* a pass is under way */
	bool again;               /* another pass was asked for meanwhile */
	bool stopping;
	rules_done_fn *done, *next_done, *stopped;
	void *done_ctx, *next_done_ctx, *stopped_ctx;

	/* the send phase */
	struct store_outbox_item *item;   /* claimed, being sent */
	struct result_job *unrecorded;    /* an answer not yet recorded */
	uv_timer_t record_timer;          /* the next try to record it */
	unsigned record_delay_s;          /* 0 while answers are recorded */
	unsigned sent_in_pass;
	bool recovered;                   /* rows a stopped run left "sending" are pending again */
	unsigned open_handles;            /* while closing */
};

/* A store job of a pass. */
struct plan_job {
	struct rules_runner *rr;
	int64_t now;
	unsigned queued;
	GArray *notes;            /* struct plan_note: logged once the plan committed */
	char *error;
};

/* What a plan decided, told only if its transaction commits: a plan
 * rolled back (a crash, a full disk) is planned again, and its lines
 * would be told twice. */
struct plan_note {
	enum log_level level;
	char *text;
};

static void plan_note(struct plan_job *job, enum log_level level, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);

static void plan_note(struct plan_job *job, enum log_level level, const char *fmt, ...)
{
	va_list args;
	struct plan_note n = { .level = level };

	va_start(args, fmt);
	n.text = g_strdup_vprintf(fmt, args);
	va_end(args);
	g_array_append_val(job->notes, n);
}

/* Logs the notes (when told) and frees them. */
static void plan_notes_flush(struct plan_job *job, bool tell)
{
	for (guint i = 0; i < job->notes->len; i++) {
		struct plan_note *n = &g_array_index(job->notes, struct plan_note, i);
		if (tell)
			log_msg(n->level, "%s", n->text);
		g_free(n->text);
	}
	g_array_free(job->notes, TRUE);
	job->notes = NULL;
}

struct result_job {
	struct rules_runner *rr;
	int64_t id;
	int64_t now;
	enum smtp_result result;
	char *detail;
	int64_t created;
	unsigned attempts;        /* counting this one */
	char *what;               /* "ack to x@y <id>", for the log */
	char *error;
};

static int64_t clock_now(const struct rules_runner *rr)
{
	return rr->s.now != INT64_MIN ? rr->s.now : (int64_t)time(NULL);
}

static void pass_begin(struct rules_runner *rr);

/* ---- planning helpers (on a pool thread) ---- */

/* The address part of "Name <addr>" (or the whole string). New string. */
static char *address_of(const char *from)
{
	const char *lt = strrchr(from, '<'), *gt = lt != NULL ? strchr(lt, '>') : NULL;

	if (lt != NULL && gt != NULL)
		return g_ascii_strdown(lt + 1, gt - lt - 1);
	return g_ascii_strdown(from, -1);
}

/* The domain of our Message-IDs: the sender's, else the company's. New string. */
static char *mail_domain(const struct config *cfg)
{
	char *from = address_of(cfg->smtp.from != NULL ? cfg->smtp.from : "");
	const char *at = strrchr(from, '@');
	char *domain = g_strdup(at != NULL && at[1] != '\0' ? at + 1 : cfg->company.domains[0]);

	g_free(from);
	return domain;
}

/* How a person is greeted: their name, else their address. New string. */
static char *person_label(const struct owner_team *team, const char *email)
{
	const struct owner_person *p = owner_find(team, email);

	if (p != NULL && p->name != NULL)
		return g_strdup(p->name);
	return g_strdup(email != NULL ? email : "team");
}

static const char *person_name(const struct owner_team *team, const char *email)
{
	const struct owner_person *p = owner_find(team, email);

	return p != NULL && p->name != NULL ? p->name : NULL;
}

/* "3 h 20 min", "2 d 4 h", "45 min". */
static char *human_duration(int64_t seconds)
{
	int64_t m = seconds / 60, h = m / 60, d = h / 24;

	if (d > 0)
		return g_strdup_printf("%lld d %lld h", (long long)d, (long long)(h % 24));
	if (h > 0)
		return g_strdup_printf("%lld h %lld min", (long long)h, (long long)(m % 60));
	return g_strdup_printf("%lld min", (long long)MAX(m, 1));
}

static int queue_mail(struct store *st, const struct config *cfg, const char *key,
                      const char *kind, const char *rule, int64_t thread, const char *regarding,
                      const struct msg_address *to, const char *envelope_from,
                      const char *subject, const char *body, const char *in_reply_to,
                      const char *const *references, const char *auto_submitted, int64_t now,
                      int64_t *outbox_id_r, char **error_r)
{
	char *domain = mail_domain(cfg);
	char *mid = compose_message_id(domain, key);
	const char *extra[] = { "X-Followup-Rule", rule != NULL ? rule : kind, NULL };
	struct compose_input in = {
		.from = cfg->smtp.from,
		.to_name = to->name,
		.to_addr = to->addr,
		.subject = subject,
		.body = body,
		.in_reply_to = in_reply_to,
		.references = references,
		.auto_submitted = auto_submitted,
		.date = now,
		.message_id = mid,
		.extra_headers = extra,
	};
	const char *cerr = NULL;
	char *raw = NULL;
	size_t len = 0;
	int ret = -1;

	if (compose_message(&in, &raw, &len, &cerr) < 0) {
		*error_r = g_strdup_printf("cannot compose a %s to %s: %s", kind, to->addr, cerr);
		goto out;
	}
	struct store_outbox_new m = {
		.key = key,
		.kind = kind,
		.rule = rule,
		.thread = thread,
		.regarding = regarding,
		.recipient = to->addr,
		.envelope_from = envelope_from,
		.message_id = mid,
		.subject = subject,
		.raw = raw,
		.len = len,
		.created = now,
	};
	ret = store_outbox_add(st, &m, outbox_id_r, error_r);
out:
	g_free(raw);
	g_free(mid);
	g_free(domain);
	return ret;
}

/* ---- acknowledgements ---- */

/* An inquiry as the planner needs it: what analysing it found when it was
 * filed (the store keeps it), so it is not parsed again. A row filed
 * before the store kept that is analysed once more, here. */
struct ack_inquiry {
	enum ack_verdict screened;
	struct msg_address to;            /* addr NULL: nowhere */
	const char *subject;
	const char *message_id;           /* to refer to; NULL when made up by us */
	struct analyzed_message *again;   /* owned: the row analysed once more */
};

static bool screening_known(const struct store_ack_candidate *c, enum ack_verdict *verdict_r)
{
	if (!c->screened)
		return false;
	if (c->ack_block[0] == '\0') {
		*verdict_r = ACK_SEND;
		return true;
	}
	int v = ack_verdict_from_text(c->ack_block);
	*verdict_r = (enum ack_verdict)v;
	return v >= 0;     /* a text of another version: analysed again */
}

static int ack_inquiry_get(struct store *st, struct plan_job *job,
                           const struct store_ack_candidate *c, struct ack_inquiry *q)
{
	unsigned char *raw = NULL;
	size_t len = 0;

	memset(q, 0, sizeof(*q));
	if (screening_known(c, &q->screened)) {
		q->to.addr = c->ack_to_addr;
		q->to.name = c->ack_to_name;
		q->subject = c->subject;
		q->message_id = c->message_id_derived ? NULL : c->message_id;
		return 0;
	}
	if (store_raw_get(st, c->message_id, &raw, &len, &job->error) != 0)
		return -1;
	q->again = core_analyze(&job->rr->s.rt->filing.analyze, raw, len, false, false);
	g_free(raw);
	const struct parsed_message *msg = q->again->msg;
	const struct msg_address *to;
	q->screened = ack_screen(job->rr->s.rt->cls, msg, &to);
	if (to != NULL)
		q->to = *to;
	q->subject = msg->subject;
	q->message_id = msg->message_id_derived ? NULL : msg->message_id;
	return 0;
}

static int plan_ack(struct store *st, struct plan_job *job, const struct rule *rule,
                    const struct store_ack_candidate *c)
{
	const struct config *cfg = job->rr->s.cfg;
	const struct core_rules *rules = job->rr->s.rules;
	struct ack_inquiry q;
	struct ack_history history;
	char *subject = NULL, *body = NULL, *key = NULL, *owner = NULL;
	int ret = -1;

	if (ack_inquiry_get(st, job, c, &q) < 0)
		goto out;
	const struct msg_address *to = q.to.addr != NULL ? &q.to : NULL;
	if (store_ack_history(st, rule->name, c->thread, to != NULL ? to->addr : NULL,
	                      job->now - rule->ack_interval, job->now - ACK_HOURLY_WINDOW,
	                      &history, &job->error) < 0)
		goto out;
	enum ack_verdict verdict = ack_decide_screened(job->rr->s.rt->cls, rule, q.screened,
	                                               to != NULL ? to->addr : NULL, c->date,
	                                               job->now, &history);
	if (verdict == ACK_SEND) {
		const char *used = "";
		const struct template *t = template_set_pick(core_rules_ack_templates(rules, rule),
		                                             c->language, &used);
		const struct owner_team *team = &job->rr->s.rt->team;
		owner = g_strdup(owner_of_thread(team, NULL, NULL, NULL, c->customer));
		const char *owner_shown = person_name(team, owner);
		const char *vars[] = {
			"subject", q.subject, "name", to->name != NULL ? to->name : "",
			"company", cfg->company.name, "owner",
			owner_shown != NULL ? owner_shown : cfg->company.name, NULL,
		};
		subject = template_render(t->subject, vars, 1);
		body = template_render(t->body, vars, 0);
		key = g_strdup_printf("ack/%s/%s/%s", rule->name, to->addr, c->message_id);
		/* An inquiry refers to nothing (else it would be a reply): the
		 * acknowledgement's References is the inquiry alone. */
		const char *refs[] = { q.message_id, NULL };
		int64_t id = 0;
		if (queue_mail(st, cfg, key, "ack", rule->name, c->thread, c->message_id, to,
		               cfg->smtp.envelope_from, subject, body, q.message_id, refs,
		               "auto-replied", job->now, &id, &job->error) < 0)
			goto out;
		if (id > 0) {
			job->queued++;
			plan_note(job, LOG_LEVEL_INFO,
			          "rule %s: acknowledgement to %s for <%s> queued (template %s)",
			          rule->name, to->addr, c->message_id,
			          used[0] != '\0' ? used : "default");
		}
	} else {
		plan_note(job, LOG_LEVEL_INFO, "rule %s: no acknowledgement for <%s>: %s",
		          rule->name, c->message_id, ack_verdict_text(verdict));
	}
	ret = store_ack_record(st, rule->name, c->message,
	                       verdict == ACK_SEND ? "sent" : ack_verdict_text(verdict), job->now,
	                       &job->error);
out:
	g_free(subject);
	g_free(body);
	g_free(key);
	g_free(owner);
	core_analyzed_free(&q.again);
	return ret;
}

static int plan_acks(struct store *st, struct plan_job *job, const struct rule *rule)
{
	struct store_ack_candidate *cands = NULL;
	size_t n = 0;
	int ret = 0;

	if (store_ack_candidates(st, rule->name, job->now - rule->max_age, &cands, &n,
	                         &job->error) < 0)
		return -1;
	for (size_t i = 0; i < n && ret == 0; i++)
		ret = plan_ack(st, job, rule, &cands[i]);
	store_ack_candidates_free(&cands, n);
	return ret;
}

/* ---- alerts ---- */

struct alert_level {
	const char *level;        /* sla_events level */
	const char *kind;         /* outbox kind */
	enum alert_template tmpl;
	bool to_manager;          /* the escalation target instead of notify */
};

static const struct alert_level LEVEL_WARNING = { "warning", "warning", ALERT_TEMPLATE_WARNING, false };
static const struct alert_level LEVEL_BREACH = { "breached", "alert", ALERT_TEMPLATE_BREACH, false };
static const struct alert_level LEVEL_ESCALATION = { "escalated", "escalation",
                                                     ALERT_TEMPLATE_ESCALATION, true };

static const char *recipient_of(const struct owner_team *team, enum rule_who who,
                                const char *address, const char *owner)
{
	switch (who) {
	case RULE_WHO_OWNER:
		return owner;
	case RULE_WHO_MANAGER:
		return owner != NULL ? owner_manager(team, owner) : NULL;
	case RULE_WHO_ADDRESS:
		return address;
	case RULE_WHO_NONE:
		break;
	}
	return NULL;
}

static int queue_alert(struct store *st, struct plan_job *job, const struct overdue_entry *e,
                       const struct alert_level *lv)
{
	const struct config *cfg = job->rr->s.cfg;
	const struct owner_team *team = &job->rr->s.rt->team;
	const struct rule *rule = e->rule;
	const struct sla_thread *t = e->thread;
	const struct bizcal *cal = core_rules_calendar(job->rr->s.rules, e->owner);
	bool has;
	int ret = -1;

	if (store_sla_event_has(st, rule->name, t->thread, e->result.since, lv->level, &has,
	                        &job->error) < 0)
		return -1;
	if (has)
		return 0;
	const char *to_addr = lv->to_manager
		? recipient_of(team, rule->escalate_to, rule->escalate_address, e->owner)
		: recipient_of(team, rule->notify, rule->notify_address, e->owner);
	int64_t outbox_id = 0;
	char since[32], due[32];
	char *late = human_duration(MAX(job->now - e->result.due, 0));
	char *owner = person_label(team, e->owner), *manager = NULL;
	char *command = g_strdup_printf("followup timeline %s", t->customer != NULL
	                                ? t->customer : "?");
	char *key = g_strdup_printf("sla/%s/%lld/%lld/%s", rule->name, (long long)t->thread,
	                            (long long)e->result.since, lv->level);
	char *subject = NULL, *body = NULL, *from = address_of(cfg->smtp.from);

	bizcal_format_local(cal, e->result.since, since, sizeof(since));
	bizcal_format_local(cal, e->result.due, due, sizeof(due));
	manager = person_label(team, e->owner != NULL ? owner_manager(team, e->owner) : NULL);
	if (to_addr == NULL) {
		plan_note(job, LOG_LEVEL_WARNING,
		          "rule %s: thread %lld (%s) is %s, but nobody can be told: set "
		          "[company] alerts-to or a person's countries", rule->name,
		          (long long)t->thread, t->customer != NULL ? t->customer : "?", lv->level);
	} else {
		const char *vars[] = {
			"rule", rule->name, "customer", t->customer != NULL ? t->customer : "",
			"subject", t->subject, "since", since, "due", due, "late", late,
			"owner", owner, "manager", manager, "snippet",
			t->last_snippet != NULL ? t->last_snippet : "", "command", command,
			"company", cfg->company.name, "state", lv->level, NULL,
		};
		const struct template *tmpl = job->rr->s.rules->alerts[lv->tmpl];
		struct msg_address to = { .name = (char *)"", .addr = (char *)to_addr };
		subject = template_render(tmpl->subject, vars, 1);
		body = template_render(tmpl->body, vars, 0);
		if (queue_mail(st, cfg, key, lv->kind, rule->name, t->thread, t->last_message_id, &to,
		               from, subject, body, NULL, NULL, "auto-generated", job->now,
		               &outbox_id, &job->error) < 0)
			goto out;
		if (outbox_id > 0) {
			job->queued++;
			plan_note(job, LOG_LEVEL_INFO, "rule %s: %s for thread %lld (%s) to %s queued",
			          rule->name, lv->kind, (long long)t->thread,
			          t->customer != NULL ? t->customer : "?", to_addr);
		}
	}
	bool added;
	ret = store_sla_event_add(st, rule->name, t->thread, e->result.since, lv->level, outbox_id,
	                          job->now, &added, &job->error);
out:
	g_free(late);
	g_free(owner);
	g_free(manager);
	g_free(command);
	g_free(key);
	g_free(subject);
	g_free(body);
	g_free(from);
	return ret;
}

static int plan_alert(struct store *st, struct plan_job *job, const struct overdue_entry *e)
{
	switch (e->result.state) {
	case SLA_WARNING:
		return queue_alert(st, job, e, &LEVEL_WARNING);
	case SLA_BREACHED:
		return queue_alert(st, job, e, &LEVEL_BREACH);
	case SLA_ESCALATED:
		if (queue_alert(st, job, e, &LEVEL_BREACH) < 0)
			return -1;
		return e->rule->has_escalate ? queue_alert(st, job, e, &LEVEL_ESCALATION) : 0;
	default:
		return 0;
	}
}

/* One digest a day per person with a digest time and something open. */
static int plan_digest(struct store *st, struct plan_job *job, const struct config_person *p,
                       GArray *entries)
{
	const struct config *cfg = job->rr->s.cfg;
	const struct bizcal *cal = core_rules_calendar(job->rr->s.rules, p->email);
	int hh = 0, mm = 0;
	GString *list = g_string_new(NULL);
	unsigned count = 0;
	int ret = 0;

	if (sscanf(p->digest, "%d:%d", &hh, &mm) != 2)
		goto out;
	int64_t at = bizcal_next_local_time(cal, job->now - 24 * 3600 + 1, hh, mm);
	if (at > job->now)
		goto out;
	for (guint i = 0; i < entries->len; i++) {
		const struct overdue_entry *e = &g_array_index(entries, struct overdue_entry, i);
		if (e->owner == NULL || g_ascii_strcasecmp(e->owner, p->email) != 0)
			continue;
		char due[32];
		bizcal_format_local(cal, e->result.due, due, sizeof(due));
		g_string_append_printf(list, "  - %s: %s (%s, rule %s, due %s)\n",
		                       e->thread->customer != NULL ? e->thread->customer : "?",
		                       e->thread->subject, sla_state_name(e->result.state),
		                       e->rule->name, due);
		count++;
	}
	if (count == 0)
		goto out;
	char day[32], countbuf[16];
	bizcal_format_local(cal, at, day, sizeof(day));
	day[10] = '\0';
	snprintf(countbuf, sizeof(countbuf), "%u", count);
	char *key = g_strdup_printf("digest/%s/%s", p->email, day);
	char *command = g_strdup_printf("followup overdue --owner %s", p->email);
	g_strchomp(list->str);
	const char *vars[] = {
		"owner", p->name != NULL ? p->name : p->email, "count", countbuf, "items", list->str,
		"date", day, "command", command, "company", cfg->company.name, NULL,
	};
	const struct template *tmpl = job->rr->s.rules->alerts[ALERT_TEMPLATE_DIGEST];
	char *subject = template_render(tmpl->subject, vars, 1);
	char *body = template_render(tmpl->body, vars, 0);
	char *from = address_of(cfg->smtp.from);
	struct msg_address to = { .name = p->name != NULL ? p->name : (char *)"", .addr = p->email };
	int64_t id = 0;
	ret = queue_mail(st, cfg, key, "digest", NULL, 0, NULL, &to, from, subject, body, NULL,
	                 NULL, "auto-generated", job->now, &id, &job->error);
	if (ret == 0 && id > 0) {
		job->queued++;
		plan_note(job, LOG_LEVEL_INFO, "digest for %s (%u conversations) queued", p->email,
		          count);
	}
	g_free(key);
	g_free(subject);
	g_free(body);
	g_free(from);
	g_free(command);
out:
	g_string_free(list, TRUE);
	return ret;
}

static int plan_alerts(struct store *st, struct plan_job *job)
{
	struct sla_thread *threads = NULL;
	size_t n = 0;
	GArray *entries = NULL;
	int ret = -1;

	if (store_sla_threads(st, job->now - SLA_WINDOW, &threads, &n, &job->error) < 0)
		return -1;
	entries = core_rules_overdue(job->rr->s.rules, threads, n, job->now, NULL, NULL);
	for (guint i = 0; i < entries->len; i++) {
		if (plan_alert(st, job, &g_array_index(entries, struct overdue_entry, i)) < 0)
			goto out;
	}
	for (size_t i = 0; i < job->rr->s.cfg->n_persons; i++) {
		const struct config_person *p = &job->rr->s.cfg->persons[i];
		if (p->digest != NULL && plan_digest(st, job, p, entries) < 0)
			goto out;
	}
	ret = 0;
out:
	g_array_free(entries, TRUE);
	store_sla_threads_free(&threads, n);
	return ret;
}

static int run_plan(struct store *st, void *p)
{
	struct plan_job *job = p;
	const struct rule_set *set = job->rr->s.rules->set;
	bool any_sla = false;

	if (store_begin(st, &job->error) < 0)
		return -1;
	log_debug("rules: planning a pass");
	for (size_t i = 0; i < set->n_rules; i++) {
		const struct rule *rule = &set->rules[i];
		if (rule->action == RULE_ACTION_ACKNOWLEDGE) {
			if (plan_acks(st, job, rule) < 0)
				goto fail;
		} else {
			any_sla = true;
		}
	}
	if ((any_sla || job->rr->s.cfg->n_persons > 0) && plan_alerts(st, job) < 0)
		goto fail;
	return store_commit(st, &job->error);
fail:
	store_rollback(st);
	return -1;
}

/* ---- sending ---- */

/*
 * One message at a time: claim it (a committed transaction), send it,
 * record the answer. What cannot be claimed is not sent. An answer that
 * cannot be recorded (a full disk) is kept here and recorded again and
 * again, with a growing pause, and nothing else is sent meanwhile: a
 * message the server took is never sent twice while followupd runs.
 */

struct claim_job {
	struct rules_runner *rr;
	int64_t now;
	struct store_outbox_item *item;   /* NULL: nothing due */
	char *error;
};

static void pass_end(struct rules_runner *rr);
static void claim_next(struct rules_runner *rr);

/* Retry after 1, 5, 15, 60 minutes, then every 2 hours. */
static int64_t backoff(unsigned failures)
{
	static const int64_t steps[] = { 60, 300, 900, 3600 };

	return failures < G_N_ELEMENTS(steps) ? steps[failures] : 7200;
}

static int run_result(struct store *st, void *p)
{
	struct result_job *job = p;
	int ret = -1;

	g_free(job->error);
	job->error = NULL;
	if (store_begin(st, &job->error) < 0)
		return -1;
	switch (job->result) {
	case SMTP_SENT:
		ret = core_outbox_sent(st, &job->rr->s.rt->filing, job->id, job->now, true,
		                       &job->error);
		if (ret < 0 && store_last_failure(st) == STORE_FAILURE_OTHER) {
			/* Not the disk: filing our own mail failed for a reason that
			 * trying again will not cure. That it was sent is what must
			 * be recorded; the timeline goes without it. */
			log_error("outbox: %s was sent but cannot be filed on the timeline: %s",
			          job->what, job->error);
			store_rollback(st);
			g_free(job->error);
			job->error = NULL;
			if (store_begin(st, &job->error) < 0)
				return -1;
			ret = core_outbox_sent(st, NULL, job->id, job->now, false, &job->error);
		}
		break;
	case SMTP_TEMPFAIL:
		if (job->now - job->created > GIVE_UP_AFTER)
			ret = store_outbox_failed(st, job->id, job->detail, &job->error);
		else
			ret = store_outbox_retry(st, job->id,
			                         job->now + backoff(job->attempts > 0
			                                            ? job->attempts - 1 : 0),
			                         job->detail, &job->error);
		break;
	case SMTP_PERMFAIL:
		ret = store_outbox_failed(st, job->id, job->detail, &job->error);
		break;
	}
	if (ret < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, &job->error);
}

static void result_job_free(struct result_job **jobp)
{
	struct result_job *job = *jobp;

	if (job == NULL)
		return;
	*jobp = NULL;
	g_free(job->what);
	g_free(job->detail);
	g_free(job->error);
	g_free(job);
}

static void on_result_recorded(int result, void *p);

static void record_result(struct rules_runner *rr)
{
	writer_submit(rr->s.writer, run_result, on_result_recorded, rr->unrecorded);
}

static void on_record_timer(uv_timer_t *timer)
{
	record_result(timer->data);
}

/* The answer stays in memory; the outbox waits until it is recorded. */
static void keep_unrecorded(struct rules_runner *rr, struct result_job *job)
{
	if (rr->stopping) {
		log_error("outbox: %s: the server's answer (%s) could not be recorded before "
		          "stopping: %s; it will be sent again when followupd starts",
		          job->what, job->detail, job->error);
		result_job_free(&rr->unrecorded);
		pass_end(rr);
		return;
	}
	if (rr->record_delay_s == 0 && !writer_store_failing(rr->s.writer))
		log_error("outbox: %s: cannot record the server's answer (%s): %s; keeping it, "
		          "and sending nothing more until it is recorded", job->what, job->detail,
		          job->error);
	else
		log_debug("outbox: %s: still cannot record the answer: %s", job->what, job->error);
	rr->record_delay_s = rr->record_delay_s == 0 ? 1 : MIN(rr->record_delay_s * 2,
	                                                        RECORD_DELAY_MAX_S);
	uv_timer_start(&rr->record_timer, on_record_timer, (uint64_t)rr->record_delay_s * 1000, 0);
}

static void on_result_recorded(int result, void *p)
{
	struct result_job *job = p;
	struct rules_runner *rr = job->rr;

	if (result < 0) {
		keep_unrecorded(rr, job);
		return;
	}
	if (rr->record_delay_s != 0)
		log_notice("outbox: %s: the server's answer is recorded now; sending again",
		           job->what);
	rr->record_delay_s = 0;
	result_job_free(&rr->unrecorded);
	/* A daemon ends a pass after a batch, so that planning is not held up
	 * by a long queue (the next pass goes on); --once sends all that is due. */
	if (++rr->sent_in_pass >= SEND_BATCH && rr->s.repeat) {
		rr->again = true;
		pass_end(rr);
	} else {
		claim_next(rr);
	}
}

static void on_sent(enum smtp_result result, const char *detail, void *ctx)
{
	struct rules_runner *rr = ctx;
	struct store_outbox_item *it = rr->item;
	struct result_job *job = g_new0(struct result_job, 1);

	job->rr = rr;
	job->id = it->id;
	job->now = clock_now(rr);
	job->result = result;
	job->detail = g_strdup(detail);
	job->created = it->created;
	job->attempts = it->attempts;
	job->what = g_strdup_printf("%s to %s <%s>", it->kind, it->recipient, it->message_id);
	switch (result) {
	case SMTP_SENT:
		log_info("sent %s", job->what);
		break;
	case SMTP_TEMPFAIL:
		log_warning("%s not sent, will retry: %s", job->what, detail);
		break;
	case SMTP_PERMFAIL:
		log_error("%s given up: %s", job->what, detail);
		break;
	}
	store_outbox_items_free(&rr->item, 1);
	rr->unrecorded = job;
	record_result(rr);
}

static int run_claim(struct store *st, void *p)
{
	struct claim_job *job = p;
	int rc;

	if (store_begin(st, &job->error) < 0)
		return -1;
	rc = store_outbox_claim(st, job->now, &job->item, &job->error);
	if (rc < 0 || store_commit(st, &job->error) < 0) {
		store_rollback(st);
		store_outbox_items_free(&job->item, 1);
		return -1;
	}
	return 0;
}

static void on_claimed(int result, void *p)
{
	struct claim_job *job = p;
	struct rules_runner *rr = job->rr;

	if (result < 0 && !writer_store_failing(rr->s.writer))
		log_error("outbox: %s", job->error);
	rr->item = job->item;
	g_free(job->error);
	g_free(job);
	/* Once claimed it is sent, even when a stop came meanwhile: the stop
	 * waits for this one transaction, as for any in flight. */
	if (rr->item == NULL) {
		pass_end(rr);
		return;
	}
	/* A transfer that cannot even start is a temporary failure: recorded
	 * like one, so that the claim does not outlive this pass. */
	if (smtp_client_send(rr->smtp, rr->item->envelope_from, rr->item->recipient,
	                     rr->item->raw, rr->item->len, on_sent, rr) < 0)
		on_sent(SMTP_TEMPFAIL, "cannot start an SMTP transaction", rr);
}

static void claim_next(struct rules_runner *rr)
{
	if (rr->stopping) {
		pass_end(rr);
		return;
	}
	struct claim_job *job = g_new0(struct claim_job, 1);
	job->rr = rr;
	job->now = clock_now(rr);
	writer_submit(rr->s.writer, run_claim, on_claimed, job);
}

static void on_planned(int result, void *p)
{
	struct plan_job *job = p;
	struct rules_runner *rr = job->rr;

	plan_notes_flush(job, result == 0);
	if (result < 0 && !writer_store_failing(rr->s.writer))
		log_error("rules: %s", job->error != NULL ? job->error : "failed");
	g_free(job->error);
	g_free(job);
	if (rr->stopping || rr->smtp == NULL) {
		pass_end(rr);
		return;
	}
	rr->sent_in_pass = 0;
	claim_next(rr);
}

/* ---- recovery at start ---- */

struct recover_job {
	struct rules_runner *rr;
	int64_t now;
	struct store_outbox_item *items;
	size_t n;
	char *error;
};

static int run_recover(struct store *st, void *p)
{
	struct recover_job *job = p;

	if (store_begin(st, &job->error) < 0)
		return -1;
	if (store_outbox_recover(st, job->now, &job->items, &job->n, &job->error) < 0 ||
	    store_commit(st, &job->error) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

static void on_recovered(int result, void *p)
{
	struct recover_job *job = p;

	/* Until it succeeds, each pass tries again first. */
	job->rr->recovered = result == 0;
	if (result < 0 && !writer_store_failing(job->rr->s.writer))
		log_error("outbox: %s", job->error);
	for (size_t i = 0; i < job->n; i++)
		log_warning("outbox: %s to %s <%s> was being sent when followupd stopped; sending "
		            "it again with the same Message-ID", job->items[i].kind,
		            job->items[i].recipient, job->items[i].message_id);
	store_outbox_items_free(&job->items, job->n);
	g_free(job->error);
	g_free(job);
}

static void recover(struct rules_runner *rr)
{
	struct recover_job *job = g_new0(struct recover_job, 1);

	job->rr = rr;
	job->now = clock_now(rr);
	writer_submit(rr->s.writer, run_recover, on_recovered, job);
}

/* ---- passes ---- */

static void on_timer(uv_timer_t *timer)
{
	rules_runner_pass(timer->data, NULL, NULL);
}

static void pass_end(struct rules_runner *rr)
{
	store_outbox_items_free(&rr->item, 1);
	rr->running = false;
	rules_done_fn *done = rr->done;
	void *ctx = rr->done_ctx;
	rr->done = NULL;
	if (done != NULL)
		done(rr, ctx);
	if (rr->stopping) {
		if (rr->stopped != NULL) {
			rules_done_fn *stopped = rr->stopped;
			rr->stopped = NULL;
			stopped(rr, rr->stopped_ctx);
		}
		return;
	}
	if (rr->again) {
		rr->again = false;
		rr->done = rr->next_done;
		rr->done_ctx = rr->next_done_ctx;
		rr->next_done = NULL;
		pass_begin(rr);
		return;
	}
	if (rr->s.repeat)
		uv_timer_start(&rr->timer, on_timer, PASS_INTERVAL_S * 1000, 0);
}

static void pass_begin(struct rules_runner *rr)
{
	struct plan_job *job = g_new0(struct plan_job, 1);

	if (!rr->recovered)
		recover(rr);

	rr->running = true;
	uv_timer_stop(&rr->timer);
	job->rr = rr;
	job->now = clock_now(rr);
	job->notes = g_array_new(FALSE, FALSE, sizeof(struct plan_note));
	writer_submit(rr->s.writer, run_plan, on_planned, job);
}

struct rules_runner *rules_runner_new(uv_loop_t *loop, const struct rules_settings *s)
{
	struct rules_runner *rr = g_new0(struct rules_runner, 1);

	rr->loop = loop;
	rr->s = *s;
	uv_timer_init(loop, &rr->timer);
	rr->timer.data = rr;
	uv_timer_init(loop, &rr->record_timer);
	rr->record_timer.data = rr;
	if (s->cfg->smtp.present) {
		struct smtp_settings ss = {
			.url = s->cfg->smtp.url,
			.tls = s->cfg->smtp.tls,
			.user = s->cfg->smtp.user,
			.password = s->cfg->smtp.password,
			.ca_file = s->cfg->smtp.ca_file,
			.timeout_seconds = s->cfg->smtp.timeout_seconds,
		};
		rr->smtp = smtp_client_new(loop, &ss);
	}
	/* Before any pass: what the last run left half-sent is due again. */
	recover(rr);
	return rr;
}

void rules_runner_pass(struct rules_runner *rr, rules_done_fn *done, void *ctx)
{
	if (rr->stopping) {
		if (done != NULL)
			done(rr, ctx);
		return;
	}
	if (rr->running) {
		/* One pass at a time; the asker waits for the next. */
		rr->again = true;
		if (done != NULL) {
			rr->next_done = done;
			rr->next_done_ctx = ctx;
		}
		return;
	}
	rr->done = done;
	rr->done_ctx = ctx;
	pass_begin(rr);
}

void rules_runner_stop(struct rules_runner *rr, rules_done_fn *stopped, void *ctx)
{
	rr->stopping = true;
	uv_timer_stop(&rr->timer);
	if (rr->unrecorded != NULL && uv_is_active((uv_handle_t *)&rr->record_timer)) {
		/* One last try to record the answer before stopping. */
		uv_timer_stop(&rr->record_timer);
		record_result(rr);
	}
	if (!rr->running) {
		if (stopped != NULL)
			stopped(rr, ctx);
		return;
	}
	rr->stopped = stopped;
	rr->stopped_ctx = ctx;
}

static void on_timer_closed(uv_handle_t *handle)
{
	struct rules_runner *rr = handle->data;

	if (--rr->open_handles == 0)
		g_free(rr);
}

void rules_runner_free(struct rules_runner **rrp)
{
	struct rules_runner *rr = *rrp;

	if (rr == NULL)
		return;
	*rrp = NULL;
	smtp_client_free(&rr->smtp);
	store_outbox_items_free(&rr->item, 1);
	result_job_free(&rr->unrecorded);
	rr->open_handles = 2;
	uv_close((uv_handle_t *)&rr->timer, on_timer_closed);
	uv_close((uv_handle_t *)&rr->record_timer, on_timer_closed);
}
