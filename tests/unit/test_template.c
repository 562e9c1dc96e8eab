/* Templates (rules/template.c), template sets (rules/template_set.c, read
 * from files by core/templates.c) and what a rendered template does to a
 * composed mail (compose/compose.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "core/templates.h"
#include "data/builtin.h"
#include "compose/compose.h"
#include "parsers/message.h"
#include "rules/template.h"
#include "rules/template_set.h"
#include "tests/unit/tmp_tree.h"

static int group_setup(void **state)
{
	(void)state;
	message_parser_init();
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	message_parser_deinit();
	return 0;
}

/* ---------------------------------------------------------------- parse */

static void test_parse_good(void **state)
{
	(void)state;
	struct template *t = NULL;
	const char *error = NULL;

	assert_int_equal(template_parse("Subject: Re: {{subject}}\n\nHello {{name}},\n\nthanks.\n",
	                                template_ack_names, &t, &error), 0);
	assert_string_equal(t->subject, "Re: {{subject}}");
	assert_string_equal(t->body, "Hello {{name}},\n\nthanks.\n");
	template_free(&t);
	assert_null(t);

	/* CRLF, a byte order mark, "subject:" in any case, blanks around the
	 * value and on the separating line. */
	assert_int_equal(template_parse("\xEF\xBB\xBFSUBJECT:   Ihre Anfrage  \r\n \t\r\nDanke,\r\n"
	                                "{{ owner }}\r\n", template_ack_names, &t, &error), 0);
	assert_string_equal(t->subject, "Ihre Anfrage");
	assert_string_equal(t->body, "Danke,\n{{ owner }}\n");
	template_free(&t);

	/* Old Mac line ends; unicode; no final newline. */
	assert_int_equal(template_parse("Subject: 已收到：{{subject}}\r\r{{name}}，您好：\r感谢。",
	                                template_ack_names, &t, &error), 0);
	assert_string_equal(t->subject, "已收到：{{subject}}");
	assert_string_equal(t->body, "{{name}}，您好：\n感谢。");
	template_free(&t);

	/* Without known names any well-formed placeholder is fine. */
	assert_int_equal(template_parse("Subject: {{anything}}\n\n{{x.y-z_1}}\n", NULL, &t, &error), 0);
	template_free(&t);

	/* Case of placeholder names does not matter. */
	assert_int_equal(template_parse("Subject: {{Subject}}\n\n{{NAME}}\n", template_ack_names, &t,
	                                &error), 0);
	template_free(&t);
	template_free(&t); /* freeing NULL is fine */
}

struct parse_error_case {
	const char *text;
	const char *error;           /* template_parse() */
	const char *detailed;        /* template_parse_detailed(), prefix */
};

