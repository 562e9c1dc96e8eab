/*
 * address: see address.h.
 */
#include <string.h>
#include <glib.h>

#include "lib/address.h"

#define LOCAL_MAX_LEN 64
#define LABEL_MAX_LEN 63
#define DOMAIN_MAX_LEN 253
#define ADDRESS_MAX_LEN 254

static bool label_ok(const char *label, size_t len)
{
	if (len == 0 || len > LABEL_MAX_LEN || label[0] == '-' || label[len - 1] == '-')
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!g_ascii_isalnum(label[i]) && label[i] != '-')
			return false;
	}
	return true;
}

bool address_hostname_ok(const char *text, size_t len, size_t *n_labels_r,
                         bool *numeric_tld_r)
{
	size_t start = 0, n_labels = 0;
	bool numeric = true;

	if (len == 0 || len > DOMAIN_MAX_LEN)
		return false;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '.') {
			if (!g_ascii_isdigit(text[i]))
				numeric = false;
			continue;
		}
		if (!label_ok(text + start, i - start))
			return false;
		n_labels++;
		if (i < len)
			numeric = true;
		start = i + 1;
	}
	*n_labels_r = n_labels;
	*numeric_tld_r = numeric;
	return true;
}

bool address_is_domain(const char *text)
{
	size_t n_labels;
	bool numeric_tld;

	return address_hostname_ok(text, strlen(text), &n_labels, &numeric_tld) &&
	       n_labels >= 2 && !numeric_tld;
}

static bool local_part_ok(const char *text, size_t len)
{
	if (len == 0 || len > LOCAL_MAX_LEN || text[0] == '.' || text[len - 1] == '.')
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c <= 0x20 || c >= 0x7f || strchr("()<>[]\\,;:\"@", c) != NULL)
			return false;
		if (c == '.' && text[i + 1] == '.')
			return false;
	}
	return true;
}

bool address_is_valid(const char *text)
{
	const char *at = text != NULL ? strchr(text, '@') : NULL;

	if (at == NULL || strlen(text) > ADDRESS_MAX_LEN)
		return false;
	return local_part_ok(text, (size_t)(at - text)) && address_is_domain(at + 1);
}

char *address_to_ascii(const char *addr)
{
	const char *at = addr != NULL ? strrchr(addr, '@') : NULL;
	char *host, *ascii = NULL;

	if (at == NULL || !g_utf8_validate(addr, -1, NULL))
		return NULL;
	host = g_hostname_to_ascii(at + 1);
	if (host == NULL)
		return NULL;
	char *lower = g_ascii_strdown(host, -1);
	ascii = g_strdup_printf("%.*s@%s", (int)(at - addr), addr, lower);
	g_free(lower);
	g_free(host);
	if (!address_is_valid(ascii))
		g_clear_pointer(&ascii, g_free);
	return ascii;
}
