/*
 * settings: what each section of followup.conf holds.
 *
 * One table of settings per section (key, parser, field offset, default,
 * whether required, a key it excludes), the value parsers those tables
 * name, and per section the hooks that create its struct and check what
 * involves several keys once the section has ended. config.c drives them.
 * Defaults are written as in the file and go through the same parsers.
 */
#include "config/load.h"
#include "config/values.h"
#include "lib/address.h"
#include "lib/duration.h"
#include "lib/file.h"

#include <errno.h>
#include <glib.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_PASSWORD_FILE_MAX 4096
#define CONFIG_ACCOUNT_NAME_MAX 64
#define CONFIG_CREDENTIAL_NAME_MAX 255
#define DEFAULT_STORE_PATH "/var/lib/followup/followup.db"
/* systemd's RuntimeDirectory=followup */
#define DEFAULT_CONTROL_SOCKET "/run/followup/control"

#define FIELD(target, def, type) ((type *)(void *)((char *)(target) + (def)->offset))

/* --- strings, secrets and files --------------------------------------- */

static void replace_string(char **field, char *value)
{
	g_free(*field);
	*field = value;
}

static void secret_free(char *secret)
{
	if (secret == NULL)
		return;
	explicit_bzero(secret, strlen(secret));
	g_free(secret);
}

/* Relative paths are taken from the config file's directory, so that the
 * daemon's working directory never matters. */
static char *resolve_path(const struct load_state *st, const char *path)
{
	if (g_path_is_absolute(path))
		return g_strdup(path);
	return g_canonicalize_filename(path, st->dir);
}

/* Opens path for reading without blocking on a FIFO, and only if it is a
 * regular file. The descriptor (and its mode in *mode_r when not NULL), or
 * -1 with *msg_r; hint says what to do when it cannot be opened. */
static int open_regular_file(const char *path, const char *hint, mode_t *mode_r,
                             char **msg_r)
{
	struct stat sb;
	int fd = file_open_regular(path, &sb);

	if (fd == -EISDIR || fd == FILE_ERR_NOT_REGULAR) {
		*msg_r = g_strdup_printf("cannot read %s: %s (give the path of a file)", path,
		                         file_error_text(fd));
		return -1;
	}
	if (fd < 0) {
		*msg_r = g_strdup_printf("cannot read %s: %s (%s)", path, file_error_text(fd), hint);
		return -1;
	}
	if (mode_r != NULL)
		*mode_r = sb.st_mode;
	return fd;
}

/* A path as it can be pasted into a shell command in a message. */
static char *shell_word(const char *path)
{
	size_t i;

	for (i = 0; path[i] != '\0'; i++) {
		if (!g_ascii_isalnum(path[i]) && strchr("/._-+@,=", path[i]) == NULL)
			return g_shell_quote(path);
	}
	return g_strdup(path);
}

/* Whether a file holding a password is for followupd's user alone. Other
 * users who can read it can read the password; they get no say in it. */
static bool mode_is_private(mode_t mode)
{
	return (mode & (S_IRGRP | S_IROTH)) == 0;
}

static char *private_mode_message(const char *path, mode_t mode)
{
	char *word = shell_word(path), *msg;

	msg = g_strdup_printf("%s can be read by its group or others (mode %04o; run "
	                      "chmod 0600 %s and keep it owned by the user followupd "
	                      "runs as)", path, (unsigned)(mode & 07777), word);
	g_free(word);
	return msg;
}

/* The first line of a file holding a secret, without its line ending: a
 * password file, a systemd credential, an OAuth2 token or client secret. */
