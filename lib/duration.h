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
#include <stddef.h>
#include <stdint.h>

/* 0 with the seconds in *seconds_r, *end_r just after the unit (or the
 * number) and in *unit_r the seconds of the unit written (0: none); or -1
 * with *reason_r a static string that reads after the quoted value
 * ("'6x' <reason>"). */
int duration_parse(const char *text, uint64_t *seconds_r, const char **end_r,
                   uint64_t *unit_r, const char **reason_r);

/* The same for a text that is a duration and nothing else. */
int duration_parse_all(const char *text, uint64_t *seconds_r, const char **reason_r);

/* A span of time as every list writes it, hours and minutes: "47h30m",
 * "0h05m"; none (seconds < 0) as `none` ("-"). Lateness, response times
 * and the like are written this one way (issue 10: the team's words). */
void duration_format_hm(int64_t seconds, const char *none, char *buf, size_t size);
/* A share as a whole percent, rounded: "33%"; den <= 0 as `none`. */
void duration_format_share(int64_t num, int64_t den, const char *none, char *buf, size_t size);

#endif
