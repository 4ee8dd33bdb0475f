/*
 * hello.c - the smallest WASI 0.2 command: one line on stdout, one on stderr, exit status 0.
 * Built with wasi-libc (clang-19 --target=wasm32-wasi); the preview-1 adapter turns it into a component.
 */
#include <stdio.h>

int main(void) {
    printf("Hello from a WASI 0.2 command.\n");
    fprintf(stderr, "This line goes to stderr.\n");
    return 0;
}