int config_secret_read(const char *path, const char *what, const char *hint, char **secret_r,
                       char **msg_r)
{
	char buf[CONFIG_PASSWORD_FILE_MAX];
	size_t filled = 0, len;
	const char *newline;
	mode_t mode = 0;
	ssize_t n;
	int fd, ret = -1;

	fd = open_regular_file(path, hint, &mode, msg_r);
	if (fd < 0)
		return -1;
	if (!mode_is_private(mode)) {
		*msg_r = private_mode_message(path, mode);
		goto out;
	}
	while (filled < sizeof(buf)) {
		n = read(fd, buf + filled, sizeof(buf) - filled);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*msg_r = g_strdup_printf("cannot read %s: %s (check the file)", path,
			                         g_strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		filled += (size_t)n;
	}
	newline = memchr(buf, '\n', filled);
	if (newline == NULL && filled == sizeof(buf)) {
		*msg_r = g_strdup_printf("the first line of %s is longer than %d bytes "
		                         "(put only the %s there)", path,
		                         CONFIG_PASSWORD_FILE_MAX - 1, what);
		goto out;
	}
	len = newline != NULL ? (size_t)(newline - buf) : filled;
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	if (len == 0) {
		*msg_r = g_strdup_printf("%s has no %s on its first line (write it there)",
		                         path, what);
		goto out;
	}
	if (memchr(buf, '\0', len) != NULL) {
		*msg_r = g_strdup_printf("the %s in %s contains a NUL byte "
		                         "(write the %s as text)", what, path, what);
		goto out;
	}
	*secret_r = g_strndup(buf, len);
	ret = 0;
out:
	explicit_bzero(buf, sizeof(buf));
	close(fd);
	return ret;
}

/* --- value parsers for the settings tables ------------------------------ */

static int parse_string(struct load_state *st, const struct setting_def *def,
                        void *target, const char *value, char **msg_r)
{
	replace_string(FIELD(target, def, char *), g_strdup(value));
	return 0;
}

/* An inline password: kept only for followupd, and only when the file it
 * is written in is for followupd's user alone. */
static int parse_secret(struct load_state *st, const struct setting_def *def,
                        void *target, const char *value, char **msg_r)
{
	char **field = FIELD(target, def, char *), *word;

	if (!(st->flags & CONFIG_LOAD_SECRETS))
		return 0;
	if (!mode_is_private(st->mode)) {
		word = shell_word(st->path);
		*msg_r = g_strdup_printf("%s can be read by its group or others (mode %04o), and "
		                         "this line holds a password (move the password to a "
		                         "file only followupd can read and name it with "
		                         "password-file, or run chmod 0600 %s)", st->path,
		                         (unsigned)(st->mode & 07777), word);
		g_free(word);
		return -1;
	}
	secret_free(*field);
	*field = g_strdup(value);
	return 0;
}

/* password-credential: the name of a systemd credential (LoadCredential=),
 * a file name in $CREDENTIALS_DIRECTORY. Stricter than systemd: letters,
 * digits and . _ - @ +, not starting with a dot. */
static int parse_credential(struct load_state *st, const struct setting_def *def,
                            void *target, const char *value, char **msg_r)
{
	size_t i, len = strlen(value);

	for (i = 0; i < len; i++) {
		if (!g_ascii_isalnum(value[i]) && strchr("._-@+", value[i]) == NULL)
			break;
	}
	if (i < len || len > CONFIG_CREDENTIAL_NAME_MAX || value[0] == '.') {
		*msg_r = g_strdup_printf("'%s' is not a credential name (use up to %d letters, "
		                         "digits and . _ - @ +, not starting with a dot, as in "
		                         "LoadCredential=NAME:PATH)", value,
		                         CONFIG_CREDENTIAL_NAME_MAX);
		return -1;
	}
	replace_string(FIELD(target, def, char *), g_strdup(value));
	return 0;
}

static int parse_path(struct load_state *st, const struct setting_def *def,
                      void *target, const char *value, char **msg_r)
{
	replace_string(FIELD(target, def, char *), resolve_path(st, value));
	return 0;
}

/* A file whose content is read later (the holidays, by the rules runtime):
 * its path and the line naming it, for messages about what is in it. */
static int parse_file_ref(struct load_state *st, const struct setting_def *def,
                          void *target, const char *value, char **msg_r)
{
	struct config_file_ref *ref = FIELD(target, def, struct config_file_ref);

	replace_string(&ref->path, resolve_path(st, value));
	ref->line = st->lineno;
	return 0;
}

/* A data file the daemon will read: checked now rather than at first use. */
static int parse_readable_path(struct load_state *st, const struct setting_def *def,
                               void *target, const char *value, char **msg_r)
{
	char *path = resolve_path(st, value);
	int fd = open_regular_file(path, "check the path and its permissions", NULL, msg_r);

	if (fd < 0) {
		g_free(path);
		return -1;
	}
	close(fd);
	replace_string(FIELD(target, def, char *), path);
	return 0;
}

static int parse_email(struct load_state *st, const struct setting_def *def,
                       void *target, const char *value, char **msg_r)
{
	char *email = g_ascii_strdown(value, -1);

	if (!address_is_valid(email)) {
		*msg_r = g_strdup_printf("'%s' is not an e-mail address "
		                         "(write it like name@example.com)", value);
		g_free(email);
		return -1;
	}
	replace_string(FIELD(target, def, char *), email);
	return 0;
}

static int parse_address(struct load_state *st, const struct setting_def *def,
                         void *target, const char *value, char **msg_r)
{
	if (!config_value_is_address(value)) {
		*msg_r = g_strdup_printf("'%s' is not an address (write Name <name@example.com> "
		                         "or name@example.com)", value);
		return -1;
	}
	replace_string(FIELD(target, def, char *), g_strdup(value));
	return 0;
}

static int parse_bool(struct load_state *st, const struct setting_def *def,
                      void *target, const char *value, char **msg_r)
{
	if (config_value_bool(value, FIELD(target, def, bool)) < 0) {
		*msg_r = g_strdup_printf("'%s' is neither yes nor no (use yes or no)", value);
		return -1;
	}
	return 0;
}

/* The SMTP envelope sender of acknowledgements: "<>" (RFC 3834's null
 * sender, the default) or an address for servers that refuse it. Stored
 * as "" for the null sender. */
static int parse_envelope_from(struct load_state *st, const struct setting_def *def,
                               void *target, const char *value, char **msg_r)
{
	if (strcmp(value, "<>") == 0) {
		replace_string(FIELD(target, def, char *), g_strdup(""));
		return 0;
	}
	return parse_email(st, def, target, value, msg_r);
}

/* "64M", "256K", "1G" or a bare number of bytes (K = 1024), at most
 * CONFIG_SIZE_MAX: what uses a size adds to it and keeps it in GLib arrays
 * of at most 4 GiB, and no mail worth filing is larger. */
static int parse_size(struct load_state *st, const struct setting_def *def, void *target,
                      const char *value, char **msg_r)
{
	static const struct {
		char suffix;
		uint64_t factor;
	} units[] = { { 'K', 1024 }, { 'M', 1024 * 1024 }, { 'G', 1024 * 1024 * 1024 } };
	char *end = NULL;
	uint64_t n, factor = 1;

	(void)st;
	errno = 0;
	if (!g_ascii_isdigit(value[0]))
		goto bad;
	n = g_ascii_strtoull(value, &end, 10);
	for (size_t i = 0; i < G_N_ELEMENTS(units) && *end != '\0'; i++) {
		if (g_ascii_toupper(*end) == units[i].suffix && end[1] == '\0') {
			factor = units[i].factor;
			end++;
		}
	}
	if (*end != '\0' || n == 0)
		goto bad;
	if (errno == ERANGE || n > CONFIG_SIZE_MAX / factor) {
		*msg_r = g_strdup_printf("'%s' is too large (the most is 1G)", value);
		return -1;
	}
	*FIELD(target, def, uint64_t) = n * factor;
	return 0;
bad:
	*msg_r = g_strdup_printf("'%s' is not a size (use a number of bytes, or 512K, 64M, 1G)",
	                         value);
	return -1;
}

/* A positive whole number that fits an unsigned int. */
static int parse_count(struct load_state *st, const struct setting_def *def, void *target,
                       const char *value, char **msg_r)
{
	char *end = NULL;
	uint64_t n;

	(void)st;
	errno = 0;
	n = g_ascii_isdigit(value[0]) ? g_ascii_strtoull(value, &end, 10) : 0;
	if (errno != 0 || end == NULL || *end != '\0' || n == 0 || n > UINT_MAX) {
		*msg_r = g_strdup_printf("'%s' is not a positive whole number", value);
		return -1;
	}
	*FIELD(target, def, unsigned) = (unsigned)n;
	return 0;
}

static int parse_duration(struct load_state *st, const struct setting_def *def,
                          void *target, const char *value, char **msg_r)
{
	const char *reason;
	uint64_t seconds;

	if (duration_parse_all(value, &seconds, &reason) < 0) {
		*msg_r = g_strdup_printf("'%s' %s", value, reason);
		return -1;
	}
	if (seconds < def->min_seconds) {
		*msg_r = g_strdup_printf("'%s' is too short (the minimum is %us)", value,
		                         def->min_seconds);
		return -1;
	}
	unsigned most = def->max_seconds != 0 ? def->max_seconds : UINT_MAX;
	if (seconds > most) {
		*msg_r = g_strdup_printf("'%s' is too long (the maximum is %us)", value, most);
		return -1;
	}
	*FIELD(target, def, unsigned) = (unsigned)seconds;
	return 0;
}

static int parse_timezone(struct load_state *st, const struct setting_def *def,
                          void *target, const char *value, char **msg_r)
{
	const char *reason;

	if (config_value_timezone(value, &reason) < 0) {
		*msg_r = g_strdup_printf("'%s' %s", value, reason);
		return -1;
	}
	replace_string(FIELD(target, def, char *), g_strdup(value));
	return 0;
}

static int parse_time_of_day(struct load_state *st, const struct setting_def *def,
                             void *target, const char *value, char **msg_r)
{
	if (config_value_time_of_day(value) < 0) {
		*msg_r = g_strdup_printf("'%s' is not a time of day (use HH:MM, e.g. 08:30)",
		                         value);
		return -1;
	}
	replace_string(FIELD(target, def, char *), g_strdup(value));
	return 0;
}

/* "weekly Mon 08:30": a day of the week (English, three letters or in
 * full, any case) and a time of day. */
static int parse_weekly(struct load_state *st, const struct setting_def *def, void *target,
                        const char *value, char **msg_r)
{
	static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
	static const char *const full[] = { "monday", "tuesday", "wednesday", "thursday",
	                                    "friday", "saturday", "sunday" };
	struct config_weekly *w = FIELD(target, def, struct config_weekly);
	char **words = g_strsplit_set(value, " \t", -1);
	int weekday = 0, minute = -1, n = 0;
	char *parts[3] = { NULL, NULL, NULL };

	(void)st;
	for (size_t i = 0; words[i] != NULL; i++) {
		if (words[i][0] == '\0')
			continue;
		if (n < 3)
			parts[n] = words[i];
		n++;
	}
	if (n == 3 && g_ascii_strcasecmp(parts[0], "weekly") == 0) {
		for (int d = 0; d < 7; d++) {
			if (g_ascii_strcasecmp(parts[1], days[d]) == 0 ||
			    g_ascii_strcasecmp(parts[1], full[d]) == 0)
				weekday = d + 1;
		}
		minute = config_value_time_of_day(parts[2]);
	}
	g_strfreev(words);
	if (weekday == 0 || minute < 0) {
		*msg_r = g_strdup_printf("'%s' is not a weekly time (use: weekly Mon 08:30)", value);
		return -1;
	}
	replace_string(&w->text, g_strdup(value));
	w->weekday = weekday;
	w->minute = minute;
	return 0;
}

/* [company] work-hours: keeps the text and the parsed spans together. */
static int parse_work_hours(struct load_state *st, const struct setting_def *def,
                            void *target, const char *value, char **msg_r)
{
	struct config_company *company = target;
	struct work_span *spans;
	const char *reason;
	size_t n;

	if (work_hours_parse(value, &spans, &n, &reason) < 0) {
		*msg_r = g_strdup_printf("'%s': %s", value, reason);
		return -1;
	}
	replace_string(&company->work_hours, g_strdup(value));
	g_free(company->work_spans);
	company->work_spans = spans;
	company->n_work_spans = n;
	return 0;
}

static int parse_url(const char *value, const char *plain, const char *tls,
                     char **field, char **msg_r)
{
	struct config_url parts;
	const char *reason;
	char *url, *p;

	if (config_value_url(value, plain, tls, &parts, &reason) < 0) {
		/* Never repeat a password someone wrote into the URL. */
		url = config_value_url_redact(value);
		*msg_r = g_strdup_printf("'%s' %s (write %s://host[:port], or %s://host[:port] "
		                         "for STARTTLS)", url, reason, tls, plain);
		g_free(url);
		return -1;
	}
	/* A lowercase scheme, so that users of the URL can compare it plainly. */
	url = g_strdup(value);
	for (p = url; *p != ':'; p++)
		*p = g_ascii_tolower(*p);
	replace_string(field, url);
	return 0;
}

/* plaintext = allow | refuse: whether tls = no may reach another machine. */
static int parse_plaintext(struct load_state *st, const struct setting_def *def,
                           void *target, const char *value, char **msg_r)
{
	bool *field = FIELD(target, def, bool);

	if (g_ascii_strcasecmp(value, "allow") == 0) {
		*field = true;
	} else if (g_ascii_strcasecmp(value, "refuse") == 0) {
		*field = false;
	} else {
		*msg_r = g_strdup_printf("'%s' is neither allow nor refuse (write plaintext = "
		                         "allow to let tls = no reach another machine)", value);
		return -1;
	}
	return 0;
}

/* --- OAuth2 ---------------------------------------------------------------- */

struct oauth_preset {
	const char *name;
	const char *token_endpoint;
	const char *device_endpoint;
	const char *scope;
};

/* The providers' documented endpoints and IMAP/SMTP scopes; docs/CONFIG.md
 * says where each is documented. */
static const struct oauth_preset oauth_presets[] = {
	{ "gmail", "https://oauth2.googleapis.com/token",
	  "https://oauth2.googleapis.com/device/code", "https://mail.google.com/" },
	{ "microsoft", "https://login.microsoftonline.com/common/oauth2/v2.0/token",
	  "https://login.microsoftonline.com/common/oauth2/v2.0/devicecode",
	  "https://outlook.office.com/IMAP.AccessAsUser.All "
	  "https://outlook.office.com/SMTP.Send offline_access" },
};

static const char *const auth_names[] = { "password", "xoauth2", "oauthbearer" };

const char *config_auth_name(enum config_auth auth)
{
	return (size_t)auth < G_N_ELEMENTS(auth_names) ? auth_names[auth] : "password";
}

static int parse_auth(struct load_state *st, const struct setting_def *def, void *target,
                      const char *value, char **msg_r)
{
	for (size_t i = 0; i < G_N_ELEMENTS(auth_names); i++) {
		if (g_ascii_strcasecmp(value, auth_names[i]) == 0) {
			*FIELD(target, def, enum config_auth) = (enum config_auth)i;
			return 0;
		}
	}
	*msg_r = g_strdup_printf("'%s' is not password, xoauth2 or oauthbearer", value);
	return -1;
}

/* The hosts whose provider a client ID alone implies (docs/CONFIG.md). */
static const struct {
	const char *host, *provider;
} oauth_provider_hosts[] = {
	{ "imap.gmail.com", "gmail" }, { "smtp.gmail.com", "gmail" },
	{ "outlook.office365.com", "microsoft" }, { "smtp.office365.com", "microsoft" },
	{ "imap-mail.outlook.com", "microsoft" }, { "smtp-mail.outlook.com", "microsoft" },
};

/* The provider of url's host, or NULL. */
static const char *oauth_provider_of_url(const char *url)
{
	char *host = NULL;
	const char *found = NULL;

	if (url == NULL || !g_uri_split(url, G_URI_FLAGS_NONE, NULL, NULL, &host, NULL, NULL,
	                                NULL, NULL, NULL) || host == NULL)
		goto out;
	for (size_t i = 0; i < G_N_ELEMENTS(oauth_provider_hosts); i++) {
		if (g_ascii_strcasecmp(host, oauth_provider_hosts[i].host) == 0)
			found = oauth_provider_hosts[i].provider;
	}
out:
	g_free(host);
	return found;
}

static const struct oauth_preset *oauth_preset_find(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(oauth_presets); i++) {
		if (g_ascii_strcasecmp(name, oauth_presets[i].name) == 0)
			return &oauth_presets[i];
	}
	return NULL;
}

