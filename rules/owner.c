/* owner: who answers for a thread (see owner.h). */
#include <string.h>
#include <glib.h>

#include "classify/language.h"
#include "rules/owner.h"

const struct owner_person *owner_find(const struct owner_team *team, const char *email)
{
	if (team == NULL || email == NULL || email[0] == '\0')
		return NULL;
	for (size_t i = 0; i < team->n_persons; i++) {
		if (team->persons[i].email != NULL &&
		    g_ascii_strcasecmp(team->persons[i].email, email) == 0)
			return &team->persons[i];
	}
	return NULL;
}

/* The first person, in the order of the config, who covers country. */
static const struct owner_person *find_for_country(const struct owner_team *team,
                                                   const char *country)
{
	for (size_t i = 0; i < team->n_persons; i++) {
		char *const *countries = team->persons[i].countries;

		for (size_t j = 0; countries != NULL && countries[j] != NULL; j++) {
			if (g_ascii_strcasecmp(countries[j], country) == 0)
				return &team->persons[i];
		}
	}
	return NULL;
}

const char *owner_of_thread(const struct owner_team *team, const char *last_writer,
                            const char *assigned_owner, const char *country,
                            const char *customer_key)
{
	const struct owner_person *person;

	if (team == NULL)
		return NULL;
	person = owner_find(team, last_writer);
	/* An assignment to someone who has left the team (no [person] any
	 * more) is passed over rather than alerting a dead mailbox. */
	if (person == NULL)
		person = owner_find(team, assigned_owner);
	if (person == NULL) {
		if (country == NULL || country[0] == '\0')
			country = language_country_of_domain(customer_key);
		if (country != NULL)
			person = find_for_country(team, country);
	}
	if (person != NULL)
		return person->email;
	return team->alerts_to;
}

const char *owner_manager(const struct owner_team *team, const char *person)
{
	const struct owner_person *p = owner_find(team, person);

	return p != NULL ? p->manager : NULL;
}

const char *owner_escalation_to(const struct owner_team *team, const char *owner)
{
	const char *manager = owner_manager(team, owner);

	if (manager != NULL)
		return manager;
	return team != NULL ? team->alerts_to : NULL;
}
