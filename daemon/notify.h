#ifndef FOLLOWUP_DAEMON_NOTIFY_H
#define FOLLOWUP_DAEMON_NOTIFY_H
/*
 * notify: the service manager's notification protocol (sd_notify(3)),
 * spoken by followupd itself: one datagram of "KEY=value" lines on an
 * AF_UNIX SOCK_DGRAM socket to $NOTIFY_SOCKET (a path, or "@name" in the
 * abstract namespace). Without $NOTIFY_SOCKET every call does nothing, so
 * the daemon runs the same by hand, under a test, or under systemd.
 *
 * Type=notify (systemd/followupd.service.in): READY=1 once the daemon
 * works; RELOADING=1 (with MONOTONIC_USEC=) at SIGHUP and READY=1 again
 * once the reload is done; STOPPING=1 at SIGTERM; STATUS= lines for
 * `systemctl status` (daemon/status.c writes them); WATCHDOG=1 from a
 * timer on the loop at half of $WATCHDOG_USEC, so a loop that is stuck
 * stops the pings and systemd restarts the daemon.
 *
 * Not thread-safe: called from the loop thread only (and main() before it).
 * $NOTIFY_SOCKET stays in the environment: the reload executes followupd
 * again, and the new image tells READY=1 on the same socket.
 */
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <uv.h>

/* Pure: $NOTIFY_SOCKET's value as a socket address ('@' is the abstract
 * namespace's leading NUL). 0, or -1 when it is empty, relative or too
 * long. */
int notify_address_parse(const char *value, struct sockaddr_un *addr_r, socklen_t *len_r);
/* Pure: the watchdog interval in microseconds asked of process `self` by
 * $WATCHDOG_USEC and $WATCHDOG_PID (either may be NULL) as
 * sd_watchdog_enabled(3) reads them: 0 when none is asked, when the
 * value is not a positive number, or when WATCHDOG_PID names another
 * process. */
uint64_t notify_watchdog_usec(const char *usec, const char *pid, pid_t self);

/* Reads $NOTIFY_SOCKET and opens the socket. Call once, before the other
 * calls; 0 (also when it is unset), or -1 when it is set and unusable
 * (logged; the daemon runs on without telling). */
int notify_init(void);
/* Closes the socket (the other calls do nothing after it). */
void notify_deinit(void);
/* Whether a service manager listens ($NOTIFY_SOCKET set and usable). */
bool notify_enabled(void);

/* Sends `state` ("KEY=value" lines) as one datagram: 0, or -1 (not
 * logged: a manager that stopped listening is no reason to stop). */
int notify_send(const char *state);
void notify_ready(void);
void notify_reloading(void);    /* RELOADING=1 and MONOTONIC_USEC=now */
void notify_stopping(void);
/* WATCHDOG=1, when $WATCHDOG_USEC asks it of this process. */
void notify_watchdog(void);
/* STATUS=: the text is made one safe line (lib/safe_text.c). */
void notify_status(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* WATCHDOG=1 every half of the interval $WATCHDOG_USEC asks of this
 * process, from a timer on `loop`; NULL when no watchdog is asked. The
 * timer does not keep the loop alive. notify_watchdog_free() closes it
 * (the memory goes in the close callback) and sets *w NULL. */
struct notify_watchdog;
struct notify_watchdog *notify_watchdog_start(uv_loop_t *loop);
void notify_watchdog_free(struct notify_watchdog **w);

#endif