static int parse_oauth_provider(struct load_state *st, const struct setting_def *def,
                                void *target, const char *value, char **msg_r)
{
	const struct oauth_preset *preset = oauth_preset_find(value);

	if (preset == NULL) {
		*msg_r = g_strdup_printf("'%s' is not a provider followupd knows (write gmail or "
		                         "microsoft, or give oauth-token-endpoint instead)", value);
		return -1;
	}
	replace_string(FIELD(target, def, char *), g_strdup(preset->name));
	return 0;
}

/* An OAuth2 endpoint: https://, or http:// to this machine (a test's). */
static int parse_oauth_endpoint(struct load_state *st, const struct setting_def *def,
                                void *target, const char *value, char **msg_r)
{
	struct config_url parts;
	const char *reason;
	char *shown;

	if (config_value_web_url(value, &parts, &reason) < 0) {
		shown = config_value_url_redact(value);
		*msg_r = g_strdup_printf("'%s' %s (write https://host/path)", shown, reason);
		g_free(shown);
		return -1;
	}
	if (!parts.tls_scheme && !config_value_host_is_loopback(parts.host, parts.host_len)) {
		*msg_r = g_strdup_printf("'%s' would send the refresh token unencrypted to %.*s, "
		                         "which is not this machine (use https://)", value,
		                         (int)parts.host_len, parts.host);
		return -1;
	}
	replace_string(FIELD(target, def, char *), g_strdup(value));
	return 0;
}

/* What the provider's console calls the client ID: printable ASCII, no
 * blanks (it goes into a form-encoded body as it is written). */
static int parse_client_id(struct load_state *st, const struct setting_def *def,
                           void *target, const char *value, char **msg_r)
{
	size_t len = strlen(value);

	for (size_t i = 0; i < len; i++) {
		if (value[i] <= ' ' || value[i] >= 0x7f) {
			*msg_r = g_strdup_printf("'%s' is not a client ID (copy it from the "
			                         "provider's console: printable ASCII, no blanks)",
			                         value);
			return -1;
		}
	}
	if (len == 0 || len > 512) {
		*msg_r = g_strdup("a client ID has 1 to 512 characters (copy it from the "
		                  "provider's console)");
		return -1;
	}
	replace_string(FIELD(target, def, char *), g_strdup(value));
	return 0;
}

static int parse_imap_url(struct load_state *st, const struct setting_def *def,
                          void *target, const char *value, char **msg_r)
{
	return parse_url(value, "imap", "imaps", FIELD(target, def, char *), msg_r);
}

static int parse_smtp_url(struct load_state *st, const struct setting_def *def,
                          void *target, const char *value, char **msg_r)
{
	return parse_url(value, "smtp", "smtps", FIELD(target, def, char *), msg_r);
}

/* --- comma-separated lists --------------------------------------------- */

/* Checks one trimmed list item and normalizes it in place (case). */
typedef int list_item_fn(char *item, const char **reason_r);

static int list_domain(char *item, const char **reason_r)
{
	char *p;

	for (p = item; *p != '\0'; p++)
		*p = g_ascii_tolower(*p);
	if (!address_is_domain(item)) {
		*reason_r = "is not a domain name (write it like example.com; "
		            "international names in their xn-- form)";
		return -1;
	}
	return 0;
}

static int list_folder(char *item, const char **reason_r)
{
	/* IMAP's INBOX is case-insensitive: one spelling keeps lists comparable. */
	if (g_ascii_strcasecmp(item, "INBOX") == 0)
		memcpy(item, "INBOX", 5);
	return 0;
}

static int list_country(char *item, const char **reason_r)
{
	if (!config_value_is_country(item)) {
		*reason_r = "is not a two-letter ISO 3166-1 country code (e.g. DE, AE, CN)";
		return -1;
	}
	item[0] = g_ascii_toupper(item[0]);
	item[1] = g_ascii_toupper(item[1]);
	return 0;
}

static int list_charset(char *item, const char **reason_r)
{
	if (!config_value_is_charset(item)) {
		*reason_r = "is not a charset name (e.g. gb18030, windows-1251)";
		return -1;
	}
	return 0;
}

/* An address pattern of [source] from: local@domain, '*' for any run of
 * characters, lowercased; no blanks, quotes or angle brackets. */
static int list_sender_pattern(char *item, const char **reason_r)
{
	const char *at = strchr(item, '@');

	if (at == NULL || at == item || at[1] == '\0' || strchr(at + 1, '@') != NULL) {
		*reason_r = "is not an address pattern (e.g. *@notice.alibaba.com)";
		return -1;
	}
	for (char *p = item; *p != '\0'; p++) {
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f || strchr("\"<>()[];:\\", *p)) {
			*reason_r = "has a character no address pattern has";
			return -1;
		}
		*p = g_ascii_tolower(*p);
	}
	return 0;
}

static bool list_contains(const GPtrArray *items, const char *item)
{
	guint i;

	for (i = 0; i < items->len; i++) {
		if (strcmp(g_ptr_array_index(items, i), item) == 0)
			return true;
	}
	return false;
}

/* Splits at commas, trims, checks and normalizes each item, and drops
 * repeats. *items_r is a new NULL-terminated vector with at least one item. */
static int list_parse(const char *value, list_item_fn *check, char ***items_r,
                      char **msg_r)
{
	char **parts = g_strsplit(value, ",", -1);
	GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
	const char *reason;
	int ret = -1;
	size_t i;

	for (i = 0; parts[i] != NULL; i++) {
		char *item = g_strstrip(parts[i]);

		if (item[0] == '\0') {
			*msg_r = g_strdup("empty item in the list (separate items with one comma, "
			                  "without a comma at the end)");
			goto out;
		}
		if (check(item, &reason) < 0) {
			*msg_r = g_strdup_printf("'%s' %s", item, reason);
			goto out;
		}
		if (!list_contains(items, item))
			g_ptr_array_add(items, g_strdup(item));
	}
	g_ptr_array_add(items, NULL);
	*items_r = (char **)g_ptr_array_free(g_steal_pointer(&items), FALSE);
	ret = 0;
out:
	if (items != NULL)
		g_ptr_array_free(items, TRUE);
	g_strfreev(parts);
	return ret;
}

static int parse_list(const struct setting_def *def, void *target, const char *value,
                      list_item_fn *check, char **msg_r)
{
	char ***field = FIELD(target, def, char **);
	char **items;

	if (list_parse(value, check, &items, msg_r) < 0)
		return -1;
	g_strfreev(*field);
	*field = items;
	return 0;
}

