/* sheet_import: see sheet_import.h. */
#include <string.h>
#include <glib.h>

#include "core/orders.h"
#include "core/records.h"
#include "core/sheet_import.h"
#include "core/target.h"
#include "data/builtin.h"
#include "lib/address.h"

/* The fields a column may give. The record's are `customer set`'s. */
static const char *const FIELDS[] = {
	"customer", "email", "website", "contact", "phone", "role", "title",
	"name", "country", "industry", "tags", "grade", "owner", "stage", "source",
	"next-action", "next-date",
	"number", "amount", "currency", "incoterm", "due", "deposit",
};
enum { F_CUSTOMER, F_EMAIL, F_WEBSITE, F_CONTACT, F_PHONE, F_ROLE, F_TITLE, F_RECORD,
       F_NUMBER = F_RECORD + 10, F_AMOUNT, F_CURRENCY, F_INCOTERM, F_DUE, F_DEPOSIT };
#define N_FIELDS G_N_ELEMENTS(FIELDS)
G_STATIC_ASSERT(N_FIELDS == F_DEPOSIT + 1);
/* A column a --map drops. */
#define IGNORE "ignore"

static int field_index(const char *field)
{
	for (size_t i = 0; i < N_FIELDS; i++) {
		if (strcmp(FIELDS[i], field) == 0)
			return (int)i;
	}
	return -1;
}

/* A header as compared: case folded, without blanks, '_', '-', '*' and
 * colons (ASCII and full-width). New string. */
static char *fold(const char *header)
{
	char *folded = g_utf8_casefold(header, -1);
	GString *out = g_string_new(NULL);

	for (const char *p = folded; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_isspace(c) || c == '_' || c == '-' || c == '*' || c == ':' ||
		    c == 0xFF1A || c == 0xFEFF)
			continue;
		g_string_append_unichar(out, c);
	}
	g_free(folded);
	return g_string_free(out, FALSE);
}

const char *core_import_header_field(const char *header)
{
	char *want = fold(header);
	const char *found = NULL;
	const char *line = builtin_sheet_headers;

	while (found == NULL && *line != '\0') {
		const char *end = strchr(line, '\n');
		size_t len = end != NULL ? (size_t)(end - line) : strlen(line);
		const char *tab = memchr(line, '\t', len);
		if (line[0] != '#' && tab != NULL) {
			char *field = g_strndup(line, (gsize)(tab - line));
			char *name = g_strndup(tab + 1, (gsize)(line + len - tab - 1));
			char *folded = fold(name);
			int i = field_index(field);
			if (i >= 0 && strcmp(folded, want) == 0)
				found = FIELDS[i];
			g_free(folded);
			g_free(name);
			g_free(field);
		}
		line += len + (end != NULL);
	}
	g_free(want);
	return found;
}

void core_import_columns_free(struct core_import_columns **colsp)
{
	struct core_import_columns *cols = *colsp;

	if (cols == NULL)
		return;
	for (size_t i = 0; i < cols->n; i++)
		g_free(cols->fields[i]);
	g_free(cols->fields);
	g_strfreev(cols->ignored);
	g_free(cols);
	*colsp = NULL;
}

/* Applies one "Column=field" of --map. */
static int apply_map(const char *map, const char *const *header, size_t n,
                     struct core_import_columns *cols, char **error_r)
{
	const char *eq = strrchr(map, '=');

	if (eq == NULL || eq == map) {
		*error_r = g_strdup_printf("--map '%s': write 'Column=field'", map);
		return -1;
	}
	char *column = g_strndup(map, (gsize)(eq - map));
	const char *field = eq + 1;
	int fi = field_index(field);
	int ret = -1;
	size_t at = n;

	if (fi < 0 && strcmp(field, IGNORE) != 0) {
		char *list = g_strjoinv(" ", (char **)FIELDS);
		*error_r = g_strdup_printf("--map '%s': '%s' is no field (one of %s, or %s)", map,
		                           field, list, IGNORE);
		g_free(list);
		goto out;
	}
	char *want = fold(column);
	for (size_t i = 0; i < n && at == n; i++) {
		char *have = fold(header[i]);
		if (strcmp(header[i], column) == 0 || strcmp(have, want) == 0)
			at = i;
		g_free(have);
	}
	g_free(want);
	if (at == n) {
		*error_r = g_strdup_printf("--map '%s': the file has no column '%s'", map, column);
		goto out;
	}
	g_free(cols->fields[at]);
	cols->fields[at] = g_strdup(fi >= 0 ? FIELDS[fi] : IGNORE);
	ret = 0;
out:
	g_free(column);
	return ret;
}

