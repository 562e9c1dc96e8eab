/* redact: IMAP and SMTP dialogues as followupd logs them at debug level,
 * credentials replaced by <redacted>. Each case is a whole dialogue, line
 * by line, as libcurl speaks it (the real traces of Dovecot 2.3 and
 * aiosmtpd 1.4 with curl 7.88, plus the forms other servers provoke). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "daemon/redact.h"

#define C REDACT_FROM_CLIENT
#define S REDACT_FROM_SERVER

struct step {
	enum redact_dir dir;
	const char *line;
	const char *logged;       /* NULL: the line as it is */
};

struct dialogue {
	const char *name;
	enum redact_protocol protocol;
	const char *secrets[3];   /* none of these may be logged, in any step */
	struct step steps[16];
};

/* "sales@example.com" / "Zq-7pw" in SASL PLAIN and LOGIN, base64. */
#define PLAIN_IR "AHNhbGVzQGV4YW1wbGUuY29tAFpxLTdwdw=="
#define USER_B64 "c2FsZXNAZXhhbXBsZS5jb20="
#define PASS_B64 "WnEtN3B3"

static const struct dialogue dialogues[] = {
	{ "IMAP AUTHENTICATE PLAIN with an initial response", REDACT_IMAP,
	  { PLAIN_IR, "Zq-7pw", NULL }, {
		{ S, "* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=LOGIN] Dovecot ready.", NULL },
		{ C, "A001 CAPABILITY", NULL },
		{ S, "* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=LOGIN", NULL },
		{ S, "A001 OK Pre-login capabilities listed", NULL },
		{ C, "A002 AUTHENTICATE PLAIN " PLAIN_IR, "A002 AUTHENTICATE PLAIN <redacted>" },
		{ S, "* CAPABILITY IMAP4rev1 SASL-IR SORT", NULL },
		{ S, "A002 OK Logged in", NULL },
		{ C, "A003 EXAMINE \"INBOX\"", NULL },
	} },
	{ "IMAP AUTHENTICATE PLAIN without an initial response", REDACT_IMAP,
	  { PLAIN_IR, NULL, NULL }, {
		{ C, "A002 AUTHENTICATE PLAIN", NULL },
		{ S, "+ ", NULL },
		{ C, PLAIN_IR, "<redacted>" },
		{ S, "A002 OK Logged in", NULL },
		{ C, "A003 LOGOUT", NULL },
	} },
	{ "IMAP AUTHENTICATE LOGIN, user in the initial response", REDACT_IMAP,
	  { USER_B64, PASS_B64, NULL }, {
		{ C, "A002 AUTHENTICATE LOGIN " USER_B64, "A002 AUTHENTICATE LOGIN <redacted>" },
		{ S, "+ UGFzc3dvcmQ6", NULL },
		{ C, PASS_B64, "<redacted>" },
		{ S, "* CAPABILITY IMAP4rev1", NULL },
		{ S, "A002 OK Logged in", NULL },
		{ C, "A003 CAPABILITY", NULL },
	} },
	{ "IMAP AUTHENTICATE LOGIN, two challenges", REDACT_IMAP,
	  { USER_B64, PASS_B64, NULL }, {
		{ C, "a2 authenticate login", NULL },
		{ S, "+ VXNlcm5hbWU6", NULL },
		{ C, USER_B64, "<redacted>" },
		{ S, "+ UGFzc3dvcmQ6", NULL },
		{ C, PASS_B64, "<redacted>" },
		{ S, "a2 NO [AUTHENTICATIONFAILED] Authentication failed.", NULL },
		{ C, "a3 LOGOUT", NULL },
	} },
	{ "IMAP AUTHENTICATE cancelled by the client", REDACT_IMAP,
	  { NULL, NULL, NULL }, {
		{ C, "A2 AUTHENTICATE CRAM-MD5", NULL },
		{ S, "+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+", NULL },
		{ C, "*", "<redacted>" },
		{ S, "A2 BAD Authentication cancelled", NULL },
		{ C, "A3 CAPABILITY", NULL },
	} },
	{ "IMAP LOGIN command", REDACT_IMAP,
	  { "Zq-7pw", "\"Zq 7\\\"pw\"", "sales@example.com" }, {
		{ C, "A002 LOGIN sales@example.com Zq-7pw", "A002 LOGIN <redacted>" },
		{ S, "A002 NO [AUTHENTICATIONFAILED] Authentication failed.", NULL },
		{ C, "A003 login \"sales@example.com\" \"Zq 7\\\"pw\"", "A003 login <redacted>" },
		{ S, "A003 OK Logged in", NULL },
		{ C, "A004 LOGIN", NULL },
	} },
	{ "IMAP: commands that only look like it are kept", REDACT_IMAP,
	  { NULL, NULL, NULL }, {
		{ C, "A004 EXAMINE \"LOGIN\"", NULL },
		{ C, "LOGIN", NULL },
		{ S, "+ go ahead", NULL },
		{ C, "A005 UID FETCH 1:* (UID RFC822.SIZE)", NULL },
		{ C, "", NULL },
	} },
	{ "SMTP AUTH PLAIN, answer on the continuation", REDACT_SMTP,
	  { PLAIN_IR, NULL, NULL }, {
		{ S, "220 localhost Python SMTP 1.4.3", NULL },
		{ C, "EHLO vm", NULL },
		{ S, "250-AUTH LOGIN PLAIN", NULL },
		{ S, "250 HELP", NULL },
		{ C, "AUTH PLAIN", NULL },
		{ S, "334 ", NULL },
		{ C, PLAIN_IR, "<redacted>" },
		{ S, "235 2.7.0 Authentication successful", NULL },
		{ C, "MAIL FROM:<> SIZE=798", NULL },
		{ S, "250 OK", NULL },
		{ C, "RCPT TO:<maria@empresa.com.co>", NULL },
	} },
	{ "SMTP AUTH PLAIN with an initial response", REDACT_SMTP,
	  { PLAIN_IR, NULL, NULL }, {
		{ C, "AUTH PLAIN " PLAIN_IR, "AUTH PLAIN <redacted>" },
		{ S, "535 5.7.8 Authentication credentials invalid", NULL },
		{ C, "QUIT", NULL },
	} },
	{ "SMTP AUTH LOGIN, two challenges", REDACT_SMTP,
	  { USER_B64, PASS_B64, NULL }, {
		{ C, "auth login", NULL },
		{ S, "334 VXNlciBOYW1lAA==", NULL },
		{ C, USER_B64, "<redacted>" },
		{ S, "334 UGFzc3dvcmQA", NULL },
		{ C, PASS_B64, "<redacted>" },
		{ S, "235 2.7.0 Authentication successful", NULL },
		{ C, "MAIL FROM:<sales@example.com>", NULL },
	} },
	{ "SMTP: LOGIN is no SMTP command", REDACT_SMTP,
	  { NULL, NULL, NULL }, {
		{ C, "LOGIN x y", NULL },
		{ C, "MAIL FROM:<auth@example.com>", NULL },
	} },
};

