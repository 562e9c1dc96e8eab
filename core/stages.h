#ifndef FOLLOWUP_CORE_STAGES_H
#define FOLLOWUP_CORE_STAGES_H
/*
 * stages: the names a team gives the built-in stages (rules/stage.h),
 * from [stages] in followup.conf:
 *
 *   [stages]
 *   quoted = 已报价
 *   negotiating = in talks
 *
 * The store keeps the built-in id ("quoted") whatever the name, so a
 * renaming never rewrites data and the mail's moves stay the same. People
 * may write either the id or the name (case aside) wherever a stage is
 * asked for; what is shown is the name, else the id. A NULL
 * struct core_stage_names stands for no [stages]: the ids alone.
 */
#include <stddef.h>

#include "config/config.h"

#define CORE_STAGE_NAME_MAX_CHARS 40

struct core_stage_names;

/* Checks [stages]: each key a built-in stage, given once; each name one
 * line of at most CORE_STAGE_NAME_MAX_CHARS characters that stands for no
 * other stage (by its id or its name). 0 with *names_r, or -1 with
 * *error_r "FILE:LINE: [stages] KEY: what is wrong". */
int core_stage_names_new(const struct config *cfg, struct core_stage_names **names_r,
                         char **error_r);
void core_stage_names_free(struct core_stage_names **names);

/* The built-in id of what a person wrote: an id or a name, case aside,
 * blanks around it ignored; NULL when it names no stage. Static. */
const char *core_stage_id(const struct core_stage_names *names, const char *written);
/* What is shown for a stored stage: its name, else its id; a stored word
 * that is no built-in stage as it is; NULL stays NULL. Borrowed. */
const char *core_stage_display(const struct core_stage_names *names, const char *stored);
/* The stage moves among entries (kind "stage") get their text in the
 * team's names, "已报价 → negotiating" (the store keeps "quoted →
 * negotiating", as it was written); other entries are left alone. */
struct store_entry;
void core_stage_entries_name(const struct core_stage_names *names,
                             struct store_entry **entries, size_t n);
/* "lead, inquiry, 已报价, …": every stage as shown, for messages. New
 * string. */
char *core_stage_list(const struct core_stage_names *names);

#endif
