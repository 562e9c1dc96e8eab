/* owner: who answers for a thread (see owner.h). */
#include <string.h>
#include <glib.h>

#include "rules/language.h"
#include "rules/owner.h"

/* config_find_person() lives in config/, which rules/ may not use. */
static const struct config_person *find_person(const struct config *cfg, const char *email)
{
	size_t i;

	if (email == NULL || email[0] == '\0')
		return NULL;
	for (i = 0; i < cfg->n_persons; i++) {
		if (cfg->persons[i].email != NULL &&
		    g_ascii_strcasecmp(cfg->persons[i].email, email) == 0)
			return &cfg->persons[i];
	}
	return NULL;
}

/* The first person, in the order of the config, who covers country. */
static const struct config_person *find_person_for_country(const struct config *cfg,
                                                           const char *country)
{
	size_t i, j;

	for (i = 0; i < cfg->n_persons; i++) {
		char **countries = cfg->persons[i].countries;

		for (j = 0; countries != NULL && countries[j] != NULL; j++) {
			if (g_ascii_strcasecmp(countries[j], country) == 0)
				return &cfg->persons[i];
		}
	}
	return NULL;
}

const char *owner_of_thread(const struct config *cfg, const char *last_writer,
                            const char *assigned_owner, const char *country,
                            const char *customer_key)
{
	const struct config_person *person;

	if (cfg == NULL)
		return NULL;
	person = find_person(cfg, last_writer);
	/* An assignment to someone who has left the team (no [person] any
	 * more) is passed over rather than alerting a dead mailbox. */
	if (person == NULL)
		person = find_person(cfg, assigned_owner);
	if (person == NULL) {
		if (country == NULL || country[0] == '\0')
			country = language_country_of_domain(customer_key);
		if (country != NULL)
			person = find_person_for_country(cfg, country);
	}
	if (person != NULL)
		return person->email;
	return cfg->company.alerts_to;
}

const char *owner_manager(const struct config *cfg, const char *person)
{
	const struct config_person *p;

	if (cfg == NULL)
		return NULL;
	p = find_person(cfg, person);
	return p != NULL ? p->manager : NULL;
}
