#ifndef FOLLOWUP_CONFIG_CONFIG_H
#define FOLLOWUP_CONFIG_CONFIG_H
/*
 * config: loading and validating followup.conf (INI, read with inih).
 *
 * Every error names the file, the line and the key:
 *   "/etc/followup/followup.conf:12: [account sales] poll: '6x' is not a duration (use 30s, 5m, 1h)"
 * Unknown sections and keys are errors; [rule NAME] sections are kept
 * verbatim (key, value, line) for the rules engine.
 *
 * Everything in a struct config is owned by it and freed by config_free().
 * Strings are GLib-allocated. Relative paths (store path, password-file,
 * holidays, the [classify] files) are resolved against the config file's
 * directory, so they are absolute whenever the file's path could be made so.
 * docs/CONFIG.md is the reference of every section and key.
 *
 * Implementation: config.c (reading the file), settings.c (the sections and
 * their keys; config/load.h joins the two), values.c (value checks),
 * and lib/ (durations, working hours, addresses, reading files).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/ini_section.h"
#include "lib/work_hours.h"

/* Default location; FOLLOWUP_CONFIG in the environment overrides it, -c FILE
 * overrides both. */
#define CONFIG_DEFAULT_PATH FOLLOWUP_SYSCONFDIR "/followup/followup.conf"

/* How followupd logs in to a server: auth = password | xoauth2 | oauthbearer. */
enum config_auth {
	CONFIG_AUTH_PASSWORD = 0,   /* LOGIN / AUTH PLAIN with a password (the default) */
	CONFIG_AUTH_XOAUTH2,        /* SASL XOAUTH2 with an OAuth2 access token */
	CONFIG_AUTH_OAUTHBEARER,    /* SASL OAUTHBEARER (RFC 7628) with one */
};

/* OAuth2 of an account or of [smtp] (docs/CONFIG.md, "OAuth2"). The
 * endpoints and the scope come from oauth-provider's preset unless the
 * keys name them; each endpoint is https://, or http:// to this machine. */
struct config_oauth {
	enum config_auth auth;
	char *provider;           /* "gmail", "microsoft", or NULL */
	char *client_id;          /* required with an OAuth2 auth */
	char *client_secret_file; /* absolute, or NULL: a public client */
	char *client_secret;      /* its first line; CONFIG_LOAD_SECRETS only */
	char *token_endpoint;     /* where the refresh token buys access tokens */
	char *device_endpoint;    /* device authorization (RFC 8628), or NULL */
	char *scope;              /* what the device flow asks for, or NULL */
	char *token_file;         /* the refresh token, absolute; required with OAuth2 */
	char *refresh_token;      /* its first line; CONFIG_LOAD_SECRETS only, and not
	                           * with CONFIG_LOAD_OAUTH_SETUP */
	bool external;            /* no client ID and no endpoint: token_file holds an
	                           * access token another program keeps fresh,
	                           * read again at each login */
	int line;                 /* of auth =, for messages */
	int token_file_line;      /* of oauth-token-file = */
	int token_endpoint_line;  /* of oauth-token-endpoint =, 0: the preset's */
	int device_endpoint_line; /* of oauth-device-endpoint =, 0: the preset's */
};

/* "password", "xoauth2", "oauthbearer". */
const char *config_auth_name(enum config_auth auth);

struct config_account {
	char *name;           /* from [account NAME] */
	char *url;            /* imap://host[:port] or imaps://host[:port], scheme lowercased */
	bool tls;             /* false only with "tls = no" (plain imap://) */
	bool plaintext_allowed; /* plaintext = allow: tls = no may reach another machine */
	bool plaintext_remote;/* tls = no to a host that is not this machine (allowed
	                       * by plaintext = allow): followupd warns at start */
	char *user;
	char *password;       /* from password =, password-file or password-credential;
	                       * NULL unless loaded with CONFIG_LOAD_SECRETS */
	char *password_file;  /* password-file, absolute; NULL when not given */
	char *password_credential; /* password-credential: a name in $CREDENTIALS_DIRECTORY */
	char **folders;       /* NULL-terminated; default {"INBOX", NULL} */
	char **sent_folders;  /* NULL-terminated, never NULL, may be empty; each one is
	                       * also in folders (added there when not listed) */
	unsigned poll_seconds;/* default 60 */
	bool idle;            /* idle = yes (default): IMAP IDLE on INBOX between polls */
	unsigned timeout_seconds; /* connecting, and each command's deadline beyond the
	                           * time its bytes take at 16 KiB/s; default 120 */
	char *ca_file;        /* CA certificates (PEM) to trust instead of the system's, or NULL */
	struct config_oauth oauth; /* auth = password (and nothing else) by default */
	int line;             /* line of the section header, for messages */
	int url_line;         /* line of url =, for messages */
};

