/*
 * stages: a team's names of the built-in stages (see stages.h). Ten
 * stages at most: every lookup is a walk over them.
 */
#include <string.h>
#include <glib.h>

#include "core/records.h"
#include "core/stages.h"
#include "rules/stage.h"
#include "store/store.h"

struct core_stage_names {
	size_t n;                /* the built-in stages */
	char **names;            /* the configured name, or NULL */
	char **folded_names;     /* casefolded, or NULL */
};

static size_t n_builtin(void)
{
	size_t n = 0;

	while (stage_builtin(n) != NULL)
		n++;
	return n;
}

static void names_init(struct core_stage_names *sn)
{
	sn->n = n_builtin();
	sn->names = g_new0(char *, sn->n);
	sn->folded_names = g_new0(char *, sn->n);
}

/* The configured name of stage i, or NULL (also when there are no names:
 * NULL stands for a configuration without [stages]). */
static const char *name_at(const struct core_stage_names *sn, size_t i, bool folded)
{
	if (sn == NULL)
		return NULL;
	return folded ? sn->folded_names[i] : sn->names[i];
}

static size_t index_of_id(const char *key)
{
	const char *id;
	size_t i;

	for (i = 0; (id = stage_builtin(i)) != NULL; i++) {
		if (g_ascii_strcasecmp(id, key) == 0)
			break;
	}
	return i;
}

/* The stage that folded (a casefolded text) stands for, by id or name;
 * the number of stages when none. */
static size_t index_of_folded(const struct core_stage_names *sn, const char *folded)
{
	const char *id;
	size_t i;

	for (i = 0; (id = stage_builtin(i)) != NULL; i++) {
		if (strcmp(id, folded) == 0 || g_strcmp0(name_at(sn, i, true), folded) == 0)
			break;
	}
	return i;
}

/* One "id = name" of [stages]; NULL when fine, else why (new string). */
static char *take_item(struct core_stage_names *sn, const struct ini_item *item,
                       const int *lines)
{
	size_t i = index_of_id(item->key), other;
	const char *why;
	char *name, *folded;

	if (i == sn->n) {
		char *known = core_stage_list(NULL);
		char *msg = g_strdup_printf("no such stage (the stages: %s)", known);
		g_free(known);
		return msg;
	}
	if (sn->names[i] != NULL)
		return g_strdup_printf("given twice (first at line %d)", lines[i]);
	if ((why = core_text_invalid(item->value, CORE_STAGE_NAME_MAX_CHARS, false)) != NULL)
		return g_strdup_printf("'%s' %s (a name on one line, at most %d characters)",
		                       item->value, why, CORE_STAGE_NAME_MAX_CHARS);
	name = g_strstrip(g_strdup(item->value));
	if (name[0] == '\0') {
		g_free(name);
		return g_strdup("an empty name (leave the line out to keep the stage's own)");
	}
	folded = g_utf8_casefold(name, -1);
	other = index_of_folded(sn, folded);
	if (other != sn->n && other != i) {
		char *msg = g_strdup_printf("'%s' stands for the stage %s already (each name "
		                            "may stand for one stage)", name, stage_builtin(other));
		g_free(name);
		g_free(folded);
		return msg;
	}
	sn->names[i] = name;
	sn->folded_names[i] = folded;
	return NULL;
}

int core_stage_names_new(const struct config *cfg, struct core_stage_names **names_r,
                         char **error_r)
{
	struct core_stage_names *sn = g_new0(struct core_stage_names, 1);
	const struct ini_section *sec = &cfg->stages;
	int *lines;
	char *why = NULL;

	names_init(sn);
	lines = g_new0(int, sn->n);
	for (size_t k = 0; k < sec->n_items && why == NULL; k++) {
		const struct ini_item *item = &sec->items[k];
		size_t i = index_of_id(item->key);
		if ((why = take_item(sn, item, lines)) != NULL)
			*error_r = g_strdup_printf("%s:%d: [stages] %s: %s", cfg->path, item->line,
			                           item->key, why);
		else
			lines[i] = item->line;
	}
	g_free(lines);
	if (why != NULL) {
		g_free(why);
		core_stage_names_free(&sn);
		return -1;
	}
	*names_r = sn;
	return 0;
}

void core_stage_names_free(struct core_stage_names **names)
{
	struct core_stage_names *sn = *names;

	if (sn == NULL)
		return;
	for (size_t i = 0; i < sn->n; i++) {
		g_free(sn->names[i]);
		g_free(sn->folded_names[i]);
	}
	g_free(sn->names);
	g_free(sn->folded_names);
	g_free(sn);
	*names = NULL;
}

const char *core_stage_id(const struct core_stage_names *names, const char *written)
{
	char *trimmed = g_strstrip(g_strdup(written));
	char *folded = g_utf8_casefold(trimmed, -1);
	size_t i = index_of_folded(names, folded);

	g_free(folded);
	g_free(trimmed);
	return stage_builtin(i);
}

const char *core_stage_display(const struct core_stage_names *names, const char *stored)
{
	size_t i;

	if (stored == NULL)
		return NULL;
	i = index_of_id(stored);
	if (stage_builtin(i) == NULL)
		return stored;
	return name_at(names, i, false) != NULL ? name_at(names, i, false) : stage_builtin(i);
}

char *core_stage_list(const struct core_stage_names *names)
{
	GString *out = g_string_new(NULL);
	const char *id;

	for (size_t i = 0; (id = stage_builtin(i)) != NULL; i++) {
		g_string_append_printf(out, "%s%s", i > 0 ? ", " : "", core_stage_display(names, id));
	}
	return g_string_free(out, FALSE);
}

void core_stage_entries_name(const struct core_stage_names *names,
                             struct store_entry **entries, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct store_entry *e = entries[i];
		if (g_strcmp0(e->kind, "stage") != 0 || g_strcmp0(e->direction, "note") != 0)
			continue;
		g_free(e->snippet);
		e->snippet = g_strdup_printf("%s → %s",
		                             core_stage_display(names, e->stage_from != NULL
		                                                       ? e->stage_from : "lead"),
		                             core_stage_display(names, e->stage_to != NULL
		                                                       ? e->stage_to : "lead"));
	}
}
