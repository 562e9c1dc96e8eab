#!/bin/sh
# `make install` honours DESTDIR and PREFIX and installs a unit that
# systemd accepts.
. "$(dirname "$0")/lib.sh"

dest=$T/root
make -s -C "$TOP" install DESTDIR="$dest" PREFIX=/usr >"$T/install.log" 2>&1
check "make install DESTDIR=… PREFIX=/usr succeeds" test $? = 0
for f in usr/bin/followup usr/sbin/followupd usr/lib/systemd/system/followupd.service \
         usr/lib/sysusers.d/followup.conf usr/share/followup/followup.conf.example; do
	check "installs /$f" test -s "$dest/$f"
done
check "the unit starts the installed followupd" \
	grep -q '^ExecStart=/usr/sbin/followupd$' "$dest/usr/lib/systemd/system/followupd.service"
check "the example config is one followupd accepts" sh -c "
	sed 's|^password-file = .*|password = x|; s|^path = .*|path = $T/x.db|' \
	    '$dest/usr/share/followup/followup.conf.example' > '$T/example.conf' &&
	chmod 600 '$T/example.conf' &&
	'$BIN/followupd' -c '$T/example.conf' --check-config"
# systemd-analyze needs the ExecStart binary to exist where the unit says.
sed "s|/usr/sbin/followupd|$BIN/followupd|g" "$dest/usr/lib/systemd/system/followupd.service" \
	> "$T/followupd.service"
check "systemd-analyze verify accepts the unit" systemd-analyze verify "$T/followupd.service"
check "the sandbox rates at most 2.0 in systemd-analyze security (OK)" \
	systemd-analyze security --offline=yes --threshold=20 "$T/followupd.service"
check "the unit is Type=notify; only the main process may tell, and a stuck loop is noticed" sh -c \
	"grep -qx 'Type=notify' '$T/followupd.service' && grep -qx 'NotifyAccess=main' '$T/followupd.service' && grep -qx 'WatchdogSec=120s' '$T/followupd.service'"
check "the unit reloads with SIGHUP" grep -q '^ExecReload=/bin/kill -HUP \$MAINPID' "$T/followupd.service"
check "the unit does not restart a bad configuration (exit 78) for ever" \
	grep -q '^RestartPreventExitStatus=78$' "$T/followupd.service"
check "the unit bounds memory and tasks" sh -c \
	"grep -q '^MemoryMax=[0-9]' '$T/followupd.service' && grep -q '^TasksMax=[0-9]' '$T/followupd.service'"
check "systemd reads the bounds as bounds" sh -c \
	"systemd-analyze verify '$T/followupd.service' 2>&1 | grep -qi 'memorymax\|tasksmax\|restartprevent' && exit 1 || exit 0"
make -s -C "$TOP" uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null 2>&1
check "make uninstall removes the files" sh -c "! test -e '$dest/usr/sbin/followupd'"
