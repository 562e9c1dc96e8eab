#ifndef FOLLOWUP_CORE_ROLES_H
#define FOLLOWUP_CORE_ROLES_H
/*
 * roles: who asks for a change of the sheet, and whether they may.
 *
 *   sales    their own customers (the assigned owner) and unowned ones:
 *            records, contacts, notes, claims, orders
 *   manager  as sales, and their team's customers (owned by a person
 *            whose `manager` they are), and assign
 *   finance  orders and payments of every customer, nothing else
 *   admin    everything (root is admin)
 *
 * A person is known by `unix-user` in [person]; someone who is no person
 * of the configuration may change nothing. Which commands change the
 * sheet is said here once, for the CLI (which sends them to followupd's
 * control socket) and the daemon (which runs only those from it).
 */
#include <stdbool.h>

#include "config/config.h"

enum core_change_kind {
	CORE_CHANGE_NONE = 0,    /* a command that changes nothing people keep */
	CORE_CHANGE_RECORD,      /* customer set, contact set, note add */
	CORE_CHANGE_CLAIM,       /* claim: take an unowned customer */
	CORE_CHANGE_ASSIGN,      /* assign: give a customer to someone */
	CORE_CHANGE_ORDER,       /* order add, set, paid, confirm */
	CORE_CHANGE_IMPORT,      /* import: many customers at once */
	CORE_CHANGE_FORGET,      /* forget: erase a person or customer */
};

/* Who asks. */
struct core_actor {
	const char *name;                    /* the person's email, or "root" */
	const struct config_person *person;  /* borrowed from the config; NULL: root */
	bool root;
};

/* The change the command words argv[0], argv[1] make (a two-word command
 * looks at both), CORE_CHANGE_NONE for the others; *words_r how many
 * words name it (0 for none). */
enum core_change_kind core_change_of_command(int argc, char *const *argv, int *words_r);

/* 0 when actor may make a change of kind to a customer whose assigned
 * owner is owner (NULL: nobody's; ignored for IMPORT and FORGET); -1 with
 * *why_r, a static sentence: "it is li.wei@example.com's customer, and
 * you are sales". */
int core_may_change(const struct config *cfg, const struct core_actor *actor,
                    enum core_change_kind kind, const char *owner, const char **why_r);

#endif
