#!/bin/sh
# The Debian package (issue 11, item 5): `make deb` (with the binaries and
# man pages already built: DEB_PREBUILT=1) builds it with
# dpkg-buildpackage and lintian finds no error; it holds the programs,
# the unit (neither enabled nor started), the sysusers and tmpfiles
# entries, the man pages, the completion, the templates and the example,
# and no configuration; installed with dpkg into a throwaway root (the
# maintainer scripts run there, DPKG_ROOT), it creates the service user
# and the state directory there and enables nothing. Without the
# packaging tools the test says so and counts nothing.
. "$(dirname "$0")/lib.sh"

for tool in dpkg-buildpackage dh lintian dpkg-deb systemd-sysusers; do
	if ! command -v "$tool" > /dev/null; then
		diag "skipped, not counted as passed: $tool is missing (apt-get install debhelper dpkg-dev lintian)"
		exit 0
	fi
done
VERSION=$(cat "$TOP/VERSION")

make -s -C "$TOP" deb DEB_PREBUILT=1 DEBOUT="$T/deb" > "$T/deb.log" 2>&1
rc=$?
deb=$T/deb/followup_${VERSION}_$(dpkg --print-architecture).deb
check "make deb builds followup_${VERSION} and lintian finds no error" sh -c \
	"test $rc = 0 && test -s '$deb' || { tail -n 30 '$T/deb.log'; exit 1; }"
[ -s "$deb" ] || exit 1

dpkg-deb -f "$deb" Package Version Depends > "$T/fields"
check "the package is followup, version $VERSION (debian/changelog)" sh -c \
	"grep -qx 'Package: followup' '$T/fields' && grep -qx 'Version: $VERSION' '$T/fields'"
check "Depends: the libraries from shlibs (libuv1, libgmime-3.0-0, libsqlite3-0), systemd" sh -c \
	"grep '^Depends:' '$T/fields' | grep 'libuv1 (>=' | grep 'libgmime-3.0-0 (>=' | grep 'libsqlite3-0 (>=' | grep -q 'systemd'"
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' > "$T/files"
for f in /usr/bin/followup /usr/libexec/followup/followup-full /usr/sbin/followupd \
         /lib/systemd/system/followupd.service \
         /usr/lib/sysusers.d/followup.conf /usr/lib/tmpfiles.d/followup.conf \
         /usr/share/man/man8/followupd.8.gz /usr/share/man/man1/followup.1.gz \
         /usr/share/man/man5/followup.conf.5.gz /usr/share/bash-completion/completions/followup \
         /usr/share/bash-completion/completions/followupd \
         /usr/share/followup/followup.conf.example /usr/share/followup/templates/ack.txt \
         /usr/share/doc/followup/CONFIG.md; do
	check "the package holds $f" grep -qx "$f" "$T/files"
done
check "…and no configuration in /etc (the administrator writes it)" sh -c "! grep -q '^/etc/' '$T/files'"
dpkg-deb -e "$deb" "$T/control"
check "postinst creates the user with systemd-sysusers, then the directories with systemd-tmpfiles" sh -c "
	s=\$(grep -n 'systemd-sysusers' '$T/control/postinst' | head -n 1 | cut -d: -f1) &&
	t=\$(grep -n 'systemd-tmpfiles' '$T/control/postinst' | head -n 1 | cut -d: -f1) &&
	test -n \"\$s\" && test -n \"\$t\" && test \$s -lt \$t"
# (Not enabled: the throwaway root below shows it.)
check "postinst does not start followupd (no deb-systemd-invoke)" sh -c \
	"! grep -q 'deb-systemd-invoke' '$T/control/postinst'"

# Installed into a throwaway root: its own dpkg database, the maintainer
# scripts run outside a chroot with DPKG_ROOT set (the dependencies are
# the machine's, not the root's: --force-depends).
R=$T/root
mkdir -p "$R/var/lib/dpkg/info" "$R/var/lib/dpkg/updates" "$R/etc"
touch "$R/var/lib/dpkg/status" "$R/var/lib/dpkg/available"
check "dpkg --root installs the package into a throwaway root" sh -c \
	"dpkg --root='$R' --force-script-chrootless --force-depends -i '$deb' > '$T/dpkg.log' 2>&1 || { cat '$T/dpkg.log'; exit 1; }"
check "…dpkg knows it there as installed" sh -c \
	"dpkg --root='$R' -s followup 2>/dev/null | grep -qx 'Status: install ok installed'"
check "…the service user followup is created there (systemd-sysusers)" \
	grep -q '^followup:x:[0-9]*:[0-9]*:.*:/var/lib/followup:/usr/sbin/nologin$' "$R/etc/passwd"
uid=$(grep '^followup:' "$R/etc/passwd" | cut -d: -f3)
gid=$(grep '^followup:' "$R/etc/group" | cut -d: -f3)
check "…/var/lib/followup is followup's, 0750, and /etc/followup root:followup 0750" sh -c "
	test \"\$(stat -c '%u %g %a' '$R/var/lib/followup')\" = '$uid $gid 750' &&
	test \"\$(stat -c '%u %g %a' '$R/etc/followup')\" = '0 $gid 750'"
check "…followupd.service is not enabled" sh -c \
	"! find '$R/etc' -name 'followupd.service' | grep -q ."
check "…the installed programs run: followupd --version" sh -c \
	"test \"\$('$R/usr/sbin/followupd' --version)\" = 'followupd $VERSION'"
check "…the installed followup hands a command of followup-full's to /usr/libexec/followup" sh -c \
	"'$R/usr/bin/followup' -c '$T/none.conf' kpi 2> '$T/handed.err'; test \$? = 78 &&
	 ! grep -q 'cannot run followup-full' '$T/handed.err' && grep -q 'none.conf' '$T/handed.err'"
check "…the installed unit runs the installed followupd" \
	grep -q '^ExecStart=/usr/sbin/followupd$' "$R/lib/systemd/system/followupd.service"
check "…man finds followupd(8) in it" sh -c \
	"MANPATH='$R/usr/share/man' man -w followupd | grep -qx '$R/usr/share/man/man8/followupd.8.gz'"
# The pages as man shows them (the roff has \& after each dot).
for page in "$R"/usr/share/man/man*/*.gz; do
	LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$page" 2>/dev/null | col -b
done > "$T/pages.txt"
check "…its man pages name the package's paths (/usr/share/followup, /lib/systemd/system), never /usr/local" sh -c "
	grep -q '/usr/share/followup/followup.conf.example' '$T/pages.txt' &&
	grep -q '/lib/systemd/system/followupd.service' '$T/pages.txt' &&
	! grep -q /usr/local '$T/pages.txt'"
check "dpkg --purge removes it from the throwaway root" sh -c \
	"dpkg --root='$R' --force-script-chrootless --force-depends --purge followup > '$T/purge.log' 2>&1 &&
	 ! test -e '$R/usr/sbin/followupd' || { cat '$T/purge.log'; exit 1; }"
