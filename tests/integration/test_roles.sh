#!/bin/sh
# People and roles (issue 10, item 1): changes of the sheet go through
# followupd's control socket, the caller known by SO_PEERCRED and its
# login's [person] unix-user, and are checked by role; reads need no
# daemon. Run as non-root logins of the system (daemon, bin, sys, games,
# man, nobody: in every Debian), each a person of a role, against a real
# followupd and Dovecot.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	diag "the role checks run only as root with setpriv (to act as other logins): not run"
	exit 0
fi
for u in daemon bin sys games man nobody; do
	getent passwd "$u" >/dev/null || { diag "no login $u here: not run"; exit 0; }
done

NOW=2026-11-11T11:00:00+08:00
corpus_setup
# li.wei (sales, in zhang's team), zhang (manager), wang (sales, no
# manager), fin (finance), root-like admin; nobody is no person.
sed -i 's|^countries = DE, AE, PL|&\nunix-user = daemon\nrole = sales|' "$CONF"
cat >> "$CONF" <<CONF
[person zhang@example.com]
name = Zhang Wei
unix-user = bin
role = manager
[person wang@example.com]
name = Wang Fang
unix-user = sys
[person fin@example.com]
unix-user = games
role = finance
[person admin@example.com]
unix-user = man
role = admin
CONF
"$BIN/followupd" -c "$CONF" --now "$NOW" --log-level info 2> "$T/daemon.log" &
dpid=$!
trap 'kill $dpid 2>/dev/null; wait $dpid 2>/dev/null; cleanup' EXIT

wait_until() {
	i=0
	while [ "$i" -lt 300 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
check "followupd files the mailbox and listens at its control socket" wait_until sh -c "
	test -S '$T/control' && '$BIN/followup' -c '$CONF' customers --json | grep -q kunde.de"
# The logins read the store and the configuration (a team's group in real life).
chmod 755 "$T"
chmod 644 "$CONF"
chmod 666 "$T"/followup.db*

# as LOGIN NAME STATUS ARGS...: followup run by LOGIN exits STATUS; its
# output in $T/NAME.out and .err.
as() {
	_as_user=$1 _as_name=$2 _as_want=$3
	shift 3
	setpriv --reuid="$_as_user" --regid="$(id -g "$_as_user")" --clear-groups \
		"$BIN/followup" -c "$CONF" --now "$NOW" "$@" > "$T/$_as_name.out" 2> "$T/$_as_name.err"
	_as_got=$?
	[ "$_as_got" = "$_as_want" ] || { echo "exit $_as_got, not $_as_want"; cat "$T/$_as_name.out" "$T/$_as_name.err"; return 1; }
}
says() { grep -qF -- "$2" "$T/$1.err" || { echo "stderr: $(cat "$T/$1.err")"; return 1; }; }
card() { "$BIN/followup" -c "$CONF" customer show kunde.de --json > "$T/card.json"; }

check "nobody (no [person]) reads the sheet" as nobody read 0 customers --json
check "…but changes nothing: exit 4" as nobody nop 4 customer set kunde.de industry=x
check "…and is told why" says nop "are no [person] with unix-user = nobody"
check "sales li.wei claims the unowned kunde.de" as daemon claim 0 claim kunde.de
check "…and reads what followupd's child printed" grep -q "kunde.de is now owned by li.wei@example.com" "$T/claim.out"
check "…--as someone else: refused" as daemon claimas 4 claim factory.com.cn --as wang@example.com
check "sales wang may not change li.wei's customer" as sys wangset 4 customer set kunde.de industry=x
check "…told whose it is" says wangset "the customer is someone else's"
check "li.wei changes her own customer, with --json through the socket" \
	as daemon liset 0 customer set kunde.de industry=pumps --json
check "…the child's JSON" jcheck "$T/liset.out" 'j[0]["key"] == "kunde.de" and j[0]["industry"] == "pumps"'
check "…and the store has it" sh -c "$BIN/followup -c $CONF customer show kunde.de --json | grep -q '\"industry\": \"pumps\"'"
check "manager zhang notes a call on his team's customer" as bin note 0 note add kunde.de "Called Hans" --kind call
card
check "…the note's author is zhang" jcheck "$T/card.json" \
	'any(n["from"] == "zhang@example.com" and n["kind"] == "call" for n in j[0]["notes"])'
check "…--as on a note is root's" as bin noteas 2 note add kunde.de "x" --as li.wei@example.com
check "sales wang may not assign" as sys wangassign 4 assign kunde.de wang@example.com
check "manager zhang assigns kunde.de to wang" as bin assign 0 assign kunde.de wang@example.com
check "now li.wei may not change it" as daemon liset2 4 customer set kunde.de industry=valves
check "finance adds an order to any customer" as games order 0 order add kunde.de --no PI-7 --amount 100 --currency USD
check "…and records a payment" as games paid 0 order paid PI-7 --amount 40
check "…but changes no record" as games finset 4 customer set kunde.de grade=A
check "…told why" says finset "finance changes orders and payments only"
check "sales li.wei may not touch the order of wang's customer" as daemon lipaid 4 order paid PI-7 --amount 10
check "forget is the admin's: manager zhang is refused" as bin forget 4 forget old.buyer@kunde.de --dry-run
check "…told why" says forget "forget is for admins"
# import through followupd: the caller's own file, which only they may read
mkdir -p "$T/adm"
printf 'Company Name,E-mail,Country\r\nNordpumpen AG,einkauf@nordpumpen.example.de,DE\r\n' > "$T/adm/new.csv"
chown -R man "$T/adm"
chmod 700 "$T/adm"
chmod 600 "$T/adm/new.csv"
cp "$T/adm/new.csv" "$T/pub.csv"
chmod 644 "$T/pub.csv"
check "sales li.wei may not import" as daemon imp 4 import customers "$T/pub.csv" --dry-run
check "…told why" says imp "import is for admins"
check "admin imports a file only they can read, through followupd" as man impadm 0 import customers "$T/adm/new.csv" --json
check "…the customer is in the sheet" sh -c "$BIN/followup -c $CONF customers --json | grep -q nordpumpen"
check "admin changes anything" as man admin 0 customer set kunde.de grade=A
check "--actor from a person is refused" as daemon actor 2 --actor admin@example.com customer set kunde.de grade=B
check "…told it is followupd's" says actor "--actor is given by followupd"
check "a read command is not sent to followupd (works as nobody)" as nobody show 0 customer show kunde.de
card
check "the card after all that: wang's, graded A by the admin, industry pumps" jcheck "$T/card.json" \
	'(j[0]["owner"], j[0]["grade"], j[0]["industry"]) == ("wang@example.com", "A", "pumps")'
check "the change log, read by anyone (nobody)" as nobody log 0 log --customer kunde.de --json
check "…every change, who made it, before and after; nothing refused is in it" jcheck "$T/log.out" '[
(c["actor"], c["command"], c["field"], c["old"], c["new"]) for c in j] == [
("li.wei@example.com", "claim", "owner", None, "li.wei@example.com"),
("li.wei@example.com", "customer set", "industry", None, "pumps"),
("zhang@example.com", "note add", "note", None, "call: Called Hans"),
("zhang@example.com", "assign", "owner", "li.wei@example.com", "wang@example.com"),
("fin@example.com", "order add", "order PI-7", None, "USD 100.00"),
("fin@example.com", "order paid", "order PI-7 paid", "USD 0.00", "USD 40.00"),
("fin@example.com", "order paid", "order PI-7 state", "open", "part-paid"),
("admin@example.com", "customer set", "grade", None, "A")]'
check "log --person keeps one person's" as nobody logp 0 log --person FIN@example.com --json
check "…finance's three" jcheck "$T/logp.out" 'len(j) == 3 and {c["actor"] for c in j} == {"fin@example.com"}'
check "log as text" as nobody logt 0 log --customer kunde.de
check "…a line per change, before -> after" grep -q "zhang@example.com .*assign .*owner .*li.wei@example.com -> wang@example.com" "$T/logt.out"
check "followupd logged who ran what" grep -q "control: li.wei@example.com (uid 1) runs customer set" "$T/daemon.log"

# Hostile requests: no descriptors, no NUL, a silent caller, many at once.
check "malformed requests are answered exit 2, and followupd goes on" "$PY" - "$T/control" <<'PYEOF'
import os, socket, sys, time
path = sys.argv[1]
def ask(data, fds=()):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    s.settimeout(10)
    s.connect(path)
    if fds:
        socket.send_fds(s, [data], list(fds))
    else:
        s.send(data)
    answer = s.recv(4096)
    s.close()
    return answer
assert ask(b"v1\0customer\0set\0").startswith(b"exit 2\0"), "no descriptors"
assert ask(b"garbage", (1, 2)).startswith(b"exit 2\0"), "no NUL"
assert ask(b"v2\0claim\0x\0", (1, 2)).startswith(b"exit 2\0"), "another protocol"
assert ask(b"v1\0reparse\0", (1, 2)).startswith(b"exit 2\0"), "not a change"
assert ask(b"v1\0-c\0/etc/passwd\0claim\0x\0", (1, 2)).startswith(b"exit 2\0"), "-c"
silent = [socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) for _ in range(80)]
for s in silent:
    try:
        s.connect(path)
    except OSError:
        pass
