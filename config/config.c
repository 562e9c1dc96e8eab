/*
 * config: loading and validating followup.conf.
 *
 * inih splits "key = value" and strips inline comments; the rest is ours,
 * because Debian's inih gives the handler no line numbers, cuts lines at
 * 200 bytes (feeding the rest back as a new line), cuts section names at 50
 * bytes, and takes any indented line for a continuation of the previous
 * value:
 *
 *  - config_reader() hands inih one line at a time. It counts lines,
 *    refuses lines inih would cut, NUL bytes, control characters and
 *    invalid UTF-8, and strips leading blanks so that indentation never
 *    changes meaning. [section] headers are handled here too (inih only
 *    sees a placeholder), so that empty sections, long names and repeated
 *    sections are noticed.
 *  - config_handler() looks each key up in its section's table of settings
 *    and parses the value into the struct config being built.
 *  - section_end() runs when the next header or the end of the file comes:
 *    required keys, defaults, then the checks that involve several keys.
 *
 * The first error stops everything; its message names file, line, section
 * and key, and says what to do.
 */
#include "config/config.h"
#include "config/duration.h"
#include "config/values.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_MAX_FILE_SIZE (1024 * 1024)
#define CONFIG_MAX_LINE 1024         /* our own cap; inih's (197) is lower */
#define CONFIG_PASSWORD_FILE_MAX 4096
#define CONFIG_ACCOUNT_NAME_MAX 64
#define CONFIG_KEY_IN_MESSAGE_MAX 64
#define SECTION_MAX_KEYS 12
#define DEFAULT_STORE_PATH "/var/lib/followup/followup.db"

struct load_state;
struct setting_def;

/* Parses value into the field def->offset bytes into target (the struct of
 * the current section). On error *msg_r is what follows "KEY: ". */
typedef int setting_parse_fn(struct load_state *st, const struct setting_def *def,
                             void *target, const char *value, char **msg_r);

struct setting_def {
	const char *key;
	setting_parse_fn *parse;
	size_t offset;
	const char *default_value; /* parsed when the key is absent; NULL: none */
	const char *required;      /* non-NULL: must be given; an example line */
	unsigned min_seconds;      /* durations: the smallest value allowed */
	const char *excludes;      /* a key of the section that cannot come with this one */
};

enum section_arg {
	SECTION_ARG_NONE,          /* [store] */
	SECTION_ARG_REQUIRED,      /* [account NAME] */
	SECTION_ARG_ANY,           /* [rule NAME], not checked here */
};

enum section_absent {
	SECTION_ABSENT_SKIP,       /* nothing to do */
	SECTION_ABSENT_DEFAULTS,   /* apply the defaults of its keys */
	SECTION_ABSENT_ERROR,      /* the file must have one */
};

struct section_def {
	const char *kind;
	const char *usage;         /* "[account NAME]", for messages */
	enum section_arg arg;
	bool repeatable;           /* may come more than once with the same name */
	enum section_absent absent;
	const char *absent_hint;   /* for SECTION_ABSENT_ERROR */
	const struct setting_def *settings; /* NULL: kept verbatim ([rule]) */
	size_t n_settings;
	/* Creates the section's struct; arg is "" when there is none. */
	int (*begin)(struct load_state *st, const char *arg, char **msg_r);
	/* The struct the settings' offsets are relative to. */
	void *(*target)(struct load_state *st);
	/* Checks that involve several keys, after defaults; reports itself. */
	int (*end)(struct load_state *st, void *target);
};

struct section_state {
	const struct section_def *def; /* NULL outside any section */
	char *label;                   /* "[account sales]" */
	int line;                      /* of the header; 0 for an absent section */
	int seen[SECTION_MAX_KEYS];    /* line where each key was given, or 0 */
};

struct load_state {
	const char *path;          /* as given, for messages */
	char *dir;                 /* absolute directory of the file */
	FILE *file;
	int lineno;
	size_t n_bytes;
	char *error;               /* the first error, complete */
	struct config *cfg;
	GArray *accounts;          /* struct config_account */
	GArray *persons;           /* struct config_person */
	GArray *rules;             /* struct config_rule */
	GArray *rule_items;        /* struct config_rule_item of the current rule */
	GHashTable *headers;       /* "kind name" -> line of its first header */
	int *kind_lines;           /* per section_defs[]: first header line, or 0 */
	struct section_state cur;
	char raw[CONFIG_MAX_LINE + 2];
};

#define FIELD(target, def, type) ((type *)(void *)((char *)(target) + (def)->offset))

