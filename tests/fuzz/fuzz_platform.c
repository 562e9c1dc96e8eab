/*
 * libFuzzer target for classify/platform.c's address finder: whatever
 * the text, each address it offers is valid (lib/address.h), lowercase,
 * and stands in the text (case aside); it looks at no more than its
 * bounded number of candidates.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <glib.h>

#include "classify/platform.h"
#include "lib/address.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	const char *text;
	unsigned offered;
};

/* Checks each offer and refuses it, so the finder goes on to the next. */
static bool refuse(const char *addr, void *p)
{
	struct seen *s = p;
	char *lower_text = g_ascii_strdown(s->text, -1);

	CHECK(address_is_valid(addr));
	for (const char *c = addr; *c != '\0'; c++)
		CHECK(!g_ascii_isupper(*c));
	CHECK(strstr(lower_text, addr) != NULL);
	g_free(lower_text);
	s->offered++;
	CHECK(s->offered <= 64);
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = g_strndup((const char *)data, size);
	struct seen s = { .text = text };

	CHECK(platform_find_address(text, refuse, &s) == NULL);
	g_free(text);
	return 0;
}
