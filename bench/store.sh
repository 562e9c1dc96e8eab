#!/bin/sh
# `sh bench/store.sh OUT.json [N]` (after `make`): the CLI's latency on a
# store of N generated messages (default 1000000), written straight into
# SQLite: bench/store_bench.c says the store's shape and what is timed.
# The rows go to OUT.json (one object a job), a table to stdout.
# BENCH_STORE=FILE keeps the store there (and reuses it when it exists:
# only the timings run again); otherwise it is made in a temporary
# directory and removed.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:?usage: sh bench/store.sh OUT.json [N]}
N=${2:-1000000}
B=$TOP/build/release
[ -x "$TOP/bin/followup" ] || { echo "bench/store.sh: run make first"; exit 1; }
PKGS="glib-2.0 gmime-3.0 sqlite3 inih libpsl jansson libxml-2.0 libzstd libexttextcat libical"
cc -std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Wformat=2 -Werror -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes -I"$TOP" $(pkg-config --cflags $PKGS) \
	-o "$B/store_bench" "$TOP/bench/store_bench.c" "$B/libcore.a" "$B/libcompose.a" \
	"$B/libconfig.a" "$B/libstore.a" "$B/librules.a" "$B/libclassify.a" "$B/libparsers.a" \
	"$B/liblib.a" "$B/libdata.a" $(pkg-config --libs $PKGS) -lm || exit 1

dir=$(mktemp -d "${TMPDIR:-/tmp}/followup-store-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
DB=${BENCH_STORE:-$dir/bench.db}
KEEP=
[ -n "${BENCH_STORE:-}" ] && [ -f "$BENCH_STORE" ] && KEEP=-k
# Five [person]s own the customers; the contract's rules (rules_lib.sh):
# an acknowledgement, a first response in 24 business hours, a quote
# follow-up in 3 days.
cat > "$dir/followup.conf" <<CONF
[store]
path = $DB
[company]
name = Acme Pumps
domains = example.com
timezone = Asia/Shanghai
work-hours = Mon-Fri 09:00-18:00
alerts-to = sales@example.com
[account sales]
url = imap://127.0.0.1:143
tls = no
user = sales@example.com
password-file = $dir/sales.pass   ; never read: the CLI reads no secrets
[smtp]
url = smtp://127.0.0.1:2525
tls = no
from = Acme Pumps Sales <sales@example.com>
[person li.wei@example.com]
name = Li Wei
manager = zhang@example.com
countries = DE, AE, PL
[person zhang@example.com]
name = Zhang Wei
countries = CN
[person anna@example.com]
name = Anna Nowak
countries = PL
[person omar@example.com]
name = Omar Haddad
countries = AE, TR
[person maria@example.com]
name = Maria Gomez
countries = CO, BR
[rule ack-inquiry]
on = inquiry
action = acknowledge
template = $TOP/config/templates/ack
max-age = 24h
[rule first-response]
on = inquiry
until = our-reply
within = 24h business
notify = owner
escalate = manager after 24h business
[rule quote-follow-up]
on = quote
until = customer-reply
within = 3d
notify = owner
CONF
[ -n "${BENCH_STORE:-}" ] && cp "$dir/followup.conf" "$BENCH_STORE.conf"
${BENCH_WRAP:-} "$B/store_bench" -n "$N" $KEEP -c "$dir/followup.conf" -b "$TOP/bin/followup" -o "$OUT" "$DB"