static void G_GNUC_PRINTF(5, 6)
load_error(struct load_state *st, int line, const char *label, const char *key,
           const char *fmt, ...)
{
	GString *msg;
	va_list args;

	if (st->error != NULL)
		return;
	msg = g_string_new(st->path);
	if (line > 0)
		g_string_append_printf(msg, ":%d", line);
	g_string_append(msg, ": ");
	if (label != NULL) {
		g_string_append(msg, label);
		g_string_append(msg, key != NULL ? " " : ": ");
	}
	if (key != NULL) {
		g_string_append(msg, key);
		g_string_append(msg, ": ");
	}
	va_start(args, fmt);
	g_string_append_vprintf(msg, fmt, args);
	va_end(args);
	st->error = g_string_free(msg, FALSE);
}

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
 * regular file. The descriptor, or -1 with *msg_r. */
static int open_regular_file(const char *path, char **msg_r)
{
	struct stat sb;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		*msg_r = g_strdup_printf("cannot read %s: %s (check the path and its permissions)",
		                         path, g_strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) < 0) {
		*msg_r = g_strdup_printf("cannot read %s: %s", path, g_strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		*msg_r = g_strdup_printf("cannot read %s: %s (give the path of a file)", path,
		                         S_ISDIR(sb.st_mode) ? g_strerror(EISDIR)
		                                             : "not a regular file");
		close(fd);
		return -1;
	}
	return fd;
}

/* The first line of a password file, without its line ending. */
static int read_password_file(const char *path, char **password_r, char **msg_r)
{
	char buf[CONFIG_PASSWORD_FILE_MAX];
	size_t filled = 0, len;
	const char *newline;
	ssize_t n;
	int fd, ret = -1;

	fd = open_regular_file(path, msg_r);
	if (fd < 0)
		return -1;
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
		                         "(put only the password there)", path,
		                         CONFIG_PASSWORD_FILE_MAX - 1);
		goto out;
	}
	len = newline != NULL ? (size_t)(newline - buf) : filled;
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	if (len == 0) {
		*msg_r = g_strdup_printf("%s has no password on its first line (write it there)",
		                         path);
		goto out;
	}
	if (memchr(buf, '\0', len) != NULL) {
		*msg_r = g_strdup_printf("the password in %s contains a NUL byte "
		                         "(write the password as text)", path);
		goto out;
	}
	*password_r = g_strndup(buf, len);
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

static int parse_secret(struct load_state *st, const struct setting_def *def,
                        void *target, const char *value, char **msg_r)
{
	char **field = FIELD(target, def, char *);

	secret_free(*field);
	*field = g_strdup(value);
	return 0;
}

static int parse_password_file(struct load_state *st, const struct setting_def *def,
                               void *target, const char *value, char **msg_r)
{
	char **field = FIELD(target, def, char *);
	char *path = resolve_path(st, value), *password = NULL;
	int ret;

	ret = read_password_file(path, &password, msg_r);
	if (ret == 0) {
		secret_free(*field);
		*field = password;
	}
	g_free(path);
	return ret;
}

static int parse_path(struct load_state *st, const struct setting_def *def,
                      void *target, const char *value, char **msg_r)
{
	replace_string(FIELD(target, def, char *), resolve_path(st, value));
	return 0;
}