/* Two columns for one field, or none naming the customer: -1. */
static int columns_check(const char *const *header, const struct core_import_columns *cols,
                         char **error_r)
{
	bool names_customer = false;

	for (size_t i = 0; i < cols->n; i++) {
		if (cols->fields[i] == NULL)
			continue;
		int fi = field_index(cols->fields[i]);
		names_customer |= fi == F_CUSTOMER || fi == F_EMAIL || fi == F_WEBSITE;
		for (size_t j = i + 1; j < cols->n; j++) {
			if (cols->fields[j] != NULL && strcmp(cols->fields[i], cols->fields[j]) == 0) {
				*error_r = g_strdup_printf("columns '%s' and '%s' both give %s (drop one: "
				                           "--map '%s=ignore')", header[i], header[j],
				                           cols->fields[i], header[j]);
				return -1;
			}
		}
	}
	if (!names_customer) {
		*error_r = g_strdup("no column names the customer: the file needs an email, "
		                    "a website or a customer column (or --map 'Column=email')");
		return -1;
	}
	return 0;
}

int core_import_columns_map(const char *const *header, size_t n, char *const *maps,
                            size_t n_maps, struct core_import_columns **cols_r,
                            char **error_r)
{
	struct core_import_columns *cols = g_new0(struct core_import_columns, 1);
	GPtrArray *ignored = g_ptr_array_new();

	cols->n = n;
	cols->fields = g_new0(char *, n + 1);
	for (size_t i = 0; i < n_maps; i++) {
		if (apply_map(maps[i], header, n, cols, error_r) < 0)
			goto fail;
	}
	for (size_t i = 0; i < n; i++) {
		if (cols->fields[i] == NULL) {
			const char *field = core_import_header_field(header[i]);
			cols->fields[i] = g_strdup(field);
		}
		if (cols->fields[i] != NULL && strcmp(cols->fields[i], IGNORE) == 0)
			g_clear_pointer(&cols->fields[i], g_free);
		if (cols->fields[i] == NULL && header[i][0] != '\0')
			g_ptr_array_add(ignored, g_strdup(header[i]));
	}
	g_ptr_array_add(ignored, NULL);
	cols->ignored = (char **)g_ptr_array_free(ignored, FALSE);
	ignored = NULL;
	if (columns_check(header, cols, error_r) < 0)
		goto fail;
	*cols_r = cols;
	return 0;
fail:
	if (ignored != NULL)
		g_ptr_array_free(ignored, TRUE);
	core_import_columns_free(&cols);
	*cols_r = NULL;
	return -1;
}

/* ---- rows ---- */

static void problem_clear(gpointer p)
{
	g_free(((struct core_import_problem *)p)->what);
}

void core_import_result_free(struct core_import_result **rp)
{
	if (*rp == NULL)
		return;
	g_array_free((*rp)->problems, TRUE);
	g_free(*rp);
	*rp = NULL;
}

/* One row's values by field (borrowed from the row; NULL: none). */
struct row_values {
	const char *v[N_FIELDS];
	size_t line;
};

static void row_values(const struct core_import_columns *cols, const struct csv_row *row,
                       struct row_values *rv)
{
	memset(rv, 0, sizeof(*rv));
	rv->line = row->line;
	for (size_t i = 0; i < cols->n && i < row->n_fields; i++) {
		if (cols->fields[i] == NULL)
			continue;
		/* A cell our own export neutralised comes back as written. */
		const char *cell = csv_cell_unneutralised(row->fields[i]);
		if (cell[0] != '\0')
			rv->v[field_index(cols->fields[i])] = cell;
	}
}

/* The host of a website as people write it ("https://www.kunde.de/en"). */
static char *website_host(const char *website)
{
	const char *p = strstr(website, "://");
	p = p != NULL ? p + 3 : website;
	return g_strndup(p, strcspn(p, "/:?#"));
}

/* The customer of a row: 0 with *id_r (a problem in *why_r instead when
 * the row names none), or -1 on a store error. */
static int row_customer(struct store *st, const struct core_runtime *rt,
                        const struct row_values *rv, int64_t *id_r, bool *created_r,
                        char **why_r, char **error_r)
{
	const char *email = rv->v[F_EMAIL];
	char *key = NULL;
	int ret = 0;

	*created_r = false;
	if (email != NULL && rv->v[F_CUSTOMER] == NULL) {
		struct store_contact ct;
		int rc = store_contact_get(st, email, &ct, id_r, error_r);
		store_contact_clear(&ct);
		if (rc <= 0)
			return rc;
	}
	if (rv->v[F_CUSTOMER] != NULL) {
		key = core_target_key(rt, rv->v[F_CUSTOMER]);
		if (key == NULL)
			*why_r = g_strdup_printf("customer: '%s' is no domain or e-mail address",
			                         rv->v[F_CUSTOMER]);
	} else if (email != NULL) {
		key = core_target_key(rt, email);
		if (key == NULL)
			*why_r = g_strdup_printf("email: '%s' has no customer domain", email);
	} else if (rv->v[F_WEBSITE] != NULL) {
		char *host = website_host(rv->v[F_WEBSITE]);
		key = core_target_key(rt, host);
		if (key == NULL)
			*why_r = g_strdup_printf("website: '%s' has no domain", rv->v[F_WEBSITE]);
		g_free(host);
	} else {
		*why_r = g_strdup("no customer: the row has no email, website or customer");
	}
	if (key != NULL)
		ret = store_customer_ensure(st, key, id_r, created_r, error_r);
	g_free(key);
	return ret;
}