static int parse_domains(struct load_state *st, const struct setting_def *def,
                         void *target, const char *value, char **msg_r)
{
	return parse_list(def, target, value, list_domain, msg_r);
}

static int parse_folders(struct load_state *st, const struct setting_def *def,
                         void *target, const char *value, char **msg_r)
{
	return parse_list(def, target, value, list_folder, msg_r);
}

static int parse_countries(struct load_state *st, const struct setting_def *def,
                           void *target, const char *value, char **msg_r)
{
	return parse_list(def, target, value, list_country, msg_r);
}

static int parse_sender_patterns(struct load_state *st, const struct setting_def *def,
                                 void *target, const char *value, char **msg_r)
{
	return parse_list(def, target, value, list_sender_pattern, msg_r);
}

static int parse_buyer_where(struct load_state *st, const struct setting_def *def,
                             void *target, const char *value, char **msg_r)
{
	enum config_buyer_where *field = FIELD(target, def, enum config_buyer_where);

	if (g_ascii_strcasecmp(value, "reply-to") == 0) {
		*field = CONFIG_BUYER_REPLY_TO;
	} else if (g_ascii_strcasecmp(value, "body") == 0) {
		*field = CONFIG_BUYER_BODY;
	} else {
		*msg_r = g_strdup_printf("'%s' is neither reply-to nor body (where the buyer's "
		                         "address is found)", value);
		return -1;
	}
	return 0;
}

static int parse_charsets(struct load_state *st, const struct setting_def *def,
                          void *target, const char *value, char **msg_r)
{
	return parse_list(def, target, value, list_charset, msg_r);
}

/* --- [grading] ------------------------------------------------------------ */

#define GRADE_NAME_MAX 16

/* Words of a list written with commas, blanks or both ("S A B C E",
 * "S, A, B"). A new vector. */
static char **words_of(const char *value)
{
	char **parts = g_strsplit_set(value, ", \t", -1);
	GPtrArray *words = g_ptr_array_new();

	for (size_t i = 0; parts[i] != NULL; i++) {
		if (parts[i][0] != '\0')
			g_ptr_array_add(words, g_strdup(parts[i]));
	}
	g_ptr_array_add(words, NULL);
	g_strfreev(parts);
	return (char **)g_ptr_array_free(words, FALSE);
}

static bool grade_name_valid(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > GRADE_NAME_MAX || g_ascii_strcasecmp(name, "auto") == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!g_ascii_isalnum(name[i]) && name[i] != '+' && name[i] != '-')
			return false;
	}
	return name[0] != '-';
}

/* grades = S A B C E: best first, the last the dormant grade. People
 * write them back (customer set KEY grade=a), so they differ in more
 * than case, and "auto" is no grade (it returns to the computed one). */
static int parse_grades(struct load_state *st, const struct setting_def *def, void *target,
                        const char *value, char **msg_r)
{
	struct config_grading *g = target;
	char **names = words_of(value);
	size_t n = g_strv_length(names);

	for (size_t i = 0; i < n; i++) {
		if (!grade_name_valid(names[i])) {
			*msg_r = g_strdup_printf("'%s' is no grade name (1 to %d letters, digits, + "
			                         "or -; not auto)", names[i], GRADE_NAME_MAX);
			goto bad;
		}
		for (size_t j = 0; j < i; j++) {
			if (g_ascii_strcasecmp(names[i], names[j]) == 0) {
				*msg_r = g_strdup_printf("'%s' is named twice (each grade once)",
				                         names[i]);
				goto bad;
			}
		}
	}
	if (n < 2 || n > CONFIG_GRADES_MAX) {
		*msg_r = g_strdup_printf("'%s' names %zu grades (name 2 to %d, best first; the "
		                         "last is the dormant grade)", value, n, CONFIG_GRADES_MAX);
		goto bad;
	}
	g_strfreev(g->grades);
	g->grades = names;
	g->n_grades = n;
	return 0;
bad:
	g_strfreev(names);
	return -1;
}

/* A whole number of points from 0 to CONFIG_POINTS_MAX, or -1. */
static long points_value(const char *text)
{
	char *end = NULL;
	long n;

	if (!g_ascii_isdigit(text[0]))
		return -1;
	errno = 0;
	n = strtol(text, &end, 10);
	if (errno != 0 || *end != '\0' || n > CONFIG_POINTS_MAX)
		return -1;
	return n;
}

static int parse_points(struct load_state *st, const struct setting_def *def, void *target,
                        const char *value, char **msg_r)
{
	long n = points_value(value);

	if (n < 0) {
		*msg_r = g_strdup_printf("'%s' is not a number of points (0 to %d)", value,
		                         CONFIG_POINTS_MAX);
		return -1;
	}
	*FIELD(target, def, unsigned) = (unsigned)n;
	return 0;
}

/* thresholds = 70 50 30 0: points, each less than the one before. */
static int parse_thresholds(struct load_state *st, const struct setting_def *def,
                            void *target, const char *value, char **msg_r)
{
	struct config_grading *g = target;
	char **words = words_of(value);
	size_t n = g_strv_length(words);
	unsigned *points = g_new0(unsigned, n > 0 ? n : 1);
	int ret = -1;

	for (size_t i = 0; i < n; i++) {
		long p = points_value(words[i]);
		if (p < 0) {
			*msg_r = g_strdup_printf("'%s' is not a number of points (0 to %d)", words[i],
			                         CONFIG_POINTS_MAX);
			goto out;
		}
		if (i > 0 && (unsigned)p >= points[i - 1]) {
			*msg_r = g_strdup_printf("'%s': each threshold must be less than the one "
			                         "before (best grade first)", value);
			goto out;
		}
		points[i] = (unsigned)p;
	}
	g_free(g->thresholds);
	g->thresholds = g_steal_pointer(&points);
	g->n_thresholds = n;
	ret = 0;
out:
	g_free(points);
	g_strfreev(words);
	return ret;
}

/* currency = USD: three ASCII letters, uppercased (ISO 4217). */
static int parse_currency(struct load_state *st, const struct setting_def *def, void *target,
                          const char *value, char **msg_r)
{
	if (strlen(value) != 3 || !g_ascii_isalpha(value[0]) || !g_ascii_isalpha(value[1]) ||
	    !g_ascii_isalpha(value[2])) {
		*msg_r = g_strdup_printf("'%s' is not a currency code (three letters, e.g. USD, "
		                         "EUR, CNY)", value);
		return -1;
	}
	replace_string(FIELD(target, def, char *), g_ascii_strup(value, -1));
	return 0;
}

/* --- sections ----------------------------------------------------------- */

int config_setting_index(const struct section_def *sdef, const char *key)
{
	size_t i;

	for (i = 0; i < sdef->n_settings; i++) {
		if (strcmp(sdef->settings[i].key, key) == 0)
			return (int)i;
	}
	return -1;
}

/* Line where key was given in the current section, or 0. */
static int seen_line(const struct load_state *st, const char *key)
{
	int i = config_setting_index(st->cur.def, key);

	return i < 0 ? 0 : st->cur.seen[i];
}

static void *store_target(struct load_state *st)
{
	return st->cfg;
}

static void *company_target(struct load_state *st)
{
	return &st->cfg->company;
}

static void *smtp_target(struct load_state *st)
{
	return &st->cfg->smtp;
}

static void *classify_target(struct load_state *st)
{
	return &st->cfg->classify;
}

static void *limits_target(struct load_state *st)
{
	return &st->cfg->limits;
}

static void *grading_target(struct load_state *st)
{
	return &st->cfg->grading;
}

static void *account_target(struct load_state *st)
{
	return &g_array_index(st->accounts, struct config_account, st->accounts->len - 1);
}

static void *person_target(struct load_state *st)
{
	return &g_array_index(st->persons, struct config_person, st->persons->len - 1);
}

static void *source_target(struct load_state *st)
{
	return &g_array_index(st->sources, struct config_source, st->sources->len - 1);
}

static void *rule_target(struct load_state *st)
{
	return &g_array_index(st->rules, struct ini_section, st->rules->len - 1);
}

static bool account_name_ok(const char *name)
{
	size_t i, len = strlen(name);

	if (len == 0 || len > CONFIG_ACCOUNT_NAME_MAX)
		return false;
	for (i = 0; i < len; i++) {
		if (!g_ascii_isalnum(name[i]) && strchr("._@+-", name[i]) == NULL)
			return false;
	}
	return true;
}

static int account_begin(struct load_state *st, const char *arg, char **msg_r)
{
	struct config_account account = { 0 };

	if (!account_name_ok(arg)) {
		*msg_r = g_strdup_printf("'%s' is not an account name (use up to %d letters, "
		                         "digits and . _ @ + -)", arg, CONFIG_ACCOUNT_NAME_MAX);
		return -1;
	}
	account.name = g_strdup(arg);
	account.line = st->cur.line;
	g_array_append_val(st->accounts, account);
	return 0;
}

