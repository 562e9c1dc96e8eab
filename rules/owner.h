#ifndef FOLLOWUP_RULES_OWNER_H
#define FOLLOWUP_RULES_OWNER_H
/*
 * owner: the team, and who on it answers for a thread.
 *
 *  1. the colleague who last wrote in it (the From of our latest outbound
 *     message, when that address is a [person]);
 *  2. else the customer's assigned owner (`followup assign`);
 *  3. else the [person] whose countries contain the customer's country
 *     (set on the customer, else the ccTLD of its domain: "kunde.de" -> DE);
 *  4. else [company] alerts-to.
 * Pure: the team is made by core/ from the configuration.
 */
#include <stddef.h>

/* A colleague, as the rules see them. Strings are borrowed. */
struct owner_person {
	const char *email;        /* lowercased */
	const char *name;         /* or NULL */
	const char *manager;      /* an email, or NULL */
	char *const *countries;   /* NULL-terminated ISO 3166 codes; may be NULL */
};

/* The team, in the order of the configuration (the first who covers a
 * country wins). */
struct owner_team {
	const struct owner_person *persons;
	size_t n_persons;
	const char *alerts_to;    /* the fallback owner, or NULL */
};

/* A person by email (any case), or NULL (also for a NULL or empty email). */
const struct owner_person *owner_find(const struct owner_team *team, const char *email);
/* A borrowed address (a person's email, or team->alerts_to), or NULL when
 * nobody can be found. last_writer, assigned_owner, country may be NULL;
 * customer_key is used for the ccTLD. */
const char *owner_of_thread(const struct owner_team *team, const char *last_writer,
                            const char *assigned_owner, const char *country,
                            const char *customer_key);
/* Where an escalation about owner's thread goes: owner's manager; for an
 * owner who has none, or who is no person of the team (the thread fell to
 * alerts-to), [company] alerts-to. NULL when neither exists. */
const char *owner_escalation_to(const struct owner_team *team, const char *owner);
/* The manager of a person, or NULL. */
const char *owner_manager(const struct owner_team *team, const char *person);

#endif
