/*
 * control: who runs `followup`, and the changes of the sheet sent to
 * followupd's control socket (daemon/control.h says the protocol).
 *
 * Reading needs no daemon: every group member reads the store. A change
 * by anyone but root goes to followupd, which runs it as its own child
 * with the caller's identity (--actor); root changes the store itself,
 * also when followupd is not running.
 */
#include <errno.h>
#include <pwd.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <glib.h>

#include "cli/cli.h"
#include "lib/file.h"

#define REQUEST_MAX (64 * 1024)

/* --actor comes from followupd: believed only from root or the store's
 * owner (followupd's user), who may write the store anyway. */
static bool actor_trusted(const struct cli_ctx *ctx)
{
	struct stat sb;
	uid_t uid = getuid();

	if (uid == 0)
		return true;
	return uid == geteuid() && stat(ctx->cfg->store_path, &sb) == 0 && sb.st_uid == uid;
}

int cli_actor_init(struct cli_ctx *ctx, const char *actor)
{
	if (actor == NULL) {
		if (getuid() == 0) {
			ctx->actor = (struct core_actor){ .name = "root", .root = true };
		} else {
			struct passwd *pw = getpwuid(getuid());
			const struct config_person *p =
				config_person_of_unix_user(ctx->cfg, pw != NULL ? pw->pw_name : NULL);
			ctx->actor = (struct core_actor){ .name = p != NULL ? p->email : NULL,
			                                  .person = p };
		}
		return 0;
	}
	if (!actor_trusted(ctx)) {
		cli_error("--actor is given by followupd to the commands it runs, not by people");
		return -1;
	}
	if (strcmp(actor, "root") == 0) {
		ctx->actor = (struct core_actor){ .name = "root", .root = true };
		ctx->actor_given = true;
		return 0;
	}
	for (size_t i = 0; i < ctx->cfg->n_persons; i++) {
		if (g_ascii_strcasecmp(ctx->cfg->persons[i].email, actor) == 0) {
			ctx->actor = (struct core_actor){ .name = ctx->cfg->persons[i].email,
			                                  .person = &ctx->cfg->persons[i] };
			ctx->actor_given = true;
			return 0;
		}
	}
	cli_error("--actor '%s' is no [person] of %s", actor, ctx->cfg->path);
	return -1;
}

bool cli_changes_go_to_daemon(const struct cli_ctx *ctx)
{
	return getuid() != 0 && !ctx->actor_given;
}

/* The request: "v1", then --json, --now TIME, and the command's words
 * and arguments, each NUL-terminated. */
static GByteArray *request_of(const struct cli_ctx *ctx, int argc, char **argv,
                              const char *now)
{
	GByteArray *req = g_byte_array_new();
	const char *head[4] = { "v1", NULL, NULL, NULL };
	size_t n_head = 1;

	if (ctx->json)
		head[n_head++] = "--json";
	if (now != NULL) {
		head[n_head++] = "--now";
		head[n_head++] = now;
	}
	for (size_t i = 0; i < n_head; i++)
		g_byte_array_append(req, (const guint8 *)head[i], (guint)strlen(head[i]) + 1);
	for (int i = 0; i < argc; i++)
		g_byte_array_append(req, (const guint8 *)argv[i], (guint)strlen(argv[i]) + 1);
	return req;
}

static int connect_to(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	g_strlcpy(addr.sun_path, path, sizeof(addr.sun_path));
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		int saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

/* import's FILE among the words and arguments (the second operand after
 * "import"), or NULL. */
static const char *import_file(int argc, char **argv)
{
	int operands = 0;

	if (argc < 1 || strcmp(argv[0], "import") != 0)
		return NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--map") == 0) {
			i++;
			continue;
		}
		if (strncmp(argv[i], "--", 2) == 0)
			continue;
		if (++operands == 2)
			return argv[i];
	}
	return NULL;
}