static bool url_has_scheme(const char *url, const char *scheme)
{
	size_t len = strlen(scheme);

	return g_ascii_strncasecmp(url, scheme, len) == 0 && strncmp(url + len, "://", 3) == 0;
}

/* The password key given in the current section (one at most), or NULL. */
static const char *password_key_given(const struct load_state *st)
{
	static const char *const keys[] = { "password", "password-file", "password-credential" };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(keys); i++) {
		if (seen_line(st, keys[i]) != 0)
			return keys[i];
	}
	return NULL;
}

/* $CREDENTIALS_DIRECTORY/NAME, or -1 with *msg_r. */
static int credential_path(const char *name, char **path_r, char **msg_r)
{
	const char *dir = getenv("CREDENTIALS_DIRECTORY");

	if (dir == NULL || dir[0] == '\0') {
		*msg_r = g_strdup_printf("$CREDENTIALS_DIRECTORY is not set, so there is no "
		                         "credential %s (start followupd from its systemd unit "
		                         "with LoadCredential=%s:/etc/followup/%s, or use "
		                         "password-file)", name, name, name);
		return -1;
	}
	*path_r = g_build_filename(dir, name, NULL);
	return 0;
}

/* followupd only: the password from password-file or password-credential
 * (an inline one is already in place). Errors at the key's line. */
static int load_password(struct load_state *st, char **password_r, const char *file,
                         const char *credential)
{
	const char *key = file != NULL ? "password-file" : "password-credential";
	char *path = NULL, *msg = NULL, *hint = NULL;
	int ret = -1;

	if (!(st->flags & CONFIG_LOAD_SECRETS) || (file == NULL && credential == NULL))
		return 0;
	if (file != NULL) {
		path = g_strdup(file);
		hint = g_strdup("check the path and its permissions");
	} else if (credential_path(credential, &path, &msg) == 0) {
		hint = g_strdup_printf("is LoadCredential=%s:... in followupd's unit?",
		                       credential);
	}
	if (path == NULL || config_secret_read(path, "password", hint, password_r, &msg) < 0) {
		config_load_error(st, seen_line(st, key), st->cur.label, key, "%s", msg);
		goto out;
	}
	ret = 0;
out:
	g_free(msg);
	g_free(hint);
	g_free(path);
	return ret;
}

/* The OAuth2 keys, which only an OAuth2 auth takes. */
static const char *const oauth_keys[] = {
	"oauth-provider", "oauth-client-id", "oauth-client-secret-file", "oauth-token-endpoint",
	"oauth-device-endpoint", "oauth-scope", "oauth-token-file",
};

/* followupd only: the refresh token and the client secret. who is what
 * `followup oauth` takes to make the token file ("sales", "--smtp"). */
static int oauth_load_secrets(struct load_state *st, struct config_oauth *oauth,
                              const char *who)
{
	char *msg = NULL, *hint = NULL;
	int ret = -1;

	if (!(st->flags & CONFIG_LOAD_SECRETS))
		return 0;
	if (!(st->flags & CONFIG_LOAD_OAUTH_SETUP)) {
		hint = oauth->external
		       ? g_strdup("the program that keeps the access token fresh writes it there")
		       : g_strdup_printf("run followup oauth %s to get the first refresh token", who);
		if (config_secret_read(oauth->token_file,
		                       oauth->external ? "access token" : "refresh token", hint,
		                       &oauth->refresh_token, &msg) < 0) {
			config_load_error(st, seen_line(st, "oauth-token-file"), st->cur.label,
			                  "oauth-token-file", "%s", msg);
			goto out;
		}
	}
	if (oauth->client_secret_file != NULL &&
	    config_secret_read(oauth->client_secret_file, "client secret",
	                       "check the path and its permissions", &oauth->client_secret,
	                       &msg) < 0) {
		config_load_error(st, seen_line(st, "oauth-client-secret-file"), st->cur.label,
		                  "oauth-client-secret-file", "%s", msg);
		goto out;
	}
	ret = 0;
out:
	g_free(hint);
	g_free(msg);
	return ret;
}

/* auth and the OAuth2 keys together: no OAuth2 key without an OAuth2 auth,
 * no password with one, and the client ID, the token file and a token
 * endpoint (given, or the provider's) with one. */
static int oauth_end(struct load_state *st, struct config_oauth *oauth, const char *who,
                     const char *url)
{
	const char *auth = config_auth_name(oauth->auth), *password_key = password_key_given(st);
	const struct oauth_preset *preset;

	oauth->line = seen_line(st, "auth");
	oauth->token_file_line = seen_line(st, "oauth-token-file");
	oauth->token_endpoint_line = seen_line(st, "oauth-token-endpoint");
	oauth->device_endpoint_line = seen_line(st, "oauth-device-endpoint");
	if (oauth->auth == CONFIG_AUTH_PASSWORD) {
		for (size_t i = 0; i < G_N_ELEMENTS(oauth_keys); i++) {
			if (seen_line(st, oauth_keys[i]) == 0)
				continue;
			config_load_error(st, seen_line(st, oauth_keys[i]), st->cur.label,
			                  oauth_keys[i], "only for OAuth2 (add 'auth = xoauth2' or "
			                  "'auth = oauthbearer', or remove this line)");
			return -1;
		}
		return 0;
	}
	if (password_key != NULL) {
		config_load_error(st, seen_line(st, password_key), st->cur.label, password_key,
		                  "a password with auth = %s, which logs in with OAuth2 tokens "
		                  "(remove this line, or write auth = password)", auth);
		return -1;
	}
	if (oauth->token_file == NULL) {
		config_load_error(st, oauth->line, st->cur.label, "auth", "auth = %s needs "
		                  "oauth-token-file (add 'oauth-token-file = /var/lib/followup/%s.token' "
		                  "and run followup oauth %s)", auth,
		                  who[0] == '-' ? "smtp" : who, who);
		return -1;
	}
	if (oauth->client_id == NULL && oauth->provider == NULL && oauth->token_endpoint == NULL) {
		/* Nothing to refresh with: the file is an access token that a
		 * program of the administrator's keeps fresh. */
		oauth->external = true;
		return oauth_load_secrets(st, oauth, who);
	}
	if (oauth->client_id == NULL) {
		config_load_error(st, oauth->line, st->cur.label, "auth", "auth = %s with %s needs "
		                  "oauth-client-id (add 'oauth-client-id = ...', the ID of the "
		                  "application registered with the provider)", auth,
		                  oauth->provider != NULL ? "oauth-provider" : "oauth-token-endpoint");
		return -1;
	}
	if (oauth->provider == NULL && oauth->token_endpoint == NULL &&
	    oauth_provider_of_url(url) != NULL)
		oauth->provider = g_strdup(oauth_provider_of_url(url));
	preset = oauth->provider != NULL ? oauth_preset_find(oauth->provider) : NULL;
	if (oauth->token_endpoint == NULL && preset == NULL) {
		config_load_error(st, oauth->line, st->cur.label, "auth", "auth = %s needs a token "
		                  "endpoint (add 'oauth-provider = gmail' or 'microsoft', or "
		                  "'oauth-token-endpoint = https://...')", auth);
		return -1;
	}
	if (preset != NULL && oauth->token_endpoint == NULL)
		oauth->token_endpoint = g_strdup(preset->token_endpoint);
	if (preset != NULL && oauth->device_endpoint == NULL)
		oauth->device_endpoint = g_strdup(preset->device_endpoint);
	if (preset != NULL && oauth->scope == NULL)
		oauth->scope = g_strdup(preset->scope);
	return oauth_load_secrets(st, oauth, who);
}

/* tls = no only to this machine, unless plaintext = allow; *remote_r tells
 * followupd to warn at every start. url has been checked already. */
static int check_plaintext(struct load_state *st, const char *url, const char *plain,
                           const char *tls_scheme, bool tls, bool allowed, bool *remote_r)
{
	struct config_url parts;
	const char *reason;

	*remote_r = false;
	if (tls || config_value_url(url, plain, tls_scheme, &parts, &reason) < 0 ||
	    config_value_host_is_loopback(parts.host, parts.host_len))
		return 0;
	if (!allowed) {
		config_load_error(st, seen_line(st, "tls"), st->cur.label, "tls",
		                  "'no' would send the password and the mail unencrypted to "
		                  "%.*s, which is not this machine (remove this line to use "
		                  "STARTTLS, or use %s://; only if the network on the way is "
		                  "trusted, add 'plaintext = allow')", (int)parts.host_len,
		                  parts.host, tls_scheme);
		return -1;
	}
	*remote_r = true;
	return 0;
}

/* Sent folders are watched like the others: any not listed in folders is
 * added to them, so that sent_folders is always a subset of folders. */
static void account_merge_sent_folders(struct config_account *account)
{
	GPtrArray *folders = g_ptr_array_new();
	size_t i;

	for (i = 0; account->folders[i] != NULL; i++)
		g_ptr_array_add(folders, account->folders[i]);
	for (i = 0; account->sent_folders[i] != NULL; i++) {
		if (!list_contains(folders, account->sent_folders[i]))
			g_ptr_array_add(folders, g_strdup(account->sent_folders[i]));
	}
	g_ptr_array_add(folders, NULL);
	g_free(account->folders); /* the strings moved into the new vector */
	account->folders = (char **)g_ptr_array_free(folders, FALSE);
}

