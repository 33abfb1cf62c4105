/* cmd_code.c — `redline code` (placeholder until implemented). */
#include "cli.h"
#include <stdio.h>
int cmd_code(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "redline code: not implemented yet\n");
    return 2;
}
