// Writes argv[1] MiB (64 by default) of 'x' to stdout in 4 KiB writes, straight through write(2) (wasi-libc's
// fd_write), so that every write is one call of the preview-1 adapter and one blocking-write-and-flush of WASI
// 0.2: what the stdout throughput benchmark measures. Written for witbind.
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    static char chunk[4096];
    memset(chunk, 'x', sizeof chunk);
    long mebibytes = argc > 1 ? atol(argv[1]) : 64;
    long writes = mebibytes * (1024 * 1024 / (long) sizeof chunk);
    for (long i = 0; i < writes; i++) {
        size_t done = 0;
        while (done < sizeof chunk) {
            ssize_t n = write(1, chunk + done, sizeof chunk - done);
            if (n <= 0) {
                return 1;
            }
            done += (size_t) n;
        }
    }
    return 0;
}
