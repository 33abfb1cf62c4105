/* cmd_parse.c — `redline parse` (placeholder until implemented). */
#include "cli.h"
#include <stdio.h>
int cmd_parse(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "redline parse: not implemented yet\n");
    return 2;
}