struct config_smtp {
	bool present;
	char *url;            /* smtp:// or smtps://, scheme lowercased */
	bool tls;
	bool plaintext_allowed; /* as for accounts */
	bool plaintext_remote;
	char *user;           /* optional */
	char *password;       /* as for accounts; NULL without a user */
	char *password_file;
	char *password_credential;
	char *from;           /* "Name <addr>" as written */
	char *ca_file;        /* as for accounts */
	char *envelope_from;  /* of acknowledgements: "" for the null sender <> (default) */
	unsigned timeout_seconds; /* connecting and each reply; the whole transaction
	                           * at most 5 times this; default 60 */
	struct config_oauth oauth; /* as for accounts; OAuth2 needs a user */
	int line;
	int url_line;
};

/* A file a key names and the line that names it, for messages about the
 * file's content ("followup.conf:9: [company] holidays: …"). */
struct config_file_ref {
	char *path;           /* absolute when it could be made so; NULL: not given */
	int line;
};

struct config;

/* What a person may change of the sheet (core/roles.c says exactly). */
enum config_role {
	CONFIG_ROLE_SALES = 0,   /* their own customers and unowned ones (the default) */
	CONFIG_ROLE_MANAGER,     /* also their team's: the people whose manager they are */
	CONFIG_ROLE_FINANCE,     /* orders and payments of every customer */
	CONFIG_ROLE_ADMIN,       /* everything */
};

/* Once a week at a local time ("weekly Mon 08:30"). */
struct config_weekly {
	char *text;           /* as written, or NULL: never */
	int weekday;          /* 1 Monday … 7 Sunday (ISO 8601) */
	int minute;           /* of the day, 0 … 1439 */
};

struct config_person {
	char *email;          /* from [person EMAIL], lowercased */
	char *name;
	char *manager;        /* email, lowercased, or NULL */
	char **countries;     /* NULL-terminated ISO 3166-1 alpha-2, uppercased; never
	                       * NULL, empty when not given */
	char *timezone;       /* NULL: the company's */
	struct config_file_ref holidays; /* a holiday file; path NULL: the company's */
	char *digest;         /* "HH:MM" or NULL */
	char *unix_user;      /* the login that is this person on the server, or NULL */
	char *language;       /* ISO 639-1 of the mails followupd writes them, or NULL:
	                       * English */
	enum config_role role;
	struct config_weekly report; /* report = weekly Mon 08:30; text NULL: none */
	int line;
};

/* "sales", "manager", "finance", "admin". */
const char *config_role_name(enum config_role role);
/* The person whose unix-user is name, or NULL. */
const struct config_person *config_person_of_unix_user(const struct config *cfg,
                                                       const char *name);

/* A platform whose notification mails bring buyers' inquiries
 * ([source NAME]): each buyer is a customer of their own, never the
 * platform's domain. */
enum config_buyer_where {
	CONFIG_BUYER_REPLY_TO = 0,  /* buyer = reply-to (the default) */
	CONFIG_BUYER_BODY,          /* buyer = body: the first outside address in the text */
};

struct config_source {
	char *name;           /* from [source NAME] */
	char **senders;       /* NULL-terminated address patterns, lowercased, '*' any
	                       * run of characters ("*@notice.alibaba.com") */
	enum config_buyer_where buyer;
	bool acknowledge;     /* acknowledge the buyer; default no */
	int line;
};

struct config_company {
	char *name;
	char **domains;       /* NULL-terminated, lowercased; at least one */
	char *timezone;       /* IANA name, checked against the tz database; default "UTC" */
	char *work_hours;     /* as written, e.g. "Mon-Fri 09:00-18:00" */
	struct work_span *work_spans;
	size_t n_work_spans;
	char *alerts_to;      /* fallback owner (email, lowercased), or NULL */
	struct config_file_ref holidays; /* a holiday file; path NULL: none */
};

/* [classify]: data lists and parser settings, all optional. */
struct config_classify {
	char *freemail_file;      /* replaces the built-in free-mail list; checked
	                           * to be a readable file at load time */
	char *quote_markers_file; /* replaces the built-in quotation markers; ditto */
	char **charset_fallbacks; /* NULL-terminated; NULL: parser default */
	unsigned thread_window_seconds; /* subject threading window; default 30 days */
};

/* [limits]: what hostile or huge mail may cost, all optional. A message
 * over a limit is still filed (header only, or cut), and the hit logged. */
#define CONFIG_SIZE_MAX (UINT64_C(1) << 30) /* the largest size of [limits]: 1G */
struct config_limits {
	uint64_t max_message_size;  /* larger messages: header only; default 64M */
	unsigned max_mime_depth;    /* nesting of multiparts; default 64 */
	unsigned max_parts;         /* MIME parts visited; default 10000 */
	uint64_t max_header_bytes;  /* one header field; default 256K */
	uint64_t max_body_text;     /* decoded text kept; default 4M */
};

