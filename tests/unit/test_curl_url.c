/* daemon/curl_url: libcurl reads every URL the configuration accepts as
 * the configuration does (scheme, host, port), and says what differs
 * when it would not. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "daemon/curl_url.h"

static void test_agrees(void **state)
{
	static const char *const imap[] = {
		"imap://mail.example.com", "imaps://mail.example.com:993",
		"imap://127.0.0.1:14300", "imaps://[::1]:993", "IMAPS://Mail.Example.COM/",
		"imap://[2001:db8::1]", "imaps://xn--bcher-kva.example:10993",
		"imap://localhost:143/", "imap://mail.example.com:0993",
	};
	char *reason = NULL;

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(imap); i++) {
		int rc = curl_url_agrees(imap[i], "imap", "imaps", &reason);
		if (rc != 0)
			fail_msg("%s: %s", imap[i], reason);
	}
	assert_int_equal(curl_url_agrees("smtps://smtp.example.com:465", "smtp", "smtps", &reason),
	                 0);
}

static void test_refused(void **state)
{
	static const char *const bad[] = {
		"imap://user:secret@mail.example.com", "imap://mail.example.com/INBOX",
		"pop3://mail.example.com", "imap://mail.example.com:99999", "imap://127.1",
		"imap://[::1", "imap://", "mail.example.com",
	};
	char *reason = NULL;

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		if (curl_url_agrees(bad[i], "imap", "imaps", &reason) == 0)
			fail_msg("%s was taken", bad[i]);
		assert_non_null(reason);
		assert_null(strstr(reason, "secret"));
		g_free(reason);
		reason = NULL;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agrees),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
