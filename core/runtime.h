#ifndef FOLLOWUP_CORE_RUNTIME_H
#define FOLLOWUP_CORE_RUNTIME_H
/*
 * runtime: what a loaded config turns into before any message can be
 * filed: the public suffix list, the classifier with the company's
 * domains and the data lists (built in, or the files [classify] names),
 * and the parse and filing options. Shared by followupd and followup.
 */
#include <libpsl.h>

#include "config/config.h"
#include "core/filing.h"
#include "parsers/message.h"
#include "rules/owner.h"

struct core_stage_names;

struct core_runtime {
	const struct config *cfg;         /* borrowed */
	psl_ctx_t *psl;
	struct classify *cls;
	struct language_models *lang;
	/* Frees lang: set by core_runtime_languages() (runtime_languages.c),
	 * so that runtime.c does not pull libexttextcat into a program that
	 * never loads the models. */
	void (*lang_free)(struct language_models **lang);
	struct message_parse_options parse;
	struct filing_options filing;
	struct owner_team team;           /* the [person]s, for the owner rules */
	struct classify_source *sources;  /* the [source]s, for the classifier */
	struct core_stage_names *stages;  /* [stages]: the team's names (core/stages.h) */
};

/* 0, or -1 with *error_r (g_free) naming the file or key at fault. With
 * the language models (runtime_languages.c). */
int core_runtime_new(const struct config *cfg, struct core_runtime **rt_r, char **error_r);
/* core_runtime_new() without the language models (lang NULL): for a
 * process that may never analyse a message (the CLI: reading the models
 * is 40% of a `followup timeline`'s start-up). core_runtime_languages()
 * loads them when it turns out to need them. */
int core_runtime_new_lazy(const struct config *cfg, struct core_runtime **rt_r,
                          char **error_r);
/* Loads the language models unless loaded: 0, or -1 with *error_r. */
int core_runtime_languages(struct core_runtime *rt, char **error_r);
void core_runtime_free(struct core_runtime **rt);

#endif