static int account_end(struct load_state *st, void *target)
{
	struct config_account *account = target;

	if (oauth_end(st, &account->oauth, account->name, account->url) < 0)
		return -1;
	if (account->oauth.auth == CONFIG_AUTH_PASSWORD && password_key_given(st) == NULL) {
		config_load_error(st, st->cur.line, st->cur.label, "password",
		                  "no password given (add 'password-file = /etc/followup/%s.pass' "
		                  "with the password on its first line, or "
		                  "'password-credential = NAME')", account->name);
		return -1;
	}
	if (!account->tls && url_has_scheme(account->url, "imaps")) {
		config_load_error(st, seen_line(st, "tls"), st->cur.label, "tls",
		                  "TLS cannot be turned off for imaps:// (use imap:// for a server "
		                  "without TLS, or remove this line)");
		return -1;
	}
	account->url_line = seen_line(st, "url");
	if (check_plaintext(st, account->url, "imap", "imaps", account->tls,
	                    account->plaintext_allowed, &account->plaintext_remote) < 0 ||
	    load_password(st, &account->password, account->password_file,
	                  account->password_credential) < 0)
		return -1;
	if (account->sent_folders == NULL)
		account->sent_folders = g_new0(char *, 1);
	account_merge_sent_folders(account);
	return 0;
}

static int smtp_begin(struct load_state *st, const char *arg, char **msg_r)
{
	st->cfg->smtp.present = true;
	st->cfg->smtp.line = st->cur.line;
	return 0;
}

static int smtp_end(struct load_state *st, void *target)
{
	struct config_smtp *smtp = target;
	const char *password_key = password_key_given(st);

	if (!smtp->tls && url_has_scheme(smtp->url, "smtps")) {
		config_load_error(st, seen_line(st, "tls"), st->cur.label, "tls",
		                  "TLS cannot be turned off for smtps:// (use smtp:// for a server "
		                  "without TLS, or remove this line)");
		return -1;
	}
	if (oauth_end(st, &smtp->oauth, "--smtp", smtp->url) < 0)
		return -1;
	if (smtp->oauth.auth != CONFIG_AUTH_PASSWORD && smtp->user == NULL) {
		config_load_error(st, smtp->oauth.line, st->cur.label, "auth",
		                  "auth = %s needs the user it logs in as (add 'user = ...')",
		                  config_auth_name(smtp->oauth.auth));
		return -1;
	}
	if (password_key != NULL && smtp->user == NULL) {
		config_load_error(st, seen_line(st, password_key), st->cur.label, password_key,
		                  "a password without a user (add 'user = ...')");
		return -1;
	}
	if (smtp->user != NULL && password_key == NULL &&
	    smtp->oauth.auth == CONFIG_AUTH_PASSWORD) {
		config_load_error(st, seen_line(st, "user"), st->cur.label, "user",
		                  "a user without a password (add 'password-file = ...' or "
		                  "'password-credential = ...', or remove the user)");
		return -1;
	}
	smtp->url_line = seen_line(st, "url");
	if (check_plaintext(st, smtp->url, "smtp", "smtps", smtp->tls, smtp->plaintext_allowed,
	                    &smtp->plaintext_remote) < 0 ||
	    load_password(st, &smtp->password, smtp->password_file,
	                  smtp->password_credential) < 0)
		return -1;
	return 0;
}

static int person_begin(struct load_state *st, const char *arg, char **msg_r)
{
	struct config_person person = { 0 };

	if (!address_is_valid(arg)) {
		*msg_r = g_strdup_printf("'%s' is not an e-mail address (write "
		                         "[person name@example.com])", arg);
		return -1;
	}
	person.email = g_ascii_strdown(arg, -1);
	person.line = st->cur.line;
	g_array_append_val(st->persons, person);
	return 0;
}

static int person_end(struct load_state *st, void *target)
{
	struct config_person *person = target;

	if (person->countries == NULL)
		person->countries = g_new0(char *, 1);
	return 0;
}

static int source_begin(struct load_state *st, const char *arg, char **msg_r)
{
	struct config_source source = { 0 };

	if (!account_name_ok(arg)) {
		*msg_r = g_strdup_printf("'%s' is not a source name (use up to %d letters, "
		                         "digits and . _ @ + -)", arg, CONFIG_ACCOUNT_NAME_MAX);
		return -1;
	}
	source.name = g_strdup(arg);
	source.line = st->cur.line;
	g_array_append_val(st->sources, source);
	return 0;
}

static int source_end(struct load_state *st, void *target)
{
	struct config_source *source = target;

	if (source->senders == NULL) {
		config_load_error(st, st->cur.line, st->cur.label, "from",
		                  "no from = (add the platform's sender addresses, e.g. "
		                  "from = *@notice.alibaba.com)");
		return -1;
	}
	return 0;
}

/* The thresholds fit the grades, and full recency comes before dormancy. */
static int grading_end(struct load_state *st, void *target)
{
	struct config_grading *g = target;
	int line = seen_line(st, "thresholds");

	if (g->n_thresholds != g->n_grades - 1) {
		char *names = g_strjoinv(" ", g->grades);
		config_load_error(st, line != 0 ? line : seen_line(st, "grades"), st->cur.label,
		                  line != 0 ? "thresholds" : "grades",
		                  "%zu grades (%s) take %zu thresholds, one for each grade but "
		                  "the last, and there are %zu (write thresholds = with %zu "
		                  "numbers, best grade first)", g->n_grades, names, g->n_grades - 1,
		                  g->n_thresholds, g->n_grades - 1);
		g_free(names);
		return -1;
	}
	if (g->recency_full_seconds >= g->dormant_seconds) {
		line = seen_line(st, "recency-full");
		config_load_error(st, line != 0 ? line : seen_line(st, "dormant-after"),
		                  st->cur.label, line != 0 ? "recency-full" : "dormant-after",
		                  "recency-full (%us) must be shorter than dormant-after (%us)",
		                  g->recency_full_seconds, g->dormant_seconds);
		return -1;
	}
	return 0;
}

static void rule_item_clear(void *data)
{
	struct ini_item *item = data;

	g_free(item->key);
	g_free(item->value);
}

static int rule_begin(struct load_state *st, const char *arg, char **msg_r)
{
	struct ini_section rule = { 0 };

	rule.name = g_strdup(arg);
	rule.line = st->cur.line;
	g_array_append_val(st->rules, rule);
	st->rule_items = g_array_new(FALSE, TRUE, sizeof(struct ini_item));
	g_array_set_clear_func(st->rule_items, rule_item_clear);
	return 0;
}

/* [stages]: kept as written, as a rule is (one section, not repeatable). */
static int stages_begin(struct load_state *st, const char *arg, char **msg_r)
{
	st->cfg->stages.name = g_strdup("stages");
	st->cfg->stages.line = st->cur.line;
	st->rule_items = g_array_new(FALSE, TRUE, sizeof(struct ini_item));
	g_array_set_clear_func(st->rule_items, rule_item_clear);
	return 0;
}

static void *stages_target(struct load_state *st)
{
	return &st->cfg->stages;
}

static int rule_end(struct load_state *st, void *target)
{
	struct ini_section *rule = target;

	rule->n_items = st->rule_items->len;
	if (rule->n_items == 0) {
		g_array_free(st->rule_items, TRUE);
	} else {
		rule->items = (struct ini_item *)(void *)
			g_array_free(st->rule_items, FALSE);
	}
	st->rule_items = NULL;
	return 0;
}

void config_rule_item_add(struct load_state *st, const char *key, const char *value)
{
	struct ini_item item = {
		.key = g_strdup(key), .value = g_strdup(value), .line = st->lineno,
	};

	g_array_append_val(st->rule_items, item);
}

/* The settings of each section. Defaults are written as in the file and go
 * through the same parser. */
static const struct setting_def store_settings[] = {
	{ .key = "path", .parse = parse_path, .offset = offsetof(struct config, store_path),
	  .default_value = DEFAULT_STORE_PATH },
	{ .key = "control-socket", .parse = parse_path,
	  .offset = offsetof(struct config, control_socket),
	  .default_value = DEFAULT_CONTROL_SOCKET },
};

static const struct setting_def company_settings[] = {
	{ .key = "name", .parse = parse_string,
	  .offset = offsetof(struct config_company, name), .required = "name = Acme Pumps" },
	{ .key = "domains", .parse = parse_domains,
	  .offset = offsetof(struct config_company, domains),
	  .required = "domains = example.com" },
	{ .key = "timezone", .parse = parse_timezone,
	  .offset = offsetof(struct config_company, timezone), .default_value = "UTC" },
	{ .key = "work-hours", .parse = parse_work_hours,
	  .offset = offsetof(struct config_company, work_hours),
	  .default_value = "Mon-Fri 09:00-17:00" },
	{ .key = "alerts-to", .parse = parse_email,
	  .offset = offsetof(struct config_company, alerts_to) },
	{ .key = "holidays", .parse = parse_file_ref,
	  .offset = offsetof(struct config_company, holidays) },
};

