/*
 * oauth_answer: see oauth_answer.h.
 */
#include <stdbool.h>
#include <string.h>
#include <glib.h>
#include <jansson.h>

#include "parsers/oauth_answer.h"

#define DESCRIPTION_MAX 300
#define EXPIRES_MAX (366 * 86400)
#define DEVICE_EXPIRES_DEFAULT 1800
#define DEVICE_INTERVAL_DEFAULT 5
#define DEVICE_INTERVAL_MAX 60
#define URI_MAX 2048

static void secret_free(char **secret)
{
	if (*secret != NULL)
		explicit_bzero(*secret, strlen(*secret));
	g_free(*secret);
	*secret = NULL;
}

/* Printable ASCII without blanks: what a token, a code and a URL are. */
static bool is_token_text(const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len == 0 || len > max)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] <= ' ' || s[i] >= 0x7f)
			return false;
	}
	return true;
}

/* A string member that must be token text: 0 with a copy (or NULL when
 * absent and optional), -1 with *error_r naming the member only. */
static int member_token(json_t *obj, const char *name, size_t max, bool required,
                        char **value_r, char **error_r)
{
	json_t *v = json_object_get(obj, name);

	*value_r = NULL;
	if (v == NULL && !required)
		return 0;
	if (!json_is_string(v) || !is_token_text(json_string_value(v), max)) {
		*error_r = g_strdup_printf("its %s is %s", name, v == NULL ? "missing" :
		                           "not printable ASCII of a sensible length");
		return -1;
	}
	*value_r = g_strdup(json_string_value(v));
	return 0;
}

/* A number of seconds, as a JSON number or (as some servers write it) a
 * string of digits; def when absent. */
static int member_seconds(json_t *obj, const char *name, int64_t def, int64_t min,
                          int64_t max, int64_t *value_r, char **error_r)
{
	json_t *v = json_object_get(obj, name);
	guint64 n = 0;

	if (v == NULL) {
		*value_r = def;
		return 0;
	}
	if (json_is_integer(v) && json_integer_value(v) >= min && json_integer_value(v) <= max) {
		*value_r = json_integer_value(v);
		return 0;
	}
	if (json_is_string(v) &&
	    g_ascii_string_to_unsigned(json_string_value(v), 10, (guint64)min, (guint64)max, &n,
	                               NULL)) {
		*value_r = (int64_t)n;
		return 0;
	}
	*error_r = g_strdup_printf("its %s is not a number of seconds from %lld to %lld", name,
	                           (long long)min, (long long)max);
	return -1;
}

/* The server's words about an error, made one printable line. */
static char *description(json_t *obj)
{
	const char *text = json_string_value(json_object_get(obj, "error_description"));
	GString *out;

	if (text == NULL)
		return NULL;
	out = g_string_new(NULL);
	for (const char *p = text; *p != '\0' && out->len < DESCRIPTION_MAX; p++)
		g_string_append_c(out, *p >= ' ' && *p < 0x7f ? *p : '?');
	return g_string_free(out, FALSE);
}

static json_t *parse_object(const char *body, size_t len, char **error_r)
{
	json_error_t jerr;
	json_t *root;

	if (len > OAUTH_ANSWER_MAX) {
		*error_r = g_strdup_printf("the answer is longer than %d bytes", OAUTH_ANSWER_MAX);
		return NULL;
	}
	root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL || !json_is_object(root)) {
		*error_r = g_strdup("the answer is not a JSON object");
		json_decref(root);
		return NULL;
	}
	return root;
}

static int answer_fill(json_t *root, struct oauth_answer *a, char **error_r)
{
	json_t *error = json_object_get(root, "error");
	const char *type = json_string_value(json_object_get(root, "token_type"));

	if (error != NULL) {
		if (!json_is_string(error) || !is_token_text(json_string_value(error), 64)) {
			*error_r = g_strdup("its error is not an error code");
			return -1;
		}
		a->error = g_strdup(json_string_value(error));
		a->error_description = description(root);
		return 0;
	}
	if (type != NULL && g_ascii_strcasecmp(type, "bearer") != 0) {
		*error_r = g_strdup("its token_type is not Bearer");
		return -1;
	}
	if (member_token(root, "access_token", OAUTH_TOKEN_MAX, true, &a->access_token,
	                 error_r) < 0 ||
	    member_token(root, "refresh_token", OAUTH_REFRESH_TOKEN_MAX, false, &a->refresh_token,
	                 error_r) < 0 ||
	    member_seconds(root, "expires_in", OAUTH_EXPIRES_DEFAULT, 1, EXPIRES_MAX,
	                   &a->expires_in, error_r) < 0)
		return -1;
	return 0;
}

int oauth_answer_parse(const char *body, size_t len, struct oauth_answer *answer_r,
                       char **error_r)
{
	struct oauth_answer a = { 0 };
	json_t *root = parse_object(body, len, error_r);
	int ret = -1;

	if (root == NULL)
		goto out;
	if (answer_fill(root, &a, error_r) < 0) {
		oauth_answer_clear(&a);
		goto out;
	}
	*answer_r = a;
	ret = 0;
out:
	json_decref(root);
	return ret;
}

void oauth_answer_clear(struct oauth_answer *a)
{
	secret_free(&a->access_token);
	secret_free(&a->refresh_token);
	g_free(a->error);
	g_free(a->error_description);
	a->error = NULL;
	a->error_description = NULL;
	a->expires_in = 0;
}

static int device_fill(json_t *root, struct oauth_device *d, char **error_r)
{
	const char *uri_name = json_object_get(root, "verification_uri") != NULL
	                       ? "verification_uri" : "verification_url";

	if (member_token(root, "device_code", OAUTH_TOKEN_MAX, true, &d->device_code,
	                 error_r) < 0 ||
	    member_token(root, "user_code", 64, true, &d->user_code, error_r) < 0 ||
	    member_token(root, uri_name, URI_MAX, true, &d->verification_uri, error_r) < 0 ||
	    member_seconds(root, "expires_in", DEVICE_EXPIRES_DEFAULT, 1, EXPIRES_MAX,
	                   &d->expires_in, error_r) < 0 ||
	    member_seconds(root, "interval", DEVICE_INTERVAL_DEFAULT, 1, DEVICE_INTERVAL_MAX,
	                   &d->interval, error_r) < 0)
		return -1;
	if (!g_str_has_prefix(d->verification_uri, "https://") &&
	    !g_str_has_prefix(d->verification_uri, "http://")) {
		*error_r = g_strdup("its verification_uri is not a web address");
		return -1;
	}
	return 0;
}

int oauth_device_parse(const char *body, size_t len, struct oauth_device *device_r,
                       char **error_r)
{
	struct oauth_device d = { 0 };
	json_t *root = parse_object(body, len, error_r);
	int ret = -1;

	if (root == NULL)
		goto out;
	if (device_fill(root, &d, error_r) < 0) {
		oauth_device_clear(&d);
		goto out;
	}
	*device_r = d;
	ret = 0;
out:
	json_decref(root);
	return ret;
}

void oauth_device_clear(struct oauth_device *d)
{
	secret_free(&d->device_code);
	g_free(d->user_code);
	g_free(d->verification_uri);
	d->user_code = NULL;
	d->verification_uri = NULL;
}
