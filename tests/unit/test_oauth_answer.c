/* oauth_answer: what a token endpoint and a device authorization endpoint
 * answer, read from servers that may be hostile. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "parsers/oauth_answer.h"

static struct oauth_answer parse_ok(const char *json)
{
	struct oauth_answer a = { 0 };
	char *error = NULL;

	if (oauth_answer_parse(json, strlen(json), &a, &error) < 0)
		fail_msg("%s: %s", json, error);
	return a;
}

static char *parse_fail(const char *json, size_t len)
{
	struct oauth_answer a = { 0 };
	char *error = NULL;

	assert_int_equal(oauth_answer_parse(json, len, &a, &error), -1);
	assert_non_null(error);
	assert_null(a.access_token);
	return error;
}

/* Google's answer to a refresh (RFC 6749 5.1), and Microsoft's rotation. */
static void test_token(void **state)
{
	struct oauth_answer a = parse_ok("{\"access_token\": \"ya29.a0Af-x_y\", \"expires_in\": 3599,"
	                                 " \"scope\": \"https://mail.google.com/\","
	                                 " \"token_type\": \"Bearer\"}");

	(void)state;
	assert_string_equal(a.access_token, "ya29.a0Af-x_y");
	assert_int_equal(a.expires_in, 3599);
	assert_null(a.refresh_token);
	assert_null(a.error);
	oauth_answer_clear(&a);
	assert_null(a.access_token);

	a = parse_ok("{\"token_type\":\"bearer\",\"access_token\":\"eyJ0.x\","
	             "\"refresh_token\":\"M.R3_BAY.-new\",\"expires_in\":\"4000\"}");
	assert_string_equal(a.refresh_token, "M.R3_BAY.-new");
	assert_int_equal(a.expires_in, 4000);    /* a string of digits, as some write it */
	oauth_answer_clear(&a);

	a = parse_ok("{\"access_token\":\"t\"}");
	assert_int_equal(a.expires_in, OAUTH_EXPIRES_DEFAULT);
	oauth_answer_clear(&a);
}

/* RFC 6749 5.2 and RFC 8628 3.5: the error code and the server's words,
 * made one printable line. */
static void test_error(void **state)
{
	struct oauth_answer a = parse_ok("{\"error\": \"invalid_grant\", \"error_description\":"
	                                 " \"Token has been\\nexpired \\u001b[31mor revoked.\"}");

	(void)state;
	assert_null(a.access_token);
	assert_string_equal(a.error, "invalid_grant");
	assert_string_equal(a.error_description, "Token has been?expired ?[31mor revoked.");
	oauth_answer_clear(&a);
	a = parse_ok("{\"error\": \"authorization_pending\"}");
	assert_string_equal(a.error, "authorization_pending");
	assert_null(a.error_description);
	oauth_answer_clear(&a);
}

static void test_refused(void **state)
{
	static const struct {
		const char *json, *words;
	} cases[] = {
		{ "", "not a JSON object" },
		{ "<html>502 Bad Gateway</html>", "not a JSON object" },
		{ "[\"access_token\"]", "not a JSON object" },
		{ "{\"access_token\": \"a\", \"access_token\": \"b\"}", "not a JSON object" },
		{ "{\"expires_in\": 10}", "access_token is missing" },
		{ "{\"access_token\": 42}", "access_token is not printable" },
		{ "{\"access_token\": \"\"}", "access_token is not printable" },
		{ "{\"access_token\": \"a b\"}", "access_token is not printable" },
		{ "{\"access_token\": \"a\\r\\nA1 LOGOUT\"}", "access_token is not printable" },
		{ "{\"access_token\": \"a\", \"token_type\": \"mac\"}", "token_type is not Bearer" },
		{ "{\"access_token\": \"a\", \"expires_in\": 0}", "expires_in is not a number" },
		{ "{\"access_token\": \"a\", \"expires_in\": -5}", "expires_in is not a number" },
		{ "{\"access_token\": \"a\", \"expires_in\": 1e99}", "expires_in is not a number" },
		{ "{\"access_token\": \"a\", \"expires_in\": \"12x\"}", "expires_in is not a number" },
		{ "{\"access_token\": \"a\", \"refresh_token\": \"\\u00e9\"}",
		  "refresh_token is not printable" },
		{ "{\"error\": {\"code\": 1}}", "error is not an error code" },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *error = parse_fail(cases[i].json, strlen(cases[i].json));
		if (strstr(error, cases[i].words) == NULL)
			fail_msg("%s: '%s' lacks '%s'", cases[i].json, error, cases[i].words);
		g_free(error);
	}
}

/* Hostile sizes: a body over the limit, a token over its limit, a NUL. */
static void test_bounds(void **state)
{
	GString *big = g_string_new("{\"access_token\": \"");
	char *error;

	(void)state;
	for (int i = 0; i < OAUTH_TOKEN_MAX + 1; i++)
		g_string_append_c(big, 'a');
	g_string_append(big, "\"}");
	error = parse_fail(big->str, big->len);
	assert_non_null(strstr(error, "access_token is not printable ASCII of a sensible length"));
	g_free(error);
	while (big->len <= OAUTH_ANSWER_MAX)
		g_string_append(big, "          ");
	error = parse_fail(big->str, big->len);
	assert_string_equal(error, "the answer is longer than 65536 bytes");
	g_free(error);
	g_string_free(big, TRUE);
	error = parse_fail("{\"access_token\": \"a\"}\0garbage", 29);
	g_free(error);
}

static void test_device(void **state)
{
	/* RFC 8628 3.2, and Google's verification_url. */
	static const char ms[] = "{\"user_code\":\"WDJB-MJHT\",\"device_code\":\"GmRh-mHw\","
	                         "\"verification_uri\":\"https://microsoft.com/devicelogin\","
	                         "\"expires_in\":900,\"interval\":5,\"message\":\"To sign in…\"}";
	static const char google[] = "{\"device_code\":\"4/4-GMMhmHCXhWEzkobqIHGG\","
	                             "\"user_code\":\"GQVQ-JKEC\",\"verification_url\":"
	                             "\"https://www.google.com/device\",\"expires_in\":1800}";
	struct oauth_device d = { 0 };
	char *error = NULL;

	(void)state;
	assert_int_equal(oauth_device_parse(ms, strlen(ms), &d, &error), 0);
	assert_string_equal(d.user_code, "WDJB-MJHT");
	assert_string_equal(d.verification_uri, "https://microsoft.com/devicelogin");
	assert_int_equal(d.interval, 5);
	assert_int_equal(d.expires_in, 900);
	oauth_device_clear(&d);
	assert_int_equal(oauth_device_parse(google, strlen(google), &d, &error), 0);
	assert_string_equal(d.verification_uri, "https://www.google.com/device");
	assert_int_equal(d.interval, 5);
	oauth_device_clear(&d);

	static const char bad_uri[] = "{\"device_code\":\"d\",\"user_code\":\"u\","
	                              "\"verification_uri\":\"javascript:alert(1)\"}";
	assert_int_equal(oauth_device_parse(bad_uri, strlen(bad_uri), &d, &error), -1);
	assert_string_equal(error, "its verification_uri is not a web address");
	g_free(error);
	static const char slow[] = "{\"device_code\":\"d\",\"user_code\":\"u\","
	                           "\"verification_uri\":\"https://x\",\"interval\":3600}";
	assert_int_equal(oauth_device_parse(slow, strlen(slow), &d, &error), -1);
	assert_non_null(strstr(error, "interval is not a number of seconds from 1 to 60"));
	g_free(error);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_token),
		cmocka_unit_test(test_error),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_device),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
