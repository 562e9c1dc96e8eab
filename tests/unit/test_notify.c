/* followupd and systemd: the notification protocol (daemon/notify.c)
 * against a real AF_UNIX datagram socket, the status line
 * (daemon/status.c), and where the log goes (daemon/log.c: the
 * $JOURNAL_STREAM test, the journal's native datagrams, the lines on
 * stderr with and without the journal's <N> prefix). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <cmocka.h>
#include <glib.h>

#include "daemon/log.h"
#include "daemon/notify.h"
#include "daemon/status.h"

static void test_address(void **state)
{
	struct sockaddr_un a;
	socklen_t len;
	char longpath[200];

	(void)state;
	assert_int_equal(notify_address_parse("/run/systemd/notify", &a, &len), 0);
	assert_string_equal(a.sun_path, "/run/systemd/notify");
	assert_int_equal(len, offsetof(struct sockaddr_un, sun_path) + 20);
	/* abstract: a leading NUL, no trailing one */
	assert_int_equal(notify_address_parse("@followup/7", &a, &len), 0);
	assert_int_equal(a.sun_path[0], '\0');
	assert_memory_equal(a.sun_path + 1, "followup/7", 10);
	assert_int_equal(len, offsetof(struct sockaddr_un, sun_path) + 11);
	assert_int_equal(notify_address_parse("relative/sock", &a, &len), -1);
	assert_int_equal(notify_address_parse("", &a, &len), -1);
	assert_int_equal(notify_address_parse("@", &a, &len), -1);
	assert_int_equal(notify_address_parse(NULL, &a, &len), -1);
	memset(longpath, 'x', sizeof(longpath) - 1);
	longpath[0] = '/';
	longpath[sizeof(longpath) - 1] = '\0';
	assert_int_equal(notify_address_parse(longpath, &a, &len), -1);
	/* exactly as long as sun_path allows, with its NUL */
	longpath[sizeof(a.sun_path) - 1] = '\0';
	assert_int_equal(notify_address_parse(longpath, &a, &len), 0);
}

static void test_watchdog_usec(void **state)
{
	(void)state;
	assert_int_equal(notify_watchdog_usec("30000000", NULL, 42), 30000000);
	assert_int_equal(notify_watchdog_usec("30000000", "42", 42), 30000000);
	assert_int_equal(notify_watchdog_usec("30000000", "43", 42), 0);   /* another's */
	assert_int_equal(notify_watchdog_usec(NULL, "42", 42), 0);
	assert_int_equal(notify_watchdog_usec("0", NULL, 42), 0);
	assert_int_equal(notify_watchdog_usec("-5", NULL, 42), 0);
	assert_int_equal(notify_watchdog_usec("30s", NULL, 42), 0);
	assert_int_equal(notify_watchdog_usec("", NULL, 42), 0);
	assert_int_equal(notify_watchdog_usec("99999999999999999999999", NULL, 42), 0);
	assert_int_equal(notify_watchdog_usec("1000", "x", 42), 0);
}

/* A listener bound at `name` (a path, or "@name"): its fd. */
static int listen_at(const char *name)
{
	struct sockaddr_un a;
	socklen_t len;
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	assert_true(fd >= 0);
	assert_int_equal(notify_address_parse(name, &a, &len), 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, len), 0);
	return fd;
}

/* The next datagram, as a string (the test waits: it was sent before). */
static void receive(int fd, char *buf, size_t size)
{
	ssize_t n = recv(fd, buf, size - 1, MSG_DONTWAIT);

	assert_true(n >= 0);
	buf[n] = '\0';
}

