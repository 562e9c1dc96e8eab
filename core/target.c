/* target: see target.h. */
#include <string.h>
#include <glib.h>

#include "core/target.h"
#include "classify/classify.h"

static char *key_of(const char *target, void *p)
{
	const struct core_runtime *rt = p;

	if (strchr(target, '@') != NULL)
		return classify_customer_key(rt->cls, target);
	char *addr = g_strconcat("postmaster@", target, NULL);
	char *key = classify_registrable_domain(rt->cls, addr);
	g_free(addr);
	return key;
}

int core_resolve_address_customer(struct store *st, const struct core_runtime *rt,
                                  const char *address, struct store_target *target_r,
                                  char **error_r)
{
	char *key = key_of(address, (void *)rt);
	int ret = 1;

	memset(target_r, 0, sizeof(*target_r));
	if (key != NULL)
		ret = store_resolve_target(st, key, NULL, NULL, target_r, error_r);
	g_free(key);
	return ret;
}

int core_resolve_target(struct store *st, const struct core_runtime *rt, const char *target,
                        struct store_target *target_r, char **error_r)
{
	return store_resolve_target(st, target, key_of, (void *)rt, target_r, error_r);
}
