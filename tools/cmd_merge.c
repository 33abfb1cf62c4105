/* cmd_merge.c — `redline merge OUT.sqlite SHARD.sqlite...`. */
#include "cli.h"
#include "store_merge.h"

#include <stdio.h>
#include <string.h>

int cmd_merge(int argc, char **argv) {
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        printf("usage: redline merge OUT.sqlite SHARD.sqlite...\n\n"
               "Adds every document of the shard databases (from `redline code --shard i/N --db`)\n"
               "to OUT, creating it if needed; a document already in OUT is replaced.\n");
        return 0;
    }
    if (argc < 3) {
        fprintf(stderr, "usage: redline merge OUT.sqlite SHARD.sqlite...\n");
        return 2;
    }
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], argv[1])) {
            fprintf(stderr, "redline merge: %s is both the output and a shard\n", argv[1]);
            return 2;
        }
    rl_error err = {0};
    char msg[1024];
    if (rl_store_merge(argv[1], argv + 2, argc - 2, &err) != 0) {
        fprintf(stderr, "redline merge: %s\n", rl_error_format(&err, msg, sizeof msg));
        return 1;
    }
    return 0;
}
