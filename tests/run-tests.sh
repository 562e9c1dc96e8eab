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
# Tests run side by side, -j N at once (default: the number of CPUs plus
# two, or $FOLLOWUP_TEST_JOBS; -j 1 runs them one after another). Each has
# its own temp dir and claims its loopback ports (lib.sh's free_port); the
# ones that run make in the source tree take turns. Results are printed in
# a fixed order, each with its time, whatever order they finish in.
#
# Options: --unit-only, --integration-only (with the crash tests),
# --crash-only, -j N, and a substring filter:
#   sh tests/run-tests.sh --integration-only sync
set -u
cd "$(dirname "$0")/.."

mode=all
filter=
jobs=${FOLLOWUP_TEST_JOBS:-$(( $(nproc 2>/dev/null || echo 1) + 2 ))}
while [ $# -gt 0 ]; do
	case "$1" in
	--unit-only) mode=unit ;;
	--integration-only) mode=integration ;;
	--crash-only) mode=crash ;;
	-j) shift; jobs=${1:-1} ;;
	-j*) jobs=${1#-j} ;;
	*) filter=$1 ;;
	esac
	shift
done
case "$jobs" in ''|*[!0-9]*|0) echo "run-tests: -j wants a positive number" >&2; exit 2 ;; esac

logdir=$(mktemp -d "${TMPDIR:-/tmp}/followup-tests.XXXXXX")
trap 'rm -rf "$logdir"' EXIT
trap 'kill 0; exit 130' INT TERM
mkdir "$logdir/ports"
export FOLLOWUP_PORT_CLAIMS="$logdir/ports"
passed=0
failed=0
spawned=0
shown=0
started=$(date +%s)

finished() {
	ls "$logdir" | grep -c '\.rc$'
}

# report JOB: counts a finished job's TAP cases and prints its line (and,
# when something failed, what it said).
report() {
	r_label=$(cat "$logdir/$1.label")
	r_out="$logdir/$1.out"
	read -r r_rc r_secs < "$logdir/$1.rc"
	r_p=$(grep -c '^ok ' "$r_out")
	r_f=$(grep -c '^not ok ' "$r_out")
	passed=$((passed + r_p))
	failed=$((failed + r_f))
	if [ "$r_f" -gt 0 ]; then
		grep '^not ok ' "$r_out" | sed "s|^|$r_label: |"
		sed 's/^/    /' "$r_out" | grep -v '^    ok ' | tail -n 60
		tail -n 40 "$logdir/$1.err" | sed 's/^/    stderr: /'
	fi
	if [ "$r_rc" -ne 0 ] && [ "$r_f" -eq 0 ]; then
		failed=$((failed + 1))
		echo "not ok - $r_label exited with status $r_rc"
		tail -n 60 "$logdir/$1.err" | sed 's/^/    /'
		tail -n 20 "$r_out" | sed 's/^/    /'
	fi
	echo "$r_label: $r_p passed, $r_f failed ($r_secs s)"
	case "$r_label" in
	crash*) grep -E '^# (seed|kills|the kill loop)' "$r_out" | sed 's/^#/   /' ;;
	esac
}

# report_ready: prints, in spawn order, every job finished so far.
report_ready() {
	while [ "$shown" -lt "$spawned" ] && [ -f "$logdir/$((shown + 1)).rc" ]; do
		shown=$((shown + 1))
		report "$shown"
	done
}

# spawn LABEL LOCK COMMAND...: runs a TAP-speaking command in the
# background once fewer than $jobs run; jobs with the same non-empty LOCK
# never overlap.
spawn() {
	s_label=$1; s_lock=$2; shift 2
	while [ $((spawned - $(finished))) -ge "$jobs" ]; do
		report_ready
		sleep 0.2
	done
	spawned=$((spawned + 1))
	s_job=$spawned
	echo "$s_label" > "$logdir/$s_job.label"
	(
		if [ -n "$s_lock" ]; then
			until mkdir "$logdir/lock.$s_lock" 2>/dev/null; do sleep 0.3; done
		fi
		t0=$(date +%s)
		"$@" >"$logdir/$s_job.out" 2>"$logdir/$s_job.err" </dev/null
		rc=$?
		[ -n "$s_lock" ] && rmdir "$logdir/lock.$s_lock"
		echo "$rc $(( $(date +%s) - t0 ))" > "$logdir/$s_job.tmp"
		mv "$logdir/$s_job.tmp" "$logdir/$s_job.rc"
	) &
}

matches() {
	[ -z "$filter" ] && return 0
	case "$1" in *"$filter"*) return 0 ;; esac
	return 1
}

# The longest first, so that the last to start is a short one.
if [ "$mode" != unit ]; then
	for t in tests/crash/test_*.sh; do
		[ -f "$t" ] || continue
		matches "$t" || continue
		spawn "crash $(basename "$t" .sh)" "" sh "$t"
	done
fi

if [ "$mode" = all ] || [ "$mode" = unit ]; then
	export CMOCKA_MESSAGE_OUTPUT=TAP
	export FOLLOWUP_TEST_DATA="$PWD/tests/data"
	if command -v valgrind >/dev/null 2>&1; then
		for t in build/debug/tests/test_*; do
			[ -x "$t" ] || continue
			matches "$t" || continue
			spawn "valgrind $(basename "$t")" "" env G_SLICE=always-malloc G_DEBUG=gc-friendly \
				valgrind -q --error-exitcode=99 \
				--leak-check=full --errors-for-leak-kinds=definite \
				--show-leak-kinds=definite --suppressions="$PWD/tests/valgrind.supp" "$t"
		done
	else
		failed=$((failed + 1))
		echo "not ok - valgrind is not installed (apt-get install valgrind)"
	fi
	for t in build/asan/tests/test_*; do
		[ -x "$t" ] || continue
		matches "$t" || continue
		spawn "asan $(basename "$t")" "" env \
			ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
			UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 "$t"
	done
fi

if [ "$mode" = all ] || [ "$mode" = integration ]; then
	for name in sync limits print import oauth; do
		t=tests/integration/test_$name.sh
		matches "$t" || continue
		if [ ! -x build/asan/bin/followupd ]; then
			failed=$((failed + 1))
			echo "not ok - build/asan/bin is missing (make BUILD=asan all)"
			break
		fi
		spawn "integration-asan test_$name" "" env FOLLOWUP_BIN="$PWD/build/asan/bin" \
			ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=86 \
			UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0:exitcode=86 \
			sh "$t"
	done
	for t in tests/integration/test_*.sh; do
		[ -f "$t" ] || continue
		matches "$t" || continue
		lock=
		# These run make in the source tree (install, deb, man, the layer
		# probes): one at a time.
		grep -q 'make -s' "$t" && lock=make
		spawn "integration $(basename "$t" .sh)" "$lock" sh "$t"
	done
fi

wait
report_ready
echo "all tests ran in $(( $(date +%s) - started )) s, $jobs at a time"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