static const struct parse_error_case parse_error_cases[] = {
	{ "", "the first line must be 'Subject: …'", "line 1: the first line" },
	{ "Hello {{name}}\n\nbody\n", "the first line must be 'Subject: …'", "line 1: " },
	{ "\nSubject: x\n\nbody\n", "the first line must be 'Subject: …'", "line 1: " },
	{ " Subject: x\n\nbody\n", "the first line must be 'Subject: …'", "line 1: " },
	{ "Subj: x\n\nbody\n", "the first line must be 'Subject: …'", "line 1: " },
	{ "Subject:\n\nbody\n", "the subject is empty", "line 1: the subject is empty" },
	{ "Subject:   \t \n\nbody\n", "the subject is empty", "line 1: " },
	{ "Subject: x", "a blank line must follow the subject", "line 2: a blank line" },
	{ "Subject: x\nbody\n", "a blank line must follow the subject", "line 2: " },
	{ "Subject: x\n", "the body is empty", "line 3: the body is empty" },
	{ "Subject: x\n\n", "the body is empty", "line 3: " },
	{ "Subject: x\n\n \n\t\n", "the body is empty", "line 3: " },
	{ "Subject: x \xff\n\nbody\n", "not valid UTF-8", "not valid UTF-8" },
	{ "Subject: x\n\nbody \xc3\x28\n", "not valid UTF-8", "not valid UTF-8" },
	{ "Subject: {{subjct}}\n\nbody\n", "unknown placeholder",
	  "line 1: unknown placeholder {{subjct}} (known: {{subject}}, {{name}}, {{company}}, {{owner}})" },
	{ "Subject: x\n\nHello\n\n{{ nmae }},\n", "unknown placeholder",
	  "line 5: unknown placeholder {{nmae}}" },
	{ "Subject: x\n\nHello {{name}\n", "'{{' does not start a placeholder such as {{name}}",
	  "line 3: '{{' does not start" },
	{ "Subject: x\n\nHello\n{{ }}\n", "'{{' does not start a placeholder such as {{name}}",
	  "line 4: " },
	{ "Subject: x\n\n{{1abc}}\n", "'{{' does not start a placeholder such as {{name}}", "line 3: " },
	{ "Subject: x\n\n{{na me}}\n", "'{{' does not start a placeholder such as {{name}}", "line 3: " },
	{ "Subject: x {{\n\nbody\n", "'{{' does not start a placeholder such as {{name}}", "line 1: " },
	{ "Subject: x\r\n\r\nline\r\n{{bad\r\n", "'{{' does not start a placeholder such as {{name}}",
	  "line 4: " },
};

static void test_parse_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(parse_error_cases); i++) {
		const struct parse_error_case *c = &parse_error_cases[i];
		struct template *t = (struct template *)&t; /* must be reset */
		const char *error = NULL;
		char *detailed = NULL;

		if (template_parse(c->text, template_ack_names, &t, &error) != -1)
			fail_msg("case %zu parsed: %s", i, c->text);
		assert_null(t);
		assert_string_equal(error, c->error);

		assert_int_equal(template_parse_detailed(c->text, template_ack_names, &t, &detailed), -1);
		assert_null(t);
		if (!g_str_has_prefix(detailed, c->detailed))
			fail_msg("case %zu: '%s' does not start with '%s'", i, detailed, c->detailed);
		g_free(detailed);
	}

	struct template *t = NULL;
	const char *error = NULL;
	assert_int_equal(template_parse(NULL, NULL, &t, &error), -1);
	assert_null(t);

	/* Over 64 KiB. */
	GString *big = g_string_new("Subject: x\n\n");
	while (big->len <= TEMPLATE_MAX_BYTES)
		g_string_append(big, "0123456789abcdef\n");
	assert_int_equal(template_parse(big->str, NULL, &t, &error), -1);
	assert_string_equal(error, "the template is longer than 64 KiB");
	g_string_free(big, TRUE);
}

/* --------------------------------------------------------------- render */

static const char *const vars[] = {
	"subject", "Kreiselpumpen für Hamburg",
	"name", "Jörg Müller",
	"company", "Acme Pumps GmbH",
	"owner", "王小明",
	NULL
};

struct render_case {
	const char *text;
	int for_header;
	const char *expected;
};

static const struct render_case render_cases[] = {
	{ "Re: {{subject}}", 1, "Re: Kreiselpumpen für Hamburg" },
	{ "Hallo {{name}}, {{ owner }} ({{company}})", 0, "Hallo Jörg Müller, 王小明 (Acme Pumps GmbH)" },
	{ "{{\tname\t}}|{{NAME}}|{{Name }}", 0, "Jörg Müller|Jörg Müller|Jörg Müller" },
	{ "{{missing}}!", 0, "!" },
	{ "", 0, "" },
	{ "no placeholders", 0, "no placeholders" },
	{ "{{name}", 0, "{{name}" },
	{ "{{name", 0, "{{name" },
	{ "{{ }}", 0, "{{ }}" },
	{ "{{{name}}}", 0, "{Jörg Müller}" },
	{ "{{{{name}}}}", 0, "{{Jörg Müller}}" },
	{ "{{1x}} {{name}}", 0, "{{1x}} Jörg Müller" },
	{ "}}{{name}}{{", 0, "}}Jörg Müller{{" },
	{ "a\nb {{name}}\nc", 0, "a\nb Jörg Müller\nc" },
	{ "a\nb {{name}}\r\nc\td", 1, "a b Jörg Müller  c d" },
	{ "{{subject}}{{subject}}", 1, "Kreiselpumpen für HamburgKreiselpumpen für Hamburg" },
};

