/*
 * reactor.c - a WASI reactor (-mexec-model=reactor): wasi-libc's _initialize runs the constructor below during
 * instantiation; the exported greet formats with snprintf, allocates with malloc and writes a line to stdout.
 * `jco new --wasi-reactor` wraps it with the preview-1 adapter, so the component imports WASI 0.2 interfaces.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int calls;
static char greeting_prefix[16];

__attribute__((constructor)) static void init(void) {
    strcpy(greeting_prefix, "Hello, ");
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
    size_t size = strlen(greeting_prefix) + len + 32;
    char *out = malloc(size);
    if (out == NULL) abort();
    int n = snprintf(out, size, "%s%.*s! (call %d)", greeting_prefix, (int)len, name, calls);
    printf("greet called %d time(s)\n", calls);
    fflush(stdout);
    free(name);
    result[0] = (size_t)out;
    result[1] = (size_t)n;
    return result;
}

__attribute__((export_name("cabi_post_greet")))
void cabi_post_greet(size_t *ret) {
    free((void *)ret[0]);
}
