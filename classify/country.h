#ifndef FOLLOWUP_CLASSIFY_COUNTRY_H
#define FOLLOWUP_CLASSIFY_COUNTRY_H
/*
 * country: what the customer records need of countries: an ISO 3166-1
 * code as a person writes it, the country a customer's domain suggests,
 * and how a national phone number of a country is dialled from abroad
 * (data/calling_codes.txt, compiled in). Pure; thread-safe.
 */
#include <stdbool.h>

#include "lib/phone.h"

/* The ISO 3166-1 alpha-2 code text is ("de" -> "DE", "UK" -> "GB"),
 * static; NULL when it is none. */
const char *country_code(const char *text);
/* The country a customer key's domain suggests, by its ccTLD
 * ("kunde.de" -> "DE", "empresa.com.co" -> "CO"; ".com", ".io" and free
 * mail: NULL). Static. */
const char *country_of_domain(const char *customer_key);
/* The calling code and trunk prefix of a country (ISO code, any case):
 * 0 with *plan_r (static strings), -1 when the country has none. */
int country_phone_plan(const char *country, struct phone_plan *plan_r);
/* True when e164 ("+4989…") starts with a calling code some country has. */
bool country_calling_code_known(const char *e164);

#endif