static void test_notify_path_and_abstract(void **state)
{
	char dir[] = "/tmp/test_notify.XXXXXX", path[64], buf[512], abstract[64];
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/notify", dir);

	/* unset: nothing is sent, nothing fails */
	unsetenv("NOTIFY_SOCKET");
	assert_int_equal(notify_init(), 0);
	assert_false(notify_enabled());
	assert_int_equal(notify_send("READY=1"), 0);

	fd = listen_at(path);
	setenv("NOTIFY_SOCKET", path, 1);
	assert_int_equal(notify_init(), 0);
	assert_true(notify_enabled());
	notify_ready();
	receive(fd, buf, sizeof(buf));
	assert_string_equal(buf, "READY=1");
	notify_reloading();
	receive(fd, buf, sizeof(buf));
	assert_true(g_str_has_prefix(buf, "RELOADING=1\nMONOTONIC_USEC="));
	assert_true(strtoull(buf + strlen("RELOADING=1\nMONOTONIC_USEC="), NULL, 10) > 0);
	notify_stopping();
	receive(fd, buf, sizeof(buf));
	assert_string_equal(buf, "STOPPING=1");
	/* a line break from the server would start another KEY=: made one line */
	notify_status("syncing %s", "sales/Inbox\nREADY=1\x1b[2J");
	receive(fd, buf, sizeof(buf));
	assert_string_equal(buf, "STATUS=syncing sales/Inbox READY=1^[[2J");
	close(fd);
	unlink(path);
	/* the listener gone: a failure, not a crash */
	assert_int_equal(notify_send("WATCHDOG=1"), -1);

	snprintf(abstract, sizeof(abstract), "@test_notify/%ld", (long)getpid());
	fd = listen_at(abstract);
	setenv("NOTIFY_SOCKET", abstract, 1);
	assert_int_equal(notify_init(), 0);
	notify_send("WATCHDOG=1");
	receive(fd, buf, sizeof(buf));
	assert_string_equal(buf, "WATCHDOG=1");
	close(fd);

	setenv("NOTIFY_SOCKET", "not/absolute", 1);
	assert_int_equal(notify_init(), -1);
	assert_false(notify_enabled());
	unsetenv("NOTIFY_SOCKET");
	notify_deinit();
	rmdir(dir);
}

static void test_count_format(void **state)
{
	char buf[32], tiny[4];

	(void)state;
	status_count_format(0, buf, sizeof(buf));
	assert_string_equal(buf, "0");
	status_count_format(999, buf, sizeof(buf));
	assert_string_equal(buf, "999");
	status_count_format(1000, buf, sizeof(buf));
	assert_string_equal(buf, "1,000");
	status_count_format(18000, buf, sizeof(buf));
	assert_string_equal(buf, "18,000");
	status_count_format(4200, buf, sizeof(buf));
	assert_string_equal(buf, "4,200");
	status_count_format(1234567, buf, sizeof(buf));
	assert_string_equal(buf, "1,234,567");
	status_count_format(UINT64_MAX, buf, sizeof(buf));
	assert_string_equal(buf, "18,446,744,073,709,551,615");
	status_count_format(123456, tiny, sizeof(tiny));
	assert_string_equal(tiny, "123");   /* cut, never past the buffer */
}

static void test_status_line(void **state)
{
	GTimeZone *tz = g_time_zone_new_identifier("Asia/Shanghai");
	GString *out = g_string_new(NULL);
	struct status_account a[2] = {
		{ .name = "sales", .syncing = true, .folder = "INBOX", .done = 4200, .total = 18000 },
		{ .name = "support", .syncing = false, .next_poll = 1796608800 + 61 },
	};

	(void)state;
	status_line(a, 2, 0, tz, out);
	assert_string_equal(out->str, "syncing sales/INBOX 4,200 of 18,000");
	status_line(a, 2, 2, tz, out);
	assert_string_equal(out->str, "syncing sales/INBOX 4,200 of 18,000; outbox: 2 waiting");
	a[1].syncing = true;   /* connecting: no folder yet */
	status_line(a, 2, 0, tz, out);
	assert_string_equal(out->str, "syncing sales/INBOX 4,200 of 18,000, support");
	a[1].folder = "Sent";  /* listed nothing yet */
	status_line(a, 2, 0, tz, out);
	assert_string_equal(out->str, "syncing sales/INBOX 4,200 of 18,000, support/Sent");
	/* idle: the soonest poll, in the company's zone (02:01Z is 10:01 CST) */
	a[0].syncing = a[1].syncing = false;
	a[0].next_poll = 1796608800 + 3600;
	status_line(a, 2, 0, tz, out);
	assert_string_equal(out->str, "idle; next poll 10:01");
	status_line(a, 2, 1, tz, out);
	assert_string_equal(out->str, "idle; next poll 10:01; outbox: 1 waiting");
	status_line(a, 2, 3001, tz, out);
	assert_string_equal(out->str, "idle; next poll 10:01; outbox: 3,001 waiting");
	status_line(NULL, 0, 0, tz, out);
	assert_string_equal(out->str, "idle");
	g_string_free(out, TRUE);
	g_time_zone_unref(tz);
}

