#!/bin/sh
# `make check-fuzz`: runs every fuzz target for FUZZ_SECONDS (default 60),
# seeded from tests/fuzz/corpus/NAME and the test corpus, and fails on any
# finding. Prints the executions each target reached.
set -u
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
status=0
for bin in build/fuzz/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin" | sed 's/^fuzz_//')
	work=$(mktemp -d "${TMPDIR:-/tmp}/followup-fuzz.XXXXXX")
	seeds=
	[ -d "tests/fuzz/corpus/$name" ] && seeds="tests/fuzz/corpus/$name"
	[ -d "tests/data/$name" ] && seeds="$seeds tests/data/$name"
	"$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
		-artifact_prefix="$work/" "$work" $seeds >"$work/log" 2>&1
	rc=$?
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$')
	[ -n "$execs" ] || execs=$(grep -Eo '#[0-9]+' "$work/log" | tail -n 1 | tr -d '#')
	if [ $rc -ne 0 ]; then
		status=1
		echo "FAIL $name after ${execs:-?} executions:"
		tail -n 40 "$work/log"
		ls "$work"/crash-* "$work"/timeout-* "$work"/leak-* 2>/dev/null
	else
		echo "ok   $name: ${execs:-?} executions in ${seconds}s, no finding"
		rm -rf "$work"
	fi
done
exit $status