static void run_dialogue(const struct dialogue *d)
{
	struct redact r;

	redact_init(&r, d->protocol);
	for (size_t i = 0; i < G_N_ELEMENTS(d->steps) && d->steps[i].line != NULL; i++) {
		const struct step *st = &d->steps[i];
		const char *want = st->logged != NULL ? st->logged : st->line;
		char *got = redact_line(&r, st->dir, st->line, strlen(st->line));

		if (strcmp(got, want) != 0)
			fail_msg("%s, step %zu: logged '%s', want '%s'", d->name, i, got, want);
		for (size_t k = 0; k < G_N_ELEMENTS(d->secrets) && d->secrets[k] != NULL; k++) {
			if (strstr(got, d->secrets[k]) != NULL)
				fail_msg("%s, step %zu: '%s' shows a secret", d->name, i, got);
		}
		g_free(got);
	}
}

static void test_dialogues(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(dialogues); i++)
		run_dialogue(&dialogues[i]);
}

/* The length is what counts: a line handed over without its end (cut by
 * the caller, or not NUL-terminated) is redacted on its first words. */
static void test_length_not_nul(void **state)
{
	static const char buf[] = "A002 LOGIN sales Zq-7pwXXXX";
	struct redact r;
	char *got;

	(void)state;
	redact_init(&r, REDACT_IMAP);
	got = redact_line(&r, C, buf, strlen("A002 LOGIN sales Zq-7pw"));
	assert_string_equal(got, "A002 LOGIN <redacted>");
	g_free(got);
	got = redact_line(&r, C, buf, strlen("A002 LOG"));
	assert_string_equal(got, "A002 LOG");
	g_free(got);
	got = redact_line(&r, S, "+ abc", 1);
	assert_string_equal(got, "+");
	g_free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dialogues),
		cmocka_unit_test(test_length_not_nul),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
