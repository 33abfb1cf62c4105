/* cmd_codes.c — `redline codes` (placeholder until implemented). */
#include "cli.h"
#include <stdio.h>
int cmd_codes(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "redline codes: not implemented yet\n");
    return 2;
}
