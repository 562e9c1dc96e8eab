/* duration: parsing "30s", "5m", "1h", "2d", "1w" and bare seconds. */
#include "config/duration.h"
#include "config/config.h"

#include <errno.h>
#include <glib.h>

struct duration_unit {
	char suffix;
	uint64_t seconds;
};

static const struct duration_unit duration_units[] = {
	{ 's', 1 },
	{ 'm', 60 },
	{ 'h', 60 * 60 },
	{ 'd', 24 * 60 * 60 },
	{ 'w', 7 * 24 * 60 * 60 },
};

static const char duration_syntax_reason[] = "is not a duration (use 30s, 5m, 1h, 2d or 1w)";
static const char duration_overflow_reason[] =
	"is too large to be a duration (use a smaller number)";

/* The multiplier for the unit that ends a duration; 0 when unknown. */
static uint64_t duration_unit_seconds(const char *suffix)
{
	size_t i;

	if (suffix[0] == '\0')
		return 1;
	if (suffix[1] != '\0')
		return 0;
	for (i = 0; i < G_N_ELEMENTS(duration_units); i++) {
		if (duration_units[i].suffix == suffix[0])
			return duration_units[i].seconds;
	}
	return 0;
}

int config_duration_parse(const char *text, uint64_t *seconds_r, const char **reason_r)
{
	const char *reason = duration_syntax_reason;
	uint64_t count, unit;
	char *end = NULL;

	/* g_ascii_strtoull() would accept leading blanks and a sign: only a
	 * plain run of digits is a duration. */
	if (text == NULL || !g_ascii_isdigit(text[0]))
		goto fail;
	errno = 0;
	count = g_ascii_strtoull(text, &end, 10);
	if (end == text)
		goto fail;
	unit = duration_unit_seconds(end);
	if (unit == 0)
		goto fail;
	if (errno == ERANGE || count > UINT64_MAX / unit) {
		reason = duration_overflow_reason;
		goto fail;
	}
	*seconds_r = count * unit;
	return 0;
fail:
	*reason_r = reason;
	return -1;
}

int config_parse_duration(const char *text, uint64_t *seconds_r)
{
	const char *reason;

	return config_duration_parse(text, seconds_r, &reason);
}
