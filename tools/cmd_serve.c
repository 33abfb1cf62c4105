/* cmd_serve.c — `redline serve` (placeholder until implemented). */
#include "cli.h"
#include <stdio.h>
int cmd_serve(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "redline serve: not implemented yet\n");
    return 2;
}
