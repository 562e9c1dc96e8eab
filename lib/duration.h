#ifndef FOLLOWUP_LIB_DURATION_H
#define FOLLOWUP_LIB_DURATION_H
/*
 * duration: the one grammar of a duration, for the configuration
 * ("poll = 60s") and the rules ("within = 24h business"):
 *
 *   digits [blanks] [unit]      unit: s, m, h, d or w, in any case;
 *                               no unit: seconds
 *
 * What may follow (nothing, or "business") is the caller's to check.
 * Pure.
 */
#include <stdint.h>

/* 0 with the seconds in *seconds_r, *end_r just after the unit (or the
 * number) and in *unit_r the seconds of the unit written (0: none); or -1
 * with *reason_r a static string that reads after the quoted value
 * ("'6x' <reason>"). */
int duration_parse(const char *text, uint64_t *seconds_r, const char **end_r,
                   uint64_t *unit_r, const char **reason_r);

/* The same for a text that is a duration and nothing else. */
int duration_parse_all(const char *text, uint64_t *seconds_r, const char **reason_r);

#endif
