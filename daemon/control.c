/*
 * control: the control socket (see control.h). Every request is handled
 * on the loop: its packet read when it comes (a caller that sends nothing
 * is dropped after a few seconds), the child spawned with libuv, the
 * answer sent when the child exits.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <glib.h>

#include "daemon/control.h"
#include "daemon/log.h"
#include "core/roles.h"

#define REQUEST_MAX (64 * 1024)
#define REQUEST_ARGS_MAX 512
#define REQUEST_TIMEOUT_MS 5000
#define CHILDREN_MAX 4

struct control {
	uv_loop_t *loop;
	const struct config *cfg;
	char *config_path;
	char *socket_path;
	char *cli_path;           /* the followup beside followupd */
	int fd;
	uv_poll_t listen;
	unsigned requests;        /* open requests (each holds handles) */
	unsigned children;
	bool closing;
};

struct request {
	struct control *c;
	int fd;
	int out_fd, err_fd;       /* the caller's stdout and stderr, or -1 */
	uv_poll_t poll;
	uv_timer_t timer;
	uv_process_t process;
	bool spawned;
	unsigned open_handles;
};

static void control_maybe_free(struct control *c)
{
	if (!c->closing || c->requests > 0)
		return;
	g_free(c->config_path);
	g_free(c->socket_path);
	g_free(c->cli_path);
	g_free(c);
}

/* ---- a request's end ---- */

