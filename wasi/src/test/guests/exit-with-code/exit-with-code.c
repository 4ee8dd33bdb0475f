/*
 * exit-with-code.c - prints the status given in its first argument and ends with it, keeping it: a non-zero
 * status goes straight to wasi:cli/exit@0.2.12 exit-with-code (imported by this core module itself, beside the
 * preview-1 adapter), which, unlike exit(err), tells the host the code. 0 returns from main (exit(ok)).
 * Statuses above 255 are cut to their low byte, as the u8 parameter does.
 */
#include <stdio.h>
#include <stdlib.h>

__attribute__((import_module("wasi:cli/exit@0.2.12"), import_name("exit-with-code")))
_Noreturn void exit_with_code(unsigned char status_code);

int main(int argc, char **argv) {
    int status = argc > 1 ? atoi(argv[1]) : 0;
    printf("exiting with %d\n", status);
    fflush(stdout);
    if ((unsigned char)status != 0) exit_with_code((unsigned char)status);
    return 0;
}
