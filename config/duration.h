#ifndef FOLLOWUP_CONFIG_DURATION_H
#define FOLLOWUP_CONFIG_DURATION_H
/*
 * duration: "30s", "5m", "1h", "2d", "1w" or a bare number of seconds.
 *
 * config_parse_duration() (config.h) is the public entry point; this is the
 * same parser with a reason on failure, for the loader's messages. Pure.
 */
#include <stdint.h>

/* 0 with *seconds_r set, or -1 with *reason_r a static string that reads
 * after the quoted value: "'6x' <reason>". */
int config_duration_parse(const char *text, uint64_t *seconds_r, const char **reason_r);

#endif