static void request_handle_closed(uv_handle_t *h)
{
	struct request *r = h->data;

	if (--r->open_handles > 0)
		return;
	struct control *c = r->c;
	g_free(r);
	c->requests--;
	control_maybe_free(c);
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Answers "exit N" (best effort: a caller gone is no error) and ends. */
static void request_finish(struct request *r, int status)
{
	char answer[32];
	int len = snprintf(answer, sizeof(answer), "exit %d", status);

	if (r->fd >= 0 && send(r->fd, answer, (size_t)len + 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0)
		log_debug("control: the caller left before its answer: %s", strerror(errno));
	close_fd(&r->fd);
	close_fd(&r->out_fd);
	close_fd(&r->err_fd);
	if (!uv_is_closing((uv_handle_t *)&r->poll))
		uv_close((uv_handle_t *)&r->poll, request_handle_closed);
	if (!uv_is_closing((uv_handle_t *)&r->timer))
		uv_close((uv_handle_t *)&r->timer, request_handle_closed);
	if (r->spawned && !uv_is_closing((uv_handle_t *)&r->process))
		uv_close((uv_handle_t *)&r->process, request_handle_closed);
}

/* A refusal, told on the caller's own stderr. */
static void request_refuse(struct request *r, int status, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);

static void request_refuse(struct request *r, int status, const char *fmt, ...)
{
	va_list args;

	if (r->err_fd >= 0) {
		va_start(args, fmt);
		char *msg = g_strdup_vprintf(fmt, args);
		va_end(args);
		char *line = g_strdup_printf("followup: %s\n", msg);
		if (write(r->err_fd, line, strlen(line)) < 0)
			log_debug("control: cannot tell the caller: %s", strerror(errno));
		g_free(line);
		g_free(msg);
	}
	request_finish(r, status);
}

/* ---- the child ---- */

static void on_child_exit(uv_process_t *p, int64_t status, int signal)
{
	struct request *r = p->data;

	r->c->children--;
	request_finish(r, signal != 0 ? 128 + signal : (int)status);
}

/* The login of uid, into buf; NULL when it has none. */
static const char *login_of(uid_t uid, char *buf, size_t size)
{
	struct passwd pw, *found = NULL;
	char scratch[4096];

	if (getpwuid_r(uid, &pw, scratch, sizeof(scratch), &found) != 0 || found == NULL)
		return NULL;
	g_strlcpy(buf, pw.pw_name, size);
	return buf;
}

/* args (n of them) hold a change command after --json and --now TIME,
 * and nothing that would change what the child reads (-c, --actor);
 * *command_r: where its words are, *words_r how many. */
static bool request_args_ok(char **args, int n, int *command_r, int *words_r,
                            const char **why_r)
{
	int i = 0;

	while (i < n && (strcmp(args[i], "--json") == 0 || strcmp(args[i], "--now") == 0)) {
		i += strcmp(args[i], "--now") == 0 ? 2 : 1;
	}
	if (i >= n || core_change_of_command(n - i, args + i, words_r) == CORE_CHANGE_NONE) {
		*why_r = "followupd runs only the commands that change the sheet";
		return false;
	}
	*command_r = i;
	for (; i < n; i++) {
		if (strcmp(args[i], "-c") == 0 || strncmp(args[i], "--config", 8) == 0 ||
		    strncmp(args[i], "--actor", 7) == 0) {
			*why_r = "-c and --actor are followupd's to give";
			return false;
		}
	}
	return true;
}

static void request_spawn(struct request *r, const char *actor, char **args, int n)
{
	struct control *c = r->c;
	GPtrArray *argv = g_ptr_array_new();
	const char *tz = g_getenv("TZ");
	char *tz_env = tz != NULL ? g_strdup_printf("TZ=%s", tz) : NULL;
	char *env[] = { (char *)"PATH=/usr/sbin:/usr/bin:/sbin:/bin", (char *)"LANG=C.UTF-8",
	                tz_env, NULL };
	uv_stdio_container_t stdio[3] = {
		{ .flags = UV_IGNORE },
		{ .flags = UV_INHERIT_FD, .data.fd = r->out_fd },
		{ .flags = UV_INHERIT_FD, .data.fd = r->err_fd },
	};

	g_ptr_array_add(argv, c->cli_path);
	g_ptr_array_add(argv, (char *)"-c");
	g_ptr_array_add(argv, c->config_path);
	g_ptr_array_add(argv, (char *)"--actor");
	g_ptr_array_add(argv, (char *)actor);
	for (int i = 0; i < n; i++)
		g_ptr_array_add(argv, args[i]);
	g_ptr_array_add(argv, NULL);
	uv_process_options_t opts = {
		.exit_cb = on_child_exit,
		.file = c->cli_path,
		.args = (char **)argv->pdata,
		.env = env,
		.stdio_count = 3,
		.stdio = stdio,
	};
	r->process.data = r;
	int rc = uv_spawn(c->loop, &r->process, &opts);
	g_ptr_array_free(argv, TRUE);
	g_free(tz_env);
	if (rc < 0) {
		/* libuv wants a failed process handle closed too */
		r->spawned = true;
		r->open_handles++;
		log_error("control: cannot run %s: %s", c->cli_path, uv_strerror(rc));
		request_refuse(r, 3, "followupd cannot run %s: %s", c->cli_path, uv_strerror(rc));
		return;
	}
	r->spawned = true;
	r->open_handles++;
	c->children++;
	/* the child has them now */
	close_fd(&r->out_fd);
	close_fd(&r->err_fd);
}

/* ---- reading the request ---- */

/* The caller's two descriptors from the packet's SCM_RIGHTS. */
static void take_fds(struct request *r, struct msghdr *msg)
{
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(msg); cm != NULL; cm = CMSG_NXTHDR(msg, cm)) {
		if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
			continue;
		size_t n = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		int fds[8];
		memcpy(fds, CMSG_DATA(cm), MIN(n, G_N_ELEMENTS(fds)) * sizeof(int));
		for (size_t i = 0; i < MIN(n, G_N_ELEMENTS(fds)); i++) {
			if (i == 0 && r->out_fd < 0)
				r->out_fd = fds[i];
			else if (i == 1 && r->err_fd < 0)
				r->err_fd = fds[i];
			else
				close(fds[i]);
		}
	}
}

/* The NUL-terminated strings of buf (len bytes, ending in NUL). */
static char **split_args(char *buf, size_t len, int *n_r)
{
	GPtrArray *out = g_ptr_array_new();

	for (size_t i = 0; i < len && out->len <= REQUEST_ARGS_MAX; i += strlen(buf + i) + 1)
		g_ptr_array_add(out, buf + i);
	*n_r = (int)out->len;
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

static void request_read(struct request *r)
{
	static char buf[REQUEST_MAX];
	char cbuf[CMSG_SPACE(8 * sizeof(int))];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
	                      .msg_controllen = sizeof(cbuf) };
	struct ucred cred;
	socklen_t cred_len = sizeof(cred);
	char login[256];

	ssize_t got = recvmsg(r->fd, &msg, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
	if (got < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	uv_poll_stop(&r->poll);
	uv_timer_stop(&r->timer);
	if (got > 0)
		take_fds(r, &msg);
	if (got <= 0 || (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) || buf[got - 1] != '\0' ||
	    r->out_fd < 0 || r->err_fd < 0) {
		request_refuse(r, 2, "a control request must be one packet of NUL-terminated "
		               "arguments with two descriptors");
		return;
	}
	if (getsockopt(r->fd, SOL_SOCKET, SO_PEERCRED, &cred, &cred_len) < 0) {
		request_refuse(r, 3, "followupd cannot tell who is asking: %s", strerror(errno));
		return;
	}
	int n = 0, command = 0, words = 0;
	char **args = split_args(buf, (size_t)got, &n);
	const char *why = NULL, *actor = NULL;
	const char *name = login_of(cred.uid, login, sizeof(login));
	const struct config_person *p = config_person_of_unix_user(r->c->cfg, name);
	if (n < 1 || strcmp(args[0], "v1") != 0 || n > REQUEST_ARGS_MAX) {
		request_refuse(r, 2, "this followup speaks another control protocol than followupd");
	} else if (!request_args_ok(args + 1, n - 1, &command, &words, &why)) {
		request_refuse(r, 2, "%s", why);
	} else if (cred.uid != 0 && p == NULL) {
		log_notice("control: refused uid %u (%s): no [person] has that unix-user",
		           (unsigned)cred.uid, name != NULL ? name : "no login");
		request_refuse(r, 4, "you (login %s) are no [person] with unix-user = %s in %s: "
		               "you may read the sheet, not change it",
		               name != NULL ? name : "?", name != NULL ? name : "?",
		               r->c->config_path);
	} else if (r->c->children >= CHILDREN_MAX) {
		request_refuse(r, 75, "followupd is busy with other changes: try again");
	} else {
		actor = cred.uid == 0 ? "root" : p->email;
		/* the command's words only: they are from followup's own list */
		const char *const *cmd = (const char *const *)args + 1 + command;
		log_info("control: %s (uid %u) runs %s%s%s", actor, (unsigned)cred.uid, cmd[0],
		         words > 1 ? " " : "", words > 1 ? cmd[1] : "");
		request_spawn(r, actor, args + 1, n - 1);
	}
	g_free(args);
}

static void on_request_readable(uv_poll_t *h, int status, int events)
{
	(void)events;
	struct request *r = h->data;

	if (status < 0) {
		uv_poll_stop(&r->poll);
		request_finish(r, 2);
		return;
	}
	request_read(r);
}

static void on_request_timeout(uv_timer_t *t)
{
	struct request *r = t->data;

	uv_poll_stop(&r->poll);
	request_finish(r, 2);
}

static void request_start(struct control *c, int fd)
{
	struct request *r = g_new0(struct request, 1);

	r->c = c;
	r->fd = fd;
	r->out_fd = r->err_fd = -1;
	c->requests++;
	uv_poll_init(c->loop, &r->poll, fd);
	uv_timer_init(c->loop, &r->timer);
	r->poll.data = r->timer.data = r;
	r->open_handles = 2;
	uv_poll_start(&r->poll, UV_READABLE, on_request_readable);
	uv_timer_start(&r->timer, on_request_timeout, REQUEST_TIMEOUT_MS, 0);
}

static void on_listen_readable(uv_poll_t *h, int status, int events)
{
	(void)events;
	struct control *c = h->data;

	if (status < 0)
		return;
	for (;;) {
		int fd = accept4(c->fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (fd < 0) {
			if (errno != EAGAIN && errno != EINTR && errno != ECONNABORTED)
				log_warning("control: accept: %s", strerror(errno));
			return;
		}
		request_start(c, fd);
	}
}

/* ---- the socket ---- */

/* The followup beside followupd (bin/ of a build), or in ../bin of an
 * sbin (an installation). New string, or NULL. */
static char *find_cli(void)
{
	char self[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (len <= 0)
		return NULL;
	self[len] = '\0';
	char *dir = g_path_get_dirname(self);
	char *candidates[] = {
		g_build_filename(dir, "followup", NULL),
		g_build_filename(dir, "..", "bin", "followup", NULL),
	};
	char *found = NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(candidates); i++) {
		if (found == NULL && access(candidates[i], X_OK) == 0)
			found = g_strdup(candidates[i]);
		g_free(candidates[i]);
	}
	g_free(dir);
	return found;
}

static int listen_at(const char *path, char **error_r)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	struct stat sb;
	int fd;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		*error_r = g_strdup("the path is too long for a socket");
		return -1;
	}
	g_strlcpy(addr.sun_path, path, sizeof(addr.sun_path));
	/* A socket left by a followupd that stopped (or the one before a
	 * reload): replaced. Anything else there is not ours to remove. */
	if (lstat(path, &sb) == 0) {
		if (!S_ISSOCK(sb.st_mode)) {
			*error_r = g_strdup("something that is not a socket is there");
			return -1;
		}
		unlink(path);
	}
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
	    chmod(path, 0666) < 0 || listen(fd, 16) < 0) {
		*error_r = g_strdup(strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

struct control *control_new(uv_loop_t *loop, const struct config *cfg, const char *config_path)
{
	char *error = NULL;
	char *cli = find_cli();

	if (cli == NULL) {
		log_error("control: no followup program beside followupd: changes of the sheet "
		          "cannot be made through %s", cfg->control_socket);
		return NULL;
	}
	int fd = listen_at(cfg->control_socket, &error);
	if (fd < 0) {
		log_error("control: cannot listen at %s: %s (changes of the sheet fail until "
		          "it can)", cfg->control_socket, error);
		g_free(error);
		g_free(cli);
		return NULL;
	}
	struct control *c = g_new0(struct control, 1);
	c->loop = loop;
	c->cfg = cfg;
	c->config_path = g_canonicalize_filename(config_path, NULL);
	c->socket_path = g_strdup(cfg->control_socket);
	c->cli_path = cli;
	c->fd = fd;
	uv_poll_init(loop, &c->listen, fd);
	c->listen.data = c;
	uv_poll_start(&c->listen, UV_READABLE, on_listen_readable);
	log_info("control: changes of the sheet taken at %s", c->socket_path);
	return c;
}

static void on_listen_closed(uv_handle_t *h)
{
	struct control *c = h->data;

	close(c->fd);
	c->requests--;
	control_maybe_free(c);
}

void control_free(struct control **cp)
{
	struct control *c = *cp;

	if (c == NULL)
		return;
	*cp = NULL;
	unlink(c->socket_path);
	c->closing = true;
	c->requests++;     /* the listening handle, until it is closed */
	uv_close((uv_handle_t *)&c->listen, on_listen_closed);
}
