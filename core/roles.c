/* roles: who may change what (see roles.h). */
#include <string.h>
#include <glib.h>

#include "core/roles.h"

static const struct {
	const char *words;           /* one word, or two separated by a space */
	enum core_change_kind kind;
} change_commands[] = {
	{ "customer set", CORE_CHANGE_RECORD },
	{ "contact set", CORE_CHANGE_RECORD },
	{ "note add", CORE_CHANGE_RECORD },
	{ "claim", CORE_CHANGE_CLAIM },
	{ "assign", CORE_CHANGE_ASSIGN },
	{ "order add", CORE_CHANGE_ORDER },
	{ "order set", CORE_CHANGE_ORDER },
	{ "order paid", CORE_CHANGE_ORDER },
	{ "order confirm", CORE_CHANGE_ORDER },
	{ "import", CORE_CHANGE_IMPORT },
	{ "forget", CORE_CHANGE_FORGET },
};

enum core_change_kind core_change_of_command(int argc, char *const *argv, int *words_r)
{
	*words_r = 0;
	for (size_t i = 0; argc >= 1 && i < G_N_ELEMENTS(change_commands); i++) {
		const char *w = change_commands[i].words, *space = strchr(w, ' ');
		if (space == NULL && strcmp(w, argv[0]) == 0) {
			*words_r = 1;
			return change_commands[i].kind;
		}
		if (space != NULL && argc >= 2 && strlen(argv[0]) == (size_t)(space - w) &&
		    strncmp(w, argv[0], (size_t)(space - w)) == 0 && strcmp(space + 1, argv[1]) == 0) {
			*words_r = 2;
			return change_commands[i].kind;
		}
	}
	return CORE_CHANGE_NONE;
}

static bool same(const char *a, const char *b)
{
	return a != NULL && b != NULL && g_ascii_strcasecmp(a, b) == 0;
}

/* owner is someone whose manager is manager. */
static bool in_team(const struct config *cfg, const char *manager, const char *owner)
{
	for (size_t i = 0; owner != NULL && i < cfg->n_persons; i++) {
		if (same(cfg->persons[i].email, owner))
			return same(cfg->persons[i].manager, manager);
	}
	return false;
}

int core_may_change(const struct config *cfg, const struct core_actor *actor,
                    enum core_change_kind kind, const char *owner, const char **why_r)
{
	const struct config_person *p = actor->person;
	bool mine = owner == NULL || same(owner, actor->name);

	if (kind == CORE_CHANGE_NONE || actor->root)
		return 0;
	if (p == NULL) {
		*why_r = "you are no [person] of the configuration (unix-user)";
		return -1;
	}
	switch (p->role) {
	case CONFIG_ROLE_ADMIN:
		return 0;
	case CONFIG_ROLE_FINANCE:
		if (kind == CORE_CHANGE_ORDER)
			return 0;
		*why_r = "finance changes orders and payments only";
		return -1;
	case CONFIG_ROLE_MANAGER:
		if (kind == CORE_CHANGE_IMPORT || kind == CORE_CHANGE_FORGET)
			break;
		if (mine || in_team(cfg, actor->name, owner))
			return 0;
		*why_r = "the customer is neither yours, nor unowned, nor your team's";
		return -1;
	case CONFIG_ROLE_SALES:
		if (kind == CORE_CHANGE_IMPORT || kind == CORE_CHANGE_FORGET)
			break;
		if (kind == CORE_CHANGE_ASSIGN) {
			*why_r = "a manager assigns customers (claim an unowned one: followup claim)";
			return -1;
		}
		if (mine)
			return 0;
		*why_r = "the customer is someone else's (its owner or a manager changes it)";
		return -1;
	}
	*why_r = kind == CORE_CHANGE_IMPORT ? "import is for admins"
	                                    : "forget is for admins";
	return -1;
}
