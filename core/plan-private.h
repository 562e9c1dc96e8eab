#ifndef FOLLOWUP_CORE_PLAN_PRIVATE_H
#define FOLLOWUP_CORE_PLAN_PRIVATE_H
/*
 * What the planner's parts share (core/plan.c: acknowledgements, service
 * levels, digests; core/plan_sheet.c: the sheet's dates). Not for other
 * modules.
 */
#include "core/plan.h"
#include "parsers/message.h"
#include "rules/owner.h"
#include "rules/rule_set.h"

/* A line for the log, told once the plan has committed. */
void plan_note(struct core_plan *plan, enum core_note_level level, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);
/* The address part of "Name <addr>" (or the whole string), lowercased.
 * New string. */
char *plan_address_of(const char *from);
/* How a person is greeted: their name, else their address. New string. */
char *plan_person_label(const struct owner_team *team, const char *email);
/* "3 h 20 min", "2 d 4 h", "45 min". New string. */
char *plan_human_duration(int64_t seconds);
/* Who a rule's WHO stands for about owner's customer: owner, the owner's
 * manager (else alerts-to), or the address. Borrowed; NULL: nobody. */
const char *plan_recipient_of(const struct owner_team *team, enum rule_who who,
                              const char *address, const char *owner);
/* Composes the mail and adds it to the outbox under key (unique: a key
 * queued before adds nothing, *outbox_id_r 0). 0 or -1 with *error_r. */
int plan_queue_mail(struct store *st, const struct config *cfg, const char *key,
                    const char *kind, const char *rule, int64_t thread, const char *regarding,
                    const struct msg_address *to, const char *envelope_from,
                    const char *subject, const char *body, const char *in_reply_to,
                    const char *const *references, const char *auto_submitted, int64_t now,
                    int64_t *outbox_id_r, char **error_r);

/* plan_queue_mail() for a mail of a text and an HTML page as
 * multipart/alternative (Auto-Submitted: auto-generated, no thread). */
int plan_queue_html_mail(struct store *st, const struct config *cfg, const char *key,
                         const char *kind, const struct msg_address *to,
                         const char *envelope_from, const char *subject, const char *text,
                         const char *html, int64_t now, int64_t *outbox_id_r, char **error_r);

/* The weekly reports of the people with `report = weekly DAY HH:MM`
 * (core/plan_report.c): one a person and week, once its time has come. 0
 * or -1 with plan->error. */
int plan_reports(struct store *st, struct core_plan *plan);

/* The sheet's dates (core/plan_sheet.c): payment reminders, next
 * actions, silences. 0 or -1 with plan->error. */
int plan_sheet(struct store *st, struct core_plan *plan);

#endif
