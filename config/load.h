#ifndef FOLLOWUP_CONFIG_LOAD_H
#define FOLLOWUP_CONFIG_LOAD_H
/*
 * load: what the two halves of the loader share; private to config/.
 *
 *  - config.c reads the file (through inih), tracks sections and keys, and
 *    reports errors;
 *  - settings.c says what each section holds: its table of settings, the
 *    value parsers, the checks that involve several keys, and how each
 *    struct is cleared.
 *
 * Everything a load_state points to is owned by it until config_load()
 * hands the finished struct config to its caller.
 */
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "config/config.h"

#define CONFIG_MAX_LINE 1024       /* our own cap; inih's (197) is lower */
#define SECTION_MAX_KEYS 24

struct load_state;
struct setting_def;

/* Parses value into the field def->offset bytes into target (the struct of
 * the current section). On error *msg_r is what follows "KEY: ". */
typedef int setting_parse_fn(struct load_state *st, const struct setting_def *def,
                             void *target, const char *value, char **msg_r);

struct setting_def {
	const char *key;
	setting_parse_fn *parse;
	size_t offset;
	const char *default_value; /* parsed when the key is absent; NULL: none */
	const char *required;      /* non-NULL: must be given; an example line */
	unsigned min_seconds;      /* durations: the smallest value allowed */
	unsigned max_seconds;      /* durations: the largest (0: UINT_MAX) */
	const char *one_of;        /* settings with the same one_of exclude each other */
};

enum section_arg {
	SECTION_ARG_NONE,          /* [store] */
	SECTION_ARG_REQUIRED,      /* [account NAME] */
	SECTION_ARG_ANY,           /* [rule NAME], not checked here */
};

enum section_absent {
	SECTION_ABSENT_SKIP,       /* nothing to do */
	SECTION_ABSENT_DEFAULTS,   /* apply the defaults of its keys */
	SECTION_ABSENT_ERROR,      /* the file must have one */
};

struct section_def {
	const char *kind;
	const char *usage;         /* "[account NAME]", for messages */
	enum section_arg arg;
	bool repeatable;           /* may come more than once with the same name */
	enum section_absent absent;
	const char *absent_hint;   /* for SECTION_ABSENT_ERROR */
	const struct setting_def *settings; /* NULL: kept verbatim ([rule]) */
	size_t n_settings;
	/* Creates the section's struct; arg is "" when there is none. */
	int (*begin)(struct load_state *st, const char *arg, char **msg_r);
	/* The struct the settings' offsets are relative to. */
	void *(*target)(struct load_state *st);
	/* Checks that involve several keys, after defaults; reports itself. */
	int (*end)(struct load_state *st, void *target);
};

struct section_state {
	const struct section_def *def; /* NULL outside any section */
	char *label;                   /* "[account sales]" */
	int line;                      /* of the header; 0 for an absent section */
	int seen[SECTION_MAX_KEYS];    /* line where each key was given, or 0 */
};

struct load_state {
	const char *path;          /* as given, for messages */
	enum config_load_flags flags;
	mode_t mode;               /* of the file, for the check of inline passwords */
	char *dir;                 /* absolute directory of the file */
	FILE *file;
	int lineno;
	size_t n_bytes;
	char *error;               /* the first error, complete */
	struct config *cfg;
	GArray *accounts;          /* struct config_account */
	GArray *persons;           /* struct config_person */
	GArray *sources;           /* struct config_source */
	GArray *rules;             /* struct ini_section */
	GArray *rule_items;        /* struct ini_item of the current [rule] or [stages] */
	GHashTable *headers;       /* "kind name" -> line of its first header */
	int *kind_lines;           /* per config_section_defs[]: first header line, or 0 */
	struct section_state cur;
	char raw[CONFIG_MAX_LINE + 2];
};


/* The sections, in the order they are listed in messages. */
extern const struct section_def config_section_defs[];
extern const size_t config_n_section_defs;

/* Records the first error of a load (later ones are dropped) as
 * "FILE[:LINE]: [LABEL] [KEY]: message"; line 0, label NULL and key NULL
 * leave their part out. */
void config_load_error(struct load_state *st, int line, const char *label, const char *key,
                       const char *fmt, ...) G_GNUC_PRINTF(5, 6);

/* Index of key in the section's settings table, or -1. */
int config_setting_index(const struct section_def *sdef, const char *key);

/* Appends key = value on the current line to the current section kept
 * as written ([rule NAME], [stages]). */
void config_rule_item_add(struct load_state *st, const char *key, const char *value);

/* Free what the structs point to (not the structs), wiping passwords. The
 * void * ones are GArray clear functions. */
void config_account_clear(void *account);
void config_person_clear(void *person);
void config_source_clear(void *source);
void config_rule_clear(void *rule);
void config_company_clear(struct config_company *company);
void config_smtp_clear(struct config_smtp *smtp);
void config_classify_clear(struct config_classify *classify);
void config_grading_clear(struct config_grading *grading);

#endif