/* "field=value" of each field from..to the row has. */
static GPtrArray *assignments(const struct row_values *rv, size_t from, size_t to,
                              const char *const *names)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);

	for (size_t i = from; i < to; i++) {
		if (rv->v[i] != NULL)
			g_ptr_array_add(a, g_strdup_printf("%s=%s", names[i - from], rv->v[i]));
	}
	return a;
}

/* The row's record: checked as `customer set` checks it, then written. */
static int row_record(struct store *st, const struct core_runtime *rt, int64_t id,
                      const struct row_values *rv, int64_t now, const char *author,
                      char **country_r, char **why_r, char **error_r)
{
	GPtrArray *a = assignments(rv, F_RECORD, F_NUMBER, FIELDS + F_RECORD);
	struct store_customer *c = NULL;
	struct core_customer_change *change = NULL;
	const char *source;
	int ret = -1;

	if (store_customer_get(st, id, &c, error_r) != 0) {
		if (*error_r == NULL)
			*error_r = g_strdup("a customer vanished while it was imported");
		goto out;
	}
	ret = 0;
	if (core_customer_change_parse(rt, c, (char *const *)a->pdata, a->len, &change,
	                               why_r) < 0)
		goto out;
	change->edit.author = author;
	if (a->len > 0 && store_customer_update(st, id, &change->edit, now, error_r) < 0) {
		ret = -1;
		goto out;
	}
	/* A national phone number is read in the row's country, else the customer's. */
	const char *country = change->edit.country != NULL && change->edit.country[0] != '\0'
		? change->edit.country : core_customer_country(c, &source);
	*country_r = g_strdup(country);
out:
	core_customer_change_free(&change);
	store_customer_free(&c);
	g_ptr_array_free(a, TRUE);
	return ret;
}

/* The row's contact, checked as `contact set` checks it. */
static int row_contact(struct store *st, int64_t id, const struct row_values *rv,
                       const char *country, char **why_r, char **error_r)
{
	static const char *const names[] = { "name", "phone", "role", "title" };
	GPtrArray *a = assignments(rv, F_CONTACT, F_TITLE + 1, names);
	struct core_contact_change *change = NULL;
	int ret = 0;

	if (core_contact_change_parse((char *const *)a->pdata, a->len, country, &change,
	                              why_r) == 0 &&
	    store_contact_update(st, id, rv->v[F_EMAIL], &change->edit, error_r) < 0)
		ret = -1;
	core_contact_change_free(&change);
	g_ptr_array_free(a, TRUE);
	return ret;
}

/* An order's values, checked as `order add` checks its options: NULL,
 * or why not (g_free). Strings in owned. */
static char *order_fields(const struct row_values *rv, struct store_order_fields *f,
                          GPtrArray *owned)
{
	static const int required[] = { F_NUMBER, F_AMOUNT, F_CURRENCY };
	char *error = NULL, *value = NULL, *why_text;
	const char *why, *field = "amount";

	for (size_t i = 0; i < G_N_ELEMENTS(required); i++) {
		if (rv->v[required[i]] == NULL)
			return g_strdup_printf("%s: an order needs one", FIELDS[required[i]]);
	}
	if ((why = core_order_number_invalid(rv->v[F_NUMBER])) != NULL)
		return g_strdup_printf("number: the order number %s", why);
	*f = (struct store_order_fields){ .number = rv->v[F_NUMBER], .deposit_milli = INT64_MIN,
	                                  .deposit_percent = -1.0, .state = "open" };
	if (core_amount_parse(rv->v[F_AMOUNT], &f->amount_milli, &error) < 0)
		goto bad;
	field = "currency";
	if (core_currency_parse(rv->v[F_CURRENCY], &value, &error) < 0)
		goto bad;
	g_ptr_array_add(owned, value);
	f->currency = value;
	field = "due";
	if (rv->v[F_DUE] != NULL) {
		if (core_day_parse(rv->v[F_DUE], &value, &error) < 0)
			goto bad;
		g_ptr_array_add(owned, value);
		f->due = value;
	}
	field = "incoterm";
	if (rv->v[F_INCOTERM] != NULL) {
		if (core_incoterm_parse(rv->v[F_INCOTERM], &value, &error) < 0)
			goto bad;
		g_ptr_array_add(owned, value);
		f->incoterm = value;
	}
	field = "deposit";
	if (rv->v[F_DEPOSIT] != NULL &&
	    core_deposit_parse(rv->v[F_DEPOSIT], &f->deposit_milli, &f->deposit_percent,
	                       &error) < 0)
		goto bad;
	if ((why = core_order_fields_invalid(f)) != NULL)
		return g_strdup(why);
	return NULL;
bad:
	/* The checks say what a value takes; the row's column is named here. */
	why_text = g_strdup_printf("%s: %s", field, error);
	g_free(error);
	return why_text;
}