/* The OAuth2 keys of [account NAME] and [smtp] (struct config_oauth). */
#define OAUTH_SETTINGS(type) \
	{ .key = "auth", .parse = parse_auth, .offset = offsetof(type, oauth.auth), \
	  .default_value = "password" }, \
	{ .key = "oauth-provider", .parse = parse_oauth_provider, \
	  .offset = offsetof(type, oauth.provider) }, \
	{ .key = "oauth-client-id", .parse = parse_client_id, \
	  .offset = offsetof(type, oauth.client_id) }, \
	{ .key = "oauth-client-secret-file", .parse = parse_path, \
	  .offset = offsetof(type, oauth.client_secret_file) }, \
	{ .key = "oauth-token-endpoint", .parse = parse_oauth_endpoint, \
	  .offset = offsetof(type, oauth.token_endpoint) }, \
	{ .key = "oauth-device-endpoint", .parse = parse_oauth_endpoint, \
	  .offset = offsetof(type, oauth.device_endpoint) }, \
	{ .key = "oauth-scope", .parse = parse_string, .offset = offsetof(type, oauth.scope) }, \
	{ .key = "oauth-token-file", .parse = parse_path, \
	  .offset = offsetof(type, oauth.token_file) }

static const struct setting_def account_settings[] = {
	{ .key = "url", .parse = parse_imap_url,
	  .offset = offsetof(struct config_account, url),
	  .required = "url = imaps://mail.example.com" },
	{ .key = "tls", .parse = parse_bool, .offset = offsetof(struct config_account, tls),
	  .default_value = "yes" },
	{ .key = "user", .parse = parse_string, .offset = offsetof(struct config_account, user),
	  .required = "user = sales@example.com" },
	{ .key = "password", .parse = parse_secret,
	  .offset = offsetof(struct config_account, password), .one_of = "password" },
	{ .key = "password-file", .parse = parse_path,
	  .offset = offsetof(struct config_account, password_file), .one_of = "password" },
	{ .key = "password-credential", .parse = parse_credential,
	  .offset = offsetof(struct config_account, password_credential),
	  .one_of = "password" },
	{ .key = "plaintext", .parse = parse_plaintext,
	  .offset = offsetof(struct config_account, plaintext_allowed) },
	{ .key = "folders", .parse = parse_folders,
	  .offset = offsetof(struct config_account, folders), .default_value = "INBOX" },
	{ .key = "sent-folders", .parse = parse_folders,
	  .offset = offsetof(struct config_account, sent_folders) },
	{ .key = "poll", .parse = parse_duration,
	  .offset = offsetof(struct config_account, poll_seconds), .default_value = "60s",
	  .min_seconds = 10 },
	{ .key = "idle", .parse = parse_bool, .offset = offsetof(struct config_account, idle),
	  .default_value = "yes" },
	{ .key = "timeout", .parse = parse_duration,
	  .offset = offsetof(struct config_account, timeout_seconds), .default_value = "2m",
	  .min_seconds = 5, .max_seconds = 3600 },
	{ .key = "ca-file", .parse = parse_readable_path,
	  .offset = offsetof(struct config_account, ca_file) },
	OAUTH_SETTINGS(struct config_account),
};

static const struct setting_def smtp_settings[] = {
	{ .key = "url", .parse = parse_smtp_url, .offset = offsetof(struct config_smtp, url),
	  .required = "url = smtps://mail.example.com" },
	{ .key = "tls", .parse = parse_bool, .offset = offsetof(struct config_smtp, tls),
	  .default_value = "yes" },
	{ .key = "user", .parse = parse_string, .offset = offsetof(struct config_smtp, user) },
	{ .key = "password", .parse = parse_secret,
	  .offset = offsetof(struct config_smtp, password), .one_of = "password" },
	{ .key = "password-file", .parse = parse_path,
	  .offset = offsetof(struct config_smtp, password_file), .one_of = "password" },
	{ .key = "password-credential", .parse = parse_credential,
	  .offset = offsetof(struct config_smtp, password_credential), .one_of = "password" },
	{ .key = "plaintext", .parse = parse_plaintext,
	  .offset = offsetof(struct config_smtp, plaintext_allowed) },
	{ .key = "from", .parse = parse_address, .offset = offsetof(struct config_smtp, from),
	  .required = "from = Acme Pumps Sales <sales@example.com>" },
	{ .key = "ca-file", .parse = parse_readable_path,
	  .offset = offsetof(struct config_smtp, ca_file) },
	{ .key = "envelope-from", .parse = parse_envelope_from,
	  .offset = offsetof(struct config_smtp, envelope_from), .default_value = "<>" },
	{ .key = "timeout", .parse = parse_duration,
	  .offset = offsetof(struct config_smtp, timeout_seconds), .default_value = "1m",
	  .min_seconds = 5, .max_seconds = 3600 },
	OAUTH_SETTINGS(struct config_smtp),
};

/* A login name as useradd(8) takes it: [a-z_][a-z0-9_-]*, at most 32. */
static int parse_unix_user(struct load_state *st, const struct setting_def *def,
                           void *target, const char *value, char **msg_r)
{
	size_t len = strlen(value);
	bool ok = len > 0 && len <= 32 && (g_ascii_islower(value[0]) || value[0] == '_');

	for (size_t i = 1; ok && i < len; i++)
		ok = g_ascii_islower(value[i]) || g_ascii_isdigit(value[i]) || value[i] == '_' ||
		     value[i] == '-';
	if (!ok) {
		*msg_r = g_strdup_printf("'%s' is not a login name (lowercase letters, digits, "
		                         "'_' and '-', at most 32, as useradd takes them)", value);
		return -1;
	}
	for (guint i = 0; i + 1 < st->persons->len; i++) {
		const struct config_person *other = &g_array_index(st->persons, struct config_person, i);
		if (g_strcmp0(other->unix_user, value) == 0) {
			*msg_r = g_strdup_printf("'%s' is already [person %s] (one person per login)",
			                         value, other->email);
			return -1;
		}
	}
	replace_string(FIELD(target, def, char *), g_strdup(value));
	return 0;
}

/* Two lowercase letters of ISO 639-1, as the templates' file names. */
static int parse_language(struct load_state *st, const struct setting_def *def, void *target,
                          const char *value, char **msg_r)
{
	(void)st;
	if (strlen(value) != 2 || !g_ascii_isalpha(value[0]) || !g_ascii_isalpha(value[1])) {
		*msg_r = g_strdup_printf("'%s' is no language code (two letters of ISO 639-1: "
		                         "en, zh, de …)", value);
		return -1;
	}
	replace_string(FIELD(target, def, char *), g_ascii_strdown(value, -1));
	return 0;
}

static int parse_role(struct load_state *st, const struct setting_def *def, void *target,
                      const char *value, char **msg_r)
{
	static const enum config_role roles[] = {
		CONFIG_ROLE_SALES, CONFIG_ROLE_MANAGER, CONFIG_ROLE_FINANCE, CONFIG_ROLE_ADMIN,
	};

	(void)st;
	for (size_t i = 0; i < G_N_ELEMENTS(roles); i++) {
		if (g_ascii_strcasecmp(value, config_role_name(roles[i])) == 0) {
			*FIELD(target, def, enum config_role) = roles[i];
			return 0;
		}
	}
	*msg_r = g_strdup_printf("'%s' is no role (write sales, manager, finance or admin)", value);
	return -1;
}

static const struct setting_def person_settings[] = {
	{ .key = "name", .parse = parse_string, .offset = offsetof(struct config_person, name) },
	{ .key = "manager", .parse = parse_email,
	  .offset = offsetof(struct config_person, manager) },
	{ .key = "countries", .parse = parse_countries,
	  .offset = offsetof(struct config_person, countries) },
	{ .key = "timezone", .parse = parse_timezone,
	  .offset = offsetof(struct config_person, timezone) },
	{ .key = "holidays", .parse = parse_file_ref,
	  .offset = offsetof(struct config_person, holidays) },
	{ .key = "digest", .parse = parse_time_of_day,
	  .offset = offsetof(struct config_person, digest) },
	{ .key = "unix-user", .parse = parse_unix_user,
	  .offset = offsetof(struct config_person, unix_user) },
	{ .key = "role", .parse = parse_role, .offset = offsetof(struct config_person, role) },
	{ .key = "language", .parse = parse_language,
	  .offset = offsetof(struct config_person, language) },
	{ .key = "report", .parse = parse_weekly,
	  .offset = offsetof(struct config_person, report) },
};