time.sleep(0.5)
for s in silent:
    s.close()
# the callers gone, followupd frees their places (at its own pace)
for attempt in range(50):
    try:
        answer = ask(b"v1\0customer\0set\0kunde.de\0industry=pumps\0", (1, 2))
        break
    except OSError:
        time.sleep(0.2)
assert answer.startswith(b"exit "), answer
PYEOF
check "…and still serves a good one" as man after 0 note add kunde.de "still here" --kind note

# A person removed from the configuration changes nothing after a reload.
sed -i '/^\[person wang@example.com\]/,/^unix-user = sys/d' "$CONF"
rm -f "$T/control"
kill -HUP $dpid
check "after a reload followupd listens again" wait_until test -S "$T/control"
check "wang, removed, may change nothing" as sys gone 4 note add factory.com.cn "hello"
check "…told why" says gone "are no [person] with unix-user = sys"

# Without followupd: a person's change fails clearly; root's goes through.
kill $dpid; wait $dpid 2>/dev/null
check "followupd stopped: li.wei's change fails with exit 3" as daemon down 3 customer set factory.com.cn industry=x
check "…saying followupd does not answer" says down "changes of the sheet go through followupd, and it does not answer"
check "root changes the store itself" "$BIN/followup" -c "$CONF" customer set factory.com.cn industry=steel
check "…logged as root" sh -c "$BIN/followup -c $CONF log --customer factory.com.cn --json > '$T/logr.out'"
check "…one line" jcheck "$T/logr.out" '[(c["actor"], c["field"], c["new"]) for c in j] == [("root", "industry", "steel")]'
