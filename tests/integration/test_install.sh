#!/bin/sh
# `make install` honours DESTDIR and PREFIX and installs a unit that
# systemd accepts, the man pages, the bash completion and the sysusers
# and tmpfiles entries.
. "$(dirname "$0")/lib.sh"

dest=$T/root
make -s -C "$TOP" install DESTDIR="$dest" PREFIX=/usr >"$T/install.log" 2>&1
check "make install DESTDIR=… PREFIX=/usr succeeds" test $? = 0
for f in usr/bin/followup usr/libexec/followup/followup-full usr/sbin/followupd \
         usr/lib/systemd/system/followupd.service \
         usr/lib/sysusers.d/followup.conf usr/share/followup/followup.conf.example \
         usr/lib/tmpfiles.d/followup.conf usr/share/man/man8/followupd.8 \
         usr/share/man/man1/followup.1 usr/share/man/man5/followup.conf.5 \
         usr/share/bash-completion/completions/followup usr/share/doc/followup/CONFIG.md; do
	check "installs /$f" test -s "$dest/$f"
done
check "the installed man pages are found by man (followupd(8))" sh -c \
	"MANPATH='$dest/usr/share/man' man -w followupd | grep -qx '$dest/usr/share/man/man8/followupd.8'"
LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$dest/usr/share/man/man5/followup.conf.5" 2>/dev/null | col -b \
	> "$T/conf5.txt"
check "the completion is there for followupd too (a link to followup's)" \
	test "$(readlink "$dest/usr/share/bash-completion/completions/followupd")" = followup
check "the man pages name the installed paths (PREFIX=/usr: /usr/share/followup)" sh -c \
	"grep -q '/usr/share/followup/followup.conf.example' '$T/conf5.txt' && ! grep -q /usr/local '$T/conf5.txt'"
check "the unit says where its documentation is" \
	grep -q '^Documentation=man:followupd(8) man:followup.conf(5)' "$dest/usr/lib/systemd/system/followupd.service"
# The sysusers and tmpfiles entries applied to a throwaway root.
mkdir -p "$T/sysroot/etc"
check "systemd-sysusers creates the user followup from the sysusers entry" sh -c "
	systemd-sysusers --root='$T/sysroot' '$dest/usr/lib/sysusers.d/followup.conf' &&
	grep -q '^followup:x:[0-9]*:[0-9]*:.*:/var/lib/followup:/usr/sbin/nologin\$' '$T/sysroot/etc/passwd'"
uid=$(grep '^followup:' "$T/sysroot/etc/passwd" | cut -d: -f3)
gid=$(grep '^followup:' "$T/sysroot/etc/group" | cut -d: -f3)
check "systemd-tmpfiles makes /var/lib/followup (followup:followup 0750) and /etc/followup (root:followup 0750)" sh -c "
	systemd-tmpfiles --root='$T/sysroot' --create '$dest/usr/lib/tmpfiles.d/followup.conf' &&
	test \"\$(stat -c '%u %g %a' '$T/sysroot/var/lib/followup')\" = '$uid $gid 750' &&
	test \"\$(stat -c '%u %g %a' '$T/sysroot/etc/followup')\" = '0 $gid 750'"
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
# (--man=no: the man pages Documentation= names are not installed here.)
check "systemd-analyze verify accepts the unit" systemd-analyze verify --man=no "$T/followupd.service"
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
	"systemd-analyze verify --man=no '$T/followupd.service' 2>&1 | grep -qi 'memorymax\|tasksmax\|restartprevent' && exit 1 || exit 0"
check "the installed followup runs a command of the installed followup-full's" sh -c \
	"'$dest/usr/bin/followup' -c '$T/none.conf' kpi 2> '$T/handed.err'; test \$? = 78 &&
	 ! grep -q 'cannot run followup-full' '$T/handed.err' && grep -q 'none.conf' '$T/handed.err'"
make -s -C "$TOP" uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null 2>&1
check "make uninstall removes the files" sh -c "! test -e '$dest/usr/sbin/followupd' &&
	! test -e '$dest/usr/libexec/followup' &&
	! test -e '$dest/usr/share/man/man8/followupd.8' &&
	! test -e '$dest/usr/share/bash-completion/completions/followup'"