/* A data file the daemon will read: checked now rather than at first use. */
static int parse_readable_path(struct load_state *st, const struct setting_def *def,
                               void *target, const char *value, char **msg_r)
{
	char *path = resolve_path(st, value);
	int fd = open_regular_file(path, msg_r);

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

	if (!config_value_is_email(email)) {
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

static int parse_duration(struct load_state *st, const struct setting_def *def,
                          void *target, const char *value, char **msg_r)
{
	const char *reason;
	uint64_t seconds;

	if (config_duration_parse(value, &seconds, &reason) < 0) {
		*msg_r = g_strdup_printf("'%s' %s", value, reason);
		return -1;
	}
	if (seconds < def->min_seconds) {
		*msg_r = g_strdup_printf("'%s' is too short (the minimum is %us)", value,
		                         def->min_seconds);
		return -1;
	}
	if (seconds > UINT_MAX) {
		*msg_r = g_strdup_printf("'%s' is too long (the maximum is %us)", value, UINT_MAX);
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

/* [company] work-hours: keeps the text and the parsed spans together. */
static int parse_work_hours(struct load_state *st, const struct setting_def *def,
                            void *target, const char *value, char **msg_r)
{
	struct config_company *company = target;
	struct config_work_span *spans;
	const char *reason;
	size_t n;

	if (config_parse_work_hours(value, &spans, &n, &reason) < 0) {
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
	const char *reason;
	bool is_tls;

	char *url, *p;

	if (config_value_url(value, plain, tls, &is_tls, &reason) < 0) {
		*msg_r = g_strdup_printf("'%s' %s (write %s://host[:port], or %s://host[:port] "
		                         "for STARTTLS)", value, reason, tls, plain);
		return -1;
	}
	/* A lowercase scheme, so that users of the URL can compare it plainly. */
	url = g_strdup(value);
	for (p = url; *p != ':'; p++)
		*p = g_ascii_tolower(*p);
	replace_string(field, url);
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
	if (!config_value_is_domain(item)) {
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

static int parse_charsets(struct load_state *st, const struct setting_def *def,
                          void *target, const char *value, char **msg_r)
{
	return parse_list(def, target, value, list_charset, msg_r);
}

/* --- sections ----------------------------------------------------------- */

static int setting_index(const struct section_def *sdef, const char *key)
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
	int i = setting_index(st->cur.def, key);

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

static void *account_target(struct load_state *st)
{
	return &g_array_index(st->accounts, struct config_account, st->accounts->len - 1);
}

static void *person_target(struct load_state *st)
{
	return &g_array_index(st->persons, struct config_person, st->persons->len - 1);
}

static void *rule_target(struct load_state *st)
{
	return &g_array_index(st->rules, struct config_rule, st->rules->len - 1);
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

	if (account->password == NULL) {
		load_error(st, st->cur.line, st->cur.label, "password",
		           "no password given (add 'password-file = /etc/followup/%s.pass' "
		           "with the password on its first line, or 'password = ...')",
		           account->name);
		return -1;
	}
	if (!account->tls && url_has_scheme(account->url, "imaps")) {
		load_error(st, seen_line(st, "tls"), st->cur.label, "tls",
		           "TLS cannot be turned off for imaps:// (use imap:// for a server "
		           "without TLS, or remove this line)");
		return -1;
	}
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
	int password_line = MAX(seen_line(st, "password"), seen_line(st, "password-file"));

	if (!smtp->tls && url_has_scheme(smtp->url, "smtps")) {
		load_error(st, seen_line(st, "tls"), st->cur.label, "tls",
		           "TLS cannot be turned off for smtps:// (use smtp:// for a server "
		           "without TLS, or remove this line)");
		return -1;
	}
	if (smtp->password != NULL && smtp->user == NULL) {
		load_error(st, password_line, st->cur.label,
		           seen_line(st, "password") ? "password" : "password-file",
		           "a password without a user (add 'user = ...')");
		return -1;
	}
	if (smtp->user != NULL && smtp->password == NULL) {
		load_error(st, seen_line(st, "user"), st->cur.label, "user",
		           "a user without a password (add 'password-file = ...' or "
		           "'password = ...', or remove the user)");
		return -1;
	}
	return 0;
}

static int person_begin(struct load_state *st, const char *arg, char **msg_r)
{
	struct config_person person = { 0 };

	if (!config_value_is_email(arg)) {
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

static void rule_item_clear(void *data)
{
	struct config_rule_item *item = data;

	g_free(item->key);
	g_free(item->value);
}

static int rule_begin(struct load_state *st, const char *arg, char **msg_r)
{
	struct config_rule rule = { 0 };

	rule.name = g_strdup(arg);
	rule.line = st->cur.line;
	g_array_append_val(st->rules, rule);
	st->rule_items = g_array_new(FALSE, TRUE, sizeof(struct config_rule_item));
	g_array_set_clear_func(st->rule_items, rule_item_clear);
	return 0;
}

static int rule_end(struct load_state *st, void *target)
{
	struct config_rule *rule = target;

	rule->n_items = st->rule_items->len;
	if (rule->n_items == 0) {
		g_array_free(st->rule_items, TRUE);
	} else {
		rule->items = (struct config_rule_item *)(void *)
			g_array_free(st->rule_items, FALSE);
	}
	st->rule_items = NULL;
	return 0;
}

static void rule_item_add(struct load_state *st, const char *key, const char *value)
{
	struct config_rule_item item = {
		.key = g_strdup(key), .value = g_strdup(value), .line = st->lineno,
	};

	g_array_append_val(st->rule_items, item);
}

/* The settings of each section. Defaults are written as in the file and go
 * through the same parser. */
static const struct setting_def store_settings[] = {
	{ .key = "path", .parse = parse_path, .offset = offsetof(struct config, store_path),
	  .default_value = DEFAULT_STORE_PATH },
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
	{ .key = "holidays", .parse = parse_path,
	  .offset = offsetof(struct config_company, holidays) },
};

static const struct setting_def account_settings[] = {
	{ .key = "url", .parse = parse_imap_url,
	  .offset = offsetof(struct config_account, url),
	  .required = "url = imaps://mail.example.com" },
	{ .key = "tls", .parse = parse_bool, .offset = offsetof(struct config_account, tls),
	  .default_value = "yes" },
	{ .key = "user", .parse = parse_string, .offset = offsetof(struct config_account, user),
	  .required = "user = sales@example.com" },
	{ .key = "password", .parse = parse_secret,
	  .offset = offsetof(struct config_account, password), .excludes = "password-file" },
	{ .key = "password-file", .parse = parse_password_file,
	  .offset = offsetof(struct config_account, password), .excludes = "password" },
	{ .key = "folders", .parse = parse_folders,
	  .offset = offsetof(struct config_account, folders), .default_value = "INBOX" },
	{ .key = "sent-folders", .parse = parse_folders,
	  .offset = offsetof(struct config_account, sent_folders) },
	{ .key = "poll", .parse = parse_duration,
	  .offset = offsetof(struct config_account, poll_seconds), .default_value = "60s",
	  .min_seconds = 10 },
};

static const struct setting_def smtp_settings[] = {
	{ .key = "url", .parse = parse_smtp_url, .offset = offsetof(struct config_smtp, url),
	  .required = "url = smtps://mail.example.com" },
	{ .key = "tls", .parse = parse_bool, .offset = offsetof(struct config_smtp, tls),
	  .default_value = "yes" },
	{ .key = "user", .parse = parse_string, .offset = offsetof(struct config_smtp, user) },
	{ .key = "password", .parse = parse_secret,
	  .offset = offsetof(struct config_smtp, password), .excludes = "password-file" },
	{ .key = "password-file", .parse = parse_password_file,
	  .offset = offsetof(struct config_smtp, password), .excludes = "password" },
	{ .key = "from", .parse = parse_address, .offset = offsetof(struct config_smtp, from),
	  .required = "from = Acme Pumps Sales <sales@example.com>" },
};

static const struct setting_def person_settings[] = {
	{ .key = "name", .parse = parse_string, .offset = offsetof(struct config_person, name) },
	{ .key = "manager", .parse = parse_email,
	  .offset = offsetof(struct config_person, manager) },
	{ .key = "countries", .parse = parse_countries,
	  .offset = offsetof(struct config_person, countries) },
	{ .key = "timezone", .parse = parse_timezone,
	  .offset = offsetof(struct config_person, timezone) },
	{ .key = "holidays", .parse = parse_path,
	  .offset = offsetof(struct config_person, holidays) },
	{ .key = "digest", .parse = parse_time_of_day,
	  .offset = offsetof(struct config_person, digest) },
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

#define SETTINGS(table) (table), G_N_ELEMENTS(table)

static const struct section_def section_defs[] = {
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
	{ "classify", "[classify]", SECTION_ARG_NONE, false, SECTION_ABSENT_DEFAULTS, NULL,
	  SETTINGS(classify_settings), NULL, classify_target, NULL },
	{ "rule", "[rule NAME]", SECTION_ARG_ANY, true, SECTION_ABSENT_SKIP, NULL,
	  NULL, 0, rule_begin, rule_target, rule_end },
};

G_STATIC_ASSERT(G_N_ELEMENTS(account_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(company_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(smtp_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(person_settings) <= SECTION_MAX_KEYS);
G_STATIC_ASSERT(G_N_ELEMENTS(classify_settings) <= SECTION_MAX_KEYS);

static const struct section_def *section_def_find(const char *kind)
{
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(section_defs); i++) {
		if (strcmp(section_defs[i].kind, kind) == 0)
			return &section_defs[i];
	}
	return NULL;
}

static char *section_known_list(void)
{
	GString *list = g_string_new(NULL);
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(section_defs); i++)
		g_string_append_printf(list, "%s%s", i > 0 ? ", " : "", section_defs[i].usage);
	return g_string_free(list, FALSE);
}

static char *setting_known_list(const struct section_def *sdef)
{
	GString *list = g_string_new(NULL);
	size_t i;

	for (i = 0; i < sdef->n_settings; i++)
		g_string_append_printf(list, "%s%s", i > 0 ? ", " : "", sdef->settings[i].key);
	return g_string_free(list, FALSE);
}

static void section_state_clear(struct section_state *cur)
{
	g_free(cur->label);
	memset(cur, 0, sizeof(*cur));
}

/* Required keys, then defaults, then the section's own checks. */
static int section_end(struct load_state *st)
{
	const struct section_def *sdef = st->cur.def;
	void *target;
	char *msg = NULL;
	size_t i;

	if (sdef == NULL)
		return 0;
	target = sdef->target(st);
	for (i = 0; i < sdef->n_settings; i++) {
		const struct setting_def *def = &sdef->settings[i];

		if (st->cur.seen[i] == 0 && def->required != NULL) {
			load_error(st, st->cur.line, st->cur.label, def->key,
			           "missing (add a line '%s')", def->required);
			return -1;
		}
	}
	for (i = 0; i < sdef->n_settings; i++) {
		const struct setting_def *def = &sdef->settings[i];

		if (st->cur.seen[i] != 0 || def->default_value == NULL)
			continue;
		if (def->parse(st, def, target, def->default_value, &msg) < 0) {
			/* The defaults are ours; this only fails on a broken system,
			 * e.g. an unreadable time zone database. */
			load_error(st, st->cur.line, st->cur.label, def->key,
			           "the default '%s' does not work here: %s", def->default_value, msg);
			g_free(msg);
			return -1;
		}
	}
	if (sdef->end != NULL && sdef->end(st, target) < 0)
		return -1;
	section_state_clear(&st->cur);
	return 0;
}

static int section_start(struct load_state *st, const struct section_def *sdef,
                         const char *arg, int line)
{
	char *msg = NULL;

	st->cur.def = sdef;
	st->cur.line = line;
	st->cur.label = arg[0] != '\0' ? g_strdup_printf("[%s %s]", sdef->kind, arg)
	                               : g_strdup_printf("[%s]", sdef->kind);
	st->kind_lines[sdef - section_defs] = line;
	if (sdef->begin != NULL && sdef->begin(st, arg, &msg) < 0) {
		load_error(st, line, st->cur.label, NULL, "%s", msg);
		g_free(msg);
		return -1;
	}
	return 0;
}

/* A section given twice is an error naming both lines; [rule NAME] is left
 * to the rules engine. */
static int section_check_repeat(struct load_state *st, const struct section_def *sdef,
                                const char *arg, const char *label)
{
	char *key, *folded;
	gpointer first;

	if (sdef->repeatable)
		return 0;
	key = g_strdup_printf("%s %s", sdef->kind, arg);
	folded = g_ascii_strdown(key, -1);
	g_free(key);
	first = g_hash_table_lookup(st->headers, folded);
	if (first != NULL) {
		load_error(st, st->lineno, label, NULL,
		           "section given twice (first at line %d; merge them into one)",
		           GPOINTER_TO_INT(first));
		g_free(folded);
		return -1;
	}
	g_hash_table_insert(st->headers, folded, GINT_TO_POINTER(st->lineno));
	return 0;
}

/* Where inih would end the text of a line: at an inline comment, a ';'
 * after a blank. */
static bool is_inline_comment(const char *line, const char *p)
{
	return *p == ';' && p > line && (p[-1] == ' ' || p[-1] == '\t');
}

/* "[kind name]", blanks allowed around both words, a comment after. */
static int section_header(struct load_state *st, const char *line)
{
	const struct section_def *sdef;
	const char *p, *end = NULL;
	char *inside = NULL, *kind, *arg, *label = NULL, *known;
	int ret = -1;

	for (p = line + 1; *p != '\0' && !is_inline_comment(line, p); p++) {
		if (*p == ']') {
			end = p;
			break;
		}
	}
	if (end == NULL) {
		load_error(st, st->lineno, NULL, NULL,
		           "section header without ']' (write it as [name])");
		goto out;
	}
	p = end + 1 + strspn(end + 1, " \t");
	if (*p != '\0' && *p != ';' && *p != '#') {
		load_error(st, st->lineno, NULL, NULL,
		           "text after the section header (put it on its own line)");
		goto out;
	}
	inside = g_strstrip(g_strndup(line + 1, (gsize)(end - line - 1)));
	kind = inside;
	arg = inside + strcspn(inside, " \t");
	if (*arg != '\0')
		*arg++ = '\0';
	arg = g_strstrip(arg);
	label = arg[0] != '\0' ? g_strdup_printf("[%s %s]", kind, arg)
	                       : g_strdup_printf("[%s]", kind);
	if (section_end(st) < 0)
		goto out;
	sdef = section_def_find(kind);
	if (sdef == NULL) {
		known = section_known_list();
		load_error(st, st->lineno, label, NULL, "unknown section (known sections: %s)",
		           known);
		g_free(known);
		goto out;
	}
	if (sdef->arg == SECTION_ARG_NONE && arg[0] != '\0') {
		load_error(st, st->lineno, label, NULL, "takes no name (write just %s)",
		           sdef->usage);
		goto out;
	}
	if (sdef->arg == SECTION_ARG_REQUIRED && arg[0] == '\0') {
		load_error(st, st->lineno, label, NULL, "needs a name (write %s)", sdef->usage);
		goto out;
	}
	if (section_check_repeat(st, sdef, arg, label) < 0)
		goto out;
	ret = section_start(st, sdef, arg, st->lineno);
out:
	g_free(label);
	g_free(inside);
	return ret;
}

/* --- the reader: one line at a time for inih ----------------------------- */

/* Reads the next line into st->raw: at most CONFIG_MAX_LINE + 1 bytes are
 * kept (enough to know a line is too long), *total_r counts them all, a
 * final "\r" is dropped. 1 for a line, 0 at the end, -1 on error. */
static int reader_next_line(struct load_state *st, size_t *len_r, size_t *total_r)
{
	size_t len = 0, total = 0;
	int c = EOF, last = EOF;
	bool newline = false;

	while ((c = getc(st->file)) != EOF) {
		if (++st->n_bytes > CONFIG_MAX_FILE_SIZE) {
			load_error(st, 0, NULL, NULL, "larger than %d bytes (is this the right file?)",
			           CONFIG_MAX_FILE_SIZE);
			return -1;
		}
		if (c == '\n') {
			newline = true;
			break;
		}
		if (len < sizeof(st->raw) - 1)
			st->raw[len++] = (char)c;
		total++;
		last = c;
	}
	if (ferror(st->file)) {
		load_error(st, 0, NULL, NULL, "cannot read: %s", g_strerror(errno));
		return -1;
	}
	if (!newline && total == 0)
		return 0;
	if (last == '\r') {
		total--;
		len = MIN(len, total);
	}
	st->raw[len] = '\0';
	st->lineno++;
	*len_r = len;
	*total_r = total;
	return 1;
}

/* inih splits a line at the first '=' or ':' before an inline comment;
 * NULL when there is none, which inih would call a syntax error. */
static const char *reader_find_delimiter(const char *line)
{
	const char *p;

	for (p = line; *p != '\0' && !is_inline_comment(line, p); p++) {
		if (*p == '=' || *p == ':')
			return p;
	}
	return NULL;
}

/* The key of a line when it can be shown in a message, else NULL. */
static char *reader_key_of(const char *line)
{
	const char *delim = reader_find_delimiter(line);
	char *key;
	size_t i;

	if (delim == NULL || line[0] == '[')
		return NULL;
	key = g_strstrip(g_strndup(line, (gsize)(delim - line)));
	for (i = 0; key[i] != '\0'; i++) {
		if ((unsigned char)key[i] <= 0x20 || (unsigned char)key[i] >= 0x7f)
			break;
	}
	if (key[i] != '\0' || i == 0 || i > CONFIG_KEY_IN_MESSAGE_MAX) {
		g_free(key);
		return NULL;
	}
	return key;
}

static void G_GNUC_PRINTF(3, 4)
reader_error(struct load_state *st, const char *line, const char *fmt, ...)
{
	char *key = reader_key_of(line), *msg;
	va_list args;

	va_start(args, fmt);
	msg = g_strdup_vprintf(fmt, args);
	va_end(args);
	load_error(st, st->lineno, line[0] == '[' ? NULL : st->cur.label, key, "%s", msg);
	g_free(msg);
	g_free(key);
}

/* What inih must never see: text it would misread or that has no place in
 * a configuration file. */
static int reader_check_text(struct load_state *st, const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)st->raw[i];

		if (c == '\0') {
			reader_error(st, line, "contains a NUL byte (the file must be UTF-8 text)");
			return -1;
		}
		if ((c < 0x20 && c != '\t') || c == 0x7f) {
			reader_error(st, line, "contains control character 0x%02x (remove it; "
			             "only tabs are allowed)", c);
			return -1;
		}
	}
	if (!g_utf8_validate(st->raw, (gssize)len, NULL)) {
		reader_error(st, line, "is not valid UTF-8 (save the file as UTF-8)");
		return -1;
	}
	return 0;
}

static char *config_reader(char *buf, int size, void *context)
{
	struct load_state *st = context;
	size_t len, total, limit;
	char *line;

	if (st->error != NULL || size < 4)
		return NULL;
	/* inih needs room for "\r\n" and the NUL (see INI_MAX_LINE in ini.h). */
	limit = MIN((size_t)size - 3, (size_t)CONFIG_MAX_LINE);
	if (reader_next_line(st, &len, &total) <= 0)
		return NULL;
	line = st->raw;
	if (st->lineno == 1 && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0)
		line += 3;
	line += strspn(line, " \t");
	if (memchr(st->raw, '\0', len) == NULL && (line[0] == ';' || line[0] == '#')) {
		/* A comment may be of any length: inih never sees it. */
		buf[0] = '\0';
		return buf;
	}
	if (total > limit) {
		reader_error(st, line, "line is %zu bytes long; the limit is %zu (shorten it)",
		             total, limit);
		return NULL;
	}
	if (reader_check_text(st, line, len) < 0)
		return NULL;
	if (line[0] == '[') {
		if (section_header(st, line) < 0)
			return NULL;
		/* inih's own idea of the section is not used. */
		g_strlcpy(buf, "[-]", (size_t)size);
		return buf;
	}
	if (line[0] != '\0' && reader_find_delimiter(line) == NULL) {
		reader_error(st, line, "not 'key = value', a [section] or a comment%s",
		             line != st->raw ? " (an indented line does not continue the one "
		                               "before: put the whole value on one line)"
		                             : " (fix it, or comment it out with ';')");
		return NULL;
	}
	g_strlcpy(buf, line, (size_t)size);
	return buf;
}

/* --- the handler: one key = value at a time -------------------------------- */

static int config_handler(void *user, const char *section, const char *name,
                          const char *value)
{
	struct load_state *st = user;
	const struct section_def *sdef = st->cur.def;
	const struct setting_def *def;
	char *msg = NULL, *known;
	int i, other;

	if (st->error != NULL)
		return 0;
	if (sdef == NULL) {
		load_error(st, st->lineno, NULL, name,
		           "outside any section (put it under its [section] header)");
		return 0;
	}
	if (name[0] == '\0') {
		load_error(st, st->lineno, st->cur.label, NULL,
		           "a value without a key (write key = value)");
		return 0;
	}
	if (sdef->settings == NULL) {
		rule_item_add(st, name, value);
		return 1;
	}
	i = setting_index(sdef, name);
	if (i < 0) {
		known = setting_known_list(sdef);
		load_error(st, st->lineno, st->cur.label, name, "unknown key (known keys: %s)",
		           known);
		g_free(known);
		return 0;
	}
	def = &sdef->settings[i];
	if (st->cur.seen[i] != 0) {
		load_error(st, st->lineno, st->cur.label, name,
		           "given twice (first at line %d; keep one)", st->cur.seen[i]);
		return 0;
	}
	if (value[0] == '\0') {
		load_error(st, st->lineno, st->cur.label, name,
		           "empty value (give a value, or remove the line to use the default)");
		return 0;
	}
	other = def->excludes != NULL ? seen_line(st, def->excludes) : 0;
	if (other != 0) {
		load_error(st, st->lineno, st->cur.label, name,
		           "cannot be used together with %s (line %d; keep one of them)",
		           def->excludes, other);
		return 0;
	}
	st->cur.seen[i] = st->lineno;
	if (def->parse(st, def, sdef->target(st), value, &msg) < 0) {
		load_error(st, st->lineno, st->cur.label, name, "%s", msg);
		g_free(msg);
		return 0;
	}
	return 1;
}

/* --- loading --------------------------------------------------------------- */

static void account_clear(void *data)
{
	struct config_account *account = data;

	g_free(account->name);
	g_free(account->url);
	g_free(account->user);
	secret_free(account->password);
	g_strfreev(account->folders);
	g_strfreev(account->sent_folders);
}

static void person_clear(void *data)
{
	struct config_person *person = data;

	g_free(person->email);
	g_free(person->name);
	g_free(person->manager);
	g_strfreev(person->countries);
	g_free(person->timezone);
	g_free(person->holidays);
	g_free(person->digest);
}

static void rule_clear(void *data)
{
	struct config_rule *rule = data;
	size_t i;

	for (i = 0; i < rule->n_items; i++)
		rule_item_clear(&rule->items[i]);
	g_free(rule->items);
	g_free(rule->name);
}

static GArray *load_array_new(size_t element_size, GDestroyNotify clear)
{
	GArray *array = g_array_new(FALSE, TRUE, (guint)element_size);

	g_array_set_clear_func(array, clear);
	return array;
}

static void load_state_init(struct load_state *st, const char *path)
{
	char *dir = g_path_get_dirname(path);

	memset(st, 0, sizeof(*st));
	st->path = path;
	st->dir = g_canonicalize_filename(dir, NULL);
	g_free(dir);
	st->cfg = g_new0(struct config, 1);
	st->cfg->path = g_strdup(path);
	st->accounts = load_array_new(sizeof(struct config_account), account_clear);
	st->persons = load_array_new(sizeof(struct config_person), person_clear);
	st->rules = load_array_new(sizeof(struct config_rule), rule_clear);
	st->headers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	st->kind_lines = g_new0(int, G_N_ELEMENTS(section_defs));
}

static void load_state_clear(struct load_state *st)
{
	if (st->file != NULL)
		fclose(st->file);
	if (st->rule_items != NULL)
		g_array_free(st->rule_items, TRUE);
	if (st->accounts != NULL)
		g_array_free(st->accounts, TRUE);
	if (st->persons != NULL)
		g_array_free(st->persons, TRUE);
	if (st->rules != NULL)
		g_array_free(st->rules, TRUE);
	g_hash_table_destroy(st->headers);
	g_free(st->kind_lines);
	section_state_clear(&st->cur);
	config_free(&st->cfg);
	g_free(st->dir);
	g_free(st->error);
}

static int load_open(struct load_state *st)
{
	struct stat sb;
	int fd;

	fd = open(st->path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		load_error(st, 0, NULL, NULL, "cannot open: %s", g_strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) < 0) {
		load_error(st, 0, NULL, NULL, "cannot open: %s", g_strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		load_error(st, 0, NULL, NULL, "cannot open: %s",
		           S_ISDIR(sb.st_mode) ? g_strerror(EISDIR) : "not a regular file");
		close(fd);
		return -1;
	}
	st->file = fdopen(fd, "r");
	if (st->file == NULL) {
		load_error(st, 0, NULL, NULL, "cannot open: %s", g_strerror(errno));
		close(fd);
		return -1;
	}
	return 0;
}

/* Sections the file did not have: an error, their defaults, or nothing. */
static int load_absent_sections(struct load_state *st)
{
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(section_defs); i++) {
		const struct section_def *sdef = &section_defs[i];

		if (st->kind_lines[i] != 0 || sdef->absent == SECTION_ABSENT_SKIP)
			continue;
		if (sdef->absent == SECTION_ABSENT_ERROR) {
			load_error(st, 0, sdef->usage, NULL, "%s", sdef->absent_hint);
			return -1;
		}
		if (section_start(st, sdef, "", 0) < 0 || section_end(st) < 0)
			return -1;
	}
	return 0;
}

static void *array_steal(GArray **array, size_t *n_r)
{
	void *data = NULL;

	*n_r = (*array)->len;
	if (*n_r > 0)
		data = g_array_free(*array, FALSE);
	else
		g_array_free(*array, TRUE);
	*array = NULL;
	return data;
}

static int load_finish(struct load_state *st)
{
	struct config *cfg = st->cfg;

	if (section_end(st) < 0 || load_absent_sections(st) < 0)
		return -1;
	cfg->accounts = array_steal(&st->accounts, &cfg->n_accounts);
	cfg->persons = array_steal(&st->persons, &cfg->n_persons);
	cfg->rules = array_steal(&st->rules, &cfg->n_rules);
	return 0;
}

int config_load(const char *path, struct config **cfg_r, char **error_r)
{
	struct load_state st;
	int rc, ret = -1;

	*cfg_r = NULL;
	*error_r = NULL;
	if (path == NULL) {
		*error_r = g_strdup("no configuration file given (use -c FILE, or set "
		                    "FOLLOWUP_CONFIG)");
		return -1;
	}
	load_state_init(&st, path);
	if (load_open(&st) < 0)
		goto out;
	rc = ini_parse_stream(config_reader, &st, config_handler, &st);
	if (st.error == NULL && rc != 0) {
		/* The reader lets through only what inih accepts; this is a
		 * safety net, not an expected path. */
		load_error(&st, rc > 0 ? rc : 0, NULL, NULL,
		           "cannot parse this line (write key = value)");
	}
	if (st.error == NULL)
		load_finish(&st);
	if (st.error != NULL)
		goto out;
	*cfg_r = g_steal_pointer(&st.cfg);
	ret = 0;
out:
	if (ret < 0)
		*error_r = g_steal_pointer(&st.error);
	load_state_clear(&st);
	return ret;
}

static void company_clear(struct config_company *company)
{
	g_free(company->name);
	g_strfreev(company->domains);
	g_free(company->timezone);
	g_free(company->work_hours);
	g_free(company->work_spans);
	g_free(company->alerts_to);
	g_free(company->holidays);
}

static void smtp_clear(struct config_smtp *smtp)
{
	g_free(smtp->url);
	g_free(smtp->user);
	secret_free(smtp->password);
	g_free(smtp->from);
}

static void classify_clear(struct config_classify *classify)
{
	g_free(classify->freemail_file);
	g_free(classify->quote_markers_file);
	g_strfreev(classify->charset_fallbacks);
}

void config_free(struct config **cfgp)
{
	struct config *cfg = *cfgp;
	size_t i;

	if (cfg == NULL)
		return;
	for (i = 0; i < cfg->n_accounts; i++)
		account_clear(&cfg->accounts[i]);
	g_free(cfg->accounts);
	for (i = 0; i < cfg->n_persons; i++)
		person_clear(&cfg->persons[i]);
	g_free(cfg->persons);
	for (i = 0; i < cfg->n_rules; i++)
		rule_clear(&cfg->rules[i]);
	g_free(cfg->rules);
	company_clear(&cfg->company);
	smtp_clear(&cfg->smtp);
	classify_clear(&cfg->classify);
	g_free(cfg->store_path);
	g_free(cfg->path);
	g_free(cfg);
	*cfgp = NULL;
}

const char *config_default_path(const char *explicit_path)
{
	const char *env;

	if (explicit_path != NULL)
		return explicit_path;
	env = getenv("FOLLOWUP_CONFIG");
	if (env != NULL && env[0] != '\0')
		return env;
	return CONFIG_DEFAULT_PATH;
}

const struct config_person *config_find_person(const struct config *cfg, const char *email)
{
	size_t i;

	if (cfg == NULL || email == NULL)
		return NULL;
	for (i = 0; i < cfg->n_persons; i++) {
		if (g_ascii_strcasecmp(cfg->persons[i].email, email) == 0)
			return &cfg->persons[i];
	}
	return NULL;
}
