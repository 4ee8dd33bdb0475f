/*
 * reactor.c - a WASI reactor (-mexec-model=reactor) of the world example:wasi-reactor/greeter: wasi-libc's
 * _initialize runs the constructor during instantiation (it reads the environment); the exported greet prints
 * a line to stdout and one to stderr, and returns "<greeting>, <name>! (call <n>)", where the greeting is the
 * environment variable GREETING or "Hello" and n counts the calls on this instance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int calls;
static const char *greeting = "Hello";

__attribute__((constructor)) static void init(void) {
    const char *value = getenv("GREETING");
    if (value != NULL && *value != '\0') greeting = value;
}

__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    (void)align; /* malloc's alignment (16) covers every Canonical ABI alignment */
    void *fresh = realloc(old, new_size == 0 ? 1 : new_size);
    if (fresh == NULL) abort();
    return fresh;
}

static size_t result[2];

__attribute__((export_name("greet")))
size_t *greet(char *name, size_t len) {
    calls++;
    size_t size = strlen(greeting) + len + 32;
    char *out = malloc(size);
    if (out == NULL) abort();
    int n = snprintf(out, size, "%s, %.*s! (call %d)", greeting, (int)len, name, calls);
    printf("greet called with \"%.*s\" (%zu bytes)\n", (int)len, name, len);
    fflush(stdout);
    fprintf(stderr, "greet: call %d\n", calls);
    free(name);
    result[0] = (size_t)out;
    result[1] = (size_t)n;
    return result;
}

__attribute__((export_name("cabi_post_greet")))
void cabi_post_greet(size_t *ret) {
    free((void *)ret[0]);
}