static const struct setting_def source_settings[] = {
	{ .key = "from", .parse = parse_sender_patterns,
	  .offset = offsetof(struct config_source, senders) },
	{ .key = "buyer", .parse = parse_buyer_where,
	  .offset = offsetof(struct config_source, buyer), .default_value = "reply-to" },
	{ .key = "acknowledge", .parse = parse_bool,
	  .offset = offsetof(struct config_source, acknowledge), .default_value = "no" },
};

static const struct setting_def classify_settings[] = {
	{ .key = "freemail-file", .parse = parse_readable_path,
	  .offset = offsetof(struct config_classify, freemail_file) },
	{ .key = "quote-markers-file", .parse = parse_readable_path,
	  .offset = offsetof(struct config_classify, quote_markers_file) },
	{ .key = "charset-fallback", .parse = parse_charsets,
	  .offset = offsetof(struct config_classify, charset_fallbacks) },
	{ .key = "thread-window", .parse = parse_duration,
	  .offset = offsetof(struct config_classify, thread_window_seconds),
	  .default_value = "30d", .min_seconds = 1 },
};

static const struct setting_def limits_settings[] = {
	{ .key = "max-message-size", .parse = parse_size,
	  .offset = offsetof(struct config_limits, max_message_size), .default_value = "64M" },
	{ .key = "max-mime-depth", .parse = parse_count,
	  .offset = offsetof(struct config_limits, max_mime_depth), .default_value = "64" },
	{ .key = "max-parts", .parse = parse_count,
	  .offset = offsetof(struct config_limits, max_parts), .default_value = "10000" },
	{ .key = "max-header-bytes", .parse = parse_size,
	  .offset = offsetof(struct config_limits, max_header_bytes), .default_value = "256K" },
	{ .key = "max-body-text", .parse = parse_size,
	  .offset = offsetof(struct config_limits, max_body_text), .default_value = "4M" },
};

static const struct setting_def grading_settings[] = {
	{ .key = "grades", .parse = parse_grades, .offset = 0, .default_value = "S A B C E" },
	{ .key = "thresholds", .parse = parse_thresholds, .offset = 0,
	  .default_value = "70 50 30 0" },
	{ .key = "window", .parse = parse_duration,
	  .offset = offsetof(struct config_grading, window_seconds), .default_value = "365d",
	  .min_seconds = 86400 },
	{ .key = "dormant-after", .parse = parse_duration,
	  .offset = offsetof(struct config_grading, dormant_seconds), .default_value = "180d",
	  .min_seconds = 86400 },
	{ .key = "currency", .parse = parse_currency,
	  .offset = offsetof(struct config_grading, currency), .default_value = "USD" },
	{ .key = "value-points", .parse = parse_points,
	  .offset = offsetof(struct config_grading, value_points), .default_value = "30" },
	{ .key = "value-full", .parse = parse_count,
	  .offset = offsetof(struct config_grading, value_full), .default_value = "100000" },
	{ .key = "orders-points", .parse = parse_points,
	  .offset = offsetof(struct config_grading, orders_points), .default_value = "20" },
	{ .key = "orders-full", .parse = parse_count,
	  .offset = offsetof(struct config_grading, orders_full), .default_value = "5" },
	{ .key = "recency-points", .parse = parse_points,
	  .offset = offsetof(struct config_grading, recency_points), .default_value = "20" },
	{ .key = "recency-full", .parse = parse_duration,
	  .offset = offsetof(struct config_grading, recency_full_seconds),
	  .default_value = "30d" },
	{ .key = "answers-points", .parse = parse_points,
	  .offset = offsetof(struct config_grading, answers_points), .default_value = "15" },
	{ .key = "tenure-points", .parse = parse_points,
	  .offset = offsetof(struct config_grading, tenure_points), .default_value = "15" },
	{ .key = "tenure-full", .parse = parse_duration,
	  .offset = offsetof(struct config_grading, tenure_full_seconds),
	  .default_value = "730d", .min_seconds = 86400 },
};

#define SETTINGS(table) (table), G_N_ELEMENTS(table)

const struct section_def config_section_defs[] = {
	{ "store", "[store]", SECTION_ARG_NONE, false, SECTION_ABSENT_DEFAULTS, NULL,
	  SETTINGS(store_settings), NULL, store_target, NULL },
	{ "company", "[company]", SECTION_ARG_NONE, false, SECTION_ABSENT_ERROR,
	  "no [company] section (add one with name and domains)",
	  SETTINGS(company_settings), NULL, company_target, NULL },
	{ "account", "[account NAME]", SECTION_ARG_REQUIRED, false, SECTION_ABSENT_ERROR,
	  "no [account NAME] section (add one with url, user and password-file)",
	  SETTINGS(account_settings), account_begin, account_target, account_end },
	{ "smtp", "[smtp]", SECTION_ARG_NONE, false, SECTION_ABSENT_SKIP, NULL,
	  SETTINGS(smtp_settings), smtp_begin, smtp_target, smtp_end },
	{ "person", "[person EMAIL]", SECTION_ARG_REQUIRED, false, SECTION_ABSENT_SKIP, NULL,
	  SETTINGS(person_settings), person_begin, person_target, person_end },
	{ "source", "[source NAME]", SECTION_ARG_REQUIRED, false, SECTION_ABSENT_SKIP, NULL,
	  SETTINGS(source_settings), source_begin, source_target, source_end },
	{ "classify", "[classify]", SECTION_ARG_NONE, false, SECTION_ABSENT_DEFAULTS, NULL,
	  SETTINGS(classify_settings), NULL, classify_target, NULL },
	{ "limits", "[limits]", SECTION_ARG_NONE, false, SECTION_ABSENT_DEFAULTS, NULL,
	  SETTINGS(limits_settings), NULL, limits_target, NULL },
	{ "grading", "[grading]", SECTION_ARG_NONE, false, SECTION_ABSENT_DEFAULTS, NULL,
	  SETTINGS(grading_settings), NULL, grading_target, grading_end },
	{ "rule", "[rule NAME]", SECTION_ARG_ANY, true, SECTION_ABSENT_SKIP, NULL,
	  NULL, 0, rule_begin, rule_target, rule_end },
	{ "stages", "[stages]", SECTION_ARG_NONE, false, SECTION_ABSENT_SKIP, NULL,
	  NULL, 0, stages_begin, stages_target, rule_end },
};

const size_t config_n_section_defs = G_N_ELEMENTS(config_section_defs);

G_STATIC_ASSERT(G_N_ELEMENTS(account_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(company_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(smtp_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(person_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(classify_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(source_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(limits_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(grading_settings) <= SECTION_MAX_KEYS);

/* --- clearing -------------------------------------------------------------- */

static void oauth_clear(struct config_oauth *oauth)
{
	g_free(oauth->provider);
	g_free(oauth->client_id);
	g_free(oauth->client_secret_file);
	secret_free(oauth->client_secret);
	g_free(oauth->token_endpoint);
	g_free(oauth->device_endpoint);
	g_free(oauth->scope);
	g_free(oauth->token_file);
	secret_free(oauth->refresh_token);
}

void config_account_clear(void *data)
{
	struct config_account *account = data;

	g_free(account->name);
	g_free(account->url);
	g_free(account->user);
	secret_free(account->password);
	g_free(account->password_file);
	g_free(account->password_credential);
	g_strfreev(account->folders);
	g_strfreev(account->sent_folders);
	g_free(account->ca_file);
	oauth_clear(&account->oauth);
}

void config_person_clear(void *data)
{
	struct config_person *person = data;

	g_free(person->email);
	g_free(person->name);
	g_free(person->manager);
	g_strfreev(person->countries);
	g_free(person->timezone);
	g_free(person->holidays.path);
	g_free(person->digest);
	g_free(person->unix_user);
	g_free(person->language);
	g_free(person->report.text);
}

void config_source_clear(void *data)
{
	struct config_source *source = data;

	g_free(source->name);
	g_strfreev(source->senders);
}

void config_rule_clear(void *data)
{
	struct ini_section *rule = data;
	size_t i;

	for (i = 0; i < rule->n_items; i++)
		rule_item_clear(&rule->items[i]);
	g_free(rule->items);
	g_free(rule->name);
}

void config_company_clear(struct config_company *company)
{
	g_free(company->name);
	g_strfreev(company->domains);
	g_free(company->timezone);
	g_free(company->work_hours);
	g_free(company->work_spans);
	g_free(company->alerts_to);
	g_free(company->holidays.path);
}

void config_smtp_clear(struct config_smtp *smtp)
{
	g_free(smtp->url);
	g_free(smtp->user);
	secret_free(smtp->password);
	g_free(smtp->password_file);
	g_free(smtp->password_credential);
	g_free(smtp->from);
	g_free(smtp->ca_file);
	g_free(smtp->envelope_from);
	oauth_clear(&smtp->oauth);
}

void config_classify_clear(struct config_classify *classify)
{
	g_free(classify->freemail_file);
	g_free(classify->quote_markers_file);
	g_strfreev(classify->charset_fallbacks);
}

void config_grading_clear(struct config_grading *grading)
{
	g_strfreev(grading->grades);
	g_free(grading->thresholds);
	g_free(grading->currency);
}
