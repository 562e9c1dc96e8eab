/*
 * duration: see duration.h.
 */
#include <errno.h>
#include <glib.h>

#include "lib/duration.h"

static const char duration_syntax_reason[] = "is not a duration (use 30s, 5m, 1h, 2d or 1w)";
static const char duration_overflow_reason[] =
	"is too large to be a duration (use a smaller number)";

/* The seconds of a unit letter (any case); 0 when it is none. */
static uint64_t unit_seconds(char unit)
{
	switch (g_ascii_tolower(unit)) {
	case 's': return 1;
	case 'm': return 60;
	case 'h': return 60 * 60;
	case 'd': return 24 * 60 * 60;
	case 'w': return 7 * 24 * 60 * 60;
	default: return 0;
	}
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

int duration_parse(const char *text, uint64_t *seconds_r, const char **end_r,
                   uint64_t *unit_r, const char **reason_r)
{
	uint64_t count, unit = 1;
	char *end = NULL;
	const char *p;

	/* g_ascii_strtoull() would accept leading blanks and a sign: only a
	 * plain run of digits starts a duration. */
	if (text == NULL || !g_ascii_isdigit(text[0]))
		goto syntax;
	errno = 0;
	count = g_ascii_strtoull(text, &end, 10);
	if (errno == ERANGE) {
		*reason_r = duration_overflow_reason;
		return -1;
	}
	p = skip_blanks(end);
	*unit_r = unit_seconds(*p);
	if (*unit_r != 0) {
		unit = unit_seconds(*p++);
		/* A unit is one letter: "5min" is not 5 minutes. */
		if (g_ascii_isalnum(*p))
			goto syntax;
	} else {
		p = end;
	}
	if (count > UINT64_MAX / unit) {
		*reason_r = duration_overflow_reason;
		return -1;
	}
	*seconds_r = count * unit;
	*end_r = p;
	return 0;
syntax:
	*reason_r = duration_syntax_reason;
	return -1;
}

int duration_parse_all(const char *text, uint64_t *seconds_r, const char **reason_r)
{
	const char *end;
	uint64_t unit;

	if (duration_parse(text, seconds_r, &end, &unit, reason_r) < 0)
		return -1;
	if (*end != '\0') {
		*reason_r = duration_syntax_reason;
		return -1;
	}
	return 0;
}

void duration_format_hm(int64_t seconds, const char *none, char *buf, size_t size)
{
	if (seconds < 0)
		g_strlcpy(buf, none, size);
	else
		g_snprintf(buf, size, "%lldh%02lldm", (long long)(seconds / 3600),
		           (long long)(seconds % 3600 / 60));
}

void duration_format_share(int64_t num, int64_t den, const char *none, char *buf, size_t size)
{
	if (den <= 0)
		g_strlcpy(buf, none, size);
	else
		g_snprintf(buf, size, "%lld%%", (long long)((num * 100 + den / 2) / den));
}
