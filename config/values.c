/* values: syntax checks for single configuration values. */
#include "config/values.h"
#include "lib/address.h"
#include "lib/file.h"

#include <arpa/inet.h>
#include <glib.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TIMEZONE_MAX_LEN 255
#define CHARSET_MAX_LEN 40
#define TZDIR_DEFAULT "/usr/share/zoneinfo"

/* The display name before "<addr>": free text, quoted or not, without the
 * angle brackets that would make the address ambiguous. */
static bool value_display_name_ok(const char *text, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (text[i] == '<' || text[i] == '>' || (unsigned char)text[i] < 0x20)
			return false;
	}
	if (len > 0 && text[0] == '"')
		return len >= 2 && text[len - 1] == '"';
	return true;
}

bool config_value_is_address(const char *text)
{
	const char *lt = strchr(text, '<');
	size_t len = strlen(text);
	char *inner;
	bool ok;

	if (lt == NULL)
		return strchr(text, '>') == NULL && address_is_valid(text);
	if (len == 0 || text[len - 1] != '>' || strchr(lt + 1, '<') != NULL ||
	    strchr(lt, '>') != text + len - 1)
		return false;
	if (!value_display_name_ok(text, (size_t)(lt - text)))
		return false;
	inner = g_strndup(lt + 1, (gsize)(text + len - 1 - (lt + 1)));
	ok = address_is_valid(inner);
	g_free(inner);
	return ok;
}

int config_value_bool(const char *text, bool *value_r)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(yes); i++) {
		if (g_ascii_strcasecmp(text, yes[i]) == 0) {
			*value_r = true;
			return 0;
		}
		if (g_ascii_strcasecmp(text, no[i]) == 0) {
			*value_r = false;
			return 0;
		}
	}
	return -1;
}

int config_value_time_of_day(const char *text)
{
	int hours, minutes;

	if (strlen(text) != 5 || !g_ascii_isdigit(text[0]) || !g_ascii_isdigit(text[1]) ||
	    text[2] != ':' || !g_ascii_isdigit(text[3]) || !g_ascii_isdigit(text[4]))
		return -1;
	hours = (text[0] - '0') * 10 + (text[1] - '0');
	minutes = (text[3] - '0') * 10 + (text[4] - '0');
	if (hours > 23 || minutes > 59)
		return -1;
	return hours * 60 + minutes;
}

bool config_value_is_country(const char *text)
{
	return g_ascii_isalpha(text[0]) && g_ascii_isalpha(text[1]) && text[2] == '\0';
}

bool config_value_is_charset(const char *text)
{
	size_t i, len = strlen(text);

	if (len == 0 || len > CHARSET_MAX_LEN)
		return false;
	for (i = 0; i < len; i++) {
		if (!g_ascii_isalnum(text[i]) && strchr("._:+-", text[i]) == NULL)
			return false;
	}
	return true;
}

/* The host part of a URL: a host name, dotted IPv4 or [IPv6]. */
static bool value_url_host_ok(const char *host, size_t len)
{
	size_t n_labels;
	bool numeric_tld, ok;
	char *copy;

	if (len >= 2 && host[0] == '[' && host[len - 1] == ']') {
		copy = g_strndup(host + 1, len - 2);
		ok = strchr(copy, ':') != NULL && g_hostname_is_ip_address(copy);
		g_free(copy);
		return ok;
	}
	if (!address_hostname_ok(host, len, &n_labels, &numeric_tld))
		return false;
	if (!numeric_tld)
		return true;
	/* All-digit last label: only a well-formed IPv4 address will do. */
	copy = g_strndup(host, len);
	ok = n_labels == 4 && g_hostname_is_ip_address(copy);
	g_free(copy);
	return ok;
}

static bool value_url_port_ok(const char *text, size_t len, unsigned *port_r)
{
	unsigned port = 0;
	size_t i;

	if (len == 0 || len > 5)
		return false;
	for (i = 0; i < len; i++) {
		if (!g_ascii_isdigit(text[i]))
			return false;
		port = port * 10 + (unsigned)(text[i] - '0');
	}
	*port_r = port;
	return port >= 1 && port <= 65535;
}

/* What follows the host and port of a web endpoint: a path and maybe a
 * query, printable ASCII without blanks or a fragment. */
static bool value_url_path_ok(const char *rest)
{
	for (const char *p = rest; *p != '\0'; p++) {
		if (*p <= ' ' || *p >= 0x7f || *p == '#')
			return false;
	}
	return rest[0] == '\0' || rest[0] == '/' || rest[0] == '?';
}

