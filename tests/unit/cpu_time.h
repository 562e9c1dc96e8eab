/*
 * cpu_time.h: the process's CPU time, for the unit tests' guards against a
 * runaway loop. A guard on CPU time, not on the wall clock, is not moved by
 * a loaded machine (tests run side by side, under valgrind); it is set at
 * many times what the work takes, so it only catches work without bound.
 */
#ifndef TEST_CPU_TIME_H
#define TEST_CPU_TIME_H

#include <time.h>

static inline double test_cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
