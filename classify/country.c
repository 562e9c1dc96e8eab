/* country: see country.h. The calling codes are read once from the
 * compiled-in list into a static table (no heap). */
#include <string.h>
#include <glib.h>

#include "classify/country.h"
#include "classify/datalist.h"
#include "classify/language.h"
#include "data/builtin.h"

/* ISO 3166-1 has 249 codes; room for a few more. */
#define COUNTRIES_MAX 300

struct calling_code {
	char country[3];
	char code[5];            /* at most 4 digits ("1684" is none: NANP is "1") */
	char trunk[4];           /* "" for none */
};

static struct {
	struct calling_code rows[COUNTRIES_MAX];
	size_t n;
} table;

/* "DE 49 0": the country, its code ("-": none) and trunk prefix ("-"). */
static int add_row(const char *entry, void *ctx)
{
	char **f = g_strsplit_set(entry, " \t", -1);
	char **w = g_new0(char *, 4);
	size_t n = 0;

	(void)ctx;
	for (char **p = f; *p != NULL; p++) {
		if (**p != '\0' && n < 3)
			w[n++] = *p;
	}
	/* A malformed line of the shipped list is skipped: the unit test
	 * reads every line and fails on it. */
	if (n == 3 && table.n < COUNTRIES_MAX && strlen(w[0]) == 2 &&
	    strcmp(w[1], "-") != 0 && strlen(w[1]) < sizeof(table.rows[0].code) &&
	    strlen(w[2]) < sizeof(table.rows[0].trunk)) {
		struct calling_code *r = &table.rows[table.n++];
		g_strlcpy(r->country, w[0], sizeof(r->country));
		g_strlcpy(r->code, w[1], sizeof(r->code));
		g_strlcpy(r->trunk, strcmp(w[2], "-") == 0 ? "" : w[2], sizeof(r->trunk));
	}
	g_free(w);
	g_strfreev(f);
	return 0;
}

static gpointer load_table(gpointer unused)
{
	(void)unused;
	datalist_foreach(builtin_calling_codes, add_row, NULL);
	return NULL;
}

static void ensure_table(void)
{
	static GOnce once = G_ONCE_INIT;

	g_once(&once, load_table, NULL);
}

const char *country_code(const char *text)
{
	return language_country_code(text);
}

const char *country_of_domain(const char *customer_key)
{
	return language_country_of_domain(customer_key);
}

int country_phone_plan(const char *country, struct phone_plan *plan_r)
{
	const char *code = country_code(country);

	memset(plan_r, 0, sizeof(*plan_r));
	if (code == NULL)
		return -1;
	ensure_table();
	for (size_t i = 0; i < table.n; i++) {
		if (strcmp(table.rows[i].country, code) == 0) {
			plan_r->calling_code = table.rows[i].code;
			plan_r->trunk_prefix = table.rows[i].trunk[0] != '\0' ? table.rows[i].trunk
			                                                      : NULL;
			return 0;
		}
	}
	return -1;
}

bool country_calling_code_known(const char *e164)
{
	if (e164 == NULL || e164[0] != '+')
		return false;
	ensure_table();
	for (size_t i = 0; i < table.n; i++) {
		if (g_str_has_prefix(e164 + 1, table.rows[i].code))
			return true;
	}
	return false;
}
