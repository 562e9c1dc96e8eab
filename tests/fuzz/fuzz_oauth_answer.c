/*
 * libFuzzer target for parsers/oauth_answer.c: whatever a token endpoint
 * or a device authorization endpoint answers. Exactly one of a token and
 * an error comes back; every token kept is printable ASCII within its
 * limit; the lifetimes stay in range; an error is always said.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <glib.h>

#include "parsers/oauth_answer.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_token_text(const char *s, size_t max)
{
	size_t len = strlen(s);

	CHECK(len > 0 && len <= max);
	for (size_t i = 0; i < len; i++)
		CHECK(s[i] > ' ' && s[i] < 0x7f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct oauth_answer a = { 0 };
	struct oauth_device d = { 0 };
	char *error = NULL;

	if (oauth_answer_parse((const char *)data, size, &a, &error) == 0) {
		CHECK(error == NULL);
		CHECK((a.access_token == NULL) != (a.error == NULL));
		if (a.access_token != NULL) {
			check_token_text(a.access_token, OAUTH_TOKEN_MAX);
			CHECK(a.expires_in >= 1 && a.expires_in <= 366 * 86400);
		}
		if (a.refresh_token != NULL)
			check_token_text(a.refresh_token, OAUTH_REFRESH_TOKEN_MAX);
		if (a.error_description != NULL)
			CHECK(strlen(a.error_description) <= 300);
		oauth_answer_clear(&a);
	} else {
		CHECK(error != NULL && a.access_token == NULL);
		g_free(error);
		error = NULL;
	}
	if (oauth_device_parse((const char *)data, size, &d, &error) == 0) {
		check_token_text(d.device_code, OAUTH_TOKEN_MAX);
		check_token_text(d.user_code, 64);
		CHECK(d.interval >= 1 && d.interval <= 60);
		oauth_device_clear(&d);
	} else {
		CHECK(error != NULL);
		g_free(error);
	}
	return 0;
}
