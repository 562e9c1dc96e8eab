/* Who answers for a thread (rules/owner.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include "rules/owner.h"

static char *de_at_ch[] = { "DE", "AT", "CH", NULL };
static char *gb_ie[] = { "GB", "IE", NULL };
static char *br_co[] = { "BR", "CO", NULL };
static char *de_only[] = { "DE", NULL };
static char *none[] = { NULL };

/* Config order matters: the first person covering a country wins. */
static struct owner_person team[] = {
	{ .email = "anna@example.com", .name = "Anna", .manager = "max@example.com",
	  .countries = de_at_ch },
	{ .email = "li@example.com", .name = "Li", .manager = "max@example.com",
	  .countries = gb_ie },
	{ .email = "joao@example.com", .name = "João", .manager = NULL,
	  .countries = br_co },
	{ .email = "bernd@example.com", .name = "Bernd", .manager = "anna@example.com",
	  .countries = de_only },
	{ .email = "max@example.com", .name = "Max", .manager = NULL, .countries = none },
};
#define ANNA (team[0].email)
#define LI (team[1].email)
#define JOAO (team[2].email)
#define BERND (team[3].email)
#define MAXI (team[4].email)
#define FALLBACK "alerts@example.com"

static struct owner_team team_config(void)
{
	struct owner_team t = {
		.persons = team,
		.n_persons = G_N_ELEMENTS(team),
		.alerts_to = FALLBACK,
	};
	return t;
}

struct owner_case {
	const char *last_writer;
	const char *assigned;
	const char *country;
	const char *customer_key;
	const char *expected;    /* an address of the config, or NULL */
};

static void test_precedence(void **state)
{
	struct owner_team cfg = team_config();
	const struct owner_case cases[] = {
		/* 1. the colleague who last wrote, before everything else */
		{ LI, BERND, "BR", "kunde.de", LI },
		{ "Li@Example.COM", NULL, NULL, NULL, LI },
		/* not a [person] (a shared mailbox): 2. the assigned owner */
		{ "sales@example.com", JOAO, "DE", "kunde.de", JOAO },
		{ NULL, "JOAO@example.com", NULL, "kunde.de", JOAO },
		{ "", JOAO, NULL, NULL, JOAO },
		/* an assignment to someone no longer on the team: 3. the country */
		{ NULL, "gone@example.com", NULL, "acme.co.uk", LI },
		/* a country set on the customer wins over its domain's */
		{ NULL, NULL, "br", "kunde.de", JOAO },
		{ NULL, NULL, "AT", "x@gmail.com", ANNA },
		/* the ccTLD when no country is set */
		{ NULL, NULL, NULL, "kunde.de", ANNA },      /* Anna before Bernd */
		{ NULL, NULL, "", "kunde.ch", ANNA },
		{ NULL, NULL, NULL, "acme.co.uk", LI },      /* uk is GB */
		{ NULL, NULL, NULL, "pumps.ie", LI },
		{ NULL, NULL, NULL, "empresa.com.co", JOAO },
		{ NULL, NULL, NULL, "comprador@empresa.com.br", JOAO },
		/* co alone is a generic name, not Colombia */
		{ NULL, NULL, NULL, "startup.co", FALLBACK },
		{ NULL, NULL, NULL, "x@gmail.com", FALLBACK },
		{ NULL, NULL, NULL, "kunde.fr", FALLBACK },  /* nobody covers FR */
		/* a country nobody covers: no second try with the domain */
		{ NULL, NULL, "FR", "kunde.de", FALLBACK },
		/* 4. nothing known at all */
		{ NULL, NULL, NULL, NULL, FALLBACK },
	};
	size_t i;

	(void)state;
	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		const struct owner_case *c = &cases[i];
		const char *got = owner_of_thread(&cfg, c->last_writer, c->assigned, c->country,
		                                  c->customer_key);

		if (got == NULL || strcmp(got, c->expected) != 0)
			fail_msg("case %zu: got %s, expected %s", i, got ? got : "NULL",
			         c->expected);
	}
}

