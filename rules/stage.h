#ifndef FOLLOWUP_RULES_STAGE_H
#define FOLLOWUP_RULES_STAGE_H
/*
 * stage: where a customer stands on the way to an order, and how mail
 * moves it: forward only, never back by itself.
 *
 *   lead -> inquiry -> quoted -> sampling -> negotiating -> ordered
 *        -> shipped -> paid;          lost, dormant: set by people
 *
 * An inquiry (any sales mail from the customer) moves a lead to inquiry;
 * a quote we sent moves it to quoted; a proforma invoice or an order
 * confirmation we sent moves it to ordered. A customer a person marked
 * lost or dormant who writes or is written to again is moved as a lead
 * would be. A stored stage that is none of these (a person's own word,
 * written before stages were checked) is never moved by mail. Pure.
 */
#include <stddef.h>

enum stage_event {
	STAGE_EVENT_NONE = 0,
	STAGE_EVENT_INQUIRY,
	STAGE_EVENT_QUOTE,
	STAGE_EVENT_ORDER,
};

/* The stage mail of event moves a customer at current (NULL: a lead) to,
 * a static name; NULL when it does not move. */
const char *stage_after_event(const char *current, enum stage_event event);

/* The built-in stages by their ids, in order: the way to an order, then
 * lost and dormant; NULL past the last. What the database stores and the
 * names a team may give them ([stages] in followup.conf, core/stages.h)
 * stand for. */
const char *stage_builtin(size_t i);

/* A stage's place on the way (lead 0 … paid 7; lost and dormant 0, as a
 * lead; NULL: a lead), or -1 for a word that is not a stage above. */
int stage_rank(const char *name);

#endif
