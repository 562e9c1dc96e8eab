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
 *    (settings.c) and parses the value into the struct config being built.
 *  - section_end() runs when the next header or the end of the file comes:
 *    required keys, defaults, then the checks that involve several keys.
 *
 * The first error stops everything; its message names file, line, section
 * and key, and says what to do.
 */
#include "config/config.h"
#include "config/load.h"
#include "lib/file.h"

#include <errno.h>
#include <glib.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_MAX_FILE_SIZE (1024 * 1024)
#define CONFIG_KEY_IN_MESSAGE_MAX 64

void config_load_error(struct load_state *st, int line, const char *label, const char *key,
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

/* --- sections: headers, start and end ----------------------------------------- */

static const struct section_def *section_def_find(const char *kind)
{
	size_t i;

	for (i = 0; i < config_n_section_defs; i++) {
		if (strcmp(config_section_defs[i].kind, kind) == 0)
			return &config_section_defs[i];
	}
	return NULL;
}

static char *section_known_list(void)
{
	GString *list = g_string_new(NULL);
	size_t i;

	for (i = 0; i < config_n_section_defs; i++)
		g_string_append_printf(list, "%s%s", i > 0 ? ", " : "",
		                       config_section_defs[i].usage);
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
			config_load_error(st, st->cur.line, st->cur.label, def->key,
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
			config_load_error(st, st->cur.line, st->cur.label, def->key,
			                  "the default '%s' does not work here: %s",
			                  def->default_value, msg);
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
	st->kind_lines[sdef - config_section_defs] = line;
	if (sdef->begin != NULL && sdef->begin(st, arg, &msg) < 0) {
		config_load_error(st, line, st->cur.label, NULL, "%s", msg);
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
		config_load_error(st, st->lineno, label, NULL,
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
		config_load_error(st, st->lineno, NULL, NULL,
		                  "section header without ']' (write it as [name])");
		goto out;
	}
	p = end + 1 + strspn(end + 1, " \t");
	if (*p != '\0' && *p != ';' && *p != '#') {
		config_load_error(st, st->lineno, NULL, NULL,
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
		config_load_error(st, st->lineno, label, NULL,
		                  "unknown section (known sections: %s)", known);
		g_free(known);
		goto out;
	}
	if (sdef->arg == SECTION_ARG_NONE && arg[0] != '\0') {
		config_load_error(st, st->lineno, label, NULL, "takes no name (write just %s)",
		                  sdef->usage);
		goto out;
	}
	if (sdef->arg == SECTION_ARG_REQUIRED && arg[0] == '\0') {
		config_load_error(st, st->lineno, label, NULL, "needs a name (write %s)",
		                  sdef->usage);
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
			config_load_error(st, 0, NULL, NULL,
			                  "larger than %d bytes (is this the right file?)",
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
		config_load_error(st, 0, NULL, NULL, "cannot read: %s", g_strerror(errno));
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
	config_load_error(st, st->lineno, line[0] == '[' ? NULL : st->cur.label, key, "%s", msg);
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

/* Index of a setting already given that excludes def (the same one_of),
 * or -1. */
static int setting_excluded_by(const struct load_state *st, const struct section_def *sdef,
                               const struct setting_def *def)
{
	size_t i;

	if (def->one_of == NULL)
		return -1;
	for (i = 0; i < sdef->n_settings; i++) {
		const char *group = sdef->settings[i].one_of;

		if (&sdef->settings[i] != def && st->cur.seen[i] != 0 && group != NULL &&
		    strcmp(group, def->one_of) == 0)
			return (int)i;
	}
	return -1;
}

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
		config_load_error(st, st->lineno, NULL, name,
		                  "outside any section (put it under its [section] header)");
		return 0;
	}
	if (name[0] == '\0') {
		config_load_error(st, st->lineno, st->cur.label, NULL,
		                  "a value without a key (write key = value)");
		return 0;
	}
	if (sdef->settings == NULL) {
		config_rule_item_add(st, name, value);
		return 1;
	}
	i = config_setting_index(sdef, name);
	if (i < 0) {
		known = setting_known_list(sdef);
		config_load_error(st, st->lineno, st->cur.label, name,
		                  "unknown key (known keys: %s)", known);
		g_free(known);
		return 0;
	}
	def = &sdef->settings[i];
	if (st->cur.seen[i] != 0) {
		config_load_error(st, st->lineno, st->cur.label, name,
		                  "given twice (first at line %d; keep one)", st->cur.seen[i]);
		return 0;
	}
	if (value[0] == '\0') {
		config_load_error(st, st->lineno, st->cur.label, name,
		                  "empty value (give a value, or remove the line to use "
		                  "the default)");
		return 0;
	}
	other = setting_excluded_by(st, sdef, def);
	if (other >= 0) {
		config_load_error(st, st->lineno, st->cur.label, name,
		                  "cannot be used together with %s (line %d; keep one of them)",
		                  sdef->settings[other].key, st->cur.seen[other]);
		return 0;
	}
	st->cur.seen[i] = st->lineno;
	if (def->parse(st, def, sdef->target(st), value, &msg) < 0) {
		config_load_error(st, st->lineno, st->cur.label, name, "%s", msg);
		g_free(msg);
		return 0;
	}
	return 1;
}

/* --- loading --------------------------------------------------------------- */

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
	st->accounts = load_array_new(sizeof(struct config_account), config_account_clear);
	st->persons = load_array_new(sizeof(struct config_person), config_person_clear);
	st->sources = load_array_new(sizeof(struct config_source), config_source_clear);
	st->rules = load_array_new(sizeof(struct ini_section), config_rule_clear);
	st->headers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	st->kind_lines = g_new0(int, config_n_section_defs);
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
	if (st->sources != NULL)
		g_array_free(st->sources, TRUE);
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
	int fd = file_open_regular(st->path, &sb);

	if (fd < 0) {
		config_load_error(st, 0, NULL, NULL, "cannot open: %s", file_error_text(fd));
		return -1;
	}
	st->mode = sb.st_mode;
	st->file = fdopen(fd, "r");
	if (st->file == NULL) {
		config_load_error(st, 0, NULL, NULL, "cannot open: %s", g_strerror(errno));
		close(fd);
		return -1;
	}
	return 0;
}

/* Sections the file did not have: an error, their defaults, or nothing. */
static int load_absent_sections(struct load_state *st)
{
	size_t i;

	for (i = 0; i < config_n_section_defs; i++) {
		const struct section_def *sdef = &config_section_defs[i];

		if (st->kind_lines[i] != 0 || sdef->absent == SECTION_ABSENT_SKIP)
			continue;
		if (sdef->absent == SECTION_ABSENT_ERROR) {
			config_load_error(st, 0, sdef->usage, NULL, "%s", sdef->absent_hint);
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
	cfg->sources = array_steal(&st->sources, &cfg->n_sources);
	cfg->rules = array_steal(&st->rules, &cfg->n_rules);
	return 0;
}

int config_load(const char *path, struct config **cfg_r, char **error_r)
{
	return config_load_opts(path, CONFIG_LOAD_NO_SECRETS, cfg_r, error_r);
}

int config_load_opts(const char *path, enum config_load_flags flags, struct config **cfg_r,
                     char **error_r)
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
	st.flags = flags;
	if (load_open(&st) < 0)
		goto out;
	rc = ini_parse_stream(config_reader, &st, config_handler, &st);
	if (st.error == NULL && rc != 0) {
		/* The reader lets through only what inih accepts; this is a
		 * safety net, not an expected path. */
		config_load_error(&st, rc > 0 ? rc : 0, NULL, NULL,
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

void config_free(struct config **cfgp)
{
	struct config *cfg = *cfgp;
	size_t i;

	if (cfg == NULL)
		return;
	for (i = 0; i < cfg->n_accounts; i++)
		config_account_clear(&cfg->accounts[i]);
	g_free(cfg->accounts);
	for (i = 0; i < cfg->n_persons; i++)
		config_person_clear(&cfg->persons[i]);
	g_free(cfg->persons);
	for (i = 0; i < cfg->n_sources; i++)
		config_source_clear(&cfg->sources[i]);
	g_free(cfg->sources);
	for (i = 0; i < cfg->n_rules; i++)
		config_rule_clear(&cfg->rules[i]);
	g_free(cfg->rules);
	config_rule_clear(&cfg->stages);
	config_company_clear(&cfg->company);
	config_smtp_clear(&cfg->smtp);
	config_classify_clear(&cfg->classify);
	config_grading_clear(&cfg->grading);
	g_free(cfg->store_path);
	g_free(cfg->control_socket);
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

int config_parse_rfc3339(const char *text, int64_t *t_r)
{
	GDateTime *dt = text != NULL ? g_date_time_new_from_iso8601(text, NULL) : NULL;

	if (dt == NULL)
		return -1;
	*t_r = g_date_time_to_unix(dt);
	g_date_time_unref(dt);
	return 0;
}

const char *config_role_name(enum config_role role)
{
	switch (role) {
	case CONFIG_ROLE_SALES:
		return "sales";
	case CONFIG_ROLE_MANAGER:
		return "manager";
	case CONFIG_ROLE_FINANCE:
		return "finance";
	case CONFIG_ROLE_ADMIN:
		return "admin";
	}
	return "?";
}

const struct config_person *config_person_of_unix_user(const struct config *cfg,
                                                       const char *name)
{
	for (size_t i = 0; name != NULL && i < cfg->n_persons; i++) {
		if (g_strcmp0(cfg->persons[i].unix_user, name) == 0)
			return &cfg->persons[i];
	}
	return NULL;
}
