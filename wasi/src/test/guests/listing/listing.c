/*
 * listing.c - lists the directory given as its first argument (a preopen, or a path under one) recursively,
 * each directory's entries sorted by their bytes, one line per entry:
 *   <path relative to the argument>/          a directory (its entries follow)
 *   <path> <size> bytes                        a regular file
 *   <path> -> <target>                         a symbolic link (not followed)
 * and at the end a line with the numbers of directories, files and links. Errors print the path and strerror,
 * and make the exit status 1.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;
static unsigned long directories, files, links;

static int compare(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the directory at root/relative ("" for the root itself). */
static void list(const char *root, const char *relative) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s%s%s", root, *relative ? "/" : "", relative);
    DIR *dir = opendir(path);
    if (dir == NULL) {
        printf("%s: error: %s\n", *relative ? relative : ".", strerror(errno));
        failures++;
        return;
    }
    size_t count = 0, capacity = 16;
    char **names = malloc(capacity * sizeof(char *));
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        if (count == capacity) names = realloc(names, (capacity *= 2) * sizeof(char *));
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, count, sizeof(char *), compare);

    for (size_t i = 0; i < count; i++) {
        char child[PATH_MAX], full[PATH_MAX];
        snprintf(child, sizeof child, "%s%s%s", relative, *relative ? "/" : "", names[i]);
        snprintf(full, sizeof full, "%s/%s", root, child);
        struct stat st;
        if (lstat(full, &st) != 0) {
            printf("%s: error: %s\n", child, strerror(errno));
            failures++;
        } else if (S_ISDIR(st.st_mode)) {
            printf("%s/\n", child);
            directories++;
            list(root, child);
        } else if (S_ISLNK(st.st_mode)) {
            char target[PATH_MAX];
            ssize_t n = readlink(full, target, sizeof target - 1);
            if (n < 0) {
                printf("%s: error: %s\n", child, strerror(errno));
                failures++;
            } else {
                target[n] = '\0';
                printf("%s -> %s\n", child, target);
                links++;
            }
        } else if (S_ISREG(st.st_mode)) {
            printf("%s %lld bytes\n", child, (long long)st.st_size);
            files++;
        } else {
            printf("%s (another type)\n", child);
        }
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: listing <directory>\n");
        return 2;
    }
    list(argv[1], "");
    printf("%lu directories, %lu files, %lu links\n", directories, files, links);
    return failures == 0 ? 0 : 1;
}
