/* platform: see platform.h. */
#include <string.h>
#include <glib.h>

#include "classify/platform.h"
#include "lib/address.h"

#define ADDRESS_MAX 254
/* Addresses looked at in one text: a text full of '@' costs no more. */
#define CANDIDATES_MAX 64

static bool is_local_char(char c)
{
	return g_ascii_isalnum(c) || strchr("._%+-", c) != NULL;
}

static bool is_domain_char(char c)
{
	return g_ascii_isalnum(c) || c == '.' || c == '-';
}

char *platform_find_address(const char *text, platform_keep_fn *keep, void *ctx)
{
	unsigned candidates = 0;

	if (text == NULL)
		return NULL;
	for (const char *at = strchr(text, '@'); at != NULL && candidates < CANDIDATES_MAX;
	     at = strchr(at + 1, '@')) {
		const char *start = at, *end = at + 1;
		while (start > text && is_local_char(start[-1]) && at - start < ADDRESS_MAX)
			start--;
		while (*end != '\0' && is_domain_char(*end) && end - at < ADDRESS_MAX)
			end++;
		while (end > at + 1 && (end[-1] == '.' || end[-1] == '-'))
			end--;                        /* "write to a@b.com." */
		while (start < at && start[0] == '.')
			start++;
		if (start == at || end == at + 1)
			continue;
		candidates++;
		char *addr = g_ascii_strdown(start, end - start);
		if (address_is_valid(addr) && keep(addr, ctx))
			return addr;
		g_free(addr);
	}
	return NULL;
}

struct keep_ctx {
	const struct classify *cls;
	char *platform_domain;        /* the From's registrable domain, or NULL */
};

static bool is_buyer_address(const char *addr, void *p)
{
	struct keep_ctx *k = p;
	char *domain;
	bool same;

	if (!classify_is_external_address(k->cls, addr))
		return false;
	domain = classify_registrable_domain(k->cls, addr);
	same = domain != NULL && k->platform_domain != NULL &&
	       strcmp(domain, k->platform_domain) == 0;
	g_free(domain);
	return !same;
}

char *platform_buyer(const struct classify *cls, const struct classify_source *source,
                     const struct parsed_message *msg)
{
	struct keep_ctx k = { .cls = cls };
	char *buyer = NULL;

	if (msg->from.addr != NULL)
		k.platform_domain = classify_registrable_domain(cls, msg->from.addr);
	if (!source->buyer_in_body) {
		for (size_t i = 0; i < msg->reply_to.count && buyer == NULL; i++) {
			const char *addr = msg->reply_to.items[i].addr;
			if (addr != NULL && address_is_valid(addr) && is_buyer_address(addr, &k))
				buyer = g_ascii_strdown(addr, -1);
		}
	} else {
		buyer = platform_find_address(msg->body_text, is_buyer_address, &k);
	}
	g_free(k.platform_domain);
	return buyer;
}
