#ifndef FOLLOWUP_DAEMON_OAUTH_DEVICE_H
#define FOLLOWUP_DAEMON_OAUTH_DEVICE_H
/*
 * oauth_device: `followupd --oauth-device NAME`, the first refresh token of
 * an account (NAME) or of [smtp] (NAME "--smtp") by the OAuth2 device
 * authorization grant (RFC 8628): ask the device endpoint for a code, tell
 * the administrator where to enter it, poll the token endpoint at the
 * interval the provider asks for until they have signed in, and write the
 * refresh token to the oauth-token-file (mode 0600, replacing it whole).
 *
 * It runs in followupd because only followupd speaks HTTP (libcurl) and
 * reads the client secret; `followup oauth NAME` starts it. The device
 * code and the tokens are never printed or logged; the user code and the
 * verification address are what the administrator needs, and are printed.
 */
#include <stdio.h>

struct config;

/* The exit status: 0 the token file is written; 1 the provider refused or
 * could not be reached; 78 the configuration does not allow it. What to do
 * goes to out, what went wrong (and what to add) to stderr. cfg is loaded with CONFIG_LOAD_SECRETS |
 * CONFIG_LOAD_OAUTH_SETUP; curl_global_init() has been called. */
int oauth_device_main(const struct config *cfg, const char *name, FILE *out);

#endif