static void test_journal_stream(void **state)
{
	(void)state;
	assert_true(log_journal_stream_is("8:12345", 8, 12345));
	assert_false(log_journal_stream_is("8:12346", 8, 12345));
	assert_false(log_journal_stream_is("9:12345", 8, 12345));
	assert_false(log_journal_stream_is("8:12345x", 8, 12345));
	assert_false(log_journal_stream_is("8:", 8, 0));
	assert_false(log_journal_stream_is(":12345", 0, 12345));
	assert_false(log_journal_stream_is(" 8:12345", 8, 12345));
	assert_false(log_journal_stream_is("8:-1", 8, (ino_t)-1));
	assert_false(log_journal_stream_is("", 0, 0));
	assert_false(log_journal_stream_is(NULL, 0, 0));
}

/* What log_* wrote on stderr while `fn` ran. */
static char *stderr_of(void (*fn)(void))
{
	char path[] = "/tmp/test_notify_err.XXXXXX";
	int fd = mkstemp(path), saved = dup(STDERR_FILENO);
	char *text = NULL;

	assert_true(fd >= 0 && saved >= 0);
	dup2(fd, STDERR_FILENO);
	fn();
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(fd);
	assert_true(g_file_get_contents(path, &text, NULL, NULL));
	unlink(path);
	return text;
}

static void log_some(void)
{
	log_info("account sales: 3 fetched");
	log_warning("account sales: cannot open folder \"Nope\"");
	log_debug("not shown at level info");
}

static void log_with_fields(void)
{
	log_fields_msg(LOG_LEVEL_NOTICE, &(struct log_fields){ .account = "sales", .uid = 7 },
	               "account sales: INBOX: UID 7: try 1");
}

static void test_log_outside_journal(void **state)
{
	(void)state;
	unsetenv("JOURNAL_STREAM");
	log_init();
	assert_false(log_to_journal());
	char *text = stderr_of(log_some);
	assert_string_equal(text, "account sales: 3 fetched\n"
	                          "warning: account sales: cannot open folder \"Nope\"\n");
	g_free(text);
}

static void test_log_journal_native(void **state)
{
	char dir[] = "/tmp/test_journal.XXXXXX", path[64], buf[2048];
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/socket", dir);
	fd = listen_at(path);
	log_use_journal_socket(path);
	assert_true(log_to_journal());
	struct log_fields f = { .account = "sales", .folder = "INBOX", .uid = 4200,
	                        .message_id = "a\nMESSAGE=forged\x1b]52;c;x\x07@b" };
	log_fields_msg(LOG_LEVEL_WARNING, &f, "account %s: UID %u: %s", "sales", 4200,
	               "subject\nPRIORITY=0");
	receive(fd, buf, sizeof(buf));
	assert_string_equal(buf, "PRIORITY=4\nSYSLOG_IDENTIFIER=followupd\n"
	                         "MESSAGE=account sales: UID 4200: subject PRIORITY=0\n"
	                         "FOLLOWUP_ACCOUNT=sales\nFOLLOWUP_FOLDER=INBOX\n"
	                         "FOLLOWUP_UID=4200\n"
	                         "FOLLOWUP_MESSAGE_ID=a MESSAGE=forged^[]52;c;x^G@b\n");
	log_fields_msg(LOG_LEVEL_INFO, &(struct log_fields){ .rule = "ack-en" }, "rule");
	receive(fd, buf, sizeof(buf));
	assert_string_equal(buf, "PRIORITY=6\nSYSLOG_IDENTIFIER=followupd\nMESSAGE=rule\n"
	                         "FOLLOWUP_RULE=ack-en\n");
	/* Without fields: the stream, as before. */
	char *plain = stderr_of(log_some);
	assert_string_equal(plain, "<6>account sales: 3 fetched\n"
	                           "<4>account sales: cannot open folder \"Nope\"\n");
	g_free(plain);
	assert_true(recv(fd, buf, sizeof(buf), MSG_DONTWAIT) < 0);
	close(fd);
	unlink(path);
	rmdir(dir);

	/* No journald socket: the line with fields on stderr, with the
	 * prefix it parses. */
	log_use_journal_socket("/nonexistent/journal/socket");
	char *text = stderr_of(log_with_fields);
	assert_string_equal(text, "<5>account sales: INBOX: UID 7: try 1\n");
	g_free(text);
	unsetenv("JOURNAL_STREAM");
	log_init();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_watchdog_usec),
		cmocka_unit_test(test_notify_path_and_abstract),
		cmocka_unit_test(test_count_format),
		cmocka_unit_test(test_status_line),
		cmocka_unit_test(test_journal_stream),
		cmocka_unit_test(test_log_outside_journal),
		cmocka_unit_test(test_log_journal_native),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
