/* stage: see stage.h. */
#include <stdbool.h>
#include <glib.h>

#include "rules/stage.h"

/* The way to an order, in order. */
static const char *const ladder[] = {
	"lead", "inquiry", "quoted", "sampling", "negotiating", "ordered", "shipped", "paid",
};
/* Set by people, left by mail as a lead is. */
static const char *const asleep[] = { "lost", "dormant" };

const char *stage_builtin(size_t i)
{
	if (i < G_N_ELEMENTS(ladder))
		return ladder[i];
	i -= G_N_ELEMENTS(ladder);
	return i < G_N_ELEMENTS(asleep) ? asleep[i] : NULL;
}

int stage_rank(const char *name)
{
	if (name == NULL)
		return 0;
	for (size_t i = 0; i < G_N_ELEMENTS(ladder); i++) {
		if (g_ascii_strcasecmp(name, ladder[i]) == 0)
			return (int)i;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(asleep); i++) {
		if (g_ascii_strcasecmp(name, asleep[i]) == 0)
			return 0;
	}
	return -1;
}

static const char *event_stage(enum stage_event event)
{
	switch (event) {
	case STAGE_EVENT_INQUIRY:
		return "inquiry";
	case STAGE_EVENT_QUOTE:
		return "quoted";
	case STAGE_EVENT_ORDER:
		return "ordered";
	case STAGE_EVENT_NONE:
		break;
	}
	return NULL;
}

const char *stage_after_event(const char *current, enum stage_event event)
{
	const char *to = event_stage(event);
	int from = stage_rank(current);

	if (to == NULL || from < 0)
		return NULL;
	/* A lost or dormant customer is awake again, whatever the rank. */
	bool asleep_now = current != NULL && from == 0 && g_ascii_strcasecmp(current, "lead") != 0;
	if (stage_rank(to) > from || (asleep_now && stage_rank(to) >= 0))
		return to;
	return NULL;
}
