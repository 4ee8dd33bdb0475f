/*
 * trap.c - a WASI 0.2 command that traps: one line on stdout, then __builtin_trap(), which clang compiles to the
 * `unreachable` instruction. The line is flushed first (stdout is line-buffered only on a terminal), so a host
 * shows what the guest wrote before it trapped.
 */
#include <stdio.h>

int main(void) {
    printf("about to trap\n");
    fflush(stdout);
    __builtin_trap();
}
