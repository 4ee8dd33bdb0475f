/*
 * escape.c - tries to open, for reading, each path given as an argument, and prints one line per path: either
 * "opened" with the first bytes read, or the error (strerror of errno). A test gives it paths that try to leave
 * a preopened directory (`..`, absolute paths outside every preopen, symbolic links pointing outside, which the
 * test creates) beside paths that stay inside; a host that confines the guest refuses the former. The exit
 * status is 0 whatever the paths give.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            printf("%s: error: %s\n", argv[i], strerror(errno));
            continue;
        }
        char buffer[64];
        ssize_t n = read(fd, buffer, sizeof buffer - 1);
        if (n < 0) {
            printf("%s: opened, read error: %s\n", argv[i], strerror(errno));
        } else {
            while (n > 0 && (buffer[n - 1] == '\n' || buffer[n - 1] == '\r')) n--;
            buffer[n] = '\0';
            printf("%s: opened: \"%s\"\n", argv[i], buffer);
        }
        close(fd);
    }
    return 0;
}
