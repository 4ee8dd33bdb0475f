/*
 * files.c - one walk through the file operations of a preopened directory `/data` (which should start empty):
 * create a file, write, read back, append, read back, stat, rename, list the directory, remove, list again, and
 * open a file that is not there. Each step prints one line with its result; a failed step prints the error
 * (strerror of errno) and the program goes on, so the output shows every step. Exits 1 if any step failed,
 * except the last, which must fail with "No such file or directory".
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIR_PATH "/data"
#define FIRST DIR_PATH "/notes.txt"
#define SECOND DIR_PATH "/renamed.txt"

static int failures;

static void fail(const char *step) {
    printf("%s: error: %s\n", step, strerror(errno));
    failures++;
}

/* Prints the bytes with \n and other control characters escaped, so that each step stays on one line. */
static void print_escaped(const char *bytes, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c == '\n') printf("\\n");
        else if (c == '\\') printf("\\\\");
        else if (c < 0x20 || c == 0x7F) printf("\\x%02x", c);
        else putchar(c);
    }
}

static void write_step(const char *step, const char *path, int flags, const char *text) {
    int fd = open(path, flags, 0644);
    if (fd < 0) { fail(step); return; }
    ssize_t n = write(fd, text, strlen(text));
    if (n < 0) fail(step);
    else printf("%s: wrote %zd bytes\n", step, n);
    if (close(fd) != 0) fail(step);
}

static void read_step(const char *step, const char *path) {
    char buffer[256];
    int fd = open(path, O_RDONLY);
    if (fd < 0) { fail(step); return; }
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0) fail(step);
    else {
        printf("%s: read %zd bytes: \"", step, n);
        print_escaped(buffer, (size_t)n);
        printf("\"\n");
    }
    close(fd);
}

static int compare(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_step(const char *step) {
    DIR *dir = opendir(DIR_PATH);
    if (dir == NULL) { fail(step); return; }
    char *names[64];
    size_t count = 0;
    struct dirent *entry;
    errno = 0;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        if (count < 64) names[count++] = strdup(entry->d_name);
    }
    if (errno != 0) fail(step);
    closedir(dir);
    qsort(names, count, sizeof(char *), compare);
    printf("%s: %zu entries", step, count);
    for (size_t i = 0; i < count; i++) {
        printf("%s%s", i == 0 ? ": " : ", ", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(void) {
    write_step("create " FIRST, FIRST, O_WRONLY | O_CREAT | O_EXCL, "hello\n");
    read_step("read " FIRST, FIRST);
    write_step("append to " FIRST, FIRST, O_WRONLY | O_APPEND, "world\n");
    read_step("read " FIRST, FIRST);

    struct stat st;
    if (stat(FIRST, &st) != 0) fail("stat " FIRST);
    else printf("stat " FIRST ": %s, %lld bytes\n", S_ISREG(st.st_mode) ? "regular file" : "not a regular file",
                (long long)st.st_size);

    if (rename(FIRST, SECOND) != 0) fail("rename " FIRST " to " SECOND);
    else printf("rename " FIRST " to " SECOND ": ok\n");
    printf("exists " FIRST ": %s\n", access(FIRST, F_OK) == 0 ? "yes" : "no");
    read_step("read " SECOND, SECOND);
    list_step("list " DIR_PATH);

    if (unlink(SECOND) != 0) fail("remove " SECOND);
    else printf("remove " SECOND ": ok\n");
    list_step("list " DIR_PATH);

    int fd = open(DIR_PATH "/missing.txt", O_RDONLY);
    if (fd >= 0) {
        printf("open " DIR_PATH "/missing.txt: opened, but it should not exist\n");
        close(fd);
        failures++;
    } else {
        printf("open " DIR_PATH "/missing.txt: error: %s\n", strerror(errno));
        if (errno != ENOENT) failures++;
    }
    return failures == 0 ? 0 : 1;
}
