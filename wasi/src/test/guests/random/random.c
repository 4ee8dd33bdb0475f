/*
 * random.c - reads 16 random bytes twice (getentropy, i.e. wasi:random/random get-random-bytes through the
 * adapter) and prints how many bytes each read gave and whether the two reads differ, never the bytes.
 * Exits 1 if a read fails or the two reads are equal (a chance of 2^-128 with a real source).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    unsigned char first[16], second[16];
    memset(first, 0, sizeof first);
    memset(second, 0, sizeof second);
    if (getentropy(first, sizeof first) != 0 || getentropy(second, sizeof second) != 0) {
        perror("getentropy");
        return 1;
    }
    int differ = memcmp(first, second, sizeof first) != 0;
    printf("first read: %zu bytes\n", sizeof first);
    printf("second read: %zu bytes\n", sizeof second);
    printf("the reads differ: %s\n", differ ? "yes" : "no");
    return differ ? 0 : 1;
}
