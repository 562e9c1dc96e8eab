/* forget: see forget.h. */
#include <string.h>
#include <glib.h>

#include "core/forget.h"

char *core_forget_suppress_hash(const char *kind, const char *value)
{
	char *lower = g_utf8_strdown(value, -1);
	char *text = g_strdup_printf("%s:%s", kind, lower);
	char *hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256, text, -1);

	g_free(text);
	g_free(lower);
	return hash;
}

static int check_one(struct store *st, const char *kind, const char *value, bool *hit_r,
                     char **error_r)
{
	if (value == NULL || value[0] == '\0' || *hit_r)
		return 0;
	char *hash = core_forget_suppress_hash(kind, value);
	int ret = store_forgotten_has(st, hash, hit_r, error_r);
	g_free(hash);
	return ret;
}

int core_forget_suppressed(struct store *st, const struct analyzed_message *am,
                           bool *suppressed_r, char **error_r)
{
	*suppressed_r = false;
	if (check_one(st, "address", am->counterpart.addr, suppressed_r, error_r) < 0 ||
	    check_one(st, "customer", am->customer_key, suppressed_r, error_r) < 0)
		return -1;
	return 0;
}
