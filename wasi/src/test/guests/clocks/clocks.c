/*
 * clocks.c - reads the wall clock and the monotonic clock twice each, and their resolutions, and prints only facts
 * that do not depend on the time: the wall clock is after 2020-01-01, the monotonic clock did not go backwards,
 * both resolutions are non-zero. Exits 1 if any of them is false.
 */
#include <stdio.h>
#include <time.h>

static long long nanos(const struct timespec *t) {
    return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

static int report(const char *fact, int holds) {
    printf("%s: %s\n", fact, holds ? "yes" : "no");
    return holds;
}

int main(void) {
    struct timespec wall1, wall2, mono1, mono2, wall_res, mono_res;
    if (clock_gettime(CLOCK_REALTIME, &wall1) != 0 || clock_gettime(CLOCK_MONOTONIC, &mono1) != 0
            || clock_gettime(CLOCK_MONOTONIC, &mono2) != 0 || clock_gettime(CLOCK_REALTIME, &wall2) != 0
            || clock_getres(CLOCK_REALTIME, &wall_res) != 0 || clock_getres(CLOCK_MONOTONIC, &mono_res) != 0) {
        perror("clock");
        return 1;
    }
    const long long jan_1_2020 = 1577836800LL; /* seconds since the epoch at 2020-01-01T00:00:00Z */
    int ok = 1;
    ok &= report("wall clock after 2020-01-01", wall1.tv_sec >= jan_1_2020 && wall2.tv_sec >= jan_1_2020);
    ok &= report("wall clock nanoseconds below one second", wall1.tv_nsec >= 0 && wall1.tv_nsec < 1000000000L);
    ok &= report("wall clock resolution non-zero", nanos(&wall_res) > 0);
    ok &= report("monotonic clock did not go backwards", nanos(&mono2) >= nanos(&mono1));
    ok &= report("monotonic clock resolution non-zero", nanos(&mono_res) > 0);
    return ok ? 0 : 1;
}
