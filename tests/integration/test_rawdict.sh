#!/bin/sh
# The raw mail's compression dictionary (store/raw.c, issue 12) through a
# real Dovecot: followupd trains one once 1,000 messages are stored and
# compresses the later ones with it; reparse and export-personal read
# every row; forgetting a sender whose mail it was trained from retires it
# (its rows compressed again with a new one) and every row still reads.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-11T11:00:00+08:00
start_dovecot || { not_ok "dovecot starts"; exit 1; }
bulk_inquiries "$T/bulk" 1100 dict
check "1,100 inquiries are in Dovecot" imaptool load "$T/bulk/manifest.json"
CONF=$T/followup.conf
write_config "$CONF"
FU="$BIN/followup -c $CONF --now $NOW"
DB=$T/followup.db
check "followupd --once files them" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW 2> '$T/d1.log'"
# q SQL: the one value of a query on the store.
q() { "$PY" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$DB" "$1"; }
check "every message is stored" test "$(q 'SELECT count(*) FROM raw_messages')" = 1100
check "one dictionary was trained" test "$(q 'SELECT count(*) FROM raw_dicts')" = 1
check "…and most rows use it" test "$(q 'SELECT count(*) FROM raw_messages WHERE dict_id = 1')" -ge 1000
check "reparse reads every row" run reparse 0 reparse
check "export-personal reads a compressed message" run exp 0 export-personal buyer1050@customer10.com
check "…its text is there" grep -q "Please quote 1051 pumps" "$T/exp.out"
# It was trained when the 1,001st came, from the 1,000 before: buyer500's
# inquiry was among them.
check "forget buyer500@customer20.com" run forget 0 forget buyer500@customer20.com
check "the dictionary trained from his mail is gone" test "$(q 'SELECT count(*) FROM raw_dicts WHERE id = 1')" = 0
check "…no row uses it" test "$(q 'SELECT count(*) FROM raw_messages WHERE dict_id = 1')" = 0
check "…a new one, trained from the rest, took its place" test "$(q 'SELECT count(*) FROM raw_messages WHERE dict_id = 2')" -ge 1000
check "reparse still reads every row" run reparse2 0 reparse
check "export-personal of another sender still reads" run exp2 0 export-personal buyer1060@customer20.com
check "…its text is there" grep -q "Please quote 1061 pumps" "$T/exp2.out"
