#ifndef FOLLOWUP_RULES_OWNER_H
#define FOLLOWUP_RULES_OWNER_H
/*
 * owner: who on the team answers for a thread.
 *
 *  1. the colleague who last wrote in it (the From of our latest outbound
 *     message, when that address is a [person]);
 *  2. else the customer's assigned owner (`followup assign`);
 *  3. else the [person] whose countries contain the customer's country
 *     (set on the customer, else the ccTLD of its domain: "kunde.de" -> DE);
 *  4. else [company] alerts-to.
 * Pure.
 */
#include "config/config.h"

/* A borrowed address (a person's email, or cfg->company.alerts_to), or
 * NULL when nobody can be found. last_writer, assigned_owner, country may
 * be NULL; customer_key is used for the ccTLD. */
const char *owner_of_thread(const struct config *cfg, const char *last_writer,
                            const char *assigned_owner, const char *country,
                            const char *customer_key);
/* The manager of a person, or NULL. */
const char *owner_manager(const struct config *cfg, const char *person);

#endif