/* The row's order, on its customer. */
static int row_order(struct store *st, int64_t id, const struct row_values *rv, int64_t now,
                     char **why_r, char **error_r)
{
	GPtrArray *owned = g_ptr_array_new_with_free_func(g_free);
	struct store_order_fields f;
	int ret = 0;

	*why_r = order_fields(rv, &f, owned);
	if (*why_r == NULL) {
		int rc = store_order_add(st, id, &f, now, error_r);
		if (rc < 0)
			ret = -1;
		else if (rc == 1)
			*why_r = g_strdup_printf("number: there is an order %s already", f.number);
	}
	g_ptr_array_free(owned, TRUE);
	return ret;
}

/* One row: 0 (a problem in *why_r, or done), -1 on a store error. */
static int import_row(struct store *st, const struct core_runtime *rt,
                      enum core_import_kind kind, const struct row_values *rv, int64_t now,
                      const char *author, struct core_import_result *res, char **why_r,
                      char **error_r)
{
	const char *email = rv->v[F_EMAIL];
	char *country = NULL;
	int64_t id = 0;
	bool created = false;
	int ret = 0;

	if (email != NULL && !address_is_valid(email)) {
		*why_r = g_strdup_printf("email: '%s' is no e-mail address", email);
		return 0;
	}
	if (kind == CORE_IMPORT_CONTACTS && email == NULL) {
		*why_r = g_strdup("email: a contact needs one");
		return 0;
	}
	if (email == NULL && (rv->v[F_CONTACT] != NULL || rv->v[F_PHONE] != NULL ||
	                      rv->v[F_ROLE] != NULL || rv->v[F_TITLE] != NULL)) {
		*why_r = g_strdup("email: the contact's fields need the contact's address");
		return 0;
	}
	if (row_customer(st, rt, rv, &id, &created, why_r, error_r) < 0)
		return -1;
	if (*why_r != NULL)
		return 0;
	if (row_record(st, rt, id, rv, now, author, &country, why_r, error_r) < 0)
		return -1;
	if (*why_r == NULL && email != NULL)
		ret = row_contact(st, id, rv, country, why_r, error_r);
	if (ret == 0 && *why_r == NULL && kind == CORE_IMPORT_ORDERS)
		ret = row_order(st, id, rv, now, why_r, error_r);
	if (ret == 0 && *why_r == NULL) {
		res->created += created;
		res->merged += !created;
	}
	g_free(country);
	return ret;
}

int core_import_rows(struct store *st, const struct core_runtime *rt,
                     enum core_import_kind kind, const struct core_import_columns *cols,
                     const struct csv_row *const *rows, size_t n, bool dry_run, int64_t now,
                     const char *author, struct core_import_result **result_r, char **error_r)
{
	struct core_import_result *res = g_new0(struct core_import_result, 1);

	res->problems = g_array_new(FALSE, TRUE, sizeof(struct core_import_problem));
	g_array_set_clear_func(res->problems, problem_clear);
	*result_r = NULL;
	if (store_begin(st, error_r) < 0)
		goto fail;
	/* Every row runs, so a dry run tells each bad one; the rows before
	 * are in the transaction, so a later row merges with an earlier. */
	for (size_t i = 0; i < n; i++) {
		struct row_values rv;
		char *why = NULL;
		row_values(cols, rows[i], &rv);
		res->rows++;
		if (import_row(st, rt, kind, &rv, now, author, res, &why, error_r) < 0) {
			g_free(why);
			store_rollback(st);
			goto fail;
		}
		if (why != NULL) {
			struct core_import_problem p = { .line = rv.line, .what = why };
			g_array_append_val(res->problems, p);
		}
	}
	if (dry_run || res->problems->len > 0) {
		store_rollback(st);
	} else {
		if (store_commit(st, error_r) < 0)
			goto fail;
		res->written = true;
	}
	*result_r = res;
	return 0;
fail:
	core_import_result_free(&res);
	return -1;
}