/* [grading]: how `followup grade` and followupd grade customers, all
 * optional (docs/CONFIG.md). Points of a criterion grow in a straight
 * line from 0 to its *_points at its *_full value and stay there. */
#define CONFIG_GRADES_MAX 10
#define CONFIG_POINTS_MAX 1000
struct config_grading {
	char **grades;            /* NULL-terminated, best first, 2 to CONFIG_GRADES_MAX;
	                           * the last is the dormant grade; default S A B C E */
	size_t n_grades;
	unsigned *thresholds;     /* n_grades - 1 points, descending: the least total of
	                           * each grade but the last; default 70 50 30 0 */
	size_t n_thresholds;
	unsigned window_seconds;  /* orders and our mails counted over this; default 365d */
	unsigned dormant_seconds; /* no mail from them for this long: the last grade; 180d */
	char *currency;           /* order value counts orders in it; default USD */
	unsigned value_points, value_full;      /* 30, 100000 (in currency) */
	unsigned orders_points, orders_full;    /* 20, 5 orders */
	unsigned recency_points, recency_full_seconds; /* 20 when they wrote within 30d,
	                                                * falling to 0 at dormant-after */
	unsigned answers_points;  /* 15 times the share of our mails they answered */
	unsigned tenure_points, tenure_full_seconds;   /* 15 at 730d since the first mail */
};

struct config {
	char *path;               /* the file this was loaded from */
	char *store_path;         /* [store] path; default /var/lib/followup/followup.db */
	char *control_socket;     /* [store] control-socket: where followupd takes the
	                           * team's changes; default /run/followup/control */
	struct config_company company;
	struct config_account *accounts;
	size_t n_accounts;
	struct config_smtp smtp;
	struct config_person *persons;
	size_t n_persons;
	struct config_source *sources;
	size_t n_sources;
	struct ini_section *rules;  /* [rule NAME] as written, for the rules engine */
	size_t n_rules;
	struct ini_section stages;  /* [stages] as written (n_items 0 when absent): the
	                             * team's names of the built-in stages, checked by
	                             * core/stages.c, which knows the stages */
	struct config_classify classify;
	struct config_limits limits;
	struct config_grading grading;
};

/* What config_load_opts() reads besides the file itself. */
enum config_load_flags {
	/* Everything but the passwords: a password-file or a credential is
	 * never opened (its path or name is kept), an inline password is not
	 * kept, and the password fields stay NULL. What the followup CLI
	 * loads: it runs as team members who must not read the secrets. */
	CONFIG_LOAD_NO_SECRETS = 0,
	/* The passwords too, for followupd: read from password-file or from
	 * $CREDENTIALS_DIRECTORY/NAME (password-credential), and refused when
	 * the file holding a password can be read by its group or others. */
	CONFIG_LOAD_SECRETS = 1 << 0,
	/* With CONFIG_LOAD_SECRETS: an oauth-token-file is not read (nor need
	 * it exist), for `followupd --oauth-device`, which writes it. */
	CONFIG_LOAD_OAUTH_SETUP = 1 << 1,
};

/* Loads and validates path. 0 on success; on error -1 with *cfg_r NULL and
 * *error_r a new string "FILE:LINE: [SECTION] KEY: what is wrong (what to
 * do)" (or "FILE: ..." when no line applies), which the caller g_free()s.
 * The first error stops loading. A NULL path is an error too. No error
 * message ever holds a password. */
int config_load_opts(const char *path, enum config_load_flags flags, struct config **cfg_r,
                     char **error_r);
/* config_load_opts() with CONFIG_LOAD_NO_SECRETS. */
int config_load(const char *path, struct config **cfg_r, char **error_r);
void config_free(struct config **cfg);

/* The config path to use: explicit (from -c) if not NULL, else
 * $FOLLOWUP_CONFIG, else CONFIG_DEFAULT_PATH. Static or borrowed string. */
const char *config_default_path(const char *explicit_path);

/* Helpers shared with the rules engine, exposed for it and for tests. */
/* An RFC 3339 date and time ("2026-11-24T09:00:00Z", "…+08:00") as Unix
 * seconds, for --now. 0 or -1. */
int config_parse_rfc3339(const char *text, int64_t *t_r);

/* The first line of a file holding a secret (what: "password", "refresh
 * token", "client secret"), checked as password-file is: a regular file,
 * not readable by its group or others, at most 4 KiB on its first line,
 * no NUL. 0 with *secret_r (the caller wipes and g_free()s it), or -1 with
 * *error_r (g_free) saying what is wrong and what to do; hint says what
 * to do when it cannot be opened. The daemon reads a rotated refresh
 * token's file again with it. */
int config_secret_read(const char *path, const char *what, const char *hint, char **secret_r,
                       char **error_r);

#endif
