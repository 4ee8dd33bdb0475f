// Reads the file argv[1] (under a preopen) to its end in 64 KiB reads and prints its length and the sum of the
// first and last byte of each read (a check that the bytes arrived, which costs the guest next to nothing: the
// benchmark measures reading, not the guest's arithmetic). Written for witbind.
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    static unsigned char buffer[65536];
    if (argc < 2) {
        fprintf(stderr, "usage: read-file <path>\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        perror(argv[1]);
        return 1;
    }
    unsigned long long length = 0, sum = 0;
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) {
        sum += buffer[0] + buffer[n - 1];
        length += (unsigned long long) n;
    }
    if (n < 0) {
        perror("read");
        return 1;
    }
    printf("%llu bytes, sum %llu\n", length, sum);
    return close(fd);
}
