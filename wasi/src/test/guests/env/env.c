/*
 * env.c - prints the environment variables it gets, sorted by their bytes, then the value of the variable named
 * in its first argument (or that it is not set).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int compare(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    size_t count = 0;
    while (environ[count] != NULL) count++;

    char **sorted = malloc((count + 1) * sizeof(char *));
    if (sorted == NULL) return 2;
    memcpy(sorted, environ, count * sizeof(char *));
    qsort(sorted, count, sizeof(char *), compare);

    printf("variables: %zu\n", count);
    for (size_t i = 0; i < count; i++) {
        printf("%s\n", sorted[i]);
    }
    if (argc > 1) {
        const char *value = getenv(argv[1]);
        if (value == NULL) {
            printf("%s is not set\n", argv[1]);
        } else {
            printf("%s is [%s]\n", argv[1], value);
        }
    }
    free(sorted);
    return 0;
}
