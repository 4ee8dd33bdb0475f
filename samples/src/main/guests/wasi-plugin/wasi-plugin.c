// A plugin as a WASI 0.2 command that uses both WASI and its host's own interface, example:greeter/host@0.2.1:
// it reads its name from a file under the preopen /config, its greeting from the environment and its arguments,
// prints to stdout through WASI, and hands the host a log line and a checksum to compute through the host
// interface. Written for witbind's samples; build.sh makes it a component.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((import_module("example:greeter/host@0.2.1"), import_name("log")))
extern void host_log(const char *message, size_t length);

__attribute__((import_module("example:greeter/host@0.2.1"), import_name("checksum")))
extern uint64_t host_checksum(const uint8_t *data, size_t length, uint64_t seed);

int main(int argc, char **argv) {
    char name[128] = "nobody";
    FILE *file = fopen("/config/name.txt", "r");
    if (file == NULL) {
        perror("/config/name.txt");
        return 1;
    }
    if (fgets(name, sizeof name, file) != NULL) {
        name[strcspn(name, "\n")] = '\0';
    }
    fclose(file);
    const char *greeting = getenv("GREETING");

    char line[256];
    int length = snprintf(line, sizeof line, "%s, %s! (%d arguments)", greeting ? greeting : "Hello", name,
                          argc - 1);
    printf("plugin says: %s\n", line);
    host_log(line, (size_t) length);
    printf("checksum of the name: %016llx\n",
           (unsigned long long) host_checksum((const uint8_t *) name, strlen(name), 7));
    return 0;
}
