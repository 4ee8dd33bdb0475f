/*
 * exit-code.c - prints the status given in its first argument and calls exit() with it.
 *
 * wasi-libc's exit(n) calls preview-1 proc_exit(n); the adapters map it to wasi:cli/exit `exit(ok)` for 0 and
 * `exit(err)` for anything else, so a host sees only success or failure (jco run reports 1 for every non-zero n).
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int status = argc > 1 ? atoi(argv[1]) : 0;
    printf("exiting with %d\n", status);
    fflush(stdout);
    exit(status);
}