static int value_url(const char *text, const char *plain_scheme, const char *tls_scheme,
                     bool with_path, struct config_url *url_r, const char **reason_r)
{
	const char *sep = strstr(text, "://"), *host, *host_end, *rest;
	size_t scheme_len;
	unsigned port = 0;
	bool tls;

	if (sep == NULL) {
		*reason_r = "is not a URL";
		return -1;
	}
	scheme_len = (size_t)(sep - text);
	if (scheme_len == strlen(tls_scheme) &&
	    g_ascii_strncasecmp(text, tls_scheme, scheme_len) == 0) {
		tls = true;
	} else if (scheme_len == strlen(plain_scheme) &&
	           g_ascii_strncasecmp(text, plain_scheme, scheme_len) == 0) {
		tls = false;
	} else {
		*reason_r = "has the wrong scheme";
		return -1;
	}
	host = sep + 3;
	if (strchr(host, '@') != NULL) {
		*reason_r = "has a user name or password in it, which belong in 'user =' and "
		            "'password-file ='";
		return -1;
	}
	if (host[0] == '[') {
		host_end = strchr(host, ']');
		host_end = host_end != NULL ? host_end + 1 : host + strlen(host);
	} else {
		host_end = host + strcspn(host, ":/?#");
	}
	if (host_end == host) {
		*reason_r = "has no host";
		return -1;
	}
	if (!value_url_host_ok(host, (size_t)(host_end - host))) {
		*reason_r = "has a bad host name";
		return -1;
	}
	rest = host_end;
	if (rest[0] == ':') {
		size_t port_len = strcspn(rest + 1, "/?#");

		if (!value_url_port_ok(rest + 1, port_len, &port)) {
			*reason_r = "has a bad port, not 1 to 65535";
			return -1;
		}
		rest += 1 + port_len;
	}
	if (with_path && !value_url_path_ok(rest)) {
		*reason_r = "has a fragment, a blank or a character that is not ASCII in its path";
		return -1;
	}
	if (!with_path && strcmp(rest, "") != 0 && strcmp(rest, "/") != 0) {
		*reason_r = "has a path, query or fragment after the host";
		return -1;
	}
	url_r->tls_scheme = tls;
	url_r->host = host[0] == '[' ? host + 1 : host;
	url_r->host_len = (size_t)(host_end - host) - (host[0] == '[' ? 2 : 0);
	url_r->port = port;
	return 0;
}

int config_value_url(const char *text, const char *plain_scheme, const char *tls_scheme,
                     struct config_url *url_r, const char **reason_r)
{
	return value_url(text, plain_scheme, tls_scheme, false, url_r, reason_r);
}

int config_value_web_url(const char *text, struct config_url *url_r, const char **reason_r)
{
	return value_url(text, "http", "https", true, url_r, reason_r);
}

char *config_value_url_redact(const char *text)
{
	const char *at = strrchr(text, '@'), *sep = strstr(text, "://"), *from;

	if (at == NULL)
		return g_strdup(text);
	/* A "://" after the last '@' is no scheme of ours: hide from the start. */
	from = sep != NULL && sep < at ? sep + 3 : text;
	return g_strdup_printf("%.*s<redacted>%s", (int)(from - text), text, at);
}

bool config_value_host_is_loopback(const char *host, size_t len)
{
	struct in6_addr a6;
	struct in_addr a4;
	char *copy;
	bool loopback = false;

	if (len == strlen("localhost") && g_ascii_strncasecmp(host, "localhost", len) == 0)
		return true;
	copy = g_strndup(host, len);
	/* inet_pton() takes dotted decimal only: no octal or hex forms that a
	 * resolver might read differently. */
	if (inet_pton(AF_INET, copy, &a4) == 1)
		loopback = (ntohl(a4.s_addr) >> 24) == 127;
	else if (inet_pton(AF_INET6, copy, &a6) == 1)
		loopback = IN6_IS_ADDR_LOOPBACK(&a6) ||
		           (IN6_IS_ADDR_V4MAPPED(&a6) && a6.s6_addr[12] == 127);
	g_free(copy);
	return loopback;
}

static bool value_timezone_name_ok(const char *name)
{
	size_t i, len = strlen(name);

	if (len == 0 || len > TIMEZONE_MAX_LEN || name[0] == '/' || name[len - 1] == '/' ||
	    strstr(name, "..") != NULL || strstr(name, "//") != NULL)
		return false;
	for (i = 0; i < len; i++) {
		if (!g_ascii_isalnum(name[i]) && strchr("/_+-", name[i]) == NULL)
			return false;
	}
	return true;
}

/* Whether path is a regular file that starts with the TZif magic. Opened
 * non-blocking so that a FIFO planted in $TZDIR cannot hang the loader. */
static bool value_is_tzif_file(const char *path)
{
	char magic[4];
	bool ok = false;
	int fd = file_open_regular(path, NULL);

	if (fd < 0)
		return false;
	if (read(fd, magic, sizeof(magic)) == (ssize_t)sizeof(magic))
		ok = memcmp(magic, "TZif", sizeof(magic)) == 0;
	close(fd);
	return ok;
}

int config_value_timezone(const char *name, const char **reason_r)
{
	const char *dir = getenv("TZDIR");
	char *path;
	bool found;

	if (!value_timezone_name_ok(name)) {
		*reason_r = "is not a time zone name (use an IANA name such as Europe/Berlin)";
		return -1;
	}
	if (strcmp(name, "UTC") == 0)
		return 0;
	if (dir == NULL || dir[0] == '\0')
		dir = TZDIR_DEFAULT;
	path = g_build_filename(dir, name, NULL);
	found = value_is_tzif_file(path);
	g_free(path);
	if (!found) {
		*reason_r = "is not a known time zone (use an IANA name such as Europe/Berlin, "
		            "as found under /usr/share/zoneinfo)";
		return -1;
	}
	return 0;
}
