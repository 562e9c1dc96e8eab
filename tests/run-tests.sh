#!/bin/sh
# Runs every test and ends with one line "N passed, N failed".
#
#  - unit tests (tests/unit/test_*.c, cmocka) twice: the ASan+UBSan build
#    (build/asan/tests) and the debug build under valgrind (build/debug/tests);
#  - integration tests (tests/integration/test_*.sh) against bin/, and
#    the two that push the most mail through the parsing threads (the
#    corpus, hostile mail), the one that prints hostile text with every
#    command, the spreadsheet import (a file parser) and OAuth2 (hostile
#    token endpoint answers) again against the ASan+UBSan build of the binaries
#    (build/asan/bin), where any memory error or leak fails them;
#  - the crash tests (tests/crash/test_*.sh) against bin/: followupd
#    killed 50 times while it syncs and sends (about 100 s); their
#    figures (seed, what the kills interrupted, second copies) are printed.
#
# Every test speaks TAP ("ok N - name" / "not ok N - name"); a program that
# exits non-zero, or under valgrind reports an error or a leak, adds one
# failure of its own even when its cases passed.
#
# Options: --unit-only, --integration-only (with the crash tests),
# --crash-only, and a substring filter:
#   sh tests/run-tests.sh --integration-only sync
set -u
cd "$(dirname "$0")/.."

mode=all
filter=
for a in "$@"; do
	case "$a" in
	--unit-only) mode=unit ;;
	--integration-only) mode=integration ;;
	--crash-only) mode=crash ;;
	*) filter=$a ;;
	esac
done

logdir=$(mktemp -d "${TMPDIR:-/tmp}/followup-tests.XXXXXX")
trap 'rm -rf "$logdir"' EXIT INT TERM
passed=0
failed=0

# run_tap LABEL COMMAND...: runs a TAP-speaking command, counts its cases.
run_tap() {
	label=$1; shift
	out="$logdir/out"
	"$@" >"$out" 2>"$logdir/err"
	rc=$?
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		grep '^not ok ' "$out" | sed "s|^|$label: |"
		sed 's/^/    /' "$out" | grep -v '^    ok ' | tail -n 60
		tail -n 40 "$logdir/err" | sed 's/^/    stderr: /'
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		failed=$((failed + 1))
		echo "not ok - $label exited with status $rc"
		tail -n 60 "$logdir/err" | sed 's/^/    /'
		tail -n 20 "$out" | sed 's/^/    /'
	fi
	echo "$label: $p passed, $f failed"
}

matches() {
	[ -z "$filter" ] && return 0
	case "$1" in *"$filter"*) return 0 ;; esac
	return 1
}

if [ "$mode" = all ] || [ "$mode" = unit ]; then
	export CMOCKA_MESSAGE_OUTPUT=TAP
	export FOLLOWUP_TEST_DATA="$PWD/tests/data"
	for t in build/asan/tests/test_*; do
		[ -x "$t" ] || continue
		matches "$t" || continue
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
			run_tap "asan $(basename "$t")" "$t"
	done
	if command -v valgrind >/dev/null 2>&1; then
		for t in build/debug/tests/test_*; do
			[ -x "$t" ] || continue
			matches "$t" || continue
			G_SLICE=always-malloc G_DEBUG=gc-friendly \
				run_tap "valgrind $(basename "$t")" valgrind -q --error-exitcode=99 \
				--leak-check=full --errors-for-leak-kinds=definite \
				--show-leak-kinds=definite --suppressions="$PWD/tests/valgrind.supp" "$t"
		done
	else
		failed=$((failed + 1))
		echo "not ok - valgrind is not installed (apt-get install valgrind)"
	fi
fi

if [ "$mode" = all ] || [ "$mode" = integration ]; then
	for t in tests/integration/test_*.sh; do
		[ -f "$t" ] || continue
		matches "$t" || continue
		run_tap "integration $(basename "$t" .sh)" sh "$t"
	done
	for name in sync limits print import oauth; do
		t=tests/integration/test_$name.sh
		matches "$t" || continue
		if [ ! -x build/asan/bin/followupd ]; then
			failed=$((failed + 1))
			echo "not ok - build/asan/bin is missing (make BUILD=asan all)"
			break
		fi
		FOLLOWUP_BIN="$PWD/build/asan/bin" \
		ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=86 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0:exitcode=86 \
			run_tap "integration-asan test_$name" sh "$t"
	done
fi

if [ "$mode" != unit ]; then
	for t in tests/crash/test_*.sh; do
		[ -f "$t" ] || continue
		matches "$t" || continue
		run_tap "crash $(basename "$t" .sh)" sh "$t"
		grep -E '^# (seed|kills|the kill loop)' "$logdir/out" | sed 's/^#/   /'
	done
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
