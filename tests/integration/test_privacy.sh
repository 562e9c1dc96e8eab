#!/bin/sh
# Privacy (issue 10, item 7) on the corpus through a real Dovecot:
# export-personal shows what is held about a person; forget erases it
# (messages, raw mail, contact, notes naming them, outbox rows), leaves a
# record without personal data, scrubs the store file, and keeps their
# new mail out unless told; a customer is forgotten whole, its orders only
# when asked.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-11T11:00:00+08:00
corpus_setup
DB=$T/followup.db
check "followupd --once files the mail" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW 2> '$T/d1.log'"
HANS=hans.mueller@kunde.de

check "a note names Hans" run note 0 note add kunde.de "Called $HANS about the samples" --kind call
check "export-personal $HANS" run exp 0 export-personal "$HANS"
check "…his contact, his messages (from and to him), the note naming him" jcheck "$T/exp.out" '(
j[0]["address"] == "hans.mueller@kunde.de" and j[0]["contact"]["name"] == "Hans Mueller"
and {m["message_id"] for m in j[0]["messages"]} >= {"inq-1@kunde.de", "quote-1@example.com", "reply-1@kunde.de"}
and any("wir bestellen 200" in m["text"] for m in j[0]["messages"])
and [n["kind"] for n in j[0]["notes"]] == ["call"])'
check "export-personal of no e-mail address: exit 2" refused expbad 2 "ADDRESS" export-personal kunde.de

# What must be gone from the file afterwards: 48 bytes from the middle of
# his reply's compressed raw copy, and a phrase of its text.
"$PY" - "$DB" "$T/chunk" <<'PYEOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(data,) = db.execute("SELECT r.data FROM raw_messages r JOIN messages m ON m.raw_id = r.id "
                     "WHERE m.message_id = 'reply-1@kunde.de'").fetchone()
mid = len(data) // 2
open(sys.argv[2], "wb").write(bytes(data[mid - 24:mid + 24]))
PYEOF
# found: 0 when the chunk or the phrase is in the store file or its log.
found() {
	"$PY" - "$T/chunk" "$DB" <<'PYEOF'
import os, sys
chunk = open(sys.argv[1], "rb").read()
phrase = "wir bestellen 200".encode()
for f in (sys.argv[2], sys.argv[2] + "-wal"):
    if os.path.exists(f):
        data = open(f, "rb").read()
        if chunk in data or phrase in data:
            sys.exit(0)
sys.exit(1)
PYEOF
}
absent() { ! found; }
check "before: his raw copy and his words are in the store file (the check sees them)" found

check "search finds his words before" sh -c "$FU search bestellen --json | grep -q reply-1@kunde.de"
check "forget --dry-run counts" run dry 0 forget "$HANS" --dry-run --json
check "…what would go, nothing gone" jcheck "$T/dry.out" '(
j[0]["dry_run"] and j[0]["messages"] >= 3 and j[0]["contacts"] == 1 and j[0]["notes"] == 1)'
check "…his timeline is still there" run tl0 0 timeline "$HANS"
check "forget $HANS" run forget 0 forget "$HANS"
check "…says what went, and that his mail stays out" grep -q "forgot hans.mueller@kunde.de: .* messages.*their new mail stays out" "$T/forget.out"
check "timeline $HANS: exit 1" run tl1 1 timeline "$HANS"
check "search finds none of his words" sh -c "
	for w in bestellen Ölförderung benötigen from:$HANS; do
		test \"\$($FU search \$w --json | tr -d ' \n')\" = '[]' || { echo \$w; exit 1; }
	done"
check "export-personal: nothing is held, exit 1" run exp2 1 export-personal "$HANS"
check "kunde.de is still a customer (its other contact)" run card 0 customer show kunde.de --json
check "…without Hans, his mail or the note" jcheck "$T/card.out" '(
all(c["address"] != "hans.mueller@kunde.de" for c in j[0]["contacts"])
and not any("hans" in (n.get("snippet") or "").lower() for n in j[0]["notes"]))'
check "his raw copy and his words are gone from the store file and its log" absent
check "a record that it happened, without personal data" "$PY" -c "
import sqlite3, sys
rows = sqlite3.connect('$DB').execute('SELECT actor, kind, items, suppress FROM forgotten').fetchall()
assert len(rows) == 1 and rows[0][0] == 'root' and rows[0][1] == 'address' and rows[0][2] > 3, rows
assert 'hans' not in repr(rows) and len(rows[0][3]) == 64, rows"

# New mail from him is not filed; --let-mail-in lets another's in.
cat > "$T/again.eml" <<MSG
From: Hans Mueller <$HANS>
To: sales@example.com
Subject: Noch eine Frage
Date: Wed, 11 Nov 2026 09:00:00 +0100
Message-ID: <again-1@kunde.de>

Haben Sie auch XP-300?
MSG
check "a new mail from him in INBOX" imaptool append INBOX "$T/again.eml" 2026-11-11T09:00:00+01:00
check "followupd --once" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW --log-level info 2> '$T/d2.log'"
check "…does not file it, and says so" grep -q "not filed: its sender or customer was forgotten" "$T/d2.log"
check "…his timeline stays empty" run tl2 1 timeline "$HANS"

check "forget --let-mail-in erases but lets new mail in" run letin 0 forget buyer@empresa.com.co --let-mail-in
check "…says so" grep -q "their new mail is filed" "$T/letin.out"

# A customer whole; its orders only when asked.
check "an order of trade.com.tw" run ord 0 order add trade.com.tw --no PI-9 --amount 10 --currency USD
check "forget trade.com.tw with an order: exit 4, nothing erased" refused keep 4 "--with-orders" forget trade.com.tw
check "…still there" run still 0 customer show trade.com.tw
check "forget trade.com.tw --with-orders" run whole 0 forget trade.com.tw --with-orders --json
check "…the customer, its messages and the order" jcheck "$T/whole.out" '(
j[0]["customers"] == 1 and j[0]["orders"] == 1 and j[0]["messages"] >= 1)'
check "…customer show: exit 1" run gone 1 customer show trade.com.tw
check "…search finds none of its words (水泵, its key)" sh -c "
	test \"\$($FU search 水泵 --json | tr -d ' \n')\" = '[]' &&
	test \"\$($FU search trade.com.tw --json | tr -d ' \n')\" = '[]'"
check "…orders: PI-9 is gone" sh -c "$FU orders --json | grep -qv PI-9"
check "forget of no customer: exit 1" run nocust 1 forget nosuch.example.org