static void test_borrowed(void **state)
{
	struct owner_team cfg = team_config();

	(void)state;
	/* The config's own strings, never copies. */
	assert_ptr_equal(owner_of_thread(&cfg, "ANNA@example.com", NULL, NULL, NULL), ANNA);
	assert_ptr_equal(owner_of_thread(&cfg, NULL, "li@EXAMPLE.com", NULL, NULL), LI);
	assert_ptr_equal(owner_of_thread(&cfg, NULL, NULL, "ie", NULL), LI);
	assert_ptr_equal(owner_of_thread(&cfg, NULL, NULL, NULL, "x.cn"), cfg.alerts_to);
}

static void test_nobody(void **state)
{
	struct owner_team cfg = team_config();
	struct owner_team empty = { 0 };

	(void)state;
	cfg.alerts_to = NULL;
	assert_null(owner_of_thread(&cfg, NULL, NULL, NULL, "kunde.fr"));
	assert_null(owner_of_thread(&cfg, "sales@example.com", "gone@example.com", "US",
	                            "shop.us"));
	assert_string_equal(owner_of_thread(&cfg, NULL, NULL, NULL, "kunde.de"), ANNA);
	assert_null(owner_of_thread(&empty, ANNA, ANNA, "DE", "kunde.de"));
	assert_null(owner_of_thread(NULL, ANNA, NULL, NULL, NULL));
}

/* A person by email in any case; the config's own entry, not a copy. */
static void test_find(void **state)
{
	struct owner_team cfg = team_config();

	(void)state;
	assert_ptr_equal(owner_find(&cfg, "Li@Example.COM"), &team[1]);
	assert_string_equal(owner_find(&cfg, "BERND@example.com")->name, "Bernd");
	assert_null(owner_find(&cfg, "zhang@example.com"));
	assert_null(owner_find(&cfg, ""));
	assert_null(owner_find(&cfg, NULL));
	assert_null(owner_find(NULL, LI));
}

static void test_manager(void **state)
{
	struct owner_team cfg = team_config();

	(void)state;
	assert_ptr_equal(owner_manager(&cfg, ANNA), team[0].manager);
	assert_string_equal(owner_manager(&cfg, "Li@Example.com"), MAXI);
	assert_string_equal(owner_manager(&cfg, BERND), ANNA);
	assert_null(owner_manager(&cfg, JOAO));        /* no manager */
	assert_null(owner_manager(&cfg, MAXI));
	assert_null(owner_manager(&cfg, "gone@example.com"));
	assert_null(owner_manager(&cfg, ""));
	assert_null(owner_manager(&cfg, NULL));
	assert_null(owner_manager(NULL, ANNA));
	/* the owner of a thread, then their manager: as the escalation does */
	assert_string_equal(owner_manager(&cfg, owner_of_thread(&cfg, NULL, NULL, NULL,
	                                                        "pumps.co.uk")), MAXI);
}

static void test_escalation(void **state)
{
	struct owner_team cfg = team_config();

	(void)state;
	assert_string_equal(owner_escalation_to(&cfg, BERND), ANNA);
	/* no manager, a thread that fell to alerts-to, nobody: alerts-to */
	assert_string_equal(owner_escalation_to(&cfg, JOAO), FALLBACK);
	assert_string_equal(owner_escalation_to(&cfg, FALLBACK), FALLBACK);
	assert_string_equal(owner_escalation_to(&cfg, owner_of_thread(&cfg, NULL, NULL, NULL,
	                                                              "x.cn")), FALLBACK);
	assert_string_equal(owner_escalation_to(&cfg, NULL), FALLBACK);
	cfg.alerts_to = NULL;
	assert_null(owner_escalation_to(&cfg, JOAO));
	assert_string_equal(owner_escalation_to(&cfg, BERND), ANNA);
	assert_null(owner_escalation_to(NULL, BERND));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_borrowed),
		cmocka_unit_test(test_nobody),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_manager),
		cmocka_unit_test(test_escalation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
