/* phone: see phone.h. */
#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "lib/phone.h"

/* E.164: at most 15 digits with the calling code. Fewer than 7 is no
 * number of any country (the shortest, of small islands, have 7). */
#define E164_MAX_DIGITS 15
#define E164_MIN_DIGITS 7

static bool is_separator(char c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
}

/* The digits of input ("+" kept when it leads), separators and "(0)"
 * dropped; NULL with *error_r on any other character. */
static char *digits_of(const char *input, char **error_r)
{
	GString *out = g_string_new(NULL);

	for (const char *p = input; *p != '\0'; p++) {
		if (strncmp(p, "(0)", 3) == 0 && out->len > 0) {
			p += 2;
			continue;
		}
		if (g_ascii_isdigit(*p)) {
			g_string_append_c(out, *p);
		} else if (*p == '+') {
			if (out->len > 0) {
				*error_r = g_strdup("a '+' may only stand at the start");
				goto fail;
			}
			g_string_append_c(out, '+');
		} else if (!is_separator(*p)) {
			*error_r = g_ascii_isalpha(*p)
				? g_strdup("letters are no part of a phone number (write an "
				           "extension in the title or notes)")
				: g_strdup("only digits, a leading '+', blanks, '-', '.', '/' "
				           "and parentheses may stand in a phone number");
			goto fail;
		}
	}
	return g_string_free(out, FALSE);
fail:
	g_string_free(out, TRUE);
	return NULL;
}

static bool all_digits(const char *s)
{
	if (s == NULL || *s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (!g_ascii_isdigit(*s))
			return false;
	}
	return true;
}

/* "+" and the digits of a national number dialled from abroad. */
static char *international_of_national(const char *digits, const struct phone_plan *plan,
                                       char **error_r)
{
	const char *trunk = plan != NULL ? plan->trunk_prefix : NULL;

	if (plan == NULL || !all_digits(plan->calling_code)) {
		*error_r = g_strdup("a national number needs the customer's country (set "
		                    "country=…), or write it with '+' and the calling code");
		return NULL;
	}
	if (all_digits(trunk) && g_str_has_prefix(digits, trunk))
		digits += strlen(trunk);
	return g_strconcat("+", plan->calling_code, digits, NULL);
}

int phone_to_e164(const char *input, const struct phone_plan *plan, char **e164_r,
                  char **error_r)
{
	char *digits = NULL, *e164 = NULL;
	int ret = -1;

	*e164_r = NULL;
	if (input == NULL || !g_utf8_validate(input, -1, NULL)) {
		*error_r = g_strdup("not text");
		goto out;
	}
	digits = digits_of(input, error_r);
	if (digits == NULL)
		goto out;
	if (digits[0] == '\0' || strcmp(digits, "+") == 0) {
		*error_r = g_strdup("no digits");
		goto out;
	}
	if (digits[0] == '+')
		e164 = g_strdup(digits);
	else if (g_str_has_prefix(digits, "00"))
		e164 = g_strconcat("+", digits + 2, NULL);
	else if ((e164 = international_of_national(digits, plan, error_r)) == NULL)
		goto out;
	if (e164[1] == '0') {
		*error_r = g_strdup("no calling code starts with 0");
		goto out;
	}
	size_t n = strlen(e164) - 1;
	if (n < E164_MIN_DIGITS || n > E164_MAX_DIGITS) {
		*error_r = g_strdup_printf("%zu digits with the calling code: an international "
		                           "number has %d to %d", n, E164_MIN_DIGITS,
		                           E164_MAX_DIGITS);
		goto out;
	}
	*e164_r = e164;
	e164 = NULL;
	ret = 0;
out:
	g_free(digits);
	g_free(e164);
	return ret;
}