static void test_render(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(render_cases); i++) {
		char *out = template_render(render_cases[i].text, vars, render_cases[i].for_header);
		if (strcmp(out, render_cases[i].expected) != 0)
			fail_msg("case %zu: '%s', expected '%s'", i, out, render_cases[i].expected);
		g_free(out);
	}

	char *out = template_render(NULL, vars, 0);
	assert_string_equal(out, "");
	g_free(out);
	out = template_render("{{name}}", NULL, 0);
	assert_string_equal(out, "");
	g_free(out);

	/* A NULL value ends the list; nothing after it is read. */
	static const char *const short_vars[] = { "name", NULL };
	out = template_render("[{{name}}]", short_vars, 1);
	assert_string_equal(out, "[]");
	g_free(out);

	/* The first of two equal names wins. */
	static const char *const twice[] = { "name", "first", "name", "second", NULL };
	out = template_render("{{name}}", twice, 0);
	assert_string_equal(out, "first");
	g_free(out);
}

/* A name without a value: the fallback after '|', else the greeting closes
 * up ("Hello {{name}}," reads "Hello,"). */
static void test_render_empty_values(void **state)
{
	(void)state;
	static const char *const no_name[] = { "name", "", "company", "Acme", NULL };
	static const struct render_case cases[] = {
		{ "Hello {{name}},", 0, "Hello," },
		{ "Hello {{name}}\nbye", 0, "Hello\nbye" },
		{ "Hello {{name}}", 0, "Hello" },
		{ "Hello \t{{missing}}!", 0, "Hello!" },
		{ "Здравствуйте, {{name}}!", 0, "Здравствуйте,!" },
		{ "{{name}}，您好", 0, "，您好" },
		{ "السيد {{name}}،", 0, "السيد،" },
		{ "Dear {{name}} and team", 0, "Dear  and team" },
		{ "Estimado/a {{name|cliente}}:", 0, "Estimado/a cliente:" },
		{ "Estimado/a {{ name | estimado cliente }}:", 0, "Estimado/a estimado cliente:" },
		{ "{{name|尊敬的客户}}，您好", 0, "尊敬的客户，您好" },
		{ "{{company|nobody}} {{name|}}.", 0, "Acme." },
		{ "{{name|a\nb}}", 0, "{{name|a\nb}}" },
		{ "{{name|a}b}}", 0, "{{name|a}b}}" },
		{ "{{name|x}", 0, "{{name|x}" },
		{ "Re: {{name|Kunde}}", 1, "Re: Kunde" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *out = template_render(cases[i].text, no_name, cases[i].for_header);
		if (strcmp(out, cases[i].expected) != 0)
			fail_msg("case %zu: '%s', expected '%s'", i, out, cases[i].expected);
		g_free(out);
	}

	/* With a value the fallback is not used. */
	char *out = template_render("Estimado/a {{name|cliente}}:", vars, 0);
	assert_string_equal(out, "Estimado/a Jörg Müller:");
	g_free(out);

	/* A fallback is part of the template: it parses, within bounds. */
	struct template *t = NULL;
	const char *error = NULL;
	assert_int_equal(template_parse("Subject: {{subject|Ihre Anfrage}}\n\nHallo {{name|zusammen}}\n",
	                                template_ack_names, &t, &error), 0);
	template_free(&t);
	GString *long_fallback = g_string_new("Subject: x\n\n{{name|");
	for (int i = 0; i <= TEMPLATE_FALLBACK_MAX; i++)
		g_string_append_c(long_fallback, 'x');
	g_string_append(long_fallback, "}}\n");
	assert_int_equal(template_parse(long_fallback->str, template_ack_names, &t, &error), -1);
	assert_string_equal(error, "'{{' does not start a placeholder such as {{name}}");
	g_string_free(long_fallback, TRUE);
	assert_int_equal(template_parse("Subject: x\n\n{{nmae|x}}\n", template_ack_names, &t, &error), -1);
	assert_string_equal(error, "unknown placeholder");
}

static void test_values_are_not_expanded(void **state)
{
	(void)state;
	static const char *const sneaky[] = { "name", "{{owner}}", "owner", "SECRET", NULL };
	char *out = template_render("{{name}} / {{owner}}", sneaky, 0);
	assert_string_equal(out, "{{owner}} / SECRET");
	g_free(out);
}

static void test_header_values_lose_line_breaks(void **state)
{
	(void)state;
	static const char *const attacks[] = {
		"x\r\nBcc: victim@example.com",
		"x\nBcc: victim@example.com",
		"x\rBcc: victim@example.com",
		"x\xc2\x85" "Bcc: nel@example.com",
		"x\xe2\x80\xa8" "Bcc: ls@example.com",
		"x\xe2\x80\xa9" "Bcc: ps@example.com",
		"x\x01\x1b\x7f" "Bcc: ctl@example.com",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(attacks); i++) {
		const char *v[] = { "subject", attacks[i], "name", attacks[i], NULL };
		char *out = template_render("Re: {{subject}} {{name}}", v, 1);
		assert_true(g_utf8_validate(out, -1, NULL));
		for (const char *p = out; *p != '\0'; p = g_utf8_next_char(p)) {
			gunichar c = g_utf8_get_char(p);
			assert_false(c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
			             c == 0x2028 || c == 0x2029);
		}
		assert_non_null(strstr(out, "Bcc:"));
		assert_true(g_str_has_prefix(out, "Re: x"));
		g_free(out);
	}

	/* In a body, values keep their line ends (as \n) and tabs; other
	 * control characters become spaces. */
	static const char *const body_vars[] = { "name", "a\r\nb\rc\nd\te\x01" "f", NULL };
	char *out = template_render("[{{name}}]", body_vars, 0);
	assert_string_equal(out, "[a\nb\nc\nd\te f]");
	g_free(out);
}

static void test_render_invalid_utf8(void **state)
{
	(void)state;
	static const char *const bad[] = { "name", "J\xf6rg", NULL };
	char *out = template_render("Hallo {{name}} \xff", bad, 1);
	assert_true(g_utf8_validate(out, -1, NULL));
	assert_true(g_str_has_prefix(out, "Hallo J"));
	assert_true(g_str_has_suffix(out, "rg \xef\xbf\xbd"));
	g_free(out);
}

static void test_render_is_bounded(void **state)
{
	(void)state;
	/* 100 placeholders of a 64 KiB value would be 6.4 MB. */
	GString *value = g_string_new(NULL);
	while (value->len < 64 * 1024)
		g_string_append(value, "ü€𝄞x");
	GString *text = g_string_new("Subject: s\n\n");
	for (int i = 0; i < 100; i++)
		g_string_append(text, "{{name}}\n");
	const char *v[] = { "name", value->str, NULL };

	for (int for_header = 0; for_header <= 1; for_header++) {
		char *out = template_render(text->str, v, for_header);
		assert_true(strlen(out) <= TEMPLATE_RENDER_MAX);
		assert_true(strlen(out) > TEMPLATE_RENDER_MAX - 4);
		assert_true(g_utf8_validate(out, -1, NULL));
		g_free(out);
	}
	g_string_free(text, TRUE);
	g_string_free(value, TRUE);
}

/* A template rendered with hostile values, then composed and parsed back:
 * one header block, the expected fields, no Bcc. */
static void test_rendered_template_cannot_inject_headers(void **state)
{
	(void)state;
	static const char *const attacks[] = {
		"x\r\nBcc: victim@example.com",
		"x\nBcc: victim@example.com\n\nforged body",
		"Offer\r\n\r\nContent-Type: text/html",
	};
	struct template *t = NULL;
	const char *error = NULL;
	assert_int_equal(template_parse("Subject: Re: {{subject}} ({{name}})\n\n"
	                                "Hello {{name}},\nabout {{subject}}.\n",
	                                template_ack_names, &t, &error), 0);

	for (size_t i = 0; i < G_N_ELEMENTS(attacks); i++) {
		const char *v[] = { "subject", attacks[i], "name", attacks[i], NULL };
		char *subject = template_render(t->subject, v, 1);
		char *body = template_render(t->body, v, 0);
		struct compose_input in = {
			.from = "Acme Pumps <sales@example.com>",
			.to_name = attacks[i],
			.to_addr = "buyer@buyer.de",
			.subject = subject,
			.body = body,
			.in_reply_to = "q1@buyer.de",
			.auto_submitted = "auto-replied",
			.date = 1700000000,
			.message_id = "followup.1@example.com",
		};
		char *raw = NULL;
		size_t len = 0;
		assert_int_equal(compose_message(&in, &raw, &len, &error), 0);

		/* One header block: every line before the first empty one is a
		 * field we wrote, or a folded continuation. */
		const char *end = strstr(raw, "\r\n\r\n");
		assert_non_null(end);
		char *block = g_strndup(raw, (size_t)(end - raw));
		gchar **lines = g_strsplit(block, "\r\n", -1);
		static const char *const names[] = { "Date:", "From:", "To:", "Subject:",
			"Message-Id:", "In-Reply-To:", "Auto-Submitted:", "MIME-Version:",
			"Content-Type:", "Content-Transfer-Encoding:" };
		size_t n_fields = 0;
		for (size_t l = 0; lines[l] != NULL; l++) {
			if (lines[l][0] == ' ' || lines[l][0] == '\t')
				continue;
			bool known = false;
			for (size_t k = 0; k < G_N_ELEMENTS(names); k++)
				known = known || g_str_has_prefix(lines[l], names[k]);
			if (!known)
				fail_msg("unexpected header line '%s'", lines[l]);
			n_fields++;
		}
		assert_int_equal(n_fields, G_N_ELEMENTS(names));
		g_strfreev(lines);
		g_free(block);

		struct parsed_message *msg = NULL;
		assert_int_equal(message_parse((const unsigned char *)raw, len, NULL, &msg), 0);
		assert_int_equal(msg->to.count, 1);
		assert_string_equal(msg->to.items[0].addr, "buyer@buyer.de");
		assert_int_equal(msg->cc.count, 0);
		assert_null(strpbrk(msg->subject, "\r\n"));
		assert_true(g_str_has_prefix(msg->subject, "Re: "));
		/* The body keeps the value's lines, inside the body. */
		assert_true(g_str_has_prefix(msg->body_text, "Hello "));
		assert_int_equal(msg->n_attachments, 0);
		message_free(&msg);
		g_free(raw);
		g_free(subject);
		g_free(body);
	}
	template_free(&t);
}

/* ---------------------------------------------------------- template sets */

static char *make_dir(void)
{
	GError *err = NULL;
	char *dir = g_dir_make_tmp("followup-templates-XXXXXX", &err);
	assert_non_null(dir);
	return dir;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char *path = g_build_filename(dir, name, NULL);
	assert_true(g_file_set_contents(path, text, -1, NULL));
	g_free(path);
}

/* A template whose subject is subject. */
static struct template *subject_template(const char *subject)
{
	struct template *t = NULL;
	const char *error = NULL;
	char *text = g_strdup_printf("Subject: %s\n\nbody\n", subject);

	assert_int_equal(template_parse(text, NULL, &t, &error), 0);
	g_free(text);
	return t;
}

/* The set and the choice without files: languages kept sorted, a code
 * that is not two lowercase letters or a second template of a language
 * refused (and freed: ASan and valgrind see it). */
static void test_set_pick(void **state)
{
	(void)state;
	struct template_set *set = template_set_new(subject_template("default"));
	const char *used = NULL;

	assert_null(template_set_languages(set)[0]);
	assert_int_equal(template_set_add(set, "pt", subject_template("pt")), 0);
	assert_int_equal(template_set_add(set, "de", subject_template("de")), 0);
	assert_int_equal(template_set_add(set, "zh", subject_template("zh")), 0);
	assert_int_equal(template_set_add(set, "de", subject_template("again")), -1);
	static const char *const bad_codes[] = { "DE", "d", "deu", "d1", "", NULL };
	for (size_t i = 0; i < G_N_ELEMENTS(bad_codes); i++)
		assert_int_equal(template_set_add(set, bad_codes[i], subject_template("bad")), -1);

	const char *const *languages = template_set_languages(set);
	assert_string_equal(languages[0], "de");
	assert_string_equal(languages[1], "pt");
	assert_string_equal(languages[2], "zh");
	assert_null(languages[3]);
	static const char *const portuguese[] = { "pt", "PT", "pt-BR", "pt_BR", "Pt" };
	for (size_t i = 0; i < G_N_ELEMENTS(portuguese); i++) {
		used = NULL;
		assert_string_equal(template_set_pick(set, portuguese[i], &used)->subject, "pt");
		assert_string_equal(used, "pt");
	}
	assert_string_equal(template_set_pick(set, "de", &used)->subject, "de");
	static const char *const others[] = { "fr", "ptBR", "pt.BR", "p", "", NULL };
	for (size_t i = 0; i < G_N_ELEMENTS(others); i++) {
		used = NULL;
		assert_string_equal(template_set_pick(set, others[i], &used)->subject, "default");
		assert_string_equal(used, "");
	}
	template_set_free(&set);
	assert_null(set);
}

static void test_set_load_and_pick(void **state)
{
	(void)state;
	char *dir = make_dir();
	write_file(dir, "ack.txt", "Subject: Received: {{subject}}\n\nHello {{name}}\n");
	write_file(dir, "ack.de.txt", "Subject: Eingangsbestätigung: {{subject}}\n\nGuten Tag {{name}}\n");
	write_file(dir, "ack.zh.txt", "Subject: 已收到：{{subject}}\n\n{{name}}，您好\n");
	/* Not language files of "ack": ignored, even when broken. */
	write_file(dir, "ack.txt~", "broken");
	write_file(dir, "ack.DE.txt", "broken");
	write_file(dir, "ack.deu.txt", "broken");
	write_file(dir, "ack.de.txt.bak", "broken");
	write_file(dir, "ack.d1.txt", "broken");
	write_file(dir, "alert.txt", "broken");
	write_file(dir, "back.fr.txt", "broken");
	char *sub = g_build_filename(dir, "ack.xx.d", NULL);
	assert_int_equal(g_mkdir(sub, 0700), 0);
	g_free(sub);

	char *base = g_build_filename(dir, "ack", NULL);
	struct template_set *set = NULL;
	char *error = NULL;
	if (template_set_load(base, &set, &error) != 0)
		fail_msg("%s", error);
	assert_non_null(set);

	const char *const *languages = template_set_languages(set);
	assert_string_equal(languages[0], "de");
	assert_string_equal(languages[1], "zh");
	assert_null(languages[2]);

	const char *used = NULL;
	const struct template *t = template_set_pick(set, "de", &used);
	assert_string_equal(t->subject, "Eingangsbestätigung: {{subject}}");
	assert_string_equal(used, "de");
	t = template_set_pick(set, "zh", &used);
	assert_string_equal(t->body, "{{name}}，您好\n");
	assert_string_equal(used, "zh");
	static const char *const german[] = { "DE", "de-AT", "de_CH" };
	for (size_t i = 0; i < G_N_ELEMENTS(german); i++) {
		t = template_set_pick(set, german[i], &used);
		assert_string_equal(used, "de");
	}
	static const char *const fallback[] = { "fr", "", "d", "deu", "d1", "-de", "z\xff" };
	for (size_t i = 0; i < G_N_ELEMENTS(fallback); i++) {
		used = "x";
		t = template_set_pick(set, fallback[i], &used);
		assert_string_equal(t->subject, "Received: {{subject}}");
		assert_string_equal(used, "");
	}
	t = template_set_pick(set, NULL, NULL);
	assert_string_equal(t->subject, "Received: {{subject}}");
	assert_null(template_set_pick(NULL, "de", &used));
	assert_null(template_set_languages(NULL)[0]);

	/* The base may be written with its .txt. */
	struct template_set *again = NULL;
	char *with_txt = g_strconcat(base, ".txt", NULL);
	assert_int_equal(template_set_load(with_txt, &again, &error), 0);
	assert_non_null(template_set_languages(again)[1]);
	template_set_free(&again);
	g_free(with_txt);

	template_set_free(&set);
	assert_null(set);
	template_set_free(&set);
	g_free(base);
	test_tmp_tree_remove(dir);
	g_free(dir);
}

static void assert_load_fails(const char *base, const char *const *known, const char *expected)
{
	struct template_set *set = (struct template_set *)&set;
	char *error = NULL;

	assert_int_equal(template_set_load_names(base, known, &set, &error), -1);
	assert_null(set);
	assert_non_null(error);
	if (strstr(error, expected) == NULL)
		fail_msg("'%s' does not contain '%s'", error, expected);
	g_free(error);
}

static void test_set_load_errors(void **state)
{
	(void)state;
	char *dir = make_dir();
	char *base = g_build_filename(dir, "ack", NULL);
	char *path = g_build_filename(dir, "ack.txt", NULL);
	char *de_path = g_build_filename(dir, "ack.de.txt", NULL);
	char *expected;

	/* ack.txt is required. */
	write_file(dir, "ack.de.txt", "Subject: x\n\ny\n");
	expected = g_strdup_printf("%s: cannot open: ", path);
	assert_load_fails(base, template_ack_names, expected);
	g_free(expected);

	/* Errors name the file and the line. */
	write_file(dir, "ack.txt", "Subject: x\n\nHello {{nmae}}\n");
	expected = g_strdup_printf("%s: line 3: unknown placeholder {{nmae}}", path);
	assert_load_fails(base, template_ack_names, expected);
	g_free(expected);

	write_file(dir, "ack.txt", "Subject: x\n\nHello {{name}}\n");
	write_file(dir, "ack.de.txt", "Betreff: x\n\ny\n");
	expected = g_strdup_printf("%s: line 1: the first line must be 'Subject: …'", de_path);
	assert_load_fails(base, template_ack_names, expected);
	g_free(expected);

	write_file(dir, "ack.de.txt", "Subject: x\n\n\xe4\n");
	expected = g_strdup_printf("%s: not valid UTF-8", de_path);
	assert_load_fails(base, template_ack_names, expected);
	g_free(expected);

	/* UTF-16 (NUL bytes). */
	static const char utf16[] = "S\0u\0b\0";
	assert_true(g_file_set_contents(de_path, utf16, sizeof(utf16) - 1, NULL));
	expected = g_strdup_printf("%s: contains a NUL byte", de_path);
	assert_load_fails(base, template_ack_names, expected);
	g_free(expected);

	/* Too large. */
	GString *big = g_string_new("Subject: x\n\n");
	while (big->len <= TEMPLATE_MAX_BYTES + 10)
		g_string_append(big, "lorem ipsum dolor sit amet\n");
	write_file(dir, "ack.de.txt", big->str);
	g_string_free(big, TRUE);
	expected = g_strdup_printf("%s: longer than 64 KiB", de_path);
	assert_load_fails(base, template_ack_names, expected);
	g_free(expected);

	/* A directory where a language file should be. */
	g_unlink(de_path);
	assert_int_equal(g_mkdir(de_path, 0700), 0);
	expected = g_strdup_printf("%s: not a regular file", de_path);
	assert_load_fails(base, template_ack_names, expected);
	g_free(expected);
	g_rmdir(de_path);

	/* Alert names are not ack names. */
	write_file(dir, "ack.txt", "Subject: {{rule}}\n\n{{late}}\n");
	assert_load_fails(base, template_ack_names, "unknown placeholder {{rule}}");
	struct template_set *set = NULL;
	char *error = NULL;
	assert_int_equal(template_set_load_names(base, template_alert_names, &set, &error), 0);
	template_set_free(&set);
	assert_int_equal(template_set_load_names(base, NULL, &set, &error), 0);
	template_set_free(&set);

	assert_load_fails(NULL, template_ack_names, "no template path");
	assert_load_fails("", template_ack_names, "no template path");
	char *nowhere = g_build_filename(dir, "missing", "ack", NULL);
	assert_load_fails(nowhere, template_ack_names, "missing/ack.txt: cannot open");
	g_free(nowhere);

	g_free(de_path);
	g_free(path);
	g_free(base);
	test_tmp_tree_remove(dir);
	g_free(dir);
}

/* The templates shipped in config/templates/ load and render. */
static void test_shipped_templates(void **state)
{
	(void)state;
	const char *data = g_getenv("FOLLOWUP_TEST_DATA");
	char *dir = data != NULL ? g_build_filename(data, "..", "..", "config", "templates", NULL)
	                         : g_strdup("config/templates");
	char *ack = g_build_filename(dir, "ack", NULL);
	struct template_set *set = NULL;
	char *error = NULL;

	if (template_set_load(ack, &set, &error) != 0)
		fail_msg("%s", error);
	static const char *const expected[] = { "ar", "de", "es", "fr", "it", "pl", "pt", "ru", "zh", NULL };
	const char *const *languages = template_set_languages(set);
	for (size_t i = 0; expected[i] != NULL; i++)
		assert_string_equal(languages[i], expected[i]);
	assert_null(languages[G_N_ELEMENTS(expected) - 1]);

	for (size_t i = 0; i < G_N_ELEMENTS(expected); i++) {
		const char *used = NULL;
		const struct template *t = template_set_pick(set, expected[i], &used);
		char *subject = template_render(t->subject, vars, 1);
		char *body = template_render(t->body, vars, 0);
		/* Every placeholder was filled in. */
		assert_null(strstr(subject, "{{"));
		assert_null(strstr(body, "{{"));
		assert_non_null(strstr(subject, "Kreiselpumpen für Hamburg"));
		assert_non_null(strstr(body, "Jörg Müller"));
		assert_non_null(strstr(body, "王小明"));
		assert_non_null(strstr(body, "Acme Pumps GmbH"));
		g_free(subject);
		g_free(body);
	}
	template_set_free(&set);

	/* The alert mails are built in (data/template_*.txt). */
	const char *alerts[] = { builtin_template_alert, builtin_template_warning,
	                         builtin_template_escalation, builtin_template_digest };
	for (size_t i = 0; i < G_N_ELEMENTS(alerts); i++) {
		struct template *t = NULL;
		const char *perror = NULL;
		if (template_parse(alerts[i], template_alert_names, &t, &perror) != 0)
			fail_msg("built-in alert template %zu: %s", i, perror);
		template_free(&t);
	}
	g_free(ack);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_render_empty_values),
		cmocka_unit_test(test_values_are_not_expanded),
		cmocka_unit_test(test_header_values_lose_line_breaks),
		cmocka_unit_test(test_render_invalid_utf8),
		cmocka_unit_test(test_render_is_bounded),
		cmocka_unit_test(test_rendered_template_cannot_inject_headers),
		cmocka_unit_test(test_set_pick),
		cmocka_unit_test(test_set_load_and_pick),
		cmocka_unit_test(test_set_load_errors),
		cmocka_unit_test(test_shipped_templates),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
