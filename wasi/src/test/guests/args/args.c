/*
 * args.c - prints the number of arguments and each argument after the program name on its own line.
 *
 * argv[0] is whatever the host chooses (jco run passes the component's file name without `.wasm`), so it is
 * counted in argc but not printed: the output depends only on the arguments a test passes.
 */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("argc: %d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d]: %s\n", i, argv[i]);
    }
    return 0;
}
