#ifndef FOLLOWUP_DAEMON_CURL_TRACE_H
#define FOLLOWUP_DAEMON_CURL_TRACE_H
/*
 * curl_trace: libcurl's protocol trace in followupd's log, at debug level,
 * with the credentials replaced by "<redacted>" (redact.h).
 *
 * With --log-level debug, every line libcurl sends or receives on the
 * command channel (CURLINFO_HEADER_OUT / _IN) and its own notes
 * (CURLINFO_TEXT) become one log line each:
 *
 *   <7>account sales: imap > A002 AUTHENTICATE PLAIN <redacted>
 *   <7>account sales: imap < A002 OK Logged in
 *
 * Message bodies (CURLINFO_DATA_*) and TLS records are never logged. At
 * other levels nothing is set on the handle and curl_trace_new() returns
 * NULL.
 */
#include <curl/curl.h>

#include "daemon/redact.h"

struct curl_trace;

/* Routes easy's trace to the log when the log level is debug; label and
 * protocol name its lines ("account sales", REDACT_IMAP). The trace must
 * outlive the easy handle (curl_easy_cleanup() may still report), so free
 * it after that. NULL when not tracing. */
struct curl_trace *curl_trace_new(CURL *easy, const char *label, enum redact_protocol protocol);
/* Drops an unfinished line unlogged. NULL is fine. */
void curl_trace_free(struct curl_trace **trace);

#endif
