#ifndef FOLLOWUP_LIB_PHONE_H
#define FOLLOWUP_LIB_PHONE_H
/*
 * phone: a phone number as people write it, made E.164 ("+4989123456").
 * Pure: the calling code and trunk prefix of a national number come from
 * the caller (classify/country.c reads them from data/calling_codes.txt).
 *
 *   "+49 (0)89 1234-56" -> "+4989123456"   "0049 89 123456" -> "+4989123456"
 *   "089 123456" with DE's plan (49, trunk 0) -> "+4989123456"
 *
 * Accepted: an international number "+CC…" or "00CC…"; a national number
 * when the plan says the calling code (its trunk prefix, e.g. "0", is
 * dropped once when it leads). Spaces, tabs, '-', '.', '/' and
 * parentheses are separators; "(0)" (the trunk digit some write after
 * the calling code) is dropped. Anything else, a '+' not at the start, an
 * extension, fewer than 7 or more than 15 digits in all is refused.
 */

/* How a national number of one country is dialled from abroad. Strings
 * are borrowed. */
struct phone_plan {
	const char *calling_code;   /* digits, e.g. "49"; NULL: unknown */
	const char *trunk_prefix;   /* digits dialled before a national number at
	                             * home, e.g. "0", "8", "06"; NULL: none */
};

/* 0 with *e164_r (g_free), or -1 with *error_r (g_free) saying what is
 * wrong with the number, in words that follow "phone: ". plan may be NULL
 * (only international numbers are then accepted). */
int phone_to_e164(const char *input, const struct phone_plan *plan, char **e164_r,
                  char **error_r);

#endif
