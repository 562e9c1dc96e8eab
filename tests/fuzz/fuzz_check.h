#ifndef FOLLOWUP_FUZZ_CHECK_H
#define FOLLOWUP_FUZZ_CHECK_H
/* CHECK(cond): an invariant of a fuzz target. A failure is a finding: it
 * says which invariant and aborts, so libFuzzer keeps the input. */
#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "invariant failed: %s (line %d)\n", #cond, __LINE__); \
			abort(); \
		} \
	} while (0)

#endif
