/*
 * stdin.c - reads stdin to its end and prints the number of bytes and their CRC-32 (the IEEE polynomial, as
 * java.util.zip.CRC32 and zlib compute it), in lowercase hexadecimal.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static unsigned int crc_table[256];

static void crc_init(void) {
    for (unsigned int n = 0; n < 256; n++) {
        unsigned int c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

int main(void) {
    static unsigned char buffer[65536];
    unsigned long long length = 0;
    unsigned int crc = 0xFFFFFFFFu;
    crc_init();
    for (;;) {
        ssize_t n = read(0, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            printf("read failed: %s\n", strerror(errno));
            return 1;
        }
        if (n == 0) break;
        for (ssize_t i = 0; i < n; i++) crc = crc_table[(crc ^ buffer[i]) & 0xFF] ^ (crc >> 8);
        length += (unsigned long long)n;
    }
    printf("length: %llu\n", length);
    printf("crc32: %08x\n", crc ^ 0xFFFFFFFFu);
    return 0;
}
