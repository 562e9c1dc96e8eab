#ifndef FOLLOWUP_DAEMON_CONTROL_H
#define FOLLOWUP_DAEMON_CONTROL_H
/*
 * control: followupd's control socket, through which the team changes the
 * sheet (the way doveadm and smtpctl talk to their daemons). A Unix
 * SOCK_SEQPACKET socket at [store] control-socket; the caller is known by
 * SO_PEERCRED, its login looked up in [person] unix-user.
 *
 * A request is one packet: "v1" and the arguments of a `followup` change
 * command (core_change_of_command), each NUL-terminated, with the
 * caller's stdout and stderr as SCM_RIGHTS. followupd runs
 * `followup --actor EMAIL ARGS` (the followup beside followupd, as
 * followupd's user, which may write the store) with those two as its
 * output, and answers one packet "exit N". The permission checks are the
 * child's (core/roles.c), on the identity followupd gave it.
 */
#include <uv.h>

#include "config/config.h"

struct control;

/* Listens at cfg->control_socket (a stale socket there is replaced).
 * config_path: what the children are given with -c. NULL when the socket
 * cannot be made (logged: changes then fail, reads work). */
struct control *control_new(uv_loop_t *loop, const struct config *cfg, const char *config_path);
/* Stops listening and removes the socket; running children finish on
 * their own and their callers are answered. */
void control_free(struct control **c);

#endif