static int send_request(int fd, GByteArray *req, int file_fd)
{
	int fds[3] = { STDOUT_FILENO, STDERR_FILENO, file_fd };
	size_t n_fds = file_fd >= 0 ? 3 : 2;
	char cbuf[CMSG_SPACE(sizeof(fds))];
	size_t fds_len = n_fds * sizeof(int);
	struct iovec iov = { .iov_base = req->data, .iov_len = req->len };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
	                      .msg_controllen = CMSG_SPACE(fds_len) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);

	memset(cbuf, 0, sizeof(cbuf));
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(fds_len);
	memcpy(CMSG_DATA(cm), fds, fds_len);
	return sendmsg(fd, &msg, MSG_NOSIGNAL) == (ssize_t)req->len ? 0 : -1;
}

/* The child's status from "exit N"; -1 when the answer is no answer. A
 * reason after it (a refusal by followupd) is told on our stderr. */
static int read_answer(int fd)
{
	char buf[4096];
	ssize_t got;

	do
		got = recv(fd, buf, sizeof(buf) - 1, 0);
	while (got < 0 && errno == EINTR);
	if (got <= 0)
		return -1;
	buf[got] = '\0';
	guint64 status = 0;
	if (strncmp(buf, "exit ", 5) != 0 ||
	    !g_ascii_string_to_unsigned(buf + 5, 10, 0, 255, &status, NULL))
		return -1;
	size_t head = strlen(buf) + 1;
	if ((ssize_t)head < got && buf[head] != '\0')
		cli_error("%s", buf + head);
	return (int)status;
}

int cli_control_forward(struct cli_ctx *ctx, int argc, char **argv, const char *now)
{
	const char *path = ctx->cfg->control_socket;
	GByteArray *req = request_of(ctx, argc, argv, now);
	const char *file = import_file(argc, argv);
	int fd = -1, file_fd = -1, ret;

	if (req->len > REQUEST_MAX) {
		cli_error("the command is too long to send to followupd (at most %d bytes)",
		          REQUEST_MAX);
		ret = CLI_USAGE;
		goto out;
	}
	/* followupd's child may not read where the caller keeps the file:
	 * it gets the caller's open file instead */
	if (file != NULL && (file_fd = file_open_regular(file, NULL)) < 0) {
		cli_error("%s: %s", file, file_error_text(file_fd));
		ret = file_fd == -ENOENT ? CLI_NOT_FOUND : CLI_USAGE;
		goto out;
	}
	/* what the child writes must not come before what we wrote */
	fflush(stdout);
	fflush(stderr);
	if ((fd = connect_to(path)) < 0) {
		cli_error("changes of the sheet go through followupd, and it does not answer at "
		          "%s (%s): start it (systemctl start followupd), or ask an administrator",
		          path, g_strerror(errno));
		ret = CLI_STORE_ERROR;
		goto out;
	}
	if (send_request(fd, req, file_fd) < 0) {
		cli_error("cannot send the change to followupd at %s: %s", path, g_strerror(errno));
		ret = CLI_STORE_ERROR;
		goto out;
	}
	ret = read_answer(fd);
	if (ret < 0) {
		cli_error("followupd at %s did not say how the change ended (is it stopping?)",
		          path);
		ret = CLI_STORE_ERROR;
	}
out:
	if (fd >= 0)
		close(fd);
	if (file_fd >= 0)
		close(file_fd);
	g_byte_array_free(req, TRUE);
	return ret;
}

int cli_may_change(struct cli_ctx *ctx, enum core_change_kind kind, int64_t customer_id)
{
	char *error = NULL, *key = NULL, *owner = NULL;
	const char *why = NULL;
	int ret = CLI_OK;

	if (customer_id > 0 && kind != CORE_CHANGE_IMPORT && kind != CORE_CHANGE_FORGET &&
	    store_customer_owner(ctx->st, customer_id, &key, &owner, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_STORE_ERROR;
	}
	if (core_may_change(ctx->cfg, &ctx->actor, kind, owner, &why) < 0) {
		cli_error("you (%s) may not change %s: %s", ctx->actor.name != NULL
		          ? ctx->actor.name : "no [person]", key != NULL ? key : "this", why);
		ret = CLI_REFUSED;
	}
	g_free(key);
	g_free(owner);
	return ret;
}
