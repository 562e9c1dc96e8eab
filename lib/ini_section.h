#ifndef FOLLOWUP_LIB_INI_SECTION_H
#define FOLLOWUP_LIB_INI_SECTION_H
/*
 * ini_section: a section of the configuration as it was written, for a
 * reader of its own to check: the configuration keeps each [rule NAME]
 * so, and the rules engine (rules/rule_set.c) reads them, naming the file
 * and each item's line in its errors. Strings are owned by whoever made
 * the section.
 */
#include <stddef.h>

struct ini_item {
	char *key;
	char *value;
	int line;
};

struct ini_section {
	char *name;
	struct ini_item *items;
	size_t n_items;
	int line;
};

#endif
